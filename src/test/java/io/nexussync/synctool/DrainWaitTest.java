package io.nexussync.synctool;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrainWaitTest {

    /** A clock that moves 1 s every time it is read, so stalls happen without waiting for them. */
    private final AtomicLong now = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.addAndGet(1000));
        }
    };

    @Test
    void should_return_once_nothing_is_pending_and_report_each_count() {
        AtomicLong pending = new AtomicLong(3);
        List<Long> seen = new ArrayList<>();

        boolean drained = new DrainWait(1, 60_000, clock).await(pending::getAndDecrement, () -> false, seen::add);

        assertThat(drained).isTrue();
        assertThat(seen).containsExactly(3L, 2L, 1L, 0L);
    }

    @Test
    void should_stop_when_asked() {
        assertThat(new DrainWait(1, 60_000, clock).await(() -> 5, () -> true, n -> { })).isFalse();
    }

    @Test
    void should_give_up_when_nothing_settles_for_the_stall_timeout() {
        assertThatThrownBy(() -> new DrainWait(1, 5_000, clock).await(() -> 7, () -> false, n -> { }))
                .isInstanceOf(DrainWait.Stalled.class).hasMessageContaining("7 documents not applied after 5 s");
    }

    @Test
    void should_keep_waiting_while_documents_settle_slowly() {
        // one document every 3 "seconds" of a 5 s stall timeout: slow, but moving
        AtomicLong calls = new AtomicLong();
        boolean drained = new DrainWait(1, 5_000, clock).await(() -> Math.max(0, 10 - calls.getAndIncrement() / 2),
                () -> false, n -> { });

        assertThat(drained).isTrue();
    }
}
