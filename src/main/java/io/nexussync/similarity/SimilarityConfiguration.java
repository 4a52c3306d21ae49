package io.nexussync.similarity;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

import io.nexussync.config.SettingsReader;
import io.nexussync.graph.NexusClient;
import io.nexussync.observe.SyncMetrics;
import io.nexussync.store.SyncStateRepository;
import io.nexussync.vectorizer.VectorizerClient;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/** Beans of the similarity stage that follows each written batch. */
public class SimilarityConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public SimilaritySettings similaritySettings(CamelContext context) {
        return SimilaritySettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public NeighbourFinder neighbourFinder(VectorizerClient vectorizer, SimilaritySettings settings) {
        return new NeighbourFinder(vectorizer, settings);
    }

    @BindToRegistry(lazy = true)
    public PlanSimilarityProcessor similarityPlanner(VectorizerClient vectorizer, NeighbourFinder finder,
            SimilaritySettings settings) {
        return new PlanSimilarityProcessor(vectorizer, finder, settings);
    }

    @BindToRegistry(lazy = true)
    public FindNeighboursProcessor neighbourSearch(NeighbourFinder finder) {
        return new FindNeighboursProcessor(finder);
    }

    @BindToRegistry(lazy = true)
    public WriteSimilarityEdgesProcessor similarityEdgeWriter(NexusClient nexus, SyncStateRepository syncStates,
            SyncMetrics metrics, SimilaritySettings settings, Clock clock) {
        return new WriteSimilarityEdgesProcessor(nexus, syncStates, metrics, settings.method(), clock);
    }

    @BindToRegistry(lazy = true)
    public GroupedBodyAggregationStrategy similarityResults() {
        return new GroupedBodyAggregationStrategy();
    }

    /** Bounds the searches in flight against Vectorizer; Camel shuts it down with the context. */
    @BindToRegistry(lazy = true)
    public ExecutorService similaritySearchPool(CamelContext context, SimilaritySettings settings) {
        return context.getExecutorServiceManager().newFixedThreadPool(this, "similarity-search",
                settings.concurrency());
    }

    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("similaritySettings", SimilaritySettings.class);
    }
}
