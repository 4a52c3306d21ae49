package io.nexussync.synctool;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.nexussync.jobs.Job;
import io.nexussync.jobs.JobCounts;
import io.nexussync.jobs.JobRepository;
import io.nexussync.scan.CollectionScanner;
import io.nexussync.scan.PageResult;
import io.nexussync.scan.ScanResult;
import io.nexussync.store.DurableCommits;
import io.nexussync.vectorizer.VectorizerException;

/**
 * One run of the sync tool inside a started bridge: start (or resume) a {@code sync} job, scan the collection into
 * the inbox recording the cursor after every committed page, wait until the in-process pipeline has applied or
 * dead-lettered every enqueued document, and report.
 */
final class SyncRun {

    static final String SOURCE = "sync-tool";
    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int UNREACHABLE = 3;
    /** As a shell reports a process ended by SIGINT. */
    static final int INTERRUPTED = 130;

    private final JobRepository jobs;
    private final CollectionScanner scanner;
    private final JobInbox inbox;
    private final ProgressReporter progress;
    private final BooleanSupplier nexusHealthy;
    private final BooleanSupplier stop;
    private final Clock clock;
    private final String tenant;
    private final DrainWait drain;
    private final DurableCommits durable;

    SyncRun(JobRepository jobs, CollectionScanner scanner, JobInbox inbox, ProgressReporter progress,
            BooleanSupplier nexusHealthy, BooleanSupplier stop, Clock clock, String tenant, DrainWait drain,
            DurableCommits durable) {
        this.jobs = jobs;
        this.scanner = scanner;
        this.inbox = inbox;
        this.progress = progress;
        this.nexusHealthy = nexusHealthy;
        this.stop = stop;
        this.clock = clock;
        this.tenant = tenant;
        this.drain = drain;
        this.durable = durable;
    }

    SyncReport run(String collection, boolean resume) {
        long startedAt = clock.millis();
        Optional<Job> previous = resume ? jobs.latestUnfinished(tenant, collection, Job.SYNC) : Optional.empty();
        long id = previous.map(Job::id).orElseGet(() -> jobs.start(tenant, collection, Job.SYNC, SOURCE));
        previous.ifPresent(job -> jobs.resume(job.id()));
        Tally tally = previous.map(job -> new Tally(job.counts(), job.total())).orElseGet(Tally::new);
        // a null cursor after pages were scanned means the listing was finished: only the draining is left
        boolean listed = previous.map(job -> job.cursor() == null && job.counts().scanned() > 0).orElse(false);
        String tag = "job:" + id;
        try {
            if (!listed && !scan(collection, id, tag, previous.map(Job::cursor).orElse(null), tally, startedAt)) {
                return end(collection, id, tag, tally, previous.isPresent(), startedAt, Job.INTERRUPTED, INTERRUPTED,
                        "interrupted; continue with --resume");
            }
            if (!drain.await(() -> inbox.pending(tenant, tag), stop,
                    pending -> progress.update(tally.snapshot(pending, clock.millis() - startedAt, false)))) {
                return end(collection, id, tag, tally, previous.isPresent(), startedAt, Job.INTERRUPTED, INTERRUPTED,
                        "interrupted while applying; continue with --resume");
            }
            List<JobInbox.Failure> failures = inbox.failures(tenant, tag);
            return end(collection, id, tag, tally, previous.isPresent(), startedAt, Job.SUCCEEDED,
                    failures.isEmpty() ? OK : SOME_FAILED, null);
        } catch (VectorizerException e) {
            int code = e.status() == 404 ? BAD_ARGUMENTS : UNREACHABLE;
            return end(collection, id, tag, tally, previous.isPresent(), startedAt, Job.FAILED, code, e.getMessage());
        } catch (DrainWait.Stalled e) {
            String why = e.getMessage() + (nexusHealthy.getAsBoolean() ? "" : "; Nexus does not answer");
            return end(collection, id, tag, tally, previous.isPresent(), startedAt, Job.FAILED, UNREACHABLE, why);
        }
    }

    private boolean scan(String collection, long id, String tag, String cursor, Tally tally, long startedAt) {
        ScanResult result = scanner.scan(tenant, collection, cursor, SOURCE, tag, (PageResult page) -> {
            tally.add(page);
            jobs.progress(id, page.nextCursor(), tally.counts(), tally.total());
            // on H2 the cursor would otherwise reach the disk up to half a second later: a kill would lose pages
            durable.await();
            progress.update(tally.snapshot(tally.enqueued(), clock.millis() - startedAt, true));
        }, stop);
        return result.complete();
    }

    private SyncReport end(String collection, long id, String tag, Tally tally, boolean resumed, long startedAt,
            String state, int exitCode, String error) {
        List<JobInbox.Failure> failures = inbox.failures(tenant, tag);
        long pending = inbox.pending(tenant, tag);
        JobCounts counts = tally.counts();
        JobCounts finalCounts = new JobCounts(counts.scanned(), counts.missing(), counts.stale(), 0,
                Math.max(0, tally.enqueued() - failures.size() - pending), failures.size());
        jobs.finish(id, state, finalCounts, error);
        long duration = Math.max(1, clock.millis() - startedAt);
        progress.finish(tally.snapshot(pending, duration, false));
        double throughput = (counts.scanned() - tally.scannedBefore()) * 1000.0 / duration;
        return new SyncReport(collection, id, state, resumed, counts.scanned(), tally.total(), tally.enqueued(),
                pending, failures.size(), failures, duration, throughput, exitCode, error);
    }
}
