package io.adplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import io.adplane.delivery.DeliveryTestSupport;

/**
 * The campaign page's delivery section: per day and per hour, pacing against the budget, and by exchange and
 * device type, each with a table of the same numbers; another organization sees none of it.
 */
class ConsoleDeliveryIntegrationTest extends DeliveryTestSupport {

    static String row(long campaign, long hour, long exchange, long device, long impressions, String spend) {
        return ingestedRow(campaign, hour, exchange, device, Long.toString(impressions), spend, "0");
    }

    @Test
    void theCampaignPageChartsItsDeliveryAndPacing() {
        Tenant tenant = newTenant("admin");
        Login login = login(tenant);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long id = newCampaign(login, io, creative, "\"budgetDay\":50,\"budgetTotal\":500,\"totalBudgetPacing\":false", 5);
        long start = (nowSeconds() / HOUR + 1) * HOUR;

        ConsoleClient browser = new ConsoleClient(port);
        browser.login(tenant.email(), tenant.password());
        assertThat(browser.get("/console/campaigns/" + id).body()).contains("This campaign has not delivered yet.")
                .doesNotContain("id=\"daily-chart\"");

        clock.advance(Duration.ofHours(3));
        login = login(tenant);
        as(login).body("{\"rows\":[" + row(id, start, 16, 11, 1000, "3.5") + "," + row(id, start, 11, 13, 500, "1.5")
                + "]}").post("/api/v3/adplane/delivery").then().statusCode(200);

        browser = new ConsoleClient(port);
        browser.login(tenant.email(), tenant.password());
        String page = browser.get("/console/campaigns/" + id).body();
        // Days are the campaign's (US/Eastern, S2); hours are UTC.
        String day = LocalDate.ofInstant(Instant.ofEpochSecond(start), ZoneId.of("US/Eastern")).toString();
        String hour = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(start));
        assertThat(page).contains("id=\"daily-chart\"", "id=\"hourly-chart\"", "id=\"pacing-chart\"",
                "id=\"exchange-chart\"", "id=\"device-chart\"");
        // The same numbers as tables: the day's and each hour's delivery, spend so far against the even plan.
        assertThat(section(page, "daily-table")).contains("<th scope=\"row\">" + day + "</th><td>1500</td><td>5</td>");
        assertThat(section(page, "hourly-table")).contains("<th scope=\"row\">" + hour + "</th><td>1500</td><td>5</td>");
        assertThat(section(page, "pacing-table")).contains("<th scope=\"row\">" + day + "</th><td>5</td>");
        // The even plan reaches the total budget on the flight's last day.
        assertThat(section(page, "pacing-table")).endsWith("<td>—</td><td>500.00</td></tr></tbody>");
        assertThat(section(page, "exchange-table")).contains("<th scope=\"row\">Pubmatic</th><td>1000</td><td>3.5</td>",
                "<th scope=\"row\">Smaato</th><td>500</td><td>1.5</td>");
        assertThat(section(page, "device-table")).contains("<th scope=\"row\">Mobile</th><td>1000</td>",
                "<th scope=\"row\">Connected TV</th><td>500</td>");

        Tenant stranger = newTenant("admin");
        ConsoleClient other = new ConsoleClient(port);
        other.login(stranger.email(), stranger.password());
        var foreign = other.get("/console/campaigns/" + id);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Pubmatic").doesNotContain("daily-table");
    }

    private static String section(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertThat(from).as(id).isPositive();
        return page.substring(from, page.indexOf("</table>", from)).replaceAll(">\\s+<", "><").strip();
    }
}
