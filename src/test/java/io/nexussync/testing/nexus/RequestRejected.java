package io.nexussync.testing.nexus;

/** A request refused by the middleware, carrying the status and the plain-text body axum would send. */
final class RequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    RequestRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
