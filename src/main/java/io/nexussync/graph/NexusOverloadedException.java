package io.nexussync.graph;

/** Nexus asked the bridge to back off (503 or 429) for {@link #retryAfterMillis()}. */
public class NexusOverloadedException extends NexusException {

    private final long retryAfterMillis;

    public NexusOverloadedException(String message, long retryAfterMillis) {
        super(message, null);
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
