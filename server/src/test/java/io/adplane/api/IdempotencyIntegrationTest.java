package io.adplane.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * {@code Idempotency-Key} (D19) as issues 11 and 18 ask: a claim whose request died frees itself after its
 * lease, keys are scoped by user, and the duplicate endpoints honour them.
 */
class IdempotencyIntegrationTest extends IntegrationTestSupport {

    private static final long HOUR_MS = 3_600_000;
    private static final long DAY_MS = 24 * HOUR_MS;

    private String io(String name) {
        long start = clock.millis() + HOUR_MS;
        return "{\"ioName\":\"" + name + "\",\"ioStartTime\":" + start + ",\"ioEndTime\":" + (start + 30 * DAY_MS)
                + ",\"ioTimeZoneId\":29,\"isAutoSumIoTotalBudget\":true,\"ioBudgetTypeId\":1,\"ioBudgetDistributionMethodId\":1}";
    }

    private ValidatableResponse addWithKey(Login login, String key, String body) {
        return as(login).header(Idempotency.HEADER, key).body(body).post("/api/v3/cmp/io/add").then();
    }

    private long ios(long owId) {
        return jdbc.sql("SELECT COUNT(*) FROM insertion_order WHERE ow_id = ?").param(owId).query(Long.class).single();
    }

    private long campaigns(long owId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE ow_id = ?").param(owId).query(Long.class).single();
    }

    private long userId(Tenant tenant) {
        return tenancyRepository.userByEmail(tenant.email()).orElseThrow().id();
    }

