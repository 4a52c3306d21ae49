package io.nexussync.store;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StateStoreTest {

    @Test
    void should_slice_long_in_lists_and_send_none_for_an_empty_one() {
        assertThat(StateStore.slices(List.of())).isEmpty();
        assertThat(StateStore.slices(List.of(1, 2))).containsExactly(List.of(1, 2));
        List<Integer> many = IntStream.range(0, 1001).boxed().toList();
        assertThat(StateStore.slices(many)).extracting(List::size).containsExactly(500, 500, 1);
    }
}
