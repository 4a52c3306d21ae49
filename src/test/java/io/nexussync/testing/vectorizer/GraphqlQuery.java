package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a GraphQL parser for one query operation: its top-level fields with alias and arguments
 * (literals, lists, input objects, {@code $variables}); sub-selections are skipped, since the emulator answers
 * every field of a type. Fragments, directives and mutations are refused.
 */
final class GraphqlQuery {

    /** A top-level field; {@code args} holds the argument values resolved to JSON. */
    record Field(String alias, String name, ObjectNode args) {
    }

    /** A query the emulator cannot parse or does not support; answered as a GraphQL error. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final JsonNode variables;
    private int pos;

    private GraphqlQuery(String text, JsonNode variables) {
        this.text = text;
        this.variables = variables;
    }

    static List<Field> parse(String query, JsonNode variables) {
        return new GraphqlQuery(query, variables).operation();
    }

    private List<Field> operation() {
        skipIgnored();
        if (peek() != '{') {
            String keyword = name();
            if (!keyword.equals("query")) {
                throw new Invalid("The emulator supports query operations only, not '" + keyword + "'");
            }
            skipIgnored();
            if (Character.isLetter(peek())) {
                name();
            }
            skipIgnored();
            if (peek() == '(') {
                skipBalanced('(', ')');
            }
        }
        skipIgnored();
        expect('{');
        List<Field> fields = new ArrayList<>();
        while (skipIgnored() != '}') {
            if (text.startsWith("...", pos)) {
                throw new Invalid("The emulator does not support fragments");
            }
            String alias = name();
            String name = alias;
            if (skipIgnored() == ':') {
                pos++;
                skipIgnored();
                name = name();
            }
            ObjectNode args = NODES.objectNode();
            if (skipIgnored() == '(') {
                pos++;
                while (skipIgnored() != ')') {
                    String arg = name();
                    skipIgnored();
                    expect(':');
                    args.set(arg, value());
                }
                pos++;
            }
            if (skipIgnored() == '{') {
                skipBalanced('{', '}');
            }
            fields.add(new Field(alias, name, args));
        }
        return fields;
    }

    private JsonNode value() {
        char c = skipIgnored();
        if (c == '$') {
            pos++;
            JsonNode value = variables == null ? null : variables.get(name());
            return value == null ? NODES.nullNode() : value;
        }
        if (c == '"') {
            return NODES.textNode(string());
        }
        if (c == '[') {
            pos++;
            ArrayNode list = NODES.arrayNode();
            while (skipIgnored() != ']') {
                list.add(value());
            }
            pos++;
            return list;
        }
        if (c == '{') {
            pos++;
            ObjectNode object = NODES.objectNode();
            while (skipIgnored() != '}') {
                String key = name();
                skipIgnored();
                expect(':');
                object.set(key, value());
            }
            pos++;
            return object;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            return number.matches("-?\\d+") ? NODES.numberNode(Long.parseLong(number)) : NODES.numberNode(Double.parseDouble(number));
        }
        String word = name();
        return word.equals("true") || word.equals("false") ? NODES.booleanNode(word.equals("true"))
                : word.equals("null") ? NODES.nullNode() : NODES.textNode(word);
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16)); pos += 4; break;
                    default: out.append(escaped);
                }
            } else {
                out.append(c);
            }
        }
        expect('"');
        return out.toString();
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new Invalid("Syntax error at offset " + pos + ": expected a name");
        }
        return text.substring(start, pos);
    }

    private void skipBalanced(char open, char close) {
        int depth = 0;
        do {
            char c = peek();
            if (c == 0) {
                throw new Invalid("Syntax error: unbalanced '" + open + "'");
            }
            if (c == '"') {
                string();
                continue;
            }
            depth += c == open ? 1 : c == close ? -1 : 0;
            pos++;
        } while (depth > 0);
    }

    /** Skips whitespace, commas and comments, and returns the next character (0 at the end). */
    private char skipIgnored() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
                pos++;
            } else {
                break;
            }
        }
        return peek();
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new Invalid("Syntax error at offset " + pos + ": expected '" + c + "'");
        }
        pos++;
    }
}
