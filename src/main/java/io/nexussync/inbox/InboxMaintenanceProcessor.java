package io.nexussync.inbox;

import java.time.Clock;
import java.util.List;

import io.nexussync.store.StateStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic housekeeping: releases documents whose batch was lost (claimed longer than the claim timeout), forgets
 * webhook ids past the dedupe retention, and re-reads the inbox depth.
 */
public final class InboxMaintenanceProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxMaintenanceProcessor.class);

    private final StateStore store;
    private final InboxRepository inbox;
    private final InFlightDocuments inFlight;
    private final InboxDepth depth;
    private final InboxSettings settings;
    private final Clock clock;

    public InboxMaintenanceProcessor(StateStore store, InboxRepository inbox, InFlightDocuments inFlight,
            InboxDepth depth, InboxSettings settings, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.inFlight = inFlight;
        this.depth = depth;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        long now = clock.millis();
        List<String> lost = inFlight.claimedBefore(now - settings.claimTimeoutMs());
        if (!lost.isEmpty()) {
            for (List<String> slice : StateStore.slices(lost)) {
                store.named().update("UPDATE inbox SET state = 'PENDING' WHERE state = 'CLAIMED'"
                        + " AND doc_uid IN (:uids)", java.util.Map.of("uids", slice));
            }
            inFlight.settle(lost);
            LOG.warn("Released {} documents whose batch did not settle within {} ms", lost.size(),
                    settings.claimTimeoutMs());
        }
        int purged = inbox.purgeDeliveriesBefore(now - settings.dedupeRetentionMs());
        if (purged > 0) {
            LOG.debug("Forgot {} webhook ids past retention", purged);
        }
        depth.reset(inbox.count());
    }
}
