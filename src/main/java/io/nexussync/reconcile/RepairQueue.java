package io.nexussync.reconcile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxEntry;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.inbox.Operation;
import io.nexussync.store.DurableCommits;
import io.nexussync.vectorizer.VectorPoint;
import io.nexussync.vectorizer.VectorizerClient;

/**
 * Puts reconciliation's repairs into the inbox, where the pipeline applies them like any other event (in order per
 * document, idempotently): thin upserts that hydration fills from Vectorizer, and deletes. A delete is enqueued only
 * after Vectorizer confirms, at that moment, that it does not hold the point, so a document written during the run is
 * never removed from the graph by a stale view.
 */
public final class RepairQueue {

    public static final String SOURCE = "reconcile";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final InboxRepository inbox;
    private final InboxDepth depth;
    private final DurableCommits durable;
    private final VectorizerClient vectorizer;
    private final Clock clock;

    public RepairQueue(InboxRepository inbox, InboxDepth depth, DurableCommits durable, VectorizerClient vectorizer,
            Clock clock) {
        this.inbox = inbox;
        this.depth = depth;
        this.durable = durable;
        this.vectorizer = vectorizer;
        this.clock = clock;
    }

    /** Enqueues thin {@code VectorUpdated} events; returns how many. */
    public int upsert(String tenant, String collection, Collection<String> uids, long jobId) {
        List<InboxEntry> entries = new ArrayList<>(uids.size());
        for (String uid : uids) {
            entries.add(entry(tenant, collection, vectorId(tenant, collection, uid), Operation.UPSERT,
                    "VectorUpdated"));
        }
        return store(entries, jobId);
    }

    /** Enqueues {@code VectorDeleted} events for the uids Vectorizer does not hold; returns how many. */
    public int deleteAbsent(String tenant, String collection, Collection<String> uids, long jobId) {
        if (uids.isEmpty()) {
            return 0;
        }
        List<String> vectorIds = uids.stream().map(uid -> vectorId(tenant, collection, uid)).toList();
        Set<String> present = new HashSet<>();
        vectorizer.retrieve(collection, vectorIds, false).stream().map(VectorPoint::id).forEach(present::add);
        List<InboxEntry> entries = new ArrayList<>();
        for (String id : vectorIds) {
            if (!present.contains(id)) {
                entries.add(entry(tenant, collection, id, Operation.DELETE, "VectorDeleted"));
            }
        }
        return store(entries, jobId);
    }

    private int store(List<InboxEntry> entries, long jobId) {
        if (entries.isEmpty()) {
            return 0;
        }
        inbox.insert(entries, null, SOURCE, tag(jobId), clock.millis());
        durable.await();
        depth.add(entries.size());
        return entries.size();
    }

    /** The inbox tag of a run's events (in the webhook id column), so an operator can tell them apart. */
    public static String tag(long jobId) {
        return "job:" + jobId;
    }

    private static InboxEntry entry(String tenant, String collection, String vectorId, Operation operation,
            String type) {
        String json = MAPPER.createObjectNode().put("event", type).put("collection", collection)
                .put("vector_id", vectorId).toString();
        return new InboxEntry(tenant, collection, vectorId, operation, type, json);
    }

    /** The vector id inside a uid {@code tenant/collection/vector_id} (vector ids may themselves contain slashes). */
    static String vectorId(String tenant, String collection, String uid) {
        String prefix = tenant + "/" + collection + "/";
        if (!uid.startsWith(prefix)) {
            throw new IllegalArgumentException("uid " + uid + " is not of collection " + collection);
        }
        return uid.substring(prefix.length());
    }
}
