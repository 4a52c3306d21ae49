package io.nexussync.similarity;

import java.util.Map;
import java.util.Optional;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.SettingsReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimilaritySettingsTest {

    @Test
    void should_prefer_the_collection_override_then_the_domain_then_its_top_level_then_the_defaults() {
        SimilaritySettings s = settings(Map.of("similarity.collections", "legal_docs=0.9/5",
                "similarity.domains", "legal=0.8, hr/policy=0.6/30"));
        assertThat(s.limitsFor("legal_docs", "hr/policy")).isEqualTo(new SimilaritySettings.Limits(0.9, 5));
        assertThat(s.limitsFor("other", "hr/policy")).isEqualTo(new SimilaritySettings.Limits(0.6, 30));
        assertThat(s.limitsFor("other", "legal/contracts")).isEqualTo(new SimilaritySettings.Limits(0.8, 20));
        assertThat(s.limitsFor("other", "financial")).isEqualTo(new SimilaritySettings.Limits(0.75, 20));
        assertThat(s.limitsFor("other", null)).isEqualTo(new SimilaritySettings.Limits(0.75, 20));
    }

    @Test
    void should_name_the_key_of_a_malformed_override() {
        assertThatThrownBy(() -> settings(Map.of("similarity.domains", "legal:0.8")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("similarity.domains");
        assertThatThrownBy(() -> settings(Map.of("similarity.collections", "c=1.5")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("threshold must be 0..1");
        assertThatThrownBy(() -> settings(Map.of("similarity.method", "keyword")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("similarity.method");
    }

    private static SimilaritySettings settings(Map<String, String> values) {
        return SimilaritySettings.from(new SettingsReader(key -> Optional.ofNullable(values.get(key))));
    }
}
