package io.nexussync.pipeline;

import java.util.List;

import io.nexussync.graph.AppliedChange;
import io.nexussync.graph.BatchOutcome;
import io.nexussync.graph.FailedChange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letter channel of the batching and writing routes: an unexpected failure counts one attempt for every change
 * it carried, so they are retried with backoff and reach the dead-letter table only after the attempt limit.
 */
public final class RetryBatchProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryBatchProcessor.class);

    private final BatchLedger ledger;

    public RetryBatchProcessor(BatchLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void process(Exchange exchange) {
        String error = FailureText.of(exchange);
        List<DocumentChange> changes = changesIn(exchange.getIn().getBody());
        LOG.warn("Batch of {} documents failed on route {}; retrying later: {}", changes.size(),
                exchange.getProperty(Exchange.FAILURE_ROUTE_ID), error, FailureText.cause(exchange));
        ledger.retry(changes, error, "pipeline");
    }

    @SuppressWarnings("unchecked")
    static List<DocumentChange> changesIn(Object body) {
        if (body instanceof DocumentChange change) {
            return List.of(change);
        }
        if (body instanceof BatchOutcome outcome) {
            return java.util.stream.Stream.concat(outcome.applied().stream().map(AppliedChange::change),
                    outcome.failed().stream().map(FailedChange::change)).toList();
        }
        if (body instanceof List<?> list) {
            return (List<DocumentChange>) list;
        }
        throw new IllegalStateException("no document changes in " + (body == null ? "null" : body.getClass()));
    }
}
