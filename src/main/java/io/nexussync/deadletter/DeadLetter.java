package io.nexussync.deadletter;

/** An event that failed permanently, kept with its error until an operator replays or discards it. */
public record DeadLetter(long id, long seq, String tenant, String collection, String vectorId, String uid,
        String operation, String eventType, String event, String source, String webhookId, long receivedAt,
        int attempts, String error, String errorType, long failedAt) {
}
