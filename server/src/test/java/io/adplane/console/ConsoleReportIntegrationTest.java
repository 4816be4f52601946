package io.adplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.adplane.delivery.DeliveryTestSupport;

/**
 * The reports page: the report feature's own rules and messages, its rows and totals as a table, every row as
 * CSV, and only the acting organization's delivery.
 */
class ConsoleReportIntegrationTest extends DeliveryTestSupport {

    @Test
    void aReportRunsWithTheApisRulesAndDownloadsAsCsv() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long id = newCampaign(login, newIo(login), runningCreative(login, 11),
                "\"budgetDay\":50,\"budgetTotal\":500,\"totalBudgetPacing\":false", 5);
        long start = (nowSeconds() / HOUR + 1) * HOUR;
        clock.advance(Duration.ofHours(3));
        login = login(tenant);
        as(login).body("{\"rows\":[" + ConsoleDeliveryIntegrationTest.row(id, start, 16, 11, 1000, "3.5") + ","
                + ConsoleDeliveryIntegrationTest.row(id, start, 11, 13, 500, "1.5") + "]}")
                .post("/api/v3/adplane/delivery").then().statusCode(200);
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC);
        String range = "&startDate=" + day.minusDays(1) + "&endDate=" + day.plusDays(1);

        ConsoleClient browser = new ConsoleClient(port);
        browser.login(tenant.email(), tenant.password());
        String form = browser.get("/console/reports").body();
        assertThat(form).contains("<legend>Dimensions</legend>", "id=\"dim-campaign\" value=\"campaign\" checked=\"checked\"",
                "id=\"col-impressions\" value=\"impressions\" checked=\"checked\"", "Run report");

        HttpResponse<String> run = browser.get("/console/reports?run=true&dimensions=exchange&columns=impressions"
                + "&columns=spent" + range);
        assertThat(run.statusCode()).isEqualTo(200);
        String table = flat(run.body());
        assertThat(table).contains("<span>2</span> rows",
                "<th scope=\"col\">Exchange</th><th scope=\"col\">Exchange id</th><th scope=\"col\">Impressions</th>"
                        + "<th scope=\"col\">Total Spent</th>",
                "<td>Smaato</td><td>11</td><td>500</td><td>1.5</td>", "<td>Pubmatic</td><td>16</td><td>1000</td><td>3.5</td>",
                "<th scope=\"row\">Total</th><td></td><td>1500</td><td>5.0</td>");

        // The report feature's rules, next to the field they name.
        HttpResponse<String> noDimension = browser.get("/console/reports?run=true&columns=impressions" + range);
        assertThat(noDimension.statusCode()).isEqualTo(422);
        assertThat(noDimension.body()).contains(
                "id=\"dimensions-error\">Please select at least one dimension for report creation</p>");
        HttpResponse<String> tooLong = browser.get("/console/reports?run=true&dimensions=exchange&columns=impressions"
                + "&startDate=" + day.minusMonths(4) + "&endDate=" + day);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"endDate-error\">The date range for a Report with these dimensions "
                + "cannot exceed three months.</p>", "aria-invalid=\"true\"");

        HttpResponse<String> csv = browser.get("/console/reports/csv?dimensions=exchange&columns=impressions&columns=spent"
                + range);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        // Sorted as the report sorts (fewest impressions first); quotes only where CSV needs them.
        assertThat(csv.body().replace("\"", "")).isEqualTo("Exchange,Exchange id,Impressions,Total Spent\n"
                + "Smaato,11,500,1.5\nPubmatic,16,1000,3.5\n");

        // Another organization's report covers its own delivery only.
        Tenant stranger = newTenant("admin");
        ConsoleClient other = new ConsoleClient(port);
        other.login(stranger.email(), stranger.password());
        String theirs = flat(other.get("/console/reports?run=true&dimensions=exchange&columns=impressions" + range).body());
        assertThat(theirs).contains("<span>0</span> rows").doesNotContain("Pubmatic");
        assertThat(other.get("/console/reports/csv?dimensions=campaign&columns=impressions" + range).body())
                .doesNotContain(Long.toString(id));
    }

    static String flat(String html) {
        return html.replaceAll(">\\s+<", "><");
    }
}
