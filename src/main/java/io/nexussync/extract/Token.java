package io.nexussync.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A word or punctuation mark with its offsets in the document text, and its lower-case form. */
record Token(String text, int start, int end, String lower) {

    /**
     * Dotted abbreviations (U.S., S.A.), words with inner apostrophes, hyphens and ampersands (O'Brien, Jean-Luc,
     * AT&T), or one punctuation character. A trailing possessive 's is left out of the word. A hand-written scanner:
     * the equivalent regex made tokenising the largest single cost of extraction.
     */
    static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (!Character.isLetterOrDigit(c)) {
                add(tokens, text, start, i + 1);
                i++;
                continue;
            }
            int abbreviation = abbreviationEnd(text, i, to);
            if (abbreviation > 0) {
                add(tokens, text, start, abbreviation);
                i = abbreviation;
                continue;
            }
            i++;
            while (i < to) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i++;
                } else if ((d == '\'' || d == '’' || d == '&' || d == '-') && i + 1 < to
                           && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i += 2;
                } else {
                    break;
                }
            }
            int end = i;
            if (end - start > 2 && text.charAt(end - 1) == 's'
                && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '’')) {
                end -= 2;
            }
            add(tokens, text, start, end);
        }
        return tokens;
    }

    /** The end of "U.S." or "S.A." (at least two letter-dot pairs) starting at {@code i}, or -1. */
    private static int abbreviationEnd(String text, int i, int to) {
        int j = i;
        int pairs = 0;
        while (j + 1 < to && Character.isLetter(text.charAt(j)) && text.charAt(j + 1) == '.') {
            j += 2;
            pairs++;
        }
        return pairs >= 2 ? j : -1;
    }

    private static void add(List<Token> tokens, String text, int start, int end) {
        String word = text.substring(start, end);
        tokens.add(new Token(word, start, end, word.toLowerCase(Locale.ROOT)));
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
}
