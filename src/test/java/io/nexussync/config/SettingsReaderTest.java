package io.nexussync.config;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsReaderTest {

    private static SettingsReader reader(Map<String, String> values) {
        return new SettingsReader(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void should_read_typed_values_with_defaults() {
        SettingsReader r = reader(Map.of("a", "1_000", "b", "true", "u", "https://nexus:15474", "l", "x, y z"));
        assertThat(r.integer("a", 5, 0, 2000)).isEqualTo(1000);
        assertThat(r.integer("missing", 5, 0, 10)).isEqualTo(5);
        assertThat(r.bool("b", false)).isTrue();
        assertThat(r.httpUrl("u", "http://x").getPort()).isEqualTo(15474);
        assertThat(r.list("l", "")).containsExactly("x", "y", "z");
    }

    @Test
    void should_name_the_key_of_a_bad_value_in_one_line() {
        SettingsReader r = reader(Map.of("batch.max-size", "lots", "n", "0", "u", "ftp://x", "b", "yes"));
        assertThatThrownBy(() -> r.integer("batch.max-size", 1, 1, 10)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("invalid setting batch.max-size: 'lots' is not a whole number");
        assertThatThrownBy(() -> r.integer("n", 1, 1, 10)).hasMessage("invalid setting n: 0 is outside 1..10");
        assertThatThrownBy(() -> r.httpUrl("u", "")).hasMessageContaining("invalid setting u:");
        assertThatThrownBy(() -> r.bool("b", true)).hasMessageContaining("invalid setting b:");
    }

    @Test
    void should_find_the_setting_error_in_a_cause_chain() {
        InvalidSettingException cause = new InvalidSettingException("k", "bad");
        assertThat(InvalidSettingException.findIn(new RuntimeException(new IllegalStateException(cause))))
                .isSameAs(cause);
        assertThat(InvalidSettingException.findIn(new RuntimeException("other"))).isNull();
    }
}
