package io.nexussync.observe;


import java.util.Map;

import io.nexussync.inbox.InFlightDocuments;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxSettings;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Reports the inbox depth; not ready once the inbox is full, because webhooks are then refused. */
public final class InboxHealthCheck extends AbstractHealthCheck {

    private final InboxDepth depth;
    private final InFlightDocuments inFlight;
    private final InboxSettings settings;

    public InboxHealthCheck(InboxDepth depth, InFlightDocuments inFlight, InboxSettings settings) {
        super("nexus-sync", "inbox");
        this.depth = depth;
        this.inFlight = inFlight;
        this.settings = settings;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long events = depth.get();
        builder.detail("inbox.depth", events).detail("inbox.max-depth", settings.maxDepth())
                .detail("inflight.documents", inFlight.size());
        builder.message("inbox holds " + events + " events");
        if (events >= settings.maxDepth()) {
            builder.message("inbox is full: webhooks are refused with 503").down();
        } else {
            builder.up();
        }
    }
}
