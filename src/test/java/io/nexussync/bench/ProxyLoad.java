package io.nexussync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load against Vectorizer directly and through the bridge's proxy, side by side: requests alternate between
 * the two targets on one schedule, so both see the same machine noise, and each latency is measured from the moment
 * the request was due.
 */
final class ProxyLoad {

    /** One request: method, path below the base URL, JSON body (null for none). */
    record Call(String method, String path, String body) {
    }

    /** Makes request {@code index} for the direct target or the proxy (writes need distinct ids per target). */
    interface Calls {
        Call make(int index, boolean proxied);
    }

    record Sample(boolean proxied, double latencyMs, int status) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String directUrl;
    private final String proxyUrl;

    ProxyLoad(String directUrl, String proxyUrl) {
        this.directUrl = directUrl;
        this.proxyUrl = proxyUrl;
    }

    /** {@code perTarget} requests per second to each target for {@code seconds}. */
    List<Sample> run(int seconds, int perTarget, Calls calls) {
        int total = seconds * perTarget * 2;
        long interval = 1_000_000_000L / (perTarget * 2L);
        long start = System.nanoTime() + 50_000_000L;
        List<CompletableFuture<Sample>> futures = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean proxied = i % 2 == 1;
            futures.add(send(calls.make(i / 2, proxied), proxied, due));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Sample> send(Call call, boolean proxied, long due) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((proxied ? proxyUrl : directUrl) + call.path()))
                .timeout(Duration.ofSeconds(30));
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((r, e) -> new Sample(proxied, (System.nanoTime() - due) / 1e6,
                        e == null ? r.statusCode() : -1));
    }
}
