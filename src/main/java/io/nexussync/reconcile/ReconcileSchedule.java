package io.nexussync.reconcile;

import java.util.List;

import io.nexussync.collections.SyncCollections;
import io.nexussync.vectorizer.VectorizerClient;

/** Decides what a scheduled firing reconciles: every Vectorizer collection whose sync is enabled. */
public final class ReconcileSchedule {

    private final VectorizerClient vectorizer;
    private final SyncCollections collections;
    private final String tenant;

    public ReconcileSchedule(VectorizerClient vectorizer, SyncCollections collections, String tenant) {
        this.vectorizer = vectorizer;
        this.collections = collections;
        this.tenant = tenant;
    }

    public List<String> collections() {
        return vectorizer.collections().stream().filter(c -> collections.isEnabled(tenant, c)).sorted().toList();
    }
}
