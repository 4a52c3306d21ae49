package io.nexussync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import io.nexussync.ingest.WebhookSignatureVerifier;

/**
 * Sends signed deliveries at a fixed rate whatever the answers take (open loop), and measures each latency from the
 * moment the request was due, so a slow answer cannot hide the requests queued behind it.
 */
final class OpenLoopLoad {

    /** One delivery's outcome: when it was due, when its answer came (nanoTime), and its status. */
    record Sent(long dueNanos, long answeredNanos, int status, int index, String error) {

        double latencyMs() {
            return (answeredNanos - dueNanos) / 1e6;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final byte[] key;

    OpenLoopLoad(String baseUrl, String secret) {
        this.uri = URI.create(baseUrl + "/webhooks/vectorizer");
        this.key = java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** Sends {@code count} deliveries at {@code perSecond}; body {@code i} comes from {@code bodies}. */
    List<Sent> run(int count, int perSecond, IntFunction<String> bodies) {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 50_000_000L;
        List<CompletableFuture<Sent>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            futures.add(send(i, due, bodies.apply(i)));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    CompletableFuture<Sent> send(int index, long due, String body) {
        String id = UUID.randomUUID().toString();
        long ts = System.currentTimeMillis() / 1000;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", WebhookSignatureVerifier.sign(key, id, ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((r, e) -> new Sent(due, System.nanoTime(), e == null ? r.statusCode() : -1, index,
                        e == null ? null : String.valueOf(e.getCause() == null ? e : e.getCause())));
    }
}
