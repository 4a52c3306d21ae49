package io.nexussync.proxy;

import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks for a reconciliation of a collection whose change the proxy cannot map to ids: one InOnly message on
 * {@code seda:reconcile-requests}, body the collection name, header {@code reconcileTrigger} saying why.
 */
public final class ReconcileRequests {

    public static final String ENDPOINT = "seda:reconcile-requests";
    public static final String TRIGGER = "reconcileTrigger";
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileRequests.class);

    private final ProducerTemplate producer;

    public ReconcileRequests(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Returns whether the request was queued; the periodic reconciliation covers a request that was not. */
    public boolean request(String collection, String trigger) {
        try {
            producer.sendBodyAndHeader(ENDPOINT, ExchangePattern.InOnly, collection, TRIGGER, trigger);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Cannot request a reconciliation of {} ({}): {}", collection, trigger, e.getMessage());
            return false;
        }
    }
}
