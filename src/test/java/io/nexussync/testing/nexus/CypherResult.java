package io.nexussync.testing.nexus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Result;

/** Rendered rows of one executed query plus the statistics the HTTP answer needs. */
record CypherResult(List<String> columns, List<List<Object>> rows, int nodesDeleted) {

    /** Renders inside the transaction, because nodes and relationships cannot be read after it closes. */
    static CypherResult from(Result result) {
        List<String> columns = result.columns();
        List<List<Object>> rows = new ArrayList<>();
        while (result.hasNext()) {
            Map<String, Object> record = result.next();
            List<Object> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                row.add(ValueRenderer.render(record.get(column)));
            }
            rows.add(row);
        }
        return new CypherResult(List.copyOf(columns), rows, result.getQueryStatistics().getNodesDeleted());
    }
}
