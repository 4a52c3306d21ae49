package io.nexussync.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.nexussync.http.ApiException;

/**
 * Verifies Standard Webhooks signatures (HMAC-SHA256 over {@code id.timestamp.body}) against every configured secret,
 * so secrets can be rotated without downtime.
 */
public final class WebhookSignatureVerifier {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_ID_LENGTH = 256;

    private final List<byte[]> keys;
    private final long toleranceSeconds;
    private final Clock clock;

    public WebhookSignatureVerifier(List<byte[]> keys, long toleranceSeconds, Clock clock) {
        this.keys = List.copyOf(keys);
        this.toleranceSeconds = toleranceSeconds;
        this.clock = clock;
    }

    /** Throws a 401 {@link ApiException} unless one signature matches one secret within the timestamp tolerance. */
    public void verify(String id, String timestamp, String signatureHeader, byte[] body) {
        if (keys.isEmpty()) {
            throw ApiException.unauthorized("webhooks are refused until webhook.secrets is set");
        }
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw ApiException.unauthorized("missing or invalid webhook-id header");
        }
        long ts = parseTimestamp(timestamp);
        if (Math.abs(clock.instant().getEpochSecond() - ts) > toleranceSeconds) {
            throw ApiException.unauthorized("webhook-timestamp is outside the " + toleranceSeconds + " s tolerance");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw ApiException.unauthorized("missing webhook-signature header");
        }
        for (byte[] key : keys) {
            byte[] expected = hmac(key, id, ts, body);
            for (String candidate : signatureHeader.trim().split(" +")) {
                if (matches(candidate, expected)) {
                    return;
                }
            }
        }
        throw ApiException.unauthorized("no webhook-signature matches");
    }

    /** The {@code v1,<base64>} signature a sender puts in the webhook-signature header. */
    public static String sign(byte[] key, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, id, timestamp, body));
    }

    // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#signature-scheme
    static byte[] hmac(byte[] key, String id, long timestamp, byte[] body) {
        try {
            // a new Mac per call: HTTP consumers verify concurrently and Mac is not thread-safe
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean matches(String candidate, byte[] expected) {
        if (!candidate.startsWith("v1,")) {
            return false;
        }
        try {
            return MessageDigest.isEqual(Base64.getDecoder().decode(candidate.substring(3)), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long parseTimestamp(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            throw ApiException.unauthorized("missing or invalid webhook-timestamp header");
        }
        return Long.parseLong(timestamp);
    }
}
