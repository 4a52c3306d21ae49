package io.nexussync.classify;

import java.io.StringReader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.config.RuleFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DomainClassifierTest {

    private static final String RULES = """
            threshold: 0.5
            secondary-ratio: 0.6
            scale: 4
            forced-collections: {board_minutes: legal}
            domains:
              legal:
                collections: {weight: 2, patterns: ["legal_*"]}
                keywords: {3: [governing law, counsel], 1: [party]}
              legal/contracts:
                metadata: {doc_type: {weight: 4, values: [contract]}}
                keywords: {3: [agreement]}
              financial:
                keywords: {3: [invoice, budget]}
                patterns: [{regex: '\\bINV-\\d+', weight: 2}]
            """;
    private final DomainClassifier classifier = new DomainClassifier(DomainRulesLoader.read(
            RuleFile.parse("domains.file", "test", new StringReader(RULES))));
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void should_score_keywords_with_diminishing_repetition_and_count_phrases() {
        double[] scores = classifier.scores("docs", null, "The governing law clause; counsel, counsel and counsel.");
        // governing law once (3) + counsel three times (3 * (1 + ln 3))
        assertThat(scores[0]).isCloseTo(3 + 3 * (1 + Math.log(3)), within(1e-9));
    }

    @Test
    void should_pick_a_confident_sub_domain_and_give_the_parent_its_evidence() {
        ObjectNode payload = mapper.createObjectNode().put("doc_type", "contract");
        Classification c = classifier.classify("docs", payload, "This agreement names the governing law.");
        assertThat(c.primary().key()).isEqualTo("legal/contracts");
        // legal: 3 (governing law) + 4 (doc_type) + 3 (agreement) = 10
        assertThat(c.primary().confidence()).isCloseTo(1 - Math.exp(-10 / 4.0), within(0.001));
        assertThat(c.primary().root()).isEqualTo("legal");
    }

    @Test
    void should_stay_at_the_parent_when_no_sub_domain_is_confident() {
        Classification c = classifier.classify("legal_archive", null, "Outside counsel reviewed it.");
        assertThat(c.primary().key()).isEqualTo("legal");
    }

    @Test
    void should_assign_a_second_domain_only_when_it_comes_close_to_the_first() {
        Classification both = classifier.classify("docs", null, "The agreement says counsel approves every invoice "
                + "and the budget.");
        assertThat(both.domains()).extracting(Classification.DomainScore::key)
                .containsExactly("legal/contracts", "financial");
        Classification one = classifier.classify("docs", null, "The agreement, governing law, counsel and counsel; "
                + "see invoice.");
        assertThat(one.domains()).extracting(Classification.DomainScore::key).containsExactly("legal/contracts");
    }

    @Test
    void should_fall_back_to_the_default_domain_and_honour_forced_collections() {
        Classification none = classifier.classify("docs", null, "Lunch is at noon on the terrace.");
        assertThat(none.domains()).extracting(Classification.DomainScore::key).containsExactly("general");
        assertThat(none.primary().confidence()).isEqualTo(1.0);
        Classification forced = classifier.classify("board_minutes", null, "The invoice INV-2291 was approved.");
        assertThat(forced.domains()).extracting(Classification.DomainScore::key).containsExactly("legal",
                "financial");
        assertThat(forced.primary().confidence()).isEqualTo(1.0);
    }
}
