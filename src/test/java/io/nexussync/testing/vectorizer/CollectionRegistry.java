package io.nexussync.testing.vectorizer;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The emulator's collections by name. */
final class CollectionRegistry {

    private final ConcurrentHashMap<String, StoredCollection> byName = new ConcurrentHashMap<>();

    StoredCollection create(String name, int dimension, Metric metric) {
        StoredCollection created = new StoredCollection(name, dimension, metric);
        if (byName.putIfAbsent(name, created) != null) {
            throw ApiError.of(409, "collection_already_exists", "Collection already exists: " + name);
        }
        return created;
    }

    /** The collection, or a 404 {@code collection_not_found}. */
    StoredCollection require(String name) {
        StoredCollection collection = byName.get(name);
        if (collection == null) {
            throw ApiError.collectionNotFound(name);
        }
        return collection;
    }

    StoredCollection find(String name) {
        return byName.get(name);
    }

    /** What {@code /insert} and {@code /insert_vectors} do: create a missing collection with the defaults. */
    StoredCollection getOrCreate(String name) {
        return byName.computeIfAbsent(name, n -> new StoredCollection(n, TextEmbedder.DEFAULT_DIMENSION, Metric.Cosine));
    }

    boolean drop(String name) {
        return byName.remove(name) != null;
    }

    List<StoredCollection> sorted() {
        return byName.values().stream().sorted(Comparator.comparing(c -> c.name)).toList();
    }

    void clear() {
        byName.clear();
    }
}
