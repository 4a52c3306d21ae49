package io.nexussync.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.nexussync.http.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureVerifierTest {

    // https://www.standardwebhooks.com/verify — the published test vector
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);

    private WebhookSignatureVerifier verifier(String... secrets) {
        return new WebhookSignatureVerifier(WebhookSettings.secretKeys(List.of(secrets)), 300, clock);
    }

    @Test
    void should_reproduce_the_standard_webhooks_test_vector() {
        byte[] key = WebhookSettings.secretKeys(List.of(SECRET)).get(0);
        assertThat(WebhookSignatureVerifier.sign(key, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void should_accept_the_test_vector() {
        assertThatCode(() -> verifier(SECRET).verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void should_accept_any_matching_signature_among_several_and_any_configured_secret() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThatCode(() -> verifier(other, SECRET)
                .verify(ID, Long.toString(TIMESTAMP), "v1,bm9wZQ== v2,xyz " + SIGNATURE, BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void should_reject_a_tampered_body() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> verifier(SECRET).verify(ID, Long.toString(TIMESTAMP), SIGNATURE, tampered),
                "no webhook-signature matches");
    }

    @Test
    void should_reject_a_signature_made_with_another_id() {
        assertRejected(() -> verifier(SECRET).verify("msg_other", Long.toString(TIMESTAMP), SIGNATURE, BODY),
                "no webhook-signature matches");
    }

    @Test
    void should_reject_stale_and_future_timestamps() {
        WebhookSignatureVerifier v = new WebhookSignatureVerifier(WebhookSettings.secretKeys(List.of(SECRET)), 300,
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 301), ZoneOffset.UTC));
        assertRejected(() -> v.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY), "outside");
        WebhookSignatureVerifier early = new WebhookSignatureVerifier(WebhookSettings.secretKeys(List.of(SECRET)),
                300, Clock.fixed(Instant.ofEpochSecond(TIMESTAMP - 301), ZoneOffset.UTC));
        assertRejected(() -> early.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY), "outside");
    }

    @Test
    void should_reject_missing_headers() {
        WebhookSignatureVerifier v = verifier(SECRET);
        assertRejected(() -> v.verify(null, Long.toString(TIMESTAMP), SIGNATURE, BODY), "webhook-id");
        assertRejected(() -> v.verify(ID, null, SIGNATURE, BODY), "webhook-timestamp");
        assertRejected(() -> v.verify(ID, "yesterday", SIGNATURE, BODY), "webhook-timestamp");
        assertRejected(() -> v.verify(ID, Long.toString(TIMESTAMP), " ", BODY), "webhook-signature");
    }

    @Test
    void should_refuse_everything_without_a_configured_secret() {
        assertRejected(() -> verifier().verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY), "webhook.secrets");
    }

    @Test
    void should_name_a_bad_secret_without_echoing_it() {
        assertThatThrownBy(() -> WebhookSettings.secretKeys(List.of(SECRET, "whsec_not*base64")))
                .hasMessageContaining("webhook.secrets").hasMessageContaining("#2").hasMessageNotContaining("not*base64");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class).hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
    }
}
