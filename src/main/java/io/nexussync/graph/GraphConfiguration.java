package io.nexussync.graph;

import java.time.Clock;

import io.nexussync.config.Resources;
import io.nexussync.config.SettingsReader;
import io.nexussync.pipeline.BatchLedger;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of the Nexus writer. */
public class GraphConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public NexusSettings nexusSettings(CamelContext context) {
        return NexusSettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public GraphSettings graphSettings(CamelContext context) {
        return GraphSettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public NexusClient nexusClient(CamelContext context, NexusSettings settings) {
        return Resources.closeOnStop(context, new NexusClient(settings));
    }

    @BindToRegistry(lazy = true)
    public NexusGate nexusGate(NexusSettings settings, Clock clock) {
        return new NexusGate(settings.breakerWaitSeconds() * 1000L, clock);
    }

    @BindToRegistry(lazy = true)
    public WriteGraphBatchProcessor graphBatchWriter(NexusClient client, GraphSettings settings, NexusGate gate,
            Clock clock) {
        return new WriteGraphBatchProcessor(new GraphBatchWriter(client, new DocumentProperties(settings), clock),
                gate);
    }

    @BindToRegistry(lazy = true)
    public DeferBatchProcessor batchDeferral(BatchLedger ledger, NexusGate gate, NexusSettings settings) {
        return new DeferBatchProcessor(ledger, gate, settings.breakerWaitSeconds() * 1000L);
    }

    @BindToRegistry(lazy = true)
    public GraphSchema graphSchema(NexusClient client) {
        return new GraphSchema(client);
    }

    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("nexusSettings", NexusSettings.class);
        context.getRegistry().lookupByNameAndType("graphSettings", GraphSettings.class);
    }
}
