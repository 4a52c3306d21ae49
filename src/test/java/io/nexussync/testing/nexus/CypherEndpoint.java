package io.nexussync.testing.nexus;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.neo4j.graphdb.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POST /cypher: injected faults, body checks, dialect rules, then execution in Neo4j under one write lock. */
final class CypherEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(CypherEndpoint.class);
    private static final String EXECUTION_ERROR = "Cypher execution error: ";

    private final EmbeddedNeo4j graph;
    private final Faults faults;
    private final RequestLog log;
    private final List<Consumer<WriteEvent>> writeObservers;
    private final long maxBodyBytes;
    // Nexus takes a global engine write lock for every write; reads run concurrently
    private final ReentrantLock writeLock = new ReentrantLock();

    CypherEndpoint(EmbeddedNeo4j graph, Faults faults, RequestLog log, List<Consumer<WriteEvent>> writeObservers,
            long maxBodyBytes) {
        this.graph = graph;
        this.faults = faults;
        this.log = log;
        this.writeObservers = writeObservers;
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (faults.takeConnectionReset()) {
            log.finished(Outcome.FAULTED);
            // closing before any response is sent makes the JDK server drop the connection
            exchange.close();
            return;
        }
        pause(faults.delay());
        OptionalInt overload = faults.takeOverload();
        if (overload.isPresent()) {
            log.finished(Outcome.FAULTED);
            sendOverloaded(exchange, overload.getAsInt());
            return;
        }
        CypherRequest request;
        try {
            request = CypherRequest.read(exchange, maxBodyBytes);
        } catch (RequestRejected rejected) {
            log.finished(Outcome.REJECTED);
            HttpJson.sendText(exchange, rejected.status(), rejected.getMessage());
            return;
        }
        log.received(request.query(), request.parameters());
        String injected = faults.takeError(request.query(), request::parameterText);
        if (injected != null) {
            answer(exchange, Outcome.FAULTED, HttpJson.cypherError(injected));
            return;
        }
        CypherText text = CypherText.of(request.query());
        String violation = CypherDialectChecker.violation(text);
        if (violation != null) {
            answer(exchange, Outcome.ERROR, HttpJson.cypherError(EXECUTION_ERROR + violation));
            return;
        }
        Map<String, Object> body;
        try {
            body = execute(request, text);
        } catch (RuntimeException e) {
            answer(exchange, Outcome.ERROR, HttpJson.cypherError(describe(e)));
            return;
        }
        answer(exchange, Outcome.OK, body);
    }

    private Map<String, Object> execute(CypherRequest request, CypherText text) {
        long started = System.nanoTime();
        CypherResult result;
        if (text.needsWriteLock()) {
            writeLock.lock();
            try {
                result = graph.execute(request.query(), request.parameters());
            } finally {
                writeLock.unlock();
            }
        } else {
            result = graph.execute(request.query(), request.parameters());
        }
        long committed = System.nanoTime();
        if (text.writesData()) {
            notifyObservers(new WriteEvent(request.query(), request.parameters(), committed));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        boolean deletes = text.has("DELETE");
        body.put("columns", deletes ? List.of("count") : result.columns());
        body.put("rows", deletes ? List.of(List.of(result.nodesDeleted())) : result.rows());
        body.put("execution_time_ms", TimeUnit.NANOSECONDS.toMillis(committed - started));
        return body;
    }

    private void notifyObservers(WriteEvent event) {
        for (Consumer<WriteEvent> observer : writeObservers) {
            try {
                observer.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("write observer failed", e);
            }
        }
    }

    private void answer(HttpExchange exchange, Outcome outcome, Map<String, Object> body) throws IOException {
        log.finished(outcome);
        HttpJson.send(exchange, 200, body);
    }

    private static void sendOverloaded(HttpExchange exchange, int retryAfterSeconds) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "server overloaded");
        body.put("retry_after_ms", retryAfterSeconds * 1000L);
        body.put("reason", "server overloaded: waited 5000 ms, queue_timeout 5000 ms");
        exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
        HttpJson.send(exchange, 503, body);
    }

    /** Maps a Neo4j failure to the error prefixes of nexus-core's error.rs; only the first line is kept. */
    static String describe(RuntimeException failure) {
        String message = String.valueOf(failure.getMessage()).lines().findFirst().orElse("").trim();
        String status = failure instanceof QueryExecutionException q ? String.valueOf(q.getStatusCode()) : "";
        if (status.endsWith(".SyntaxError")) {
            return "Cypher syntax error: " + message;
        }
        if (status.contains("ConstraintValidationFailed")) {
            return "Constraint violation: " + message;
        }
        return "Execution error: " + EXECUTION_ERROR + message;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
