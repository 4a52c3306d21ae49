package io.nexussync;

import java.util.Arrays;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.RoutesLocationCheck;
import io.nexussync.synctool.SyncCommand;
import org.apache.camel.main.Main;

/**
 * Starts the nexus-sync bridge: Camel Main with the YAML routes and the feature configurations; {@code sync ...}
 * runs the batch sync tool instead.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "sync".equals(args[0])) {
            // before any logger exists: keep INFO chatter off the progress line
            System.setProperty("nexus-sync.log-level", System.getProperty("nexus-sync.log-level", "WARN"));
            int code = SyncCommand.execute(Arrays.copyOfRange(args, 1, args.length));
            if (!SyncCommand.signalled()) {
                // on a signal the JVM is already exiting; System.exit would block its shutdown
                System.exit(code);
            }
            return;
        }
        Main main = newMain();
        try {
            System.exit(main.run(args));
        } catch (Exception e) {
            InvalidSettingException invalid = InvalidSettingException.findIn(e);
            if (invalid == null) {
                throw e;
            }
            // an operator gets one line naming the key, not a stack trace
            System.err.println("nexus-sync: " + invalid.getMessage());
            System.exit(2);
        }
    }

    /** Camel Main configured as the bridge runs: defaults from the jar, overridden by ./application.properties. */
    public static Main newMain() {
        Main main = new Main(Application.class);
        main.setDefaultPropertyPlaceholderLocation(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        main.addMainListener(new RoutesLocationCheck());
        return main;
    }
}
