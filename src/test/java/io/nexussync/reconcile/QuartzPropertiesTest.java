package io.nexussync.reconcile;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.SettingsReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuartzPropertiesTest {

    private static ReconcileSettings settings(Map<String, String> values) {
        return ReconcileSettings.from(new SettingsReader(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void should_cluster_the_schedule_on_postgres_through_the_bridge_pool() {
        Properties p = QuartzProperties.of(true, settings(Map.of("reconcile.cluster.checkin-interval-ms", "2000")));
        assertThat(p.getProperty("org.quartz.jobStore.class")).isEqualTo("org.quartz.impl.jdbcjobstore.JobStoreTX");
        assertThat(p.getProperty("org.quartz.jobStore.isClustered")).isEqualTo("true");
        assertThat(p.getProperty("org.quartz.jobStore.driverDelegateClass")).endsWith("PostgreSQLDelegate");
        assertThat(p.getProperty("org.quartz.jobStore.dataSource")).isEqualTo(QuartzProperties.DATA_SOURCE);
        assertThat(p.getProperty("org.quartz.jobStore.clusterCheckinInterval")).isEqualTo("2000");
        assertThat(p.getProperty("org.quartz.jobStore.misfireThreshold")).isEqualTo("1000");
        assertThat(p.getProperty("org.quartz.scheduler.instanceId")).isEqualTo("AUTO");
        // no c3p0 pool of Quartz's own: the provider registered under the data source name hands out connections
        assertThat(p.stringPropertyNames()).noneMatch(k -> k.startsWith("org.quartz.dataSource."));
    }

    @Test
    void should_keep_the_schedule_in_memory_on_h2() {
        Properties p = QuartzProperties.of(false, settings(Map.of()));
        assertThat(p.getProperty("org.quartz.jobStore.class")).isEqualTo("org.quartz.simpl.RAMJobStore");
        assertThat(p.getProperty("org.quartz.jobStore.isClustered")).isNull();
    }

    @Test
    void should_default_to_every_fifteen_minutes_and_refuse_a_bad_cron() {
        assertThat(settings(Map.of()).cron()).isEqualTo("0 0/15 * * * ?");
        assertThat(settings(Map.of()).similarityRepairLimit()).isEqualTo(10_000);
        assertThatThrownBy(() -> settings(Map.of("reconcile.cron", "every 5 minutes")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("reconcile.cron");
        assertThatThrownBy(() -> settings(Map.of("reconcile.page-size", "5")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("reconcile.page-size");
    }

    @Test
    void should_read_the_vector_id_out_of_a_uid_whose_id_has_slashes() {
        assertThat(RepairQueue.vectorId("default", "docs", "default/docs/a/b#0")).isEqualTo("a/b#0");
        assertThatThrownBy(() -> RepairQueue.vectorId("default", "docs", "default/other/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
