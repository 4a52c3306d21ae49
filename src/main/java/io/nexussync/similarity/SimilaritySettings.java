package io.nexussync.similarity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.SettingsReader;

/**
 * How SIMILAR_TO edges are found. Threshold and top-k come from the document's collection override, else its primary
 * domain's (or that domain's top level's) override, else the defaults.
 */
public record SimilaritySettings(boolean enabled, String method, Limits defaults, Map<String, Limits> collections,
        Map<String, Limits> domains, int concurrency, int queueSize, int cacheSize, long cacheTtlSeconds) {

    public static final String EMBEDDING = "embedding";
    public static final String VECTORIZER_GRAPH = "vectorizer-graph";

    /** Neighbours at or above {@code threshold}, at most {@code topK} of them. */
    public record Limits(double threshold, int topK) {
    }

    public static SimilaritySettings from(SettingsReader reader) {
        String method = reader.string("similarity.method", EMBEDDING);
        if (!method.equals(EMBEDDING) && !method.equals(VECTORIZER_GRAPH)) {
            throw new InvalidSettingException("similarity.method", "'" + method + "' is not embedding or "
                    + "vectorizer-graph");
        }
        Limits defaults = new Limits(reader.decimal("similarity.threshold", 0.75, 0, 1),
                reader.integer("similarity.top-k", 20, 1, 100));
        return new SimilaritySettings(reader.bool("similarity.enabled", true), method, defaults,
                overrides(reader, "similarity.collections", defaults), overrides(reader, "similarity.domains", defaults),
                reader.integer("similarity.concurrency", 4, 1, 64),
                reader.integer("similarity.queue-size", 100, 1, 100_000),
                reader.integer("similarity.cache-size", 10_000, 0, 10_000_000),
                reader.longValue("similarity.cache-ttl-seconds", 600, 1, 86_400));
    }

    /** The limits for a document of {@code collection} whose primary domain is {@code domain} (may be null). */
    public Limits limitsFor(String collection, String domain) {
        Limits byCollection = collections.get(collection);
        if (byCollection != null) {
            return byCollection;
        }
        if (domain != null) {
            Limits byDomain = domains.get(domain);
            if (byDomain == null && domain.contains("/")) {
                byDomain = domains.get(domain.substring(0, domain.indexOf('/')));
            }
            if (byDomain != null) {
                return byDomain;
            }
        }
        return defaults;
    }

    /** Parses {@code name=threshold[/topK], ...}. */
    static Map<String, Limits> overrides(SettingsReader reader, String key, Limits defaults) {
        Map<String, Limits> out = new LinkedHashMap<>();
        List<String> entries = reader.list(key, "");
        for (String entry : entries) {
            String[] nameAndLimits = entry.split("=", 2);
            if (nameAndLimits.length != 2 || nameAndLimits[0].isBlank()) {
                throw new InvalidSettingException(key, "'" + entry + "' is not name=threshold[/topK]");
            }
            String[] parts = nameAndLimits[1].split("/", 2);
            try {
                double threshold = Double.parseDouble(parts[0]);
                int topK = parts.length > 1 ? Integer.parseInt(parts[1]) : defaults.topK();
                if (!(threshold >= 0 && threshold <= 1) || topK < 1 || topK > 100) {
                    throw new InvalidSettingException(key, "'" + entry + "': threshold must be 0..1, topK 1..100");
                }
                out.put(nameAndLimits[0].trim(), new Limits(threshold, topK));
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, "'" + entry + "' is not name=threshold[/topK]");
            }
        }
        return Map.copyOf(out);
    }
}
