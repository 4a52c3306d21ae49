package io.nexussync.testing.vectorizer;

import io.nexussync.testing.LoopbackHttpServer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vectorizer 3.5 HTTP server for tests: the real routes (at the root, no {@code /api/v1}), response shapes,
 * status codes and quirks (mock get-by-id, no-op {@code /update}, 50-item REST pages, the overlapping Qdrant
 * scroll), backed by in-memory collections. See {@code vectorizer-3.5-rest-api.md} for the server's behaviour.
 */
public final class VectorizerEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VectorizerEmulator.class);
    private static VectorizerEmulator shared;

    private final CollectionRegistry registry = new CollectionRegistry();
    private final LoopbackHttpServer server = new LoopbackHttpServer("vectorizer-emulator-http");
    private final VectorizerFaults faults = new VectorizerFaults(server);
    private final VectorizerRequestLog requests = new VectorizerRequestLog();
    private final boolean sharedInstance;

    private VectorizerEmulator(String apiKey, boolean sharedInstance) {
        this.sharedInstance = sharedInstance;
        CollectionEndpoints collections = new CollectionEndpoints(registry);
        WriteEndpoints writes = new WriteEndpoints(registry);
        ReadEndpoints reads = new ReadEndpoints(registry);
        QdrantEndpoints qdrant = new QdrantEndpoints(registry);
        GraphEndpoints graph = new GraphEndpoints(registry);
        VectorizerRouter router = new VectorizerRouter(faults, requests, new ApiKeyCheck(apiKey))
                .route("GET", "/health", collections::health)
                .route("GET", "/collections", collections::list)
                .route("POST", "/collections", collections::create)
                .route("GET", "/collections/{}", collections::get)
                .route("DELETE", "/collections/{}", collections::delete)
                .route("POST", "/insert", writes::insert)
                .route("POST", "/insert_texts", writes::insertTexts)
                .route("POST", "/batch_insert", writes::insertTexts)
                .route("POST", "/insert_vectors", writes::insertVectors)
                .route("POST", "/update", writes::update)
                .route("POST", "/batch_update", writes::batchUpdate)
                .route("POST", "/batch_delete", writes::batchDelete)
                .route("DELETE", "/collections/{}/vectors/{}", writes::deleteVector)
                .route("POST", "/collections/{}/vectors/delete_by_filter", writes::deleteByFilter)
                .route("GET", "/collections/{}/vectors", reads::list)
                .route("GET", "/collections/{}/vectors/{}", reads::mockGet)
                .route("POST", "/search", reads::search)
                .route("POST", "/collections/{}/search", reads::collectionSearch)
                .route("POST", "/collections/{}/search/text", reads::textSearch)
                .route("POST", "/qdrant/collections/{}/points", qdrant::retrieve)
                .route("PUT", "/qdrant/collections/{}/points", qdrant::upsert)
                .route("POST", "/qdrant/collections/{}/points/delete", qdrant::delete)
                .route("POST", "/qdrant/collections/{}/points/scroll", qdrant::scroll)
                .route("POST", "/graphql", new GraphqlEndpoint(registry)::handle)
                .route("GET", "/graph/collections/{}/edges", graph::edges)
                .route("GET", "/graph/nodes/{}/{}/neighbors", graph::neighbors);
        server.start(router);
        LOG.info("Vectorizer emulator listening on {}{}", url(), apiKey == null ? "" : " (API key required)");
    }

    /** Starts an emulator without auth (the server's default) on a free loopback port. */
    public static VectorizerEmulator start() {
        return new VectorizerEmulator(null, false);
    }

    /** Starts an emulator that demands {@code apiKey} as {@code X-API-Key}, raw {@code Authorization} or {@code ?api_key=}. */
    public static VectorizerEmulator start(String apiKey) {
        return new VectorizerEmulator(apiKey == null || apiKey.isBlank() ? null : apiKey, false);
    }

    /** The emulator shared by the test JVM, closed by a shutdown hook; call {@link #reset()} before each test. */
    public static synchronized VectorizerEmulator shared() {
        if (shared == null) {
            VectorizerEmulator emulator = new VectorizerEmulator(null, true);
            Runtime.getRuntime().addShutdownHook(new Thread(emulator.server::close, "vectorizer-emulator-shutdown"));
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

    /** Drops every collection and graph edge, clears the faults (bringing the server up) and the request log. */
    public void reset() {
        faults.clear();
        registry.clear();
        requests.clear();
    }

    /** Creates a cosine collection of any dimension, bypassing HTTP (and the REST create's 512-only rule). */
    public void createCollection(String name, int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        registry.create(name, dimension, Metric.Cosine);
    }

    /** Upserts a point directly (no HTTP, no faults); the vector is normalised, the payload copied as is. */
    public void put(String collection, String id, float[] vector, Map<String, Object> payload) {
        ObjectNode node = payload == null ? null : Json.MAPPER.valueToTree(payload);
        registry.require(collection).upsert(id, vector, node);
    }

    /** Deletes a point directly, to create drift the sync has to notice; a no-op when it is missing. */
    public void remove(String collection, String id) {
        registry.require(collection).remove(id);
    }

    public Optional<StoredPoint> get(String collection, String id) {
        StoredCollection stored = registry.find(collection);
        StoredPoint point = stored == null ? null : stored.get(id);
        return Optional.ofNullable(point).map(StoredPoint::copy);
    }

    /** Copies of the points in insertion order; empty for a missing collection. */
    public List<StoredPoint> points(String collection) {
        StoredCollection stored = registry.find(collection);
        return stored == null ? List.of() : stored.snapshot().stream().map(StoredPoint::copy).toList();
    }

    public int size(String collection) {
        StoredCollection stored = registry.find(collection);
        return stored == null ? 0 : stored.size();
    }

    /** Adds (or replaces) the edge {@code source:target:TYPE} of Vectorizer's own graph for the collection. */
    public void addGraphEdge(String collection, String source, String target, String relationshipType, double weight) {
        registry.require(collection).addEdge(new GraphEdge(source, target, relationshipType, weight, Instant.now()));
    }

    public VectorizerFaults faults() {
        return faults;
    }

    public VectorizerRequestLog requests() {
        return requests;
    }

    /** The deterministic text embedding used for {@code /insert}, {@code /insert_texts} and text search. */
    public static float[] embed(String text, int dimension) {
        return TextEmbedder.embed(text, dimension);
    }

    @Override
    public void close() {
        if (!sharedInstance) {
            server.close();
        }
    }
}
