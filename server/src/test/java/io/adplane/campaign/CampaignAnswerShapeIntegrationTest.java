package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET campaign's answer, key by key and in order, as a client reading it as a stream sees it: the seed's Step 4
 * fields, then the stored settings as they were sent (a setting named like an answer field never repeats it),
 * then IQM's defaults for the documented fields left unset, then {@code spent} when asked for.
 */
class CampaignAnswerShapeIntegrationTest extends CampaignTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each key with its JSON type, for the campaign of the test (its two settings after the answer's fields). */
    private static final List<String> EXPECTED = List.of(
            "owId:NUMBER", "parentOrganizationName:STRING", "id:NUMBER", "uowId:NUMBER", "campaignName:STRING",
            "advertiserDomain:STRING", "creativeType:NUMBER", "campaignType:NUMBER", "totalBudgetPacing:BOOLEAN",
            "isTvAd:BOOLEAN", "budgetDay:NUMBER", "budgetTotal:NUMBER", "maxBid:NUMBER", "timezone:NUMBER",
            "startTime:NUMBER", "endTime:NUMBER", "status:STRING", "dspMargin:NUMBER", "platformMargin:NUMBER",
            "userDealMargin:NUMBER", "spentScale:BOOLEAN", "creativeIds:STRING", "conversionType:STRING",
            "bidOptimization:BOOLEAN", "bidPacing:BOOLEAN", "isBidShading:BOOLEAN", "impressionCapping:NUMBER",
            "maxDayImpressions:NUMBER", "maxDayClicks:NUMBER", "maxDayConversions:NUMBER", "totalImpressions:NUMBER",
            "totalClicks:NUMBER", "totalConversions:NUMBER", "deviceType:STRING", "trafficType:STRING",
            "exchanges:STRING", "publisherAdCategory:STRING", "isLocationWithOrFilter:BOOLEAN", "countryId:STRING",
            "locationDetails:OBJECT", "isCampaignFromNewPlatform:BOOLEAN", "organizationName:STRING",
            "userEmail:STRING", "userName:STRING", "conversionTypeId:NUMBER", "isUnapprovedAudienceTargeted:BOOLEAN",
            "isAllAudienceUnapproved:BOOLEAN", "createDate:NUMBER", "ioId:NUMBER", "ioName:STRING",
            "prebidAudienceSegmentIdList:ARRAY", "campaignTypeId:NUMBER", "budgetTypeId:NUMBER",
            "isAdvanceAudioVideoTargeted:BOOLEAN", "isEstimatorAvailable:BOOLEAN", "isEditAccess:BOOLEAN",
            "isMarginSet:BOOLEAN", "isApprovalAccess:BOOLEAN", "isParentInvoiceTemplateSet:BOOLEAN",
            "rejectionReason:NULL", "isAgreementChecked:BOOLEAN", "stateIds:STRING", "advertiserType:STRING",
            "baseBid:NUMBER", "spendingBudget:NUMBER", "pgFeesPercentage:NUMBER", "pgFeesBudget:NUMBER",
            "ioCampaignPriority:NUMBER", "pgPaymentTypeId:NUMBER", "campaignNextPerformanceCheckTime:NUMBER",
            "campaignLastPriorityShiftTime:NUMBER", "campaignDimensionCurrentPriority:NUMBER", "pgDealIds:ARRAY",
            "pmpDealIds:ARRAY", "conversionIds:STRING", "frequencyCapEnabled:BOOLEAN", "frequencyCapping:OBJECT",
            "whiteListedStateIds:STRING", "blackListedStateIds:STRING", "whiteListedCustomAudienceIds:STRING",
            "blackListedCustomAudienceIds:STRING", "whiteListedAudienceSegmentGroupIds:STRING",
            "blackListedAudienceSegmentGroupIds:STRING", "whiteListedConversionTagIds:STRING",
            "blackListedConversionTagIds:STRING", "whiteListedAudienceIds:STRING", "blackListedAudienceIds:STRING",
            "campaignEstimatorMetaData:OBJECT", "creativeAdvanceTargeting:OBJECT");

    @Test
    void theAnswerListsItsKeysOnceInIqmsOrderWithTheirTypes() {
        Tenant t = newTenant("admin");
        Login login = login(t);
        long io = newIo(login);
        long creative = runningCreative(login, 11);
        long start = nowSeconds() + DAY;
        String body = seedCampaign(io, creative, start, start + 10 * DAY).replace("\"campaignType\": 1",
                "\"campaignType\": 1, \"isBidShading\": true, \"stateIds\": \"1,2\", \"impressionCapping\": 3, "
                        + "\"advertiserType\": \"x\", \"isAdvanceAudioVideoTargeted\": false");
        var added = as(login).body(body).post("/api/v2/cmp/campaigns/add");
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(200);
        long id = added.jsonPath().getLong("responseObject.data");

        JsonNode plain = answer(login, id, false);
        JsonNode withSpent = answer(login, id, true);
        assertThat(keysAndTypes(plain)).containsExactlyElementsOf(EXPECTED);
        List<String> spent = new ArrayList<>(EXPECTED);
        spent.add("spent:NUMBER");
        assertThat(keysAndTypes(withSpent)).containsExactlyElementsOf(spent);
        // Settings answer as sent; a setting named like an answer field is that field's value.
        assertThat(plain.get("stateIds").asString()).isEqualTo("1,2");
        assertThat(plain.get("advertiserType").asString()).isEqualTo("x");
        assertThat(plain.get("isBidShading").asBoolean()).isTrue();
        assertThat(plain.get("impressionCapping").asInt()).isEqualTo(3);
        assertThat(plain.get("budgetTotal").decimalValue()).isEqualByComparingTo("1500");
        assertThat(plain.get("status").asString()).isEqualTo("pending");
        assertThat(plain.get("id").asLong()).isEqualTo(id);
    }

    private JsonNode answer(Login login, long id, boolean spent) {
        String text = as(login).get("/api/v2/cmp/campaign/" + id + "?isSpentRequired=" + spent).then().statusCode(200)
                .extract().asString();
        return JSON.readTree(text).get("responseObject");
    }

    private static List<String> keysAndTypes(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.properties().forEach(e -> out.add(e.getKey() + ":" + e.getValue().getNodeType()));
        return out;
    }
}
