package io.nexussync.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A throwaway state store for one test class: an H2 file in a temp directory, or, when the system property
 * {@code nexus-sync.test.db=postgres}, a fresh database on the machine's PostgreSQL that is dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String KIND = System.getProperty("nexus-sync.test.db", "h2");
    static final String PG_ADMIN_URL = System.getProperty("nexus-sync.test.pg-url",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String PG_USER = System.getProperty("nexus-sync.test.pg-user", "postgres");

    private final String url;
    private final String pgName;
    private final Path dir;

    private TestDatabase(String url, String pgName, Path dir) {
        this.url = url;
        this.pgName = pgName;
        this.dir = dir;
    }

    public static TestDatabase create() {
        return create(false);
    }

    /**
     * A database that a bridge in another JVM and this test both open. H2's AUTO_SERVER lets the second process in
     * through the first one, which keeps owning the file, so a killed bridge still tests H2's own durability.
     */
    public static TestDatabase createShared() {
        return create(true);
    }

    /** A throwaway PostgreSQL database whatever {@code nexus-sync.test.db} says (what only PostgreSQL can do). */
    public static TestDatabase createPostgres() {
        return create(false, true);
    }

    private static TestDatabase create(boolean acrossProcesses) {
        return create(acrossProcesses, "postgres".equals(KIND));
    }

    private static TestDatabase create(boolean acrossProcesses, boolean postgres) {
        try {
            if (postgres) {
                String name = "nexus_sync_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                admin("CREATE DATABASE " + name);
                return new TestDatabase(PG_ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), name, null);
            }
            Path dir = Files.createTempDirectory("nexus-sync-h2");
            // extra H2 settings for experiments, e.g. -Dnexus-sync.test.h2-options=;AUTO_COMPACT_FILL_RATE=50
            String url = "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath()
                         + System.getProperty("nexus-sync.test.h2-options", "");
            return new TestDatabase(acrossProcesses ? url + ";AUTO_SERVER=TRUE" : url, null, dir);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return pgName == null ? "" : PG_USER;
    }

    public boolean isPostgres() {
        return pgName != null;
    }

    /** A direct connection for assertions; the caller closes it. */
    public Connection connect() throws SQLException {
        return pgName == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, PG_USER, "");
    }

    /** Runs a counting query ({@code SELECT COUNT(*) ...}) against the bridge's state store. */
    public long count(String sql, Object... args) {
        try (Connection c = connect(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        try {
            if (pgName != null) {
                admin("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
            } else {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot drop test database " + url, e);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
