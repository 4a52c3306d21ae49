package io.nexussync.similarity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nexussync.vectorizer.GraphEdge;
import io.nexussync.vectorizer.ScoredPoint;
import io.nexussync.vectorizer.VectorizerClient;

/**
 * Finds a document's neighbours: by Vectorizer search on its vector, or by copying Vectorizer's own graph edges.
 * Recent answers are cached; a document's entry, and every entry that lists it, is dropped when it changes.
 */
public final class NeighbourFinder {

    /** Vectorizer edge types that may be copied; they become relationship types, so they must be known names. */
    static final Set<String> COPYABLE = Set.of("SIMILAR_TO", "REFERENCES", "CONTAINS", "DERIVED_FROM");
    private static final Duration GRAPH_TTL = Duration.ofSeconds(30);

    private record Key(String collection, String vectorId, double threshold, int topK) {
    }

    private final VectorizerClient vectorizer;
    private final SimilaritySettings settings;
    private final Cache<Key, List<Neighbour>> neighbours;
    /** Vectorizer's edges per collection; listing them is one call for the whole collection. */
    private final Cache<String, List<GraphEdge>> graphs;

    public NeighbourFinder(VectorizerClient vectorizer, SimilaritySettings settings) {
        this.vectorizer = vectorizer;
        this.settings = settings;
        this.neighbours = Caffeine.newBuilder().maximumSize(settings.cacheSize())
                .expireAfterWrite(Duration.ofSeconds(settings.cacheTtlSeconds())).build();
        this.graphs = Caffeine.newBuilder().maximumSize(100).expireAfterWrite(GRAPH_TTL).build();
    }

    public List<Neighbour> find(SimilarityTask task) {
        Key key = new Key(task.collection(), task.vectorId(), task.limits().threshold(), task.limits().topK());
        return neighbours.get(key, k -> SimilaritySettings.VECTORIZER_GRAPH.equals(settings.method())
                ? copied(task) : searched(task));
    }

    private List<Neighbour> searched(SimilarityTask task) {
        if (task.vector() == null) {
            return List.of();
        }
        // one more than top-k: the document finds itself
        List<ScoredPoint> hits = vectorizer.search(task.collection(), task.vector(), task.limits().topK() + 1,
                task.limits().threshold());
        List<Neighbour> out = new ArrayList<>();
        for (ScoredPoint hit : hits) {
            if (!hit.id().equals(task.vectorId()) && hit.score() >= task.limits().threshold()
                && out.size() < task.limits().topK()) {
                out.add(new Neighbour(hit.id(), hit.score(), "SIMILAR_TO", true));
            }
        }
        return List.copyOf(out);
    }

    private List<Neighbour> copied(SimilarityTask task) {
        List<GraphEdge> edges = graphs.get(task.collection(), vectorizer::graphEdges);
        List<Neighbour> out = new ArrayList<>();
        for (GraphEdge edge : edges) {
            if (!COPYABLE.contains(edge.relationshipType())) {
                continue;
            }
            if (edge.source().equals(task.vectorId()) && !edge.target().equals(task.vectorId())) {
                out.add(new Neighbour(edge.target(), edge.weight(), edge.relationshipType(), true));
            } else if (edge.target().equals(task.vectorId()) && !edge.source().equals(task.vectorId())) {
                out.add(new Neighbour(edge.source(), edge.weight(), edge.relationshipType(), false));
            }
        }
        return List.copyOf(out);
    }

    /** Forgets what is known about these documents of a collection, as subjects and as neighbours. */
    public void invalidate(String collection, Collection<String> vectorIds) {
        if (vectorIds.isEmpty()) {
            return;
        }
        Set<String> changed = new HashSet<>(vectorIds);
        neighbours.asMap().entrySet().removeIf(e -> e.getKey().collection().equals(collection)
                && (changed.contains(e.getKey().vectorId())
                    || e.getValue().stream().anyMatch(n -> changed.contains(n.vectorId()))));
        graphs.invalidate(collection);
    }

    long cachedEntries() {
        neighbours.cleanUp();
        return neighbours.estimatedSize();
    }
}
