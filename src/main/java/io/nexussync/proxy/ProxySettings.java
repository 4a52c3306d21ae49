package io.nexussync.proxy;

import io.nexussync.config.SettingsReader;

/**
 * The write-through proxy's settings.
 *
 * @param enabled whether {@code /vectorizer/**} is served (the route starts only then)
 * @param tenant  the tenant stamped on the events the proxy records
 */
public record ProxySettings(boolean enabled, String tenant) {

    public static ProxySettings from(SettingsReader reader) {
        return new ProxySettings(reader.bool("proxy.enabled", true), reader.string("sync.tenant", "default"));
    }
}
