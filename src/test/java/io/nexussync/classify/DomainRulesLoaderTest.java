package io.nexussync.classify;

import java.io.StringReader;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.RuleFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainRulesLoaderTest {

    @Test
    void should_load_the_built_in_rules_with_parents_before_sub_domains() {
        DomainRules rules = DomainRulesLoader.load("");
        assertThat(rules.defaultDomain()).isEqualTo("general");
        assertThat(rules.domains()).extracting(DomainRules.Domain::key).contains("legal", "legal/contracts",
                "legal/compliance", "financial", "financial/invoices", "financial/reporting", "hr", "hr/recruiting",
                "hr/policy", "engineering", "engineering/api", "engineering/incident");
        assertThat(rules.domains().get(1).parent()).isEqualTo("legal");
    }

    @Test
    void should_name_the_line_of_a_yaml_syntax_error() {
        assertThatThrownBy(() -> read("threshold: 0.5\ndomains:\n  legal:\n    keywords: {3: [a, b}\n"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("invalid setting domains.file: test.yaml line 4: ");
    }

    @Test
    void should_name_the_line_of_a_bad_value() {
        assertThatThrownBy(() -> read("threshold: 0.5\ndomains:\n  legal:\n    patterns:\n      - {regex: 'a(b'}\n"))
                .hasMessageStartingWith("invalid setting domains.file: test.yaml line 5: invalid regular expression");
        assertThatThrownBy(() -> read("threshold: high\ndomains:\n  legal: {}\n"))
                .hasMessage("invalid setting domains.file: test.yaml line 1: 'high' is not a number");
        assertThatThrownBy(() -> read("domains:\n  legal:\n    keyword: {3: [a]}\n"))
                .hasMessageContaining("test.yaml line 3: unknown key 'keyword'");
        assertThatThrownBy(() -> read("domains:\n  legal:\n    keywords: {heavy: [a]}\n"))
                .hasMessageContaining("line 3: keywords are grouped by weight; 'heavy' is not a number");
    }

    @Test
    void should_refuse_a_sub_domain_before_its_parent_and_a_forced_unknown_domain() {
        assertThatThrownBy(() -> read("domains:\n  legal/contracts: {}\n  legal: {}\n"))
                .hasMessageContaining("line 2: domain 'legal/contracts' comes before its parent 'legal'");
        assertThatThrownBy(() -> read("forced-collections: {docs: legl}\ndomains:\n  legal: {}\n"))
                .hasMessageContaining("line 1: collection 'docs' is forced to unknown domain 'legl'");
    }

    @Test
    void should_refuse_a_missing_file_naming_the_setting() {
        assertThatThrownBy(() -> DomainRulesLoader.load("/nowhere/domains.yaml"))
                .hasMessage("invalid setting domains.file: '/nowhere/domains.yaml' cannot be read");
    }

    private static DomainRules read(String yaml) {
        return DomainRulesLoader.read(RuleFile.parse(DomainRulesLoader.SETTING, "test.yaml", new StringReader(yaml)));
    }
}
