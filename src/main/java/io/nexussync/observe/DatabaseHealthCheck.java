package io.nexussync.observe;

import java.util.Map;

import io.nexussync.store.StateStore;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** DOWN when the state store does not answer: without it nothing can be accepted durably. */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private final StateStore store;

    public DatabaseHealthCheck(StateStore store) {
        super("nexus-sync", "database");
        this.store = store;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (store.isReachable()) {
            builder.up();
        } else {
            builder.message("state store does not answer").down();
        }
    }
}
