package io.nexussync.pipeline;

import org.apache.camel.Exchange;

/** The one-line description of what ended an exchange, as logs and the dead-letter table show it. */
final class FailureText {

    private FailureText() {
    }

    static Throwable cause(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    static String of(Exchange exchange) {
        Throwable cause = cause(exchange);
        return cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
