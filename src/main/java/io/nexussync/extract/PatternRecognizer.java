package io.nexussync.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An entity type defined by a regular expression: EMAIL, URL, and the custom types of the entity rules. */
final class PatternRecognizer {

    static final PatternRecognizer EMAIL = new PatternRecognizer("EMAIL",
            Pattern.compile("(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b"),
            0.99, "@");
    static final PatternRecognizer URL = new PatternRecognizer("URL",
            Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}]+"), 0.99, "http", "www.");
    /** Sentence punctuation that ends a link's sentence, not the link. */
    private static final String TRAILING = ".,;:!?";

    private final String type;
    private final Pattern pattern;
    private final double confidence;
    /** Texts without any of these cannot match: the regex is not run (most documents have no address or link). */
    private final String[] required;

    PatternRecognizer(String type, Pattern pattern, double confidence, String... required) {
        this.type = type;
        this.pattern = pattern;
        this.confidence = confidence;
        this.required = required;
    }

    List<Mention> find(String text) {
        List<Mention> found = new ArrayList<>();
        if (required.length > 0 && java.util.Arrays.stream(required).noneMatch(text::contains)) {
            return found;
        }
        for (Matcher m = pattern.matcher(text); m.find();) {
            int end = m.end();
            while (end > m.start() + 1 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            found.add(new Mention(type, text.substring(m.start(), end), m.start(), end, null, confidence));
        }
        return found;
    }
}
