package io.nexussync.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nexussync.observe.SyncMetrics;
import io.nexussync.vectorizer.VectorizerClient;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.hc.core5.http.Header;

/**
 * Answers the client with Vectorizer's answer unchanged: status, body bytes and every end-to-end header
 * (Content-Type, Retry-After, x-request-id ...). None of the client's request headers is echoed.
 */
public final class ReplyProxiedAnswerProcessor implements Processor {

    private final SyncMetrics metrics;

    public ReplyProxiedAnswerProcessor(SyncMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        VectorizerClient.Forwarded answer = exchange.getProperty(ForwardToVectorizerProcessor.ANSWER,
                VectorizerClient.Forwarded.class);
        ProxiedRequest request = exchange.getProperty(ForwardToVectorizerProcessor.REQUEST, ProxiedRequest.class);
        long inBridge = System.nanoTime() - exchange.getProperty(ForwardToVectorizerProcessor.RECEIVED_NANOS,
                Long.class) - exchange.getProperty(ForwardToVectorizerProcessor.UPSTREAM_NANOS, Long.class);
        metrics.proxyOverhead(request.isWrite() ? "write" : "read", inBridge);
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        headers(answer.headers()).forEach(message::setHeader);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setBody(answer.body());
    }

    static Map<String, Object> headers(Header[] headers) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Header header : headers) {
            if (!HopByHop.contains(header.getName())) {
                values.computeIfAbsent(header.getName(), n -> new ArrayList<>()).add(header.getValue());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, list) -> out.put(name, list.size() == 1 ? list.get(0) : list));
        return out;
    }
}
