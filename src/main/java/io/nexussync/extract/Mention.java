package io.nexussync.extract;

/**
 * One occurrence of an entity in a document's text.
 *
 * @param type       PERSON, ORGANIZATION, LOCATION, DATE, EMAIL, URL, MONEY or a custom type
 * @param text       the surface text as written
 * @param start      offset of the first character in the text
 * @param end        offset after the last character
 * @param value      the normalised value where the type has one (ISO-8601 for a DATE), else null
 * @param confidence how sure the recogniser is, 0..1
 */
public record Mention(String type, String text, int start, int end, String value, double confidence) {

    public boolean overlaps(Mention other) {
        return start < other.end && other.start < end;
    }

    public int length() {
        return end - start;
    }
}
