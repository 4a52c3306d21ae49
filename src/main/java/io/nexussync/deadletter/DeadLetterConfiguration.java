package io.nexussync.deadletter;

import java.time.Clock;

import io.nexussync.ingest.WebhookSettings;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.store.DurableCommits;
import io.nexussync.store.StateStore;
import io.nexussync.store.SyncStateRepository;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Beans of the dead-letter table and its admin API. */
public class DeadLetterConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public DeadLetterRepository deadLetterRepository(StateStore store) {
        return new DeadLetterRepository(store);
    }

    @BindToRegistry(lazy = true)
    public DeadLetterReplayer deadLetterReplayer(StateStore store, DeadLetterRepository deadLetters,
            InboxRepository inbox, SyncStateRepository syncStates, InboxDepth depth, DurableCommits durable,
            Clock clock) {
        return new DeadLetterReplayer(store, deadLetters, inbox, syncStates, depth, durable, clock);
    }

    @BindToRegistry(lazy = true)
    public DeadLetterApi deadLetterApi(DeadLetterRepository deadLetters, DeadLetterReplayer replayer,
            WebhookSettings webhook) {
        return new DeadLetterApi(deadLetters, replayer, webhook.tenant());
    }
}
