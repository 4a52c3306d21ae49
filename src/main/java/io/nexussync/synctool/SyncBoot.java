package io.nexussync.synctool;

import io.nexussync.Application;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.SimpleMainShutdownStrategy;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The bridge as the sync tool runs it: the same routes, beans and settings, so the pipeline is the real one, but
 * with the HTTP server on a free port and no management server, so that it never collides with a bridge that is
 * running beside it, no reconciliation schedule, and without Camel's own signal handling (the tool stops the bridge itself, after recording the
 * job's state).
 */
final class SyncBoot {

    private SyncBoot() {
    }

    static Main newMain() {
        Main main = Application.newMain();
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        main.addOverrideProperty("camel.server.port", "0");
        main.addOverrideProperty("camel.management.enabled", "false");
        // the tool syncs one collection; scheduled reconciliation of every collection is the bridge's business
        main.addOverrideProperty("reconcile.enabled", "false");
        main.addMainListener(new KeepH2OpenOnExit());
        return main;
    }

    /**
     * H2 closes its database from a JVM shutdown hook of its own, which would race the tool's hook that records the
     * interrupted job. The tool closes the pool itself when the bridge stops, so H2 need not.
     */
    static final class KeepH2OpenOnExit extends MainListenerSupport {

        @Override
        public void beforeConfigure(BaseMainSupport main) {
            PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
            properties.resolveProperty("sync.db.url").map(String::trim)
                    .filter(url -> url.startsWith("jdbc:h2:") && !url.toUpperCase().contains("DB_CLOSE_ON_EXIT")
                            // H2 refuses the combination; a signal may then leave the job RUNNING, still resumable
                            && !url.toUpperCase().contains("AUTO_SERVER=TRUE"))
                    .ifPresent(url -> {
                        String kept = url + ";DB_CLOSE_ON_EXIT=FALSE";
                        properties.addOverrideProperty("sync.db.url", kept);
                        // a -Dsync.db.url takes precedence over override properties: change it where it was given
                        if (System.getProperty("sync.db.url") != null) {
                            System.setProperty("sync.db.url", kept);
                        }
                    });
        }
    }
}
