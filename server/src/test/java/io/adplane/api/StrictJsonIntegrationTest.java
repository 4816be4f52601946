package io.adplane.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.specification.RequestSpecification;

/** Strict JSON and request limits (D7, D4): every malformed input is a clear 4xx naming the field. */
class StrictJsonIntegrationTest extends IntegrationTestSupport {

    private RequestSpecification loginRequest() {
        return given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST);
    }

    private void rejects(String body, int status, String error, String field) {
        var then = loginRequest().body(body).post("/api/v3/ua/login").then()
                .statusCode(status)
                .body("success", equalTo(false))
                .body("errorObjects[0].error", equalTo(error))
                .body("toString()", not(containsString("Exception")))
                .body("toString()", not(containsString("tools.jackson")))
                .body("toString()", not(containsString("io.adplane")));
        if (field != null) {
            then.body("errorObjects[0].field", equalTo(field));
        }
    }

    @Test
    void unknownFieldsAreNamed() {
        rejects("{\"grantType\":\"password\",\"email\":\"a@b.c\",\"password\":\"x\",\"passwrd\":\"y\"}",
                400, "Unknown field 'passwrd'.", "passwrd");
    }

    @Test
    void duplicateKeysAreRefused() {
        rejects("{\"grantType\":\"password\",\"email\":\"a@b.c\",\"email\":\"admin@adplane.test\",\"password\":\"x\"}",
                400, "Duplicate field 'email'.", "email");
    }

    @Test
    void wrongTypesAreNamed() {
        rejects("{\"grantType\":\"password\",\"email\":\"a@b.c\",\"password\":123456}",
                400, "Field 'password' must be a string.", "password");
        rejects("{\"grantType\":\"password\",\"email\":[\"a@b.c\"],\"password\":\"x\"}",
                400, "Field 'email' must be a string.", "email");
        rejects("{\"grantType\":true,\"email\":\"a@b.c\",\"password\":\"x\"}",
                400, "Field 'grant_type' must be a string.", "grant_type");
    }

    @Test
    void malformedAndEmptyBodiesAreRefused() {
        rejects("{\"grantType\":\"password\",", 400,
                "Malformed JSON body: Unexpected end-of-input within/between Object entries.", null);
        rejects("", 400, "Request body is required.", null);
        rejects("[]", 400, "Malformed JSON body: expected one JSON object of the documented shape.", null);
        rejects("{} {}", 400, "Malformed JSON body: expected one JSON object of the documented shape.", null);
    }

    @Test
    void controlCharactersAreRefused() {
        rejects("{\"grantType\":\"password\",\"email\":\"a\\u0000@b.c\",\"password\":\"x\"}",
                400, "Field 'email' must not contain control characters.", "email");
        rejects("{\"grantType\":\"password\",\"email\":\"a\\u202e@b.c\",\"password\":\"x\"}",
                400, "Field 'email' must not contain bidirectional override characters.", "email");
        rejects("{\"grantType\":\"password\",\"email\":\"a\\ud800@b.c\",\"password\":\"x\"}",
                400, "Field 'email' must not contain unpaired surrogates.", "email");
    }

    @Test
    void deepNestingAndHugeNumbersHitTheParserLimits() {
        String deep = "{\"grantType\":" + "[".repeat(100) + "]".repeat(100) + "}";
        loginRequest().body(deep).post("/api/v3/ua/login").then().statusCode(400);
        loginRequest().body("{\"grantType\":" + "9".repeat(2000) + "}").post("/api/v3/ua/login").then().statusCode(400);
    }

    @Test
    void oversizedBodiesAnswer413WithOrWithoutContentLength() throws Exception {
        String big = "{\"grantType\":\"password\",\"email\":\"" + "a".repeat(300 * 1024) + "\",\"password\":\"x\"}";
        loginRequest().body(big).post("/api/v3/ua/login").then()
                .statusCode(413)
                .body("errorObjects[0].error", equalTo("Request body is too large."));

        // Chunked: no Content-Length, the limit is counted while reading.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v3/ua/login"))
                .header("Content-Type", "application/json")
                .header("Authentication", basic(CLIENT_ID, CLIENT_SECRET))
                .header("X-IAA-HOST", HOST)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request body is too large.");
    }

    @Test
    void wrongContentTypeAnswers415AndWrongMethod405() {
        loginRequest().contentType("text/plain").body("grantType=password").post("/api/v3/ua/login").then()
                .statusCode(415).body("success", equalTo(false));
        given().get("/api/v3/ua/login").then().statusCode(405).body("success", equalTo(false));
    }

    /** Issue 11: a JSON body sent as {@code *}{@code /*} answered 500 on every operation without {@code consumes}. */
    @Test
    void aBodyWithAWildcardOrUnreadableContentTypeAnswers415() throws Exception {
        Login login = loginAdmin();
        String client = basic(CLIENT_ID, CLIENT_SECRET);
        String bearer = "Bearer " + login.accessToken();
        String owId = Long.toString(login.owId());
        for (String type : new String[] {"*/*", "application/*", "garbage", "application/json; charset=nope"}) {
            HttpResponse<String> answer = send("POST", "/api/v3/ua/login", type,
                    "{\"grantType\":\"password\",\"email\":\"a@b.c\",\"password\":\"x\"}",
                    "Authentication", client, "X-IAA-HOST", HOST);
            assertThat(answer.statusCode()).as(type).isEqualTo(415);
            assertThat(answer.body()).as(type)
                    .isEqualTo("{\"success\":false,\"errorObjects\":[{\"error\":\"Content type '" + type
                            + "' is not supported; send application/json.\"}]}");
            assertThat(send("POST", "/api/v3/ua/oauth/token", type, "{\"grant_type\":\"refresh_token\"}",
                    "Authentication", client, "X-IAA-HOST", HOST).statusCode()).as(type).isEqualTo(415);
            assertThat(send("POST", "/api/v3/cmp/io/basic/list", type, "{}", "Authorization", bearer,
                    "X-IAA-OW-ID", owId).statusCode()).as(type).isEqualTo(415);
            assertThat(send("POST", "/api/v3/cmp/io/add", type,
                    seedInsertionOrder(clock.millis() + 3_600_000, clock.millis() + 86_400_000),
                    "Authorization", bearer, "X-IAA-OW-ID", owId).statusCode()).as(type).isEqualTo(415);
            HttpResponse<String> v2 = send("PUT", "/api/v2/cmp/campaigns/update-budget", type, "{}",
                    "Authorization", bearer, "X-IAA-OW-ID", owId);
            assertThat(v2.statusCode()).as(type).isEqualTo(415);
            assertThat(v2.body()).as(type).startsWith("{\"statusCode\":415,");
        }
        // Without a body the header names nothing that is read: a GET that carries it still answers.
        as(login).header("Content-Type", "*/*").get("/api/v3/ua/profile").then().statusCode(200);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownRoutesAnswer404InTheirEnvelope() {
        Login login = loginAdmin();
        as(login).get("/api/v3/no/such/route").then().statusCode(404)
                .body("errorObjects[0].error", equalTo("Resource not found."));
        as(login).get("/api/v2/no/such/route").then().statusCode(404)
                .body("statusCode", equalTo(404))
                .body("responseObject.errorMsg", equalTo("Resource not found."))
                .body("responseObject.errorCode", equalTo(404));
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        loginRequest().body("{}").post("/api/v3/ua/login").then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
    }
}
