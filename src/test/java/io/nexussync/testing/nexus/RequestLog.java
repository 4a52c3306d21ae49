package io.nexussync.testing.nexus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters and a bounded log of the POST /cypher requests an emulator received. */
public final class RequestLog {

    /** How many query texts are kept. */
    public static final int QUERY_CAPACITY = 10_000;
    /** How many requests keep their parameters too; batches are large, so fewer of them. */
    public static final int PARAMETER_CAPACITY = 256;

    private final AtomicLong total = new AtomicLong();
    private final Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
    private final Deque<String> queries = new ArrayDeque<>();
    private final Deque<ReceivedQuery> recent = new ArrayDeque<>();

    RequestLog() {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new AtomicLong());
        }
    }

    /** Every POST /cypher that reached the emulator, whatever its outcome. */
    public long total() {
        return total.get();
    }

    public long count(Outcome outcome) {
        return outcomes.get(outcome).get();
    }

    /** The last {@link #QUERY_CAPACITY} query texts, oldest first. */
    public synchronized List<String> queries() {
        return new ArrayList<>(queries);
    }

    /** The last {@link #PARAMETER_CAPACITY} requests with their parameters, oldest first. */
    public synchronized List<ReceivedQuery> recent() {
        return new ArrayList<>(recent);
    }

    void arrived() {
        total.incrementAndGet();
    }

    void finished(Outcome outcome) {
        outcomes.get(outcome).incrementAndGet();
    }

    synchronized void received(String query, Map<String, Object> parameters) {
        queries.addLast(query);
        recent.addLast(new ReceivedQuery(query, parameters));
        if (queries.size() > QUERY_CAPACITY) {
            queries.removeFirst();
        }
        if (recent.size() > PARAMETER_CAPACITY) {
            recent.removeFirst();
        }
    }

    synchronized void clear() {
        total.set(0);
        outcomes.values().forEach(counter -> counter.set(0));
        queries.clear();
        recent.clear();
    }
}
