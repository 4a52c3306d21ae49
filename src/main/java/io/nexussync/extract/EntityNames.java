package io.nexussync.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalised entity names, the basis of entity keys: lower case, punctuation and spacing folded, honorifics dropped
 * from persons and legal-form suffixes and a leading "the" from organisations, so that "Acme Corp." and
 * "ACME Corporation" both become {@code acme}. Dates normalise to their ISO value.
 */
final class EntityNames {

    private final Set<String> honorifics;
    private final Set<String> suffixes;

    EntityNames(Gazetteers lists) {
        this.honorifics = strip(lists.honorifics());
        this.suffixes = strip(lists.companySuffixes());
    }

    String normalise(String type, String text, String value) {
        if (value != null) {
            return value;
        }
        switch (type) {
            case "EMAIL":
                return text.toLowerCase(Locale.ROOT);
            case "URL":
                return text.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "").replaceAll("/+$", "")
                        .toLowerCase(Locale.ROOT);
            case "MONEY":
                return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            default:
                break;
        }
        List<String> words = new ArrayList<>(Arrays.asList(fold(text).split(" ")));
        words.removeIf(String::isEmpty);
        if (type.equals(NameRecognizer.PERSON)) {
            while (words.size() > 1 && honorifics.contains(words.get(0))) {
                words.remove(0);
            }
        } else if (type.equals(NameRecognizer.ORGANIZATION)) {
            if (words.size() > 1 && words.get(0).equals("the")) {
                words.remove(0);
            }
            while (words.size() > 1 && suffixes.contains(words.get(words.size() - 1))) {
                words.remove(words.size() - 1);
            }
        }
        return String.join(" ", words);
    }

    /** Lower case without accents or punctuation ("&" kept), single spaces. */
    static String fold(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("['’.]", "").replaceAll("[^\\p{L}\\p{N}&]+", " ").strip();
    }

    private static Set<String> strip(Set<String> entries) {
        Set<String> out = new java.util.HashSet<>();
        for (String e : entries) {
            out.add(fold(e));
        }
        return Set.copyOf(out);
    }
}
