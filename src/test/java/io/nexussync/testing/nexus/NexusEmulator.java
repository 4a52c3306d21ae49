package io.nexussync.testing.nexus;

import io.nexussync.testing.LoopbackHttpServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Nexus 2.5 HTTP server for tests: the real response shapes and dialect limits, backed by embedded Neo4j. */
public final class NexusEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NexusEmulator.class);
    private static NexusEmulator shared;

    private final EmbeddedNeo4j graph;
    private final LoopbackHttpServer server;
    private final Faults faults;
    private final RequestLog requests = new RequestLog();
    private final List<Consumer<WriteEvent>> writeObservers = new CopyOnWriteArrayList<>();
    private final boolean sharedInstance;

    private NexusEmulator(EmulatorOptions options, boolean sharedInstance) {
        this.sharedInstance = sharedInstance;
        this.graph = EmbeddedNeo4j.boot();
        this.server = new LoopbackHttpServer("nexus-emulator-http");
        this.faults = new Faults(server);
        CypherEndpoint cypher = new CypherEndpoint(graph, faults, requests, writeObservers, options.maxBodyBytes());
        try {
            server.start(new RequestRouter(new StatusEndpoints(graph), new ApiKeyGuard(options.apiKey()), cypher, requests));
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
        LOG.info("Nexus emulator listening on {} (Neo4j booted in {} ms)", url(), graph.bootTime().toMillis());
    }

    /** Starts an emulator with Nexus defaults (no auth, 16 MiB body limit) on a free loopback port. */
    public static NexusEmulator start() {
        return start(EmulatorOptions.defaults());
    }

    public static NexusEmulator start(EmulatorOptions options) {
        return new NexusEmulator(options, false);
    }

    /**
     * The emulator shared by the whole test JVM, started on first use (Neo4j takes seconds to boot) and closed by a
     * shutdown hook; call {@link #reset()} before each test. Its {@link #close()} does nothing.
     */
    public static synchronized NexusEmulator shared() {
        if (shared == null) {
            NexusEmulator emulator = new NexusEmulator(EmulatorOptions.defaults(), true);
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::shutdown, "nexus-emulator-shutdown"));
            shared = emulator;
        }
        return shared;
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}; it stays the same across {@code down()/up()}. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Duration bootTime() {
        return graph.bootTime();
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    /** Calls {@code observer} on the HTTP thread after each committed write, before the response is sent. */
    public void onWrite(Consumer<WriteEvent> observer) {
        writeObservers.add(observer);
    }

    /** Runs Cypher directly in Neo4j, bypassing HTTP, the dialect rules and the faults. */
    public List<Map<String, Object>> query(String cypher, Map<String, ?> parameters) {
        return graph.query(cypher, new HashMap<>(parameters));
    }

    public List<Map<String, Object>> query(String cypher) {
        return query(cypher, Map.of());
    }

    /** Runs a query that returns one row with one number, bypassing HTTP. */
    public long count(String cypher, Map<String, ?> parameters) {
        return graph.count(cypher, new HashMap<>(parameters));
    }

    public long count(String cypher) {
        return count(cypher, Map.of());
    }

    public long nodeCount(String label) {
        return graph.nodeCount(label);
    }

    public long relationshipCount(String type) {
        return graph.relationshipCount(type);
    }

    /** Deletes all data (indexes stay), clears faults, counters, the request log and write observers. */
    public void reset() {
        faults.clearFaults();
        writeObservers.clear();
        graph.deleteAllData();
        requests.clear();
    }

    @Override
    public void close() {
        if (!sharedInstance) {
            shutdown();
        }
    }

    private void shutdown() {
        server.close();
        graph.close();
    }
}
