package io.nexussync.store;

import java.util.Set;

/** What the graph holds for one document after its last applied change. */
public record SyncState(String uid, String tenant, String collection, String vectorId, long lastSeq,
        String contentHash, Set<String> propertyKeys, boolean deleted, long syncedAt) {
}
