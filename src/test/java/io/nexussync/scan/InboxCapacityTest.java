package io.nexussync.scan;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.nexussync.inbox.InboxDepth;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboxCapacityTest {

    private final InboxDepth depth = new InboxDepth();
    private final InboxCapacity capacity = new InboxCapacity(depth, 100, 1, 5);

    @Test
    void should_let_a_page_in_at_once_when_it_fits() {
        depth.add(60);
        assertThat(capacity.awaitRoom(40, () -> false)).isTrue();
    }

    @Test
    void should_let_a_page_larger_than_the_limit_into_an_empty_inbox() {
        assertThat(capacity.awaitRoom(1000, () -> false)).isTrue();
    }

    @Test
    void should_wait_until_the_pipeline_has_drained_enough() throws Exception {
        depth.add(90);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> capacity.awaitRoom(20, () -> false));
        await().during(50, TimeUnit.MILLISECONDS).atMost(1, TimeUnit.SECONDS).until(() -> !waiting.isDone());
        depth.remove(10);
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void should_give_up_waiting_when_told_to_stop() throws Exception {
        depth.add(100);
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> capacity.awaitRoom(1, stop::get));
        stop.set(true);
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isFalse();
        assertThat(depth.get()).isEqualTo(100);
    }

    @Test
    void should_count_what_was_added() {
        capacity.added(7);
        assertThat(depth.get()).isEqualTo(7);
    }
}
