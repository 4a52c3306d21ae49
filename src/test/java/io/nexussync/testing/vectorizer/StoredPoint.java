package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A point as the emulator stores it: the vector after normalisation (cosine collections store unit vectors, like
 * the real server) and the payload, which is null once cleared by {@code /batch_update} with {@code "payload":null}.
 * Instances handed out by {@link VectorizerEmulator} are copies.
 */
public record StoredPoint(String id, float[] vector, ObjectNode payload) {

    StoredPoint copy() {
        return new StoredPoint(id, vector.clone(), payload == null ? null : payload.deepCopy());
    }
}
