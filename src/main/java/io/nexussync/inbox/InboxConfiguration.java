package io.nexussync.inbox;

import java.time.Clock;

import io.nexussync.config.SettingsReader;
import io.nexussync.graph.NexusGate;
import io.nexussync.store.StateStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Beans of the durable inbox, and its recovery at start-up. */
public class InboxConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(InboxConfiguration.class);

    @BindToRegistry(lazy = true)
    public InboxSettings inboxSettings(CamelContext context) {
        return InboxSettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public InboxRepository inboxRepository(StateStore store) {
        return new InboxRepository(store);
    }

    @BindToRegistry(lazy = true)
    public InboxDepth inboxDepth() {
        return new InboxDepth();
    }

    @BindToRegistry(lazy = true)
    public InFlightDocuments inFlightDocuments() {
        return new InFlightDocuments();
    }

    @BindToRegistry(lazy = true)
    public ClaimInboxProcessor inboxClaim(InboxRepository inbox, InFlightDocuments inFlight, NexusGate gate,
            InboxSettings settings, Clock clock) {
        return new ClaimInboxProcessor(inbox, inFlight, gate, settings, clock);
    }

    @BindToRegistry(lazy = true)
    public InboxMaintenanceProcessor inboxMaintenance(StateStore store, InboxRepository inbox,
            InFlightDocuments inFlight, InboxDepth depth, InboxSettings settings, Clock clock) {
        return new InboxMaintenanceProcessor(store, inbox, inFlight, depth, settings, clock);
    }

    /**
     * Before any route runs: nothing of this instance is in flight after a start, so earlier claims go back to
     * pending. An instance that does not consume leaves them alone: they belong to the one that does.
     */
    @Override
    public void configure(CamelContext context) {
        InboxSettings settings = context.getRegistry().lookupByNameAndType("inboxSettings", InboxSettings.class);
        InboxRepository inbox = context.getRegistry().lookupByNameAndType("inboxRepository", InboxRepository.class);
        int released = settings.consume() ? inbox.releaseAllClaims() : 0;
        long depth = inbox.count();
        context.getRegistry().lookupByNameAndType("inboxDepth", InboxDepth.class).reset(depth);
        LOG.info("Inbox holds {} events ({} released from an earlier run)", depth, released);
    }
}
