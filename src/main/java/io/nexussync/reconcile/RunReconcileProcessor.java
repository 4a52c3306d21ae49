package io.nexussync.reconcile;

import io.nexussync.collections.SyncCollections;
import io.nexussync.jobs.Job;
import io.nexussync.jobs.JobRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one queued reconcile request: body = collection, header {@code reconcileTrigger} = who asked, and
 * {@code reconcileJobId} when the job row was created already (admin requests answer with its id). A request without a
 * job is skipped when its collection's sync is disabled, or when a run of the collection started after the request was
 * made (that run covers it).
 */
public final class RunReconcileProcessor implements Processor {

    public static final String TRIGGER = "reconcileTrigger";
    public static final String JOB_ID = "reconcileJobId";
    private static final Logger LOG = LoggerFactory.getLogger(RunReconcileProcessor.class);

    private final Reconciliation reconciliation;
    private final JobRepository jobs;
    private final ReconcileJobs reconcileJobs;
    private final SyncCollections collections;
    private final String tenant;

    public RunReconcileProcessor(Reconciliation reconciliation, JobRepository jobs, ReconcileJobs reconcileJobs,
            SyncCollections collections, String tenant) {
        this.reconciliation = reconciliation;
        this.jobs = jobs;
        this.reconcileJobs = reconcileJobs;
        this.collections = collections;
        this.tenant = tenant;
    }

    @Override
    public void process(Exchange exchange) {
        String collection = exchange.getIn().getBody(String.class);
        Long jobId = exchange.getIn().getHeader(JOB_ID, Long.class);
        String trigger = exchange.getIn().getHeader(TRIGGER, "request", String.class);
        if (jobId == null) {
            if (!collections.isEnabled(tenant, collection)
                    || reconcileJobs.startedSince(tenant, collection, exchange.getClock().getCreated())) {
                LOG.debug("Reconcile request of {} by {} skipped (disabled or already covered)", collection, trigger);
                return;
            }
            jobId = jobs.start(tenant, collection, Job.RECONCILE, trigger);
        }
        reconciliation.run(jobId, tenant, collection);
        exchange.getIn().setBody(jobId);
    }
}
