package io.nexussync.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.graph.DocumentProperties;
import io.nexussync.testing.BridgeEnvironment;
import io.nexussync.testing.BridgeProcess;
import io.nexussync.testing.FreePorts;
import io.nexussync.testing.TestDatabase;
import io.nexussync.testing.WebhookSender;
import io.nexussync.testing.nexus.NexusEmulator;
import io.nexussync.testing.vectorizer.VectorizerEmulator;

import static org.awaitility.Awaitility.await;

/**
 * Reconciliation of one large, already synced collection (N points in Vectorizer, N sync-state rows, N Document nodes)
 * with a little drift on each side, in a bridge JVM with -Xmx512m: prints the job's counts, its duration and the
 * bridge's peak heap from its GC log. N = {@code -Dbench.reconcile.documents} (default 1,000,000).
 */
final class ReconcileBench {

    private static final String C = "bench_reconcile";
    private static final int DRIFT = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NexusEmulator nexus;
    private final Map<String, String> results;
    private final int documents = Integer.getInteger("bench.reconcile.documents", 1_000_000);

    ReconcileBench(NexusEmulator nexus, Map<String, String> results) {
        this.nexus = nexus;
        this.results = results;
    }

    void run() throws Exception {
        VectorizerEmulator vectorizer = VectorizerEmulator.shared();
        vectorizer.reset();
        nexus.reset();
        vectorizer.createCollection(C, 4);
        for (int i = 0; i < documents; i++) {
            vectorizer.put(C, id(i), new float[] {1, i % 7, i % 11, 1}, Map.of("title", "doc " + i));
        }
        Path gc = Path.of("target", "bench-reconcile-gc.log").toAbsolutePath();
        try (TestDatabase db = TestDatabase.createShared();
             BridgeProcess bridge = bridge(db, vectorizer, gc)) {
            long seeded = System.nanoTime();
            seedSyncState(db);
            seedNexus();
            System.out.printf("reconcile bench: %d documents seeded in %d s%n", documents,
                    Duration.ofNanos(System.nanoTime() - seeded).toSeconds());
            for (int i = 0; i < DRIFT; i++) {
                vectorizer.remove(C, id(i));
                nexus.query("MATCH (d:Document {uid: $uid}) DETACH DELETE d", Map.of("uid", uid(DRIFT + i)));
            }
            JsonNode job = reconcile(bridge);
            String line = String.format("%s in %d ms, scanned %d, missing %d, stale %d, orphaned %d, errors %d;"
                    + " bridge heap peak %d MB, peak live after GC %d MB (-Xmx512m)", job.get("state").asText(),
                    job.get("duration_ms").asLong(), job.get("scanned").asLong(), job.get("missing").asLong(),
                    job.get("stale").asLong(), job.get("orphaned").asLong(), job.get("errors").asLong(),
                    GcLog.peakHeapMb(gc), GcLog.peakLiveHeapMb(gc));
            System.out.println("reconcile bench: " + line);
            results.put("reconcile " + documents + " documents (" + TestDatabase.KIND + ")", line);
        } finally {
            vectorizer.reset();
            nexus.reset();
        }
    }

    private BridgeProcess bridge(TestDatabase db, VectorizerEmulator vectorizer, Path gc) throws Exception {
        Map<String, String> p = new LinkedHashMap<>(BridgeEnvironment.properties(FreePorts.next(), FreePorts.next(),
                nexus.url(), db));
        p.put("vectorizer.url", vectorizer.url());
        p.put("similarity.enabled", "false");
        p.put("reconcile.cron", "0 0 3 1 1 ? 2099");
        p.put("reconcile.orphan-grace-ms", "0");
        return new BridgeProcess("bench-reconcile", p, List.of("-Xmx512m", "-XX:+UseZGC", "-Xlog:gc:file=" + gc))
                .start();
    }

    /** What the bridge would have recorded after syncing every point: live rows with the points' content hashes. */
    private void seedSyncState(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO sync_state (doc_uid,"
                + " tenant, collection, vector_id, last_seq, content_hash, property_keys, deleted, synced_at,"
                + " similarity_at) VALUES (?, 'default', ?, ?, 1, ?, 'title', FALSE, ?, ?)")) {
            c.setAutoCommit(false);
            long old = System.currentTimeMillis() - 3_600_000;
            for (int i = 0; i < documents; i++) {
                ObjectNode payload = MAPPER.createObjectNode().put("title", "doc " + i);
                ps.setString(1, uid(i));
                ps.setString(2, C);
                ps.setString(3, id(i));
                ps.setString(4, DocumentProperties.contentHash(payload));
                ps.setLong(5, old);
                ps.setLong(6, old);
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private void seedNexus() {
        int slice = 50_000;
        for (int from = 0; from < documents; from += slice) {
            List<Map<String, Object>> rows = new ArrayList<>(slice);
            for (int i = from; i < Math.min(documents, from + slice); i++) {
                rows.add(Map.of("uid", uid(i), "vector_id", id(i)));
            }
            nexus.query("UNWIND $rows AS row CREATE (:Document {uid: row.uid, tenant: 'default', collection: $c,"
                    + " vector_id: row.vector_id})", Map.of("rows", rows, "c", C));
        }
    }

    private static JsonNode reconcile(BridgeProcess bridge) {
        WebhookSender admin = new WebhookSender("http://127.0.0.1:" + bridge.httpPort(), BridgeEnvironment.SECRET);
        Map<String, String> key = Map.of("X-API-Key", BridgeEnvironment.ADMIN_KEY);
        long id = admin.request("POST", "/admin/reconcile?collection=" + C, key).json().get("job_id").asLong();
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            job[0] = admin.request("GET", "/admin/jobs/" + id, key).json();
            return !"RUNNING".equals(job[0].get("state").asText());
        });
        return job[0];
    }

    private static String id(int i) {
        return "r-" + i;
    }

    private static String uid(int i) {
        return "default/" + C + "/" + id(i);
    }
}
