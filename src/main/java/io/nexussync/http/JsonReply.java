package io.nexussync.http;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes JSON answers on platform-http exchanges, dropping every request header so none is echoed back. */
public final class JsonReply {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReply() {
    }

    public static void send(Exchange exchange, int status, Object body) {
        send(exchange, status, body, 0);
    }

    public static void send(Exchange exchange, int status, Object body, long retryAfterSeconds) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (retryAfterSeconds > 0) {
            message.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        message.setBody(toJson(body));
    }

    public static void error(Exchange exchange, ApiException e) {
        Map<String, Object> body = e.field() == null
                ? Map.of("error", e.getMessage())
                : Map.of("error", e.getMessage(), "field", e.field());
        send(exchange, e.status(), body, e.retryAfterSeconds());
    }

    public static String toJson(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise reply", e);
        }
    }
}
