package io.nexussync.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.nexussync.config.Resources;
import io.nexussync.config.SettingsReader;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.flywaydb.core.Flyway;

/** Builds the state store: a pooled DataSource migrated by Flyway before anything uses it. */
public class StoreConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public StoreSettings storeSettings(CamelContext context) {
        return StoreSettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public HikariDataSource dataSource(CamelContext context, StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("nexus-sync-state");
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(true);
        HikariDataSource dataSource = Resources.closeOnStop(context, new HikariDataSource(config));
        try {
            // db/vendor/<database> holds what only one database needs: Quartz's clustered job store on PostgreSQL
            String vendor = settings.isPostgres() ? "postgresql" : "h2";
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    @BindToRegistry(lazy = true)
    public StateStore stateStore(HikariDataSource dataSource) {
        return new StateStore(dataSource);
    }

    @BindToRegistry(lazy = true)
    public DurableCommits durableCommits(StoreSettings settings, StateStore store) {
        DurableCommits commits = new DurableCommits(store, DurableCommits.needsFlush(settings.url()));
        // fails start-up here, not at the first webhook, when the H2 user may not CHECKPOINT
        commits.await();
        return commits;
    }

    @Override
    public void configure(CamelContext context) {
        // settings are checked at start-up even when no route has asked for the store yet
        context.getRegistry().lookupByNameAndType("storeSettings", StoreSettings.class);
    }
}
