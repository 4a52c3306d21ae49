package io.nexussync.pipeline;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.inbox.Operation;
import io.nexussync.store.SyncState;

/**
 * The latest change of one document, travelling through classification and batching to the graph writer.
 *
 * @param event           the winning event as accepted (payload and vector included when the event carried them)
 * @param inboxId         the inbox row of the winning event
 * @param supersededIds   older inbox rows of the same document that the winning event replaces
 * @param previous        what the graph held for this document before, or null
 * @param domain          primary domain, set by classification
 */
public record DocumentChange(String uid, String tenant, String collection, String vectorId, Operation operation,
        String eventType, long seq, int attempts, long inboxId, List<Long> supersededIds, ObjectNode event,
        String source, String webhookId, long receivedAt, SyncState previous, String domain) {

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

    public DocumentChange withDomain(String newDomain) {
        return new DocumentChange(uid, tenant, collection, vectorId, operation, eventType, seq, attempts, inboxId,
                supersededIds, event, source, webhookId, receivedAt, previous, newDomain);
    }
}
