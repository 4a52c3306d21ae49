package io.nexussync.similarity;

import io.nexussync.vectorizer.VectorizerException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds one document's neighbours; a Vectorizer failure marks the task failed instead of failing the batch. */
public final class FindNeighboursProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FindNeighboursProcessor.class);

    private final NeighbourFinder finder;

    public FindNeighboursProcessor(NeighbourFinder finder) {
        this.finder = finder;
    }

    @Override
    public void process(Exchange exchange) {
        SimilarityTask task = exchange.getIn().getBody(SimilarityTask.class);
        if (task.failed()) {
            return;
        }
        try {
            exchange.getIn().setBody(task.found(finder.find(task)));
        } catch (VectorizerException e) {
            LOG.debug("Neighbour search for {} failed: {}", task.uid(), e.getMessage());
            exchange.getIn().setBody(task.failedSearch());
        }
    }
}
