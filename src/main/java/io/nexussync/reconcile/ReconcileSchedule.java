package io.nexussync.reconcile;

import java.util.List;

import io.nexussync.collections.SyncCollections;
import io.nexussync.vectorizer.VectorizerClient;
import io.nexussync.vectorizer.VectorizerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides what a scheduled firing reconciles: every Vectorizer collection whose sync is enabled. */
public final class ReconcileSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final VectorizerClient vectorizer;
    private final SyncCollections collections;
    private final String tenant;

    public ReconcileSchedule(VectorizerClient vectorizer, SyncCollections collections, String tenant) {
        this.vectorizer = vectorizer;
        this.collections = collections;
        this.tenant = tenant;
    }

    /** None while Vectorizer cannot list its collections: the firing is skipped and the next one tries again. */
    public List<String> collections() {
        try {
            return vectorizer.collections().stream().filter(c -> collections.isEnabled(tenant, c)).sorted().toList();
        } catch (VectorizerException e) {
            LOG.warn("Scheduled reconciliation skipped: {}", e.getMessage());
            return List.of();
        }
    }
}
