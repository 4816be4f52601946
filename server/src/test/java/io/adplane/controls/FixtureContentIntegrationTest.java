package io.adplane.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fixture's creatives, insertion orders and campaigns (E7) are real ones, made through their write paths: fixed
 * ids, each status reached by the state machine, the IO's auto-sum total and every count as the consistency check
 * recounts them, history recorded; and export, reset and load give them back exactly.
 */
class FixtureContentIntegrationTest extends ControlsTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Fixtures fixtures;
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    private static final long HOUR = 3600_000L;
    private static final long DAY = 24 * HOUR;

    /** The fixture, its times around now (IOs in milliseconds, campaigns in seconds). */
    private String fixture(long owner) {
        long now = clock.millis();
        long ioStart = now - HOUR;
        long pastStart = now - 10 * DAY;
        return """
                version: 1
                organizations:
                  - owId: 300100
                    parentOwId: %1$d
                    name: Content Advertiser
                users:
                  - id: 600
                    email: planner@content.example
                    password: planner-password-1
                    memberships:
                      - uowId: 410100
                        owId: 300100
                        role: editor
                creatives:
                  - creativeId: 700900
                    owId: 300100
                    uowId: 410100
                    creativeStatusId: 2
                    creativeName: Banner by URL
                    platformCreativeTypeId: 11
                    creativeSourceType: URL
                    creativeSource: https://cdn.example.com/banner.png
                    clickUrl: https://advertiser.example
                    imageDetails: {creativeWidth: 300, creativeHeight: 250}
                  - creativeId: 700901
                    owId: 300100
                    uowId: 410100
                    creativeStatusId: 3
                    creativeName: Banner file
                    platformCreativeTypeId: 11
                    creativeSourceType: FILE
                    creativeSource: pixel.png
                    clickUrl: https://advertiser.example
                    fileBase64: %2$s
                  - creativeId: 700902
                    owId: 300100
                    uowId: 410100
                    creativeStatusId: 5
                    rejectionReason: Blurry
                    creativeName: Rejected banner
                    platformCreativeTypeId: 11
                    creativeSourceType: URL
                    creativeSource: https://cdn.example.com/blurry.png
                    clickUrl: https://advertiser.example
                insertionOrders:
                  - ioId: 10900
                    owId: 300100
                    uowId: 410100
                    ioName: Running IO
                    ioStartTime: %3$d
                    ioEndTime: %4$d
                    ioTimeZoneId: 29
                    isAutoSumIoTotalBudget: true
                    ioBudgetTypeId: 1
                  - ioId: 10901
                    owId: 300100
                    uowId: 410100
                    ioName: Ended IO
                    ioStartTime: %5$d
                    ioEndTime: %6$d
                    isAutoSumIoTotalBudget: false
                    ioTotalBudget: 5000
                    ioBudgetTypeId: 1
                    ioStatusId: 2
                  - ioId: 10902
                    owId: 300100
                    uowId: 410100
                    ioName: Deleted IO
                    ioStartTime: %3$d
                    ioBudgetTypeId: 1
                    ioStatusId: 3
                campaigns:
                  - campaignId: 500900
                    owId: 300100
                    uowId: 410100
                    status: running
                    %7$s
                  - campaignId: 500901
                    owId: 300100
                    uowId: 410100
                    status: paused
                    %8$s
                  - campaignId: 500902
                    owId: 300100
                    uowId: 410100
                    status: rejected
                    rejectionReason: Wrong landing page
                    %9$s
                  - campaignId: 500903
                    owId: 300100
                    uowId: 410100
                    status: draft
                    %12$s
                  - campaignId: 500904
                    owId: 300100
                    uowId: 410100
                    status: expired
                    %10$s
                  - campaignId: 500905
                    owId: 300100
                    uowId: 410100
                    status: deleted
                    %11$s
                """.formatted(owner, PNG, ioStart, ioStart + 30 * DAY, pastStart, now - DAY,
                campaign(10900, "Running", 1500, 700900, now - HOUR / 2, now + 20 * DAY),
                campaign(10900, "Paused", 500, 700901, now - HOUR / 2, now + 20 * DAY),
                campaign(10900, "Rejected", 200, 700900, now + HOUR, now + 20 * DAY),
                campaign(10901, "Expired", 900, 700900, pastStart + HOUR, now - 2 * DAY),
                campaign(10902, "Deleted", 300, 700900, now + HOUR, now + 20 * DAY),
                campaign(10900, "Draft idea", 100, 700900, now + HOUR, now + 20 * DAY));
    }

    /** A campaign's request fields as flow-style YAML keys, at the fixture's indentation. */
    private static String campaign(long ioId, String name, int budget, long creativeId, long startMillis, long endMillis) {
        return String.join("\n    ", "ioId: " + ioId, "campaignName: " + name, "campaignType: 1",
                "budgetTotal: " + budget, "budgetDay: 50", "maxBid: 5", "timezone: 29", "countryId: 30100001",
                "creativeType: 11", "creativeIds: \"" + creativeId + "\"", "advertiserDomain: https://advertiser.example",
                "isAgreementChecked: true", "exchanges: \"\"", "publisherAdCategory: \"\"", "totalBudgetPacing: false",
                "startTime: " + startMillis / 1000, "endTime: " + endMillis / 1000);
    }

    private String status(Login login, long campaignId) {
        return as(login).get("/api/v2/cmp/campaign/" + campaignId).then().statusCode(200).extract()
                .path("responseObject.status");
    }

    private long creativeStatus(long id) {
        return jdbc.sql("SELECT creative_status_id FROM creative WHERE creative_id = ?").param(id).query(Long.class).single();
    }

    private JsonNode export(Login admin) {
        return JSON.readTree(as(admin).get("/api/v3/adplane/fixtures").then().statusCode(200).extract().asString())
                .get("data");
    }

    @Test
    void aFixtureMakesRealCampaignsAndComesBackWholeAfterExportResetLoad() {
        Login admin = loginAdmin();
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        String fixture = fixture(workspaceOwnerOwId());
        as(admin).contentType("text/yaml").body(fixture).post("/api/v3/adplane/fixtures").then().log().ifValidationFails().statusCode(200)
                .body("data.creatives", equalTo(3)).body("data.insertionOrders", equalTo(3))
                .body("data.campaigns", equalTo(6));

        Login planner = login("planner@content.example", "planner-password-1");
        assertThat(status(planner, 500900)).isEqualTo("running");
        assertThat(status(planner, 500901)).isEqualTo("paused");
        assertThat(status(planner, 500902)).isEqualTo("rejected");
        assertThat(status(planner, 500903)).isEqualTo("draft");
        assertThat(status(planner, 500904)).isEqualTo("expired");
        assertThat(status(planner, 500905)).isEqualTo("deleted");
        assertThat(creativeStatus(700900)).isEqualTo(2);
        assertThat(creativeStatus(700901)).isEqualTo(3);
        assertThat(creativeStatus(700902)).isEqualTo(5);
        // The auto-sum IO's total is its campaigns' budgets, the draft's too; the ended and deleted IOs as named.
        assertThat(as(planner).get("/api/v3/cmp/io/10900").then().statusCode(200).extract().jsonPath()
                .getDouble("data.ioTotalBudget")).isEqualTo(2300.0);
        as(planner).get("/api/v3/cmp/io/10901").then().statusCode(200).body("data.ioStatusId", equalTo(2));
        as(planner).get("/api/v3/cmp/io/10902").then().statusCode(422);
        // Each status was reached by the state machine and recorded; the history holds the creation.
        as(planner).get("/api/v3/cmp/campaign/500901/changes").then().statusCode(200)
                .body("data.totalRecords", equalTo(3));
        assertThat(adminCli("check-consistency")).contains("\"consistent\" : true");
        // The file creative's file is stored and served.
        assertThat(jdbc.sql("SELECT file_size FROM creative WHERE creative_id = 700901").query(Long.class).single())
                .isEqualTo(java.util.Base64.getDecoder().decode(PNG).length);

        JsonNode before = export(admin);
        assertThat(before.get("campaigns")).hasSize(6);
        assertThat(before.get("creatives").get(1).get("fileBase64").asString()).isEqualTo(PNG);
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        as(admin).body(before.toString()).post("/api/v3/adplane/fixtures").then().log().ifValidationFails().statusCode(200);
        assertThat(export(admin)).isEqualTo(before);
        assertThat(adminCli("check-consistency")).contains("\"consistent\" : true");

        // Loading it again keeps what exists; new rows get ids past the fixture's.
        as(admin).body(before.toString()).post("/api/v3/adplane/fixtures").then().log().ifValidationFails().statusCode(200)
                .body("data.campaigns", equalTo(0)).body("data.insertionOrders", equalTo(0));
        planner = login("planner@content.example", "planner-password-1");
        long start = clock.millis() + HOUR;
        long ioId = as(planner).body(seedInsertionOrder(start, start + DAY)).post("/api/v3/cmp/io/add").then()
                .statusCode(200).extract().jsonPath().getLong("data.ioId");
        assertThat(ioId).isGreaterThan(10902);
    }

    /** The fixture of docs/emulator.md loads as the page says, its campaign running for its user. */
    @Test
    void theDocumentedFixtureLoads() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "emulator.md"));
        String section = page.substring(page.indexOf("## Fixtures"));
        String yaml = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("\n```", section.indexOf("```yaml")));
        Login admin = loginAdmin();
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        as(admin).contentType("text/yaml").body(yaml).post("/api/v3/adplane/fixtures").then().log().ifValidationFails().statusCode(200)
                .body("data.workspaces", equalTo(1)).body("data.organizations", equalTo(2)).body("data.users", equalTo(1))
                .body("data.clients", equalTo(1)).body("data.creatives", equalTo(1))
                .body("data.insertionOrders", equalTo(1)).body("data.campaigns", equalTo(1));
        var body = given().header("Authentication", basic("agency-client", "agency-client-secret-0123"))
                .header("X-IAA-HOST", "agency.example")
                .body("{\"grantType\":\"password\",\"email\":\"buyer@agency.example\",\"password\":\"buyer-password-1\"}")
                .post("/api/v3/ua/login").then().statusCode(200).extract().jsonPath();
        Login buyer = new Login(body.getString("data.access_token"), body.getString("data.refresh_token"),
                body.getLong("data.owId"));
        assertThat(status(buyer, 590001)).isEqualTo("running");
        assertThat(as(buyer).get("/api/v3/cmp/io/19001").then().statusCode(200).extract().jsonPath()
                .getDouble("data.ioTotalBudget")).isEqualTo(1500.0);
        assertThat(adminCli("check-consistency")).contains("\"consistent\" : true");
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
    }

    /** A fixture file's creative may name its file by a path relative to the fixture, as ADPLANE_FIXTURES loads it. */
    @Test
    void aFixtureFileNamesItsCreativeFilesRelativeToItself() throws Exception {
        Login admin = loginAdmin();
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        Path folder = Files.createTempDirectory("adplane-fixture");
        Files.createDirectories(folder.resolve("files"));
        Files.write(folder.resolve("files/pixel.png"), java.util.Base64.getDecoder().decode(PNG));
        Path file = folder.resolve("fixture.yaml");
        Files.writeString(file, fixture(workspaceOwnerOwId()).replace("fileBase64: " + PNG, "file: files/pixel.png"));
        try {
            FixtureLoaded loaded = fixtures.load(Fixtures.read(file), file.getParent());
            assertThat(loaded.creatives()).isEqualTo(3);
            assertThat(export(admin).get("creatives").get(1).get("fileBase64").asString()).isEqualTo(PNG);
        } finally {
            as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        }
    }

    /** The admin commands load and export the tenancy; creatives, IOs and campaigns are the server's (E8). */
    @Test
    void theAdminCommandsLeaveCreativesIosAndCampaignsToTheServer() throws Exception {
        Login admin = loginAdmin();
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        String fixture = fixture(workspaceOwnerOwId());
        Path file = Files.createTempFile("adplane-fixture", ".yaml");
        try {
            Files.writeString(file, fixture);
            CliRun load = adminCliRun("load-fixtures", file.toString());
            assertThat(load.code()).isEqualTo(1);
            assertThat(load.err()).contains("only the running server loads").contains("/api/v3/adplane/fixtures");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM organization WHERE ow_id = 300100").query(Long.class).single())
                    .isZero();

            as(admin).body(fixture).post("/api/v3/adplane/fixtures").then().statusCode(200);
            CliRun export = adminCliRun("export-fixtures");
            assertThat(export.code()).isEqualTo(1);
            assertThat(export.err()).contains("GET /api/v3/adplane/fixtures");
        } finally {
            Files.deleteIfExists(file);
            as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        }
    }

    @Test
    void aBadEntryNamesItsFieldAndWritesNothing() {
        Login admin = loginAdmin();
        as(admin).post("/api/v3/adplane/reset").then().statusCode(200);
        String bad = fixture(workspaceOwnerOwId()).replace("budgetTotal: 500\n", "budgetTotal: -5\n");
        as(admin).body(bad).post("/api/v3/adplane/fixtures").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("campaigns[1].budgetTotal"))
                .body("errorObjects[0].error", startsWith("campaigns[1].budgetTotal: "));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insertion_order WHERE io_id = 10900").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organization WHERE ow_id = 300100").query(Long.class).single()).isZero();

        // Over HTTP a creative's file comes as Base64: a path would read the server's disk.
        String withPath = fixture(workspaceOwnerOwId()).replace("fileBase64: " + PNG, "file: pixel.png");
        as(admin).body(withPath).post("/api/v3/adplane/fixtures").then().statusCode(400)
                .body("errorObjects[0].field", equalTo("creatives[1].file"));
    }
}
