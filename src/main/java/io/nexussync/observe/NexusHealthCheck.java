package io.nexussync.observe;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.nexussync.graph.NexusClient;
import io.nexussync.graph.NexusGate;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Nexus reachability and the state of its circuit breaker. Nexus being away degrades the bridge but does not make
 * it unready (it keeps accepting and queueing), so this check is UNKNOWN, not DOWN, and is neither a liveness nor a
 * readiness check.
 */
public final class NexusHealthCheck extends AbstractHealthCheck {

    static final String BREAKER_ID = "nexus-circuit-breaker";
    private static final long PROBE_INTERVAL_MS = 5000;

    /** The last probe of Nexus, reused between probe intervals so health polling does not load Nexus. */
    private record Probe(boolean reachable, long at) {
    }

    private final CamelContext context;
    private final NexusClient client;
    private final NexusGate gate;
    private final Clock clock;
    private final AtomicReference<Probe> last = new AtomicReference<>();

    public NexusHealthCheck(CamelContext context, NexusClient client, NexusGate gate, Clock clock) {
        super("nexus-sync", "nexus");
        this.context = context;
        this.client = client;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        boolean reachable = probe();
        String breaker = breakerState();
        boolean paused = !gate.isOpen();
        builder.detail("nexus.reachable", reachable).detail("circuit.state", breaker).detail("pipeline.paused", paused);
        if (reachable && "CLOSED".equals(breaker) && !paused) {
            builder.message("Nexus reachable, circuit CLOSED").up();
        } else {
            builder.message("degraded: Nexus " + (reachable ? "reachable" : "unreachable") + ", circuit " + breaker
                            + (paused ? ", pipeline paused" : "") + "; events wait in the inbox").unknown();
        }
    }

    private boolean probe() {
        long now = clock.millis();
        Probe p = last.get();
        if (p != null && now - p.at() < PROBE_INTERVAL_MS) {
            return p.reachable();
        }
        boolean reachable = client.isHealthy();
        last.set(new Probe(reachable, now));
        return reachable;
    }

    /** The breaker state of the graph-write route, or NOT_STARTED before the route exists. */
    public String breakerState() {
        ResilienceProcessor breaker = context.getProcessor(BREAKER_ID, ResilienceProcessor.class);
        return breaker == null ? "NOT_STARTED" : breaker.getCircuitBreakerState();
    }
}
