package io.adplane.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.databind.JsonNode;

/**
 * One field of an IO, campaign or creative that a change set, in the API's own field names and JSON values;
 * {@code oldValue} is absent when the field had no value, {@code newValue} when it lost its value.
 */
@JsonPropertyOrder({"field", "oldValue", "newValue"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldChange(String field, JsonNode oldValue, JsonNode newValue) {

    /**
     * The fields whose values differ between {@code before} and {@code after} (both in request shape), in the
     * order of {@code before}'s fields, then new ones. Numbers compare by value: 100 and 100.0 are equal.
     */
    public static List<FieldChange> diff(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode a = absentIfNull(before.get(field));
            JsonNode b = absentIfNull(after.get(field));
            if (!same(a, b)) {
                changes.add(new FieldChange(field, a, b));
            }
        }
        return changes;
    }

    /** Equal as IQM compares values: numbers by value, everything else structurally. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    private static JsonNode absentIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
