package io.nexussync.testing;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the route tests: the test environment (emulator, throwaway state store, ports) and a signed webhook sender
 * for the bridge that {@code @CamelMainTest} on the subclass boots once per class.
 */
@ExtendWith(BridgeEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RouteTestSupport {

    protected BridgeEnvironment.Running env;
    protected WebhookSender sender;

    @BeforeAll
    void setUpBridgeClients() {
        env = BridgeEnvironment.current();
        sender = new WebhookSender(env.httpUrl(), BridgeEnvironment.SECRET);
    }

    /** Document nodes of a collection in the emulated Nexus. */
    protected long documents(String collection) {
        return env.nexus().count("MATCH (d:Document {collection: $c}) RETURN count(d)", Map.of("c", collection));
    }

    protected long deadLetters() {
        return env.database().count("SELECT COUNT(*) FROM dead_letter");
    }
}
