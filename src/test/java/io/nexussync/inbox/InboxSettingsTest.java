package io.nexussync.inbox;

import java.util.Map;
import java.util.Optional;

import io.nexussync.config.SettingsReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxSettingsTest {

    @Test
    void should_back_off_exponentially_up_to_the_cap() {
        InboxSettings s = InboxSettings.from(new SettingsReader(k -> Optional.ofNullable(Map.of(
                "sync.retry.initial-delay-ms", "100", "sync.retry.max-delay-ms", "1000").get(k))));
        assertThat(new long[] {s.retryDelayMs(1), s.retryDelayMs(2), s.retryDelayMs(3), s.retryDelayMs(4),
            s.retryDelayMs(5), s.retryDelayMs(60)}).containsExactly(100, 200, 400, 800, 1000, 1000);
    }

    @Test
    void should_refuse_a_maximum_delay_below_the_initial_one() {
        assertThatThrownBy(() -> InboxSettings.from(new SettingsReader(k -> Optional.ofNullable(Map.of(
                "sync.retry.initial-delay-ms", "5000", "sync.retry.max-delay-ms", "1000").get(k)))))
                .hasMessageStartingWith("invalid setting sync.retry.max-delay-ms:");
    }
}
