package io.nexussync.pipeline;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The text of a document that classification and extraction read: its title and its long text fields. */
public record DocumentText(String title, String body) {

    public static DocumentText of(ObjectNode payload, Set<String> textFields) {
        if (payload == null) {
            return new DocumentText(null, "");
        }
        JsonNode title = payload.get("title");
        StringBuilder body = new StringBuilder();
        for (String field : textFields) {
            JsonNode value = payload.get(field);
            if (value != null && value.isTextual()) {
                if (body.length() > 0) {
                    body.append('\n');
                }
                body.append(value.asText());
            }
        }
        return new DocumentText(title != null && title.isTextual() ? title.asText() : null, body.toString());
    }

    /** Title and body as one text. */
    public String all() {
        return title == null ? body : title + "\n" + body;
    }
}
