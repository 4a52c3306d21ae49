package io.nexussync.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.nexussync.Application;
import io.nexussync.testing.Events;
import io.nexussync.testing.RouteTestSupport;
import org.apache.camel.BeanInject;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The collection scanner in a running bridge against the Vectorizer emulator: what it enqueues (missing and stale
 * points, as full events the pipeline applies without hydration), what it skips, page by page, and where it stops.
 */
@CamelMainTest(mainClass = Application.class, properties = {"vectorizer.page-size=40", "similarity.enabled=false",
        "reconcile.enabled=false"})
class CollectionScannerRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeanInject
    CollectionScanner scanner;

    @Test
    void should_enqueue_missing_and_stale_points_and_skip_unchanged_ones() {
        String c = "scan_docs";
        put(c, 100, "Doc");
        List<PageResult> pages = new ArrayList<>();

        ScanResult first = scanner.scan("default", c, null, "test", "job:s1", pages::add);

        assertThat(first).isEqualTo(new ScanResult(100, 100, 0, null, true));
        assertThat(pages).extracting(PageResult::scanned).containsExactly(40, 40, 20);
        assertThat(pages).extracting(PageResult::total).containsOnly(100L);
        assertThat(pages.get(0).nextCursor()).isNotNull();
        assertThat(pages.get(2).nextCursor()).isNull();
        assertThat(pages.get(0).uids()).hasSize(40).contains("default/scan_docs/doc-0");
        await().atMost(WAIT).until(() -> documents(c) == 100 && pendingTagged("job:s1") == 0);
        assertThat(env.vectorizer().requests().count("POST", "/qdrant/collections/" + c + "/points"))
                .as("full events need no hydration").isZero();

        env.vectorizer().put(c, "doc-3", new float[] {0, 0, 1, 0}, Map.of("title", "Changed"));
        env.vectorizer().put(c, "doc-4", new float[] {0, 0, 1, 0}, null);
        sender.send(Events.deleted(c, "doc-5"));
        // the graph changes before the sync state does: wait for the state the scanner reads
        await().atMost(WAIT).until(() -> env.database().count("SELECT COUNT(*) FROM sync_state WHERE doc_uid = ?"
                + " AND deleted = TRUE", "default/scan_docs/doc-5") == 1);

        ScanResult second = scanner.scan("default", c, null, "test", "job:s2", page -> { });

        // doc-3 and doc-4 (a payload gone: hashed as {}) are stale, doc-5 is deleted in the graph: missing
        assertThat(second).isEqualTo(new ScanResult(100, 1, 2, null, true));
        await().atMost(WAIT).until(() -> documents(c) == 100 && pendingTagged("job:s2") == 0);
        assertThat(env.nexus().query("MATCH (d:Document {uid: 'default/scan_docs/doc-3'}) RETURN d.title AS t"))
                .extracting(r -> r.get("t")).containsExactly("Changed");
        assertThat(scanner.scan("default", c, null, "test", "job:s3", page -> { }))
                .isEqualTo(new ScanResult(100, 0, 0, null, true));
        assertThat(deadLetters()).isZero();
    }

    @Test
    void should_stop_between_pages_and_resume_from_the_last_committed_cursor() {
        String c = "scan_stop";
        put(c, 100, "Stop");
        AtomicBoolean cancel = new AtomicBoolean();
        List<PageResult> pages = new ArrayList<>();

        ScanResult stopped = scanner.scan("default", c, null, "test", "job:t1", page -> {
            pages.add(page);
            cancel.set(true);
        }, cancel::get);

        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.scanned()).isEqualTo(40);
        assertThat(stopped.lastCursor()).isEqualTo(pages.get(0).nextCursor()).isNotNull();

        ScanResult rest = scanner.scan("default", c, stopped.lastCursor(), "test", "job:t1", page -> { });
        assertThat(rest).isEqualTo(new ScanResult(60, 60, 0, null, true));
        await().atMost(WAIT).until(() -> documents(c) == 100);
    }

    @Test
    void should_stop_at_once_on_an_interrupted_thread_and_keep_the_flag() {
        put("scan_int", 10, "Int");
        Thread.currentThread().interrupt();
        try {
            ScanResult result = scanner.scan("default", "scan_int", "7", "test", "job:i", page -> { });
            assertThat(result).isEqualTo(new ScanResult(0, 0, 0, "7", false));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private void put(String collection, int n, String title) {
        env.vectorizer().createCollection(collection, 4);
        for (int i = 0; i < n; i++) {
            env.vectorizer().put(collection, "doc-" + i, new float[] {1, i, 0, 0},
                    Map.of("title", title + " " + i, "content", "Text of document " + i));
        }
    }

    private long pendingTagged(String tag) {
        return env.database().count("SELECT COUNT(*) FROM inbox WHERE webhook_id = ?", tag);
    }
}
