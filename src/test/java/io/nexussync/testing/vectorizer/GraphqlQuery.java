package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough GraphQL for one query operation: its top-level fields with alias, arguments (literals, lists, input
 * objects, {@code $variables}) and the names in their sub-selection, flattened (the emulator's types have no name
 * shared between levels). Fragments, directives and mutations are refused.
 */
final class GraphqlQuery {

    /** A top-level field; {@code selection} flattens the names of its sub-selection (empty: none given). */
    record Field(String alias, String name, ObjectNode args, Set<String> selection) {
    }

    /** A query the emulator cannot parse or does not support; answered as a GraphQL error. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern IGNORED = Pattern.compile("(?:[\\s,\\uFEFF]|#[^\\n]*)*");
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?"
            + "|\\$?[_A-Za-z][_A-Za-z0-9]*|\\.\\.\\.|[{}()\\[\\]:!=@]");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> tokens = new ArrayList<>();
    private final JsonNode variables;
    private int pos;

    private GraphqlQuery(String text, JsonNode variables) {
        this.variables = variables;
        Matcher matcher = TOKEN.matcher(text);
        Matcher ignored = IGNORED.matcher(text);
        for (int at = 0; ignored.region(at, text.length()).lookingAt() && ignored.end() < text.length(); at = matcher.end()) {
            if (!matcher.region(ignored.end(), text.length()).lookingAt()) {
                throw new Invalid("Syntax error at offset " + ignored.end());
            }
            tokens.add(matcher.group());
        }
    }

    static List<Field> parse(String query, JsonNode variables) {
        return new GraphqlQuery(query, variables).operation();
    }

    private List<Field> operation() {
        if (peek().equals("query")) {
            pos++;
            if (peek().matches("[_A-Za-z]\\w*")) {
                pos++;
            }
            if (peek().equals("(")) {
                skipBalanced("(", ")");
            }
        } else if (!peek().equals("{")) {
            throw new Invalid("The emulator supports query operations only, not '" + peek() + "'");
        }
        expect("{");
        List<Field> fields = new ArrayList<>();
        while (!peek().equals("}")) {
            String alias = name();
            String name = alias;
            if (peek().equals(":")) {
                pos++;
                name = name();
            }
            ObjectNode args = peek().equals("(") ? object("(", ")") : NODES.objectNode();
            Set<String> selection = peek().equals("{") ? skipBalanced("{", "}") : Set.of();
            fields.add(new Field(alias, name, args, selection));
        }
        return fields;
    }

    private ObjectNode object(String open, String close) {
        expect(open);
        ObjectNode object = NODES.objectNode();
        while (!peek().equals(close)) {
            String key = name();
            expect(":");
            object.set(key, value());
        }
        pos++;
        return object;
    }

    private JsonNode value() {
        String token = peek();
        if (token.equals("{")) {
            return object("{", "}");
        }
        pos++;
        if (token.equals("[")) {
            ArrayNode list = NODES.arrayNode();
            while (!peek().equals("]")) {
                list.add(value());
            }
            pos++;
            return list;
        }
        if (token.startsWith("$")) {
            JsonNode value = variables == null ? null : variables.get(token.substring(1));
            return value == null ? NODES.nullNode() : value;
        }
        try {
            // GraphQL strings, numbers and true/false/null are spelled as in JSON; other names are enum values
            return token.startsWith("\"") || token.matches("-?\\d.*|true|false|null")
                    ? Json.MAPPER.readTree(token) : NODES.textNode(token);
        } catch (IOException e) {
            throw new Invalid("Invalid literal " + token);
        }
    }

    private String name() {
        String token = peek();
        if (!token.matches("[_A-Za-z]\\w*")) {
            throw new Invalid("Syntax error: expected a name, found '" + token + "'");
        }
        pos++;
        return token;
    }

    /** Skips a bracketed group and answers the names in it. */
    private Set<String> skipBalanced(String open, String close) {
        Set<String> names = new HashSet<>();
        int depth = 0;
        do {
            String token = peek();
            if (token.isEmpty()) {
                throw new Invalid("Syntax error: unbalanced '" + open + "'");
            }
            depth += token.equals(open) ? 1 : token.equals(close) ? -1 : 0;
            if (token.matches("[_A-Za-z]\\w*")) {
                names.add(token);
            }
            pos++;
        } while (depth > 0);
        return names;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private void expect(String token) {
        if (!peek().equals(token)) {
            throw new Invalid("Syntax error: expected '" + token + "', found '" + peek() + "'");
        }
        pos++;
    }
}
