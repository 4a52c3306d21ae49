package io.nexussync.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Checks routes.location before Camel Main scans it: a missing directory would otherwise fail deep inside route
 * collection with a stack trace, and an empty one would start a bridge with no routes at all.
 */
public final class RoutesLocationCheck extends MainListenerSupport {

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        String location = SettingsReader.of(main.getCamelContext()).string("routes.location", "routes");
        try (var files = Files.list(Path.of(location))) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".camel.yaml"))) {
                throw new InvalidSettingException("routes.location", "'" + location + "' holds no *.camel.yaml files");
            }
        } catch (IOException e) {
            throw new InvalidSettingException("routes.location", "'" + location + "' is not a readable directory");
        }
    }
}
