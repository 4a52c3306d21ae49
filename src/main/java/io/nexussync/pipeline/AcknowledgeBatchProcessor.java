package io.nexussync.pipeline;

import io.nexussync.graph.BatchOutcome;
import io.nexussync.observe.SyncMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Settles a written batch: applied changes leave the inbox, refused ones are retried or dead-lettered. */
public final class AcknowledgeBatchProcessor implements Processor {

    private final BatchLedger ledger;
    private final SyncMetrics metrics;

    public AcknowledgeBatchProcessor(BatchLedger ledger, SyncMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        BatchOutcome outcome = exchange.getIn().getBody(BatchOutcome.class);
        metrics.batch(outcome.applied().size() + outcome.failed().size());
        ledger.complete(outcome);
    }
}
