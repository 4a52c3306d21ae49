package io.nexussync.testing.vectorizer;

import io.nexussync.testing.LoopbackHttpServer;

/**
 * Thread-safe switchboard of injected failures. Status faults and the delay apply to every request, whatever its
 * path (including /health); {@link #down()} takes the whole server off the network.
 */
public final class VectorizerFaults {

    private final LoopbackHttpServer server;
    private int rateLimitsLeft;
    private int rateLimitRetryAfter;
    private int unavailableLeft;
    private int unavailableRetryAfter;
    private long delayMillis;
    private String rejectedText;

    VectorizerFaults(LoopbackHttpServer server) {
        this.server = server;
    }

    /** The next {@code times} requests get 429 {@code rate_limit_exceeded} with {@code Retry-After}. */
    public synchronized VectorizerFaults rateLimitNext(int times, int retryAfterSeconds) {
        rateLimitsLeft = requirePositive(times);
        rateLimitRetryAfter = retryAfterSeconds;
        return this;
    }

    /** The next {@code times} requests get 503 {@code service_unavailable} with {@code Retry-After}. */
    public synchronized VectorizerFaults unavailableNext(int times, int retryAfterSeconds) {
        unavailableLeft = requirePositive(times);
        unavailableRetryAfter = retryAfterSeconds;
        return this;
    }

    /** Every request whose body contains {@code text} gets 400 {@code bad_request}, until cleared. */
    public synchronized VectorizerFaults rejectWhenBodyContains(String text) {
        rejectedText = text;
        return this;
    }

    /** Every request waits {@code millis} before it is answered, until cleared. */
    public synchronized VectorizerFaults delay(long millis) {
        delayMillis = Math.max(0, millis);
        return this;
    }

    /** Closes the listening socket and every connection: clients get "connection refused". */
    public void down() {
        server.down();
    }

    /** Listens again on the same port. */
    public void up() {
        server.up();
    }

    public boolean isDown() {
        return !server.isUp();
    }

    /** Removes every fault and brings the server back up. */
    public void clear() {
        synchronized (this) {
            rateLimitsLeft = 0;
            unavailableLeft = 0;
            delayMillis = 0;
            rejectedText = null;
        }
        server.up();
    }

    synchronized long delayMillis() {
        return delayMillis;
    }

    /** The injected answer for this request, or null; rate limits are served before 503s, both before 400s. */
    synchronized Reply takeInjected(byte[] body) {
        if (rateLimitsLeft > 0) {
            rateLimitsLeft--;
            return ApiError.rateLimited(rateLimitRetryAfter).reply();
        }
        if (unavailableLeft > 0) {
            unavailableLeft--;
            return ApiError.unavailable(unavailableRetryAfter).reply();
        }
        if (rejectedText != null && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(rejectedText)) {
            return ApiError.badRequest("injected refusal").reply();
        }
        return null;
    }

    private static int requirePositive(int times) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        return times;
    }
}
