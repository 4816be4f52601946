package io.adplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;

/**
 * Campaigns in the console: created through the API's rules, moved through its state machine with the D16
 * rights (an editor is refused approval, an approver above approves, a stale second approval is a 409).
 */
class ConsoleCampaignIntegrationTest extends IntegrationTestSupport {

    /** A running creative of the tenant's organization, uploaded and approved through the API. */
    long runningCreative(Login login) {
        String request = "{\"C1\":{\"creativeName\":\"Banner " + System.nanoTime() + "\",\"platformCreativeTypeId\":11,"
                + "\"creativeSourceType\":\"URL\",\"creativeSource\":\"https://cdn.example.com/a.png\","
                + "\"clickUrl\":\"https://iqm.com\",\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}}}";
        Response r = as(login).contentType("multipart/form-data").multiPart("creativeRequest", request, "application/json")
                .post("/api/v3/crt/creatives");
        r.then().statusCode(200);
        long id = Long.parseLong(r.jsonPath().getString("data.successData.C1"));
        as(loginAdmin(), login.owId()).body(Map.of("creativeIds", new long[] {id}, "creativeStatusId", 2))
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        return id;
    }

    Map<String, String> campaignForm(long ioId, long creativeId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("campaignName", "Spring sale");
        form.put("ioId", Long.toString(ioId));
        form.put("creativeType", "11");
        form.put("creativeIds", Long.toString(creativeId));
        form.put("advertiserDomain", "https://shop.example.com");
        form.put("startTime", ConsoleInsertionOrderIntegrationTest.inDays(clock, 1));
        form.put("endTime", ConsoleInsertionOrderIntegrationTest.inDays(clock, 10));
        form.put("budgetTotal", "1500");
        form.put("budgetDay", "50");
        form.put("maxBid", "8");
        form.put("timezone", "29");
        form.put("countryId", "30100001");
        form.put("isAgreementChecked", "true");
        return form;
    }

    @Test
    void aCampaignIsCreatedApprovedAboveAndPausedWithTheApisRights() {
        Tenant editor = newTenant("editor");
        long creative = runningCreative(login(editor));
        ConsoleClient browser = new ConsoleClient(port);
        browser.login(editor.email(), editor.password());
        long ioId = ConsoleInsertionOrderIntegrationTest.createIo(browser, clock, "Launch IO");

        browser.get("/console/campaigns/new?ioId=" + ioId);
        Map<String, String> noName = campaignForm(ioId, creative);
        noName.put("campaignName", "");
        HttpResponse<String> refused = browser.post("/console/campaigns", noName);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"campaignName-error\">Field &#39;campaignName&#39; is required.</p>",
                "checked=\"checked\"");
        Map<String, String> noAgreement = campaignForm(ioId, creative);
        noAgreement.remove("isAgreementChecked");
        browser.get("/console/campaigns/new");
        assertThat(browser.post("/console/campaigns", noAgreement).body())
                .contains("id=\"isAgreementChecked-error\">Please check the agreement to proceed.</p>");

        browser.get("/console/campaigns/new");
        HttpResponse<String> created = browser.post("/console/campaigns", campaignForm(ioId, creative));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String page = created.headers().firstValue("Location").orElseThrow();
        long campaignId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

        String detail = browser.get("/console/campaigns/" + campaignId).body();
        assertThat(detail).contains("Campaign <span>Spring sale</span>", "id=\"campaign-status\">pending<",
                "id=\"no-approval\"", "https://shop.example.com").doesNotContain(">Approve<");
        assertThat(browser.get("/console/insertion-orders/" + ioId).body()).contains("Spring sale", "1500");

        // An editor of the campaign's own organization may not approve (D16), even with a forged form.
        HttpResponse<String> forged = browser.post("/console/campaigns/" + campaignId + "/status", Map.of("status", "running"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Your role may not approve or reject for this organization.");

        // The workspace owner's admin acts for the editor's organization and approves from the queue.
        ConsoleClient approver = new ConsoleClient(port);
        approver.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        // The queue holds every pending campaign the admin may approve, other tests' too, oldest first by
        // creation time, which other tests move (their clocks ran ahead): so it is searched by the campaign's id.
        assertThat(approver.get("/console/approvals?search=" + campaignId).body())
                .as("the campaign is in the approval queue").contains("id=\"pending-" + campaignId + "\"", "Spring sale");
        // A second approver has the same queue open.
        ConsoleClient late = new ConsoleClient(port);
        late.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        late.get("/console/approvals");
        HttpResponse<String> approved = approver.post("/console/campaigns/" + campaignId + "/status",
                Map.of("status", "running", "ow", Long.toString(editor.owId()), "back", "approvals"));
        assertThat(approved.statusCode()).isEqualTo(302);
        HttpResponse<String> stale = late.post("/console/campaigns/" + campaignId + "/status",
                Map.of("status", "running", "ow", Long.toString(editor.owId())));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.body()).contains("Campaign status cannot change from &#39;running&#39; to &#39;running&#39;.");

        browser.get("/console/campaigns/" + campaignId);
        assertThat(browser.post("/console/campaigns/" + campaignId + "/status", Map.of("status", "paused")).statusCode())
                .isEqualTo(302);
        String paused = browser.get("/console/campaigns/" + campaignId).body();
        assertThat(paused).contains("id=\"campaign-status\">paused<", "<td>pending</td><td>running</td>",
                "<td>running</td><td>paused</td>", ">Resume<");
        assertThat(browser.get("/console/campaigns?status=paused").body()).contains("Spring sale");
        assertThat(browser.get("/console/campaigns?status=running").body()).doesNotContain("Spring sale");

        Tenant other = newTenant("admin");
        ConsoleClient stranger = new ConsoleClient(port);
        stranger.login(other.email(), other.password());
        HttpResponse<String> foreign = stranger.get("/console/campaigns/" + campaignId);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Spring sale");
        assertThat(stranger.get("/console/campaigns").body()).doesNotContain("Spring sale");
        assertThat(stranger.get("/console/approvals").body()).doesNotContain("Spring sale");
        stranger.get("/console");
        assertThat(stranger.post("/console/campaigns/" + campaignId + "/status", Map.of("status", "deleted")).statusCode())
                .isEqualTo(404);
    }
}
