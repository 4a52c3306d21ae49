package io.nexussync.extract;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Operator-defined entity rules: custom types found by regular expression or word list, and aliases that name one
 * entity in several ways ("International Business Machines" is IBM).
 *
 * @param patterns custom type to its regular expressions
 * @param words    custom type to its words or phrases (matched case-insensitively on word boundaries)
 * @param aliases  type to (normalised alias to normalised canonical name)
 */
public record EntityRules(Map<String, List<Pattern>> patterns, Map<String, List<String>> words,
        Map<String, Map<String, String>> aliases) {
}
