package io.nexussync.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexussync.http.ApiException;
import io.nexussync.http.JsonReply;
import org.apache.camel.Exchange;

/** The admin endpoints over the dead-letter table: list, show, replay one, replay all, discard. */
public final class DeadLetterApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LIMIT = 500;

    private final DeadLetterRepository deadLetters;
    private final DeadLetterReplayer replayer;
    private final String tenant;

    public DeadLetterApi(DeadLetterRepository deadLetters, DeadLetterReplayer replayer, String tenant) {
        this.deadLetters = deadLetters;
        this.replayer = replayer;
        this.tenant = tenant;
    }

    public void list(Exchange exchange) {
        int limit = (int) queryNumber(exchange, "limit", 50, 1, MAX_LIMIT);
        long after = queryNumber(exchange, "after", 0, 0, Long.MAX_VALUE);
        List<DeadLetter> page = deadLetters.list(tenant, limit, after);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().map(d -> summary(d, false)).toList());
        body.put("total", deadLetters.count(tenant));
        body.put("next_after", page.size() == limit ? page.get(page.size() - 1).id() : null);
        JsonReply.send(exchange, 200, body);
    }

    public void show(Exchange exchange) {
        DeadLetter d = deadLetters.find(tenant, id(exchange)).orElseThrow(() -> notFound(exchange));
        JsonReply.send(exchange, 200, summary(d, true));
    }

    public void replay(Exchange exchange) {
        long id = id(exchange);
        switch (replayer.replay(tenant, id)) {
            case REPLAYED -> JsonReply.send(exchange, 202, Map.of("replayed", 1, "id", id));
            case SUPERSEDED -> throw new ApiException(409, "dead letter " + id
                    + " is superseded: the graph already holds a newer change of its document");
            default -> throw notFound(exchange);
        }
    }

    public void replayAll(Exchange exchange) {
        DeadLetterReplayer.Totals totals = replayer.replayAll(tenant);
        JsonReply.send(exchange, 202, Map.of("replayed", totals.replayed(), "superseded", totals.superseded()));
    }

    public void discard(Exchange exchange) {
        if (!deadLetters.delete(tenant, id(exchange))) {
            throw notFound(exchange);
        }
        JsonReply.send(exchange, 200, Map.of("deleted", true));
    }

    private static Map<String, Object> summary(DeadLetter d, boolean withEvent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("collection", d.collection());
        m.put("vector_id", d.vectorId());
        m.put("event_type", d.eventType());
        m.put("attempts", d.attempts());
        m.put("error", d.error());
        m.put("error_type", d.errorType());
        m.put("failed_at", d.failedAt());
        m.put("received_at", d.receivedAt());
        if (withEvent) {
            try {
                m.put("event", MAPPER.readTree(d.event()));
            } catch (JsonProcessingException e) {
                m.put("event", d.event());
            }
        }
        return m;
    }

    private static long id(Exchange exchange) {
        String raw = exchange.getIn().getHeader("id", String.class);
        if (raw == null || !raw.matches("\\d{1,18}")) {
            throw ApiException.badRequest("id must be a positive number", "id");
        }
        return Long.parseLong(raw);
    }

    private static long queryNumber(Exchange exchange, String name, long defaultValue, long min, long max) {
        String raw = exchange.getIn().getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        if (!raw.matches("\\d{1,18}") || Long.parseLong(raw) < min || Long.parseLong(raw) > max) {
            throw ApiException.badRequest(name + " must be a number between " + min + " and " + max, name);
        }
        return Long.parseLong(raw);
    }

    private static ApiException notFound(Exchange exchange) {
        return new ApiException(404, "no dead letter " + exchange.getIn().getHeader("id", String.class));
    }
}
