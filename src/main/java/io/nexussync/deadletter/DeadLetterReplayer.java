package io.nexussync.deadletter;

import java.time.Clock;
import java.util.List;

import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxEntry;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.inbox.Operation;
import io.nexussync.store.DurableCommits;
import io.nexussync.store.StateStore;
import io.nexussync.store.SyncStateRepository;

/**
 * Moves dead letters back into the inbox with their original sequence, so a replayed event still loses to any newer
 * change of its document. One the graph has already overtaken is reported as superseded and left in place.
 */
public final class DeadLetterReplayer {

    /** The result of replaying one dead letter. */
    public enum Result { REPLAYED, SUPERSEDED, NOT_FOUND }

    /** Totals of a replay-all run. */
    public record Totals(int replayed, int superseded) {
    }

    private static final int PAGE = 200;

    private final StateStore store;
    private final DeadLetterRepository deadLetters;
    private final InboxRepository inbox;
    private final SyncStateRepository syncStates;
    private final InboxDepth depth;
    private final DurableCommits durable;
    private final Clock clock;

    public DeadLetterReplayer(StateStore store, DeadLetterRepository deadLetters, InboxRepository inbox,
            SyncStateRepository syncStates, InboxDepth depth, DurableCommits durable, Clock clock) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.syncStates = syncStates;
        this.depth = depth;
        this.durable = durable;
        this.clock = clock;
    }

    public Result replay(String tenant, long id) {
        Result result = store.tx().execute(status -> deadLetters.find(tenant, id).map(this::move)
                .orElse(Result.NOT_FOUND));
        if (result == Result.REPLAYED) {
            durable.await();
            depth.add(1);
        }
        return result;
    }

    public Totals replayAll(String tenant) {
        int replayed = 0;
        int superseded = 0;
        long after = 0;
        List<DeadLetter> page;
        do {
            page = deadLetters.list(tenant, PAGE, after);
            for (DeadLetter d : page) {
                Result r = replay(tenant, d.id());
                replayed += r == Result.REPLAYED ? 1 : 0;
                superseded += r == Result.SUPERSEDED ? 1 : 0;
                after = d.id();
            }
        } while (page.size() == PAGE);
        return new Totals(replayed, superseded);
    }

    private Result move(DeadLetter d) {
        if (syncStates.lastSeq(d.uid()) >= d.seq()) {
            return Result.SUPERSEDED;
        }
        InboxEntry entry = new InboxEntry(d.tenant(), d.collection(), d.vectorId(), Operation.valueOf(d.operation()),
                d.eventType(), d.event());
        inbox.insert(List.of(entry), d.seq(), "replay", d.webhookId(), clock.millis());
        deadLetters.delete(d.tenant(), d.id());
        return Result.REPLAYED;
    }
}
