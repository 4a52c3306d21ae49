package io.nexussync.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.nexussync.testing.nexus.NexusEmulator;
import io.nexussync.testing.vectorizer.VectorizerEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares what a route test's bridge needs before {@code @CamelMainTest} boots it: free ports, the shared Nexus
 * emulator, a throwaway state store and fast timings, passed as system properties (which Camel Main applies over
 * application.properties). Static per-class tweaks go in {@code @CamelMainTest(properties = ...)}.
 */
public final class BridgeEnvironment implements BeforeAllCallback, AfterAllCallback {

    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    private static volatile Running current;

    /** The environment of the test class now running. */
    public record Running(int httpPort, int managementPort, TestDatabase database, NexusEmulator nexus,
            VectorizerEmulator vectorizer, Map<String, String> properties) {

        public String httpUrl() {
            return "http://127.0.0.1:" + httpPort;
        }

        public String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }
    }

    public static Running current() {
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        NexusEmulator nexus = NexusEmulator.shared();
        VectorizerEmulator vectorizer = VectorizerEmulator.shared();
        vectorizer.reset();
        TestDatabase database = TestDatabase.create();
        Map<String, String> props = properties(FreePorts.next(), FreePorts.next(), nexus.url(), database);
        props.put("vectorizer.url", vectorizer.url());
        props.forEach(System::setProperty);
        current = new Running(Integer.parseInt(props.get("camel.server.port")),
                Integer.parseInt(props.get("camel.management.port")), database, nexus, vectorizer, props);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running running = current;
        current = null;
        if (running != null) {
            running.properties().keySet().forEach(System::clearProperty);
            running.nexus().faults().clearFaults();
            running.vectorizer().reset();
            if (running.nexus().faults().isDown()) {
                running.nexus().faults().up();
            }
            running.database().close();
        }
    }

    /** The properties of a bridge under test; also used to start one in a separate JVM. */
    public static Map<String, String> properties(int httpPort, int managementPort, String nexusUrl,
            TestDatabase database) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", Integer.toString(httpPort));
        p.put("camel.management.port", Integer.toString(managementPort));
        p.put("camel.server.host", "127.0.0.1");
        p.put("camel.management.host", "127.0.0.1");
        p.put("nexus.url", nexusUrl);
        p.put("sync.db.url", database.url());
        p.put("sync.db.user", database.user());
        p.put("webhook.secrets", SECRET);
        p.put("admin.api-key", ADMIN_KEY);
        p.put("batch.timeout-ms", "50");
        p.put("inbox.poll-interval-ms", "20");
        p.put("sync.retry.initial-delay-ms", "50");
        p.put("sync.retry.max-delay-ms", "400");
        p.put("nexus.breaker.wait-seconds", "1");
        p.put("nexus.redelivery.delay-ms", "20");
        p.put("nexus.redelivery.max-delay-ms", "100");
        p.put("nexus.schema-retry-ms", "500");
        p.put("nexus.request-timeout-ms", "5000");
        p.put("vectorizer.request-timeout-ms", "5000");
        p.put("vectorizer.retry.max-wait-ms", "2000");
        return p;
    }
}
