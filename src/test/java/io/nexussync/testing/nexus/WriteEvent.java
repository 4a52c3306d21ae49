package io.nexussync.testing.nexus;

import java.util.Map;

/** A write query that committed, with the {@link System#nanoTime()} at which its data became visible. */
public record WriteEvent(String query, Map<String, Object> parameters, long committedAtNanos) {
}
