package io.nexussync.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Extracts the entities of a document: e-mail addresses, URLs and custom types by pattern, money amounts and dates
 * by their written forms, and names by {@link NameRecognizer} sentence by sentence (OpenNLP's English sentence
 * model, shipped in a jar). Overlapping mentions are settled by type priority, then length. A lone word that repeats
 * part of a full name found in the same document ("Gonzalez" after "Maria Gonzalez", "Northwind" after
 * "Northwind Traders Ltd.") joins that entity. Thread-safe: OpenNLP detectors are not, so each thread has its own.
 */
public final class EntityExtractor {

    private static final List<String> PRIORITY = List.of("EMAIL", "URL", "CUSTOM", "MONEY", "DATE", "ORGANIZATION",
            "PERSON", "LOCATION", "UNKNOWN");
    private static final SentenceModel SENTENCES = sentenceModel();

    private final NameRecognizer names;
    private final EntityNames normaliser;
    private final EntityRules rules;
    private final DateRecognizer dates = new DateRecognizer();
    private final MoneyRecognizer money = new MoneyRecognizer();
    private final List<PatternRecognizer> custom = new ArrayList<>();
    private final List<WordListRecognizer> customWords = new ArrayList<>();
    private final ThreadLocal<SentenceDetectorME> sentenceDetector =
            ThreadLocal.withInitial(() -> new SentenceDetectorME(SENTENCES));

    public EntityExtractor(Gazetteers lists, EntityRules rules) {
        this.names = new NameRecognizer(lists);
        this.normaliser = new EntityNames(lists);
        this.rules = rules;
        rules.patterns().forEach((type, patterns) -> patterns.forEach(p ->
                custom.add(new PatternRecognizer(type, p, 0.9))));
        rules.words().forEach((type, words) -> customWords.add(new WordListRecognizer(type, words)));
    }

    /** The entities of a document with the given title (may be null) and body text. */
    public List<ExtractedEntity> extract(String title, String text) {
        List<Mention> mentions = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            mentions.addAll(mentions(title, true));
        }
        if (text != null && !text.isBlank()) {
            mentions.addAll(mentions(text, false));
        }
        return group(mentions);
    }

    /** The mentions in one text, overlaps settled. Offsets are relative to {@code text}. */
    List<Mention> mentions(String text, boolean headline) {
        List<Mention> all = new ArrayList<>();
        all.addAll(PatternRecognizer.EMAIL.find(text));
        all.addAll(PatternRecognizer.URL.find(text));
        for (PatternRecognizer r : custom) {
            all.addAll(r.find(text));
        }
        List<Token> tokens = Token.tokenize(text, 0, text.length());
        for (WordListRecognizer r : customWords) {
            all.addAll(r.find(text, tokens));
        }
        all.addAll(money.find(text, tokens));
        all.addAll(dates.find(text, tokens));
        int lineStart = 0;
        int next = 0; // first token not yet given to a sentence
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (lineEnd > lineStart) {
                String line = text.substring(lineStart, lineEnd);
                for (Span s : sentenceDetector.get().sentPosDetect(line)) {
                    int from = lineStart + s.getStart();
                    int to = lineStart + s.getEnd();
                    while (next < tokens.size() && tokens.get(next).start() < from) {
                        next++;
                    }
                    int first = next;
                    while (next < tokens.size() && tokens.get(next).end() <= to) {
                        next++;
                    }
                    all.addAll(names.find(text, tokens.subList(first, next), to, headline));
                }
            }
            lineStart = lineEnd + 1;
        }
        all.sort(Comparator.comparingInt((Mention m) -> priority(m.type())).thenComparing(
                Comparator.comparingInt(Mention::length).reversed()));
        List<Mention> kept = new ArrayList<>();
        for (Mention m : all) {
            if (kept.stream().noneMatch(m::overlaps)) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(Mention::start));
        return kept;
    }

    private List<ExtractedEntity> group(List<Mention> mentions) {
        // what a lone word may stand for: the last or first word of a person, the first word of an organisation
        Map<String, String[]> partOf = new HashMap<>();
        Map<String, String[]> lastNameOf = new HashMap<>();
        List<String> norms = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            String norm = normaliser.normalise(m.type(), m.text(), m.value());
            norms.add(norm);
            String[] words = norm.split(" ");
            if (m.type().equals(NameRecognizer.PERSON) && words.length >= 2) {
                lastNameOf.putIfAbsent(words[words.length - 1], new String[] {m.type(), norm});
                partOf.putIfAbsent(words[words.length - 1], new String[] {m.type(), norm});
                partOf.putIfAbsent(words[0], new String[] {m.type(), norm});
            } else if (m.type().equals(NameRecognizer.ORGANIZATION) && words.length >= 2) {
                partOf.putIfAbsent(words[0], new String[] {m.type(), norm});
            }
        }
        Map<String, Builder> entities = new LinkedHashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            String type = m.type();
            String norm = norms.get(i);
            String[] whole = norm.contains(" ") ? null
                    // a place that is also a person's first name stays a place ("in Jordan" next to "Jordan Lee")
                    : type.equals(NameRecognizer.LOCATION) ? lastNameOf.get(norm) : partOf.get(norm);
            if (whole != null && (type.equals(NameRecognizer.UNKNOWN) || type.equals(NameRecognizer.PERSON)
                                  || type.equals(NameRecognizer.LOCATION) || type.equals(whole[0]))) {
                type = whole[0];
                norm = whole[1];
            } else if (type.equals(NameRecognizer.UNKNOWN)) {
                type = aliasType(norm);
                if (type == null) {
                    continue;
                }
            }
            norm = rules.aliases().getOrDefault(type, Map.of()).getOrDefault(norm, norm);
            if (norm.isEmpty()) {
                continue;
            }
            entities.computeIfAbsent(type + "/" + norm, k -> new Builder()).add(m, norm);
        }
        Map<String, ExtractedEntity> byKey = new LinkedHashMap<>();
        entities.forEach((key, b) -> byKey.put(key, b.build(key.substring(0, key.indexOf('/')))));
        return List.copyOf(byKey.values());
    }

    private static final class Builder {
        private final LinkedHashSet<String> surfaces = new LinkedHashSet<>();
        private String normalised;
        private String name = "";
        private int count;
        private double confidence;

        void add(Mention m, String norm) {
            normalised = norm;
            surfaces.add(m.text());
            if (m.text().length() > name.length()) {
                name = m.text();
            }
            count++;
            confidence = Math.max(confidence, m.confidence());
        }

        ExtractedEntity build(String type) {
            return new ExtractedEntity(type, normalised, name, java.util.Set.copyOf(surfaces), count, confidence);
        }
    }

    /** The type whose alias table names {@code norm}, or null: "International Business Machines" is an organisation. */
    private String aliasType(String norm) {
        for (Map.Entry<String, Map<String, String>> byType : rules.aliases().entrySet()) {
            if (byType.getValue().containsKey(norm) || byType.getValue().containsValue(norm)) {
                return byType.getKey();
            }
        }
        return null;
    }

    private static int priority(String type) {
        int p = PRIORITY.indexOf(type);
        return p >= 0 ? p : PRIORITY.indexOf("CUSTOM");
    }

    private static SentenceModel sentenceModel() {
        String resource = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
        try (InputStream in = EntityExtractor.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP sentence model " + resource + " missing from the class path");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the OpenNLP sentence model", e);
        }
    }
}
