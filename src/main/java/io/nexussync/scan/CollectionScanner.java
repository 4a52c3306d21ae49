package io.nexussync.scan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.graph.DocumentProperties;
import io.nexussync.inbox.DocumentUid;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxEntry;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.inbox.Operation;
import io.nexussync.store.DurableCommits;
import io.nexussync.store.StateStore;
import io.nexussync.store.SyncState;
import io.nexussync.store.SyncStateRepository;
import io.nexussync.vectorizer.VectorPoint;
import io.nexussync.vectorizer.VectorizerClient;

/**
 * Streams a whole collection from Vectorizer one page at a time and enqueues a full {@code VectorUpdated} event for
 * every point the graph lacks or holds with another content hash; unchanged points are skipped. Each page is one
 * transaction, made durable before its listener is told, so the cursor a caller stores after a page never runs ahead
 * of what the inbox holds.
 */
public final class CollectionScanner {

    static final String EVENT_TYPE = "VectorUpdated";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final VectorizerClient vectorizer;
    private final SyncStateRepository states;
    private final InboxRepository inbox;
    private final StateStore store;
    private final DurableCommits durable;
    private final InboxCapacity capacity;
    private final BooleanSupplier stopping;
    private final Clock clock;

    public CollectionScanner(VectorizerClient vectorizer, SyncStateRepository states, InboxRepository inbox,
            StateStore store, DurableCommits durable, InboxCapacity capacity, BooleanSupplier stopping, Clock clock) {
        this.vectorizer = vectorizer;
        this.states = states;
        this.inbox = inbox;
        this.store = store;
        this.durable = durable;
        this.capacity = capacity;
        this.stopping = stopping;
        this.clock = clock;
    }

    /**
     * Scans {@code collection} from {@code startCursor} (null: from the start). Events are stored with source
     * {@code source} and webhook id {@code tag}, so a job can tell its own events in the inbox and dead-letter table.
     * Stops between pages when the thread is interrupted or the context is stopping (the interrupt flag stays set).
     */
    public ScanResult scan(String tenant, String collection, String startCursor, String source, String tag,
            PageListener listener) {
        return scan(tenant, collection, startCursor, source, tag, listener, () -> false);
    }

    /**
     * As {@link #scan(String, String, String, String, String, PageListener)}, also stopping between pages once
     * {@code cancelled} answers true: a cooperative stop for callers that must not interrupt a thread doing database
     * I/O (an interrupt closes H2's file channel).
     */
    public ScanResult scan(String tenant, String collection, String startCursor, String source, String tag,
            PageListener listener, BooleanSupplier cancelled) {
        BooleanSupplier stop = () -> Thread.currentThread().isInterrupted() || stopping.getAsBoolean()
                || cancelled.getAsBoolean();
        String cursor = startCursor;
        Set<String> previousIds = Set.of();
        long scanned = 0;
        long missing = 0;
        long stale = 0;
        while (true) {
            if (stop.getAsBoolean()) {
                return new ScanResult(scanned, missing, stale, cursor, false);
            }
            VectorizerClient.Page page = vectorizer.page(collection, cursor, false);
            Set<String> ids = new HashSet<>();
            List<VectorPoint> points = new ArrayList<>();
            for (VectorPoint point : page.points()) {
                // a cursor page may repeat the last ids of the previous one; each point counts once
                if (!previousIds.contains(point.id()) && ids.add(point.id())) {
                    points.add(point);
                }
            }
            if (!capacity.awaitRoom(points.size(), stop)) {
                return new ScanResult(scanned, missing, stale, cursor, false);
            }
            PageResult result = enqueue(tenant, collection, points, page, source, tag);
            scanned += result.scanned();
            missing += result.missing();
            stale += result.stale();
            cursor = page.next();
            previousIds = ids;
            listener.page(result);
            if (cursor == null) {
                return new ScanResult(scanned, missing, stale, null, true);
            }
        }
    }

    private PageResult enqueue(String tenant, String collection, List<VectorPoint> points, VectorizerClient.Page page,
            String source, String tag) {
        Map<String, VectorPoint> byUid = new LinkedHashMap<>();
        points.forEach(p -> byUid.put(DocumentUid.of(tenant, collection, p.id()), p));
        Map<String, SyncState> known = states.load(byUid.keySet());
        List<InboxEntry> entries = new ArrayList<>();
        int missing = 0;
        int stale = 0;
        for (Map.Entry<String, VectorPoint> e : byUid.entrySet()) {
            SyncState state = known.get(e.getKey());
            ObjectNode payload = e.getValue().payload() == null ? MAPPER.createObjectNode() : e.getValue().payload();
            if (state == null || state.deleted()) {
                missing++;
            } else if (!DocumentProperties.contentHash(payload).equals(state.contentHash())) {
                stale++;
            } else {
                continue;
            }
            entries.add(new InboxEntry(tenant, collection, e.getValue().id(), Operation.UPSERT, EVENT_TYPE,
                    event(collection, e.getValue().id(), payload)));
        }
        if (!entries.isEmpty()) {
            long now = clock.millis();
            store.tx().executeWithoutResult(status -> inbox.insert(entries, null, source, tag, now));
            durable.await();
            capacity.added(entries.size());
        }
        return new PageResult(page.next(), byUid.size(), missing, stale, List.copyOf(byUid.keySet()), page.total());
    }

    private static String event(String collection, String vectorId, ObjectNode payload) {
        ObjectNode event = MAPPER.createObjectNode().put("event", EVENT_TYPE).put("collection", collection)
                .put("vector_id", vectorId);
        event.set("payload", payload);
        return event.toString();
    }
}
