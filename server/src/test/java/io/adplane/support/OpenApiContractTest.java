package io.adplane.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract check itself catches what it must: undocumented routes, statuses, fields and types. */
class OpenApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenApiContract contract = new OpenApiContract(JSON.readTree("""
            {"paths":{"/api/v3/things/{id}":{"get":{"responses":{
              "200":{"content":{"application/json":{"schema":{"type":"object","properties":{
                "success":{"type":"boolean"},
                "data":{"type":"object","properties":{
                  "id":{"type":"integer"},"budget":{"type":["number","null"]},"note":{},
                  "tags":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}},
                  "byKey":{"type":"object","additionalProperties":{"type":"string"}},
                  "free":{"type":"object"}}}}},
                "examples":{"answer":{"value":{"success":true,"data":{"id":7,"budget":1500.0}}}}}}},
              "404":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}}}}},
             "components":{"schemas":{"Error":{"type":"object","properties":{"success":{"type":"boolean"},
               "errorObjects":{"type":"array","items":{"type":"object","properties":{"error":{"type":"string"}}}}}}}}}
            """));

    private void answers200(String body) {
        contract.check("GET", "/api/v3/things/7", 200, body);
    }

    @Test
    void documentedAnswersPass() {
        answers200("""
                {"success":true,"data":{"id":7,"budget":0,"note":[1,"x"],"tags":[{"name":"a"}],"byKey":{"C1":"700001"},
                 "free":{"anything":{"goes":1}}}}""");
        answers200("{\"success\":true,\"data\":{\"id\":7,\"budget\":null,\"note\":null}}");
        contract.check("GET", "/api/v3/things/7", 404, "{\"success\":false,\"errorObjects\":[{\"error\":\"Not found\"}]}");
        contract.check("GET", "/actuator/health", 200, "{\"status\":\"UP\"}");
    }

    @Test
    void undocumentedStatusesAndRoutesFail() {
        assertThatThrownBy(() -> contract.check("GET", "/api/v3/things/7", 409, "{}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/api/v3/others", 200, "{}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("DELETE", "/api/v3/things/7", 200, "{}")).isInstanceOf(AssertionError.class);
    }

    @Test
    void aFieldNotInTheSchemaFailsAtAnyDepth() {
        assertThatThrownBy(() -> answers200("{\"success\":true,\"stackTrace\":\"x\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.stackTrace is not declared");
        assertThatThrownBy(() -> answers200("{\"success\":true,\"data\":{\"id\":7,\"ioName\":\"x\"}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.data.ioName is not declared");
        assertThatThrownBy(() -> answers200("{\"success\":true,\"data\":{\"tags\":[{\"name\":\"a\"},{\"size\":2}]}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.data.tags[1].size is not declared");
        assertThatThrownBy(() -> contract.check("GET", "/api/v3/things/7", 404,
                "{\"success\":false,\"errorObjects\":[{\"error\":\"x\",\"trace\":\"y\"}]}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.errorObjects[0].trace is not declared");
    }

    @Test
    void aWrongTypeFails() {
        assertThatThrownBy(() -> answers200("{\"success\":\"true\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.success is string");
        // integer takes integral numbers only; number takes any number.
        assertThatThrownBy(() -> answers200("{\"success\":true,\"data\":{\"id\":7.5}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.data.id is number");
        assertThatThrownBy(() -> answers200("{\"success\":true,\"data\":{\"id\":null}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.data.id is null");
        assertThatThrownBy(() -> answers200("{\"success\":true,\"data\":{\"budget\":\"1500\"}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.data.budget is string");
        assertThatThrownBy(() -> answers200("{\"success\":true,\"data\":{\"byKey\":{\"C1\":700001}}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.data.byKey.C1 is number");
        assertThatThrownBy(() -> answers200("{\"success\":true,\"data\":{\"tags\":{\"name\":\"a\"}}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.data.tags is object");
    }

    @Test
    void anyOfTakesEitherAlternative() {
        JsonNode schema = JSON.readTree("""
                {"anyOf":[{"type":"object","properties":{"success":{"type":"boolean"}}},
                          {"type":"object","properties":{"access_token":{"type":"string"}}}]}""");
        assertThat(contract.problems(schema, JSON.readTree("{\"success\":true}"), "$")).isEmpty();
        assertThat(contract.problems(schema, JSON.readTree("{\"access_token\":\"at\"}"), "$")).isEmpty();
        assertThat(contract.problems(schema, JSON.readTree("{\"success\":true,\"access_token\":\"at\"}"), "$")).isNotEmpty();
    }

    @Test
    void examplesAreCheckedAgainstTheirSchema() {
        assertThat(contract.exampleProblems()).isEmpty();
        OpenApiContract wrong = new OpenApiContract(JSON.readTree("""
                {"paths":{"/api/v3/x":{"get":{"responses":{"200":{"content":{"application/json":{
                  "schema":{"type":"object","properties":{"success":{"type":"boolean"}}},
                  "examples":{"seed":{"value":{"success":true,"data":1}}}}}}}}}}}"""));
        assertThat(wrong.exampleProblems()).singleElement().asString().contains("example 'seed'", "$.data is not declared");
    }
}
