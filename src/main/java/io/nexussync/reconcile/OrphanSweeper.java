package io.nexussync.reconcile;

import java.time.Clock;
import java.util.List;

import io.nexussync.store.StateStore;

/**
 * Removes entities and domains left without edges. A node is removed only if it was an orphan when the run began and
 * still is at least the grace period later: a batch replacing a document's edges detaches it and merges entities before
 * their MENTIONS edges, so a node may be edgeless for a moment without being an orphan. A parent domain left edgeless by
 * the removal of its last subdomain goes in the next run.
 */
public final class OrphanSweeper {

    /** Orphans found at the start of a run. */
    public record Candidates(List<String> entities, List<String> domains, long foundAt) {

        public boolean isEmpty() {
            return entities.isEmpty() && domains.isEmpty();
        }
    }

    private final NexusInventory nexus;
    private final int limit;
    private final long graceMs;
    private final Clock clock;

    public OrphanSweeper(NexusInventory nexus, int limit, long graceMs, Clock clock) {
        this.nexus = nexus;
        this.limit = limit;
        this.graceMs = graceMs;
        this.clock = clock;
    }

    /** At most the configured number of each kind, so a run's memory stays bounded; the rest wait for the next run. */
    public Candidates find(String tenant) {
        if (limit == 0) {
            return new Candidates(List.of(), List.of(), clock.millis());
        }
        return new Candidates(nexus.orphanEntities(tenant, limit), nexus.orphanDomains(tenant, limit), clock.millis());
    }

    /** Removes the candidates that are still orphans once the grace period has passed; returns how many went. */
    public long remove(Candidates candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        long wait = candidates.foundAt() + graceMs - clock.millis();
        if (wait > 0) {
            try {
                // a short run (a small collection) waits out the rest of the grace period; large runs never do
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        long removed = 0;
        for (List<String> slice : StateStore.slices(candidates.entities())) {
            removed += nexus.deleteOrphanEntities(slice);
        }
        for (List<String> slice : StateStore.slices(candidates.domains())) {
            removed += nexus.deleteOrphanDomains(slice);
        }
        return removed;
    }
}
