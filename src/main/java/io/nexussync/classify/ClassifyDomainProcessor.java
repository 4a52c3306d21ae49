package io.nexussync.classify;

import java.util.Set;

import io.nexussync.pipeline.DocumentChange;
import io.nexussync.pipeline.DocumentText;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Classifies a document and exposes the top level of its primary domain and the tenant as exchange properties for
 * the content-based router and the batcher (the full domains travel in the body). A delete, or a thin event without a payload, has nothing to
 * classify: it keeps the domains it has and goes through the default route.
 */
public final class ClassifyDomainProcessor implements Processor {

    public static final String DOMAIN_ROOT = "syncDomainRoot";
    public static final String TENANT = "syncTenant";

    private final DomainClassifier classifier;
    private final Set<String> textFields;

    public ClassifyDomainProcessor(DomainClassifier classifier, Set<String> textFields) {
        this.classifier = classifier;
        this.textFields = textFields;
    }

    @Override
    public void process(Exchange exchange) {
        DocumentChange change = exchange.getIn().getBody(DocumentChange.class);
        exchange.setProperty(TENANT, change.tenant());
        if (change.isDelete() || change.payload() == null) {
            exchange.setProperty(DOMAIN_ROOT, classifier.rules().defaultDomain());
            return;
        }
        DocumentText text = DocumentText.of(change.payload(), textFields);
        Classification classification = classifier.classify(change.collection(), change.payload(), text.all());
        exchange.setProperty(DOMAIN_ROOT, classification.primary().root());
        exchange.getIn().setBody(change.withClassification(classification));
    }
}
