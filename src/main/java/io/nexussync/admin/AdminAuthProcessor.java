package io.nexussync.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.nexussync.http.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Lets an admin request through only with the configured {@code X-API-Key}; without a configured key, none. */
public final class AdminAuthProcessor implements Processor {

    private final byte[] key;

    public AdminAuthProcessor(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void process(Exchange exchange) {
        if (key.length == 0) {
            throw ApiException.unauthorized("the admin API is disabled until admin.api-key is set");
        }
        String given = exchange.getIn().getHeader("X-API-Key", String.class);
        exchange.getIn().removeHeader("X-API-Key");
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), key)) {
            throw ApiException.unauthorized("missing or invalid X-API-Key");
        }
    }
}
