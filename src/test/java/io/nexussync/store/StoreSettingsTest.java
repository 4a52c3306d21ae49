package io.nexussync.store;

import java.util.Map;
import java.util.Optional;

import io.nexussync.config.SettingsReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreSettingsTest {

    @Test
    void should_refuse_other_databases() {
        SettingsReader r = new SettingsReader(k -> Optional.ofNullable(Map.of("sync.db.url", "jdbc:mysql://x").get(k)));
        assertThatThrownBy(() -> StoreSettings.from(r)).hasMessageStartingWith("invalid setting sync.db.url:");
    }

    @Test
    void should_never_print_the_password() {
        SettingsReader r = new SettingsReader(k -> Optional.ofNullable(Map.of("sync.db.password", "s3cret").get(k)));
        assertThat(StoreSettings.from(r).toString()).doesNotContain("s3cret");
    }

    @Test
    void should_leave_closing_an_h2_file_database_to_the_bridge() {
        assertThat(StoreSettings.closedByTheBridge("jdbc:h2:file:./data/x")).isEqualTo(
                "jdbc:h2:file:./data/x;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(StoreSettings.closedByTheBridge("jdbc:h2:file:./x;db_close_on_exit=true")).isEqualTo(
                "jdbc:h2:file:./x;db_close_on_exit=true");
        assertThat(StoreSettings.closedByTheBridge("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        // H2 refuses DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER=TRUE
        assertThat(StoreSettings.closedByTheBridge("jdbc:h2:file:./x;AUTO_SERVER=TRUE")).isEqualTo(
                "jdbc:h2:file:./x;AUTO_SERVER=TRUE");
        assertThat(StoreSettings.closedByTheBridge("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }
}
