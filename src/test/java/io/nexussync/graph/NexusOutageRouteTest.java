package io.nexussync.graph;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexussync.Application;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.Events;
import io.nexussync.testing.WebhookSender;
import io.nexussync.testing.nexus.Outcome;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nexus going away and coming back: nothing is lost, the breaker opens and closes, health shows it. */
@CamelMainTest(mainClass = Application.class, properties = {"nexus.breaker.minimum-calls=2",
    "nexus.breaker.sliding-window-size=4", "batch.max-size=20"})
class NexusOutageRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @BeanInject
    CamelContext context;

    @AfterEach
    void restore() {
        env.nexus().faults().clearFaults();
        if (env.nexus().faults().isDown()) {
            env.nexus().faults().up();
        }
    }

    @Test
    void should_queue_while_nexus_is_down_open_the_circuit_and_drain_when_it_returns() {
        String c = "outage_down";
        env.nexus().faults().down();
        for (int i = 0; i < 5; i++) {
            assertThat(sender.send(Events.insertRange(c, "d" + i, 0, 20)).status()).isEqualTo(202);
        }
        await().atMost(WAIT).until(() -> "OPEN".equals(breakerState()));
        JsonNode nexusCheck = healthCheck("nexus");
        assertThat(nexusCheck.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(nexusCheck.get("message").asText()).startsWith("degraded");
        assertThat(context.getRegistry().lookupByNameAndType("inboxDepth", InboxDepth.class).get())
                .isGreaterThanOrEqualTo(100);
        assertThat(deadLetters()).isZero();

        env.nexus().faults().up();
        await().atMost(WAIT).until(() -> documents(c) == 100);
        await().atMost(WAIT).until(() -> "CLOSED".equals(breakerState()));
        await().atMost(WAIT).until(() -> "UP".equals(healthCheck("nexus").get("status").asText()));
        assertThat(deadLetters()).isZero();
    }

    @Test
    void should_honour_retry_after_of_an_overloaded_nexus() {
        String c = "outage_overload";
        env.nexus().faults().overloadNext(1, 2);
        long start = System.nanoTime();
        sender.send(Events.insertRange(c, "o", 0, 5));
        await().atMost(WAIT).until(() -> documents(c) == 5);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(env.nexus().requests().count(Outcome.FAULTED)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void should_redeliver_over_reset_connections_without_losing_anything() {
        String c = "outage_reset";
        env.nexus().faults().resetConnectionNext(2);
        sender.send(Events.insertRange(c, "r", 0, 10));
        await().atMost(WAIT).until(() -> documents(c) == 10);
        assertThat(deadLetters()).isZero();
    }

    private String breakerState() {
        return context.getProcessor("nexus-circuit-breaker", ResilienceProcessor.class).getCircuitBreakerState();
    }

    private JsonNode healthCheck(String name) {
        JsonNode health = WebhookSender.get(env.managementUrl() + "/observe/health").json();
        for (JsonNode check : health.get("checks")) {
            if (name.equals(check.get("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no health check " + name + " in " + health);
    }
}
