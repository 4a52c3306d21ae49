package io.nexussync.graph;

import io.nexussync.pipeline.DocumentChange;

/**
 * A change Nexus refused. A retryable failure is tried again with backoff until the attempt limit; any other goes
 * straight to the dead-letter table.
 */
public record FailedChange(DocumentChange change, String error, String errorType, boolean retryable) {
}
