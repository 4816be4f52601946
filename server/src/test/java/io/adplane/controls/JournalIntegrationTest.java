package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** The journal keeps each request of the workspace and its answer, secrets redacted, and finds them again. */
class JournalIntegrationTest extends ControlsTestSupport {

    private JsonPath journal(Login admin, String query) {
        return as(admin).get("/api/v3/adplane/journal" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aLoginIsJournaledWithItsSecretsRedacted() {
        Tenant tenant = newTenant("editor");
        Login login = login(tenant);
        as(login).get("/api/v3/ua/profile").then().statusCode(200);
        Login admin = loginAdmin();

        JsonPath logins = journal(admin, "?path=/api/v3/ua/login&limit=5");
        List<Map<String, Object>> entries = logins.getList("data.entries");
        assertThat(entries).isNotEmpty();
        String raw = logins.prettify();
        assertThat(raw).doesNotContain(tenant.password()).doesNotContain(login.accessToken())
                .doesNotContain(login.refreshToken()).doesNotContain(CLIENT_SECRET).doesNotContain(ADMIN_PASSWORD);
        // The newest login is the admin's; the tenant's is the one before.
        assertThat(logins.getString("data.entries[1].requestBody.email")).isEqualTo(tenant.email());
        assertThat(logins.getString("data.entries[1].requestBody.password")).isEqualTo("[redacted]");
        assertThat(logins.getString("data.entries[1].requestHeaders.authentication")).isEqualTo("[redacted]");
        assertThat(logins.getString("data.entries[1].responseBody.data.access_token")).isEqualTo("[redacted]");
        assertThat(logins.getInt("data.entries[1].status")).isEqualTo(200);
        assertThat(logins.getString("data.entries[1].requestId")).isNotBlank();
        assertThat(logins.getInt("data.capacity")).isEqualTo(1000);

        JsonPath profile = journal(admin, "?path=/api/v3/ua/**&method=get&limit=1");
        assertThat(profile.getString("data.entries[0].path")).isEqualTo("/api/v3/ua/profile");
        assertThat(profile.getString("data.entries[0].requestHeaders.authorization")).isEqualTo("[redacted]");
        assertThat(profile.getString("data.entries[0].responseBody.data.email")).isEqualTo(tenant.email());
    }

    @Test
    void entriesAreFoundByStatusAndTimeAndIncludeFaults() {
        Login tenant = login(newTenant("viewer"));
        long before = clock.millis();
        as(tenant).get("/api/v3/cmp/io/987654321").then().statusCode(422);
        RestAssured.given().baseUri("http://localhost").port(port)
                .header("Authorization", "Bearer " + tenant.accessToken()).header("X-IAA-OW-ID", tenant.owId())
                .header("X-Adplane-Fault", "502").get("/api/v3/ua/profile").then().statusCode(502);
        Login admin = loginAdmin();

        JsonPath missing = journal(admin, "?status=422&since=" + before);
        assertThat(missing.getString("data.entries[0].path")).isEqualTo("/api/v3/cmp/io/987654321");
        JsonPath faulted = journal(admin, "?status=502&since=" + before);
        assertThat(faulted.getString("data.entries[0].requestHeaders.x-adplane-fault")).isEqualTo("502");
        assertThat(faulted.getBoolean("data.entries[0].responseBody.success")).isFalse();
        as(admin).get("/api/v3/adplane/journal?since=" + (clock.millis() + 60_000)).then().statusCode(200)
                .body("data.entries", hasSize(0));
        as(admin).get("/api/v3/adplane/journal?limit=0").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("limit"));
    }

    @Test
    void onlyTheWorkspaceOwnersAdminsReadIt() {
        Login customerAdmin = login(newTenant("admin"));
        as(customerAdmin).get("/api/v3/adplane/journal").then().statusCode(403);
        Login admin = loginAdmin();
        as(admin).delete("/api/v3/adplane/journal").then().statusCode(200).body("data.entries", hasSize(0));
        // The journal's own reads are not journaled: it stays empty.
        as(admin).get("/api/v3/adplane/journal").then().statusCode(200).body("data.entries", hasSize(0));
    }
}
