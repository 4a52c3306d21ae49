package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The subset of Qdrant filters the emulator evaluates on payloads: {@code must}, {@code should} and
 * {@code must_not} of {@code {"key","match":{"value"|"any"|"except"}}} conditions (dotted keys reach into nested
 * objects) and nested filters. Other conditions are refused with 400 rather than silently matching nothing.
 */
final class PayloadFilter {

    private final List<Predicate<JsonNode>> must = new ArrayList<>();
    private final List<Predicate<JsonNode>> should = new ArrayList<>();
    private final List<Predicate<JsonNode>> mustNot = new ArrayList<>();

    /** Parses a filter; an empty one is a 400, as the server refuses to wipe a collection by accident. */
    static PayloadFilter parse(JsonNode filter) {
        if (!filter.isObject()) {
            throw ApiError.parse("filter", "expected a filter object");
        }
        PayloadFilter parsed = new PayloadFilter();
        conditions(filter.get("must"), parsed.must);
        conditions(filter.get("should"), parsed.should);
        conditions(filter.get("must_not"), parsed.mustNot);
        if (parsed.must.isEmpty() && parsed.should.isEmpty() && parsed.mustNot.isEmpty()) {
            throw ApiError.validation("filter", "filter has no conditions; provide at least one must/should/must_not"
                    + " condition to prevent accidental wipes");
        }
        return parsed;
    }

    boolean matches(JsonNode payload) {
        return must.stream().allMatch(c -> c.test(payload))
                && (should.isEmpty() || should.stream().anyMatch(c -> c.test(payload)))
                && mustNot.stream().noneMatch(c -> c.test(payload));
    }

    private static void conditions(JsonNode list, List<Predicate<JsonNode>> into) {
        if (list == null || list.isNull()) {
            return;
        }
        for (JsonNode condition : list.isArray() ? list : List.of(list)) {
            into.add(condition(condition));
        }
    }

    private static Predicate<JsonNode> condition(JsonNode condition) {
        if (condition.has("must") || condition.has("should") || condition.has("must_not")) {
            return parse(condition)::matches;
        }
        JsonNode match = condition.path("match");
        if (!condition.path("key").isTextual() || !match.isObject()) {
            throw ApiError.parse("filter", "the emulator supports only {key, match} conditions: " + condition);
        }
        String[] path = condition.get("key").asText().split("\\.");
        if (match.has("value")) {
            return payload -> same(field(payload, path), match.get("value"));
        }
        if (match.path("any").isArray()) {
            return payload -> contains(match.get("any"), field(payload, path));
        }
        if (match.path("except").isArray()) {
            return payload -> !field(payload, path).isMissingNode() && !contains(match.get("except"), field(payload, path));
        }
        throw ApiError.parse("filter", "unsupported match: " + match);
    }

    private static JsonNode field(JsonNode payload, String[] path) {
        JsonNode node = payload;
        for (String part : path) {
            node = node.path(part);
        }
        return node;
    }

    private static boolean contains(JsonNode candidates, JsonNode value) {
        for (JsonNode candidate : candidates) {
            if (same(value, candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Equality where 1 and 1.0 are the same number; a list payload value matches when any element does. */
    private static boolean same(JsonNode actual, JsonNode expected) {
        if (actual.isArray()) {
            for (JsonNode element : actual) {
                if (same(element, expected)) {
                    return true;
                }
            }
            return false;
        }
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }
}
