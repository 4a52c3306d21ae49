package io.nexussync.graph;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.nexussync.pipeline.BatchLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circuit-breaker fallback: Nexus is unavailable, overloaded or the breaker is open, so the batch goes back to the
 * inbox untouched (no attempt counted) and the pipeline pauses; nothing is lost and nothing is dead-lettered.
 */
public final class DeferBatchProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeferBatchProcessor.class);

    private final BatchLedger ledger;
    private final NexusGate gate;
    private final long breakerWaitMs;

    public DeferBatchProcessor(BatchLedger ledger, NexusGate gate, long breakerWaitMs) {
        this.ledger = ledger;
        this.gate = gate;
        this.breakerWaitMs = breakerWaitMs;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        long requested = 0;
        String reason;
        if (cause == null || cause instanceof CallNotPermittedException) {
            requested = breakerWaitMs;
            reason = "circuit breaker open";
        } else if (cause instanceof NexusOverloadedException overloaded) {
            requested = overloaded.retryAfterMillis();
            reason = overloaded.getMessage();
        } else {
            reason = cause.getMessage();
        }
        long pause = gate.failed(requested);
        var batch = WriteGraphBatchProcessor.batchOf(exchange);
        ledger.defer(batch, pause, reason);
        LOG.warn("Deferred {} documents for {} ms: {}", batch.size(), pause, reason);
    }
}
