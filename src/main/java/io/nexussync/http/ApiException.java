package io.nexussync.http;

/** A request refused with an HTTP status and a JSON reason; never carries request headers or secrets. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;
    private final long retryAfterSeconds;

    public ApiException(int status, String reason) {
        this(status, reason, null, 0);
    }

    public ApiException(int status, String reason, String field, long retryAfterSeconds) {
        super(reason, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String reason, String field) {
        return new ApiException(400, reason, field, 0);
    }

    public static ApiException unauthorized(String reason) {
        return new ApiException(401, reason);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
