package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One collection: points in insertion order (an upsert of an existing id keeps its place), plus its graph edges.
 * Readers page over a cached snapshot list, rebuilt only after a write, so paging a large collection costs
 * O(page) per request rather than O(offset), unlike the real server, which copies the whole collection each time.
 */
final class StoredCollection {

    final String name;
    final int dimension;
    final Metric metric;
    final Instant createdAt = Instant.now();
    private Instant updatedAt = createdAt;
    private final Map<String, StoredPoint> points = new LinkedHashMap<>();
    private final Map<String, GraphEdge> edges = new LinkedHashMap<>();
    private List<StoredPoint> snapshot;

    StoredCollection(String name, int dimension, Metric metric) {
        this.name = name;
        this.dimension = dimension;
        this.metric = metric;
    }

    /** Validates the dimension, normalises as the metric requires, and inserts or replaces the point. */
    void upsert(String id, float[] vector, ObjectNode payload) {
        if (vector.length != dimension) {
            throw ApiError.invalidDimension(dimension, vector.length);
        }
        StoredPoint point = new StoredPoint(id, metric.stored(vector), payload);
        synchronized (this) {
            points.put(id, point);
            changed();
        }
    }

    /** Like {@link #upsert} but only for an existing id, so a concurrent delete is not undone; false when missing. */
    boolean replace(String id, float[] vector, ObjectNode payload) {
        if (vector.length != dimension) {
            throw ApiError.invalidDimension(dimension, vector.length);
        }
        StoredPoint point = new StoredPoint(id, metric.stored(vector), payload);
        synchronized (this) {
            return points.replace(id, point) != null && changed();
        }
    }

    synchronized boolean remove(String id) {
        boolean removed = points.remove(id) != null;
        if (removed) {
            changed();
        }
        return removed;
    }

    synchronized StoredPoint get(String id) {
        return points.get(id);
    }

    synchronized int size() {
        return points.size();
    }

    synchronized Instant updatedAt() {
        return updatedAt;
    }

    /** An immutable view of the points in insertion order, shared until the next write. */
    synchronized List<StoredPoint> snapshot() {
        if (snapshot == null) {
            snapshot = Collections.unmodifiableList(new ArrayList<>(points.values()));
        }
        return snapshot;
    }

    synchronized void addEdge(GraphEdge edge) {
        edges.put(edge.id(), edge);
    }

    synchronized List<GraphEdge> edges() {
        return new ArrayList<>(edges.values());
    }

    private boolean changed() {
        snapshot = null;
        updatedAt = Instant.now();
        return true;
    }
}
