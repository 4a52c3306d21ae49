package io.nexussync.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.nexussync.testing.BridgeEnvironment;
import io.nexussync.testing.BridgeProcess;
import io.nexussync.testing.Events;
import io.nexussync.testing.FreePorts;
import io.nexussync.testing.TestDatabase;
import io.nexussync.testing.WebhookSender;
import io.nexussync.testing.nexus.NexusEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the bridge JVM with SIGKILL in the middle of a stream, including right after Nexus committed a batch the
 * bridge never heard back about, and proves that after restarts every accepted event is applied exactly once in
 * effect: the exact set of documents, no duplicates, an empty inbox.
 */
class CrashRecoveryIT {

    private static final String C = "crash_docs";
    private static final int DOCUMENTS = 2000;
    private static final int PER_DELIVERY = 50;

    private final NexusEmulator nexus = NexusEmulator.shared();
    private TestDatabase database;
    private Map<String, String> properties;

    @BeforeEach
    void setUp() {
        nexus.reset();
        database = TestDatabase.createShared();
        properties = BridgeEnvironment.properties(FreePorts.next(), FreePorts.next(), nexus.url(), database);
        properties.put("batch.max-size", "100");
    }

    @AfterEach
    void tearDown() {
        nexus.reset();
        database.close();
    }

    @Test
    void should_apply_every_accepted_event_exactly_once_across_kills() throws Exception {
        List<String[]> deliveries = deliveries();
        nexus.faults().delayMillis(100);
        WebhookSender sender = new WebhookSender("http://127.0.0.1:" + properties.get("camel.server.port"),
                BridgeEnvironment.SECRET);

        // crash 1: right after a 202, while most acknowledged events still wait in the inbox
        BridgeProcess[] bridge = {start("crash-1")};
        int next = send(sender, deliveries, 0, 20);
        bridge[0].kill();

        // crash 2: right after Nexus committed a batch the bridge will never acknowledge
        bridge[0] = start("crash-2");
        AtomicInteger writes = new AtomicInteger();
        nexus.onWrite(w -> {
            if (writes.incrementAndGet() == 3) {
                bridge[0].kill();
            }
        });
        next = send(sender, deliveries, next, deliveries.size());
        await().atMost(Duration.ofSeconds(60)).until(() -> !bridge[0].isAlive());

        // a sender resends only what was not confirmed, with the same id: it may have been committed already
        bridge[0] = start("crash-3");
        nexus.faults().clearFaults();
        assertThat(send(sender, deliveries, next, deliveries.size())).isEqualTo(deliveries.size());
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> database.count("SELECT COUNT(*) FROM inbox") == 0 && documents().equals(expected()));
        } finally {
            bridge[0].close();
        }
        assertThat(documents()).isEqualTo(expected());
        assertThat(nexus.count("MATCH (d:Document {collection: $c}) RETURN count(d)", Map.of("c", C)))
                .isEqualTo(nexus.count("MATCH (d:Document {collection: $c}) RETURN count(DISTINCT d.uid)",
                        Map.of("c", C)));
        assertThat(database.count("SELECT COUNT(*) FROM dead_letter")).isZero();
    }

    private BridgeProcess start(String name) throws java.io.IOException {
        return new BridgeProcess(name, properties, List.of("-Xmx256m")).start();
    }

    /** Inserts of every document, then deletes of every tenth, then updates of every seventh survivor. */
    private static List<String[]> deliveries() {
        List<String[]> out = new ArrayList<>();
        for (int from = 0; from < DOCUMENTS; from += PER_DELIVERY) {
            out.add(new String[] {"ins-" + from, Events.insertRange(C, "doc", from, from + PER_DELIVERY)});
        }
        for (int from = 0; from < DOCUMENTS; from += PER_DELIVERY * 4) {
            int start = from;
            out.add(new String[] {"del-" + from, Events.envelope(IntStream.range(start, start + PER_DELIVERY * 4)
                    .filter(i -> i % 10 == 0).mapToObj(i -> Events.deleted(C, "doc-" + i)).toList())});
        }
        out.add(new String[] {"upd", Events.envelope(IntStream.range(0, DOCUMENTS).filter(i -> i % 10 != 0 && i % 7 == 0)
                .limit(200).mapToObj(i -> Events.updated(C, "doc-" + i, "{\"title\":\"updated\"}")).toList())});
        return out;
    }

    /** Sends deliveries {@code from..to-1} in order; returns the index of the first one that got no answer. */
    private static int send(WebhookSender sender, List<String[]> deliveries, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                int status = sender.send(deliveries.get(i)[0], deliveries.get(i)[1]).status();
                assertThat(status).isIn(200, 202);
            } catch (IllegalStateException e) {
                return i;
            }
        }
        return to;
    }

    private Set<String> documents() {
        return nexus.query("MATCH (d:Document {collection: $c}) RETURN d.vector_id AS v, d.title AS t",
                Map.of("c", C)).stream().map(r -> r.get("v") + "=" + r.get("t")).collect(Collectors.toSet());
    }

    private static Set<String> expected() {
        Set<String> out = new HashSet<>();
        int updated = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            if (i % 10 == 0) {
                continue;
            }
            boolean update = i % 7 == 0 && updated++ < 200;
            out.add("doc-" + i + "=" + (update ? "updated" : "Doc " + i));
        }
        return out;
    }
}
