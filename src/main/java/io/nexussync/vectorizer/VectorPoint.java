package io.nexussync.vectorizer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One stored vector as Vectorizer returns it: its id, its (normalised) vector, or null when not asked, and payload. */
public record VectorPoint(String id, ArrayNode vector, ObjectNode payload) {
}
