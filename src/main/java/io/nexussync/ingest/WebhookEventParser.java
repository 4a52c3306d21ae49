package io.nexussync.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.nexussync.http.ApiException;
import io.nexussync.inbox.InboxEntry;
import io.nexussync.inbox.Operation;

/**
 * Parses a webhook body (one event or {@code {"events":[...]}}) and validates every event against
 * {@code schema/vectorizer-event.schema.json}; the first problem becomes a 400 naming the field.
 */
public final class WebhookEventParser {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonSchema schema;
    private final int maxEvents;
    private final String tenant;

    public WebhookEventParser(int maxEvents, String tenant) {
        this.maxEvents = maxEvents;
        this.tenant = tenant;
        this.schema = loadSchema();
    }

    public ParsedDelivery parse(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw ApiException.badRequest("body must be a JSON object", "$");
        }
        List<JsonNode> events = new ArrayList<>();
        String prefix = "";
        if (root.has("events")) {
            JsonNode array = root.get("events");
            if (!array.isArray() || array.isEmpty()) {
                throw ApiException.badRequest("events must be a non-empty array", "events");
            }
            if (array.size() > maxEvents) {
                throw ApiException.badRequest("at most " + maxEvents + " events per delivery", "events");
            }
            array.forEach(events::add);
            prefix = "events";
        } else {
            events.add(root);
        }
        List<InboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            validate(event, prefix.isEmpty() ? "" : prefix + "[" + i + "]");
            expand((ObjectNode) event, entries);
        }
        return new ParsedDelivery(events.size(), entries);
    }

    private void validate(JsonNode event, String path) {
        Set<ValidationMessage> errors = schema.validate(event);
        if (errors.isEmpty()) {
            return;
        }
        ValidationMessage first = errors.stream()
                .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .orElseThrow();
        String field = fieldOf(first, path);
        throw ApiException.badRequest(field + ": " + first.getError(), field);
    }

    private static String fieldOf(ValidationMessage message, String path) {
        String location = message.getInstanceLocation().toString();
        String local = location.equals("$") ? "" : location.substring(location.startsWith("$.") ? 2 : 1);
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            local = local.isEmpty() ? message.getProperty() : local + "." + message.getProperty();
        }
        if (path.isEmpty()) {
            return local.isEmpty() ? "$" : local;
        }
        return local.isEmpty() ? path : path + (local.startsWith("[") ? "" : ".") + local;
    }

    private void expand(ObjectNode event, List<InboxEntry> entries) {
        String type = event.get("event").asText();
        String collection = event.get("collection").asText();
        if ("BatchSync".equals(type)) {
            for (JsonNode id : event.get("vector_ids")) {
                ObjectNode thin = MAPPER.createObjectNode().put("event", type).put("collection", collection)
                        .put("vector_id", id.asText());
                if (event.has("occurred_at")) {
                    thin.set("occurred_at", event.get("occurred_at"));
                }
                entries.add(new InboxEntry(tenant, collection, id.asText(), Operation.UPSERT, type, thin.toString()));
            }
            return;
        }
        Operation operation = "VectorDeleted".equals(type) ? Operation.DELETE : Operation.UPSERT;
        entries.add(new InboxEntry(tenant, collection, event.get("vector_id").asText(), operation, type,
                event.toString()));
    }

    private static JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("request body is empty", "$");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage(), "$");
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable body", "$");
        }
    }

    private static JsonSchema loadSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.LEGACY).formatAssertionsEnabled(true).build();
        try (InputStream in = WebhookEventParser.class.getResourceAsStream("/schema/vectorizer-event.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the event schema", e);
        }
    }
}
