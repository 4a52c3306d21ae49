package io.nexussync;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.RoutesLocationCheck;
import org.apache.camel.main.Main;

/** Starts the nexus-sync bridge: Camel Main with the YAML routes and the feature configurations. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(Application.class);
        // defaults ship in the jar; an application.properties in the working directory overrides them
        main.setDefaultPropertyPlaceholderLocation(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        main.addMainListener(new RoutesLocationCheck());
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
}
