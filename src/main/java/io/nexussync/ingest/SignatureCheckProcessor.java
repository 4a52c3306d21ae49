package io.nexussync.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Verifies the Standard Webhooks signature of the raw body and remembers the webhook id for deduplication. */
public final class SignatureCheckProcessor implements Processor {

    public static final String WEBHOOK_ID = "syncWebhookId";

    private final WebhookSignatureVerifier verifier;

    public SignatureCheckProcessor(WebhookSignatureVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String id = in.getHeader("webhook-id", String.class);
        verifier.verify(id, in.getHeader("webhook-timestamp", String.class),
                in.getHeader("webhook-signature", String.class), in.getBody(byte[].class));
        exchange.setProperty(WEBHOOK_ID, id);
    }
}
