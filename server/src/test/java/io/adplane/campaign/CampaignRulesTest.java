package io.adplane.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.adplane.api.ApiException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** D14 rules on the seed's Step 3 request, without a server. */
class CampaignRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final long NOW = 1_900_000_000L;
    private static final long START = NOW + 3600;

    /** The seed's request, its times moved into the future. */
    static ObjectNode seed() {
        return (ObjectNode) JSON.readTree(CampaignTestSupport.seedCampaign(17994, 676384, START, START + 205_799));
    }

    private static CampaignSpec submit(JsonNode body) {
        return CampaignRules.forSubmission(CampaignInput.parse(body), NOW);
    }

    private static void refused(ObjectNode body, String field, String message) {
        assertThatThrownBy(() -> submit(body))
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).field()).isEqualTo(field))
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
    }

    @Test
    void theSeedRequestPasses() {
        CampaignSpec spec = submit(seed());
        assertThat(spec.campaignName()).isEqualTo("NewTest");
        assertThat(spec.ioId()).isEqualTo(17994L);
        assertThat(spec.countryId()).isEqualTo(30100001L);
        assertThat(spec.creativeIds()).containsExactly(676384L);
        assertThat(spec.exchanges()).isEmpty();
        assertThat(spec.maxBid()).isEqualByComparingTo(new BigDecimal("100"));
        assertThat(spec.budgetDay()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(spec.settings()).isEmpty();
    }

    @Test
    void ioIdAndCountryIdTakeNumbersOrDigitStrings() {
        assertThat(submit(seed().put("ioId", "20").put("countryId", 30100002)).ioId()).isEqualTo(20L);
        refused(seed().put("ioId", "20a"), "ioId", "Field 'ioId' must be an id: a positive integer or a string of digits.");
        refused(seed().put("countryId", 1.5), "countryId", "Field 'countryId' must be an id: a positive integer or a string of digits.");
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        refused(seed().put("dailyBudgte", 5), "dailyBudgte", "Unknown field 'dailyBudgte'.");
        refused(seed().put("maxBid", "100"), "maxBid", "Field 'maxBid' must be a number.");
        refused(seed().put("timezone", 29.5), "timezone", "Field 'timezone' must be a non-negative integer.");
        refused(seed().put("isAgreementChecked", "true"), "isAgreementChecked", "Field 'isAgreementChecked' must be true or false.");
        refused(seed().put("creativeIds", 676384), "creativeIds", "Field 'creativeIds' must be a string of comma-separated ids.");
        refused(seed().put("exchanges", "1,,2"), "exchanges", "Field 'exchanges' must be a string of comma-separated ids.");
        refused(seed().put("campaignName", "a\u0000b"), "campaignName", "Field 'campaignName' must not contain control characters.");
        refused(seed().put("budgetTotal", new BigDecimal("10.123")), "budgetTotal", "Field 'budgetTotal' must be a number from 0 to 1000000000000 with at most 2 decimals.");
        refused(seed().put("budgetTotal", -1), "budgetTotal", "Field 'budgetTotal' must be a number from 0 to 1000000000000 with at most 2 decimals.");
    }

    @Test
    void requiredFieldsAreNamed() {
        for (String field : List.of("campaignName", "creativeType", "exchanges", "publisherAdCategory", "ioId",
                "isAgreementChecked", "advertiserDomain", "creativeIds", "countryId", "maxBid")) {
            refused(seed().without(field), field, "Field '" + field + "' is required.");
        }
        refused(seed().without("startTime"), "startTime", "Start time is required");
        refused(seed().without("timezone"), "timezone", "Timezone is required");
        refused(seed().without("budgetTotal"), "budgetTotal", "Total budget is required.");
    }

    @Test
    void agreementDomainTypesAndBid() {
        refused(seed().put("isAgreementChecked", false), "isAgreementChecked", "Please check the agreement to proceed.");
        refused(seed().put("advertiserDomain", "iqm.com"), "advertiserDomain",
                "Advertiser domain must be a URL with its protocol, e.g. https://example.com.");
        refused(seed().put("advertiserDomain", "ftp://iqm.com"), "advertiserDomain",
                "Advertiser domain must be a URL with its protocol, e.g. https://example.com.");
        refused(seed().put("creativeType", 12), "creativeType", "Invalid creative type.");
        refused(seed().put("campaignType", 3), "campaignType", "Invalid campaign Type provided");
        // A PG campaign (F6) buys its deals: it needs them, and no daily budget, agreement or country.
        refused(seed().put("campaignType", 2), "pgDealIds", "Field 'pgDealIds' is required.");
        refused(seed().put("campaignType", 2).put("pgDealIds", "[]"), "pgDealIds", "At least one PG deal is required.");
        ObjectNode pg = seed().put("campaignType", 2).put("pgDealIds", "[101,102]");
        pg.remove(java.util.List.of("budgetDay", "isAgreementChecked", "countryId", "exchanges", "publisherAdCategory"));
        assertThat(submit(pg).campaignType()).isEqualTo(2);
        refused(seed().put("creativeIds", ""), "creativeIds", "At least one creative id is required.");
        refused(seed().put("budgetTypeId", 3), "budgetTypeId", "Invalid budget type provided");
        refused(seed().put("maxBid", 0), "maxBid", "Max bid must be greater than 0 and not greater than 1000.");
        refused(seed().put("maxBid", 1000.01), "maxBid", "Max bid must be greater than 0 and not greater than 1000.");
        assertThat(submit(seed().put("maxBid", 1000)).maxBid()).isEqualByComparingTo("1000");
    }

    @Test
    void timesAndPacing() {
        refused(seed().put("startTime", NOW - 120), "startTime", "Start date can not be less than current time.");
        assertThat(submit(seed().put("startTime", NOW - NOW % 60)).startTime()).isEqualTo(NOW - NOW % 60);
        refused(seed().put("endTime", START - 1), "endTime", "End date can not be less than start date.");
        refused(seed().put("endTime", START + 899), "endTime",
                "There should be at least 15 min difference between start date and end date.");
        assertThat(submit(seed().put("endTime", START + 900)).endTime()).isEqualTo(START + 900);

        refused(seed().put("totalBudgetPacing", true), "budgetDay",
                "Daily budget is not applicable if total budget pacing is enabled.");
        refused(seed().put("totalBudgetPacing", true).without(List.of("budgetDay", "endTime")), "endTime",
                "End date is must if total budget pacing is enabled.");
        assertThat(submit(seed().put("totalBudgetPacing", true).without("budgetDay")).totalBudgetPacing()).isTrue();
        // F8: IQM's "Minimal Campaign (required fields only)" has no daily budget: then there is no daily cap.
        assertThat(submit(seed().without("budgetDay")).budgetDay()).isNull();
        refused(seed().put("budgetDay", 1500.01), "budgetDay", "Daily budget must not exceed total budget");
        // A campaign without endTime is allowed and ends with its IO (D13).
        assertThat(submit(seed().without("endTime")).endTime()).isNull();
    }

    @Test
    void frequencyCappingAndScheduling() {
        ObjectNode caps = JSON.createObjectNode();
        caps.putObject("1").put("frequencyCapValue", 5).put("frequencyCapDuration", 1);
        caps.putObject("4").put("frequencyCapValue", 100).put("frequencyCapDuration", 0);
        assertThat(submit(seed().put("frequencyCapEnabled", true).set("frequencyCapping", caps)).settings())
                .containsKeys("frequencyCapping", "frequencyCapEnabled");

        refused(seed().put("frequencyCapEnabled", true), "frequencyCapping", "Frequency capping map is required.");
        ObjectNode badType = JSON.createObjectNode();
        badType.putObject("9").put("frequencyCapValue", 5).put("frequencyCapDuration", 1);
        refused((ObjectNode) seed().put("frequencyCapEnabled", true).set("frequencyCapping", badType),
                "frequencyCapId", "Invalid frequency cap type.");
        ObjectNode badDuration = JSON.createObjectNode();
        badDuration.putObject("4").put("frequencyCapValue", 5).put("frequencyCapDuration", 1);
        refused((ObjectNode) seed().put("frequencyCapEnabled", true).set("frequencyCapping", badDuration),
                "frequencyDuration", "Invalid frequency duration for frequency cap type 'Campaign Duration'");

        ObjectNode schedule = (ObjectNode) JSON.readTree("{\"0\":[[\"03:00:00\",\"05:00:00\"],[\"06:00:00\",\"11:00:00\"]]}");
        assertThat(submit(seed().set("scheduling", schedule)).settings().get("scheduling")).isEqualTo(schedule);
        refused((ObjectNode) seed().set("scheduling", JSON.readTree("{\"7\":[]}")), "scheduling",
                "Scheduling must map days \"0\" (Monday) to \"6\" (Sunday) to lists of time ranges.");
        refused((ObjectNode) seed().set("scheduling", JSON.readTree("{\"0\":[[\"05:00:00\",\"03:00:00\"]]}")),
                "scheduling", "Each scheduling range must be [\"HH:mm:ss\",\"HH:mm:ss\"] with the start before the end.");
    }

    @Test
    void targetingIsKeptAsSentAndSystemFieldsIgnored() {
        ObjectNode body = seed().put("deviceType", "13,15,11,12").put("trafficType", "11,12")
                .put("whiteListedZipcodes", "10001,10002").put("ageRangeIds", "1,2")
                .put("status", "running").put("owId", 1);
        CampaignSpec spec = submit(body);
        assertThat(spec.deviceType()).containsExactly(13L, 15L, 11L, 12L);
        assertThat(spec.settings()).containsKeys("whiteListedZipcodes", "ageRangeIds").doesNotContainKeys("status", "owId");
    }

    @Test
    void draftsNeedLess() {
        ObjectNode draft = seed().without(List.of("budgetTotal", "budgetDay", "timezone", "exchanges", "isAgreementChecked"));
        CampaignSpec spec = CampaignRules.forDraft(CampaignInput.parse(draft), NOW);
        assertThat(spec.budgetTotal()).isNull();
        assertThatThrownBy(() -> CampaignRules.forDraft(CampaignInput.parse(seed().without("campaignName")), NOW))
                .hasMessage("Field 'campaignName' is required.");
    }
}
