package io.nexussync.testing.vectorizer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every request the emulator received, whatever its outcome (faulted, refused or answered), oldest first. Bounded
 * so that benchmark runs cannot exhaust the heap: the oldest entries go first, and only the most recent
 * {@link #BODY_CAPACITY} keep their body.
 */
public final class VectorizerRequestLog {

    public static final int CAPACITY = 200_000;
    public static final int BODY_CAPACITY = 2_000;
    private static final byte[] DROPPED = new byte[0];

    /** One request: method, raw path with its query string, body bytes (empty once dropped) and arrival time. */
    public record LoggedRequest(String method, String path, byte[] body, Instant time) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Mutable so that a body can be dropped in place without reordering the log. */
    private static final class Entry {
        final String method;
        final String path;
        final Instant time = Instant.now();
        byte[] body;

        Entry(String method, String path, byte[] body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Deque<Entry> withBody = new ArrayDeque<>();

    VectorizerRequestLog() {
    }

    public synchronized List<LoggedRequest> all() {
        return entries.stream().map(e -> new LoggedRequest(e.method, e.path, e.body, e.time)).toList();
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many logged requests have this method (any when null) and a path starting with {@code pathPrefix}. */
    public synchronized long count(String method, String pathPrefix) {
        return entries.stream()
                .filter(e -> method == null || e.method.equalsIgnoreCase(method))
                .filter(e -> e.path.startsWith(pathPrefix))
                .count();
    }

    public synchronized void clear() {
        entries.clear();
        withBody.clear();
    }

    synchronized void record(String method, String path, byte[] body) {
        Entry entry = new Entry(method, path, body);
        entries.addLast(entry);
        withBody.addLast(entry);
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
        if (withBody.size() > BODY_CAPACITY) {
            withBody.removeFirst().body = DROPPED;
        }
    }
}
