package io.nexussync.testing.nexus;

import io.nexussync.testing.nexus.CypherText.Kind;
import io.nexussync.testing.nexus.CypherText.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a token stream into clauses; keywords inside list literals and comprehensions do not count. */
final class ClauseSplitter {

    private static final Set<String> SINGLE_WORD_CLAUSES = Set.of(
            "MATCH", "UNWIND", "WHERE", "MERGE", "SET", "REMOVE", "DELETE", "FOREACH", "RETURN", "CALL", "UNION",
            "LOAD", "USE", "FINISH");
    private static final Set<String> SCHEMA_OBJECTS = Set.of(
            "INDEX", "CONSTRAINT", "OR", "RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE",
            "DATABASE", "COMPOSITE", "ALIAS", "USER", "ROLE");
    private static final Set<String> STATEMENT_COMMANDS = Set.of("BEGIN", "COMMIT", "ROLLBACK", "DROP", "SHOW");

    private record Keyword(String name, int width) {
    }

    private ClauseSplitter() {
    }

    static List<Clause> split(List<Token> tokens) {
        List<Clause> clauses = new ArrayList<>();
        Deque<Boolean> brackets = new ArrayDeque<>();
        int listDepth = 0;
        String keyword = null;
        List<Token> body = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Keyword found = listDepth == 0 ? keywordAt(tokens, i) : null;
            if (found != null) {
                if (keyword != null) {
                    clauses.add(new Clause(keyword, body));
                }
                keyword = found.name();
                body = new ArrayList<>();
                i += found.width() - 1;
                continue;
            }
            Token token = tokens.get(i);
            body.add(token);
            if (token.is("[")) {
                // "-[" and "<-[" open a relationship pattern; any other "[" is a list or comprehension
                boolean list = i == 0 || !(tokens.get(i - 1).is("-") || tokens.get(i - 1).is("<-"));
                brackets.push(list);
                listDepth += list ? 1 : 0;
            } else if (token.is("]") && !brackets.isEmpty()) {
                listDepth -= brackets.pop() ? 1 : 0;
            }
        }
        if (keyword != null) {
            clauses.add(new Clause(keyword, body));
        }
        return clauses;
    }

    private static Keyword keywordAt(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        Token previous = i > 0 ? tokens.get(i - 1) : null;
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        boolean propertyOrLabel = previous != null && (previous.is(".") || previous.is(":"));
        boolean mapKey = next != null && next.is(":");
        if (token.kind() != Kind.WORD || propertyOrLabel || mapKey) {
            return null;
        }
        String word = token.text().toUpperCase(Locale.ROOT);
        String following = next == null ? "" : next.text().toUpperCase(Locale.ROOT);
        boolean statementStart = previous == null || previous.is(";");
        if (SINGLE_WORD_CLAUSES.contains(word)) {
            return new Keyword(word, 1);
        }
        return switch (word) {
            case "WITH" -> previous != null && (previous.is("STARTS") || previous.is("ENDS")) ? null : new Keyword(word, 1);
            case "OPTIONAL" -> following.equals("MATCH") ? new Keyword("OPTIONAL MATCH", 2) : null;
            case "DETACH" -> following.equals("DELETE") ? new Keyword("DELETE", 2) : null;
            case "ON" -> following.equals("CREATE") || following.equals("MATCH") ? new Keyword("ON", 2) : null;
            case "CREATE" -> new Keyword(SCHEMA_OBJECTS.contains(following) ? "SCHEMA" : "CREATE", 1);
            default -> statementStart && STATEMENT_COMMANDS.contains(word) ? new Keyword(commandName(word), 1) : null;
        };
    }

    private static String commandName(String word) {
        return word.equals("DROP") || word.equals("SHOW") ? "SCHEMA" : word;
    }
}
