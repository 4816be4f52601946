package io.adplane.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.support.IntegrationTestSupport;
import io.restassured.response.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the reads a client of IQM relies on carry every key of IQM's 200 example, with IQM's JSON
 * type (F12), none left out: the keys come from the project's fixture ({@code iqm/cmp-creative-examples.json}, "answers").
 */
class IqmAnswersIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsCarryIqmsKeys() throws Exception {
        JsonNode answers;
        try (InputStream in = getClass().getResourceAsStream("/iqm/cmp-creative-examples.json")) {
            answers = JSON.readTree(in).get("answers");
        }
        Login login = login(newTenant("admin"));
        Login admin = loginAdmin();
        long start = clock.millis() - 3_600_000;
        long io = as(login).body("{\"ioName\":\"IO\",\"ioStartTime\":" + start + ",\"ioEndTime\":" + (start + 40L * 86_400_000)
                + ",\"ioTimeZoneId\":29,\"isAutoSumIoTotalBudget\":true,\"ioBudgetTypeId\":1,\"ioBudgetDistributionMethodId\":1}")
                .post("/api/v3/cmp/io/add").then().statusCode(200).extract().jsonPath().getLong("data.ioId");
        Response upload = as(login).contentType("multipart/form-data").multiPart("creativeRequest",
                "{\"C\":{\"creativeName\":\"Banner\",\"platformCreativeTypeId\":11,\"creativeSourceType\":\"URL\","
                        + "\"creativeSource\":\"https://cdn.example.com/a.png\",\"clickUrl\":\"https://iqm.com\","
                        + "\"imageDetails\":{\"creativeWidth\":300,\"creativeHeight\":250}}}", "application/json")
                .post("/api/v3/crt/creatives");
        long creative = Long.parseLong(upload.then().statusCode(200).extract().jsonPath().getString("data.successData.C"));
        // IQM's campaign-details example is a video creative's: compared with one of adplane's.
        Response video = as(login).contentType("multipart/form-data").multiPart("creativeRequest",
                "{\"V\":{\"creativeName\":\"Video\",\"platformCreativeTypeId\":14,\"creativeSourceType\":\"URL\","
                        + "\"creativeSource\":\"https://cdn.example.com/a.mp4\",\"clickUrl\":\"https://iqm.com\","
                        + "\"videoDetails\":{\"duration\":15}}}", "application/json")
                .post("/api/v3/crt/creatives");
        long videoCreative = Long.parseLong(video.then().statusCode(200).extract().jsonPath().getString("data.successData.V"));
        as(admin, login.owId()).body(Map.of("creativeIds", List.of(creative, videoCreative), "creativeStatusId", 2))
                .patch("/api/v3/crt/creatives/update-status").then().statusCode(200);
        long audience = as(login).body(Map.of("audienceName", "Audience")).post("/api/v3/adplane/audiences").then()
                .statusCode(200).extract().jsonPath().getLong("data.id");
        long s = clock.millis() / 1000 + 3600;
        long campaign = as(login).body("{\"campaignName\":\"C\",\"maxBid\":5,\"budgetTotal\":100,\"budgetDay\":10,\"startTime\":" + s
                + ",\"endTime\":" + (s + 86400) + ",\"timezone\":29,\"creativeType\":11,\"isAgreementChecked\":true,\"ioId\":" + io
                + ",\"countryId\":\"30100001\",\"creativeIds\":\"" + creative + "\",\"advertiserDomain\":\"https://iqm.com\","
                + "\"totalBudgetPacing\":false,\"publisherAdCategory\":\"\",\"exchanges\":\"\",\"budgetTypeId\":1,\"campaignType\":1,"
                + "\"whiteListedAudienceIds\":\"" + audience + "\"}")
                .post("/api/v2/cmp/campaigns/add").then().statusCode(200).extract().jsonPath().getLong("responseObject.data");
        as(login).body("{\"campaignName\":\"V\",\"maxBid\":5,\"budgetTotal\":100,\"budgetDay\":10,\"startTime\":" + s
                + ",\"timezone\":29,\"creativeType\":14,\"isAgreementChecked\":true,\"ioId\":" + io
                + ",\"countryId\":\"30100001\",\"creativeIds\":\"" + videoCreative + "\",\"advertiserDomain\":\"https://iqm.com\","
                + "\"totalBudgetPacing\":false,\"publisherAdCategory\":\"\",\"exchanges\":\"\",\"budgetTypeId\":1,\"campaignType\":1,"
                + "\"whiteListedAudienceIds\":\"" + audience + "\"}")
                .post("/api/v2/cmp/campaigns/add").then().statusCode(200);

        Map<String, String> reads = new java.util.LinkedHashMap<>();
        reads.put("GET /api/v2/cmp/campaign/{campaignId}", as(login).get("/api/v2/cmp/campaign/" + campaign).asString());
        reads.put("GET /api/v3/cmp/io/{ioId}", as(login).get("/api/v3/cmp/io/" + io).asString());
        reads.put("GET /api/v3/crt/creatives/{creativeId}", as(login).get("/api/v3/crt/creatives/" + creative).asString());
        reads.put("GET /api/v3/crt/creatives/{creativeId}/creative-campaign-details",
                as(login).get("/api/v3/crt/creatives/" + videoCreative + "/creative-campaign-details?includeModelingInfo=true")
                        .asString());
        reads.put("POST /api/v3/crt/creatives/list", as(login).body(Map.of()).post("/api/v3/crt/creatives/list").asString());
        reads.put("POST /api/v3/cmp/io/basic/list", as(login).body(Map.of()).post("/api/v3/cmp/io/basic/list").asString());
        reads.put("POST /api/v3/cmp/basic/list", as(login).body(Map.of()).post("/api/v3/cmp/basic/list").asString());
        reads.put("POST /api/v3/cmp/io/campaign/basic/list",
                as(login).body(Map.of("includeTargetedAudienceList", true)).post("/api/v3/cmp/io/campaign/basic/list").asString());
        java.util.Set<String> problems = new java.util.TreeSet<>();
        for (Map.Entry<String, String> read : reads.entrySet()) {
            IqmExamplesIntegrationTest.answerProblems(answers.get(read.getKey()), JSON.readTree(read.getValue()))
                    .forEach(p -> problems.add(read.getKey() + ": " + p));
        }
        assertThat(problems).as("answers without IQM's keys and types (F12)").isEmpty();
    }
}
