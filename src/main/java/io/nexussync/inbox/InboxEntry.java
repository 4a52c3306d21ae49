package io.nexussync.inbox;

/** One per-document change ready to be stored in the inbox; {@code eventJson} is the validated event it came from. */
public record InboxEntry(String tenant, String collection, String vectorId, Operation operation, String eventType,
        String eventJson) {

    /** The source of entries recorded by the write-through proxy; hydration treats their deletes specially. */
    public static final String PROXY_SOURCE = "proxy";

    public String uid() {
        return DocumentUid.of(tenant, collection, vectorId);
    }
}
