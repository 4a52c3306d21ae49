package io.nexussync.testing.nexus;

/**
 * Start-up options of a {@link NexusEmulator}: the API key it demands (null: auth off, the Nexus default) and
 * its request body limit in bytes (Nexus default 16 MiB).
 */
public record EmulatorOptions(String apiKey, long maxBodyBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    public EmulatorOptions {
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and 2 GiB: " + maxBodyBytes);
        }
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions(null, DEFAULT_MAX_BODY_BYTES);
    }

    public EmulatorOptions withApiKey(String key) {
        return new EmulatorOptions(key, maxBodyBytes);
    }

    public EmulatorOptions withMaxBodyBytes(long bytes) {
        return new EmulatorOptions(apiKey, bytes);
    }

    @Override
    public String toString() {
        return "EmulatorOptions[apiKey=" + (apiKey == null ? "none" : "***") + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
