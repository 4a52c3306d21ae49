package io.nexussync.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Decides a document's primary domain and exposes it, with the tenant, as exchange properties for the content-based
 * router and the batcher. Until domain rules exist every document is in the default domain.
 */
public final class ClassifyDomainProcessor implements Processor {

    public static final String DOMAIN = "syncDomain";
    public static final String TENANT = "syncTenant";

    private final String defaultDomain;

    public ClassifyDomainProcessor(String defaultDomain) {
        this.defaultDomain = defaultDomain;
    }

    @Override
    public void process(Exchange exchange) {
        DocumentChange change = exchange.getIn().getBody(DocumentChange.class);
        DocumentChange classified = change.isDelete() ? change : change.withDomain(defaultDomain);
        exchange.setProperty(DOMAIN, defaultDomain);
        exchange.setProperty(TENANT, change.tenant());
        exchange.getIn().setBody(classified);
    }
}
