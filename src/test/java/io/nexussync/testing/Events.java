package io.nexussync.testing;

import java.util.List;
import java.util.stream.Collectors;

/** Builders for webhook bodies used across route tests. */
public final class Events {

    private Events() {
    }

    public static String inserted(String collection, String vectorId, String title) {
        return "{\"event\":\"VectorInserted\",\"collection\":\"" + collection + "\",\"vector_id\":\"" + vectorId
               + "\",\"payload\":{\"title\":\"" + title + "\",\"doc_type\":\"note\",\"content\":\"Text of " + title
               + "\"}}";
    }

    public static String updated(String collection, String vectorId, String payloadJson) {
        return "{\"event\":\"VectorUpdated\",\"collection\":\"" + collection + "\",\"vector_id\":\"" + vectorId
               + "\",\"payload\":" + payloadJson + "}";
    }

    public static String deleted(String collection, String vectorId) {
        return "{\"event\":\"VectorDeleted\",\"collection\":\"" + collection + "\",\"vector_id\":\"" + vectorId + "\"}";
    }

    public static String envelope(List<String> events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    /** An envelope inserting documents {@code prefix-from .. prefix-(to-1)}. */
    public static String insertRange(String collection, String prefix, int from, int to) {
        return envelope(java.util.stream.IntStream.range(from, to)
                .mapToObj(i -> inserted(collection, prefix + "-" + i, "Doc " + i)).collect(Collectors.toList()));
    }
}
