package io.nexussync.reconcile;

import java.time.Clock;

import javax.sql.DataSource;

import io.nexussync.collections.SyncCollections;
import io.nexussync.config.SettingsReader;
import io.nexussync.graph.NexusClient;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.ingest.WebhookSettings;
import io.nexussync.jobs.JobRepository;
import io.nexussync.scan.CollectionScanner;
import io.nexussync.similarity.SimilaritySettings;
import io.nexussync.store.DurableCommits;
import io.nexussync.store.StateStore;
import io.nexussync.store.StoreSettings;
import io.nexussync.vectorizer.VectorizerClient;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.DBConnectionManager;

/** Beans of reconciliation: the Quartz scheduler, the run and its parts, and the admin APIs of jobs and switches. */
public class ReconcileConfiguration implements CamelConfiguration {

    private static final long RUNNING_TIMEOUT_MS = 6 * 3_600_000L;

    @BindToRegistry(lazy = true)
    public ReconcileSettings reconcileSettings(CamelContext context) {
        return ReconcileSettings.from(SettingsReader.of(context));
    }

    /**
     * The {@code quartz:} component. On PostgreSQL its clustered JDBC job store borrows connections from the state
     * store's pool through a provider registered with Quartz before the scheduler is created.
     */
    @BindToRegistry(lazy = true)
    public QuartzComponent quartz(CamelContext context, ReconcileSettings settings, StoreSettings store) {
        if (store.isPostgres()) {
            DBConnectionManager.getInstance().addConnectionProvider(QuartzProperties.DATA_SOURCE,
                    new StateStoreConnectionProvider(() -> context.getRegistry()
                            .lookupByNameAndType("dataSource", DataSource.class)));
        }
        QuartzComponent quartz = new QuartzComponent(context);
        quartz.setProperties(QuartzProperties.of(store.isPostgres(), settings));
        return quartz;
    }

    @BindToRegistry(lazy = true)
    public ReconcileJobs reconcileJobs(StateStore store, Clock clock) {
        return new ReconcileJobs(store, RUNNING_TIMEOUT_MS, clock);
    }

    @BindToRegistry(lazy = true)
    public Reconciliation reconciliation(JobRepository jobs, CollectionScanner scanner, StateStore store,
            NexusClient nexusClient, InboxRepository inbox, InboxDepth depth, DurableCommits durable,
            VectorizerClient vectorizer, ReconcileSettings settings, SimilaritySettings similarity, Clock clock) {
        NexusInventory nexus = new NexusInventory(nexusClient);
        return new Reconciliation(jobs, scanner, new SeenDocuments(store), nexus,
                new RepairQueue(inbox, depth, durable, vectorizer, clock),
                new OrphanSweeper(nexus, settings.orphanLimit(), settings.orphanGraceMs(), clock), settings,
                similarity.enabled(), clock);
    }

    @BindToRegistry(lazy = true)
    public RunReconcileProcessor reconcileRunner(Reconciliation reconciliation, JobRepository jobs,
            ReconcileJobs reconcileJobs, SyncCollections collections, WebhookSettings webhook) {
        return new RunReconcileProcessor(reconciliation, jobs, reconcileJobs, collections, webhook.tenant());
    }

    @BindToRegistry(lazy = true)
    public ReconcileSchedule reconcileSchedule(VectorizerClient vectorizer, SyncCollections collections,
            WebhookSettings webhook) {
        return new ReconcileSchedule(vectorizer, collections, webhook.tenant());
    }

    @BindToRegistry(lazy = true)
    public ReconcileApi reconcileApi(JobRepository jobs, ReconcileJobs reconcileJobs, SyncCollections collections,
            VectorizerClient vectorizer, WebhookSettings webhook, Clock clock) {
        return new ReconcileApi(jobs, reconcileJobs, collections, vectorizer, webhook.tenant(), clock);
    }

    @BindToRegistry(lazy = true)
    public SyncSwitchApi syncSwitchApi(SyncCollections collections, ReconcileApi reconcileApi,
            ReconcileJobs reconcileJobs, JobRepository jobs, WebhookSettings webhook) {
        return new SyncSwitchApi(collections, reconcileApi, reconcileJobs, jobs, webhook.tenant());
    }

    @Override
    public void configure(CamelContext context) {
        // a bad cron or limit stops start-up, even before the first firing asks for the settings
        context.getRegistry().lookupByNameAndType("reconcileSettings", ReconcileSettings.class);
    }
}
