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
}
