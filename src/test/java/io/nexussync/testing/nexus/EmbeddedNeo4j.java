package io.nexussync.testing.nexus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/** Embedded Neo4j 5 in a temporary directory: the storage behind the emulator, with no network listeners. */
final class EmbeddedNeo4j implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Path home;
    private final DatabaseManagementService dbms;
    private final GraphDatabaseService db;
    private final Duration bootTime;

    private EmbeddedNeo4j(Path home, DatabaseManagementService dbms, Duration bootTime) {
        this.home = home;
        this.dbms = dbms;
        this.db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.bootTime = bootTime;
    }

    static EmbeddedNeo4j boot() {
        Path home = createTempDirectory();
        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .build();
        return new EmbeddedNeo4j(home, dbms, Duration.ofNanos(System.nanoTime() - started));
    }

    Duration bootTime() {
        return bootTime;
    }

    boolean isAvailable() {
        return db.isAvailable(1000);
    }

    CypherResult execute(String cypher, Map<String, Object> parameters) {
        return db.executeTransactionally(cypher, parameters, CypherResult::from);
    }

    List<Map<String, Object>> query(String cypher, Map<String, Object> parameters) {
        return db.executeTransactionally(cypher, parameters, result -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            result.forEachRemaining(row -> {
                Map<String, Object> rendered = new LinkedHashMap<>();
                row.forEach((column, value) -> rendered.put(column, ValueRenderer.render(value)));
                rows.add(rendered);
            });
            return rows;
        });
    }

    long count(String cypher, Map<String, Object> parameters) {
        List<Map<String, Object>> rows = query(cypher, parameters);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalArgumentException("count query must return one row with one column: " + cypher);
        }
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    long nodeCount(String label) {
        return count("MATCH (n:" + checkedName(label) + ") RETURN count(n)", Map.of());
    }

    long relationshipCount(String type) {
        return count("MATCH ()-[r:" + checkedName(type) + "]->() RETURN count(r)", Map.of());
    }

    Map<String, Object> catalog() {
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("label_count", count("CALL db.labels() YIELD label RETURN count(label)", Map.of()));
        catalog.put("rel_type_count", count("CALL db.relationshipTypes() YIELD relationshipType RETURN count(*)", Map.of()));
        catalog.put("node_count", count("MATCH (n) RETURN count(n)", Map.of()));
        catalog.put("rel_count", count("MATCH ()-[r]->() RETURN count(r)", Map.of()));
        return catalog;
    }

    /** Deletes every node and relationship in batches; indexes and constraints stay. */
    void deleteAllData() {
        db.executeTransactionally("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    }

    @Override
    public void close() {
        dbms.shutdown();
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + home, e);
        }
    }

    private static String checkedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain label or type name: " + name);
        }
        return name;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("nexus-emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
