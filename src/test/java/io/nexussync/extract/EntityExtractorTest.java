package io.nexussync.extract;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityExtractorTest {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor(Gazetteers.builtIn(),
            EntityRulesLoader.load(""));

    @Test
    void should_find_persons_by_honorific_given_name_and_context() {
        Map<String, String> found = names("Dr. Amara Okafor met Lars Eriksson. Later, Okafor called Sofia.");
        assertThat(found).containsEntry("amara okafor", "PERSON").containsEntry("lars eriksson", "PERSON")
                .containsEntry("sofia", "PERSON");
        // the lone surname joins the full name instead of being a second entity
        assertThat(found).doesNotContainKey("okafor");
    }

    @Test
    void should_find_organisations_by_suffix_keyword_and_gazetteer() {
        Map<String, String> found = names("Initech, Inc. signed with Globex GmbH and the University of Leeds; "
                + "Deloitte audited Northwind Traders Ltd. Northwind paid.");
        assertThat(found).containsEntry("initech", "ORGANIZATION").containsEntry("globex", "ORGANIZATION")
                .containsEntry("university of leeds", "ORGANIZATION").containsEntry("deloitte", "ORGANIZATION")
                .containsEntry("northwind traders", "ORGANIZATION");
        assertThat(found).doesNotContainKey("northwind");
    }

    @Test
    void should_find_locations_and_tell_places_from_people_by_context() {
        Map<String, String> found = names("Our team in Jordan met Jordan Mitchell in Paris. The office is based in "
                + "Rotterdam.");
        assertThat(found).containsEntry("jordan", "LOCATION").containsEntry("jordan mitchell", "PERSON")
                .containsEntry("paris", "LOCATION").containsEntry("rotterdam", "LOCATION");
    }

    @Test
    void should_not_take_capitalised_sentence_starts_and_headings_for_names() {
        assertThat(names("Please review the Master Services Agreement. Thanks for the Quarterly Budget Review."))
                .isEmpty();
    }

    @Test
    void should_normalise_dates_to_iso_and_keep_the_surface_text() {
        List<ExtractedEntity> dates = EXTRACTOR.extract(null, "Signed 2025-03-03, due 03/15/2025, met 4 July 2024, "
                + "paid March 3rd, 2025, start 3.4.2025, review in May 2026, not 31/06/2025 nor 2025.").stream()
                .filter(e -> e.type().equals("DATE")).toList();
        assertThat(dates).extracting(ExtractedEntity::normalised).containsExactlyInAnyOrder("2025-03-03",
                "2025-03-15", "2024-07-04", "2025-04-03", "2026-05");
        assertThat(dates.stream().filter(d -> d.normalised().equals("2025-03-03")).findFirst().orElseThrow()
                .surfaces()).containsExactlyInAnyOrder("2025-03-03", "March 3rd, 2025");
    }

    @Test
    void should_find_emails_urls_and_money_without_trailing_punctuation() {
        Map<String, List<String>> found = byType(EXTRACTOR.extract(null, "Write to ap@acme.example or see "
                + "https://acme.example/terms. Also www.acme.example/help, please. Fees: $12,500.00, EUR 3.2 million, "
                + "€450 and 1,200 USD; not 15% or 300 units."));
        assertThat(found.get("EMAIL")).containsExactly("ap@acme.example");
        assertThat(found.get("URL")).containsExactlyInAnyOrder("https://acme.example/terms", "www.acme.example/help");
        assertThat(found.get("MONEY")).containsExactlyInAnyOrder("$12,500.00", "EUR 3.2 million", "€450",
                "1,200 USD");
    }

    @Test
    void should_find_custom_types_and_apply_aliases() {
        Map<String, List<String>> found = byType(EXTRACTOR.extract(null, "The GDPR review of INC-4821 covered the "
                + "U.S. and USA offices of International Business Machines."));
        assertThat(found.get("REGULATION")).containsExactly("GDPR");
        assertThat(found.get("TICKET")).containsExactly("INC-4821");
        List<ExtractedEntity> all = EXTRACTOR.extract(null, "Offices in the U.S. and the USA; IBM and "
                + "International Business Machines.");
        assertThat(all.stream().filter(e -> e.type().equals("LOCATION")).map(ExtractedEntity::normalised))
                .containsExactly("united states");
        assertThat(all.stream().filter(e -> e.type().equals("ORGANIZATION")).map(ExtractedEntity::normalised))
                .containsExactly("ibm");
    }

    @Test
    void should_count_mentions_and_keep_the_fullest_name() {
        ExtractedEntity acme = EXTRACTOR.extract(null, "Acme Corp. won. Acme Corp. paid. ACME Corporation agreed.")
                .stream().filter(e -> e.type().equals("ORGANIZATION")).findFirst().orElseThrow();
        assertThat(acme.normalised()).isEqualTo("acme");
        assertThat(acme.count()).isEqualTo(3);
        assertThat(acme.name()).isEqualTo("ACME Corporation");
    }

    private static Map<String, String> names(String text) {
        return EXTRACTOR.extract(null, text).stream()
                .filter(e -> List.of("PERSON", "ORGANIZATION", "LOCATION").contains(e.type()))
                .collect(Collectors.toMap(ExtractedEntity::normalised, ExtractedEntity::type));
    }

    private static Map<String, List<String>> byType(List<ExtractedEntity> entities) {
        return entities.stream().collect(Collectors.groupingBy(ExtractedEntity::type,
                Collectors.mapping(ExtractedEntity::name, Collectors.toList())));
    }
}
