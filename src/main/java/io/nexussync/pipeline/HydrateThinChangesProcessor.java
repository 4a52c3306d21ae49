package io.nexussync.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.inbox.InboxEntry;
import io.nexussync.vectorizer.VectorPoint;
import io.nexussync.vectorizer.VectorizerClient;
import io.nexussync.vectorizer.VectorizerException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills in thin changes (ids only: BatchSync, proxy writes, webhooks without payload) with the payload and vector
 * Vectorizer holds now, one retrieve call per collection and slice. A document Vectorizer no longer holds becomes a
 * delete; a proxied delete of a document Vectorizer holds again becomes an upsert. When Vectorizer cannot answer,
 * only that collection's thin changes go back to the inbox (no attempt counted); the rest go on. When it refuses a
 * retrieve (4xx), the documents are fetched one by one so that a bad id fails alone, with attempts counted toward the
 * dead-letter table.
 */
public final class HydrateThinChangesProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(HydrateThinChangesProcessor.class);

    private final VectorizerClient vectorizer;
    private final BatchLedger ledger;

    public HydrateThinChangesProcessor(VectorizerClient vectorizer, BatchLedger ledger) {
        this.vectorizer = vectorizer;
        this.ledger = ledger;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<DocumentChange> changes = exchange.getIn().getBody(List.class);
        Map<String, List<DocumentChange>> thinByCollection = new LinkedHashMap<>();
        for (DocumentChange change : changes) {
            if (needsHydration(change)) {
                thinByCollection.computeIfAbsent(change.collection(), c -> new ArrayList<>()).add(change);
            }
        }
        if (thinByCollection.isEmpty()) {
            return;
        }
        Map<String, DocumentChange> replaced = new LinkedHashMap<>();
        Set<String> deferred = new HashSet<>();
        thinByCollection.forEach((collection, thin) -> {
            try {
                replaced.putAll(hydrate(collection, thin));
            } catch (VectorizerException e) {
                if (!e.isTransient() && thin.size() > 1) {
                    thin.forEach(one -> hydrateAlone(collection, one, replaced, deferred));
                } else {
                    setAside(collection, thin, e, deferred);
                }
            }
        });
        List<DocumentChange> out = new ArrayList<>(changes.size());
        for (DocumentChange change : changes) {
            if (!deferred.contains(change.uid())) {
                out.add(replaced.getOrDefault(change.uid(), change));
            }
        }
        exchange.getIn().setBody(out);
    }

    private void hydrateAlone(String collection, DocumentChange change, Map<String, DocumentChange> replaced,
            Set<String> deferred) {
        try {
            replaced.putAll(hydrate(collection, List.of(change)));
        } catch (VectorizerException e) {
            setAside(collection, List.of(change), e, deferred);
        }
    }

    /** Vectorizer unavailable: back to the inbox without an attempt; refused: an attempt, then the dead-letter table. */
    private void setAside(String collection, List<DocumentChange> changes, VectorizerException e, Set<String> deferred) {
        String error = "hydration failed: " + e.getMessage();
        if (e.isTransient()) {
            long delay = Math.max(e.retryAfterMillis(), ReleaseClaimProcessor.DOCUMENT_RETRY_DELAY_MS);
            LOG.warn("Cannot hydrate {} documents of {}; they go back to the inbox for {} ms: {}", changes.size(),
                    collection, delay, e.getMessage());
            ledger.defer(changes, delay, error);
        } else {
            LOG.warn("Vectorizer refused to hand out document {}: {}", changes.get(0).uid(), e.getMessage());
            ledger.retry(changes, error, "hydration");
        }
        changes.forEach(c -> deferred.add(c.uid()));
    }

    /**
     * Thin upserts, and deletes recorded by the proxy: two clients' writes of one id may reach the inbox in another
     * order than Vectorizer applied them, so a proxied delete is checked against what Vectorizer holds too.
     */
    static boolean needsHydration(DocumentChange change) {
        return change.isDelete() ? InboxEntry.PROXY_SOURCE.equals(change.source()) : change.payload() == null;
    }

    private Map<String, DocumentChange> hydrate(String collection, List<DocumentChange> thin) {
        Map<String, VectorPoint> points = vectorizer.retrieve(collection,
                        thin.stream().map(DocumentChange::vectorId).toList(), true).stream()
                .collect(Collectors.toMap(VectorPoint::id, Function.identity(), (a, b) -> b));
        Map<String, DocumentChange> out = new LinkedHashMap<>();
        for (DocumentChange change : thin) {
            VectorPoint point = points.get(change.vectorId());
            if (point == null) {
                out.put(change.uid(), change.isDelete() ? change : change.asDelete());
                continue;
            }
            ObjectNode event = change.event().deepCopy();
            event.set("payload", point.payload() == null ? event.objectNode() : point.payload());
            if (point.vector() != null) {
                event.set("vector", point.vector());
            }
            out.put(change.uid(), change.isDelete() ? change.asUpsert(event) : change.withEvent(event));
        }
        return out;
    }
}
