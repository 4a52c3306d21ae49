package io.nexussync.config;

import java.time.Clock;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Beans every feature shares: the clock (replaceable in tests). */
public class CoreConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public Clock clock() {
        return Clock.systemUTC();
    }
}
