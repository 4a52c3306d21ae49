package io.nexussync.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letter channel of the per-document routes: a document that breaks classification or extraction would break
 * it again, so it goes straight to the dead-letter table and the documents behind it carry on.
 */
public final class DeadLetterDocumentProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDocumentProcessor.class);

    private final BatchLedger ledger;

    public DeadLetterDocumentProcessor(BatchLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void process(Exchange exchange) {
        String error = FailureText.of(exchange);
        DocumentChange change = exchange.getIn().getBody(DocumentChange.class);
        LOG.warn("Document {} failed on route {} and was dead-lettered: {}", change.uid(),
                exchange.getProperty(Exchange.FAILURE_ROUTE_ID), error);
        ledger.deadLetter(change, error, "pipeline");
    }
}
