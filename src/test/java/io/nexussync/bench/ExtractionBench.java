package io.nexussync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.nexussync.classify.DomainClassifier;
import io.nexussync.classify.DomainRulesLoader;
import io.nexussync.extract.EntityExtractor;
import io.nexussync.extract.EntityRulesLoader;
import io.nexussync.extract.EvaluationScorer;
import io.nexussync.extract.Gazetteers;
import io.nexussync.pipeline.DocumentText;

/**
 * Classification plus entity extraction on one thread, over 2 KB documents made from the labeled evaluation set
 * (each document's text, continued with the next ones' until it reaches 2,048 characters). Resolution against the
 * state store is not included: it is a cached lookup per entity.
 */
final class ExtractionBench {

    private static final int SIZE = 2048;

    private final DomainClassifier classifier = new DomainClassifier(DomainRulesLoader.load(""));
    private final EntityExtractor extractor = new EntityExtractor(Gazetteers.builtIn(), EntityRulesLoader.load(""));
    private final List<String[]> documents = new ArrayList<>();
    private long sink;

    ExtractionBench() {
        List<EvaluationScorer.Labeled> corpus = EvaluationScorer.corpus();
        for (int i = 0; i < corpus.size(); i++) {
            StringBuilder text = new StringBuilder();
            for (int j = i; text.length() < SIZE; j = (j + 1) % corpus.size()) {
                text.append(DocumentText.of(corpus.get(j).payload(), Set.of("content")).body()).append('\n');
            }
            String title = corpus.get(i).payload().path("title").asText(null);
            documents.add(new String[] {corpus.get(i).collection(), title, text.substring(0, SIZE)});
        }
    }

    /** Documents per second over {@code count} documents. */
    double docsPerSecond(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String[] doc = documents.get(i % documents.size());
            String all = doc[1] == null ? doc[2] : doc[1] + "\n" + doc[2];
            sink += classifier.classify(doc[0], null, all).domains().size();
            sink += extractor.extract(doc[1], doc[2]).size();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Keeps the JIT from discarding the work. */
    long sink() {
        return sink;
    }
}
