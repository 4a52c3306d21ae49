package io.nexussync.pipeline;

import java.util.List;

import io.nexussync.inbox.InboxEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letter channel of the inbox poller: when claiming or coalescing fails (state store trouble), the claimed
 * events go straight back to the inbox instead of waiting for the claim timeout.
 */
public final class ReleaseClaimProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseClaimProcessor.class);

    private final BatchLedger ledger;

    public ReleaseClaimProcessor(BatchLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void process(Exchange exchange) {
        String error = FailureText.of(exchange);
        Object body = exchange.getIn().getBody();
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
