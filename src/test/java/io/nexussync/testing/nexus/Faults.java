package io.nexussync.testing.nexus;

import io.nexussync.testing.LoopbackHttpServer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Thread-safe switchboard of injected failures for resilience tests; every fault applies to POST /cypher only,
 * except {@link #down()}, which takes the whole server off the network.
 */
public final class Faults {

    private final LoopbackHttpServer server;
    private int overloadsLeft;
    private boolean overloadUntilCleared;
    private int retryAfterSeconds;
    private int errorsLeft;
    private String nextErrorMessage;
    private final Map<String, String> errorsByQueryFragment = new LinkedHashMap<>();
    private final Map<String, String> errorsByParameterText = new LinkedHashMap<>();
    private long delayMillis;
    private int resetsLeft;
    private boolean resetUntilCleared;

    Faults(LoopbackHttpServer server) {
        this.server = server;
    }

    /** The next {@code times} requests get 503 with {@code Retry-After}, as from the admission queue. */
    public synchronized Faults overloadNext(int times, int retryAfterSeconds) {
        this.overloadsLeft = requirePositive(times);
        this.retryAfterSeconds = retryAfterSeconds;
        return this;
    }

    public synchronized Faults overloadUntilCleared(int retryAfterSeconds) {
        this.overloadUntilCleared = true;
        this.retryAfterSeconds = retryAfterSeconds;
        return this;
    }

    /** The next {@code times} valid requests get HTTP 200 with {@code message} as the error, verbatim. */
    public synchronized Faults errorNext(int times, String message) {
        this.errorsLeft = requirePositive(times);
        this.nextErrorMessage = message;
        return this;
    }

    /** Every request whose query contains {@code fragment} gets 200 + {@code message} until cleared. */
    public synchronized Faults errorWhenQueryContains(String fragment, String message) {
        errorsByQueryFragment.put(fragment, message);
        return this;
    }

    /** Every request whose JSON-serialised parameters contain {@code text} gets 200 + {@code message}. */
    public synchronized Faults errorWhenParametersContain(String text, String message) {
        errorsByParameterText.put(text, message);
        return this;
    }

    /** Every request waits {@code millis} before it is handled, until cleared. */
    public synchronized Faults delayMillis(long millis) {
        this.delayMillis = Math.max(0, millis);
        return this;
    }

    /** The next {@code times} requests have their connection closed with no HTTP response at all. */
    public synchronized Faults resetConnectionNext(int times) {
        this.resetsLeft = requirePositive(times);
        return this;
    }

    public synchronized Faults resetConnectionsUntilCleared() {
        this.resetUntilCleared = true;
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
    public void clearFaults() {
        synchronized (this) {
            overloadsLeft = 0;
            overloadUntilCleared = false;
            errorsLeft = 0;
            nextErrorMessage = null;
            errorsByQueryFragment.clear();
            errorsByParameterText.clear();
            delayMillis = 0;
            resetsLeft = 0;
            resetUntilCleared = false;
        }
        server.up();
    }

    synchronized boolean takeConnectionReset() {
        if (resetsLeft > 0) {
            resetsLeft--;
            return true;
        }
        return resetUntilCleared;
    }

    synchronized long delay() {
        return delayMillis;
    }

    /** Returns the Retry-After seconds when this request is to be refused as overloaded. */
    synchronized OptionalInt takeOverload() {
        if (overloadsLeft > 0) {
            overloadsLeft--;
            return OptionalInt.of(retryAfterSeconds);
        }
        return overloadUntilCleared ? OptionalInt.of(retryAfterSeconds) : OptionalInt.empty();
    }

    /** Returns the injected error message for this request, or null; the parameter text is built lazily. */
    String takeError(String query, Supplier<String> parameterText) {
        Map<String, String> byParameters;
        synchronized (this) {
            if (errorsLeft > 0) {
                errorsLeft--;
                return nextErrorMessage;
            }
            for (Map.Entry<String, String> rule : errorsByQueryFragment.entrySet()) {
                if (query.contains(rule.getKey())) {
                    return rule.getValue();
                }
            }
            byParameters = errorsByParameterText.isEmpty() ? Map.of() : new LinkedHashMap<>(errorsByParameterText);
        }
        if (byParameters.isEmpty()) {
            return null;
        }
        // serialised outside the lock: a batch of parameters can be megabytes
        String text = parameterText.get();
        return byParameters.entrySet().stream()
                .filter(rule -> text.contains(rule.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static int requirePositive(int times) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        return times;
    }
}
