package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.adplane.admin.AdminCli;
import io.adplane.support.TestDatabase;

/** A reset leaves the bootstrap's workspace, organization, admin and client, and nothing else. */
class ResetIntegrationTest extends ControlsTestSupport {

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private void createIo(Tenant tenant) {
        long start = clock.millis() + 3600_000;
        as(tenant).body(seedInsertionOrder(start, start + 86_400_000L)).post("/api/v3/cmp/io/add").then().statusCode(200);
    }

    @Test
    void resetKeepsOnlyTheBootstrapAndItsAdminStaysLoggedIn() {
        Tenant tenant = newTenant("editor");
        createIo(tenant);
        Login admin = loginAdmin();
        assertThat(count("insertion_order")).isPositive();

        as(admin).post("/api/v3/adplane/reset").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.domain", equalTo(HOST))
                .body("data.email", equalTo(ADMIN_EMAIL))
                .body("data.clientId", equalTo(CLIENT_ID))
                .body("data.tablesEmptied", hasItem("insertion_order"));

        assertThat(count("workspace")).isEqualTo(1);
        assertThat(count("organization")).isEqualTo(1);
        assertThat(count("app_user")).isEqualTo(1);
        assertThat(count("membership")).isEqualTo(1);
        assertThat(count("oauth_client")).isEqualTo(1);
        assertThat(count("insertion_order")).isZero();
        assertThat(count("flyway_schema_history")).isPositive();

        // The admin's session survives; the tenant is gone, and so is its login.
        as(admin).get("/api/v3/ua/profile").then().statusCode(200);
        given().header("Authentication", basic(CLIENT_ID, CLIENT_SECRET)).header("X-IAA-HOST", HOST)
                .body("{\"grantType\":\"password\",\"email\":\"" + tenant.email() + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/v3/ua/login").then().statusCode(403);
        loginAdmin();

        // Ids start again where a fresh bootstrap leaves them.
        long owner = workspaceOwnerOwId();
        assertThat(newTenant("editor").owId()).isEqualTo(owner + 1);
    }

    @Test
    void onlyAdminsOfTheWorkspaceOwnerMayReset() {
        Tenant editor = newTenantUnder(workspaceOwnerOwId(), "admin");
        as(editor).post("/api/v3/adplane/reset").then().statusCode(403).body("success", equalTo(false));
        Tenant ownerEditor = newUserIn(workspaceOwnerOwId(), "editor", "owner");
        as(ownerEditor).post("/api/v3/adplane/reset").then().statusCode(403);
        given().post("/api/v3/adplane/reset").then().statusCode(401);
        assertThat(count("organization")).isGreaterThan(1);
    }

    @Test
    void theCliResetsTheSameWay() {
        newTenant("viewer");
        String before = System.getProperty("spring.datasource.url");
        System.setProperty("spring.datasource.url", TestDatabase.separateUrl("controls"));
        System.setProperty("spring.datasource.username", TestDatabase.user());
        System.setProperty("spring.datasource.password", TestDatabase.password());
        System.setProperty("adplane.mode", "emulator");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = AdminCli.run(System.in, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "reset");
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"email\" : \"" + ADMIN_EMAIL + "\"");
            assertThat(count("organization")).isEqualTo(1);

            System.setProperty("adplane.controls.enabled", "false");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            code = AdminCli.run(System.in, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                    StandardCharsets.UTF_8), "reset");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("emulator controls are off");
        } finally {
            System.clearProperty("adplane.controls.enabled");
            System.clearProperty("adplane.mode");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
            if (before == null) {
                System.clearProperty("spring.datasource.url");
            } else {
                System.setProperty("spring.datasource.url", before);
            }
        }
    }
}
