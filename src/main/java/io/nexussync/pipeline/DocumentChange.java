package io.nexussync.pipeline;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.classify.Classification;
import io.nexussync.extract.DocumentEntity;
import io.nexussync.inbox.Operation;
import io.nexussync.store.SyncState;

/**
 * The latest change of one document, travelling through classification and batching to the graph writer.
 *
 * @param event           the winning event as accepted (payload and vector included when the event carried them)
 * @param inboxId         the inbox row of the winning event
 * @param supersededIds   older inbox rows of the same document that the winning event replaces
 * @param previous        what the graph held for this document before, or null
 * @param classification  the document's domains, set by classification (null before it, and for deletes)
 * @param entities        the entities it mentions, set by extraction (null when not extracted)
 */
public record DocumentChange(String uid, String tenant, String collection, String vectorId, Operation operation,
        String eventType, long seq, int attempts, long inboxId, List<Long> supersededIds, ObjectNode event,
        String source, String webhookId, long receivedAt, SyncState previous, Classification classification,
        List<DocumentEntity> entities) {

    /** The payload object, or null for a thin event that carries only ids. */
    public ObjectNode payload() {
        JsonNode payload = event.get("payload");
        return payload instanceof ObjectNode object ? object : null;
    }

    public boolean isDelete() {
        return operation == Operation.DELETE;
    }

    public Set<String> previousPropertyKeys() {
        return previous == null ? Set.of() : previous.propertyKeys();
    }

    /** The primary domain, or null before classification. */
    public String domain() {
        return classification == null ? null : classification.primary().key();
    }

    /**
     * Whether the graph may hold edges of this document that its new version must replace: it was synced before, or
     * an older version of it was tried (and may have been written before a crash) without being acknowledged.
     */
    public boolean replacesEdges() {
        return previous != null && !previous.deleted() || !supersededIds.isEmpty() || attempts > 0;
    }

    /** The same change carrying the document as Vectorizer holds it now (a hydrated thin event). */
    public DocumentChange withEvent(ObjectNode hydrated) {
        return new DocumentChange(uid, tenant, collection, vectorId, operation, eventType, seq, attempts, inboxId,
                supersededIds, hydrated, source, webhookId, receivedAt, previous, classification, entities);
    }

    /** The same change as an upsert of {@code hydrated}: a delete whose document Vectorizer holds again. */
    public DocumentChange asUpsert(ObjectNode hydrated) {
        return new DocumentChange(uid, tenant, collection, vectorId, Operation.UPSERT, eventType, seq, attempts,
                inboxId, supersededIds, hydrated, source, webhookId, receivedAt, previous, null, null);
    }

    /** The same change as a delete: Vectorizer no longer holds the document, so neither may the graph. */
    public DocumentChange asDelete() {
        return new DocumentChange(uid, tenant, collection, vectorId, Operation.DELETE, eventType, seq, attempts,
                inboxId, supersededIds, event, source, webhookId, receivedAt, previous, null, null);
    }

    /** The vector the event carried or hydration fetched, or null. */
    public ArrayNode vector() {
        JsonNode vector = event.get("vector");
        return vector instanceof ArrayNode array && !array.isEmpty()
                ? array : null;
    }

    public DocumentChange withClassification(Classification newClassification) {
        return new DocumentChange(uid, tenant, collection, vectorId, operation, eventType, seq, attempts, inboxId,
                supersededIds, event, source, webhookId, receivedAt, previous, newClassification, entities);
    }

    public DocumentChange withEntities(List<DocumentEntity> newEntities) {
        return new DocumentChange(uid, tenant, collection, vectorId, operation, eventType, seq, attempts, inboxId,
                supersededIds, event, source, webhookId, receivedAt, previous, classification, newEntities);
    }
}
