package io.nexussync.pipeline;

import java.util.List;

import io.nexussync.inbox.InboxEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where state store trouble sends work back to the inbox instead of waiting for the claim timeout: the claimed events
 * of a failed poll, or one document whose classification or extraction could not reach the store (retried after
 * {@link #DOCUMENT_RETRY_DELAY_MS}, without counting an attempt).
 */
public final class ReleaseClaimProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseClaimProcessor.class);
    static final long DOCUMENT_RETRY_DELAY_MS = 5_000;

    private final BatchLedger ledger;

    public ReleaseClaimProcessor(BatchLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void process(Exchange exchange) {
        String error = FailureText.of(exchange);
        Object body = exchange.getIn().getBody();
        if (body instanceof DocumentChange change) {
            ledger.defer(List.of(change), DOCUMENT_RETRY_DELAY_MS, error);
            LOG.warn("Document {} goes back to the inbox: {}", change.uid(), error, FailureText.cause(exchange));
            return;
        }
        if (body instanceof List<?> list && !list.isEmpty()) {
            if (list.get(0) instanceof InboxEvent) {
                @SuppressWarnings("unchecked")
                List<InboxEvent> events = (List<InboxEvent>) list;
                ledger.release(events, error);
            } else {
                ledger.defer(RetryBatchProcessor.changesIn(list), 0, error);
            }
        }
        // a failed poll must not make the greedy scheduler poll again at once
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, false);
        LOG.warn("Inbox poll failed: {}", error, FailureText.cause(exchange));
    }
}
