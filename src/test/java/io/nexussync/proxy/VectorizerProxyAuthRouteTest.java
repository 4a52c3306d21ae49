package io.nexussync.proxy;

import java.util.Map;

import io.nexussync.Application;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.vectorizer.VectorizerEmulator;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy forwards the client's own credentials (X-API-Key, raw Authorization, ?api_key=) and never adds the
 * bridge's: against an emulator that demands the very key the bridge holds, a client without one is refused.
 */
@ExtendWith(VectorizerProxyAuthRouteTest.KeyedVectorizer.class)
@CamelMainTest(mainClass = Application.class)
class VectorizerProxyAuthRouteTest extends RouteTestSupport {

    static final String KEY = "vectorizer-key-0123456789";

    /** Points the bridge at an emulator that requires {@link #KEY}, which is also the bridge's own key. */
    static final class KeyedVectorizer implements BeforeAllCallback, AfterAllCallback {

        static VectorizerEmulator emulator;

        @Override
        public void beforeAll(ExtensionContext context) {
            emulator = VectorizerEmulator.start(KEY);
            System.setProperty("vectorizer.url", emulator.url());
            System.setProperty("vectorizer.api-key", KEY);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            System.clearProperty("vectorizer.api-key");
            emulator.close();
        }
    }

    @Test
    void should_forward_the_clients_credentials_and_never_add_the_bridges() {
        KeyedVectorizer.emulator.createCollection("px_auth", 3);
        KeyedVectorizer.emulator.put("px_auth", "a", new float[]{1, 0, 0}, Map.of("title", "A"));
        String body = "{\"ids\":[\"a\"],\"with_payload\":true}";
        String path = "/qdrant/collections/px_auth/points";

        ProxyHttp.Answer refused = proxied(path, body);
        ProxyHttp.Answer refusedDirect = ProxyHttp.call(KeyedVectorizer.emulator.url(), "POST", path, body);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(refusedDirect.body());
        assertThat(proxied(path, body, "X-API-Key", "wrong-key").status()).isEqualTo(401);

        assertThat(proxied(path, body, "X-API-Key", KEY).status()).isEqualTo(200);
        assertThat(proxied(path, body, "Authorization", KEY).status()).isEqualTo(200);
        ProxyHttp.Answer byQuery = ProxyHttp.call(env.httpUrl() + "/vectorizer", "POST", path + "?api_key=" + KEY,
                body);
        assertThat(byQuery.status()).isEqualTo(200);
        assertThat(byQuery.json().path("result").get(0).path("payload").path("title").asText()).isEqualTo("A");
        // credentials are request headers: never echoed back
        assertThat(proxied(path, body, "X-API-Key", KEY).header("X-API-Key")).isNull();
    }

    private ProxyHttp.Answer proxied(String path, String body, String... headers) {
        return ProxyHttp.call(env.httpUrl() + "/vectorizer", "POST", path, body, headers);
    }
}