    private void claimLeftBehind(Tenant tenant, String key, long leaseUntil) {
        jdbc.sql("""
                INSERT INTO idempotency_key (ow_id, user_id, idem_key, request_hash, created_at, lease_until)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(tenant.owId(), userId(tenant), key, "0".repeat(64), leaseUntil - 60_000, leaseUntil).update();
    }

    @Test
    void aClaimWhoseRequestDiedFreesItselfAfterItsLease() {
        Tenant tenant = newTenant("editor");
        Login login = login(tenant);
        // A claim with no answer whose lease (1 min) has run out: its request crashed between claim and answer.
        claimLeftBehind(tenant, "k-crashed", clock.millis() - 1);
        String body = io("After a crash");
        long ioId = addWithKey(login, "k-crashed", body).statusCode(200)
                .header("Idempotent-Replayed", nullValue()).extract().jsonPath().getLong("data.ioId");
        assertThat(ios(tenant.owId())).isEqualTo(1);
        // The retry's answer is the key's answer from now on.
        assertThat(addWithKey(login, "k-crashed", body).statusCode(200)
                .header("Idempotent-Replayed", "true").extract().jsonPath().getLong("data.ioId")).isEqualTo(ioId);
    }

    @Test
    void aClaimWithinItsLeaseIsStillRunning() {
        Tenant tenant = newTenant("editor");
        claimLeftBehind(tenant, "k-running", clock.millis() + 30_000);
        Login login = login(tenant);
        String body = io("Meanwhile");
        addWithKey(login, "k-running", body).statusCode(409)
                .header("Retry-After", "1")
                .body("errorObjects[0].error", equalTo("A request with this Idempotency-Key is still in progress."))
                .body("errorObjects[0].field", equalTo(Idempotency.HEADER));
        assertThat(ios(tenant.owId())).isZero();
        clock.advance(Duration.ofSeconds(31));
        addWithKey(login, "k-running", body).statusCode(200);
        assertThat(ios(tenant.owId())).isEqualTo(1);
    }

    @Test
    void anotherUsersKeyIsAnotherRequest() {
        Tenant editor = newTenant("editor");
        Tenant viewer = newUserIn(editor.owId(), "viewer", editor.name());
        Tenant secondEditor = newUserIn(editor.owId(), "editor", editor.name());
        String body = io("Keyed");
        long first = addWithKey(login(editor), "k-shared", body).statusCode(200).extract().jsonPath().getLong("data.ioId");

        // The viewer's request with the editor's key is the viewer's own: refused, not answered from the store.
        addWithKey(login(viewer), "k-shared", body).statusCode(403)
                .header("Idempotent-Replayed", nullValue())
                .body("errorObjects[0].error", equalTo("Forbidden!"));
        // Another editor's is a create of its own.
        long second = addWithKey(login(secondEditor), "k-shared", body).statusCode(200)
                .header("Idempotent-Replayed", nullValue()).extract().jsonPath().getLong("data.ioId");
        assertThat(second).isNotEqualTo(first);
        assertThat(ios(editor.owId())).isEqualTo(2);
    }

    @Test
    void anIoDuplicateWithAKeyTwiceMakesOneCopy() {
        Tenant tenant = newTenant("editor");
        Login login = login(tenant);
        long ioId = as(login).body(io("Original")).post("/api/v3/cmp/io/add").then().statusCode(200)
                .extract().jsonPath().getLong("data.ioId");
        String duplicate = "{\"ioId\":" + ioId + ",\"ioExistingCampaignIds\":[],\"ioTimeZoneId\":29,\"ioStartTime\":"
                + (clock.millis() + 2 * HOUR_MS) + "}";
        long copy = as(login).header(Idempotency.HEADER, "dup-io").body(duplicate).post("/api/v3/cmp/io/duplicate")
                .then().statusCode(200).extract().jsonPath().getLong("data.duplicatedIoId");
        long again = as(login).header(Idempotency.HEADER, "dup-io").body(duplicate).post("/api/v3/cmp/io/duplicate")
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .extract().jsonPath().getLong("data.duplicatedIoId");
        assertThat(again).isEqualTo(copy);
        assertThat(ios(tenant.owId())).isEqualTo(2);
        as(login).header(Idempotency.HEADER, "dup-io").body(duplicate.replace("\"ioTimeZoneId\":29", "\"ioTimeZoneId\":11"))
                .post("/api/v3/cmp/io/duplicate").then().statusCode(422).body("errorObjects[0].field", equalTo(Idempotency.HEADER));
    }

    @Test
    void aCampaignDuplicateWithAKeyTwiceMakesOneCopy() {
        Tenant tenant = newTenant("editor");
        Login login = login(tenant);
        long ioId = as(login).body(io("For campaigns")).post("/api/v3/cmp/io/add").then().statusCode(200)
                .extract().jsonPath().getLong("data.ioId");
        long campaignId = newCampaign(login, ioId, runningCreative(login));
        long start = clock.millis() / 1000 + 2 * 3600;
        String duplicate = "{\"existingCampaignIds\":\"" + campaignId + "\",\"ioId\":" + ioId + ",\"startDate\":" + start
                + ",\"endDate\":" + (start + 86_400) + ",\"timeZoneId\":29}";
        long copy = as(login).header(Idempotency.HEADER, "dup-campaign").body(duplicate)
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(200)
                .body("responseObject.status", equalTo(true))
                .extract().jsonPath().getLong("responseObject.duplicatedCampaignIds[0]");
        long again = as(login).header(Idempotency.HEADER, "dup-campaign").body(duplicate)
                .post("/api/v2/cmp/campaigns/duplicate").then().statusCode(200).header("Idempotent-Replayed", "true")
                .extract().jsonPath().getLong("responseObject.duplicatedCampaignIds[0]");
        assertThat(again).isEqualTo(copy);
        assertThat(campaigns(tenant.owId())).isEqualTo(2);
    }

    /** A creative of the seed's type 11 in the tenant's organization, approved by the workspace owner's admin. */
    private long runningCreative(Login login) {
        String request = "{\"C1\":{\"creativeName\":\"Banner " + System.nanoTime() + "\",\"platformCreativeTypeId\":11,"
                + "\"creativeSourceType\":\"URL\",\"creativeSource\":\"https://cdn.example.com/a.png\","
                + "\"clickUrl\":\"https://iqm.com\",\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}}}";
        Response r = as(login).contentType("multipart/form-data").multiPart("creativeRequest", request, "application/json")
                .post("/api/v3/crt/creatives");
        r.then().statusCode(200);
        long id = Long.parseLong(r.jsonPath().getString("data.successData.C1"));
        as(loginAdmin(), login.owId()).body(Map.of("creativeIds", new long[] {id}, "creativeStatusId", 2))
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        return id;
    }

    private long newCampaign(Login login, long ioId, long creativeId) {
        long start = clock.millis() / 1000 + 2 * 3600;
        String body = """
                {"campaignName": "Keyed", "maxBid": 100, "budgetTotal": 1500, "startTime": %d, "endTime": %d,
                 "timezone": 29, "budgetDay": 50, "creativeType": 11, "isAgreementChecked": true, "ioId": %d,
                 "countryId": "30100001", "creativeIds": "%d", "advertiserDomain": "https://iqm.com",
                 "totalBudgetPacing": false, "publisherAdCategory": "", "exchanges": "", "budgetTypeId": 1,
                 "campaignType": 1}""".formatted(start, start + 2 * 86_400, ioId, creativeId);
        return as(login).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
    }
}
