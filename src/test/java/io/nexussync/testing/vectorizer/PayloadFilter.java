package io.nexussync.testing.vectorizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The subset of Qdrant filters the emulator evaluates on payloads: {@code must}, {@code should} and
 * {@code must_not} lists of {@code {"key","match":{"value"|"any"}}} conditions (dotted keys reach into nested
 * objects). Other conditions are refused with 400 rather than silently matching nothing.
 */
final class PayloadFilter {

    private final List<Predicate<JsonNode>> must;
    private final List<Predicate<JsonNode>> should;
    private final List<Predicate<JsonNode>> mustNot;

    private PayloadFilter(JsonNode filter) {
        must = conditions(filter.get("must"));
        should = conditions(filter.get("should"));
        mustNot = conditions(filter.get("must_not"));
    }

    /** Parses a filter; an empty one is a 400, as the server refuses to wipe a collection by accident. */
    static PayloadFilter parse(JsonNode filter) {
        PayloadFilter parsed = new PayloadFilter(filter);
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

    private static List<Predicate<JsonNode>> conditions(JsonNode list) {
        List<Predicate<JsonNode>> conditions = new ArrayList<>();
        for (JsonNode condition : list == null ? List.<JsonNode>of() : list) {
            JsonNode match = condition.path("match");
            if (!condition.path("key").isTextual() || !(match.has("value") || match.path("any").isArray())) {
                throw ApiError.of(400, "parse_error", "The emulator supports {key, match:{value|any}} conditions only: " + condition);
            }
            String pointer = "/" + condition.get("key").asText().replace(".", "/");
            List<JsonNode> accepted = new ArrayList<>();
            (match.has("value") ? List.of(match.get("value")) : match.get("any")).forEach(accepted::add);
            conditions.add(payload -> accepted.stream().anyMatch(v -> same(payload.at(pointer), v)));
        }
        return conditions;
    }

    /** 1 and 1.0 are the same number, as in serde_json's comparison of f64 values. */
    private static boolean same(JsonNode actual, JsonNode expected) {
        return actual.isNumber() && expected.isNumber() ? actual.decimalValue().compareTo(expected.decimalValue()) == 0
                : actual.equals(expected);
    }
}
