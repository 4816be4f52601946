package io.adplane.docs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;

import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed quickstart's requests and answers, as examples of the operations they belong to. With live examples
 * (emulator mode) the requests are the seed's, made to work against this server when the document is built:
 * the bootstrapped workspace's admin email (and its password when it was configured, never a generated one),
 * insertion-order and campaign times in the future (valid for a day), the bootstrapped organization's owId in
 * the answers. The ids a step needs from an earlier one ({@code ioId}, {@code creativeIds}) stay placeholders
 * to replace, as in the seed. Without live examples only the answers are shown.
 */
final class SeedExamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String[]> examples;

    private SeedExamples(Map<String, String[]> examples) {
        this.examples = examples;
    }

    /** The examples as of now, for the first workspace of this database. */
    static SeedExamples of(boolean live, Clock clock, TenancyRepository tenancyRepository, TenancyService tenancy,
            Environment environment) {
        long owId = 200001;
        String email = "admin@localhost.test";
        var workspace = tenancyRepository.firstWorkspace().orElse(null);
        if (workspace != null && workspace.ownerOwId() != null) {
            owId = workspace.ownerOwId();
            var users = tenancy.listUsers(owId);
            if (!users.isEmpty()) {
                email = users.get(0).email();
            }
        }
        String configured = environment.getProperty("adplane.bootstrap.password", "");
        String password = configured.isBlank() ? "<ADPLANE_PASSWORD from bootstrap-credentials.env>" : configured;

        Instant now = clock.instant();
        long ioStart = now.truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        long ioEnd = ioStart + Duration.ofDays(60).toMillis();
        long start = now.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        long end = start + 205_799;

        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("POST /api/v3/ua/login", new String[] {
                live ? "{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}" : null,
                "{\"success\":true,\"data\":{\"access_token\":\"at_...\",\"refresh_token\":\"rt_...\",\"scope\":\"read write\","
                        + "\"token_type\":\"bearer\",\"expires_in\":35999,\"owId\":" + owId + "}}"});
        m.put("POST /api/v3/cmp/io/add", new String[] {
                live ? "{\"ioName\":\"IO Name 1\",\"ioStartTime\":" + ioStart + ",\"ioEndTime\":" + ioEnd + ",\"ioTotalBudget\":1000,"
                        + "\"ioTimeZoneId\":29,\"isAutoSumIoTotalBudget\":true,\"ioBudgetTypeId\":1,\"ioBudgetDistributionMethodId\":1}" : null,
                "{\"success\":true,\"data\":{\"ioId\":10001,\"ioName\":\"IO Name 1\",\"ioStartTime\":" + ioStart + ","
                        + "\"ioEndTime\":" + ioEnd + ",\"ioTotalBudget\":0,\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1,"
                        + "\"ioBudgetDistributionMethodId\":1,\"isAutoSumIoTotalBudget\":true,\"ioTotalImpressions\":null}}"});
        m.put("POST /api/v2/cmp/campaigns/add", new String[] {
                live ? "{\"campaignName\":\"NewTest\",\"maxBid\":100,\"budgetTotal\":1500,\"startTime\":" + start + ",\"endTime\":" + end + ","
                        + "\"timezone\":29,\"budgetDay\":50,\"creativeType\":11,\"isAgreementChecked\":true,\"ioId\":10001,"
                        + "\"countryId\":\"30100001\",\"creativeIds\":\"1\",\"advertiserDomain\":\"https://iqm.com\","
                        + "\"totalBudgetPacing\":false,\"publisherAdCategory\":\"\",\"exchanges\":\"\",\"budgetTypeId\":1,\"campaignType\":1}" : null,
                "{\"statusCode\":201,\"responseObject\":{\"data\":500001,\"message\":\"Campaign saved successfully.\",\"status\":\"pending\"}}"});
        m.put("GET /api/v2/cmp/campaign/{campaignId}", new String[] {null,
                "{\"statusCode\":200,\"responseObject\":{\"owId\":" + owId + ",\"parentOrganizationName\":\"adplane\",\"id\":500001,"
                        + "\"uowId\":100001,\"campaignName\":\"NewTest\",\"advertiserDomain\":\"https://iqm.com\",\"creativeType\":11,"
                        + "\"campaignType\":1,\"totalBudgetPacing\":false,\"budgetDay\":50,\"budgetTotal\":1500,\"maxBid\":100,"
                        + "\"timezone\":29,\"startTime\":" + start + ",\"endTime\":" + end + ",\"status\":\"pending\",\"creativeIds\":\"1\","
                        + "\"countryId\":\"30100001\",\"organizationName\":\"adplane\",\"userEmail\":\"" + email + "\",\"userName\":\"admin\","
                        + "\"createDate\":" + now.getEpochSecond() + ",\"ioId\":10001,\"ioName\":\"IO Name 1\",\"isEditAccess\":true,"
                        + "\"isApprovalAccess\":true}}"});
        return new SeedExamples(m);
    }

    void apply(String path, PathItem.HttpMethod method, Operation op) {
        String[] pair = examples.get(method + " " + path);
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
