package io.nexussync.ingest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.SettingsReader;

/** Settings of the signed webhook endpoint. Secret values are never part of toString or error messages. */
public record WebhookSettings(List<byte[]> secretKeys, long toleranceSeconds, long maxBodyBytes, int maxEvents,
        int rateLimitPerSecond, String tenant) {

    static final String SECRET_PREFIX = "whsec_";

    public static WebhookSettings from(SettingsReader reader) {
        return new WebhookSettings(
                secretKeys(reader.list("webhook.secrets", "")),
                reader.longValue("webhook.tolerance-seconds", 300, 1, 86_400),
                reader.longValue("webhook.max-body-bytes", 10L * 1024 * 1024, 1024, 512L * 1024 * 1024),
                reader.integer("webhook.max-events", 1000, 1, 100_000),
                reader.integer("webhook.rate-limit-per-second", 2000, 1, 1_000_000),
                tenant(reader.string("sync.tenant", "default")));
    }

    static List<byte[]> secretKeys(List<String> secrets) {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
            try {
                byte[] key = Base64.getDecoder().decode(encoded);
                if (key.length < 16) {
                    throw new InvalidSettingException("webhook.secrets", "secret #" + (i + 1) + " is shorter than 16 bytes");
                }
                keys.add(key);
            } catch (IllegalArgumentException e) {
                if (e instanceof InvalidSettingException ise) {
                    throw ise;
                }
                throw new InvalidSettingException("webhook.secrets", "secret #" + (i + 1) + " is not whsec_<base64>");
            }
        }
        return List.copyOf(keys);
    }

    static String tenant(String tenant) {
        if (!tenant.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidSettingException("sync.tenant", "'" + tenant + "' must match [A-Za-z0-9_-]{1,64}");
        }
        return tenant;
    }

    @Override
    public String toString() {
        return "WebhookSettings[secrets=" + secretKeys.size() + ", toleranceSeconds=" + toleranceSeconds
               + ", maxBodyBytes=" + maxBodyBytes + ", maxEvents=" + maxEvents + ", rateLimitPerSecond="
               + rateLimitPerSecond + ", tenant=" + tenant + "]";
    }
}
