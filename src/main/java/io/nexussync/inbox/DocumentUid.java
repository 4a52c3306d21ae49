package io.nexussync.inbox;

/** The stable document key used in the inbox, the sync state and the graph: {@code tenant/collection/vector_id}. */
public final class DocumentUid {

    private DocumentUid() {
    }

    public static String of(String tenant, String collection, String vectorId) {
        return tenant + "/" + collection + "/" + vectorId;
    }
}
