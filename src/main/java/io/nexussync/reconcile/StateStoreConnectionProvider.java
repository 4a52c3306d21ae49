package io.nexussync.reconcile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz's JDBC job store connections of the bridge's own state-store pool, so the schedule needs no second pool
 * or credentials. The pool is looked up on first use: it is built lazily and migrated (Quartz tables included) then.
 */
public final class StateStoreConnectionProvider implements ConnectionProvider {

    private final Supplier<DataSource> dataSource;

    public StateStoreConnectionProvider(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.get().getConnection();
    }

    @Override
    public void shutdown() {
        // the pool belongs to the bridge and is closed when the Camel context stops
    }

    @Override
    public void initialize() {
        // nothing to prepare: the pool exists or is created on first use
    }
}
