package io.nexussync.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.nexussync.collections.SyncCollections;
import io.nexussync.inbox.InboxEvent;
import io.nexussync.store.SyncStateRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Turns the claimed events in the body into one change per document, settling stale and unreadable rows at once, and
 * the events of collections whose sync is disabled (a later enable reconciles the collection).
 */
public final class CoalesceProcessor implements Processor {

    private final Coalescer coalescer;
    private final SyncStateRepository syncStates;
    private final BatchLedger ledger;
    private final SyncCollections collections;

    public CoalesceProcessor(Coalescer coalescer, SyncStateRepository syncStates, BatchLedger ledger,
            SyncCollections collections) {
        this.coalescer = coalescer;
        this.syncStates = syncStates;
        this.ledger = ledger;
        this.collections = collections;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<InboxEvent> events = exchange.getIn().getBody(List.class);
        if (events.isEmpty()) {
            return;
        }
        Set<String> uids = new HashSet<>();
        events.forEach(e -> uids.add(e.uid()));
        Coalescer.Result result = coalescer.coalesce(events, syncStates.load(uids));
        List<DocumentChange> changes = new ArrayList<>(result.changes().size());
        List<Long> settledIds = new ArrayList<>(result.staleIds());
        for (DocumentChange change : result.changes()) {
            if (collections.isEnabled(change.tenant(), change.collection())) {
                changes.add(change);
            } else {
                settledIds.add(change.inboxId());
                settledIds.addAll(change.supersededIds());
            }
        }
        if (!settledIds.isEmpty() || !result.unreadable().isEmpty()) {
            Set<String> settled = new HashSet<>(uids);
            changes.forEach(c -> settled.remove(c.uid()));
            ledger.discard(settledIds, result.unreadable(), settled);
        }
        exchange.getIn().setBody(changes);
    }
}
