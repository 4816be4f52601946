package io.adplane.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.adplane.delivery.DeliveryTestSupport;
import io.restassured.RestAssured;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Report schedules over HTTP with a real SMTP server (GreenMail): a scheduled report's run arrives by email with
 * its file (CSV or XLSX) holding the rows {@code execute} answers, and a download link; another organization can't
 * see, change, remove or download any of it.
 */
class ReportScheduleIntegrationTest extends DeliveryTestSupport {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("adplane.mail.from", () -> "reports@adplane.test");
        // The test runs the schedules itself; the job of this server stays out of its way.
        registry.add("adplane.reports.schedule-interval", () -> "1h");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    ReportRuns runs;

    static final String REPORT = """
            {"reportName":"Campaign spend","dimensions":"[{\\"filter\\":\\"campaign\\"}]",
            "columns":["impressions","clicks","spent"],"requestType":2,"reportAggregated":"0","timezoneId":29,
            "timezoneName":"US/Eastern","customerIds":[]}""";

    private MimeMessage mailTo(String email, int nth) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            try {
                if (m.getAllRecipients()[0].toString().equals(email)) {
                    found.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(found).as("messages to %s", email).hasSizeGreaterThan(nth);
        return found.get(nth);
    }

    private record Attachment(String name, byte[] bytes, String text) {
    }

    private static Attachment attachment(MimeMessage m) throws Exception {
        MimeMultipart parts = (MimeMultipart) m.getContent();
        String text = null;
        Attachment file = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                file = new Attachment(p.getFileName(), p.getInputStream().readAllBytes(), null);
            } else if (p.getContent() instanceof MimeMultipart inner) {
                text = inner.getBodyPart(0).getContent().toString();
            } else {
                text = p.getContent().toString();
            }
        }
        assertThat(file).as("an attachment").isNotNull();
        return new Attachment(file.name(), file.bytes(), text);
    }

    private int runCount(Login login, long report) {
        return as(login).get("/api/v3/adplane/reports/" + report + "/runs").then().statusCode(200).extract().jsonPath()
                .getList("data").size();
    }

    private List<Map<String, Object>> executed(Login login, long reportId) {
        return as(login).body("{\"id\":" + reportId + ",\"noOfEntries\":500}").post("/api/v3/ra/report/execute")
                .then().statusCode(200).extract()
                .jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getList("data.data");
    }

    @Test
    void aScheduledReportArrivesByEmailAsCsvThenXlsxAndStaysWithItsOrganization() throws Exception {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long first = newCampaign(login, io, creative, "\"budgetDay\":40,\"budgetTotal\":400,\"totalBudgetPacing\":false", 20);
        long second = newCampaign(login, io, creative, "\"budgetDay\":20,\"budgetTotal\":400,\"totalBudgetPacing\":false", 20);
        setStatus(tenant.owId(), first, "running");
        setStatus(tenant.owId(), second, "running");
        advance("1d");
        // Nothing more is delivered while the test compares the files with execute's answer.
        clock.freeze();
        login = login(tenant);
        long report = as(login).body(REPORT).post("/api/v3/ra/report/add").then().statusCode(200)
                .extract().jsonPath().getLong("data");
        String subscriber = "buyer-" + report + "@agency.example";

        // IQM's answer keeps the valid addresses and lists the invalid ones.
        as(login).body("{\"reportId\":" + report + ",\"subscriberEmails\":[\"" + subscriber
                + "\",\"sample_email2@invalid\"],\"fileType\":1,\"deliveryFrequency\":1}")
                .post("/api/v3/ra/report/email/schedule").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.message", equalTo("Report schedule has been successfully updated."))
                .body("data.scheduledData.reportId", equalTo((int) report))
                .body("data.scheduledData.subscriberEmails", contains(subscriber))
                .body("data.scheduledData.fileType", equalTo(1))
                .body("errorObjects[0].field", equalTo("subscriberEmails"))
                .body("errorObjects[0].error", equalTo("Invalid email provided - invalid Emails : [sample_email2@invalid]."));
        as(login).get("/api/v3/ra/report/" + report).then().statusCode(200)
                .body("data.reportSchedulingEventDetails.deliveryFrequency", equalTo(1))
                .body("data.reportSchedulingEventDetails.subscriberEmails", contains(subscriber))
                .body("data.reportSchedulingEventDetails.eventId", notNullValue());

        assertThat(runs.runDue()).isGreaterThanOrEqualTo(1);
        MimeMessage mail = mailTo(subscriber, 0);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("reports@adplane.test");
        assertThat(mail.getSubject()).isEqualTo("Report: Campaign spend");
        Attachment csv = attachment(mail);
        assertThat(csv.name()).startsWith("campaign_spend__").endsWith(".csv");

        // The attachment's rows are execute's rows.
        List<Map<String, Object>> rows = executed(login, report);
        assertThat(rows).hasSize(2);
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> lines = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.bytes())) {
            it.forEachRemaining(lines::add);
        }
        assertThat(lines).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(lines.get(i).keySet()).containsExactlyElementsOf(rows.get(i).keySet());
            for (String key : List.of("campaignId", "impressions", "clicks", "spent")) {
                assertThat(new BigDecimal(lines.get(i).get(key)))
                        .isEqualByComparingTo(new BigDecimal(rows.get(i).get(key).toString()));
            }
            assertThat(lines.get(i).get("campaign")).isEqualTo(rows.get(i).get("campaign"));
        }

        // The run is listed with its link, which serves the same file to the organization only.
        var listed = as(login).get("/api/v3/adplane/reports/" + report + "/runs").then().statusCode(200)
                .body("data[0].rows", equalTo(2)).body("data[0].sentAt", notNullValue())
                .body("data[0].subscriberEmails", contains(subscriber)).extract().jsonPath();
        String url = listed.getString("data[0].url");
        assertThat(csv.text()).contains(url);
        byte[] downloaded = RestAssured.given().header("Authorization", "Bearer " + login.accessToken())
                .header("X-IAA-OW-ID", login.owId()).get(url).then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(csv.bytes());

        Login other = login(newTenant("admin"));
        RestAssured.given().header("Authorization", "Bearer " + other.accessToken()).header("X-IAA-OW-ID", other.owId())
                .get(url).then().statusCode(404);
        as(other).get("/api/v3/adplane/reports/" + report + "/runs").then().statusCode(422);
        as(other).body("{\"reportId\":" + report + ",\"subscriberEmails\":[\"x@agency.example\"],\"fileType\":1,"
                + "\"deliveryFrequency\":1}").post("/api/v3/ra/report/email/schedule").then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Report does not exists for the given id"));
        as(other).body("{\"fileType\":2}").patch("/api/v3/ra/report/email/schedule/" + report).then().statusCode(422);
        as(other).delete("/api/v3/ra/report/email/schedule/" + report).then().statusCode(422);
        assertThat(as(other).get("/api/v3/ra/reports/list").then().statusCode(200).extract().jsonPath()
                .getList("data.data")).isEmpty();

        // Daily as XLSX: due at the next midnight in the report's timezone, which the simulation clock reaches.
        as(login).body("{\"fileType\":2,\"deliveryFrequency\":2,\"eventEndDate\":" + (clock.millis() + 10 * DAY * 1000) + "}")
                .patch("/api/v3/ra/report/email/schedule/" + report).then().statusCode(200)
                .body("data.scheduledData.fileType", equalTo(2)).body("data.scheduledData.deliveryFrequency", equalTo(2))
                .body("data.scheduledData.subscriberEmails", contains(subscriber));
        // Other tests' schedules share the database: this report's runs are what counts.
        runs.runDue();
        assertThat(runCount(login, report)).isEqualTo(1);
        advance("1d");
        login = login(tenant);
        assertThat(runs.runDue()).isPositive();
        assertThat(runCount(login, report)).isEqualTo(2);
        Attachment xlsx = attachment(mailTo(subscriber, 1));
        assertThat(xlsx.name()).endsWith(".xlsx");
        rows = executed(login, report);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            List<String> keys = new ArrayList<>(rows.get(0).keySet());
            for (int c = 0; c < keys.size(); c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(keys.get(c));
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            int impressions = keys.indexOf("impressions");
            long sum = 0;
            for (int r = 1; r <= rows.size(); r++) {
                sum += (long) sheet.getRow(r).getCell(impressions).getNumericCellValue();
            }
            assertThat(sum).isEqualTo(rows.stream().mapToLong(m -> ((Number) m.get("impressions")).longValue()).sum())
                    .isPositive();
        }
        // It ran for today; the next is tomorrow.
        runs.runDue();
        assertThat(runCount(login, report)).isEqualTo(2);

        as(login).delete("/api/v3/ra/report/email/schedule/" + report).then().statusCode(200)
                .body("data.message", equalTo("Report event is removed."));
        as(login).get("/api/v3/ra/report/" + report).then().statusCode(200)
                .body("data.reportSchedulingEventDetails", equalTo(Map.of()));
        as(login).delete("/api/v3/ra/report/email/schedule/" + report).then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Report event does not exists for the given id"));
    }

    @Test
    void aScheduleIsCheckedFieldByField() {
        Login login = login(newTenant("admin"));
        long report = as(login).body(REPORT).post("/api/v3/ra/report/add").then().statusCode(200)
                .extract().jsonPath().getLong("data");
        String ok = "\"reportId\":" + report + ",\"subscriberEmails\":[\"a@agency.example\"]";
        long end = clock.millis() + 10 * DAY * 1000;
        Map<String, String> wrong = Map.of(
                "{" + ok + ",\"fileType\":0,\"deliveryFrequency\":1}", "fileType",
                "{" + ok + ",\"fileType\":1,\"deliveryFrequency\":7}", "deliveryFrequency",
                "{" + ok + ",\"fileType\":1,\"deliveryFrequency\":3,\"eventEndDate\":" + end + "}", "deliveryDay",
                "{" + ok + ",\"fileType\":1,\"deliveryFrequency\":3,\"deliveryDay\":\"Someday\",\"eventEndDate\":" + end + "}", "deliveryDay",
                "{" + ok + ",\"fileType\":1,\"deliveryFrequency\":4,\"deliveryDay\":\"30\",\"eventEndDate\":" + end + "}", "deliveryDay",
                "{" + ok + ",\"fileType\":1,\"deliveryFrequency\":2}", "eventEndDate",
                "{" + ok + ",\"fileType\":1,\"deliveryFrequency\":1,\"runningTotalEnabled\":true}", "earliestCampaignStartDate",
                "{\"reportId\":" + report + ",\"subscriberEmails\":[\"nobody\"],\"fileType\":1,\"deliveryFrequency\":1}", "subscriberEmails",
                "{\"reportId\":" + report + ",\"fileType\":1,\"deliveryFrequency\":1}", "subscriberEmails",
                "{\"reportId\":" + (report + 100000) + ",\"subscriberEmails\":[\"a@agency.example\"],\"fileType\":1,\"deliveryFrequency\":1}", "reportId");
        wrong.forEach((body, field) -> as(login).body(body).post("/api/v3/ra/report/email/schedule").then()
                .statusCode(422).body("errorObjects[0].field", equalTo(field)));
        as(login).body("{\"fileType\":1}").patch("/api/v3/ra/report/email/schedule/" + report).then().statusCode(422)
                .body("errorObjects[0].error", equalTo("Report event does not exists for the given id"));

        // A weekly schedule on IQM's spelling of the day, saved with the report as IQM's example does.
        long weekly = as(login).body(REPORT.replace("\"customerIds\":[]", "\"customerIds\":[],"
                + "\"reportSchedulingEventDetails\":{\"runningTotalEnabled\":0,\"deliveryFrequency\":3,"
                + "\"deliveryDay\":\"Friday\",\"fileType\":2,\"subscriberEmails\":[\"demoUser1@gmail.com\"],"
                + "\"eventEndDate\":" + end + "}")).post("/api/v3/ra/report/add").then().statusCode(200)
                .extract().jsonPath().getLong("data");
        as(login).get("/api/v3/ra/report/" + weekly).then().statusCode(200)
                .body("data.reportSchedulingEventDetails.deliveryDay", equalTo("FRIDAY"))
                .body("data.reportSchedulingEventDetails.fileType", equalTo(2))
                .body("data.reportSchedulingEventDetails.runningTotalEnabled", equalTo(false));

        Login viewer = login(newUserIn(login.owId(), "viewer", "x"));
        as(viewer).body("{" + ok + ",\"fileType\":1,\"deliveryFrequency\":1}").post("/api/v3/ra/report/email/schedule")
                .then().statusCode(403);
        as(viewer).delete("/api/v3/ra/report/email/schedule/" + weekly).then().statusCode(403);
    }
}
