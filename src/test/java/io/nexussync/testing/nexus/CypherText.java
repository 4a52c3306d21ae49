package io.nexussync.testing.nexus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cypher text lexed into tokens without string literals or comments, for the dialect rules. */
final class CypherText {

    enum Kind { WORD, QUOTED, PARAM, NUMBER, STRING, PUNCT }

    /** One lexical token; string literals keep no content, so their text can never match a rule. */
    record Token(Kind kind, String text) {
        boolean is(String value) {
            return (kind == Kind.WORD || kind == Kind.PUNCT) && text.equalsIgnoreCase(value);
        }
    }

    private static final List<String> TWO_CHAR_OPERATORS = List.of("+=", "->", "<-", "<>", "<=", ">=", "=~", "..");
    private static final Set<String> DATA_WRITES = Set.of("MERGE", "CREATE", "SET", "REMOVE", "DELETE", "FOREACH");

    private final List<Token> tokens;
    private final List<Clause> clauses;

    private CypherText(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
        this.clauses = ClauseSplitter.split(this.tokens);
    }

    static CypherText of(String query) {
        return new CypherText(tokenize(query));
    }

    List<Token> tokens() {
        return tokens;
    }

    List<Clause> clauses() {
        return clauses;
    }

    boolean has(String keyword) {
        return clauses.stream().anyMatch(c -> c.keyword().equals(keyword));
    }

    boolean writesData() {
        return clauses.stream().anyMatch(c -> DATA_WRITES.contains(c.keyword()));
    }

    /** Schema commands and procedure calls may write too, so they take the write lock as well. */
    boolean needsWriteLock() {
        return writesData() || has("SCHEMA") || has("CALL") || has("LOAD");
    }

    /** Variables bound in relationship patterns, such as {@code r} in {@code -[r:T]->}. */
    Set<String> relationshipVariables() {
        Set<String> names = new HashSet<>();
        for (int i = 2; i < tokens.size(); i++) {
            Token bracket = tokens.get(i - 1);
            Token arrow = tokens.get(i - 2);
            if (bracket.is("[") && (arrow.is("-") || arrow.is("<-")) && tokens.get(i).kind() == Kind.WORD) {
                names.add(tokens.get(i).text());
            }
        }
        return names;
    }

    static List<Token> tokenize(String query) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (query.startsWith("//", i)) {
                int end = query.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (query.startsWith("/*", i)) {
                int end = query.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(query, i, c);
                out.add(new Token(Kind.STRING, "''"));
            } else if (c == '`') {
                int end = skipQuoted(query, i, c);
                out.add(new Token(Kind.QUOTED, query.substring(i, end)));
                i = end;
            } else if (c == '$') {
                int end = i + 1 < n && query.charAt(i + 1) == '`' ? skipQuoted(query, i + 1, '`') : wordEnd(query, i + 1);
                out.add(new Token(Kind.PARAM, query.substring(i, end)));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = numberEnd(query, i);
                out.add(new Token(Kind.NUMBER, query.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = wordEnd(query, i);
                out.add(new Token(Kind.WORD, query.substring(i, end)));
                i = end;
            } else {
                String op = i + 2 <= n ? query.substring(i, i + 2) : "";
                String text = TWO_CHAR_OPERATORS.contains(op) ? op : String.valueOf(c);
                out.add(new Token(Kind.PUNCT, text));
                i += text.length();
            }
        }
        return out;
    }

    private static int skipQuoted(String query, int start, char quote) {
        int i = start + 1;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote && quote == '`' && i + 1 < query.length() && query.charAt(i + 1) == '`') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return query.length();
    }

    private static int wordEnd(String query, int start) {
        int i = start;
        while (i < query.length() && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static int numberEnd(String query, int start) {
        int i = wordEnd(query, start);
        if (i + 1 < query.length() && query.charAt(i) == '.' && Character.isDigit(query.charAt(i + 1))) {
            i = wordEnd(query, i + 1);
        }
        boolean exponentSign = i > start && (query.charAt(i - 1) == 'e' || query.charAt(i - 1) == 'E')
                && i < query.length() && (query.charAt(i) == '-' || query.charAt(i) == '+');
        return exponentSign ? wordEnd(query, i + 1) : i;
    }
}
