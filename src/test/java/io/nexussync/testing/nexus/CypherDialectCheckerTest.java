package io.nexussync.testing.nexus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CypherDialectCheckerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "UNWIND $rows AS row MERGE (d:Document {uid: row.uid}) SET d += row.props",
        "UNWIND $rows AS row MERGE (d:Document {uid: row.uid}) ON CREATE SET d.created = row.ts SET d += row.props",
        "UNWIND $rels AS r MATCH (a:Document {uid: r.src}), (b:Entity {key: r.dst})"
                + " MERGE (a)-[m:MENTIONS]->(b) ON CREATE SET m.count = r.count ON MATCH SET m.count = r.count",
        "MATCH (t:Tenant {id: $tenant}) UNWIND $rows AS row CREATE (d:Document {uid: row.uid})",
        "UNWIND $rows AS row MERGE (d:Document {uid: row.uid}) FOREACH (k IN row.keys | MERGE (:Entity {key: k}))",
        "UNWIND $rows AS row MATCH (d:Document {uid: row.uid}) REMOVE d.stale RETURN count(d)",
        "MATCH (n:Document) WHERE n.uid IN $uids DETACH DELETE n",
        "CREATE INDEX document_uid IF NOT EXISTS FOR (n:Document) ON (n.uid)",
        "MATCH (d:Document) WHERE d.tenant = $tenant WITH d ORDER BY d.uid RETURN d.uid SKIP $skip LIMIT 500",
        "UNWIND $uids AS uid WITH uid WHERE uid STARTS WITH 't/' RETURN uid",
        "MATCH (a:Document {uid: $a}), (b:Document {uid: $b}) CREATE (a)-[:SIMILAR_TO {score: $score}]->(b)",
    })
    void should_accept_statements_inside_the_nexus_dialect(String query) {
        assertThat(CypherDialectChecker.violation(query)).isEmpty();
    }

    @Test
    void should_reject_with_or_where_after_unwind_in_write_query() {
        assertViolation("UNWIND $rows AS row WITH row MERGE (d:Document {uid: row.uid})",
                "Unsupported clause after UNWIND in write query");
        assertViolation("UNWIND $rows AS row MATCH (d:Document {uid: row.uid}) WHERE d.seq < row.seq SET d += row.props",
                "Unsupported clause after UNWIND in write query");
    }

    @Test
    void should_reject_clauses_other_than_match_before_unwind() {
        assertViolation("WITH $rows AS rows UNWIND rows AS row MERGE (d:Document {uid: row.uid})",
                "Unsupported clause before UNWIND");
        assertViolation("OPTIONAL MATCH (t:Tenant) UNWIND $rows AS row MERGE (d:Document {uid: row.uid})",
                "Unsupported clause before UNWIND");
    }

    @Test
    void should_reject_relationship_create_after_unwind_but_allow_node_create() {
        assertViolation("UNWIND $rels AS r MATCH (a:Document {uid: r.src}), (b:Entity {key: r.dst})"
                + " CREATE (a)-[:MENTIONS]->(b)", "relationship CREATE after UNWIND");
        assertViolation("UNWIND $rels AS r MATCH (a:Document {uid: r.src}) CREATE (a)<-[:PART_OF]-(:Chunk)",
                "relationship CREATE after UNWIND");
        assertThat(CypherDialectChecker.violation("UNWIND $rows AS row CREATE (:Document {uid: row.uid, n: row.a - (1)})"))
                .isEmpty();
    }

    @Test
    void should_reject_where_in_merge_set_remove_or_foreach_query() {
        assertViolation("MATCH (d:Document) WHERE d.uid = $uid SET d.title = $title", "Unsupported clause in write query");
        assertViolation("MATCH (d:Document) WHERE d.uid = $uid REMOVE d.title", "Unsupported clause in write query");
        assertViolation("MATCH (d:Document) WHERE d.uid = $uid MERGE (d)-[:IN]->(:Domain {key: $k})",
                "Unsupported clause in write query");
        assertViolation("MATCH (d:Document) WHERE d.uid = $uid FOREACH (k IN $keys | CREATE (:Entity {key: k}))",
                "Unsupported clause in write query");
    }

    @Test
    void should_reject_function_calls_and_other_expressions_in_set() {
        assertViolation("MERGE (d:Document {uid: $uid}) SET d.synced_at = timestamp()", "Unsupported expression type in SET clause");
        assertViolation("MERGE (d:Document {uid: $uid}) SET d.title = coalesce($title, d.title)", "function call coalesce()");
        assertViolation("MERGE (d:Document {uid: $uid}) ON CREATE SET d.created = datetime()", "function call datetime()");
        assertViolation("MERGE (d:Document {uid: $uid}) SET d += apoc.map.clean($props, [], [])", "function call clean()");
        assertViolation("MERGE (d:Document {uid: $uid}) SET d.k = CASE WHEN $x THEN 1 ELSE 2 END", "CASE expression");
        assertViolation("MERGE (d:Document {uid: $uid}) SET d.first = $tags[0]", "index or slice access");
    }

    @Test
    void should_allow_literals_parameters_properties_maps_and_arithmetic_in_set() {
        assertThat(CypherDialectChecker.violation("MERGE (d:Document {uid: $uid}) SET d.a = 'x', d.b = 1.5e3, d.c = null,"
                + " d.d = $seq + 1, d.e = (row.n * 2) - 1, d.f = row.g, d += {title: $t, hash: row.hash}, d:Indexed"))
                .isEmpty();
    }

    @Test
    void should_reject_list_literals_in_set() {
        assertViolation("MERGE (d:Document {uid: $uid}) SET d.tags = ['a', 'b']", "list literal");
        assertViolation("MERGE (d:Document {uid: $uid}) SET d += {tags: []}", "list literal");
    }

    @Test
    void should_reject_delete_mixed_with_merge_set_or_create() {
        assertViolation("MATCH (d:Document {uid: $uid}) DETACH DELETE d MERGE (x:Document {uid: $uid})", "DELETE cannot be combined");
        assertViolation("MATCH (d:Document {uid: $uid}), (o:Document {uid: $old}) SET d.v = 2 DELETE o", "DELETE cannot be combined");
        assertViolation("MATCH (d:Document {uid: $uid}) DELETE d CREATE (:Tombstone {uid: $uid})", "DELETE cannot be combined");
    }

    @Test
    void should_reject_delete_of_relationship_variable_but_allow_detach_delete_of_nodes() {
        assertViolation("MATCH (d:Document {uid: $uid})-[r:MENTIONS]->(:Entity) DELETE r", "relationship variable 'r'");
        assertViolation("MATCH (:Entity)<-[m]-(d:Document {uid: $uid}) DELETE m", "relationship variable 'm'");
        assertThat(CypherDialectChecker.violation("MATCH (d:Document {uid: $uid})-[:MENTIONS]->(e:Entity) DETACH DELETE d, e"))
                .isEmpty();
    }

    @Test
    void should_reject_explicit_transactions() {
        assertViolation("BEGIN", "Explicit transactions");
        assertViolation("begin transaction", "Explicit transactions");
        assertViolation("COMMIT", "Explicit transactions");
        assertViolation("ROLLBACK", "Explicit transactions");
        assertThat(CypherDialectChecker.violation("MATCH (n) RETURN n.begin AS begin, n.commit")).isEmpty();
    }

    @Test
    void should_reject_batched_subqueries() {
        assertViolation("MATCH (d:Document) CALL { WITH d DETACH DELETE d } IN TRANSACTIONS OF 1000 ROWS",
                "IN TRANSACTIONS is not supported");
    }

    @Test
    void should_ignore_keywords_inside_string_literals_comments_and_list_comprehensions() {
        assertThat(CypherDialectChecker.violation("MERGE (d:Document {uid: $uid}) SET d.note = 'WHERE timestamp() [1]'"
                + " // WHERE x DELETE r\n /* BEGIN */ SET d.q = \"it\\\"s DELETE\"")).isEmpty();
        assertThat(CypherDialectChecker.violation("MATCH (d:Document {uid: $uid})"
                + " RETURN [x IN d.tags WHERE x STARTS WITH 'a' | x] AS tags")).isEmpty();
    }

    @Test
    void should_not_mistake_properties_labels_or_map_keys_for_clauses() {
        assertThat(CypherDialectChecker.violation("MERGE (d:Document {uid: $uid, where: 1, set: 2}) SET d.delete = row.with"))
                .isEmpty();
        assertThat(CypherDialectChecker.violation("MERGE (d:`Where` {uid: $uid}) SET d.`match` = $m")).isEmpty();
    }

    private static void assertViolation(String query, String expected) {
        assertThat(CypherDialectChecker.violation(query)).hasValueSatisfying(v -> assertThat(v).contains(expected));
    }
}
