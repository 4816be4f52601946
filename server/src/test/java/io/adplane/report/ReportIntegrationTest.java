package io.adplane.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.adplane.delivery.DeliveryTestSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIntegrationTest extends DeliveryTestSupport {

    static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    Tenant a;
    long campaign;
    long io;
    long start;
    long end;

    @BeforeAll
    void deliver() {
        a = newTenant("admin");
        Login login = login(a);
        io = newIo(login);
        long creative = runningCreative(login, 11);
        campaign = newCampaign(login, io, creative, "\"budgetDay\":40,\"budgetTotal\":400,\"totalBudgetPacing\":false", 20);
        setStatus(a.owId(), campaign, "running");
        start = clock.millis();
        advance("3d");
        end = clock.millis();
    }

    /** The report quickstart's Step 4 request, byte for byte but for its dates. */
    String stepFour(long startDate, long endDate) {
        return """
                {
                   "customerIds":[
                     \s
                   ],
                   "startDate":%d,
                   "endDate":%d,
                   "dimensions":"[{\\"filter\\":\\"ioName\\"},{\\"filter\\":\\"campaign\\"}]",
                   "columns":[
                      "impressions",
                      "clicks",
                      "CTR",
                      "VCR",
                      "spent",
                      "dataCost",
                      "mediaSpent",
                      "eCPM"
                   ],
                   "requestType":2,
                   "reportAggregated":"0",
                   "timezoneName":"US/Eastern",
                   "timezoneId":29,
                   "counter":1,
                   "pageNo":1,
                   "noOfEntries":20,
                   "sortBy":"-impressions"
                }""".formatted(startDate, endDate);
    }

    JsonPath execute(Login login, String body) {
        return as(login).body(body).post("/api/v3/ra/report/execute").then().statusCode(200)
                .body("success", equalTo(true)).extract().jsonPath(EXACT);
    }

    String request(String dimensions, int requestType, String extra) {
        return "{\"dimensions\":\"" + dimensions.replace("\"", "\\\"") + "\",\"columns\":[\"impressions\",\"clicks\","
                + "\"spent\",\"bidImpressions\",\"CTR\",\"eCPM\"],\"requestType\":" + requestType + ",\"timezoneId\":29,"
                + "\"startDate\":" + start + ",\"endDate\":" + end + ",\"noOfEntries\":500" + extra + "}";
    }

    @Test
    void theQuickstartsStepFourAnswersTheDeliveryCampaignGetSpent() {
        Login login = login(a);
        JsonPath r = execute(login, stepFour(start, end));
        BigDecimal spent = new BigDecimal(as(login).get("/api/v2/cmp/campaign/" + campaign + "?isSpentRequired=true")
                .then().statusCode(200).extract().jsonPath(EXACT).getString("responseObject.spent"));
        assertThat(r.getLong("data.totalRecords")).isEqualTo(1);
        assertThat(r.getLong("data.data[0].campaignId")).isEqualTo(campaign);
        assertThat(r.getLong("data.data[0].ioId")).isEqualTo(io);
        assertThat(r.getLong("data.data[0].impressions")).isPositive();
        assertThat(new BigDecimal(r.getString("data.data[0].spent"))).isEqualByComparingTo(spent).isPositive();
        assertThat(new BigDecimal(r.getString("data.total.spent"))).isEqualByComparingTo(spent);
        assertThat(r.getLong("data.total.impressions")).isEqualTo(r.getLong("data.data[0].impressions"));
    }

    @Test
    void dailyRowsAndEveryBreakdownAddUpToTheTotals() {
        Login login = login(a);
        JsonPath aggregated = execute(login, request("[{\"filter\":\"campaign\"}]", 2, ""));
        long impressions = aggregated.getLong("data.total.impressions");
        BigDecimal spent = new BigDecimal(aggregated.getString("data.total.spent"));
        assertThat(impressions).isPositive();
        for (String dims : List.of("[{\"filter\":\"campaign\"}]", "[{\"filter\":\"deviceType\"}]",
                "[{\"filter\":\"exchange\"},{\"filter\":\"country\"}]", "[{\"filter\":\"creative\"}]")) {
            for (int type : new int[] {1, 2}) {
                JsonPath r = execute(login, request(dims, type, ""));
                List<Map<String, Object>> rows = r.getList("data.data");
                assertThat(rows).hasSize(r.getInt("data.totalRecords"));
                assertThat(rows.stream().mapToLong(x -> ((Number) x.get("impressions")).longValue()).sum())
                        .as(dims + " " + type).isEqualTo(impressions);
                assertThat(rows.stream().map(x -> new BigDecimal(x.get("spent").toString())).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo(spent);
                assertThat(r.getLong("data.total.impressions")).isEqualTo(impressions);
                if (type == 1) {
                    assertThat(rows).allSatisfy(x -> assertThat(x.get("date")).isNotNull());
                    assertThat(rows.size()).isGreaterThanOrEqualTo(3);
                }
            }
        }
        // Sorted as asked, paged with the totals of every row.
        JsonPath daily = execute(login, request("[{\"filter\":\"deviceType\"}]", 1, ",\"sortBy\":\"-impressions\""));
        List<Long> sorted = daily.getList("data.data.impressions", Long.class);
        assertThat(sorted).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonPath second = execute(login, request("[{\"filter\":\"deviceType\"}]", 1,
                ",\"sortBy\":\"-impressions\",\"pageNo\":2").replace("\"noOfEntries\":500", "\"noOfEntries\":2"));
        assertThat(second.getList("data.data.impressions", Long.class)).isEqualTo(sorted.subList(2, Math.min(4, sorted.size())));
        assertThat(second.getLong("data.total.impressions")).isEqualTo(impressions);
    }

    @Test
    void weeklyAndMonthlyRowsAreIqmsDateRangesAndAddUpToTheTotals() {
        Login login = login(a);
        long impressions = execute(login, request("[{\"filter\":\"campaign\"}]", 2, "")).getLong("data.total.impressions");
        java.util.regex.Pattern range = java.util.regex.Pattern.compile("\\d{2}/\\d{2}/\\d{4} - \\d{2}/\\d{2}/\\d{4}");
        for (int type : new int[] {3, 4}) {
            // IQM's fields that describe a report rather than its rows are accepted.
            JsonPath r = execute(login, request("[{\"filter\":\"campaign\"}]", type,
                    ",\"reportName\":\"Weekly\",\"fileType\":1,\"owId\":" + a.owId()));
            List<Map<String, Object>> rows = r.getList("data.data");
            assertThat(rows).isNotEmpty().allSatisfy(x -> assertThat(x.get("dateRange").toString()).matches(range));
            assertThat(rows.stream().mapToLong(x -> ((Number) x.get("impressions")).longValue()).sum()).isEqualTo(impressions);
            assertThat(rows.stream().map(x -> x.get("dateRange")).distinct().count()).isEqualTo(rows.size());
        }
    }

    @Test
    void iqmsLimitsAndErrors() {
        Login login = login(a);
        as(login).body("{\"dimensions\":\"[{\\\"filter\\\":\\\"campaign\\\"}]\",\"requestType\":1,\"startDate\":" + start
                + ",\"endDate\":" + end + "}").post("/api/v3/ra/report/execute").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Please select columns for report creation"))
                .body("errorObjects[0].field", equalTo("columns"));
        as(login).body(request("[]", 2, "")).post("/api/v3/ra/report/execute").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("dimensions"));
        as(login).body(request("[{\"filter\":\"planet\"}]", 2, "")).post("/api/v3/ra/report/execute").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("dimensions"));
        long year = 366L * 24 * 3600 * 1000;
        as(login).body(request("[{\"filter\":\"campaign\"}]", 2, "").replace("\"startDate\":" + start,
                "\"startDate\":" + (end - year - 86_400_000L))).post("/api/v3/ra/report/execute").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("The date range for a Report cannot exceed one year."));
        long fourMonths = 124L * 24 * 3600 * 1000;
        as(login).body(request("[{\"filter\":\"deviceType\"}]", 2, "").replace("\"startDate\":" + start,
                "\"startDate\":" + (end - fourMonths))).post("/api/v3/ra/report/execute").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("endDate"));
        // The campaign dimension may span up to a year.
        execute(login, request("[{\"filter\":\"campaign\"}]", 2, "").replace("\"startDate\":" + start,
                "\"startDate\":" + (end - fourMonths)));
        as(login).body(request("[{\"filter\":\"campaign\"}]", 5, "")).post("/api/v3/ra/report/execute").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("requestType"));
        as(login).get("/api/v3/ra/report/dimension-metrics/detail").then().statusCode(200)
                .body("data.dimensions.find { it.'Campaign Specifics' }.'Campaign Specifics'[0].key", equalTo("campaign"));
    }

    @Test
    void anotherOrganizationNeverSeesTheDelivery() {
        Login b = login(newTenant("admin"));
        JsonPath mine = execute(b, stepFour(start, end));
        assertThat(mine.getLong("data.totalRecords")).isZero();
        assertThat(mine.getList("data.data")).isEmpty();
        JsonPath filtered = execute(b, request("[{\"filter\":\"campaign\",\"value\":[" + campaign + "]}]", 1,
                ",\"filters\":{\"campaignIds\":[" + campaign + "]}"));
        assertThat(filtered.getList("data.data")).isEmpty();
        assertThat(filtered.getLong("data.total.impressions")).isZero();
        as(b).body(request("[{\"filter\":\"campaign\"}]", 2, ",\"customerIds\":[" + a.owId() + "]"))
                .post("/api/v3/ra/report/execute").then().statusCode(403);
        // The workspace owner's admin may report on its customer, by customerIds.
        JsonPath owner = execute(loginAdmin(), request("[{\"filter\":\"campaign\"}]", 2, ",\"customerIds\":[" + a.owId() + "]"));
        assertThat(owner.getLong("data.totalRecords")).isEqualTo(1);
    }
}
