package io.nexussync.collections;

import java.time.Clock;

import io.nexussync.config.SettingsReader;
import io.nexussync.store.StateStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Per-collection sync switches. */
public class CollectionsConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public SyncCollections syncCollections(CamelContext context, StateStore store, Clock clock) {
        return new SyncCollections(store, SettingsReader.of(context).bool("sync.collections.enabled-by-default", true),
                clock);
    }
}
