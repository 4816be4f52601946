package io.adplane.docs;

import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The seed quickstart's requests and answers, as examples of the operations they belong to. */
final class SeedExamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, String[]> EXAMPLES = Map.of(
            "POST /api/v3/ua/login", new String[] {
                    "{\"grantType\":\"password\",\"email\":\"pratik.t+ihp@iqm.com\",\"password\":\"123456\"}",
                    "{\"success\":true,\"data\":{\"access_token\":\"at_...\",\"refresh_token\":\"rt_...\",\"scope\":\"read write\","
                            + "\"token_type\":\"bearer\",\"expires_in\":35999,\"owId\":200001}}"},
            "POST /api/v3/cmp/io/add", new String[] {
                    "{\"ioName\":\"IO Name 1\",\"ioStartTime\":1690898148000,\"ioEndTime\":1690898888000,\"ioTotalBudget\":1000,"
                            + "\"ioTimeZoneId\":29,\"isAutoSumIoTotalBudget\":true,\"ioBudgetTypeId\":1,\"ioBudgetDistributionMethodId\":1}",
                    "{\"success\":true,\"data\":{\"ioId\":123456,\"ioName\":\"IO Name 1\",\"ioStartTime\":1690898148000,"
                            + "\"ioEndTime\":1690898888000,\"ioTotalBudget\":0,\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1,"
                            + "\"ioBudgetDistributionMethodId\":1,\"isAutoSumIoTotalBudget\":true,\"ioTotalImpressions\":null}}"},
            "POST /api/v2/cmp/campaigns/add", new String[] {
                    "{\"campaignName\":\"NewTest\",\"maxBid\":100,\"budgetTotal\":1500,\"startTime\":1748890201,\"endTime\":1749096000,"
                            + "\"timezone\":29,\"budgetDay\":50,\"creativeType\":11,\"isAgreementChecked\":true,\"ioId\":17994,"
                            + "\"countryId\":\"30100001\",\"creativeIds\":\"676384\",\"advertiserDomain\":\"https://iqm.com\","
                            + "\"totalBudgetPacing\":false,\"publisherAdCategory\":\"\",\"exchanges\":\"\",\"budgetTypeId\":1,\"campaignType\":1}",
                    "{\"statusCode\":201,\"responseObject\":{\"data\":123456,\"message\":\"Campaign saved successfully.\",\"status\":\"pending\"}}"},
            "GET /api/v2/cmp/campaign/{campaignId}", new String[] {null,
                    "{\"statusCode\":200,\"responseObject\":{\"owId\":203578,\"parentOrganizationName\":\"Signup testing 1\",\"id\":537599,"
                            + "\"uowId\":188494,\"campaignName\":\"TestCampaign\",\"advertiserDomain\":\"https://iqm.com\",\"creativeType\":11,"
                            + "\"campaignType\":1,\"totalBudgetPacing\":true,\"budgetDay\":1199.08,\"budgetTotal\":50000.0,\"maxBid\":15.0,"
                            + "\"timezone\":29,\"startTime\":1726518001,\"endTime\":1727668800,\"status\":\"running\",\"creativeIds\":\"676384\","
                            + "\"countryId\":\"30100001\",\"organizationName\":\"User's Org\",\"userEmail\":\"User@iqm.com\",\"userName\":\"User\","
                            + "\"createDate\":1726517360,\"ioId\":15844,\"ioName\":\"Test2\",\"isEditAccess\":true,\"isApprovalAccess\":false}}"});

    private SeedExamples() {
    }

    static void apply(String path, PathItem.HttpMethod method, Operation op) {
        String[] pair = EXAMPLES.get(method + " " + path);
        if (pair == null) {
            return;
        }
        if (pair[0] != null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            MediaType json = op.getRequestBody().getContent().get("application/json");
            if (json != null) {
                json.addExamples("seed", new Example().summary("The quickstart's request").value(parse(pair[0])));
            }
        }
        ApiResponse ok = op.getResponses().get("200");
        if (ok == null) {
            ok = new ApiResponse().description("OK");
            op.getResponses().addApiResponse("200", ok);
        }
        if (ok.getContent() == null) {
            ok.setContent(new Content());
        }
        MediaType answer = ok.getContent().computeIfAbsent("application/json", k -> new MediaType());
        answer.addExamples("seed", new Example().summary("The quickstart's answer").value(parse(pair[1])));
    }

    private static Object parse(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }
}
