package io.adplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.adplane.support.Chromium;
import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;

/**
 * The console as its users walk it, in headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs): an editor signs in, switches to a client organization, creates an IO and a campaign there and
 * sees that approval is not theirs; an approver above approves from the queue; the editor pauses the campaign;
 * a user of another organization reaches none of it by any URL. axe-core runs on every page and must find
 * no serious or critical violation. With {@code -Dadplane.console.screenshots=<dir>} the pages are saved
 * there (docs/images/console holds the ones docs/console.md shows); otherwise into target/.
 */
class ConsoleBrowserTest extends IntegrationTestSupport {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path shots;
    private String axe;

    @BeforeEach
    void startBrowser() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String dir = System.getProperty("adplane.console.screenshots");
        shots = dir == null || dir.isBlank() ? Path.of("target", "console-screenshots") : Path.of(dir);
        Files.createDirectories(shots);
        browser = Chromium.start(1280, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // A page that is being replaced may answer for an element of the old one with chromedriver's "Node with
        // given id does not belong to the document" (a plain WebDriverException, not a stale reference): ask again.
        wait.ignoring(WebDriverException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void editorsApproversAndStrangersWalkTheConsole() throws Exception {
        try {
            walk();
        } catch (Throwable e) {
            Path shot = Path.of("target", "console-failure.png");
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw new AssertionError(e.getMessage() + " (screenshot: " + shot.toAbsolutePath() + ", page: "
                    + browser.getCurrentUrl() + ")", e);
        }
    }

    private void walk() throws IOException {
        // An agency with an editor and an approver, and a client organization below it with a running creative.
        Tenant editor = newTenant("editor");
        Tenant approver = newUserIn(editor.owId(), "approver", editor.name());
        long client = tenancy.createOrganization("Client of " + editor.name(), editor.owId()).owId();
        String clientName = "Client of " + editor.name();
        long creative = runningCreative(login(editor), client);

        // The editor signs in and switches to the client.
        open("/console/login", "login");
        signIn(editor);
        check("overview");
        new Select(browser.findElement(By.id("switch-org"))).selectByValue(Long.toString(client));
        browser.findElement(By.cssSelector("form.switcher button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), clientName));
        check("overview-client");

        // An insertion order, with the API's message next to the field first.
        browser.findElement(By.linkText("Insertion orders")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("New insertion order"))).click();
        type("ioName", "Holiday flight");
        setValue("ioStartTime", INPUT.format(Instant.ofEpochMilli(clock.millis())));
        setValue("ioEndTime", INPUT.format(Instant.ofEpochMilli(clock.millis()).minusSeconds(86400)));
        browser.findElement(By.cssSelector("button.primary")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ioEndTime-error")));
        assertThat(error.getText()).isEqualTo("IO end time must be after IO start time.");
        check("io-form-error");
        setValue("ioEndTime", INPUT.format(Instant.ofEpochMilli(clock.millis()).plusSeconds(30 * 86400L)));
        browser.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Holiday flight"));
        String ioUrl = browser.getCurrentUrl();

        // A campaign in it.
        browser.findElement(By.linkText("New campaign in this IO")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaignName")));
        type("campaignName", "Holiday banners");
        browser.findElement(By.id("creative-" + creative)).click();
        type("advertiserDomain", "https://shop.example.com");
        setValue("startTime", INPUT.format(Instant.ofEpochMilli(clock.millis()).plusSeconds(3600)));
        setValue("endTime", INPUT.format(Instant.ofEpochMilli(clock.millis()).plusSeconds(10 * 86400L)));
        type("budgetTotal", "1500");
        type("budgetDay", "50");
        type("maxBid", "8");
        check("campaign-form");
        browser.findElement(By.id("isAgreementChecked")).click();
        browser.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-status"), "pending"));
        String campaignUrl = browser.getCurrentUrl();
        // Approval is not the editor's (D16).
        assertThat(browser.findElement(By.id("no-approval")).getText()).contains("may not approve");
        assertThat(browser.findElements(By.xpath("//button[normalize-space(.)='Approve']"))).isEmpty();
        check("campaign-pending");
        open("/console/approvals", null);
        assertThat(browser.findElement(By.id("no-approval")).isDisplayed()).isTrue();
        signOut();

        // The approver of the agency approves it from the queue, for the client organization.
        signIn(approver);
        browser.findElement(By.linkText("Approvals")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[.//a[normalize-space(.)='Holiday banners']]")));
        check("approvals");
        row.findElement(By.xpath(".//button[normalize-space(.)='Approve']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice[role=status]")));
        open("/console/creatives/" + creative + "?ow=" + client, "creative");
        signOut();

        // The workspace owner's admin moves the emulator's clock six hours on: the campaign delivers.
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.findElement(By.linkText("Emulator")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duration")));
        type("duration", "soon");
        browser.findElement(By.id("advance-clock")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duration-error")));
        check(null);
        type("duration", "6h");
        browser.findElement(By.id("advance-clock")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("controls-notice")));
        assertThat(browser.findElement(By.id("controls-notice")).getText()).contains("The clock moved forward");
        assertThat(browser.findElement(By.id("clock-offset")).getText()).isNotEqualTo("PT0S");
        check("controls");
        open("/console/customers", "customers");
        open("/console/users", "users");
        signOut();

        // The editor sees the delivery charts (and their tables), runs a report, edits the IO, pauses the campaign.
        signIn(editor);
        new Select(browser.findElement(By.id("switch-org"))).selectByValue(Long.toString(client));
        browser.findElement(By.cssSelector("form.switcher button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), clientName));
        browser.get(campaignUrl + "?ow=" + client);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-status"), "running"));
        wait.until(d -> "true".equals(d.findElement(By.id("daily-chart")).getDomAttribute("data-drawn")));
        for (String chart : List.of("hourly-chart", "pacing-chart", "exchange-chart", "device-chart")) {
            assertThat(browser.findElement(By.id(chart)).getDomAttribute("data-drawn")).as(chart).isEqualTo("true");
        }
        long impressions = Long.parseLong(browser.findElement(By.cssSelector("#delivery-totals dd")).getText());
        assertThat(impressions).isPositive();
        assertThat(browser.findElements(By.cssSelector("#exchange-table tbody tr"))).isNotEmpty();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('delivery').scrollIntoView();");
        check("campaign-delivery");
        browser.findElement(By.linkText("Reports")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dim-campaign")));
        browser.findElement(By.id("dim-exchange")).click();
        setValue("startDate", LocalDate.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC).minusDays(5).toString());
        browser.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-table")));
        assertThat(browser.findElement(By.id("report-table")).getText()).contains("Holiday banners");
        assertThat(browser.findElement(By.id("download-csv")).getDomAttribute("href")).startsWith("/console/reports/csv?");
        check("reports");
        browser.get(ioUrl + "/edit?ow=" + client);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ioName")));
        type("ioName", "");
        browser.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ioName-error")));
        check("io-edit-error");
        type("ioName", "Holiday flight, extended");
        browser.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Holiday flight, extended"));
        browser.get(campaignUrl + "?ow=" + client);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-status"), "running"));
        browser.findElement(By.xpath("//button[normalize-space(.)='Pause']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-status"), "paused"));
        check("campaign-paused");
        open("/console/campaigns?ow=" + client, "campaigns");
        assertThat(browser.getPageSource()).contains("Holiday banners");
        browser.get(ioUrl + "?ow=" + client);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Holiday flight"));
        check("insertion-order");
        open("/console/insertion-orders?ow=" + client, "insertion-orders");
        open("/console/creatives?ow=" + client, null);
        signOut();

        // A user of another organization reaches none of it.
        Tenant stranger = newTenant("admin");
        signIn(stranger);
        for (String url : List.of(campaignUrl, ioUrl, campaignUrl + "?ow=" + client, ioUrl + "?ow=" + client,
                ioUrl + "/edit", ioUrl + "/edit?ow=" + client,
                "http://localhost:" + port + "/console/creatives/" + creative,
                "http://localhost:" + port + "/console/campaigns?ow=" + client,
                "http://localhost:" + port + "/console/reports?run=true&dimensions=campaign&columns=impressions&ow=" + client,
                "http://localhost:" + port + "/console/users?ow=" + client,
                "http://localhost:" + port + "/console/customers?ow=" + editor.owId(),
                "http://localhost:" + port + "/console/controls")) {
            browser.get(url);
            String page = browser.getPageSource();
            assertThat(page).as(url).doesNotContain("Holiday banners").doesNotContain("Holiday flight");
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(url).isIn("Not found", "403", "Not allowed");
            check(null);
        }
        check("not-found");
        for (String list : List.of("/console/campaigns", "/console/insertion-orders", "/console/approvals", "/console",
                "/console/reports?run=true&dimensions=campaign&columns=impressions", "/console/customers", "/console/users",
                "/console/approvals?search=Holiday")) {
            browser.get("http://localhost:" + port + list);
            assertThat(browser.getPageSource()).as(list).doesNotContain("Holiday banners").doesNotContain("Holiday flight");
        }
    }

    private long runningCreative(Login login, long owId) {
        String request = "{\"C1\":{\"creativeName\":\"Holiday banner\",\"platformCreativeTypeId\":11,\"creativeSourceType\":\"URL\","
                + "\"creativeSource\":\"https://cdn.example.com/holiday.png\",\"clickUrl\":\"https://shop.example.com\","
                + "\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}}}";
        Response r = as(login, owId).contentType("multipart/form-data").multiPart("creativeRequest", request, "application/json")
                .post("/api/v3/crt/creatives");
        r.then().statusCode(200);
        long id = Long.parseLong(r.jsonPath().getString("data.successData.C1"));
        as(loginAdmin(), owId).body(Map.of("creativeIds", new long[] {id}, "creativeStatusId", 2))
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        return id;
    }

    private void signIn(Tenant tenant) {
        signIn(tenant.email(), tenant.password());
    }

    private void signIn(String email, String password) {
        browser.get("http://localhost:" + port + "/console/login");
        type("email", email);
        type("password", password);
        browser.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Overview of"));
    }

    private void signOut() {
        browser.findElement(By.xpath("//button[normalize-space(.)='Sign out']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    }

    private void open(String path, String name) throws IOException {
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        check(name);
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    /** axe-core on the page as it is: no serious or critical violation; then the screenshot, if named. */
    @SuppressWarnings("unchecked")
    private void check(String name) throws IOException {
        JavascriptExecutor js = browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            js.executeScript(axe);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.filter("
                        + "v => v.impact === 'serious' || v.impact === 'critical').map(v => ({id: v.id, impact: v.impact,"
                        + " help: v.help, nodes: v.nodes.map(n => n.html).slice(0, 3)}))), e => done([{id: 'axe-error', help: String(e)}]));");
        assertThat(violations).as("axe on %s", browser.getCurrentUrl()).isEmpty();
        if (name != null) {
            Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}
