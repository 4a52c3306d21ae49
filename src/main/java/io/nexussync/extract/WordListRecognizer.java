package io.nexussync.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom entity type defined by a word list, matched case-insensitively word by word. A hash lookup per word: an
 * alternation regex over the list would try every entry at every position of the text.
 */
final class WordListRecognizer {

    private final String type;
    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

    WordListRecognizer(String type, List<String> phrases) {
        this.type = type;
        for (String phrase : phrases) {
            String[] words = Token.tokenize(phrase, 0, phrase.length()).stream().map(Token::lower)
                    .toArray(String[]::new);
            if (words.length > 0) {
                byFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
            }
        }
        // longest phrase first, so "ISO/IEC 27001" wins over "ISO"
        byFirstWord.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
    }

    List<Mention> find(String text, List<Token> tokens) {
        List<Mention> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<String[]> candidates = byFirstWord.get(tokens.get(i).lower());
            if (candidates == null) {
                continue;
            }
            for (String[] phrase : candidates) {
                if (matchesAt(tokens, i, phrase)) {
                    Token last = tokens.get(i + phrase.length - 1);
                    found.add(new Mention(type, text.substring(tokens.get(i).start(), last.end()),
                            tokens.get(i).start(), last.end(), null, 0.9));
                    i += phrase.length - 1;
                    break;
                }
            }
        }
        return found;
    }

    private static boolean matchesAt(List<Token> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) {
            return false;
        }
        for (int j = 0; j < phrase.length; j++) {
            if (!tokens.get(at + j).lower().equals(phrase[j])) {
                return false;
            }
        }
        return true;
    }
}
