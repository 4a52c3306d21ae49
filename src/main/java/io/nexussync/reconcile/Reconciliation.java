package io.nexussync.reconcile;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.nexussync.jobs.Job;
import io.nexussync.jobs.JobRepository;
import io.nexussync.scan.CollectionScanner;
import io.nexussync.scan.PageResult;
import io.nexussync.scan.ScanResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation run of one collection, recorded in its job row. (1) The scan streams Vectorizer, enqueues
 * documents the graph lacks or holds stale, and records every uid it saw. (2) Live documents of the sync state the
 * scan did not see were deleted in Vectorizer: deletes are enqueued. (3) Nexus's Document uids are paged in and
 * compared both ways: documents Nexus lacks are re-enqueued, nodes nobody knows are deleted. (4) Documents whose
 * similarity edges were never computed are re-enqueued, up to a limit. (5) Entities and domains without edges go.
 * Every comparison is a SQL anti-join over keyset pages, so memory is bounded by a page whatever the collection size.
 */
public final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    /** Similarity runs after its batch is acknowledged; documents synced this recently may still be in that stage. */
    static final long SIMILARITY_SETTLE_MS = 30_000;

    private final JobRepository jobs;
    private final CollectionScanner scanner;
    private final SeenDocuments seen;
    private final NexusInventory nexus;
    private final RepairQueue repairs;
    private final OrphanSweeper orphans;
    private final ReconcileSettings settings;
    private final boolean similarityEnabled;
    private final Clock clock;

    public Reconciliation(JobRepository jobs, CollectionScanner scanner, SeenDocuments seen, NexusInventory nexus,
            RepairQueue repairs, OrphanSweeper orphans, ReconcileSettings settings, boolean similarityEnabled,
            Clock clock) {
        this.jobs = jobs;
        this.scanner = scanner;
        this.seen = seen;
        this.nexus = nexus;
        this.repairs = repairs;
        this.orphans = orphans;
        this.settings = settings;
        this.similarityEnabled = similarityEnabled;
        this.clock = clock;
    }

    /** Runs job {@code jobId} (already RUNNING) to its end state; never throws, the outcome is in the job row. */
    public void run(long jobId, String tenant, String collection) {
        RunCounts counts = new RunCounts();
        long started = clock.millis();
        try {
            OrphanSweeper.Candidates candidates = attempt(counts, "find orphans", () -> orphans.find(tenant));
            ScanResult scan = scanner.scan(tenant, collection, null, RepairQueue.SOURCE, RepairQueue.tag(jobId),
                    page -> scanned(jobId, page, counts));
            if (!scan.complete()) {
                // what the scan did not see is unknown: nothing may be deleted on the strength of it
                jobs.finish(jobId, Job.INTERRUPTED, counts.snapshot(), "stopped during the scan");
                return;
            }
            deleteVanished(jobId, tenant, collection, started, counts);
            attempt(counts, "compare with Nexus", () -> compareWithNexus(jobId, tenant, collection, started, counts));
            repairSimilarity(jobId, tenant, collection, started, counts);
            if (candidates != null) {
                Long removed = attempt(counts, "remove orphans", () -> orphans.remove(candidates));
                add(counts, removed == null ? 0 : removed);
            }
            jobs.finish(jobId, Job.SUCCEEDED, counts.snapshot(), null);
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation job {} of {} failed: {}", jobId, collection, e.toString());
            jobs.finish(jobId, Job.FAILED, counts.snapshot(), e.toString());
        } finally {
            seen.clear(jobId);
        }
    }

    private void scanned(long jobId, PageResult page, RunCounts counts) {
        seen.add(jobId, SeenDocuments.VECTORIZER, page.uids());
        counts.scanned += page.scanned();
        counts.missing += page.missing();
        counts.stale += page.stale();
        counts.repaired += page.missing() + page.stale();
        counts.total = page.total();
        jobs.progress(jobId, page.nextCursor(), counts.snapshot(), counts.total);
    }

    /** Phase 2: documents the sync state holds live but Vectorizer no longer has. */
    private void deleteVanished(long jobId, String tenant, String collection, long started, RunCounts counts) {
        forEachPage(after -> seen.notInVectorizer(jobId, tenant, collection, started, after, settings.pageSize()),
                uids -> add(counts, attempt(counts, "delete vanished documents",
                        () -> repairs.deleteAbsent(tenant, collection, uids, jobId))));
        jobs.progress(jobId, null, counts.snapshot(), counts.total);
    }

    /** Phase 3: reads Nexus's Document uids of the collection, then repairs both directions. */
    private Void compareWithNexus(long jobId, String tenant, String collection, long started, RunCounts counts) {
        forEachPage(after -> nexus.documentUids(tenant, collection, after, settings.pageSize()),
                uids -> seen.add(jobId, SeenDocuments.NEXUS, uids));
        forEachPage(after -> seen.notInNexus(jobId, tenant, collection, started, after, settings.pageSize()),
                uids -> {
                    counts.missing += uids.size();
                    counts.repaired += repairs.upsert(tenant, collection, uids, jobId);
                });
        forEachPage(after -> seen.onlyInNexus(jobId, started, after, settings.pageSize()),
                uids -> add(counts, repairs.deleteAbsent(tenant, collection, uids, jobId)));
        jobs.progress(jobId, null, counts.snapshot(), counts.total);
        return null;
    }

    /** Phase 4: at most {@code reconcile.similarity-repair-limit} documents whose similarity edges are missing. */
    private void repairSimilarity(long jobId, String tenant, String collection, long started, RunCounts counts) {
        int limit = similarityEnabled ? settings.similarityRepairLimit() : 0;
        long before = started - SIMILARITY_SETTLE_MS;
        int[] left = {limit};
        forEachPage(after -> left[0] <= 0 ? List.of()
                : seen.similarityPending(jobId, tenant, collection, before, after, Math.min(left[0],
                        settings.pageSize())), uids -> {
                    left[0] -= uids.size();
                    counts.stale += uids.size();
                    counts.repaired += repairs.upsert(tenant, collection, uids, jobId);
                });
    }

    /** Removed or deleted-by-event documents and nodes count as orphaned; each is also one repair. */
    private static void add(RunCounts counts, Integer n) {
        add(counts, n == null ? 0L : n.longValue());
    }

    private static void add(RunCounts counts, long n) {
        counts.orphaned += n;
        counts.repaired += n;
    }

    /** Calls {@code page} with the last uid of the previous page until it answers an empty page. */
    private static void forEachPage(Function<String, List<String>> page, Consumer<List<String>> each) {
        String after = "";
        while (true) {
            List<String> uids = page.apply(after);
            if (uids.isEmpty()) {
                return;
            }
            each.accept(uids);
            after = uids.get(uids.size() - 1);
        }
    }

    /** A step whose failure is counted as an error and does not stop the run; returns null when it failed. */
    private static <T> T attempt(RunCounts counts, String step, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            counts.errors++;
            LOG.warn("Reconciliation step '{}' failed, the run goes on: {}", step, e.toString());
            return null;
        }
    }
}
