package io.adplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;

/**
 * What an operator watches: Prometheus metrics (requests by route and status), build information, and a
 * request id that every answer carries and every log line of the request shows, with one access-log line each.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTest extends IntegrationTestSupport {

    @Test
    void aClientsRequestIdIsKeptAnsweredAndLogged(CapturedOutput output) {
        String id = "trace-" + UUID.randomUUID();
        Login login = loginAdmin();
        Response answer = as(login).header("X-Request-Id", id).get("/api/v3/cmp/io/999999999");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.header("X-Request-Id")).isEqualTo(id);
        // The access line is written once the answer is complete, which the client may see a moment before.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> output.getOut().contains("[" + id + "] io.adplane.access"));
        assertThat(output.getOut()).containsPattern("\\[" + id + "\\] io\\.adplane\\.access +: GET /api/v3/cmp/io/999999999 422 [0-9]+\\.[0-9] ms");
        assertThat(output.getOut()).doesNotContain(login.accessToken());
    }

    @Test
    void everyAnswerHasAnIdEvenErrorsAndUnacceptableOnesAreReplaced() {
        Response unauthenticated = given().get("/api/v3/ua/profile");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.header("X-Request-Id")).matches("[0-9a-f-]{36}");

        Response unknown = given().get("/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.header("X-Request-Id")).matches("[0-9a-f-]{36}");

        Response tooLong = given().header("X-Request-Id", "x".repeat(129)).get("/actuator/health");
        assertThat(tooLong.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        Response withSpace = given().header("X-Request-Id", "two words").get("/actuator/health");
        assertThat(withSpace.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        Response longest = given().header("X-Request-Id", "y".repeat(128)).get("/actuator/health");
        assertThat(longest.header("X-Request-Id")).isEqualTo("y".repeat(128));

        assertThat(given().get("/actuator/health").header("X-Request-Id"))
                .isNotEqualTo(given().get("/actuator/health").header("X-Request-Id"));
    }

    @Test
    void prometheusServesRequestsByRouteAndStatus() {
        Login login = loginAdmin();
        as(login).get("/api/v3/cmp/io/999999998").then().statusCode(422);
        String metrics = given().get("/actuator/prometheus").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"422\"[^}]*uri=\"/api/v3/cmp/io/\\{ioId\\}\"")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_active");
    }

    @Test
    void infoTellsTheBuild() {
        var info = given().get("/actuator/info").then().statusCode(200).extract().jsonPath();
        assertThat(info.getString("build.artifact")).isEqualTo("adplane-server");
        assertThat(info.getString("build.version")).isNotBlank();
        assertThat(info.getString("java.version")).isNotBlank();
    }
}
