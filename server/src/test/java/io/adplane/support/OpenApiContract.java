package io.adplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every answer the integration tests receive against the server's own OpenAPI document: the
 * operation exists, the status is documented for it, and the answer matches its documented schema all the
 * way down (every field declared, every JSON type allowed), so the envelopes, IQM's field names inside them
 * and the error shapes are all held to the document.
 */
public final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, OpenApiContract> BY_PORT = new ConcurrentHashMap<>();

    private record Route(Pattern pattern, String template, int literalLength) {
    }

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();

    OpenApiContract(JsonNode document) {
        this.document = document;
        for (String template : document.get("paths").propertyNames()) {
            String regex = template.replaceAll("\\{[^/]+}", "[^/]+");
            routes.add(new Route(Pattern.compile(regex), template, template.replaceAll("\\{[^/]+}", "").length()));
        }
        routes.sort(Comparator.comparingInt(Route::literalLength).reversed());
    }

    public static OpenApiContract forPort(int port) {
        return BY_PORT.computeIfAbsent(port, p -> {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + p + "/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new OpenApiContract(JSON.readTree(r.body()));
            } catch (Exception e) {
                throw new IllegalStateException("could not read the OpenAPI document", e);
            }
        });
    }

    void check(String method, String path, int status, String body) {
        if (!path.startsWith("/api/")) {
            return;
        }
        Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (route == null) {
            // An unknown route answers 404, or the bearer gate's 400/401/403, which come first.
            assertThat(status).as("%s %s is not in the OpenAPI document", method, path).isIn(400, 401, 403, 404, 405);
            return;
        }
        JsonNode operation = document.get("paths").get(route.template()).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            assertThat(status).as("%s %s is not in the OpenAPI document", method, route.template()).isIn(405, 401, 400);
            return;
        }
        JsonNode response = operation.path("responses").get(Integer.toString(status));
        assertThat(response).as("status %d of %s %s is documented", status, method, route.template()).isNotNull();
        JsonNode schema = schemaOf(response);
        if (schema == null || body == null || body.isBlank()) {
            return;
        }
        List<String> problems = problems(schema, JSON.readTree(body), "$");
        assertThat(problems).as("the %d answer of %s %s matches its documented schema", status, method, route.template())
                .isEmpty();
    }

    /** Every example of every API answer (the derived one and the seed's) against its own schema. */
    public List<String> exampleProblems() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
                    JsonNode schema = schemaOf(response.getValue());
                    JsonNode examples = response.getValue().path("content").path("application/json").path("examples");
                    for (Map.Entry<String, JsonNode> example : examples.properties()) {
                        for (String problem : problems(schema, example.getValue().get("value"), "$")) {
                            problems.add(op.getKey() + " " + path.getKey() + " " + response.getKey() + " example '"
                                    + example.getKey() + "': " + problem);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /**
     * What in {@code value} the schema does not allow: a field an object with declared properties does not
     * declare, or a JSON type outside the schema's {@code type} (integer takes integral numbers only, number
     * any number, null only where listed). A schema without a type allows anything; {@code anyOf} any of its
     * alternatives; {@code additionalProperties} names the schema of an object's undeclared fields.
     */
    List<String> problems(JsonNode schema, JsonNode value, String where) {
        schema = resolve(schema);
        if (schema == null) {
            return List.of();
        }
        if (schema.has("anyOf")) {
            List<String> first = null;
            for (JsonNode alternative : schema.get("anyOf").values()) {
                List<String> p = problems(alternative, value, where);
                if (p.isEmpty()) {
                    return p;
                }
                first = first == null ? p : first;
            }
            return first == null ? List.of() : first;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            List<String> types = type.isArray() ? type.values().stream().map(JsonNode::asString).toList() : List.of(type.asString());
            if (types.stream().noneMatch(t -> hasType(value, t))) {
                return List.of(where + " is " + value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shorten(value)
                        + ", documented as " + types);
            }
        }
        List<String> problems = new ArrayList<>();
        if (value.isObject()) {
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String at = where + "." + field.getKey();
                if (properties != null && properties.has(field.getKey())) {
                    problems.addAll(problems(properties.get(field.getKey()), field.getValue(), at));
                } else if (additional != null && additional.isObject()) {
                    problems.addAll(problems(additional, field.getValue(), at));
                } else if (properties != null && (additional == null || !additional.asBoolean(false))) {
                    problems.add(at + " is not declared; the schema declares " + properties.propertyNames());
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode element : value.values()) {
                problems.addAll(problems(schema.get("items"), element, where + "[" + i++ + "]"));
            }
        }
        return problems;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown JSON type " + type);
        };
    }

    private static String shorten(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            JsonNode target = document.at(ref.substring(1));
            assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
            schema = target;
        }
        return schema;
    }

    private JsonNode schemaOf(JsonNode response) {
        JsonNode content = response.get("content");
        if (content == null || content.isEmpty()) {
            return null;
        }
        JsonNode media = content.has("application/json") ? content.get("application/json") : content.values().iterator().next();
        return resolve(media.get("schema"));
    }
}
