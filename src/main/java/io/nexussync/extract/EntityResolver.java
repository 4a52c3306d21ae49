package io.nexussync.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nexussync.store.StateStore;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.dao.DuplicateKeyException;

/**
 * Resolves a normalised name to its entity within a tenant, so that one real-world entity has one key however a
 * document spells it. An exact name seen before resolves as it did then (a table in the state store keeps that
 * across restarts); a new name of a person, organisation or location joins the most similar known name of the same
 * type and tenant when their Jaro-Winkler similarity reaches the threshold (for persons, only names with the same
 * first word, so "Maria Gonzalez" and "Mario Gonzalez" stay apart); otherwise it starts a new entity.
 */
public final class EntityResolver {

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    private static final List<String> FUZZY_TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION");

    private final StateStore store;
    private final double threshold;
    /** tenant|type|name to canonical name. */
    private final Cache<String, String> resolved;
    /** tenant|type to the canonical names known, by first character: the candidates for fuzzy matching. */
    private final Cache<String, Map<Character, List<String>>> known;

    public EntityResolver(StateStore store, double threshold, int cacheSize) {
        this.store = store;
        this.threshold = threshold;
        this.resolved = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.known = Caffeine.newBuilder().maximumSize(1000).build();
    }

    /** The entity key {@code tenant/TYPE/canonical name} of {@code name}. */
    public String key(String tenant, String type, String name) {
        return tenant + "/" + type + "/" + canonical(tenant, type, name);
    }

    synchronized String canonical(String tenant, String type, String name) {
        String cacheKey = tenant + "|" + type + "|" + name;
        String hit = resolved.getIfPresent(cacheKey);
        if (hit != null) {
            return hit;
        }
        String canonical = stored(tenant, type, name).orElseGet(() -> resolveNew(tenant, type, name));
        resolved.put(cacheKey, canonical);
        return canonical;
    }

    private String resolveNew(String tenant, String type, String name) {
        Map<Character, List<String>> index = known.get(tenant + "|" + type, k -> load(tenant, type));
        // short names are too close to each other by any string measure ("sap", "sas"): only exact matches
        String canonical = FUZZY_TYPES.contains(type) && name.length() >= 5 ? closest(type, name, index) : null;
        if (canonical == null) {
            canonical = name;
            index.computeIfAbsent(name.charAt(0), c -> new ArrayList<>()).add(name);
        }
        try {
            store.jdbc().update("INSERT INTO entity_name (tenant, entity_type, name, canonical) VALUES (?, ?, ?, ?)",
                    tenant, type, name, canonical);
        } catch (DuplicateKeyException raced) {
            return stored(tenant, type, name).orElse(canonical);
        }
        return canonical;
    }

    private String closest(String type, String name, Map<Character, List<String>> index) {
        String best = null;
        double bestScore = threshold;
        String firstWord = firstWord(name);
        for (String candidate : index.getOrDefault(name.charAt(0), List.of())) {
            if (type.equals("PERSON") && !firstWord(candidate).equals(firstWord)) {
                continue;
            }
            double score = SIMILARITY.apply(name, candidate);
            if (score >= bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private Optional<String> stored(String tenant, String type, String name) {
        return store.jdbc().queryForList("SELECT canonical FROM entity_name WHERE tenant = ? AND entity_type = ?"
                + " AND name = ?", String.class, tenant, type, name).stream().findFirst();
    }

    private Map<Character, List<String>> load(String tenant, String type) {
        Map<Character, List<String>> index = new HashMap<>();
        store.jdbc().queryForList("SELECT DISTINCT canonical FROM entity_name WHERE tenant = ? AND entity_type = ?",
                String.class, tenant, type).forEach(n -> index.computeIfAbsent(n.charAt(0), c -> new ArrayList<>())
                .add(n));
        return index;
    }

    private static String firstWord(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
