package io.nexussync.testing.nexus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/** A POST /cypher body, read with the checks and statuses of axum's {@code Json} extractor. */
record CypherRequest(String query, Map<String, Object> parameters, JsonNode parameterNode) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String TOO_LARGE = "Failed to buffer the request body: length limit exceeded";
    private static final long DRAIN_LIMIT = 256L * 1024 * 1024;
    private static final String DATA_ERROR = "Failed to deserialize the JSON body into the target type: ";

    /** The parameters as compact JSON, for faults keyed on a parameter value. */
    String parameterText() {
        return parameterNode.toString();
    }

    static CypherRequest read(HttpExchange exchange, long maxBodyBytes) throws IOException, RequestRejected {
        if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            throw new RequestRejected(415, "Expected request with `Content-Type: application/json`");
        }
        String declaredLength = exchange.getRequestHeaders().getFirst("Content-Length");
        InputStream in = exchange.getRequestBody();
        if (declaredLength != null && parseLength(declaredLength) > maxBodyBytes) {
            throw tooLarge(in);
        }
        byte[] body = in.readNBytes((int) maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw tooLarge(in);
        }
        return parse(body);
    }

    /** Reads the rest of the body first, so a client still sending sees the 413 rather than a broken pipe. */
    private static RequestRejected tooLarge(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        for (int read; drained < DRAIN_LIMIT && (read = in.read(buffer)) > 0; ) {
            drained += read;
        }
        return new RequestRejected(413, TOO_LARGE);
    }

    static CypherRequest parse(byte[] body) throws RequestRejected {
        JsonNode root;
        try {
            root = HttpJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RequestRejected(400, "Failed to parse the request body as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RequestRejected(400, "Failed to parse the request body as JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new RequestRejected(400, "Failed to parse the request body as JSON: EOF while parsing a value");
        }
        if (!root.isObject()) {
            throw new RequestRejected(422, DATA_ERROR + "invalid type: " + root.getNodeType() + ", expected struct CypherRequest");
        }
        JsonNode query = root.get("query");
        if (query == null || query.isNull()) {
            throw new RequestRejected(422, DATA_ERROR + "missing field `query`");
        }
        if (!query.isTextual()) {
            throw new RequestRejected(422, DATA_ERROR + "query: invalid type: " + query.getNodeType() + ", expected a string");
        }
        JsonNode parameters = root.hasNonNull("parameters") ? root.get("parameters") : root.get("params");
        if (parameters == null || parameters.isNull()) {
            parameters = HttpJson.MAPPER.createObjectNode();
        }
        if (!parameters.isObject()) {
            throw new RequestRejected(422, DATA_ERROR + "parameters: invalid type: " + parameters.getNodeType() + ", expected a map");
        }
        return new CypherRequest(query.textValue(), HttpJson.MAPPER.convertValue(parameters, MAP), parameters);
    }

    /** Like axum: {@code application/json} or any {@code application/*+json}, parameters such as charset allowed. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String essence = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return essence.equals("application/json") || (essence.startsWith("application/") && essence.endsWith("+json"));
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
