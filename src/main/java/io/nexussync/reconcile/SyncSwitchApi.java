package io.nexussync.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;

import io.nexussync.collections.SyncCollections;
import io.nexussync.http.ApiException;
import io.nexussync.http.JsonReply;
import io.nexussync.jobs.Job;
import io.nexussync.jobs.JobRepository;
import org.apache.camel.Exchange;

/**
 * {@code POST /admin/sync/enable|disable?collection=}: persists the per-collection switch. Enabling also queues a
 * reconciliation of the collection, which catches up on everything its disabled time let pass (unless one is running).
 */
public final class SyncSwitchApi {

    static final String REPLY_PROPERTY = "syncSwitchReply";

    private final SyncCollections collections;
    private final ReconcileApi reconcileApi;
    private final ReconcileJobs reconcileJobs;
    private final JobRepository jobs;
    private final String tenant;

    public SyncSwitchApi(SyncCollections collections, ReconcileApi reconcileApi, ReconcileJobs reconcileJobs,
            JobRepository jobs, String tenant) {
        this.collections = collections;
        this.reconcileApi = reconcileApi;
        this.reconcileJobs = reconcileJobs;
        this.jobs = jobs;
        this.tenant = tenant;
    }

    /**
     * Enables the collection and, when Vectorizer holds it and no run is going, prepares the exchange as a reconcile
     * request. The switch is persisted whatever Vectorizer answers: the next scheduled run catches up otherwise.
     */
    public void enable(Exchange exchange) {
        String collection = ReconcileApi.collectionParameter(exchange);
        boolean was = collections.set(tenant, collection, true);
        Map<String, Object> reply = reply(collection, true, was);
        exchange.getIn().getHeaders().clear();
        String skipped = reconcileSkipped(collection);
        if (skipped == null) {
            long jobId = jobs.start(tenant, collection, Job.RECONCILE, "enable");
            ReconcileApi.prepareRequest(exchange, collection, jobId, "enable", jobs);
            reply.put("job_id", jobId);
        } else {
            reply.put("reconcile", skipped);
        }
        exchange.setProperty(REPLY_PROPERTY, reply);
    }

    /** Why enabling starts no reconciliation now, or null when it does. */
    private String reconcileSkipped(String collection) {
        try {
            reconcileApi.requireExisting(collection);
        } catch (ApiException e) {
            return e.status() == 404 ? "skipped: Vectorizer has no collection " + collection
                    : "deferred to the next scheduled run: " + e.getMessage();
        }
        return reconcileJobs.isRunning(tenant, collection) ? "skipped: a reconciliation is already running" : null;
    }

    /** Disables the collection: its events are settled without being applied from now on. */
    public void disable(Exchange exchange) {
        String collection = ReconcileApi.collectionParameter(exchange);
        boolean was = collections.set(tenant, collection, false);
        exchange.getIn().getHeaders().clear();
        exchange.setProperty(REPLY_PROPERTY, reply(collection, false, was));
    }

    @SuppressWarnings("unchecked")
    public void reply(Exchange exchange) {
        exchange.setProperty(ReconcileApi.QUEUED_PROPERTY, true);
        JsonReply.send(exchange, 200, exchange.getProperty(REPLY_PROPERTY, Map.class));
    }

    private static Map<String, Object> reply(String collection, boolean enabled, boolean was) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("collection", collection);
        reply.put("enabled", enabled);
        reply.put("was", was);
        return reply;
    }
}
