package io.nexussync.proxy;

import java.net.ConnectException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.nexussync.http.ApiException;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.vectorizer.VectorizerClient;
import io.nexussync.vectorizer.VectorizerException;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Sends the client's request on to Vectorizer as it came (method, path below {@code /vectorizer}, query, end-to-end
 * headers with the client's own credentials, body bytes) and keeps the answer for the next steps. A write is refused
 * up front while the inbox is full, since it could not be recorded after Vectorizer applied it.
 */
public final class ForwardToVectorizerProcessor implements Processor {

    /** Exchange property holding the {@link ProxiedRequest}. */
    public static final String REQUEST = "proxyRequest";
    /** Exchange property holding Vectorizer's answer ({@link VectorizerClient.Forwarded}). */
    public static final String ANSWER = "proxyAnswer";
    /** Exchange properties: System.nanoTime() at arrival, and nanoseconds spent waiting for Vectorizer. */
    public static final String RECEIVED_NANOS = "proxyReceivedNanos";
    public static final String UPSTREAM_NANOS = "proxyUpstreamNanos";
    static final String PREFIX = "/vectorizer";

    private final VectorizerClient vectorizer;
    private final ReconcileRequests reconcile;
    private final InboxDepth depth;
    private final long maxDepth;
    private final long fullRetryAfterSeconds;

    public ForwardToVectorizerProcessor(VectorizerClient vectorizer, ReconcileRequests reconcile, InboxDepth depth,
            long maxDepth, long fullRetryAfterSeconds) {
        this.vectorizer = vectorizer;
        this.reconcile = reconcile;
        this.depth = depth;
        this.maxDepth = maxDepth;
        this.fullRetryAfterSeconds = fullRetryAfterSeconds;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(RECEIVED_NANOS, System.nanoTime());
        ProxiedRequest request = request(exchange);
        refuseUnforwardable(request);
        exchange.setProperty(REQUEST, request);
        long sent = System.nanoTime();
        try {
            exchange.setProperty(ANSWER, vectorizer.forward(request.method(), request.pathAndQuery(),
                    request.headers(), request.body()));
            exchange.setProperty(UPSTREAM_NANOS, System.nanoTime() - sent);
        } catch (VectorizerException e) {
            if (request.isWrite() && !(e.getCause() instanceof ConnectException)) {
                // the request may have reached Vectorizer and been applied: only a reconciliation can tell
                String collection = ProxiedWrite.collectionOf(request.path(), request.body());
                if (collection != null) {
                    reconcile.request(collection, "proxy:write_outcome_unknown");
                }
                throw new ApiException(502, "vectorizer did not answer; the write may have been applied"
                        + (collection == null ? "" : " and a reconciliation of " + collection + " will pick it up"));
            }
            throw new ApiException(502, "vectorizer unreachable");
        } catch (IllegalArgumentException e) {
            // Vert.x let through a request target that is not a valid URI
            throw ApiException.badRequest("invalid request path or query", "path");
        }
    }

    private void refuseUnforwardable(ProxiedRequest request) {
        String type = request.headers().getOrDefault("Content-Type", "").trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            // platform-http decodes form bodies before any route runs: the original bytes are gone, and forwarding
            // what is left would send Vectorizer a different request than the client's
            throw new ApiException(415, "multipart and form bodies cannot be forwarded unchanged;"
                    + " send them to Vectorizer directly");
        }
        if (request.isWrite() && depth.get() >= maxDepth) {
            // Vectorizer would apply the write, and the bridge could not record it
            throw new ApiException(503, "inbox is full", null, fullRetryAfterSeconds);
        }
    }

    static ProxiedRequest request(Exchange exchange) {
        HttpServerRequest http = exchange.getIn(HttpMessage.class).getRequest();
        String path = http.path().substring(Math.min(PREFIX.length(), http.path().length()));
        if (!path.isEmpty() && !path.startsWith("/")) {
            // prefix matching also lets /vectorizerX through; that is not ours to forward
            throw new ApiException(404, "no such endpoint");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : http.headers().names()) {
            if (!HopByHop.contains(name)) {
                headers.put(name, String.join(", ", http.headers().getAll(name)));
            }
        }
        return new ProxiedRequest(http.method().name(), path.isEmpty() ? "/" : path, http.query(), headers,
                exchange.getIn().getBody(byte[].class));
    }
}
