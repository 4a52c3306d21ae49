package io.nexussync.jobs;

import java.time.Clock;

import io.nexussync.store.StateStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Beans of the job table shared by reconciliation and the batch sync tool. */
public class JobsConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public JobRepository jobRepository(StateStore store, Clock clock) {
        return new JobRepository(store, clock);
    }
}
