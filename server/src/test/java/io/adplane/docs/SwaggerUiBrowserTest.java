package io.adplane.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.adplane.support.Chromium;
import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Swagger UI as a first-time user drives it, in headless Chromium (Debian's chromium and chromium-driver,
 * which .ci/run installs): authorize with the OAuth client, run the seed's four steps with the shipped examples
 * (only the ids an earlier step answered are filled in, as the seed says), each answering 2xx.
 */
class SwaggerUiBrowserTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start(1400, 2000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theSeedsFourStepsRunFromSwaggerUi() throws Exception {
        try {
            run();
        } catch (Throwable e) {
            Path shot = Path.of("target", "swagger-ui-failure.png");
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw new AssertionError(e.getMessage() + " (screenshot: " + shot.toAbsolutePath() + ")", e);
        }
    }

    private void run() {
        browser.get("http://localhost:" + port + "/swagger-ui/index.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-User-login")));

        authorize("client", Map.of("username", CLIENT_ID, "password", CLIENT_SECRET));

        // Step 1: log in with the shipped example (the bootstrapped admin).
        JsonNode login = execute("operations-User-login", null, null);
        String token = login.at("/data/access_token").asString();
        long owId = login.at("/data/owId").asLong();
        assertThat(token).startsWith("at_");
        authorize("bearer", Map.of("value", token));
        authorize("organization", Map.of("value", Long.toString(owId)));

        // Step 2: the insertion order, as shipped.
        JsonNode io = execute("operations-Campaign-createCampaignIO", null, null);
        long ioId = io.at("/data/ioId").asLong();
        assertThat(io.at("/data/ioTotalBudget").asInt()).isZero();

        // Before step 3, as the seed says: a running creative (uploaded and approved outside Swagger UI).
        long creative = runningCreative(login(ADMIN_EMAIL, ADMIN_PASSWORD));

        // Step 3: the campaign, as shipped but for the IO and creative ids.
        JsonNode saved = execute("operations-Campaign-saveCampaign",
                body -> body.replaceAll("\"ioId\" ?: ?[0-9]+", "\"ioId\": " + ioId)
                        .replaceAll("\"creativeIds\" ?: ?\"[0-9]+\"", "\"creativeIds\": \"" + creative + "\""), null);
        assertThat(saved.at("/statusCode").asInt()).isEqualTo(201);
        long campaignId = saved.at("/responseObject/data").asLong();

        // Step 4: its status.
        JsonNode campaign = execute("operations-Campaign-getCampaign", null, Map.of("campaignId", Long.toString(campaignId)));
        assertThat(campaign.at("/responseObject/status").asString()).isEqualTo("pending");
        assertThat(campaign.at("/responseObject/ioId").asLong()).isEqualTo(ioId);
    }

    private long runningCreative(Login admin) {
        String request = "{\"C1\":{\"creativeName\":\"Banner\",\"platformCreativeTypeId\":11,\"creativeSourceType\":\"URL\","
                + "\"creativeSource\":\"https://cdn.example.com/banner.png\",\"clickUrl\":\"https://iqm.com\","
                + "\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}}}";
        Response r = as(admin).contentType("multipart/form-data").multiPart("creativeRequest", request, "application/json")
                .post("/api/v3/crt/creatives");
        r.then().statusCode(200);
        long id = Long.parseLong(r.jsonPath().getString("data.successData.C1"));
        as(admin).body(Map.of("creativeIds", new long[] {id}, "creativeStatusId", 2))
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        return id;
    }

    /** Opens Authorize, fills the scheme's inputs by name, authorizes it, closes the dialog. */
    private void authorize(String scheme, Map<String, String> values) {
        click(By.cssSelector(".scheme-container .btn.authorize"));
        WebElement container = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'auth-container')][.//h4[contains(normalize-space(.), '" + scheme + "')]]")));
        values.forEach((name, value) -> {
            var named = container.findElements(By.cssSelector("input[name='" + name + "']"));
            WebElement input = named.isEmpty() ? container.findElement(By.cssSelector("input")) : named.get(0);
            input.clear();
            input.sendKeys(value);
        });
        container.findElement(By.cssSelector("button.authorize")).click();
        wait.until(d -> !container.findElements(By.xpath(".//button[normalize-space(.)='Logout']")).isEmpty());
        click(By.cssSelector(".modal-ux-header button.close-modal"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    /**
     * Expands an operation, presses "Try it out", optionally edits the shipped request body and fills path
     * parameters, executes, and returns the answer's body after checking its status is 2xx.
     */
    private JsonNode execute(String operation, java.util.function.UnaryOperator<String> edit, Map<String, String> pathParameters) {
        WebElement block = browser.findElement(By.id(operation));
        scrollTo(block);
        if (block.findElements(By.cssSelector(".try-out__btn")).isEmpty()) {
            block.findElement(By.cssSelector(".opblock-summary-control, .opblock-summary")).click();
        }
        WebElement tryOut = wait.until(d -> block.findElement(By.cssSelector(".try-out__btn")));
        scrollTo(tryOut);
        tryOut.click();
        if (edit != null) {
            WebElement body = wait.until(d -> block.findElement(By.cssSelector("textarea.body-param__text")));
            String edited = edit.apply(body.getAttribute("value"));
            // Typed at once, as a paste would (key by key, a loaded machine takes minutes over a campaign body):
            // React's own value setter, then the input event it listens to.
            ((JavascriptExecutor) browser).executeScript("const setter = Object.getOwnPropertyDescriptor("
                    + "HTMLTextAreaElement.prototype, 'value').set; setter.call(arguments[0], arguments[1]);"
                    + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", body, edited);
            wait.until(d -> edited.equals(body.getAttribute("value")));
        }
        if (pathParameters != null) {
            pathParameters.forEach((name, value) -> {
                WebElement input = block.findElement(By.cssSelector("input[placeholder='" + name + "']"));
                input.clear();
                input.sendKeys(value);
            });
        }
        WebElement execute = block.findElement(By.cssSelector("button.execute"));
        scrollTo(execute);
        execute.click();
        WebElement status = wait.until(d -> block.findElement(By.cssSelector(".live-responses-table .response .response-col_status")));
        String text = wait.until(d -> (String) ((JavascriptExecutor) d).executeScript(
                "const pre = arguments[0].querySelector('.live-responses-table .response-col_description pre');"
                        + "return pre && pre.textContent.trim() ? pre.textContent : null;", block));
        assertThat(status.getText().trim()).as("%s answered %s", operation, text).startsWith("2");
        return JSON.readTree(text);
    }

    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        scrollTo(element);
        element.click();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }
}
