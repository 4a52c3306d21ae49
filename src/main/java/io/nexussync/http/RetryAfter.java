package io.nexussync.http;

import java.util.OptionalLong;

import org.apache.hc.core5.http.HttpResponse;

/** The {@code Retry-After} header of an upstream answer, in its delay-seconds form (dates are not sent upstream). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay the answer asks for in milliseconds, or empty when it names none in seconds. */
    public static OptionalLong millis(HttpResponse response) {
        var header = response.getFirstHeader("Retry-After");
        if (header != null && header.getValue().trim().matches("\\d{1,6}")) {
            return OptionalLong.of(Long.parseLong(header.getValue().trim()) * 1000);
        }
        return OptionalLong.empty();
    }
}
