package io.nexussync.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Replaces the verified raw body with the validated delivery it describes. */
public final class ParseEventsProcessor implements Processor {

    private final WebhookEventParser parser;

    public ParseEventsProcessor(WebhookEventParser parser) {
        this.parser = parser;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getIn().setBody(parser.parse(exchange.getIn().getBody(byte[].class)));
    }
}
