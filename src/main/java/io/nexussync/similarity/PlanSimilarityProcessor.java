package io.nexussync.similarity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.nexussync.graph.AppliedChange;
import io.nexussync.graph.BatchOutcome;
import io.nexussync.pipeline.DocumentChange;
import io.nexussync.vectorizer.VectorPoint;
import io.nexussync.vectorizer.VectorizerClient;
import io.nexussync.vectorizer.VectorizerException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a written batch into one similarity task per upserted document, with its vector (fetched from Vectorizer for
 * the documents whose event carried none) and its limits; drops cached neighbours of every changed document.
 */
public final class PlanSimilarityProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(PlanSimilarityProcessor.class);

    private final VectorizerClient vectorizer;
    private final NeighbourFinder finder;
    private final SimilaritySettings settings;

    public PlanSimilarityProcessor(VectorizerClient vectorizer, NeighbourFinder finder, SimilaritySettings settings) {
        this.vectorizer = vectorizer;
        this.finder = finder;
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        BatchOutcome outcome = exchange.getIn().getBody(BatchOutcome.class);
        Map<String, List<DocumentChange>> byCollection = new LinkedHashMap<>();
        for (AppliedChange applied : outcome.applied()) {
            byCollection.computeIfAbsent(applied.change().collection(), c -> new ArrayList<>()).add(applied.change());
        }
        List<SimilarityTask> tasks = new ArrayList<>();
        byCollection.forEach((collection, changes) -> {
            finder.invalidate(collection, changes.stream().map(DocumentChange::vectorId).toList());
            if (settings.enabled()) {
                tasks.addAll(plan(collection, changes.stream().filter(c -> !c.isDelete()).toList()));
            }
        });
        exchange.getIn().setBody(tasks);
    }

    private List<SimilarityTask> plan(String collection, List<DocumentChange> upserts) {
        boolean needVectors = SimilaritySettings.EMBEDDING.equals(settings.method());
        Map<String, ArrayNode> fetched = Map.of();
        List<String> missing = upserts.stream().filter(c -> c.vector() == null).map(DocumentChange::vectorId)
                .toList();
        boolean fetchFailed = false;
        if (needVectors && !missing.isEmpty()) {
            try {
                fetched = vectorizer.retrieve(collection, missing, true).stream()
                        .filter(p -> p.vector() != null)
                        .collect(Collectors.toMap(VectorPoint::id, VectorPoint::vector, (a, b) -> b));
            } catch (VectorizerException e) {
                LOG.warn("Cannot fetch vectors of {} documents of {} for similarity; reconciliation will retry: {}",
                        missing.size(), collection, e.getMessage());
                fetchFailed = true;
            }
        }
        List<SimilarityTask> tasks = new ArrayList<>(upserts.size());
        for (DocumentChange change : upserts) {
            ArrayNode vector = change.vector() != null ? change.vector() : fetched.get(change.vectorId());
            SimilarityTask task = new SimilarityTask(change.uid(), change.tenant(), collection, change.vectorId(),
                    change.seq(), vector, settings.limitsFor(collection, change.domain()), List.of(), false);
            tasks.add(fetchFailed && change.vector() == null ? task.failedSearch() : task);
        }
        return tasks;
    }

}
