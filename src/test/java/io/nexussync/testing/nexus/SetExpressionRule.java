package io.nexussync.testing.nexus;

import io.nexussync.testing.nexus.CypherText.Kind;
import io.nexussync.testing.nexus.CypherText.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks SET right-hand sides against what the Nexus 2.5 write path evaluates (match_exec.rs). */
final class SetExpressionRule {

    static final String UNSUPPORTED = "Unsupported expression type in SET clause";

    private static final Set<String> LITERAL_WORDS = Set.of("TRUE", "FALSE", "NULL");
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of(
            "CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "XOR", "NOT", "IN", "IS", "STARTS", "ENDS",
            "CONTAINS", "EXISTS", "DISTINCT", "ALL", "ANY", "NONE", "SINGLE");
    private static final Set<String> ALLOWED_PUNCTUATION = Set.of(
            ".", "+", "-", "*", "/", "%", "^", "(", ")", "{", "}", ":", ",");

    private SetExpressionRule() {
    }

    /** Returns the violation message for one SET clause body, or null when Nexus can evaluate it. */
    static String violation(List<Token> setBody) {
        for (List<Token> item : items(setBody)) {
            int assignment = assignmentIndex(item);
            String violation = assignment < 0 ? null : valueViolation(item.subList(assignment + 1, item.size()));
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    // A FOREACH body ends the SET at its closing parenthesis, hence the stop on an unmatched closer.
    private static List<List<Token>> items(List<Token> body) {
        List<List<Token>> items = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token token : body) {
            if (token.is("(") || token.is("[") || token.is("{")) {
                depth++;
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && token.is(",")) {
                items.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(token);
        }
        items.add(current);
        return items;
    }

    private static int assignmentIndex(List<Token> item) {
        for (int i = 0; i < item.size(); i++) {
            if (item.get(i).is("=") || item.get(i).is("+=")) {
                return i;
            }
        }
        return -1;
    }

    private static String valueViolation(List<Token> value) {
        for (int i = 0; i < value.size(); i++) {
            Token token = value.get(i);
            Token previous = i > 0 ? value.get(i - 1) : null;
            Token next = i + 1 < value.size() ? value.get(i + 1) : null;
            String violation = switch (token.kind()) {
                case STRING, NUMBER, PARAM -> null;
                case WORD, QUOTED -> nameViolation(token, previous, next);
                case PUNCT -> punctuationViolation(token, previous);
            };
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private static String nameViolation(Token name, Token previous, Token next) {
        if (next != null && next.is("(")) {
            return UNSUPPORTED + ": function call " + name.text() + "() (pass the value as a parameter)";
        }
        if (next != null && next.is("{")) {
            return UNSUPPORTED + ": subquery expression " + name.text() + " { ... }";
        }
        String upper = name.text().toUpperCase(Locale.ROOT);
        boolean keywordPosition = name.kind() == Kind.WORD && (previous == null || !previous.is("."))
                && (next == null || !next.is(":"));
        if (keywordPosition && EXPRESSION_KEYWORDS.contains(upper)) {
            return UNSUPPORTED + ": " + upper + " expression";
        }
        return null;
    }

    private static String punctuationViolation(Token token, Token previous) {
        if (token.is("[")) {
            boolean indexing = previous != null && (previous.kind() != Kind.PUNCT || previous.is(")") || previous.is("]"));
            return indexing
                    ? UNSUPPORTED + ": index or slice access"
                    : UNSUPPORTED + ": list literal (pass lists as parameters, e.g. row.tags)";
        }
        return ALLOWED_PUNCTUATION.contains(token.text()) ? null : UNSUPPORTED + ": operator '" + token.text() + "'";
    }
}
