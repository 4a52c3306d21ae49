package io.nexussync.admin;

import io.nexussync.config.SettingsReader;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of the admin API. */
public class AdminConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public AdminAuthProcessor adminAuth(CamelContext context) {
        return new AdminAuthProcessor(SettingsReader.of(context).string("admin.api-key", ""));
    }
}
