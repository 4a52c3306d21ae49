package io.nexussync.graph;

import java.util.List;

import io.nexussync.pipeline.DocumentChange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Writes the batch in the body to Nexus and replaces it with the batch's outcome. */
public final class WriteGraphBatchProcessor implements Processor {

    private final GraphBatchWriter writer;
    private final NexusGate gate;

    public WriteGraphBatchProcessor(GraphBatchWriter writer, NexusGate gate) {
        this.writer = writer;
        this.gate = gate;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        BatchOutcome outcome = writer.write(exchange.getIn().getBody(List.class));
        gate.succeeded();
        exchange.getIn().setBody(outcome);
    }

    /** The batch an exchange carries, typed. */
    @SuppressWarnings("unchecked")
    public static List<DocumentChange> batchOf(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }
}
