package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.adplane.support.IntegrationTestSupport;

/**
 * With the controls off (production mode's default), their routes do not exist: each answers exactly as an
 * unknown path does, and the fault and delay headers change nothing.
 */
@TestPropertySource(properties = "adplane.controls.enabled=false")
class ControlsOffIntegrationTest extends IntegrationTestSupport {

    private String unknown(Login admin, String method, String path) {
        return as(admin).request(method, path).then().statusCode(404).extract().asString();
    }

    @Test
    void everyControlAnswersLikeAnUnknownPath() {
        Login admin = loginAdmin();
        String expected = unknown(admin, "POST", "/api/v3/adplane/no-such-control");
        assertThat(unknown(admin, "POST", "/api/v3/adplane/reset")).isEqualTo(expected);
        assertThat(unknown(admin, "GET", "/api/v3/adplane/faults")).isEqualTo(expected);
        assertThat(unknown(admin, "POST", "/api/v3/adplane/faults")).isEqualTo(expected);
        assertThat(unknown(admin, "GET", "/api/v3/adplane/journal")).isEqualTo(expected);
        assertThat(unknown(admin, "GET", "/api/v3/adplane/fixtures")).isEqualTo(expected);
        assertThat(unknown(admin, "POST", "/api/v3/adplane/fixtures")).isEqualTo(expected);
        assertThat(given().post("/api/v3/adplane/reset").then().statusCode(404).extract().asString()).isEqualTo(expected);
        assertThat(given().post("/api/v3/adplane/faults").then().statusCode(404).extract().asString()).isEqualTo(expected);
        assertThat(unknown(admin, "GET", "/api/v3/adplane/clock")).isEqualTo(expected);
        // adplane's own data operations (deals, audiences) stay; the controls are not in the document.
        assertThat(given().get("/v3/api-docs").then().statusCode(200).extract().asString())
                .doesNotContain("/api/v3/adplane/reset", "/api/v3/adplane/faults", "/api/v3/adplane/clock");
    }

    @Test
    void theFaultHeadersChangeNothing() {
        Login admin = loginAdmin();
        as(admin).header("X-Adplane-Fault", "503").header("X-Adplane-Delay", "5s").get("/api/v3/ua/profile")
                .then().statusCode(200);
    }
}
