package io.nexussync.scan;

import java.time.Clock;
import java.util.function.BooleanSupplier;

import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.inbox.InboxSettings;
import io.nexussync.store.DurableCommits;
import io.nexussync.store.StateStore;
import io.nexussync.store.SyncStateRepository;
import io.nexussync.vectorizer.VectorizerClient;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The collection scanner shared by reconciliation and the batch sync tool. */
public class ScanConfiguration implements CamelConfiguration {

    private static final long INITIAL_PAUSE_MS = 100;
    private static final long MAX_PAUSE_MS = 5_000;

    @BindToRegistry(lazy = true)
    public CollectionScanner collectionScanner(CamelContext context, VectorizerClient vectorizerClient,
            SyncStateRepository syncStateRepository, InboxRepository inboxRepository, StateStore store,
            DurableCommits durableCommits, InboxDepth inboxDepth, InboxSettings inboxSettings, Clock clock) {
        BooleanSupplier stopping = () -> context.isStopping() || context.isStopped();
        InboxCapacity capacity = new InboxCapacity(inboxDepth, inboxSettings.maxDepth(), INITIAL_PAUSE_MS,
                MAX_PAUSE_MS);
        return new CollectionScanner(vectorizerClient, syncStateRepository, inboxRepository, store, durableCommits,
                capacity, stopping, clock);
    }
}
