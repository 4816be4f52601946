package io.adplane.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of IQM's master API (mcp-master.json) answers IQM's own request examples, with every key
 * of IQM's 200 example present in the JSON type IQM gives it. The requests and keys are adplane's own fixture
 * ({@code master/iqm-master-examples.json}), written from IQM's file with ids replaced by real ones.
 */
class MasterExamplesIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> iqmsExamplesAreAcceptedAndAnsweredWithIqmsKeys() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/master/iqm-master-examples.json")) {
            fixture = JSON.readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        Login[] login = new Login[1];
        for (JsonNode example : fixture.values()) {
            if (!example.has("operation")) {
                continue;
            }
            String operation = example.get("operation").asString();
            tests.add(DynamicTest.dynamicTest(operation + " (" + example.get("example").asString() + ")", () -> {
                if (login[0] == null) {
                    login[0] = loginAdmin();
                }
                String path = example.get("path").asString();
                Response answer = operation.startsWith("POST")
                        ? as(login[0]).body(example.get("body").toString()).post(path)
                        : as(login[0]).get(path);
                assertThat(answer.statusCode()).as("%s: %s", path, answer.asString()).isEqualTo(200);
                JsonNode body = JSON.readTree(answer.asString());
                if (example.has("noRecords")) {
                    assertThat(body.at("/data/data").isEmpty()).as("%s answers no rows", path).isTrue();
                    assertThat(body.at("/data/filteredRecords").asInt()).isZero();
                }
                for (Map.Entry<String, JsonNode> keys : example.get("keys").properties()) {
                    List<JsonNode> objects = at(body, keys.getKey());
                    assertThat(objects).as("%s has objects at '%s'", operation, keys.getKey()).isNotEmpty();
                    for (JsonNode object : objects) {
                        for (Map.Entry<String, JsonNode> key : keys.getValue().properties()) {
                            JsonNode value = object.get(key.getKey());
                            assertThat(value).as("%s '%s' has %s", operation, keys.getKey(), key.getKey()).isNotNull();
                            assertThat(type(value)).as("%s '%s'.%s", operation, keys.getKey(), key.getKey())
                                    .isEqualTo(key.getValue().asString());
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** The objects at a fixture path: "" the top level, "a.b" fields, "[]" array items, "{}" the first value of a map keyed by ids. */
    private static List<JsonNode> at(JsonNode root, String path) {
        List<JsonNode> nodes = new ArrayList<>(List.of(root));
        for (String step : path.isEmpty() ? new String[0] : path.split("(?=\\[\\])|(?=\\{\\})|\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                if (step.startsWith("{}")) {
                    // IQM's example shows the first location type's rows; the others have their own shapes.
                    node.values().stream().findFirst().ifPresent(next::add);
                } else if (step.startsWith("[]")) {
                    node.values().forEach(next::add);
                    String rest = step.substring(2);
                    if (!rest.isEmpty()) {
                        throw new IllegalArgumentException(path);
                    }
                } else if (node.has(step)) {
                    next.add(node.get(step));
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private static String type(JsonNode value) {
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isNull() ? "null" : "string";
    }
}
