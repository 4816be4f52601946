package io.adplane.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The success answers' schemas, derived from one representative answer per operation in
 * {@code openapi/answers.json}. The controllers answer maps built by hand with IQM's field names, so the
 * types alone would only say "an object"; the representative answer names every field and its JSON type.
 *
 * <p>Each entry, keyed {@code "METHOD /path/template"}, holds {@code answer} (the example; objects become
 * properties, arrays items merged over their elements, integral numbers integer, fractional ones number,
 * {@code null} any type) and optionally {@code otherAnswers} (named alternatives, documented with
 * {@code anyOf}), and three lists of field paths ({@code data.list[].field}; a map's values are
 * {@code data.map{}}) for what one answer cannot show: {@code nullable} (the type, or null), {@code maps}
 * (objects keyed by dynamic names: their values become {@code additionalProperties}) and {@code asSent}
 * (values kept as the client sent them: any type).
 */
final class AnswerSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESOURCE = "/openapi/answers.json";

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(Schema<?> schema, Map<String, Object> examples) {
    }

    /** Field-path hints of one entry; each must be used, so a misspelt path fails at startup. */
    private static final class Hints {
        final Set<String> nullable;
        final Set<String> maps;
        final Set<String> asSent;
        final Set<String> used = new HashSet<>();

        Hints(JsonNode entry) {
            nullable = strings(entry.get("nullable"));
            maps = strings(entry.get("maps"));
            asSent = strings(entry.get("asSent"));
        }

        boolean has(Set<String> set, String path) {
            if (set.contains(path)) {
                used.add(path);
                return true;
            }
            return false;
        }

        Set<String> unused() {
            Set<String> all = new TreeSet<>(nullable);
            all.addAll(maps);
            all.addAll(asSent);
            all.removeAll(used);
            return all;
        }

        private static Set<String> strings(JsonNode list) {
            Set<String> out = new LinkedHashSet<>();
            if (list != null) {
                list.values().forEach(v -> out.add(v.asString()));
            }
            return out;
        }
    }

    static AnswerSchemas load() {
        try (InputStream in = AnswerSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new AnswerSchemas(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AnswerSchemas(JsonNode document) {
        for (Map.Entry<String, JsonNode> e : document.properties()) {
            JsonNode entry = e.getValue();
            Hints hints = new Hints(entry);
            Map<String, Object> examples = new LinkedHashMap<>();
            examples.put("answer", JSON.treeToValue(entry.required("answer"), Object.class));
            Schema<?> schema = derive(entry.get("answer"), "", hints);
            JsonNode others = entry.get("otherAnswers");
            if (others != null) {
                Schema<?> anyOf = new JsonSchema().addAnyOfItem(schema);
                for (Map.Entry<String, JsonNode> other : others.properties()) {
                    anyOf.addAnyOfItem(derive(other.getValue(), "", hints));
                    examples.put(other.getKey(), JSON.treeToValue(other.getValue(), Object.class));
                }
                schema = anyOf;
            }
            if (!hints.unused().isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": " + e.getKey() + " names paths its answer lacks: " + hints.unused());
            }
            entries.put(e.getKey(), new Entry(schema, examples));
        }
    }

    /** Documents the operation's 200 answer as {@code application/json} with the derived schema and example. */
    void apply(String path, PathItem.HttpMethod method, Operation op) {
        Entry entry = entries.get(method + " " + path);
        if (entry == null) {
            return;
        }
        ApiResponse ok = op.getResponses().get("200");
        if (ok == null) {
            ok = new ApiResponse().description("OK");
            op.getResponses().addApiResponse("200", ok);
        }
        MediaType json = new MediaType().schema(entry.schema());
        entry.examples().forEach((name, value) -> json.addExamples(name, new Example().value(value)));
        ok.setContent(new Content().addMediaType("application/json", json));
    }

    private static Schema<?> derive(JsonNode value, String path, Hints hints) {
        Schema<?> schema;
        if (hints.has(hints.asSent, path)) {
            return new JsonSchema().description("Kept as the client sent it.");
        } else if (value.isObject() && hints.has(hints.maps, path)) {
            Schema<?> values = null;
            for (JsonNode v : value.values()) {
                values = merge(values, derive(v, path + "{}", hints));
            }
            schema = typed("object").additionalProperties(values == null ? new JsonSchema() : values);
        } else if (value.isObject()) {
            schema = typed("object");
            for (Map.Entry<String, JsonNode> p : value.properties()) {
                schema.addProperty(p.getKey(), derive(p.getValue(), path.isEmpty() ? p.getKey() : path + "." + p.getKey(), hints));
            }
        } else if (value.isArray()) {
            Schema<?> items = null;
            for (JsonNode element : value.values()) {
                items = merge(items, derive(element, path + "[]", hints));
            }
            schema = typed("array").items(items == null ? new JsonSchema() : items);
        } else if (value.isNull()) {
            schema = typed("null");
        } else {
            schema = typed(value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                    : value.isBoolean() ? "boolean" : "string");
        }
        if (hints.has(hints.nullable, path)) {
            schema.addType("null");
        }
        return path.isEmpty() ? finish(schema) : schema;
    }

    /** One schema for two samples of the same place: properties and types united, integer widened to number. */
    private static Schema<?> merge(Schema<?> a, Schema<?> b) {
        if (a == null) {
            return b;
        }
        if (a.getTypes() == null || b.getTypes() == null) {
            return new JsonSchema().description(a.getDescription() != null ? a.getDescription() : b.getDescription());
        }
        Set<String> types = new LinkedHashSet<>(a.getTypes());
        types.addAll(b.getTypes());
        if (types.contains("number")) {
            types.remove("integer");
        }
        if (types.remove("null")) {
            types.add("null");
        }
        a.setTypes(types);
        if (b.getProperties() != null) {
            b.getProperties().forEach((name, s) -> {
                Schema<?> mine = a.getProperties() == null ? null : a.getProperties().get(name);
                a.addProperty(name, merge(mine, s));
            });
        }
        if (b.getItems() != null) {
            a.setItems(a.getItems() == null ? b.getItems() : merge(a.getItems(), b.getItems()));
        }
        return a;
    }

    /** A value only ever seen as null may be anything: it loses its type (recursively, after merging). */
    private static Schema<?> finish(Schema<?> schema) {
        if (schema.getTypes() != null && schema.getTypes().equals(Set.of("null"))) {
            schema.setTypes(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(AnswerSchemas::finish);
        }
        if (schema.getItems() != null) {
            finish(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            finish(values);
        }
        return schema;
    }

    private static Schema<?> typed(String type) {
        return new JsonSchema().types(new LinkedHashSet<>(Set.of(type)));
    }
}
