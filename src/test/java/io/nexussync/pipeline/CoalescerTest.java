package io.nexussync.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nexussync.inbox.InboxEvent;
import io.nexussync.inbox.Operation;
import io.nexussync.store.SyncState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescerTest {

    private final Coalescer coalescer = new Coalescer();

    @Test
    void should_keep_the_latest_event_per_document_and_supersede_the_rest() {
        List<InboxEvent> events = List.of(
                event(1, 1, "a", Operation.UPSERT, "{\"event\":\"VectorInserted\"}"),
                event(2, 2, "b", Operation.UPSERT, "{\"event\":\"VectorInserted\"}"),
                event(3, 3, "a", Operation.DELETE, "{\"event\":\"VectorDeleted\"}"));
        Coalescer.Result result = coalescer.coalesce(events, Map.of());
        assertThat(result.changes()).extracting(DocumentChange::vectorId, DocumentChange::operation,
                DocumentChange::inboxId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", Operation.DELETE, 3L),
                        org.assertj.core.groups.Tuple.tuple("b", Operation.UPSERT, 2L));
        assertThat(result.changes().get(0).supersededIds()).containsExactly(1L);
        assertThat(result.staleIds()).isEmpty();
    }

    @Test
    void should_order_a_replayed_event_by_its_original_sequence() {
        List<InboxEvent> events = List.of(
                event(10, 10, "a", Operation.DELETE, "{\"event\":\"VectorDeleted\"}"),
                event(11, 4, "a", Operation.UPSERT, "{\"event\":\"VectorInserted\"}"));
        Coalescer.Result result = coalescer.coalesce(events, Map.of());
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo(Operation.DELETE);
            assertThat(c.supersededIds()).containsExactly(11L);
        });
    }

    @Test
    void should_mark_events_not_newer_than_the_graph_as_stale() {
        SyncState applied = new SyncState("default/docs/a", "default", "docs", "a", 7, null, Set.of(), false, 0);
        List<InboxEvent> events = List.of(event(20, 5, "a", Operation.UPSERT, "{\"event\":\"VectorInserted\"}"),
                event(21, 6, "a", Operation.UPSERT, "{\"event\":\"VectorUpdated\"}"));
        Coalescer.Result result = coalescer.coalesce(events, Map.of("default/docs/a", applied));
        assertThat(result.changes()).isEmpty();
        assertThat(result.staleIds()).containsExactlyInAnyOrder(20L, 21L);
    }

    @Test
    void should_set_aside_an_unreadable_event_without_blocking_others() {
        List<InboxEvent> events = List.of(event(1, 1, "a", Operation.UPSERT, "not json"),
                event(2, 2, "b", Operation.UPSERT, "{\"event\":\"VectorInserted\"}"));
        Coalescer.Result result = coalescer.coalesce(events, Map.of());
        assertThat(result.changes()).extracting(DocumentChange::vectorId).containsExactly("b");
        assertThat(result.unreadable()).extracting(InboxEvent::id).containsExactly(1L);
    }

    static InboxEvent event(long id, long seq, String vectorId, Operation op, String json) {
        return new InboxEvent(id, seq, "default", "docs", vectorId, "default/docs/" + vectorId, op, "VectorInserted",
                json, "webhook", "msg-" + id, 1000 + id, 0);
    }
}
