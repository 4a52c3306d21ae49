package io.nexussync.vectorizer;

/**
 * A failed call to Vectorizer. {@link #retryAfterMillis()} is how long to wait before trying again, or -1 when the
 * request itself was refused and trying again will not help.
 */
public class VectorizerException extends RuntimeException {

    private final int status;
    private final long retryAfterMillis;

    public VectorizerException(String message, int status, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** The HTTP status, or 0 when Vectorizer could not be reached. */
    public int status() {
        return status;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** True when the failure was Vectorizer's (unreachable, overloaded, 5xx): the same request may succeed later. */
    public boolean isTransient() {
        return retryAfterMillis >= 0;
    }
}
