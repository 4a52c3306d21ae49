package io.nexussync.classify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexussync.Application;
import io.nexussync.testing.Events;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.WebhookSender;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook ends as Domain and Entity nodes with BELONGS_TO, SUBDOMAIN_OF and MENTIONS edges in the Neo4j-backed
 * emulator, through the real routes; an update replaces them.
 */
@CamelMainTest(mainClass = Application.class, properties = {"batch.max-size=50", "batch.timeout-ms=100"})
class KnowledgeGraphRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String CONTRACT = "This Master Services Agreement is entered into on March 3, 2025 between "
            + "Northwind Traders Ltd. and Acme Corporation. Maria Gonzalez signed for Northwind. The supplier shall "
            + "indemnify the customer; the governing law is the law of England. Fees: $12,500.00 per month. "
            + "Notices to legal@northwind.example. Northwind may terminate for convenience with 30 days' notice.";

    private static final String INCIDENT = "Postmortem: on 2025-06-14 the checkout API returned elevated 503 errors "
            + "for 42 minutes. Root cause: a failed database failover. Dr. Kenji Watanabe was the incident "
            + "commander; the status page https://status.acme.example was updated. Action items follow.";

    @Test
    void should_turn_a_document_into_domains_entities_and_edges() {
        assertThat(sender.send(event("kg_docs", "msa-1", "MSA Northwind", CONTRACT)).status()).isEqualTo(202);
        String uid = "default/kg_docs/msa-1";
        await().atMost(WAIT).until(() -> mentions(uid).size() >= 5);

        assertThat(property(uid, "domain")).isEqualTo("legal/contracts");
        assertThat(belongsTo(uid)).containsKey("default/legal/contracts");
        assertThat(env.nexus().count("MATCH (:Domain {key: 'default/legal/contracts'})-[:SUBDOMAIN_OF]->"
                + "(p:Domain {key: 'default/legal', tenant: 'default', name: 'legal'}) RETURN count(p)")).isEqualTo(1);
        assertThat(mentions(uid)).contains("default/ORGANIZATION/northwind traders", "default/ORGANIZATION/acme",
                "default/PERSON/maria gonzalez", "default/DATE/2025-03-03", "default/MONEY/$12,500.00",
                "default/EMAIL/legal@northwind.example", "default/LOCATION/england");
        Map<String, Object> edge = env.nexus().query("MATCH (:Document {uid: $u})-[r:MENTIONS]->"
                + "(:Entity {key: 'default/ORGANIZATION/northwind traders'}) RETURN r.count AS count,"
                + " r.confidence AS confidence", Map.of("u", uid)).get(0);
        assertThat((Long) edge.get("count")).isGreaterThanOrEqualTo(2);
        assertThat((Double) edge.get("confidence")).isBetween(0.5, 1.0);
        assertThat(env.nexus().query("MATCH (e:Entity {key: 'default/PERSON/maria gonzalez'}) RETURN e.type AS type,"
                + " e.name AS name, e.tenant AS tenant").get(0))
                .containsEntry("type", "PERSON").containsEntry("name", "Maria Gonzalez")
                .containsEntry("tenant", "default");

        String metrics = WebhookSender.get(env.managementUrl() + "/observe/metrics").body();
        assertThat(metrics).containsPattern("vectorizer_nexus_documents_classified_total\\{domain=\"legal/contracts\"} "
                + "[1-9]").containsPattern("vectorizer_nexus_entities_extracted_total\\{entity_type=\"PERSON\"} [1-9]");
    }

    @Test
    void should_replace_domains_and_mentions_when_a_document_changes() {
        sender.send(event("kg_update", "doc-1", "MSA Northwind", CONTRACT));
        String uid = "default/kg_update/doc-1";
        await().atMost(WAIT).until(() -> mentions(uid).contains("default/PERSON/maria gonzalez"));

        sender.send(event("kg_update", "doc-1", "Checkout outage", INCIDENT));
        // a batch is several requests (document, then domains, entities, edges): wait for the last one
        await().atMost(WAIT).until(() -> "engineering/incident".equals(property(uid, "domain"))
                                         && mentions(uid).contains("default/URL/status.acme.example"));
        assertThat(belongsTo(uid)).containsOnlyKeys("default/engineering/incident");
        assertThat(mentions(uid)).contains("default/PERSON/kenji watanabe", "default/DATE/2025-06-14",
                "default/URL/status.acme.example").doesNotContain("default/PERSON/maria gonzalez");
        assertThat(env.nexus().count("MATCH (d:Document {uid: $u}) RETURN count(d)", Map.of("u", uid))).isEqualTo(1);
        // entities are shared; the one the document no longer mentions stays for reconciliation to remove
        assertThat(env.nexus().count("MATCH (e:Entity {key: 'default/PERSON/maria gonzalez'}) RETURN count(e)"))
                .isEqualTo(1);
    }

    @Test
    void should_resolve_spellings_of_one_organisation_to_one_entity_across_documents() {
        sender.send(event("kg_resolve", "a", "Note", "We met Acme Corp. in Berlin to discuss the renewal."));
        sender.send(event("kg_resolve", "b", "Note", "ACME Corporation sent the signed order form."));
        sender.send(event("kg_resolve", "c", "Note", "Our contact at Northwind Traders Ltd. praised the work."));
        sender.send(event("kg_resolve", "d", "Note", "Northwind Trader Ltd. asked for an invoice copy."));
        await().atMost(WAIT).until(() -> env.nexus().count("MATCH (:Document {collection: 'kg_resolve'})"
                + "-[:MENTIONS]->(e:Entity {type: 'ORGANIZATION'}) RETURN count(e)") == 4);
        assertThat(env.nexus().count("MATCH (:Document {collection: 'kg_resolve'})-[:MENTIONS]->"
                + "(e:Entity {type: 'ORGANIZATION'}) RETURN count(DISTINCT e)")).isEqualTo(2);
    }

    @Test
    void should_route_each_domain_through_its_own_route() throws Exception {
        sender.send(event("kg_routes", "hr-1", "Parental leave policy", "Employees are entitled to 16 weeks of "
                + "paid parental leave. This policy applies to all employees; annual leave continues to accrue."));
        await().atMost(WAIT).until(() -> "hr/policy".equals(property("default/kg_routes/hr-1", "domain")));
        long handled = (Long) java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
                new javax.management.ObjectName("org.apache.camel:context=nexus-sync,type=routes,name=\"domain-hr\""),
                "ExchangesCompleted");
        assertThat(handled).isGreaterThanOrEqualTo(1);
    }

    @Test
    void should_put_a_document_back_in_the_inbox_while_the_state_store_refuses_its_entities() throws Exception {
        String uid = "default/kg_store/doc-1";
        renameEntityNames("entity_name", "entity_name_away");
        try {
            sender.send(event("kg_store", "doc-1", "Note", "Quillon Maritime Holdings Ltd. opened an office."));
            await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM inbox WHERE doc_uid = ?"
                    + " AND last_error IS NOT NULL AND attempts = 0", uid) == 1);
            assertThat(deadLetters()).isZero();
            assertThat(property(uid, "domain")).isNull();
        } finally {
            renameEntityNames("entity_name_away", "entity_name");
        }
        await().atMost(WAIT).until(() -> mentions(uid).contains("default/ORGANIZATION/quillon maritime holdings"));
        assertThat(deadLetters()).isZero();
    }

    private void renameEntityNames(String from, String to) throws Exception {
        try (var connection = env.database().connect(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
        }
    }

    private String event(String collection, String id, String title, String content) {
        try {
            return Events.updated(collection, id, MAPPER.writeValueAsString(Map.of("title", title, "content",
                    content)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object property(String uid, String key) {
        List<Map<String, Object>> rows = env.nexus().query("MATCH (d:Document {uid: $u}) RETURN properties(d) AS p",
                Map.of("u", uid));
        return rows.isEmpty() ? null : ((Map<?, ?>) rows.get(0).get("p")).get(key);
    }

    private List<String> mentions(String uid) {
        return env.nexus().query("MATCH (:Document {uid: $u})-[:MENTIONS]->(e:Entity) RETURN e.key AS key",
                Map.of("u", uid)).stream().map(r -> (String) r.get("key")).toList();
    }

    private Map<String, Object> belongsTo(String uid) {
        Map<String, Object> out = new java.util.HashMap<>();
        env.nexus().query("MATCH (:Document {uid: $u})-[r:BELONGS_TO]->(m:Domain) RETURN m.key AS key,"
                + " r.confidence AS confidence", Map.of("u", uid)).forEach(r -> out.put((String) r.get("key"),
                r.get("confidence")));
        return out;
    }
}
