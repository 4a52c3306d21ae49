package io.nexussync.store;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The bridge's SQL state store (H2 or PostgreSQL): JDBC templates sharing one pool and one transaction manager. */
public final class StateStore {

    /** Largest IN list sent in one statement; keeps statements cacheable and under driver parameter limits. */
    public static final int MAX_IN_LIST = 500;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;

    public StateStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public NamedParameterJdbcTemplate named() {
        return named;
    }

    public TransactionTemplate tx() {
        return tx;
    }

    /** Splits a list into slices of at most {@link #MAX_IN_LIST}; none for an empty list (IN () is not SQL). */
    public static <T> List<List<T>> slices(List<T> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (items.size() <= MAX_IN_LIST) {
            return List.of(items);
        }
        List<List<T>> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i += MAX_IN_LIST) {
            out.add(items.subList(i, Math.min(items.size(), i + MAX_IN_LIST)));
        }
        return out;
    }

    /** True when a database answers a trivial query. */
    public boolean isReachable() {
        try {
            Integer one = jdbc.queryForObject("SELECT 1", Integer.class);
            return one != null && one == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
