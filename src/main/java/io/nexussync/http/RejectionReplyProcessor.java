package io.nexussync.http;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the exception that ended an HTTP exchange into its JSON answer: {@link ApiException}s keep their status,
 * throttling becomes 429, anything else a 500 whose body reveals nothing internal.
 */
public final class RejectionReplyProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionReplyProcessor.class);

    private final long rateLimitRetryAfterSeconds;

    public RejectionReplyProcessor(long rateLimitRetryAfterSeconds) {
        this.rateLimitRetryAfterSeconds = rateLimitRetryAfterSeconds;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause instanceof ApiException api) {
            JsonReply.error(exchange, api);
        } else if (cause instanceof ThrottlerRejectedExecutionException) {
            JsonReply.send(exchange, 429, Map.of("error", "rate limit exceeded"), rateLimitRetryAfterSeconds);
        } else {
            LOG.error("Request on route {} failed", exchange.getFromRouteId(), cause);
            JsonReply.send(exchange, 500, Map.of("error", "internal error"));
        }
    }
}
