package io.nexussync.vectorizer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.http.RetryAfter;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled HTTP client for Vectorizer 3.5, used by hydration, similarity, reconciliation and the proxy. It keeps
 * clear of the server's traps: points are fetched with the Qdrant retrieve call (the REST get-by-id answers mock data),
 * collections are listed page by page, and payloads are changed with {@code /batch_update} ({@code /update} is a
 * no-op). A 429 or 503 is waited out for its Retry-After, up to a bound, before the call fails.
 */
public final class VectorizerClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long DEFAULT_RETRY_AFTER_MS = 1_000;
    private static final long STALE_CONNECTION_RETRY_MS = 1;
    private static final int MAX_ERROR_LENGTH = 300;
    /** The REST search caps the limit at 100. */
    public static final int MAX_SEARCH_LIMIT = 100;

    /** One page of a collection listing; {@code next} is the cursor of the following page, or null after the last. */
    public record Page(List<VectorPoint> points, String next, long total) {
    }

    /** A proxied answer: status, response headers and body bytes as Vectorizer sent them. */
    public record Forwarded(int status, Header[] headers, byte[] body) {
    }

    private final URI base;
    private final VectorizerSettings settings;
    private final CloseableHttpClient http;
    private final PoolingHttpClientConnectionManager connections;
    private final Retry retry;

    public VectorizerClient(VectorizerSettings settings) {
        this.base = settings.url();
        this.settings = settings;
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMs()))
                .setSocketTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMs()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2)).build();
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections()).setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(connection).build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMs()))
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMs())).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        long maxWait = settings.retryMaxWaitMs();
        IntervalBiFunction<Object> wait = (attempt, outcome) -> outcome.isLeft()
                && outcome.getLeft() instanceof VectorizerException e ? e.retryAfterMillis() : DEFAULT_RETRY_AFTER_MS;
        this.retry = Retry.of("vectorizer", RetryConfig.custom()
                .maxAttempts(settings.retryAttempts())
                .intervalBiFunction(wait)
                // only a server that asked us to come back soon is waited for in place; anything else is the caller's
                .retryOnException(e -> e instanceof VectorizerException v
                        && ((v.status() == 429 || v.status() == 503) && v.retryAfterMillis() <= maxWait
                            || v.getCause() instanceof NoHttpResponseException))
                .failAfterMaxAttempts(false)
                .build());
    }

    public VectorizerSettings settings() {
        return settings;
    }

    /**
     * Fetches points by id with {@code POST /qdrant/collections/{c}/points}, in slices of the fetch batch size.
     * Ids Vectorizer does not hold are absent from the answer; an unknown collection holds none.
     */
    public List<VectorPoint> retrieve(String collection, Collection<String> ids, boolean withVector) {
        List<VectorPoint> out = new ArrayList<>(ids.size());
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += settings.fetchBatchSize()) {
            List<String> slice = all.subList(i, Math.min(all.size(), i + settings.fetchBatchSize()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ids", slice);
            body.put("with_payload", true);
            body.put("with_vector", withVector);
            JsonNode answer;
            try {
                answer = postJson("/qdrant/collections/" + segment(collection) + "/points", body, "retrieve");
            } catch (VectorizerException e) {
                if (e.status() == 404) {
                    return List.of();
                }
                throw e;
            }
            for (JsonNode point : answer.path("result")) {
                out.add(point(point, "vector", withVector));
            }
        }
        return out;
    }

    /** One page of a collection in insertion order, by GraphQL (up to 1000 a page) or REST (50 a page). */
    public Page page(String collection, String cursor, boolean withVectors) {
        return "rest".equals(settings.paging()) ? restPage(collection, cursor)
                : graphQlPage(collection, cursor, withVectors);
    }

    private Page graphQlPage(String collection, String cursor, boolean withVectors) {
        String input = "{collection: " + MAPPER.valueToTree(collection) + ", limit: " + settings.pageSize()
                       + (cursor == null ? "" : ", cursor: " + MAPPER.valueToTree(cursor)) + "}";
        String query = "{ vectors(input: " + input + ") { items { id " + (withVectors ? "data " : "")
                       + "payload } totalCount hasNextPage nextCursor } }";
        JsonNode answer = postJson("/graphql", Map.of("query", query), "graphql vectors");
        if (answer.path("errors").size() > 0) {
            String message = answer.path("errors").get(0).path("message").asText();
            if (message.toLowerCase().contains("not found")) {
                throw new VectorizerException("collection " + collection + " not found", 404, -1, null);
            }
            throw new VectorizerException("GraphQL vectors failed: " + truncate(message), 400, -1, null);
        }
        JsonNode vectors = answer.path("data").path("vectors");
        List<VectorPoint> points = new ArrayList<>();
        for (JsonNode item : vectors.path("items")) {
            points.add(point(item, "data", withVectors));
        }
        String next = vectors.path("hasNextPage").asBoolean() && !points.isEmpty()
                ? vectors.path("nextCursor").asText(null) : null;
        return new Page(points, next, vectors.path("totalCount").asLong());
    }

    private Page restPage(String collection, String cursor) {
        long offset = cursor == null ? 0 : Long.parseLong(cursor);
        JsonNode answer = get("/collections/" + segment(collection) + "/vectors?limit=" + settings.pageSize()
                              + "&offset=" + offset, "list vectors");
        List<VectorPoint> points = new ArrayList<>();
        for (JsonNode item : answer.path("vectors")) {
            points.add(point(item, "vector", true));
        }
        long total = answer.path("total").asLong();
        long nextOffset = offset + points.size();
        return new Page(points, points.isEmpty() || nextOffset >= total ? null : Long.toString(nextOffset), total);
    }

    /** Vectors of {@code collection} most similar to {@code vector}, at or above {@code threshold}. */
    public List<ScoredPoint> search(String collection, ArrayNode vector, int limit, double threshold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vector", vector);
        body.put("limit", Math.min(limit, MAX_SEARCH_LIMIT));
        body.put("threshold", threshold);
        JsonNode answer = postJson("/collections/" + segment(collection) + "/search", body, "search");
        List<ScoredPoint> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("results")) {
            hits.add(new ScoredPoint(hit.path("id").asText(), hit.path("score").asDouble()));
        }
        return hits;
    }

    /** Vectorizer's own graph edges of a collection ({@code GET /graph/collections/{c}/edges}). */
    public List<GraphEdge> graphEdges(String collection) {
        JsonNode answer = get("/graph/collections/" + segment(collection) + "/edges", "graph edges");
        List<GraphEdge> edges = new ArrayList<>();
        for (JsonNode edge : answer.path("edges")) {
            edges.add(new GraphEdge(edge.path("source").asText(), edge.path("target").asText(),
                    edge.path("relationship_type").asText(), edge.path("weight").asDouble()));
        }
        return edges;
    }

    /** Names of every collection. */
    public List<String> collections() {
        List<String> names = new ArrayList<>();
        for (JsonNode c : get("/collections", "list collections").path("collections")) {
            names.add(c.path("name").asText());
        }
        return names;
    }

    /** Replaces payloads with {@code /batch_update} (the REST {@code /update} changes nothing); returns the answer. */
    public JsonNode batchUpdate(String collection, List<Map<String, Object>> updates) {
        return postJson("/batch_update", Map.of("collection", collection, "updates", updates), "batch update");
    }

    public boolean isHealthy() {
        try {
            return "healthy".equalsIgnoreCase(get("/health", "health").path("status").asText());
        } catch (VectorizerException e) {
            return false;
        }
    }

    /**
     * Sends a client's request on unchanged and returns Vectorizer's answer unchanged. No retries and none of the
     * bridge's credentials: the client's own headers decide what it may do.
     */
    public Forwarded forward(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, base.resolve(pathAndQuery));
        headers.forEach(request::setHeader);
        if (body != null && body.length > 0) {
            // the client's own Content-Type, or none: Vectorizer, not the proxy, decides what it accepts
            String type = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            request.setEntity(new ByteArrayEntity(body, type == null ? null : ContentType.parseLenient(type)));
        }
        try {
            return http.execute(request, response -> new Forwarded(response.getCode(), response.getHeaders(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            // Vectorizer went away (or restarted): the idle pooled connections are dead too; without this each one
            // would fail one more client request, since connections idle under 2 s are reused unchecked
            connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
            throw new VectorizerException("Vectorizer unreachable: " + e, 0, DEFAULT_RETRY_AFTER_MS, e);
        }
    }

    private JsonNode get(String path, String name) {
        return call(() -> new HttpGet(base.resolve(path)), name);
    }

    private JsonNode postJson(String path, Object body, String name) {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new VectorizerException(name + " request cannot be serialised: " + e.getMessage(), 400, -1, e);
        }
        return call(() -> {
            HttpPost post = new HttpPost(base.resolve(path));
            post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
            return post;
        }, name);
    }

    private JsonNode call(Supplier<ClassicHttpRequest> request, String name) {
        return Retry.decorateSupplier(retry, () -> once(request.get(), name)).get();
    }

    private JsonNode once(ClassicHttpRequest request, String name) {
        if (!settings.apiKey().isEmpty()) {
            request.setHeader("X-API-Key", settings.apiKey());
        }
        try {
            return http.execute(request, response -> interpret(response, name));
        } catch (IOException e) {
            connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
            // a pooled connection that Vectorizer closed (it restarted) fails before any answer: try again at once on
            // a fresh one; every call made here is a read or an idempotent replace
            long retryAfter = e instanceof NoHttpResponseException ? STALE_CONNECTION_RETRY_MS : DEFAULT_RETRY_AFTER_MS;
            throw new VectorizerException("Vectorizer unreachable (" + name + "): " + e, 0, retryAfter, e);
        }
    }

    private static JsonNode interpret(ClassicHttpResponse response, String name) throws IOException {
        int status = response.getCode();
        JsonNode body = readBody(response);
        if (status == 429 || status == 503) {
            throw new VectorizerException("Vectorizer asked to back off (" + status + ") on " + name, status,
                    RetryAfter.millis(response).orElse(DEFAULT_RETRY_AFTER_MS), null);
        }
        if (status >= 500) {
            throw new VectorizerException("Vectorizer failed with " + status + " on " + name + ": " + text(body),
                    status, DEFAULT_RETRY_AFTER_MS, null);
        }
        if (status == 401 || status == 403) {
            // a wrong key is fixed by an operator, not by the document: retry later, do not dead-letter
            throw new VectorizerException("Vectorizer refused the credentials (" + status + ") on " + name, status,
                    DEFAULT_RETRY_AFTER_MS * 10, null);
        }
        if (status >= 400) {
            throw new VectorizerException("Vectorizer rejected " + name + " with " + status + ": " + text(body),
                    status, -1, null);
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
        } catch (JsonProcessingException e) {
            return MAPPER.createObjectNode().put("message", "non-JSON answer");
        }
    }

    private static VectorPoint point(JsonNode node, String vectorField, boolean withVector) {
        JsonNode vector = node.get(vectorField);
        JsonNode payload = node.get("payload");
        return new VectorPoint(node.path("id").asText(),
                withVector && vector instanceof ArrayNode array && !array.isEmpty() ? array : null,
                payload instanceof ObjectNode object ? object : null);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode body) {
        return truncate(body.has("message") ? body.get("message").asText() : body.toString());
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
