package io.nexussync.observe;

import java.lang.management.ManagementFactory;
import java.time.Duration;


import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexussync.Application;
import io.nexussync.testing.RouteTestSupport;
import io.nexussync.testing.Events;
import io.nexussync.testing.WebhookSender;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees and controls: JMX route control, health checks and Prometheus metrics. */
@CamelMainTest(mainClass = Application.class, useJmx = true)
class OperationsRouteTest extends RouteTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void should_stop_and_start_a_route_over_jmx_while_events_keep_being_accepted() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName poller = new ObjectName("org.apache.camel:context=nexus-sync,type=routes,name=\"inbox-poll\"");
        jmx.invoke(poller, "stop", null, null);
        assertThat(jmx.getAttribute(poller, "State")).isEqualTo("Stopped");

        assertThat(sender.send(Events.inserted("ops_jmx", "j1", "queued")).status()).isEqualTo(202);
        assertThat(env.database().count("SELECT COUNT(*) FROM inbox WHERE collection = 'ops_jmx'")).isEqualTo(1);

        jmx.invoke(poller, "start", null, null);
        assertThat(jmx.getAttribute(poller, "State")).isEqualTo("Started");
        await().atMost(WAIT).until(() -> env.nexus().count(
                "MATCH (d:Document {collection: 'ops_jmx'}) RETURN count(d)") == 1);
    }

    @Test
    void should_report_database_inbox_and_nexus_health() {
        WebhookSender.Reply health = WebhookSender.get(env.managementUrl() + "/observe/health?data=true");
        assertThat(health.status()).isEqualTo(200);
        assertThat(check(health.json(), "database").get("status").asText()).isEqualTo("UP");
        assertThat(check(health.json(), "inbox").get("data").has("inbox.depth")).isTrue();
        await().atMost(WAIT).until(() -> "UP".equals(check(WebhookSender.get(env.managementUrl()
                + "/observe/health?data=true").json(), "nexus").get("status").asText()));
        JsonNode nexus = check(WebhookSender.get(env.managementUrl() + "/observe/health?data=true").json(), "nexus");
        assertThat(nexus.get("data").get("circuit.state").asText()).isEqualTo("CLOSED");
        assertThat(WebhookSender.get(env.managementUrl() + "/observe/health/ready").status()).isEqualTo(200);
        assertThat(WebhookSender.get(env.managementUrl() + "/observe/health/live").status()).isEqualTo(200);
    }

    @Test
    void should_expose_sync_metrics_in_prometheus_format() {
        sender.send(Events.inserted("ops_metrics", "m1", "measured"));
        await().atMost(WAIT).until(() -> metrics().contains(
                "vectorizer_nexus_sync_total{collection=\"ops_metrics\",status=\"applied\"} 1.0"));
        String text = metrics();
        assertThat(text).contains("vectorizer_nexus_queue_depth", "vectorizer_nexus_dlq_size",
                "vectorizer_nexus_batch_size_count", "vectorizer_nexus_webhook_latency_seconds",
                "vectorizer_nexus_sync_duration_seconds_count{collection=\"ops_metrics\"}",
                "resilience4j_circuitbreaker_state{name=\"nexus-circuit-breaker\",state=\"closed\"} 1.0",
                "camel_exchanges_total");
    }

    private String metrics() {
        return WebhookSender.get(env.managementUrl() + "/observe/metrics").body();
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.get("checks")) {
            if (name.equals(c.get("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + ": " + health);
    }
}
