package io.nexussync.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.classify.Classification;
import io.nexussync.classify.DomainClassifier;
import io.nexussync.classify.DomainRulesLoader;
import io.nexussync.pipeline.DocumentText;

/**
 * Scores classification and extraction against the labeled set in {@code src/test/resources/eval} (its README says
 * how it is labeled). Domain accuracy: the predicted primary domain is one of the document's labeled domains (exact
 * key). Entities, per type: a prediction matches a labeled entity of the same type when one of its surface forms
 * equals the labeled text or an alias (exact), or when one contains the other ignoring case, or for dates when
 * their ISO values agree (lenient). Each labeled entity is matched at most once.
 */
public final class EvaluationScorer {

    public static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION", "DATE", "EMAIL", "URL",
            "MONEY");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TEXT_FIELDS = Set.of("content", "text");

    /** One labeled document. */
    public record Labeled(String id, String collection, ObjectNode payload, List<String> domains,
            List<Truth> entities) {
    }

    public record Truth(String type, Set<String> forms, String value) {
    }

    /** Counts for one type and one match mode. */
    public static final class Counts {
        int tp;
        int fp;
        int fn;

        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** The scores of one run over the set. */
    public record Report(int documents, double domainAccuracy, double topLevelAccuracy, Map<String, Counts> exact,
            Map<String, Counts> lenient, List<String> domainMisses) {

        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "documents %d%ndomain accuracy %.3f (top-level %.3f)%n", documents,
                    domainAccuracy, topLevelAccuracy));
            out.append(String.format(Locale.ROOT, "%-13s %27s   %27s%n", "", "exact  P / R / F1",
                    "lenient  P / R / F1"));
            for (String type : TYPES) {
                Counts e = exact.get(type);
                Counts l = lenient.get(type);
                out.append(String.format(Locale.ROOT, "%-13s %5d %.3f %.3f %.3f   %5d %.3f %.3f %.3f%n", type,
                        e.tp + e.fn, e.precision(), e.recall(), e.f1(), l.tp + l.fn, l.precision(), l.recall(),
                        l.f1()));
            }
            return out.toString();
        }
    }

    private final DomainClassifier classifier;
    private final EntityExtractor extractor;

    public EvaluationScorer(DomainClassifier classifier, EntityExtractor extractor) {
        this.classifier = classifier;
        this.extractor = extractor;
    }

    public static EvaluationScorer builtIn() {
        return new EvaluationScorer(new DomainClassifier(DomainRulesLoader.load("")),
                new EntityExtractor(Gazetteers.builtIn(), EntityRulesLoader.load("")));
    }

    public Report score(List<Labeled> documents) {
        int domainHits = 0;
        int topHits = 0;
        List<String> misses = new ArrayList<>();
        Map<String, Counts> exact = new LinkedHashMap<>();
        Map<String, Counts> lenient = new LinkedHashMap<>();
        TYPES.forEach(t -> {
            exact.put(t, new Counts());
            lenient.put(t, new Counts());
        });
        for (Labeled doc : documents) {
            DocumentText text = DocumentText.of(doc.payload(), TEXT_FIELDS);
            Classification c = classifier.classify(doc.collection(), doc.payload(), text.all());
            String primary = c.primary().key();
            if (doc.domains().contains(primary)) {
                domainHits++;
            } else {
                misses.add(doc.id() + ": labeled " + doc.domains() + ", predicted " + c.domains());
            }
            if (doc.domains().stream().anyMatch(d -> root(d).equals(root(primary)))) {
                topHits++;
            }
            List<ExtractedEntity> predicted = extractor.extract(text.title(), text.body());
            for (String type : TYPES) {
                List<ExtractedEntity> p = predicted.stream().filter(e -> e.type().equals(type)).toList();
                List<Truth> t = doc.entities().stream().filter(e -> e.type().equals(type)).toList();
                match(p, t, false, exact.get(type));
                match(p, t, true, lenient.get(type));
            }
        }
        int n = documents.size();
        return new Report(n, (double) domainHits / n, (double) topHits / n, exact, lenient, misses);
    }

    /** Per-document mismatches of one type, for tuning: "missed" labeled entities and "spurious" predictions. */
    public List<String> mismatches(List<Labeled> documents, String type) {
        List<String> out = new ArrayList<>();
        for (Labeled doc : documents) {
            DocumentText text = DocumentText.of(doc.payload(), TEXT_FIELDS);
            List<ExtractedEntity> p = extractor.extract(text.title(), text.body()).stream()
                    .filter(e -> e.type().equals(type)).toList();
            List<Truth> t = doc.entities().stream().filter(e -> e.type().equals(type)).toList();
            Set<Integer> usedP = new HashSet<>();
            for (Truth truth : t) {
                int i = find(p, truth, usedP, true);
                if (i < 0) {
                    out.add(doc.id() + " missed " + truth.forms());
                } else {
                    usedP.add(i);
                }
            }
            for (int i = 0; i < p.size(); i++) {
                if (!usedP.contains(i)) {
                    out.add(doc.id() + " spurious " + p.get(i).surfaces());
                }
            }
        }
        return out;
    }

    private static void match(List<ExtractedEntity> predicted, List<Truth> truths, boolean lenient, Counts counts) {
        Set<Integer> used = new HashSet<>();
        for (Truth truth : truths) {
            int i = find(predicted, truth, used, lenient);
            if (i >= 0) {
                used.add(i);
                counts.tp++;
            } else {
                counts.fn++;
            }
        }
        counts.fp += predicted.size() - used.size();
    }

    private static int find(List<ExtractedEntity> predicted, Truth truth, Set<Integer> used, boolean lenient) {
        for (int i = 0; i < predicted.size(); i++) {
            if (!used.contains(i) && matches(predicted.get(i), truth, false)) {
                return i;
            }
        }
        if (lenient) {
            for (int i = 0; i < predicted.size(); i++) {
                if (!used.contains(i) && matches(predicted.get(i), truth, true)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean matches(ExtractedEntity p, Truth truth, boolean lenient) {
        for (String surface : p.surfaces()) {
            for (String form : truth.forms()) {
                if (surface.equals(form)) {
                    return true;
                }
                if (lenient) {
                    String a = surface.toLowerCase(Locale.ROOT);
                    String b = form.toLowerCase(Locale.ROOT);
                    if (a.contains(b) || b.contains(a)) {
                        return true;
                    }
                }
            }
        }
        return lenient && truth.value() != null && truth.value().equals(p.normalised());
    }

    private static String root(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** Every labeled document in {@code corpus-*.jsonl} files of the evaluation directory. */
    public static List<Labeled> corpus() {
        try {
            Path dir = Path.of(EvaluationScorer.class.getClassLoader().getResource("eval/README.md").toURI())
                    .getParent();
            List<Labeled> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("corpus-.*\\.jsonl"))
                        .sorted().toList()) {
                    for (String line : Files.readAllLines(file)) {
                        if (!line.isBlank()) {
                            all.add(parse(MAPPER.readTree(line)));
                        }
                    }
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Labeled parse(JsonNode doc) {
        List<String> domains = new ArrayList<>();
        doc.get("domains").forEach(d -> domains.add(d.asText()));
        List<Truth> entities = new ArrayList<>();
        for (JsonNode e : doc.get("entities")) {
            Set<String> forms = new HashSet<>();
            forms.add(e.get("text").asText());
            if (e.has("aliases")) {
                e.get("aliases").forEach(a -> forms.add(a.asText()));
            }
            entities.add(new Truth(e.get("type").asText(), forms, e.has("value") ? e.get("value").asText() : null));
        }
        return new Labeled(doc.get("id").asText(), doc.get("collection").asText(), (ObjectNode) doc.get("payload"),
                domains, entities);
    }
}
