package io.nexussync.reconcile;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.nexussync.collections.SyncCollections;
import io.nexussync.http.ApiException;
import io.nexussync.http.JsonReply;
import io.nexussync.jobs.Job;
import io.nexussync.jobs.JobCounts;
import io.nexussync.jobs.JobRepository;
import io.nexussync.vectorizer.VectorizerClient;
import io.nexussync.vectorizer.VectorizerException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The admin endpoints of reconciliation and jobs: start a reconciliation now ({@code POST /admin/reconcile}), show a
 * job, list recent jobs. A started job is queued; {@link #prepareRequest} leaves the exchange ready for the queue and
 * {@link #accepted} answers 202 with the job id.
 */
public final class ReconcileApi {

    static final String JOB_PROPERTY = "reconcileJob";
    static final String QUEUED_PROPERTY = "reconcileQueued";
    private static final int MAX_LIMIT = 200;

    private final JobRepository jobs;
    private final ReconcileJobs reconcileJobs;
    private final SyncCollections collections;
    private final VectorizerClient vectorizer;
    private final String tenant;
    private final Clock clock;

    public ReconcileApi(JobRepository jobs, ReconcileJobs reconcileJobs, SyncCollections collections,
            VectorizerClient vectorizer, String tenant, Clock clock) {
        this.jobs = jobs;
        this.reconcileJobs = reconcileJobs;
        this.collections = collections;
        this.vectorizer = vectorizer;
        this.tenant = tenant;
        this.clock = clock;
    }

    /** Checks the request, records the job and turns the exchange into a queue request for it. */
    public void start(Exchange exchange) {
        String collection = collectionParameter(exchange);
        requireExisting(collection);
        if (!collections.isEnabled(tenant, collection)) {
            throw new ApiException(409, "sync of collection " + collection
                    + " is disabled; enable it (POST /admin/sync/enable), which also reconciles it");
        }
        if (reconcileJobs.isRunning(tenant, collection)) {
            throw new ApiException(409, "a reconciliation of collection " + collection + " is already running");
        }
        prepareRequest(exchange, collection, jobs.start(tenant, collection, Job.RECONCILE, "admin"), "admin", jobs);
    }

    /** Answers 202 with the queued job's id. */
    public void accepted(Exchange exchange) {
        exchange.setProperty(QUEUED_PROPERTY, true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", exchange.getProperty(JOB_PROPERTY, Long.class));
        body.put("collection", exchange.getIn().getBody(String.class));
        JsonReply.send(exchange, 202, body);
    }

    public void show(Exchange exchange) {
        String raw = exchange.getIn().getHeader("id", String.class);
        if (raw == null || !raw.matches("\\d{1,18}")) {
            throw ApiException.badRequest("id must be a positive number", "id");
        }
        Job job = jobs.find(Long.parseLong(raw)).filter(j -> j.tenant().equals(tenant))
                .orElseThrow(() -> new ApiException(404, "no job " + raw));
        JsonReply.send(exchange, 200, job.toJson(clock.millis()));
    }

    public void list(Exchange exchange) {
        String raw = exchange.getIn().getHeader("limit", String.class);
        int limit = 50;
        if (raw != null && !raw.isBlank()) {
            if (!raw.matches("\\d{1,4}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_LIMIT) {
                throw ApiException.badRequest("limit must be a number between 1 and " + MAX_LIMIT, "limit");
            }
            limit = Integer.parseInt(raw);
        }
        long now = clock.millis();
        JsonReply.send(exchange, 200, Map.of("items", jobs.recent(tenant, limit).stream().map(j -> j.toJson(now))
                .toList()));
    }

    /** The {@code collection} query parameter, checked; 400 when absent or malformed. */
    static String collectionParameter(Exchange exchange) {
        String collection = exchange.getIn().getHeader("collection", String.class);
        if (collection == null || collection.isBlank()) {
            throw ApiException.badRequest("query parameter collection is required", "collection");
        }
        if (collection.length() > 128 || collection.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("collection must be a name of at most 128 characters", "collection");
        }
        return collection;
    }

    /** 404 when Vectorizer has no such collection; 503 when Vectorizer cannot say. */
    void requireExisting(String collection) {
        try {
            if (!vectorizer.collections().contains(collection)) {
                throw new ApiException(404, "Vectorizer has no collection " + collection);
            }
        } catch (VectorizerException e) {
            throw new ApiException(503, "Vectorizer cannot list its collections now: " + e.getMessage(), null, 30);
        }
    }

    /**
     * Leaves only what the queue consumer reads: the collection, who asked, and the job. A job whose request never
     * reached the queue (the exchange ended before the reply marked it queued) is finished FAILED, so that its RUNNING
     * row does not block the collection.
     */
    static void prepareRequest(Exchange exchange, String collection, long jobId, String trigger, JobRepository jobs) {
        Message message = exchange.getIn();
        message.getHeaders().clear();
        message.setBody(collection);
        message.setHeader(RunReconcileProcessor.TRIGGER, trigger);
        message.setHeader(RunReconcileProcessor.JOB_ID, jobId);
        exchange.setProperty(JOB_PROPERTY, jobId);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                // a queued request hands this completion over to its copy, which ends after the run: then the job
                // is finished already and nothing is done
                boolean stillRunning = jobs.find(jobId).map(j -> Job.RUNNING.equals(j.state())).orElse(false);
                if (!done.getProperty(QUEUED_PROPERTY, false, Boolean.class) && stillRunning) {
                    jobs.finish(jobId, Job.FAILED, JobCounts.ZERO, "the request could not be queued");
                }
            }
        });
    }
}
