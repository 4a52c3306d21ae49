package io.nexussync.collections;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.nexussync.store.StateStore;

/**
 * Which collections are synced, per tenant. An operator's choice is persisted in {@code sync_collection}; a collection
 * without one follows the default. Reads are cached briefly because every claimed batch asks; another instance's
 * change is seen within {@link #CACHE_TTL}.
 */
public final class SyncCollections {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private record Key(String tenant, String collection) {
    }

    private final StateStore store;
    private final boolean enabledByDefault;
    private final Clock clock;
    private final LoadingCache<Key, Boolean> cache;

    public SyncCollections(StateStore store, boolean enabledByDefault, Clock clock) {
        this.store = store;
        this.enabledByDefault = enabledByDefault;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHE_TTL).build(this::read);
    }

    public boolean isEnabled(String tenant, String collection) {
        return cache.get(new Key(tenant, collection));
    }

    /** Persists the operator's choice; returns whether the collection was enabled before. */
    public boolean set(String tenant, String collection, boolean enabled) {
        boolean before = read(new Key(tenant, collection));
        store.tx().executeWithoutResult(status -> {
            int updated = store.jdbc().update("UPDATE sync_collection SET enabled = ?, updated_at = ?"
                    + " WHERE tenant = ? AND collection = ?", enabled, clock.millis(), tenant, collection);
            if (updated == 0) {
                store.jdbc().update("INSERT INTO sync_collection (tenant, collection, enabled, updated_at)"
                        + " VALUES (?, ?, ?, ?)", tenant, collection, enabled, clock.millis());
            }
        });
        cache.put(new Key(tenant, collection), enabled);
        return before;
    }

    /** Every collection with an operator's choice, by name. */
    public Map<String, Boolean> choices(String tenant) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        List<Map<String, Object>> rows = store.jdbc().queryForList("SELECT collection, enabled FROM sync_collection"
                + " WHERE tenant = ? ORDER BY collection", tenant);
        rows.forEach(r -> out.put((String) r.get("collection"), (Boolean) r.get("enabled")));
        return out;
    }

    public boolean enabledByDefault() {
        return enabledByDefault;
    }

    private Boolean read(Key key) {
        List<Boolean> rows = store.jdbc().queryForList("SELECT enabled FROM sync_collection WHERE tenant = ?"
                + " AND collection = ?", Boolean.class, key.tenant(), key.collection());
        return rows.isEmpty() ? enabledByDefault : rows.get(0);
    }
}
