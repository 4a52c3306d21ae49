package io.nexussync.graph;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexussync.http.RetryAfter;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled HTTP client for Nexus 2.5. It checks every body for Nexus's 200-with-{@code error} answers and maps
 * failures to exceptions that say how to retry.
 */
public final class NexusClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long DEFAULT_RETRY_AFTER_MS = 10_000;
    private static final int MAX_ERROR_LENGTH = 500;

    private final URI base;
    private final String apiKey;
    private final CloseableHttpClient http;

    public NexusClient(NexusSettings settings) {
        this.base = settings.url();
        this.apiKey = settings.apiKey();
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMs()))
                .setSocketTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMs()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2)).build();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(settings.maxConnections()).setMaxConnPerRoute(settings.maxConnections())
                        .setDefaultConnectionConfig(connection).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMs()))
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMs())).build())
                // retries belong to the route's redelivery policy, where they are counted and visible
                .disableAutomaticRetries()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /** Runs one statement; returns the parsed answer or throws a {@link NexusException}. */
    public JsonNode execute(CypherStatement statement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", statement.query());
        body.put("parameters", statement.parameters());
        HttpPost post = new HttpPost(base.resolve("/cypher"));
        try {
            post.setEntity(new ByteArrayEntity(MAPPER.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        } catch (IOException e) {
            throw new NexusQueryException("statement " + statement.name() + " cannot be serialised: " + e.getMessage());
        }
        return call(post, statement.name());
    }

    /** True when {@code GET /health} answers with a Healthy or Degraded status. */
    public boolean isHealthy() {
        try {
            JsonNode health = call(new HttpGet(base.resolve("/health")), "health");
            String status = health.path("status").asText();
            return "Healthy".equals(status) || "Degraded".equals(status);
        } catch (NexusException e) {
            return false;
        }
    }

    private JsonNode call(ClassicHttpRequest request, String name) {
        if (!apiKey.isEmpty()) {
            request.setHeader("Authorization", "Bearer " + apiKey);
        }
        try {
            return http.execute(request, response -> interpret(response, name));
        } catch (IOException e) {
            throw new NexusUnavailableException("Nexus unreachable (" + name + "): " + e, e);
        }
    }

    private static JsonNode interpret(ClassicHttpResponse response, String name) throws IOException {
        int status = response.getCode();
        JsonNode body = readBody(response);
        if (status == 503 || status == 429) {
            throw new NexusOverloadedException("Nexus overloaded (" + status + ")", retryAfterMillis(response, body));
        }
        if (status == 401 || status == 403) {
            throw new NexusUnavailableException("Nexus refused the credentials (" + status + ")", null);
        }
        if (status >= 500) {
            throw new NexusUnavailableException("Nexus failed with " + status + " on " + name, null);
        }
        if (status >= 400) {
            throw new NexusQueryException("Nexus rejected " + name + " with " + status + ": " + text(body));
        }
        JsonNode error = body.get("error");
        if (error != null && !error.isNull()) {
            throw new NexusQueryException(truncate(error.asText()));
        }
        return body;
    }

    private static JsonNode readBody(ClassicHttpResponse response) throws IOException {
        if (response.getEntity() == null) {
            return MAPPER.createObjectNode();
        }
        try (InputStream in = response.getEntity().getContent()) {
            JsonNode node = MAPPER.readTree(in);
            return node == null ? MAPPER.createObjectNode() : node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // middleware answers (415, 413, 422) have text bodies
            return MAPPER.createObjectNode().put("error", "non-JSON answer");
        }
    }

    static long retryAfterMillis(ClassicHttpResponse response, JsonNode body) {
        OptionalLong header = RetryAfter.millis(response);
        if (header.isPresent()) {
            return header.getAsLong();
        }
        if (body.path("retry_after_ms").canConvertToLong()) {
            return body.get("retry_after_ms").asLong();
        }
        if (body.path("retry_after_seconds").canConvertToLong()) {
            return body.get("retry_after_seconds").asLong() * 1000;
        }
        return DEFAULT_RETRY_AFTER_MS;
    }

    private static String text(JsonNode body) {
        return truncate(body.has("error") ? body.get("error").asText() : body.toString());
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
