package io.nexussync.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.nexussync.pipeline.DocumentChange;
import io.nexussync.pipeline.DocumentText;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Extracts a document's entities and resolves each to its tenant-wide key. A domain route may turn extraction off
 * ({@value #ENABLED} = false) or raise the confidence a mention needs ({@value #MIN_CONFIDENCE}). Deletes and thin
 * events are passed on untouched: they carry no text.
 */
public final class ExtractEntitiesProcessor implements Processor {

    public static final String ENABLED = "syncExtractEntities";
    public static final String MIN_CONFIDENCE = "syncEntityMinConfidence";

    private final EntityExtractor extractor;
    private final EntityResolver resolver;
    private final Set<String> textFields;
    private final double defaultMinConfidence;

    public ExtractEntitiesProcessor(EntityExtractor extractor, EntityResolver resolver, Set<String> textFields,
            double defaultMinConfidence) {
        this.extractor = extractor;
        this.resolver = resolver;
        this.textFields = textFields;
        this.defaultMinConfidence = defaultMinConfidence;
    }

    @Override
    public void process(Exchange exchange) {
        DocumentChange change = exchange.getIn().getBody(DocumentChange.class);
        if (change.isDelete() || change.payload() == null) {
            return;
        }
        if (!exchange.getProperty(ENABLED, Boolean.TRUE, Boolean.class)) {
            exchange.getIn().setBody(change.withEntities(List.of()));
            return;
        }
        double minConfidence = exchange.getProperty(MIN_CONFIDENCE, defaultMinConfidence, Double.class);
        DocumentText text = DocumentText.of(change.payload(), textFields);
        List<DocumentEntity> entities = new ArrayList<>();
        for (ExtractedEntity e : extractor.extract(text.title(), text.body())) {
            if (e.confidence() >= minConfidence) {
                entities.add(new DocumentEntity(resolver.key(change.tenant(), e.type(), e.normalised()), e.type(),
                        e.name(), e.count(), e.confidence()));
            }
        }
        exchange.getIn().setBody(change.withEntities(merge(entities)));
    }

    /** Two names of one document that resolve to one entity make one MENTIONS edge. */
    private static List<DocumentEntity> merge(List<DocumentEntity> entities) {
        java.util.Map<String, DocumentEntity> byKey = new java.util.LinkedHashMap<>();
        for (DocumentEntity e : entities) {
            byKey.merge(e.key(), e, (a, b) -> new DocumentEntity(a.key(), a.type(),
                    a.name().length() >= b.name().length() ? a.name() : b.name(), a.count() + b.count(),
                    Math.max(a.confidence(), b.confidence())));
        }
        return List.copyOf(byKey.values());
    }
}
