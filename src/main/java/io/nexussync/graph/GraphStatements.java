package io.nexussync.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the batch statements of a set of mapped documents, one UNWIND statement per shape, inside the Nexus 2.5
 * dialect: values only as parameters, no WHERE next to MERGE/SET, deletes in their own statement.
 */
public final class GraphStatements {

    static final String DELETE_DOCUMENTS = "MATCH (d:Document) WHERE d.uid IN $uids DETACH DELETE d";
    static final String UPSERT_DOCUMENTS = "UNWIND $rows AS row MERGE (d:Document {uid: row.uid}) SET d += row.props";
    static final String MERGE_DOMAINS = "UNWIND $rows AS row MERGE (m:Domain {key: row.key}) SET m += row.props";
    static final String MERGE_SUBDOMAINS = "UNWIND $rows AS row MATCH (c:Domain {key: row.child}),"
            + " (p:Domain {key: row.parent}) MERGE (c)-[:SUBDOMAIN_OF]->(p)";
    static final String MERGE_BELONGS_TO = "UNWIND $rows AS row MATCH (d:Document {uid: row.uid}),"
            + " (m:Domain {key: row.domain}) MERGE (d)-[r:BELONGS_TO]->(m) SET r.confidence = row.confidence";
    /** An entity keeps the name it was first seen with; later documents may spell it differently. */
    static final String MERGE_ENTITIES = "UNWIND $rows AS row MERGE (e:Entity {key: row.key})"
            + " ON CREATE SET e += row.props";
    static final String MERGE_MENTIONS = "UNWIND $rows AS row MATCH (d:Document {uid: row.uid}),"
            + " (e:Entity {key: row.entity}) MERGE (d)-[r:MENTIONS]->(e)"
            + " SET r.count = row.count, r.confidence = row.confidence";

    private GraphStatements() {
    }

    /**
     * The rows of one batch, by statement. {@code deletedUids} holds deleted documents and documents whose edges are
     * replaced: Nexus cannot delete relationships by variable, so a document is detached and merged again.
     */
    public record BatchRows(List<String> deletedUids, List<Map<String, Object>> documents,
            List<Map<String, Object>> domains, List<Map<String, Object>> subdomains,
            List<Map<String, Object>> belongsTo, List<Map<String, Object>> entities,
            List<Map<String, Object>> mentions) {

        public BatchRows() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * Statements for one batch, in dependency order: deletes, documents, domains and their hierarchy, entities, then
     * the edges between them. A document appears once per batch, so the statements touch disjoint documents.
     */
    public static List<CypherStatement> forBatch(BatchRows rows) {
        List<CypherStatement> statements = new ArrayList<>(7);
        if (!rows.deletedUids().isEmpty()) {
            statements.add(new CypherStatement("delete-documents", DELETE_DOCUMENTS,
                    Map.of("uids", rows.deletedUids())));
        }
        add(statements, "upsert-documents", UPSERT_DOCUMENTS, rows.documents());
        add(statements, "merge-domains", MERGE_DOMAINS, rows.domains());
        add(statements, "merge-subdomains", MERGE_SUBDOMAINS, rows.subdomains());
        add(statements, "merge-entities", MERGE_ENTITIES, rows.entities());
        add(statements, "merge-belongs-to", MERGE_BELONGS_TO, rows.belongsTo());
        add(statements, "merge-mentions", MERGE_MENTIONS, rows.mentions());
        return statements;
    }

    private static void add(List<CypherStatement> statements, String name, String cypher,
            List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            statements.add(new CypherStatement(name, cypher, Map.of("rows", rows)));
        }
    }

    /** One upsert row: the merge key and the properties to set ({@code null} values remove a property). */
    public static Map<String, Object> upsertRow(String uid, Map<String, Object> properties) {
        return Map.of("uid", uid, "props", properties);
    }
}
