package io.nexussync.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.nexussync.http.ApiException;

/** Refuses webhook requests that are not JSON (415) or larger than the body limit (413) before any other work. */
public final class WebhookRequestGuard implements Processor {

    private final long maxBodyBytes;

    public WebhookRequestGuard(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Exchange property: System.nanoTime() when the request reached the route, for the latency metric. */
    public static final String RECEIVED_NANOS = "syncReceivedNanos";

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(RECEIVED_NANOS, System.nanoTime());
        Message in = exchange.getIn();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.trim().toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "Content-Type must be application/json");
        }
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        byte[] body = in.getBody(byte[].class);
        long size = body == null ? 0 : body.length;
        if ((declared != null && declared > maxBodyBytes) || size > maxBodyBytes) {
            throw new ApiException(413, "body exceeds " + maxBodyBytes + " bytes");
        }
        in.setBody(body == null ? new byte[0] : body);
    }
}
