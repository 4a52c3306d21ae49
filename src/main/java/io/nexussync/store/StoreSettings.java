package io.nexussync.store;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.SettingsReader;

/** Where sync state lives: the JDBC URL, credentials and pool size. */
public record StoreSettings(String url, String user, String password, int poolSize) {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/nexus-sync";

    public static StoreSettings from(SettingsReader reader) {
        String url = reader.string("sync.db.url", DEFAULT_URL);
        if (url.isEmpty()) {
            url = DEFAULT_URL;
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new InvalidSettingException("sync.db.url", "only jdbc:h2: and jdbc:postgresql: URLs are supported");
        }
        return new StoreSettings(closedByTheBridge(url), reader.string("sync.db.user", ""),
                reader.string("sync.db.password", ""), reader.integer("sync.db.pool-size", 10, 2, 200));
    }

    /**
     * H2 closes a database from its own JVM shutdown hook, while Camel's graceful shutdown may still be committing a
     * batch ("database is open in exclusive mode"). The bridge closes its pool on stop, which closes the database.
     * H2 refuses the setting together with AUTO_SERVER=TRUE; such a URL is left as it is.
     */
    static String closedByTheBridge(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        return h2File && !upper.contains("DB_CLOSE_ON_EXIT") && !upper.contains("AUTO_SERVER=TRUE")
                ? url + ";DB_CLOSE_ON_EXIT=FALSE" : url;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
