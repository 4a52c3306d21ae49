package io.nexussync.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word or punctuation mark with its offsets in the document text. */
record Token(String text, int start, int end) {

    /**
     * Dotted abbreviations (U.S., S.A.), words with inner apostrophes, hyphens and ampersands (O'Brien, Jean-Luc,
     * AT&T), or one punctuation character. A trailing possessive 's is left out of the word.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(?:\\p{L}\\.){2,}|[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}]|['’&-](?=[\\p{L}\\p{N}]))*|\\S");

    static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        while (m.find()) {
            int end = m.end();
            String word = m.group();
            if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("’s"))) {
                end -= 2;
                word = word.substring(0, word.length() - 2);
            }
            tokens.add(new Token(word, m.start(), end));
        }
        return tokens;
    }

    boolean isCapitalised() {
        return Character.isUpperCase(text.charAt(0));
    }

    boolean isAllCaps() {
        return text.length() > 1 && text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    boolean isWord() {
        return Character.isLetterOrDigit(text.charAt(0));
    }

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
