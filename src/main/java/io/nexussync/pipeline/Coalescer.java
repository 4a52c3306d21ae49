package io.nexussync.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexussync.inbox.InboxEvent;
import io.nexussync.store.SyncState;

/**
 * Reduces claimed events to one change per document: the event accepted last wins, older ones are superseded, and a
 * winner no newer than what the graph already holds is stale (a replay of something overtaken).
 */
public final class Coalescer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Changes to apply, inbox rows that need nothing more than deleting, and rows that cannot be read. */
    public record Result(List<DocumentChange> changes, List<Long> staleIds, List<InboxEvent> unreadable) {
    }

    public Result coalesce(List<InboxEvent> events, Map<String, SyncState> states) {
        Map<String, List<InboxEvent>> byDocument = new LinkedHashMap<>();
        for (InboxEvent event : events) {
            byDocument.computeIfAbsent(event.uid(), k -> new ArrayList<>()).add(event);
        }
        List<DocumentChange> changes = new ArrayList<>();
        List<Long> stale = new ArrayList<>();
        List<InboxEvent> unreadable = new ArrayList<>();
        for (List<InboxEvent> group : byDocument.values()) {
            InboxEvent winner = group.stream()
                    .max(Comparator.comparingLong(InboxEvent::seq).thenComparingLong(InboxEvent::id)).orElseThrow();
            List<Long> superseded = group.stream().map(InboxEvent::id).filter(id -> id != winner.id()).toList();
            SyncState previous = states.get(winner.uid());
            if (previous != null && previous.lastSeq() >= winner.seq()) {
                group.forEach(e -> stale.add(e.id()));
                continue;
            }
            ObjectNode event = parse(winner.eventJson());
            if (event == null) {
                // the inbox only holds validated events; an unreadable one was corrupted and must not block the rest
                unreadable.add(winner);
                stale.addAll(superseded);
                continue;
            }
            changes.add(new DocumentChange(winner.uid(), winner.tenant(), winner.collection(), winner.vectorId(),
                    winner.operation(), winner.eventType(), winner.seq(), winner.attempts(), winner.id(), superseded,
                    event, winner.source(), winner.webhookId(), winner.receivedAt(), previous, null, null));
        }
        return new Result(changes, stale, unreadable);
    }

    private static ObjectNode parse(String json) {
        try {
            return MAPPER.readTree(json) instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
