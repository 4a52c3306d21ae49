package io.nexussync.pipeline;

import java.time.Clock;

import io.nexussync.collections.SyncCollections;
import io.nexussync.config.SettingsReader;
import io.nexussync.deadletter.DeadLetterRepository;
import io.nexussync.inbox.InFlightDocuments;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.inbox.InboxSettings;
import io.nexussync.observe.SyncMetrics;
import io.nexussync.store.StateStore;
import io.nexussync.store.SyncStateRepository;
import io.nexussync.vectorizer.VectorizerClient;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/** Beans of the pipeline between the inbox and the graph writer. */
public class PipelineConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public BatchSettings batchSettings(CamelContext context) {
        return BatchSettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public SyncStateRepository syncStateRepository(StateStore store) {
        return new SyncStateRepository(store);
    }

    @BindToRegistry(lazy = true)
    public BatchLedger batchLedger(StateStore store, InboxRepository inbox, SyncStateRepository syncStates,
            DeadLetterRepository deadLetters, InFlightDocuments inFlight, InboxDepth depth, InboxSettings settings,
            SyncMetrics metrics, Clock clock) {
        return new BatchLedger(store, inbox, syncStates, deadLetters, inFlight, depth, settings, metrics, clock);
    }

    @BindToRegistry(lazy = true)
    public CoalesceProcessor documentCoalescer(SyncStateRepository syncStates, BatchLedger ledger,
            SyncCollections collections) {
        return new CoalesceProcessor(new Coalescer(), syncStates, ledger, collections);
    }

    @BindToRegistry(lazy = true)
    public HydrateThinChangesProcessor documentHydrator(VectorizerClient vectorizer, BatchLedger ledger) {
        return new HydrateThinChangesProcessor(vectorizer, ledger);
    }

    @BindToRegistry(lazy = true)
    public GroupedBodyAggregationStrategy batchAggregationStrategy() {
        return new GroupedBodyAggregationStrategy();
    }

    @BindToRegistry(lazy = true)
    public AcknowledgeBatchProcessor batchAcknowledger(BatchLedger ledger, SyncMetrics metrics) {
        return new AcknowledgeBatchProcessor(ledger, metrics);
    }

    @BindToRegistry(lazy = true)
    public RetryBatchProcessor batchRetry(BatchLedger ledger) {
        return new RetryBatchProcessor(ledger);
    }

    @BindToRegistry(lazy = true)
    public ReleaseClaimProcessor claimRelease(BatchLedger ledger) {
        return new ReleaseClaimProcessor(ledger);
    }

    @BindToRegistry(lazy = true)
    public DeadLetterDocumentProcessor documentDeadLetter(BatchLedger ledger) {
        return new DeadLetterDocumentProcessor(ledger);
    }

    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("batchSettings", BatchSettings.class);
    }
}
