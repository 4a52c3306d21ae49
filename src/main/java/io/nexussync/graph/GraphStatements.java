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

    private GraphStatements() {
    }

    /** Statements for one batch; a document appears once per batch, so the statements touch disjoint nodes. */
    public static List<CypherStatement> forBatch(List<String> deletedUids, List<Map<String, Object>> upsertRows) {
        List<CypherStatement> statements = new ArrayList<>(2);
        if (!deletedUids.isEmpty()) {
            statements.add(new CypherStatement("delete-documents", DELETE_DOCUMENTS, Map.of("uids", deletedUids)));
        }
        if (!upsertRows.isEmpty()) {
            statements.add(new CypherStatement("upsert-documents", UPSERT_DOCUMENTS, Map.of("rows", upsertRows)));
        }
        return statements;
    }

    /** One upsert row: the merge key and the properties to set ({@code null} values remove a property). */
    public static Map<String, Object> upsertRow(String uid, Map<String, Object> properties) {
        return Map.of("uid", uid, "props", properties);
    }
}
