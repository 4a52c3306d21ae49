package io.nexussync.graph;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the indexes the MERGEs rely on. Runs from a timer until Nexus has accepted all of them, so a bridge that
 * starts before Nexus still gets its indexes.
 */
public final class GraphSchema implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(GraphSchema.class);
    static final List<String> INDEXES = List.of(
            "CREATE INDEX document_uid IF NOT EXISTS FOR (n:Document) ON (n.uid)",
            "CREATE INDEX domain_key IF NOT EXISTS FOR (n:Domain) ON (n.key)",
            "CREATE INDEX entity_key IF NOT EXISTS FOR (n:Entity) ON (n.key)");

    private final NexusClient client;
    private volatile boolean ensured;

    public GraphSchema(NexusClient client) {
        this.client = client;
    }

    @Override
    public void process(Exchange exchange) {
        if (ensured) {
            return;
        }
        try {
            for (String index : INDEXES) {
                client.execute(new CypherStatement("create-index", index, Map.of()));
            }
            ensured = true;
            LOG.info("Nexus indexes are in place");
        } catch (NexusException e) {
            LOG.warn("Cannot create Nexus indexes yet: {}", e.getMessage());
        }
    }

    public boolean isEnsured() {
        return ensured;
    }
}
