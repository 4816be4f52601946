package io.adplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;

/** Insertion orders in the console: the create form's messages come from the API's rules; lists page in SQL. */
class ConsoleInsertionOrderIntegrationTest extends IntegrationTestSupport {

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    static String inDays(java.time.Clock clock, int days) {
        return INPUT.format(Instant.ofEpochMilli(clock.millis()).plusSeconds(days * 86400L));
    }

    static Map<String, String> ioForm(java.time.Clock clock, String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ioName", name);
        form.put("ioStartTime", inDays(clock, 0));
        form.put("ioEndTime", inDays(clock, 30));
        form.put("ioBudgetTypeId", "1");
        form.put("isAutoSumIoTotalBudget", "true");
        return form;
    }

    static long createIo(ConsoleClient browser, java.time.Clock clock, String name) {
        browser.get("/console/insertion-orders/new");
        HttpResponse<String> created = browser.post("/console/insertion-orders", ioForm(clock, name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theCreateFormShowsTheApisMessagesNextToTheFieldsTheyName() {
        Tenant tenant = newTenant("editor");
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(tenant.email(), tenant.password());
        browser.get("/console/insertion-orders/new");

        Map<String, String> noName = ioForm(clock, " ");
        HttpResponse<String> r = browser.post("/console/insertion-orders", noName);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"ioName-error\">The field &#39;ioName&#39; cannot be empty.</p>",
                "aria-invalid=\"true\"");

        Map<String, String> backwards = ioForm(clock, "Backwards");
        backwards.put("ioEndTime", inDays(clock, -1));
        browser.get("/console/insertion-orders/new");
        r = browser.post("/console/insertion-orders", backwards);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"ioEndTime-error\">IO end time must be after IO start time.</p>")
                .contains("value=\"Backwards\"");

        Map<String, String> manual = ioForm(clock, "Manual");
        manual.remove("isAutoSumIoTotalBudget");
        browser.get("/console/insertion-orders/new");
        r = browser.post("/console/insertion-orders", manual);
        assertThat(r.body()).contains("id=\"ioTotalBudget-error\">ioTotalBudget is required when isAutoSumIoTotalBudget is false.</p>");
    }

    @Test
    void aCreatedIoIsListedSearchedSortedAndShownWithItsBudget() {
        Tenant tenant = newTenant("editor");
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(tenant.email(), tenant.password());
        long alpha = createIo(browser, clock, "Alpha launch");
        long beta = createIo(browser, clock, "Beta launch");
        createIo(browser, clock, "Gamma");

        String all = browser.get("/console/insertion-orders").body();
        assertThat(all).contains("<span>3</span> of <span>3</span> insertion orders");
        assertThat(all.indexOf("Gamma")).isLessThan(all.indexOf("Alpha launch")); // newest first

        String byName = browser.get("/console/insertion-orders?sort=ioName&dir=asc").body();
        assertThat(byName.indexOf("Alpha launch")).isLessThan(byName.indexOf("Beta launch"));
        assertThat(byName).contains("aria-sort=\"ascending\"");

        String searched = browser.get("/console/insertion-orders?search=launch").body();
        assertThat(searched).contains("<span>2</span> of <span>3</span>", "Alpha launch", "Beta launch")
                .doesNotContain(">Gamma<");

        String detail = browser.get("/console/insertion-orders/" + alpha).body();
        assertThat(detail).contains("Insertion order <span>Alpha launch</span>", "This insertion order has no campaigns yet.");
        assertThat(browser.get("/console/insertion-orders?sort=nonsense").statusCode()).isEqualTo(400);

        // Another organization's IO answers like a missing one.
        Tenant other = newTenant("admin");
        ConsoleClient stranger = new ConsoleClient(port);
        stranger.login(other.email(), other.password());
        HttpResponse<String> foreign = stranger.get("/console/insertion-orders/" + beta);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Beta launch");
        assertThat(stranger.get("/console/insertion-orders/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/console/insertion-orders").body()).doesNotContain("Alpha launch");
        assertThat(stranger.get("/console/insertion-orders/" + beta + "?ow=" + tenant.owId()).statusCode()).isEqualTo(403);
    }

    @Test
    void aViewerMayReadButNotCreate() {
        Tenant tenant = newTenant("viewer");
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(tenant.email(), tenant.password());
        assertThat(browser.get("/console/insertion-orders").body()).doesNotContain("New insertion order");
        HttpResponse<String> form = browser.get("/console/insertion-orders/new");
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("The viewer role may not change data.");
    }
}
