package io.nexussync.store;

import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class DurableCommitsTest {

    @Test
    void should_flush_only_h2_databases_on_disk() {
        assertThat(DurableCommits.needsFlush("jdbc:h2:file:./data/x")).isTrue();
        assertThat(DurableCommits.needsFlush("jdbc:h2:./data/x")).isTrue();
        assertThat(DurableCommits.needsFlush("jdbc:h2:mem:x")).isFalse();
        assertThat(DurableCommits.needsFlush("jdbc:postgresql://h/db")).isFalse();
    }

    @Test
    void should_checkpoint_an_h2_file_database_from_many_threads() throws Exception {
        Path dir = Files.createTempDirectory("durable");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db"));
        DurableCommits commits = new DurableCommits(new StateStore(ds), true);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int n = 0; n < 50; n++) {
                    commits.await();
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThatCode(commits::await).doesNotThrowAnyException();
    }
}
