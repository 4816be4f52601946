package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.adplane.support.IntegrationTestSupport;

/** No token, password or client secret is kept in the database or written to the log (D3, RFC 6819). */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIntegrationTest extends IntegrationTestSupport {

    @Test
    void tokensAndPasswordsAppearNeitherInTheDatabaseNorInTheLogs(CapturedOutput output) {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        String rotated = given().contentType("application/x-www-form-urlencoded")
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", login.refreshToken())
                .post("/api/v3/ua/oauth/token").then().statusCode(200).extract().path("refresh_token");
        failLogin(tenant.email(), "wrong-password-x");
        as(login).get("/api/v3/ua/profile").then().statusCode(200);

        List<String> secrets = List.of(login.accessToken(), login.refreshToken(), rotated, tenant.password(),
                "wrong-password-x", CLIENT_SECRET, ADMIN_PASSWORD);
        String everything = dumpAllTextColumns();
        for (String secret : secrets) {
            assertThat(everything).as("database").doesNotContain(secret);
            assertThat(output.getAll()).as("log").doesNotContain(secret);
        }
        // What is kept instead: SHA-256 of tokens, Argon2id of passwords (at the tests' low cost; PasswordsTest and
        // AdminCliIntegrationTest show the standard m = 19 MiB, t = 2 is the default).
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE email = ?").param(tenant.email())
                .query(String.class).single()).startsWith("$argon2id$v=19$");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_token WHERE token_hash = ?")
                .param(io.adplane.api.Secrets.sha256(login.accessToken())).query(Long.class).single()).isEqualTo(1);
    }

    private void failLogin(String email, String wrongPassword) {
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body(Map.of("grantType", "password", "email", email, "password", wrongPassword))
                .post("/api/v3/ua/login").then().statusCode(403);
    }

    private String dumpAllTextColumns() {
        List<String> tables = List.of("workspace", "organization", "app_user", "membership", "oauth_client",
                "auth_session", "access_token", "refresh_token", "refresh_grace", "login_throttle");
        List<String> all = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM " + table).query((rs, n) -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    all.add(String.valueOf(rs.getObject(i)));
                }
                return null;
            }).list();
        }
        return String.join("\n", all);
    }
}
