package io.nexussync.proxy;

import io.nexussync.Application;
import io.nexussync.testing.RouteTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code proxy.enabled=false} nothing under /vectorizer is served and Vectorizer is never called. */
@CamelMainTest(mainClass = Application.class, properties = {"proxy.enabled=false"})
class VectorizerProxyDisabledRouteTest extends RouteTestSupport {

    @Test
    void should_not_serve_the_proxy_when_disabled() {
        env.vectorizer().createCollection("px_off", 3);
        ProxyHttp.Answer answer = ProxyHttp.call(env.httpUrl() + "/vectorizer", "POST", "/insert_vectors",
                "{\"collection\":\"px_off\",\"vectors\":[{\"id\":\"v1\",\"embedding\":[1,0,0]}]}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").asText()).isEqualTo("no such endpoint");
        assertThat(env.vectorizer().size("px_off")).isZero();
        assertThat(env.vectorizer().requests().count(null, "/insert_vectors")).isZero();
    }
}
