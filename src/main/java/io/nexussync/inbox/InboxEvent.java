package io.nexussync.inbox;

/**
 * A claimed inbox row. {@code seq} is the acceptance order used for "latest wins": the row id for new events, the
 * original sequence for replayed ones.
 */
public record InboxEvent(long id, long seq, String tenant, String collection, String vectorId, String uid,
        Operation operation, String eventType, String eventJson, String source, String webhookId, long receivedAt,
        int attempts) {
}
