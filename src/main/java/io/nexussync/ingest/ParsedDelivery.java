package io.nexussync.ingest;

import java.util.List;

import io.nexussync.inbox.InboxEntry;

/** A validated webhook delivery: how many events it carried and the per-document inbox entries they expand to. */
public record ParsedDelivery(int eventCount, List<InboxEntry> entries) {
}
