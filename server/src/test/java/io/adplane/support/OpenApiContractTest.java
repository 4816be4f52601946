package io.adplane.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The contract check itself catches what it must: undocumented routes, statuses and fields. */
class OpenApiContractTest {

    private final OpenApiContract contract = new OpenApiContract(JsonMapper.builder().build().readTree("""
            {"paths":{"/api/v3/things/{id}":{"get":{"responses":{
              "200":{"content":{"*/*":{"schema":{"$ref":"#/components/schemas/Answer"}}}},
              "404":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Answer"}}}}}}}},
             "components":{"schemas":{"Answer":{"type":"object","properties":{"success":{},"data":{},"errorObjects":{}}}}}}
            """));

    @Test
    void documentedAnswersPass() {
        contract.check("GET", "/api/v3/things/7", 200, "{\"success\":true,\"data\":{}}");
        contract.check("GET", "/api/v3/things/7", 404, "{\"success\":false,\"errorObjects\":[]}");
        contract.check("GET", "/actuator/health", 200, "{\"status\":\"UP\"}");
    }

    @Test
    void undocumentedStatusesFieldsAndRoutesFail() {
        assertThatThrownBy(() -> contract.check("GET", "/api/v3/things/7", 409, "{}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/api/v3/things/7", 200, "{\"success\":true,\"stackTrace\":\"x\"}"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/api/v3/others", 200, "{}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("DELETE", "/api/v3/things/7", 200, "{}")).isInstanceOf(AssertionError.class);
    }
}
