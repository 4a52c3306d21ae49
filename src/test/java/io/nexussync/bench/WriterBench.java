package io.nexussync.bench;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.classify.Classification;
import io.nexussync.graph.DocumentProperties;
import io.nexussync.graph.GraphBatchWriter;
import io.nexussync.graph.GraphSettings;
import io.nexussync.graph.NexusClient;
import io.nexussync.graph.NexusSettings;
import io.nexussync.inbox.Operation;
import io.nexussync.pipeline.DocumentChange;

/** Times the bridge's own graph writer against Nexus with different batch sizes. */
final class WriterBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GraphBatchWriter writer;

    WriterBench(String nexusUrl) {
        NexusSettings settings = new NexusSettings(URI.create(nexusUrl), "", 2000, 30_000, 8, 20, 5, 50, 10, 2, 1000,
                2, 200, 2000);
        this.writer = new GraphBatchWriter(new NexusClient(settings),
                new DocumentProperties(new GraphSettings(Set.of("content", "text"), 1024, 64)), Clock.systemUTC());
    }

    double docsPerSecond(String tag, int documents, int batchSize) {
        List<DocumentChange> all = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            all.add(change(tag, i));
        }
        long start = System.nanoTime();
        for (int from = 0; from < documents; from += batchSize) {
            var outcome = writer.write(all.subList(from, Math.min(documents, from + batchSize)));
            if (!outcome.failed().isEmpty()) {
                throw new IllegalStateException(outcome.failed().get(0).error());
            }
        }
        return documents / ((System.nanoTime() - start) / 1e9);
    }

    private static DocumentChange change(String tag, int i) {
        ObjectNode event = MAPPER.createObjectNode().put("event", "VectorInserted");
        event.putObject("payload").put("title", "Doc " + i).put("doc_type", "note").put("pages", i % 50)
                .put("content", "Body of document " + i);
        return new DocumentChange("default/bench_writer/" + tag + "-" + i, "default", "bench_writer", tag + "-" + i,
                Operation.UPSERT, "VectorInserted", i, 0, i, List.of(), event, "bench", null, 0, null,
                new Classification(List.of(new Classification.DomainScore("general", 1.0))), List.of());
    }
}
