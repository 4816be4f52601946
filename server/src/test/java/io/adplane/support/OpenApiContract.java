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
 * operation exists, the status is documented for it, and the answer's top-level fields are those its
 * documented schema names (so both envelopes and the error shapes are held to the document).
 */
final class OpenApiContract {

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

    static OpenApiContract forPort(int port) {
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
        JsonNode answer = JSON.readTree(body);
        if ("array".equals(schema.path("type").asString(""))) {
            assertThat(answer.isArray()).as("%s %s answers an array", method, route.template()).isTrue();
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties == null || !answer.isObject()) {
            return;
        }
        for (String field : answer.propertyNames()) {
            assertThat(properties.has(field))
                    .as("field '%s' of the %d answer of %s %s is in its documented schema %s", field, status, method,
                            route.template(), properties.propertyNames())
                    .isTrue();
        }
    }

    private JsonNode schemaOf(JsonNode response) {
        JsonNode content = response.get("content");
        if (content == null || content.isEmpty()) {
            return null;
        }
        JsonNode media = content.has("application/json") ? content.get("application/json") : content.values().iterator().next();
        JsonNode schema = media.get("schema");
        while (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = document.at(ref.substring(1));
        }
        return schema;
    }
}
