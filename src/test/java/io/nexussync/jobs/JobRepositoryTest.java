package io.nexussync.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.zaxxer.hikari.HikariDataSource;
import io.nexussync.store.StateStore;
import io.nexussync.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The job table on the migrated schema (H2, or PostgreSQL with -Dnexus-sync.test.db=postgres). */
class JobRepositoryTest {

    private static TestDatabase database;
    private static HikariDataSource dataSource;
    private static JobRepository jobs;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC);

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        if (!database.user().isEmpty()) {
            dataSource.setUsername(database.user());
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jobs = new JobRepository(new StateStore(dataSource), CLOCK);
    }

    @AfterAll
    static void drop() {
        dataSource.close();
        database.close();
    }

    @Test
    void should_record_start_progress_and_finish_of_a_job() {
        long id = jobs.start("default", "legal", Job.SYNC, "cli");

        Job started = jobs.find(id).orElseThrow();
        assertThat(started.state()).isEqualTo(Job.RUNNING);
        assertThat(started.counts()).isEqualTo(JobCounts.ZERO);
        assertThat(started.cursor()).isNull();
        assertThat(started.total()).isNull();
        assertThat(started.finishedAt()).isNull();

        JobCounts counts = new JobCounts(1000, 10, 5, 0, 0, 1);
        jobs.progress(id, "c-1000", counts, 2000L);
        Job running = jobs.find(id).orElseThrow();
        assertThat(running.cursor()).isEqualTo("c-1000");
        assertThat(running.counts()).isEqualTo(counts);
        assertThat(running.total()).isEqualTo(2000L);

        jobs.finish(id, Job.INTERRUPTED, counts.plus(new JobCounts(1, 1, 0, 0, 0, 0)), "x".repeat(3000));
        Job finished = jobs.find(id).orElseThrow();
        assertThat(finished.state()).isEqualTo(Job.INTERRUPTED);
        assertThat(finished.cursor()).as("kept for a resume").isEqualTo("c-1000");
        assertThat(finished.counts().scanned()).isEqualTo(1001);
        assertThat(finished.error()).hasSize(2000);
        assertThat(finished.toJson(CLOCK.millis())).containsEntry("duration_ms", 0L).containsEntry("state",
                "INTERRUPTED").containsEntry("cursor", "c-1000");
    }

    @Test
    void should_offer_only_the_latest_job_of_a_collection_for_resume_unless_it_succeeded() {
        long first = jobs.start("default", "hr", Job.SYNC, "cli");
        jobs.finish(first, Job.FAILED, JobCounts.ZERO, "boom");
        long second = jobs.start("default", "hr", Job.SYNC, "cli");
        jobs.finish(second, Job.INTERRUPTED, JobCounts.ZERO, null);
        jobs.start("default", "hr", Job.RECONCILE, "quartz");
        jobs.start("other", "hr", Job.SYNC, "cli");

        assertThat(jobs.latestUnfinished("default", "hr", Job.SYNC)).map(Job::id).contains(second);

        long third = jobs.start("default", "hr", Job.SYNC, "cli");
        assertThat(jobs.latestUnfinished("default", "hr", Job.SYNC)).map(Job::id).as("still running").contains(third);
        jobs.finish(third, Job.SUCCEEDED, JobCounts.ZERO, null);
        assertThat(jobs.latestUnfinished("default", "hr", Job.SYNC)).isEmpty();
        assertThat(jobs.find(third).orElseThrow().finishedAt()).isEqualTo(CLOCK.millis());
    }

    @Test
    void should_list_recent_jobs_of_a_tenant_newest_first() {
        long a = jobs.start("recent", "a", Job.RECONCILE, "quartz");
        long b = jobs.start("recent", "b", Job.SYNC, "cli");
        jobs.start("someone-else", "a", Job.SYNC, "cli");

        assertThat(jobs.recent("recent", 10)).extracting(Job::id).containsExactly(b, a);
        assertThat(jobs.recent("recent", 1)).extracting(Job::id).containsExactly(b);
    }
}
