package io.nexussync.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nexussync.classify.Classification.DomainScore;
import io.nexussync.classify.DomainRules.Domain;
import io.nexussync.classify.DomainRules.Weighted;

/**
 * Scores a document against every domain's rules and picks its domains. Evidence adds up per domain: a matching
 * collection name or metadata field adds its weight once; a keyword or pattern adds its weight times
 * {@code 1 + ln(count)}, so repetition helps but cannot swamp everything else. A sub-domain's evidence also counts
 * for its parent. Confidence is {@code 1 - exp(-score / scale)}.
 */
public final class DomainClassifier {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    /** A keyword as tokens, and the domain it counts for. */
    private record Keyword(int domain, String[] tokens, double weight) {
    }

    private final DomainRules rules;
    private final List<Domain> domains;
    private final Map<String, List<Keyword>> keywordsByFirstToken = new HashMap<>();
    private final int[] parentIndex;
    /** Collection-name evidence per collection: globs are regexes, and there are few collections, many documents. */
    private final Cache<String, double[]> collectionScores = Caffeine.newBuilder().maximumSize(10_000).build();

    public DomainClassifier(DomainRules rules) {
        this.rules = rules;
        this.domains = rules.domains();
        this.parentIndex = new int[domains.size()];
        for (int i = 0; i < domains.size(); i++) {
            Domain d = domains.get(i);
            parentIndex[i] = indexOf(d.parent());
            for (Weighted<String> k : d.keywords()) {
                String[] tokens = tokens(k.match()).toArray(String[]::new);
                if (tokens.length > 0) {
                    keywordsByFirstToken.computeIfAbsent(tokens[0], t -> new ArrayList<>())
                            .add(new Keyword(i, tokens, k.weight()));
                }
            }
        }
    }

    public DomainRules rules() {
        return rules;
    }

    /** Classifies a document of {@code collection} with the given payload (may be null) and text. */
    public Classification classify(String collection, ObjectNode payload, String text) {
        double[] own = scores(collection, payload, text);
        double[] total = own.clone();
        for (int i = 0; i < domains.size(); i++) {
            if (parentIndex[i] >= 0) {
                int root = rootIndex(i);
                // the strongest sub-domain counts for its top-level domain
                total[root] = Math.max(total[root], own[root] + own[i]);
            }
        }
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            if (parentIndex[i] < 0) {
                roots.add(i);
            }
        }
        roots.sort((a, b) -> Double.compare(total[b], total[a]));

        List<DomainScore> assigned = new ArrayList<>();
        String forcedKey = rules.forced().get(collection);
        DomainScore forced = forcedKey == null ? null : new DomainScore(forcedKey, 1.0);
        double best = roots.isEmpty() ? 0 : total[roots.get(0)];
        if (forced != null) {
            assigned.add(forced);
        }
        for (int root : roots) {
            double confidence = confidence(total[root]);
            if (confidence < rules.threshold() || total[root] < rules.secondaryRatio() * best) {
                break;
            }
            DomainScore score = leaf(root, own, total[root], confidence);
            if (forced == null || !score.root().equals(forced.root())) {
                assigned.add(score);
            }
        }
        if (assigned.isEmpty()) {
            assigned.add(new DomainScore(rules.defaultDomain(), round(1 - confidence(best))));
        }
        return new Classification(assigned);
    }

    /**
     * The best sub-domain of {@code root} when its own evidence is confident enough and a large enough share of the
     * root's, else the root itself: a general engineering document mentions APIs without being about one.
     */
    private DomainScore leaf(int root, double[] own, double rootTotal, double rootConfidence) {
        int bestChild = -1;
        for (int i = 0; i < domains.size(); i++) {
            if (parentIndex[i] >= 0 && rootIndex(i) == root && own[i] > 0
                && (bestChild < 0 || own[i] > own[bestChild])) {
                bestChild = i;
            }
        }
        if (bestChild >= 0 && confidence(own[bestChild]) >= rules.subdomainThreshold()
            && own[bestChild] >= rules.subdomainShare() * rootTotal) {
            return new DomainScore(domains.get(bestChild).key(), round(rootConfidence));
        }
        return new DomainScore(domains.get(root).key(), round(rootConfidence));
    }

    double[] scores(String collection, ObjectNode payload, String text) {
        List<String> tokens = tokens(text);
        double[] score = new double[domains.size()];
        for (int i = 0; i < domains.size(); i++) {
            Domain d = domains.get(i);
            for (Weighted<Pattern> p : d.patterns()) {
                int count = 0;
                for (Matcher matcher = p.match().matcher(text); matcher.find();) {
                    count++;
                }
                score[i] += repeated(p.weight(), count);
            }
        }
        keywordScores(tokens, score);
        if (rules.lengthNorm() > 0 && tokens.size() > rules.lengthNorm()) {
            double factor = Math.sqrt(rules.lengthNorm() / tokens.size());
            for (int i = 0; i < score.length; i++) {
                score[i] *= factor;
            }
        }
        double[] byCollection = collection == null ? null : collectionScores.get(collection, this::collectionScores);
        for (int i = 0; i < domains.size(); i++) {
            Domain d = domains.get(i);
            if (byCollection != null) {
                score[i] += byCollection[i];
            }
            if (payload != null) {
                for (Map.Entry<String, Weighted<List<String>>> m : d.metadata().entrySet()) {
                    JsonNode value = payload.get(m.getKey());
                    if (value != null && value.isValueNode()
                        && m.getValue().match().contains(value.asText().toLowerCase(Locale.ROOT).trim())) {
                        score[i] += m.getValue().weight();
                    }
                }
            }
        }
        return score;
    }

    private double[] collectionScores(String collection) {
        double[] score = new double[domains.size()];
        for (int i = 0; i < domains.size(); i++) {
            for (Weighted<Pattern> c : domains.get(i).collections()) {
                if (c.match().matcher(collection).matches()) {
                    score[i] += c.weight();
                    break;
                }
            }
        }
        return score;
    }

    private void keywordScores(List<String> tokens, double[] score) {
        Map<Keyword, Integer> counts = new HashMap<>();
        for (int t = 0; t < tokens.size(); t++) {
            List<Keyword> candidates = keywordsByFirstToken.get(tokens.get(t));
            if (candidates == null) {
                continue;
            }
            for (Keyword k : candidates) {
                if (matchesAt(tokens, t, k.tokens())) {
                    counts.merge(k, 1, Integer::sum);
                }
            }
        }
        counts.forEach((k, count) -> score[k.domain()] += repeated(k.weight(), count));
    }

    private static boolean matchesAt(List<String> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) {
            return false;
        }
        for (int j = 1; j < phrase.length; j++) {
            if (!tokens.get(at + j).equals(phrase[j])) {
                return false;
            }
        }
        return true;
    }

    private static double repeated(double weight, int count) {
        return count == 0 ? 0 : weight * (1 + Math.log(count));
    }

    double confidence(double score) {
        return 1 - Math.exp(-score / rules.scale());
    }

    private int rootIndex(int i) {
        int root = i;
        while (parentIndex[root] >= 0) {
            root = parentIndex[root];
        }
        return root;
    }

    private int indexOf(String key) {
        for (int i = 0; key != null && i < domains.size(); i++) {
            if (domains.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(m.group().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }
}
