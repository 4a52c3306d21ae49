package io.nexussync.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.nexussync.deadletter.DeadLetterRepository;
import io.nexussync.graph.AppliedChange;
import io.nexussync.graph.BatchOutcome;
import io.nexussync.graph.FailedChange;
import io.nexussync.inbox.InFlightDocuments;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxEvent;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.inbox.InboxSettings;
import io.nexussync.observe.SyncMetrics;
import io.nexussync.store.StateStore;
import io.nexussync.store.SyncState;
import io.nexussync.store.SyncStateRepository;

/**
 * Settles claimed changes in the state store, each outcome in one transaction: applied changes leave the inbox and
 * update the sync state; failures are retried with backoff or dead-lettered; deferred changes wait in the inbox.
 * Documents leave the in-flight set only after their rows are settled.
 */
public final class BatchLedger {

    private static final String DEAD_LETTERED = "dead_lettered";

    private final StateStore store;
    private final InboxRepository inbox;
    private final SyncStateRepository syncStates;
    private final DeadLetterRepository deadLetters;
    private final InFlightDocuments inFlight;
    private final InboxDepth depth;
    private final InboxSettings settings;
    private final SyncMetrics metrics;
    private final Clock clock;

    public BatchLedger(StateStore store, InboxRepository inbox, SyncStateRepository syncStates,
            DeadLetterRepository deadLetters, InFlightDocuments inFlight, InboxDepth depth, InboxSettings settings,
            SyncMetrics metrics, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.syncStates = syncStates;
        this.deadLetters = deadLetters;
        this.inFlight = inFlight;
        this.depth = depth;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void complete(BatchOutcome outcome) {
        long now = clock.millis();
        List<Long> done = new ArrayList<>();
        List<SyncState> states = new ArrayList<>();
        for (AppliedChange a : outcome.applied()) {
            done.addAll(rowsOf(a.change()));
            states.add(stateAfter(a));
        }
        List<String> failureStatuses = store.tx().execute(status -> {
            inbox.delete(done);
            syncStates.save(states);
            return outcome.failed().stream().map(f -> fail(f, now)).toList();
        });
        int removed = done.size();
        for (int i = 0; i < outcome.failed().size(); i++) {
            FailedChange f = outcome.failed().get(i);
            boolean deadLettered = DEAD_LETTERED.equals(failureStatuses.get(i));
            removed += deadLettered ? rowsOf(f.change()).size() : f.change().supersededIds().size();
            metrics.error(f.change().collection(), f.errorType());
            metrics.sync(f.change().collection(), failureStatuses.get(i));
        }
        depth.remove(removed);
        for (AppliedChange a : outcome.applied()) {
            metrics.sync(a.change().collection(), "applied");
            metrics.syncDuration(a.change().collection(), now - a.change().receivedAt());
            metrics.classified(a.change());
        }
        settle(outcome.applied().stream().map(a -> a.change().uid()).toList());
        settle(outcome.failed().stream().map(f -> f.change().uid()).toList());
    }

    /** Puts changes back without counting an attempt, because Nexus, not the data, failed. */
    public void defer(List<DocumentChange> changes, long delayMs, String error) {
        List<Long> rows = changes.stream().flatMap(c -> rowsOf(c).stream()).toList();
        inbox.release(rows, clock.millis() + delayMs, error);
        changes.forEach(c -> metrics.sync(c.collection(), "deferred"));
        settle(changes.stream().map(DocumentChange::uid).toList());
    }

    /** Returns claimed events to the inbox untouched, after a failure before they reached the pipeline. */
    public void release(List<InboxEvent> events, String error) {
        inbox.release(events.stream().map(InboxEvent::id).toList(), clock.millis(), error);
        settle(events.stream().map(InboxEvent::uid).distinct().toList());
    }

    /** Counts a failed attempt for each change; used when a batch failed for a reason no change can be blamed for. */
    public void retry(List<DocumentChange> changes, String error, String errorType) {
        complete(new BatchOutcome(List.of(),
                changes.stream().map(c -> new FailedChange(c, error, errorType, true)).toList()));
    }

    /** Sends a change that cannot be processed straight to the dead-letter table. */
    public void deadLetter(DocumentChange change, String error, String errorType) {
        complete(new BatchOutcome(List.of(), List.of(new FailedChange(change, error, errorType, false))));
    }

    /** Removes rows the coalescer found stale, and dead-letters rows it could not read. */
    public void discard(List<Long> staleIds, List<InboxEvent> unreadable, Collection<String> settledUids) {
        long now = clock.millis();
        store.tx().executeWithoutResult(status -> {
            inbox.delete(staleIds);
            for (InboxEvent e : unreadable) {
                deadLetters.insert(e, "inbox event is not readable JSON", "unreadable", now);
                inbox.delete(List.of(e.id()));
            }
        });
        depth.remove(staleIds.size() + unreadable.size());
        settle(settledUids);
    }

    /** Retries or dead-letters a refused change inside the caller's transaction; returns which it did. */
    private String fail(FailedChange f, long now) {
        DocumentChange c = f.change();
        int attempts = c.attempts() + 1;
        if (!f.retryable() || attempts >= settings.maxAttempts()) {
            deadLetters.insert(c, attempts, f.error(), f.errorType(), now);
            inbox.delete(rowsOf(c));
            return DEAD_LETTERED;
        }
        inbox.delete(c.supersededIds());
        inbox.retry(c.inboxId(), attempts, now + settings.retryDelayMs(attempts), f.error());
        return "retried";
    }

    private void settle(Collection<String> uids) {
        inFlight.settle(uids);
    }

    private static List<Long> rowsOf(DocumentChange c) {
        List<Long> rows = new ArrayList<>(c.supersededIds());
        rows.add(c.inboxId());
        return rows;
    }

    private static SyncState stateAfter(AppliedChange a) {
        DocumentChange c = a.change();
        return new SyncState(c.uid(), c.tenant(), c.collection(), c.vectorId(), c.seq(), a.contentHash(),
                a.propertyKeys(), c.isDelete(), a.syncedAt());
    }
}
