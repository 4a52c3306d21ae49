package io.nexussync.extract;

/** An entity a document mentions, resolved to its tenant-wide key: one MENTIONS edge. */
public record DocumentEntity(String key, String type, String name, int count, double confidence) {
}
