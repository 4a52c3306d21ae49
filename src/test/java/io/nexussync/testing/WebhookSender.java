package io.nexussync.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexussync.ingest.WebhookSignatureVerifier;

/** Sends Standard Webhooks deliveries (and deliberately broken ones) to a running bridge. */
public final class WebhookSender {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** An HTTP answer with its JSON body (or null when the body is not JSON). */
    public record Reply(int status, JsonNode json, String body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final String baseUrl;
    private final byte[] key;

    public WebhookSender(String baseUrl, String secret) {
        this.baseUrl = baseUrl;
        this.key = java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** A correctly signed delivery with a fresh webhook id. */
    public Reply send(String body) {
        return send(UUID.randomUUID().toString(), body);
    }

    public Reply send(String webhookId, String body) {
        long now = System.currentTimeMillis() / 1000;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post("/webhooks/vectorizer", Map.of("webhook-id", webhookId, "webhook-timestamp", Long.toString(now),
                "webhook-signature", WebhookSignatureVerifier.sign(key, webhookId, now, bytes),
                "Content-Type", "application/json"), bytes);
    }

    /** Signs with the given timestamp (seconds), for stale-timestamp tests. */
    public Reply sendAt(long timestamp, String body) {
        String id = UUID.randomUUID().toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post("/webhooks/vectorizer", Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignatureVerifier.sign(key, id, timestamp, bytes),
                "Content-Type", "application/json"), bytes);
    }

    public Reply post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return call(request.build());
    }

    public Reply request(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return call(request.build());
    }

    public static Reply get(String url) {
        return call(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private static Reply call(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
            return new Reply(response.statusCode(), json, response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
