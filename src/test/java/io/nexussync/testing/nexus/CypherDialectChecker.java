package io.nexussync.testing.nexus;

import io.nexussync.testing.nexus.CypherText.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Rejects Cypher that Nexus 2.5 rejects or silently mishandles, so that bridge bugs fail loudly in tests. */
public final class CypherDialectChecker {

    private static final Set<String> ALLOWED_AFTER_UNWIND = Set.of(
            "MERGE", "CREATE", "MATCH", "SET", "ON", "REMOVE", "FOREACH", "RETURN");
    private static final Set<String> WRITES_WITHOUT_WHERE = Set.of("MERGE", "SET", "REMOVE", "FOREACH");
    private static final Set<String> IGNORED_BY_DELETE_PATH = Set.of("MERGE", "CREATE", "SET", "REMOVE");

    private CypherDialectChecker() {
    }

    /** Returns why Nexus 2.5 would not run {@code query} as written, or empty when it is inside the dialect. */
    public static Optional<String> violation(String query) {
        return Optional.ofNullable(violation(CypherText.of(query)));
    }

    static String violation(CypherText text) {
        Stream<Supplier<String>> rules = Stream.of(
                () -> explicitTransaction(text),
                () -> batchedSubquery(text),
                () -> deleteMixedWithWrites(text),
                () -> relationshipDelete(text),
                () -> unwindShape(text),
                () -> whereInWrite(text),
                () -> setExpressions(text));
        return rules.map(Supplier::get).filter(v -> v != null).findFirst().orElse(null);
    }

    private static String explicitTransaction(CypherText text) {
        boolean explicit = text.has("BEGIN") || text.has("COMMIT") || text.has("ROLLBACK");
        return explicit
                ? "Explicit transactions (BEGIN/COMMIT/ROLLBACK) are not supported: Nexus 2.5 shares one HTTP session"
                        + " between all clients; send each batch as one autocommit statement"
                : null;
    }

    private static String batchedSubquery(CypherText text) {
        List<Token> tokens = text.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i - 1).is("IN") && tokens.get(i).is("TRANSACTIONS")) {
                return "CALL { ... } IN TRANSACTIONS is not supported: it is grammar-only in Nexus 2.5";
            }
        }
        return null;
    }

    private static String deleteMixedWithWrites(CypherText text) {
        boolean mixed = text.has("DELETE") && IGNORED_BY_DELETE_PATH.stream().anyMatch(text::has);
        return mixed
                ? "DELETE cannot be combined with MERGE, CREATE, SET or REMOVE in one statement: Nexus 2.5 runs only"
                        + " the delete and silently ignores the rest"
                : null;
    }

    private static String relationshipDelete(CypherText text) {
        Set<String> relationships = text.relationshipVariables();
        return text.clauses().stream()
                .filter(c -> c.keyword().equals("DELETE"))
                .flatMap(c -> c.body().stream())
                .filter(t -> t.kind() == CypherText.Kind.WORD && relationships.contains(t.text()))
                .findFirst()
                .map(t -> "DELETE of relationship variable '" + t.text() + "' is not supported: Nexus 2.5 answers"
                        + " success and deletes nothing for relationship variables (DETACH DELETE the node instead)")
                .orElse(null);
    }

    private static String unwindShape(CypherText text) {
        List<Clause> clauses = text.clauses();
        int unwind = indexOf(clauses, "UNWIND");
        if (!text.writesData() || unwind < 0) {
            return null;
        }
        for (Clause before : clauses.subList(0, unwind)) {
            if (!before.keyword().equals("MATCH")) {
                return "Unsupported clause before UNWIND in write query: " + before.keyword()
                        + " (only MATCH may precede UNWIND)";
            }
        }
        for (Clause after : clauses.subList(unwind + 1, clauses.size())) {
            if (!ALLOWED_AFTER_UNWIND.contains(after.keyword())) {
                return "Unsupported clause after UNWIND in write query: " + after.keyword();
            }
            if (after.keyword().equals("CREATE") && hasRelationshipPattern(after.body())) {
                return "Unsupported relationship CREATE after UNWIND in write query: use MATCH (a ...), (b ...)"
                        + " MERGE (a)-[r:T]->(b)";
            }
        }
        return null;
    }

    private static String whereInWrite(CypherText text) {
        boolean violates = text.has("WHERE") && WRITES_WITHOUT_WHERE.stream().anyMatch(text::has);
        return violates
                ? "Unsupported clause in write query: WHERE (match by property maps, e.g."
                        + " MATCH (d:Document {uid: row.uid}))"
                : null;
    }

    private static String setExpressions(CypherText text) {
        return text.clauses().stream()
                .filter(c -> c.keyword().equals("SET"))
                .map(c -> SetExpressionRule.violation(c.body()))
                .filter(v -> v != null)
                .findFirst()
                .orElse(null);
    }

    private static int indexOf(List<Clause> clauses, String keyword) {
        for (int i = 0; i < clauses.size(); i++) {
            if (clauses.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasRelationshipPattern(List<Token> body) {
        for (int i = 0; i < body.size(); i++) {
            Token token = body.get(i);
            boolean arrow = token.is("->") || token.is("<-");
            boolean dash = token.is("-") && ((i > 0 && (body.get(i - 1).is(")") || body.get(i - 1).is("]")))
                    || (i + 1 < body.size() && body.get(i + 1).is("[")));
            if (arrow || dash) {
                return true;
            }
        }
        return false;
    }
}
