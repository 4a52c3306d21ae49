package io.nexussync.extract;

import java.io.StringReader;

import io.nexussync.config.RuleFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityRulesLoaderTest {

    @Test
    void should_load_custom_types_and_aliases() {
        EntityRules rules = read("custom:\n  PRODUCT: {words: [Nexus, Vectorizer]}\n  SKU: {regex: 'SKU-\\d+'}\n"
                + "aliases:\n  ORGANIZATION:\n    IBM: [International Business Machines]\n");
        assertThat(rules.words()).containsKey("PRODUCT");
        assertThat(rules.patterns().get("SKU")).hasSize(1);
        assertThat(rules.aliases().get("ORGANIZATION")).containsEntry("international business machines", "ibm");
    }

    @Test
    void should_refuse_bad_rules_naming_the_line() {
        assertThatThrownBy(() -> read("custom:\n  PERSON: {words: [x]}\n"))
                .hasMessageContaining("entities.file: test line 2: custom type 'PERSON' must be upper case");
        assertThatThrownBy(() -> read("custom:\n  product: {words: [x]}\n"))
                .hasMessageContaining("line 2: custom type 'product'");
        assertThatThrownBy(() -> read("custom:\n  SKU: {regex: '['}\n"))
                .hasMessageContaining("line 2: invalid regular expression");
        assertThatThrownBy(() -> read("custom:\n  SKU: {}\n")).hasMessageContaining("line 2: custom type 'SKU' needs");
        assertThatThrownBy(() -> read("custom:\n  SKU: {words: [a]\n")).hasMessageContaining("test line 3:");
    }

    private static EntityRules read(String yaml) {
        return EntityRulesLoader.read(RuleFile.parse(EntityRulesLoader.SETTING, "test", new StringReader(yaml)));
    }
}
