package io.nexussync.inbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import javax.management.ObjectName;

import io.nexussync.Application;
import io.nexussync.testing.Events;
import io.nexussync.testing.RouteTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An instance with inbox.consume=false accepts into the shared inbox and leaves the pipeline to another one. */
@CamelMainTest(mainClass = Application.class, properties = {"inbox.consume=false"})
class NonConsumingInstanceRouteTest extends RouteTestSupport {

    @Test
    void should_accept_webhooks_without_claiming_or_writing_anything() throws Exception {
        assertThat(sender.send(Events.inserted("nc_docs", "a", "A")).status()).isEqualTo(202);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                env.database().count("SELECT COUNT(*) FROM inbox WHERE state = 'PENDING' AND collection = 'nc_docs'")
                == 1);
        assertThat(documents("nc_docs")).isZero();
        Object state = ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(
                "org.apache.camel:context=nexus-sync,type=routes,name=\"inbox-poll\""), "State");
        assertThat(state).isEqualTo("Stopped");
    }
}
