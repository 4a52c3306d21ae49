package io.nexussync.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nexussync.testing.BridgeEnvironment;
import io.nexussync.testing.BridgeProcess;
import io.nexussync.testing.FreePorts;
import io.nexussync.testing.TestDatabase;
import io.nexussync.testing.nexus.NexusEmulator;
import io.nexussync.testing.vectorizer.VectorizerEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two bridge JVMs share one PostgreSQL database (always PostgreSQL: clustering needs it) and a schedule firing every
 * 3 seconds: every firing runs exactly once, on one of them, and when one is killed the other keeps firing.
 */
class ReconcileClusterIT {

    private static final String C = "cluster_docs";
    private static final long PERIOD_MS = 3_000;

    private final NexusEmulator nexus = NexusEmulator.shared();
    private final VectorizerEmulator vectorizer = VectorizerEmulator.shared();
    private TestDatabase database;
    private final List<BridgeProcess> bridges = new ArrayList<>();

    @BeforeEach
    void setUp() {
        nexus.reset();
        vectorizer.reset();
        vectorizer.createCollection(C, 8);
        for (int i = 0; i < 20; i++) {
            vectorizer.put(C, "c-" + i, VectorizerEmulator.embed("document " + i, 8),
                    Map.of("title", "document " + i, "content", "text of document " + i));
        }
        database = TestDatabase.createPostgres();
    }

    @AfterEach
    void tearDown() {
        bridges.forEach(BridgeProcess::close);
        database.close();
        vectorizer.reset();
        nexus.reset();
    }

    @Test
    void should_run_each_firing_once_across_the_cluster_and_survive_a_killed_node() throws Exception {
        // one instance runs the pipeline, the other only accepts and shares the schedule (docs/operations.md)
        BridgeProcess a = start("cluster-a", true);
        BridgeProcess b = start("cluster-b", false);

        await().atMost(Duration.ofSeconds(60)).until(() -> jobs().size() >= 4);
        assertOneRunPerFiring(jobs());

        // the node that ran the latest firing dies; the survivor keeps the schedule going
        List<Job> before = jobs();
        BridgeProcess victim = before.get(before.size() - 1).owner().startsWith(a.pid() + "@") ? a : b;
        BridgeProcess survivor = victim == a ? b : a;
        victim.kill();
        long killedAt = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jobs().stream().filter(j -> j.startedAt() > killedAt).count() >= 3);
        List<Job> after = jobs().stream().filter(j -> j.startedAt() > killedAt).toList();
        assertThat(after).allSatisfy(j -> assertThat(j.owner()).startsWith(survivor.pid() + "@"));
        assertOneRunPerFiring(jobs());
    }

    /**
     * Jobs start right after their firing: two on different nodes within half a period would be one firing run twice.
     * One node's jobs can come closer (a start-up firing run late, then the next on time); its stateful job never
     * runs one firing twice.
     */
    private static void assertOneRunPerFiring(List<Job> jobs) {
        for (int i = 1; i < jobs.size(); i++) {
            if (jobs.get(i).owner().equals(jobs.get(i - 1).owner())) {
                continue;
            }
            long gap = jobs.get(i).startedAt() - jobs.get(i - 1).startedAt();
            assertThat(gap).as("jobs %s and %s", jobs.get(i - 1), jobs.get(i)).isGreaterThan(PERIOD_MS / 2);
        }
        assertThat(jobs).allSatisfy(j -> assertThat(j.startedBy()).isEqualTo("schedule"));
    }

    private BridgeProcess start(String name, boolean consume) throws Exception {
        Map<String, String> properties = BridgeEnvironment.properties(FreePorts.next(), FreePorts.next(), nexus.url(),
                database);
        properties.put("vectorizer.url", vectorizer.url());
        properties.put("reconcile.cron", "0/3 * * * * ?");
        properties.put("reconcile.orphan-grace-ms", "0");
        properties.put("reconcile.cluster.checkin-interval-ms", "1000");
        properties.put("inbox.consume", Boolean.toString(consume));
        BridgeProcess bridge = new BridgeProcess(name, properties, List.of("-Xmx256m")).start();
        bridges.add(bridge);
        return bridge;
    }

    record Job(long id, String startedBy, String state, long startedAt, String owner) {
    }

    private List<Job> jobs() throws SQLException {
        List<Job> jobs = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("SELECT id, started_by,"
                + " state, started_at, owner FROM sync_job WHERE kind = 'reconcile' AND collection = ?"
                + " ORDER BY started_at")) {
            ps.setString(1, C);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return jobs;
    }
}
