package io.adplane.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.adplane.delivery.DeliveryTestSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Reports sorted by a count or an amount are ranked and paged by the database (S17): the pages, their order
 * (equal values by day, then campaign id: P1), the totals and the row count are those of every row with delivery.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRankingIntegrationTest extends DeliveryTestSupport {

    static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    Tenant tenant;
    long first;
    long second;
    long third;
    long start;
    long end;

    static String row(long campaign, long hour, long impressions, String spend) {
        return ingestedRow(campaign, hour, 16, 11, String.valueOf(impressions), spend, "0");
    }

    /** An hour whose counts are all zero: recorded, but no report row. */
    static String zero(long campaign, long hour) {
        return "{\"campaignId\":" + campaign + ",\"hour\":" + hour + ",\"creativeId\":5,\"exchangeId\":16,"
                + "\"deviceTypeId\":11,\"countryId\":30100001,\"bidRequests\":0,\"bidImpressions\":0,\"impressions\":0,"
                + "\"clicks\":0,\"mediaSpent\":0,\"dataCost\":0}";
    }

    @BeforeAll
    void ingest() {
        tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        String money = "\"budgetDay\":50,\"budgetTotal\":500,\"totalBudgetPacing\":false";
        first = newCampaign(login, io, creative, money, 5);
        second = newCampaign(login, io, creative, money, 5);
        third = newCampaign(login, io, creative, money, 5);
        long hour = (nowSeconds() / HOUR + 1) * HOUR;
        start = clock.millis();
        advance("30h");
        end = clock.millis();
        login = login(tenant);
        long nextDay = hour + 26 * HOUR;
        // Ties: 100 impressions for the first campaign on both days and for the second on the first day.
        String rows = String.join(",", row(first, hour, 100, "1.000001"), row(first, nextDay, 100, "0.5"),
                row(second, hour, 100, "2.5"), row(second, nextDay, 300, "3"), row(third, hour, 50, "0.25"),
                zero(third, nextDay));
        as(login).body("{\"rows\":[" + rows + "]}").post("/api/v3/adplane/delivery").then().statusCode(200)
                .body("data.recorded", equalTo(6));
    }

    JsonPath execute(int requestType, String sortBy, int pageNo, int noOfEntries) {
        String body = "{\"dimensions\":\"[{\\\"filter\\\":\\\"campaign\\\"}]\",\"columns\":[\"impressions\",\"spent\","
                + "\"CTR\",\"campaignName\"],\"requestType\":" + requestType + ",\"timezoneId\":29,\"startDate\":" + start
                + ",\"endDate\":" + end + ",\"sortBy\":\"" + sortBy + "\",\"pageNo\":" + pageNo + ",\"noOfEntries\":"
                + noOfEntries + "}";
        return as(login(tenant)).body(body).post("/api/v3/ra/report/execute").then().statusCode(200)
                .body("success", equalTo(true)).extract().jsonPath(EXACT);
    }

    /** Every page of two rows, in order. */
    List<Map<String, Object>> paged(int requestType, String sortBy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            JsonPath r = execute(requestType, sortBy, page, 2);
            assertThat(r.getLong("data.totalRecords")).isEqualTo(requestType == 1 ? 5 : 3);
            assertThat(r.getLong("data.total.impressions")).isEqualTo(650);
            assertThat(new BigDecimal(r.getString("data.total.spent"))).isEqualByComparingTo("7.250001");
            rows.addAll(r.getList("data.data"));
        }
        return rows;
    }

    static long impressions(Map<String, Object> row) {
        return ((Number) row.get("impressions")).longValue();
    }

    static long campaignId(Map<String, Object> row) {
        return ((Number) row.get("campaignId")).longValue();
    }

    @Test
    void aDailyReportByImpressionsIsPagedInOneOrderWithTheTotalsOfEveryRow() {
        List<Map<String, Object>> rows = paged(1, "-impressions");
        // The all-zero hour makes no row; equal impressions keep the order of their day, then their campaign.
        assertThat(rows).hasSize(5);
        List<Map<String, Object>> expected = new ArrayList<>(rows);
        expected.sort(Comparator.comparingLong(ReportRankingIntegrationTest::impressions).reversed()
                .thenComparing(x -> x.get("date").toString()).thenComparingLong(ReportRankingIntegrationTest::campaignId));
        assertThat(rows).isEqualTo(expected);
        assertThat(rows.stream().map(ReportRankingIntegrationTest::impressions).toList())
                .containsExactly(300L, 100L, 100L, 100L, 50L);
        assertThat(campaignId(rows.get(0))).isEqualTo(second);
        assertThat(rows.get(0).get("campaignName").toString()).startsWith("Delivery ");
        assertThat(rows.get(1).get("date").toString()).isLessThan(rows.get(3).get("date").toString());
        assertThat(rows.subList(1, 3).stream().map(ReportRankingIntegrationTest::campaignId).toList())
                .containsExactly(first, second);
        // One page of everything is the same rows in the same order.
        assertThat(execute(1, "-impressions", 1, 500).getList("data.data")).isEqualTo(rows);
        // Ascending, equal impressions still keep their keys' order.
        assertThat(paged(1, "+impressions").stream().map(ReportRankingIntegrationTest::impressions).toList())
                .containsExactly(50L, 100L, 100L, 100L, 300L);
    }

    @Test
    void anAmountRanksByItsExactValueAndOtherKeysSortTheSameRows() {
        List<Map<String, Object>> bySpend = paged(1, "-spent");
        assertThat(bySpend.stream().map(x -> x.get("spent").toString()).toList())
                .containsExactly("3.0", "2.5", "1.000001", "0.5", "0.25");
        // A sort the database does not rank (a ratio) answers the same rows, totals and count.
        List<Map<String, Object>> byCtr = paged(1, "-CTR");
        assertThat(byCtr).containsExactlyInAnyOrderElementsOf(bySpend);
        // Aggregated: one row per campaign, ranked by the sum.
        List<Map<String, Object>> aggregated = paged(2, "-impressions");
        assertThat(aggregated.stream().map(ReportRankingIntegrationTest::campaignId).toList())
                .containsExactly(second, first, third);
        assertThat(aggregated.stream().map(ReportRankingIntegrationTest::impressions).toList())
                .containsExactly(400L, 200L, 50L);
        assertThat(execute(2, "-impressions", 3, 2).getList("data.data")).isEmpty();
    }

    @Test
    void aSortOutsideTheReportsColumnsIsRefused() {
        String body = "{\"dimensions\":\"[{\\\"filter\\\":\\\"campaign\\\"}]\",\"columns\":[\"spent\"],\"requestType\":1,"
                + "\"startDate\":" + start + ",\"endDate\":" + end + ",\"sortBy\":\"-clicks\"}";
        as(login(tenant)).body(body).post("/api/v3/ra/report/execute").then().statusCode(422)
                .body("errorObjects[0].field", equalTo("sortBy"));
    }
}
