package io.nexussync.extract;

import java.util.Set;

/**
 * One entity of one document, after the mentions of it have been grouped.
 *
 * @param type       entity type
 * @param normalised the normalised name the key is built from (before tenant-wide resolution)
 * @param name       the fullest surface form in the document
 * @param surfaces   every surface form the document uses for it
 * @param count      number of mentions
 * @param confidence the best mention's confidence
 */
public record ExtractedEntity(String type, String normalised, String name, Set<String> surfaces, int count,
        double confidence) {
}
