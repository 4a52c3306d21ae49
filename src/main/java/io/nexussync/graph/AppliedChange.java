package io.nexussync.graph;

import java.util.Set;

import io.nexussync.pipeline.DocumentChange;

/** A change now reflected in Nexus, with what the sync state must remember about it. */
public record AppliedChange(DocumentChange change, String contentHash, Set<String> propertyKeys, long syncedAt) {
}
