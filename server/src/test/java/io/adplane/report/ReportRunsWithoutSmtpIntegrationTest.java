package io.adplane.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Without SMTP (the shared server has none), a scheduled report's run is still recorded, listed and downloadable;
 * its link stops working when it expires.
 */
class ReportRunsWithoutSmtpIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ReportRuns runs;

    /** The report's runs, once the run is recorded (this server's own job may be the one that ran it). */
    private JsonPath listed(Login login, long report) throws InterruptedException {
        JsonPath list = null;
        for (int i = 0; i < 50; i++) {
            list = as(login).get("/api/v3/adplane/reports/" + report + "/runs").then().statusCode(200).extract().jsonPath();
            if (!list.getList("data").isEmpty()) {
                return list;
            }
            Thread.sleep(100);
        }
        return list;
    }

    @Test
    void aRunIsRecordedAndDownloadableUntilItExpires() throws Exception {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long report = as(login).body(ReportScheduleIntegrationTest.REPORT).post("/api/v3/ra/report/add").then()
                .statusCode(200).extract().jsonPath().getLong("data");
        as(login).body("{\"reportId\":" + report + ",\"subscriberEmails\":[\"ops@agency.example\"],\"fileType\":1,"
                + "\"deliveryFrequency\":1}").post("/api/v3/ra/report/email/schedule").then().statusCode(200);
        runs.runDue();

        JsonPath list = listed(login, report);
        assertThat(list.getList("data")).hasSize(1);
        assertThat(list.getInt("data[0].rows")).isZero();
        assertThat(list.getString("data[0].sentAt")).isNull();
        assertThat(list.getList("data[0].subscriberEmails")).containsExactly("ops@agency.example");
        String url = list.getString("data[0].url");
        assertThat(url).contains("/api/v3/adplane/reports/files/rpt_");
        byte[] file = RestAssured.given().header("Authorization", "Bearer " + login.accessToken())
                .header("X-IAA-OW-ID", login.owId()).get(url).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
                .extract().asByteArray();
        // No campaign delivered: the header alone, the report's columns.
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("impressions,clicks,spent\r\n");
        // A run that ran once does not run again, and the report says what remains of its schedule.
        runs.runDue();
        assertThat(as(login).get("/api/v3/adplane/reports/" + report + "/runs").then().statusCode(200).extract()
                .jsonPath().getList("data")).hasSize(1);
        as(login).get("/api/v3/ra/report/" + report).then().statusCode(200)
                .body("data.reportSchedulingEventDetails.deliveryFrequency", equalTo(1));

        // Without a login, or with a guessed token, nothing.
        RestAssured.given().get(url).then().statusCode(401);
        as(login).get("/api/v3/adplane/reports/files/rpt_guessed").then().statusCode(404)
                .body("errorObjects[0].error", equalTo("Report file does not exist or has expired."));

        // Eight days later the link has expired.
        clock.advance(java.time.Duration.ofDays(8));
        login = login(tenant);
        as(login).get(url.substring(url.indexOf("/api/"))).then().statusCode(404);
        as(login).get("/api/v3/adplane/reports/" + report + "/runs").then().statusCode(200)
                .body("data[0].url", nullValue());
        List<Map<String, Object>> all = as(login).get("/api/v3/adplane/reports/" + report + "/runs").then()
                .extract().jsonPath().getList("data");
        assertThat(all).hasSize(1);
    }

    @Test
    void twoInstancesRunningTheJobAtOnceRunADueScheduleOnce() throws Exception {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long report = as(login).body(ReportScheduleIntegrationTest.REPORT).post("/api/v3/ra/report/add").then()
                .statusCode(200).extract().jsonPath().getLong("data");
        as(login).body("{\"reportId\":" + report + ",\"subscriberEmails\":[\"ops@agency.example\"],\"fileType\":1,"
                + "\"deliveryFrequency\":1}").post("/api/v3/ra/report/email/schedule").then().statusCode(200);
        long due = jdbc.sql("SELECT next_run_at FROM report_schedule WHERE report_id = ?").param(report)
                .query(Long.class).single();

        // Two job runs (as two instances would) claim at the same moment; each must finish without a fault.
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> both = List.of(
                    pool.submit(() -> { go.await(); return runs.runDue(); }),
                    pool.submit(() -> { go.await(); return runs.runDue(); }));
            go.countDown();
            for (java.util.concurrent.Future<Integer> one : both) {
                assertThat(one.get(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNegative();
            }
        } finally {
            pool.shutdownNow();
        }

        // One run of this schedule is stored, and the claim took it off the due list (it was to run once).
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_run WHERE report_id = ?").param(report).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(listed(login, report).getList("data")).hasSize(1);
        assertThat(jdbc.sql("SELECT next_run_at FROM report_schedule WHERE report_id = ?").param(report)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1))).single()).isEmpty();
        assertThat(due).isPositive();
    }
}
