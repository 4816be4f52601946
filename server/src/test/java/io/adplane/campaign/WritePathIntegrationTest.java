package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The one write path (issue 11): concurrent edits keep every acknowledged change, the IO total always equals
 * its campaigns' sum, every change is in the history, and status moves only through the state machine.
 */
class WritePathIntegrationTest extends CampaignTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    CampaignExpiryJob expiryJob;

    record Setup(Tenant tenant, Login login, long ioId, long creativeId) {
    }

    Setup setup() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        return new Setup(tenant, login, newIo(login), runningCreative(login, 11));
    }

    /** Runs {@code n} tasks that start together; each task's own result, in task order. */
    static <T> List<T> together(int n, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> t = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return t.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    JsonPath campaign(Login login, long id) {
        return as(login).get("/api/v2/cmp/campaign/" + id).then().statusCode(200).extract().jsonPath();
    }

    BigDecimal ioTotal(Login login, long ioId) {
        return new BigDecimal(as(login).get("/api/v3/cmp/io/" + ioId).then().statusCode(200)
                .extract().path("data.ioTotalBudget").toString());
    }

    BigDecimal sumOfCampaigns(long ioId) {
        return jdbc.sql("SELECT COALESCE(SUM(budget_total), 0) FROM campaign WHERE io_id = ? AND status <> 'deleted'")
                .param(ioId).query(BigDecimal.class).single();
    }

    @Test
    void twentyConcurrentBudgetAdditionsAllCount() throws Exception {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        List<Response> answers = together(20, i -> () -> as(s.login())
                .body("{\"campaignIds\":\"" + id + "\",\"totalBudget\":5,\"totalBudgetUpdateType\":\"addition\"}")
                .put("/api/v2/cmp/campaigns/update-budget"));
        for (Response r : answers) {
            r.then().statusCode(200).body("responseObject.status", equalTo(true));
        }
        // Each answer reports the total its own addition made: 1505, 1510, ... 1600, each exactly once.
        List<Float> seen = answers.stream().map(r -> r.jsonPath().getFloat("responseObject.modified_data[0].budgetTotal"))
                .sorted().toList();
        List<Float> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            expected.add(1500f + 5 * i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(campaign(s.login(), id).getFloat("responseObject.budgetTotal")).isEqualTo(1600f);
        assertThat(ioTotal(s.login(), s.ioId())).isEqualByComparingTo("1600");
        assertThat(sumOfCampaigns(s.ioId())).isEqualByComparingTo("1600");
    }

    @Test
    void aBudgetChangeRacingAnEndDateChangeAndAPatchKeepsAllThree() throws Exception {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        long other = newCampaign(s.login(), s.ioId(), s.creativeId());
        long start = campaign(s.login(), id).getLong("responseObject.startTime");
        for (int round = 0; round < 8; round++) {
            int budget = 2000 + round;
            long end = start + 3 * DAY + round * HOUR;
            String bid = "7." + round;
            List<Integer> statuses = together(3, i -> () -> switch (i) {
                case 0 -> as(s.login()).body("{\"campaignIds\":\"" + id + "," + other + "\",\"totalBudget\":" + budget + "}")
                        .put("/api/v2/cmp/campaigns/update-budget").statusCode();
                case 1 -> as(s.login()).body("{\"campaignIds\":\"" + id + "\",\"endDate\":" + end + "}")
                        .put("/api/v2/cmp/campaigns/update-end-date").statusCode();
                default -> as(s.login()).body("{\"maxBid\":" + bid + "}").patch("/api/v2/cmp/campaign/" + id).statusCode();
            });
            assertThat(statuses).as("round " + round).containsOnly(200);
            JsonPath c = campaign(s.login(), id);
            assertThat(c.getFloat("responseObject.budgetTotal")).as("round " + round).isEqualTo((float) budget);
            assertThat(c.getLong("responseObject.endTime")).as("round " + round).isEqualTo(end);
            assertThat(c.getString("responseObject.maxBid")).as("round " + round).isEqualTo(bid);
            assertThat(ioTotal(s.login(), s.ioId())).as("round " + round).isEqualByComparingTo(sumOfCampaigns(s.ioId()))
                    .isEqualByComparingTo(String.valueOf(2 * budget));
        }
    }

    @Test
    void everyChangeIsInTheHistoryNewestFirstAndOnlyForItsOrganization() {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        as(s.login()).body("{\"maxBid\":7.5}").patch("/api/v2/cmp/campaign/" + id).then().statusCode(200);
        Tenant approverUser = newUserIn(workspaceOwnerOwId(), "approver", "adplane");
        updateStatus(login(approverUser), s.tenant().owId(), "" + id, "running", null).then().statusCode(200);

        as(s.login()).get("/api/v3/cmp/campaign/" + id + "/changes").then().statusCode(200)
                .body("data.totalRecords", equalTo(3))
                .body("data.changes.action", contains("updated", "updated", "created"))
                .body("data.changes[0].uowId", equalTo((int) approverUser.uowId()))
                .body("data.changes[0].fields", hasSize(1))
                .body("data.changes[0].fields[0].field", equalTo("status"))
                .body("data.changes[0].fields[0].oldValue", equalTo("pending"))
                .body("data.changes[0].fields[0].newValue", equalTo("running"))
                .body("data.changes[1].uowId", equalTo((int) s.tenant().uowId()))
                .body("data.changes[1].fields.field", contains("maxBid"))
                .body("data.changes[1].fields[0].oldValue", equalTo(100))
                .body("data.changes[1].fields[0].newValue", equalTo(7.5f))
                .body("data.changes[2].fields.field", org.hamcrest.Matchers.hasItems("campaignName", "budgetTotal", "status"));
        // Paged: one per page, newest first.
        as(s.login()).get("/api/v3/cmp/campaign/" + id + "/changes?pageNo=2&noOfEntries=1").then().statusCode(200)
                .body("data.changes", hasSize(1)).body("data.changes[0].fields.field", contains("maxBid"));

        // Another organization's campaign reads exactly like a missing one.
        Login other = login(newTenant("admin"));
        String foreign = as(other).get("/api/v3/cmp/campaign/" + id + "/changes").then().statusCode(404).extract().asString();
        String missing = as(other).get("/api/v3/cmp/campaign/999999999/changes").then().statusCode(404).extract().asString();
        assertThat(foreign).isEqualTo(missing);
    }

    @Test
    void anIoKeepsItsHistoryAndItsFlightHoldsItsCampaigns() {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        long campaignEnd = campaign(s.login(), id).getLong("responseObject.endTime");
        long campaignStart = campaign(s.login(), id).getLong("responseObject.startTime");
        // D13: the IO's end can't move before a campaign's end, its start not after a campaign's start.
        as(s.login()).body("{\"ioIdsList\":[" + s.ioId() + "],\"ioEndTime\":" + (campaignEnd - 60) * 1000 + "}")
                .patch("/api/v3/cmp/io/update-end-date").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("ioEndTime"))
                .body("errorObjects[0].error", equalTo("IO end time can't be before the end of its campaigns"));
        as(s.login()).body("{\"ioStartTime\":" + (campaignStart + 60) * 1000 + "}").patch("/api/v3/cmp/io/" + s.ioId())
                .then().statusCode(422).body("errorObjects[0].field", equalTo("ioStartTime"));
        as(s.login()).body("{\"ioIdsList\":[" + s.ioId() + "],\"ioEndTime\":" + (campaignEnd + 60) * 1000 + "}")
                .patch("/api/v3/cmp/io/update-end-date").then().statusCode(200);
        as(s.login()).body("{\"ioName\":\"Renamed IO\"}").patch("/api/v3/cmp/io/" + s.ioId()).then().statusCode(200);
        as(s.login()).get("/api/v3/cmp/io/" + s.ioId() + "/changes").then().statusCode(200)
                .body("data.changes.action", contains("updated", "updated", "created"))
                .body("data.changes[0].fields.field", contains("ioName"))
                .body("data.changes[0].fields[0].newValue", equalTo("Renamed IO"))
                .body("data.changes[1].fields.field", contains("ioEndTime"))
                .body("data.changes[1].fields[0].newValue", equalTo((campaignEnd + 60) * 1000));

        // Deleting the IO deletes its campaign, and both histories say so.
        as(s.login()).body("{\"ioIdsList\":[" + s.ioId() + "]}").post("/api/v3/cmp/io/delete").then().statusCode(200);
        as(s.login()).get("/api/v3/cmp/campaign/" + id + "/changes").then().statusCode(200)
                .body("data.changes[0].action", equalTo("deleted"))
                .body("data.changes[0].fields[0].newValue", equalTo("deleted"));
        as(s.login()).get("/api/v3/cmp/io/" + s.ioId() + "/changes").then().statusCode(200)
                .body("data.changes[0].action", equalTo("deleted"));
        assertThat(jdbc.sql("SELECT allocated_budget FROM insertion_order WHERE io_id = ?").param(s.ioId())
                .query(BigDecimal.class).single()).isEqualByComparingTo("0");
    }

    @Test
    void aCampaignThatReadsExpiredIsExpiredForEveryMove() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long creative = runningCreative(login, 11);
        long ioStart = (nowSeconds() - HOUR) * 1000;
        long ioId = as(login).body("{\"ioName\":\"Short\",\"ioStartTime\":" + ioStart + ",\"ioEndTime\":"
                + (ioStart + 4 * HOUR * 1000) + ",\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1}").post("/api/v3/cmp/io/add")
                .then().statusCode(200).extract().jsonPath().getLong("data.ioId");
        long start = nowSeconds() + HOUR;
        // No end of its own: it ends with its IO (D13).
        String body = seedCampaign(ioId, creative, start, start).replace("\"endTime\": " + start + ",\n", "");
        long id = as(login).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .extract().jsonPath().getLong("responseObject.data");
        updateStatus(login(newUserIn(workspaceOwnerOwId(), "approver", "adplane")), tenant.owId(), "" + id, "running", null)
                .then().statusCode(200);
        clock.advance(Duration.ofHours(5));
        assertThat(statusOf(login, id)).isEqualTo("expired");
        updateStatus(login, tenant.owId(), "" + id, "paused", null).then().statusCode(409)
                .body("responseObject.errorMsg", equalTo("Campaign status cannot change from 'expired' to 'paused'."));
        // A refused move changes nothing; the expiry job makes the expiry stick, with its reason.
        as(login).get("/api/v3/cmp/campaign/" + id + "/status-history").then()
                .body("data.toStatus", contains("pending", "running"));
        expiryJob.expireDue();
        as(login).get("/api/v3/cmp/campaign/" + id + "/status-history").then()
                .body("data.toStatus", contains("pending", "running", "expired"))
                .body("data[2].reason", equalTo("end date passed"))
                .body("data[2].uowId", nullValue());
    }

    /** Server-owned fields IQM's request schema lists are accepted and never applied. */
    @ParameterizedTest
    @ValueSource(strings = {"id", "owId", "uowId", "status", "advertiserId", "dspId", "created", "modifiedDate",
            "excludeFromPlatformServing", "forTest", "dspMargin", "platformMargin", "userDealMargin"})
    void aServerOwnedCampaignFieldIsNeverApplied(String field) {
        Setup s = setup();
        Tenant other = newTenant("admin");
        Object value = switch (field) {
            case "status" -> "\"running\"";
            case "owId" -> other.owId();
            case "excludeFromPlatformServing", "forTest" -> true;
            case "dspMarginJson", "platformMarginJson" -> "{}";
            default -> 1;
        };
        long start = nowSeconds() + HOUR;
        String body = seedCampaign(s.ioId(), s.creativeId(), start, start + DAY).replace("{\n", "{\n\"" + field + "\": " + value + ",\n");
        long id = as(s.login()).body(body).post("/api/v2/cmp/campaigns/add").then().statusCode(200)
                .body("responseObject.status", equalTo("pending")).extract().jsonPath().getLong("responseObject.data");
        assertThat(id).isNotEqualTo(1L);
        as(s.login()).get("/api/v2/cmp/campaign/" + id).then().statusCode(200)
                .body("responseObject.owId", equalTo((int) s.tenant().owId()))
                .body("responseObject.uowId", equalTo((int) s.tenant().uowId()))
                .body("responseObject.status", equalTo("pending"))
                .body("responseObject.dspMargin", equalTo(0));
        assertThat(jdbc.sql("SELECT settings FROM campaign WHERE id = ?").param(id).query(String.class).single())
                .doesNotContain("\"" + field + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ioId", "owId", "createdByUowId", "modifiedByUowId", "ioNextPerformanceCheck",
            "ioLastPriorityShift", "ioCurrentPriority", "isIoPrioritise"})
    void aServerOwnedIoFieldIsNeverApplied(String field) {
        Tenant tenant = newTenant("admin");
        Tenant other = newTenant("admin");
        Login login = login(tenant);
        Object value = switch (field) {
            case "owId" -> other.owId();
            case "isIoPrioritise" -> true;
            default -> 7;
        };
        long start = clock.millis() + 3600_000;
        JsonPath io = as(login).body("{\"ioName\":\"Owned\",\"ioStartTime\":" + start + ",\"ioTimeZoneId\":29,"
                + "\"ioBudgetTypeId\":1,\"" + field + "\":" + value + "}").post("/api/v3/cmp/io/add").then()
                .statusCode(200).extract().jsonPath();
        assertThat(io.getLong("data.ioId")).isNotEqualTo(7L);
        assertThat(io.getLong("data.owId")).isEqualTo(tenant.owId());
        assertThat(io.getLong("data.createdByUowId")).isEqualTo(tenant.uowId());
        assertThat(io.getLong("data.modifiedByUowId")).isEqualTo(tenant.uowId());
        assertThat(io.getBoolean("data.isIoPrioritise")).isFalse();
        // Server-owned and never set by adplane: IQM's non-nullable default 0 (F12), whatever was sent.
        assertThat(io.getInt("data.ioCurrentPriority")).isZero();
        assertThat(io.getLong("data.ioNextPerformanceCheck")).isZero();
    }

    @Test
    void theIoCampaignListCountsEveryCampaignAndNestsAtMostFiveHundred() {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        // 505 more campaigns under the IO, copied in SQL (the API would take minutes).
        for (int i = 0; i < 505; i++) {
            jdbc.sql("""
                    INSERT INTO campaign (ow_id, io_id, uow_id, modified_by_uow_id, campaign_name, campaign_type_id,
                        creative_type_id, status, budget_type_id, budget_total, budget_day, max_bid, total_budget_pacing,
                        start_time, end_time, timezone_id, country_id, advertiser_domain, creative_ids, exchanges,
                        publisher_ad_category, device_type, traffic_type, is_agreement_checked, settings, created_at, modified_at)
                    SELECT ow_id, io_id, uow_id, modified_by_uow_id, campaign_name, campaign_type_id, creative_type_id, status,
                        budget_type_id, budget_total, budget_day, max_bid, total_budget_pacing, start_time, end_time,
                        timezone_id, country_id, advertiser_domain, creative_ids, exchanges, publisher_ad_category,
                        device_type, traffic_type, is_agreement_checked, settings, created_at, modified_at
                    FROM campaign WHERE id = ?""").param(id).update();
        }
        // The IO's count of campaigns moves as the write path would have moved it (issue 17).
        jdbc.sql("UPDATE insertion_order SET allocated_campaigns = allocated_campaigns + 505 WHERE io_id = ?")
                .param(s.ioId()).update();
        long small = newIo(s.login());
        newCampaign(s.login(), small, s.creativeId());
        as(s.login()).body("{\"ioIdsList\":[" + s.ioId() + "," + small + "]}").post("/api/v3/cmp/io/campaign/basic/list")
                .then().statusCode(200)
                .body("data.ioCampaignsList.find { it.ioId == " + s.ioId() + " }.campaignCount", equalTo(506))
                .body("data.ioCampaignsList.find { it.ioId == " + s.ioId() + " }.campaigns", hasSize(500))
                .body("data.ioCampaignsList.find { it.ioId == " + small + " }.campaignCount", equalTo(1))
                .body("data.ioCampaignsList.find { it.ioId == " + small + " }.campaigns", hasSize(1));
    }

    @Test
    void anApprovalSetsTheAdCategoriesItNames() {
        Setup s = setup();
        long a = newCampaign(s.login(), s.ioId(), s.creativeId());
        long b = newCampaign(s.login(), s.ioId(), s.creativeId());
        Login approver = login(newUserIn(workspaceOwnerOwId(), "approver", "adplane"));
        as(approver, s.tenant().owId()).body("{\"campaignIds\":\"" + a + "," + b + "\",\"status\":\"running\","
                + "\"adCategoryIds\":\"11,12\",\"campaignAdCategories\":{\"" + b + "\":{\"adCategoryIds\":\"13\"}}}")
                .put("/api/v2/cmp/campaigns/update-status").then().statusCode(200)
                .body("responseObject.status", equalTo(true));
        assertThat(campaign(s.login(), a).getString("responseObject.campaignIabCategoryIds")).isEqualTo("11,12");
        assertThat(campaign(s.login(), b).getString("responseObject.campaignIabCategoryIds")).isEqualTo("13");
        // Ad categories are set by approving, not by a pause or an editor.
        as(s.login()).body("{\"campaignIds\":\"" + a + "\",\"status\":\"paused\",\"adCategoryIds\":\"11\"}")
                .put("/api/v2/cmp/campaigns/update-status").then().statusCode(400)
                .body("responseObject.errorField", equalTo("adCategoryIds"));
    }

    @Test
    void duplicateRefusesPgDealIdsInsteadOfDroppingThem() {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        as(s.login()).body("{\"existingCampaignIds\":\"" + id + "\",\"ioId\":" + s.ioId() + ",\"startDate\":"
                + (nowSeconds() + HOUR) + ",\"pgDealIds\":[5]}").post("/api/v2/cmp/campaigns/duplicate").then()
                .statusCode(400).body("responseObject.errorField", equalTo("pgDealIds"));
    }

    @Test
    void theCreativeListFiltersByTheCampaignsThatNameThem() {
        Setup s = setup();
        long second = runningCreative(s.login(), 11);
        long unused = runningCreative(s.login(), 11);
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        as(s.login()).body(Map.of("creativeIds", List.of(second), "assignedCampaignIds", List.of(id)))
                .patch("/api/v3/cmp/target/creative").then().statusCode(200);
        as(s.login()).body(Map.of("campaignIds", List.of(id))).post("/api/v3/crt/creatives/list").then().statusCode(200)
                .body("data.filteredRecords", equalTo(2))
                .body("data.filteredList.creativeId", org.hamcrest.Matchers.containsInAnyOrder((int) s.creativeId(), (int) second));
        assertThat(unused).isPositive();
        // Another organization's campaign names nothing for this caller.
        Setup other = setup();
        long foreign = newCampaign(other.login(), other.ioId(), other.creativeId());
        as(s.login()).body(Map.of("campaignIds", List.of(foreign))).post("/api/v3/crt/creatives/list").then()
                .statusCode(200).body("data.filteredRecords", equalTo(0));
    }

    @Test
    void domainEventsAreDeliveredThroughThePublicationRegistry() {
        Setup s = setup();
        long id = newCampaign(s.login(), s.ioId(), s.creativeId());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%CampaignChanged'
                        AND serialized_event LIKE ? AND completion_date IS NOT NULL""")
                        .param("%\"campaignId\":" + id + ",%").query(Long.class).single()).isEqualTo(1));
    }
}
