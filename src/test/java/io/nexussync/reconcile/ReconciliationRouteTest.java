package io.nexussync.reconcile;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexussync.Application;
import io.nexussync.testing.BridgeEnvironment;
import io.nexussync.testing.Events;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.WebhookSender.Reply;
import io.nexussync.testing.vectorizer.VectorizerEmulator;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation against the real routes: drift created behind the bridge's back in both directions (Vectorizer and
 * Nexus) is found, counted in the job and repaired; disabled collections are left alone; the admin answers.
 */
@CamelMainTest(mainClass = Application.class, properties = {"reconcile.orphan-grace-ms=0",
        "reconcile.cron=0 0 3 1 1 ? 2099", "batch.max-size=50"})
class ReconciliationRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> ADMIN = Map.of("X-API-Key", BridgeEnvironment.ADMIN_KEY);
    private static final int DIM = 16;

    @BeanInject
    CamelContext context;

    private VectorizerEmulator vectorizer;

    @BeforeAll
    void useFreshEmulators() {
        vectorizer = env.vectorizer();
        vectorizer.reset();
    }

    @Test
    void should_repair_drift_in_both_directions_and_count_it() {
        String c = "recon_drift";
        env.nexus().reset();
        vectorizer.createCollection(c, DIM);
        for (int i = 0; i < 6; i++) {
            putNote(c, "d-" + i, "note " + i);
        }
        JsonNode first = awaitJob(startReconcile(c));
        assertThat(counts(first)).containsExactly(6L, 6L, 0L, 0L, 6L, 0L);
        await().atMost(WAIT).until(() -> uids(c).size() == 6);

        // drift behind the bridge's back
        putNote(c, "d-6", "note 6");
        putNote(c, "d-7", "note 7");
        putNote(c, "d-1", "note 1 revised");
        vectorizer.remove(c, "d-2");
        env.nexus().query("MATCH (d:Document {uid: 'default/recon_drift/d-3'}) DETACH DELETE d");
        env.nexus().query("CREATE (:Document {uid: 'default/recon_drift/ghost', tenant: 'default',"
                + " collection: 'recon_drift', vector_id: 'ghost'})");
        env.nexus().query("CREATE (:Entity {key: 'default/PERSON/ghost', tenant: 'default', type: 'PERSON',"
                + " name: 'ghost'})");
        env.nexus().query("CREATE (:Domain {key: 'default/ghost', tenant: 'default', name: 'ghost'})");
        env.nexus().query("CREATE (:Entity {key: 'other/PERSON/ghost', tenant: 'other', type: 'PERSON',"
                + " name: 'ghost'})");
        // similarity edges are not this test's subject: mark them computed
        markSimilarityComputed(c);

        JsonNode second = awaitJob(startReconcile(c));
        // scanned 7; missing d-6, d-7 (scan) + d-3 (Nexus); stale d-1; orphaned d-2, ghost document, entity, domain
        assertThat(counts(second)).containsExactly(7L, 3L, 1L, 4L, 8L, 0L);
        assertThat(second.get("started_by").asText()).isEqualTo("admin");
        assertThat(second.get("total").asLong()).isEqualTo(7);
        assertThat(second.get("duration_ms").asLong()).isGreaterThanOrEqualTo(0);

        Set<String> expected = Set.of("d-0", "d-1", "d-3", "d-4", "d-5", "d-6", "d-7");
        await().atMost(WAIT).until(() -> uids(c).equals(expected));
        await().atMost(WAIT).until(() -> "note 1 revised".equals(title(c, "d-1")));
        assertThat(env.nexus().count("MATCH (e:Entity {key: 'default/PERSON/ghost'}) RETURN count(e)")).isZero();
        assertThat(env.nexus().count("MATCH (m:Domain {key: 'default/ghost'}) RETURN count(m)")).isZero();
        assertThat(env.nexus().count("MATCH (e:Entity {tenant: 'other'}) RETURN count(e)")).isEqualTo(1);
        assertThat(env.database().count("SELECT COUNT(*) FROM reconcile_seen")).isZero();

        // converged: a further run finds nothing to repair
        await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM inbox") == 0);
        markSimilarityComputed(c);
        JsonNode third = awaitJob(startReconcile(c));
        assertThat(counts(third)).containsExactly(7L, 0L, 0L, 0L, 0L, 0L);
    }

    @Test
    void should_skip_disabled_collections_and_catch_up_when_enabled() throws Exception {
        vectorizer.createCollection("recon_off", DIM);
        vectorizer.createCollection("recon_on", DIM);
        for (int i = 0; i < 3; i++) {
            putNote("recon_off", "p-" + i, "off " + i);
        }
        putNote("recon_on", "q-0", "on 0");
        putNote("recon_on", "q-1", "on 1");

        Reply disabled = sender.request("POST", "/admin/sync/disable?collection=recon_off", ADMIN);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("was").asBoolean()).isTrue();

        assertThat(sender.send(Events.inserted("recon_off", "p-0", "off 0")).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM inbox WHERE collection = ?",
                "recon_off") == 0);
        assertThat(documents("recon_off")).isZero();

        // a scheduled firing, now
        context.getComponent("quartz", QuartzComponent.class).getScheduler()
                .triggerJob(JobKey.jobKey("collections", "reconcile"));
        await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM sync_job WHERE collection = ?"
                + " AND started_by = 'schedule' AND state = 'SUCCEEDED'", "recon_on") == 1);
        await().atMost(WAIT).until(() -> documents("recon_on") == 2);
        assertThat(env.database().count("SELECT COUNT(*) FROM sync_job WHERE collection = ?", "recon_off")).isZero();
        assertThat(documents("recon_off")).isZero();

        Reply enabled = sender.request("POST", "/admin/sync/enable?collection=recon_off", ADMIN);
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().get("was").asBoolean()).isFalse();
        JsonNode catchUp = awaitJob(enabled.json().get("job_id").asLong());
        assertThat(catchUp.get("started_by").asText()).isEqualTo("enable");
        assertThat(catchUp.get("missing").asLong()).isEqualTo(3);
        await().atMost(WAIT).until(() -> documents("recon_off") == 3);
    }

    @Test
    void should_answer_admin_requests_with_clear_errors() {
        vectorizer.createCollection("recon_admin", DIM);
        assertThat(sender.request("POST", "/admin/reconcile?collection=recon_admin", Map.of()).status())
                .isEqualTo(401);
        Reply missing = sender.request("POST", "/admin/reconcile", ADMIN);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("collection");
        Reply unknown = sender.request("POST", "/admin/reconcile?collection=no_such_collection", ADMIN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("no_such_collection");
        assertThat(sender.request("GET", "/admin/jobs/987654321", ADMIN).status()).isEqualTo(404);
        assertThat(sender.request("GET", "/admin/jobs/abc", ADMIN).status()).isEqualTo(400);
        assertThat(sender.request("GET", "/admin/jobs?limit=0", ADMIN).status()).isEqualTo(400);
        assertThat(sender.request("POST", "/admin/sync/enable", ADMIN).status()).isEqualTo(400);

        // a run of the collection going on (here: on another instance) refuses a second one
        insertRunningJob("recon_admin");
        Reply conflict = sender.request("POST", "/admin/reconcile?collection=recon_admin", ADMIN);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asText()).contains("already running");

        Reply list = sender.request("GET", "/admin/jobs?limit=5", ADMIN);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").size()).isBetween(1, 5);
    }

    private void putNote(String collection, String id, String title) {
        String content = "the plan for " + title + " was reviewed and approved by the team";
        vectorizer.put(collection, id, VectorizerEmulator.embed(content, DIM),
                Map.of("title", title, "doc_type", "note", "content", content));
    }

    private long startReconcile(String collection) {
        Reply reply = sender.request("POST", "/admin/reconcile?collection=" + collection, ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().get("job_id").asLong();
    }

    private JsonNode awaitJob(long id) {
        JsonNode[] job = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            job[0] = sender.request("GET", "/admin/jobs/" + id, ADMIN).json();
            return !"RUNNING".equals(job[0].get("state").asText());
        });
        assertThat(job[0].get("state").asText()).as(job[0].toString()).isEqualTo("SUCCEEDED");
        return job[0];
    }

    /** scanned, missing, stale, orphaned, repaired, errors. */
    private static List<Long> counts(JsonNode job) {
        return List.of(job.get("scanned").asLong(), job.get("missing").asLong(), job.get("stale").asLong(),
                job.get("orphaned").asLong(), job.get("repaired").asLong(), job.get("errors").asLong());
    }

    private Set<String> uids(String collection) {
        Set<String> ids = new HashSet<>();
        env.nexus().query("MATCH (d:Document {collection: $c}) RETURN d.vector_id AS id", Map.of("c", collection))
                .forEach(row -> ids.add(String.valueOf(row.get("id"))));
        return ids;
    }

    private String title(String collection, String vectorId) {
        List<Map<String, Object>> rows = env.nexus().query("MATCH (d:Document {collection: $c, vector_id: $v})"
                + " RETURN d.title AS title", Map.of("c", collection, "v", vectorId));
        return rows.isEmpty() ? null : String.valueOf(rows.get(0).get("title"));
    }

    private void markSimilarityComputed(String collection) {
        execute("UPDATE sync_state SET similarity_at = 1 WHERE collection = '" + collection + "'");
    }

    private void insertRunningJob(String collection) {
        execute("INSERT INTO sync_job (tenant, collection, kind, started_by, state, started_at) VALUES ('default', '"
                + collection + "', 'reconcile', 'admin', 'RUNNING', " + System.currentTimeMillis() + ")");
    }

    private void execute(String sql) {
        try (java.sql.Connection c = env.database().connect(); java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
