package io.adplane.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.adplane.api.Money;
import io.adplane.auth.Caller;
import io.adplane.tenancy.Names;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code GET /api/v2/cmp/campaign/{id}}: every field of the seed's Step 4 with real values,
 * then every stored targeting and setting field as it was sent.
 */
@Component
class CampaignViews {

    private final CampaignRepository campaigns;
    private final CampaignSpend spend;

    CampaignViews(CampaignRepository campaigns, CampaignSpend spend) {
        this.campaigns = campaigns;
        this.spend = spend;
    }

    Map<String, Object> get(Caller caller, long id, boolean withSpent, long nowSeconds) {
        CampaignRepository.View v = campaigns.view(caller.owId(), id)
                .orElseThrow(CampaignWriter::notFound);
        Campaign campaign = v.campaign();
        CampaignSpec c = campaign.spec();
        CampaignStatus status = campaign.status().effective(c.endTime(),
                v.ioEndTime() == null ? null : v.ioEndTime() / 1000, nowSeconds);
        Map<String, JsonNode> settings = new LinkedHashMap<>(c.settings());

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owId", campaign.owId());
        m.put("parentOrganizationName", v.parentOrganizationName() != null ? v.parentOrganizationName() : v.organizationName());
        m.put("id", campaign.id());
        m.put("uowId", campaign.uowId());
        m.put("campaignName", c.campaignName());
        m.put("advertiserDomain", c.advertiserDomain());
        m.put("creativeType", c.creativeType());
        m.put("campaignType", c.campaignType());
        m.put("totalBudgetPacing", c.totalBudgetPacing());
        m.put("isTvAd", setting(settings, "isTvAd", false));
        m.put("budgetDay", Money.decimal(c.budgetDay()));
        m.put("budgetTotal", Money.decimal(c.budgetTotal()));
        m.put("maxBid", Money.decimal(c.maxBid()));
        m.put("timezone", c.timezone());
        m.put("startTime", c.startTime());
        // F14: 0 for a campaign without an end of its own (it ends with its IO, D13), never null.
        m.put("endTime", c.endTime() == null ? 0L : c.endTime());
        m.put("status", status.code());
        m.put("dspMargin", 0);
        m.put("platformMargin", 0);
        m.put("userDealMargin", 0);
        m.put("spentScale", setting(settings, "spentScale", false));
        m.put("creativeIds", CampaignIds.join(c.creativeIds()));
        m.put("conversionType", setting(settings, "conversionType", "None"));
        m.put("bidOptimization", setting(settings, "bidOptimization", true));
        m.put("bidPacing", setting(settings, "bidPacing", true));
        m.put("isBidShading", setting(settings, "isBidShading", false));
        for (String cap : List.of("impressionCapping", "maxDayImpressions", "maxDayClicks", "maxDayConversions",
                "totalImpressions", "totalClicks", "totalConversions")) {
            m.put(cap, setting(settings, cap, 0));
        }
        m.put("deviceType", CampaignIds.join(c.deviceType()));
        m.put("trafficType", CampaignIds.join(c.trafficType()));
        m.put("exchanges", CampaignIds.join(c.exchanges()));
        m.put("publisherAdCategory", CampaignIds.join(c.publisherAdCategory()));
        m.put("isLocationWithOrFilter", setting(settings, "isLocationWithOrFilter", true));
        m.put("countryId", c.countryId() == null ? null : String.valueOf(c.countryId()));
        m.put("locationDetails", setting(settings, "locationDetails", Map.of()));
        m.put("isCampaignFromNewPlatform", true);
        m.put("organizationName", v.organizationName());
        m.put("userEmail", v.userEmail());
        m.put("userName", Names.displayName(v.userFirstName(), v.userLastName(), v.userEmail()));
        m.put("conversionTypeId", setting(settings, "conversionTypeId", 0));
        m.put("isUnapprovedAudienceTargeted", false);
        m.put("isAllAudienceUnapproved", false);
        m.put("createDate", campaign.createdAt() / 1000);
        m.put("ioId", campaign.ioId());
        m.put("ioName", v.ioName());
        m.put("prebidAudienceSegmentIdList", setting(settings, "prebidAudienceSegmentIdList", List.of()));
        m.put("campaignTypeId", c.campaignType());
        m.put("budgetTypeId", c.budgetTypeId());
        m.put("isAdvanceAudioVideoTargeted", setting(settings, "isAdvanceAudioVideoTargeted", false));
        m.put("isEstimatorAvailable", true);
        m.put("isEditAccess", caller.role().writes() && status != CampaignStatus.DELETED);
        m.put("isMarginSet", false);
        m.put("isApprovalAccess", caller.canApprove() && status == CampaignStatus.PENDING);
        m.put("isParentInvoiceTemplateSet", true);
        m.put("rejectionReason", campaign.rejectionReason());
        m.put("isAgreementChecked", c.isAgreementChecked());
        settings.forEach(m::putIfAbsent);
        IQM_DEFAULTS.forEach(m::putIfAbsent);
        if (withSpent) {
            m.put("spent", Money.decimal(spend.spent(campaign.owId(), campaign.id())));
        }
        return m;
    }

    /**
     * F12: the keys of IQM's answer that a campaign may leave unset, with IQM's value for "none", so a typed
     * client always finds them: ids lists as {@code ""}, deal ids as {@code []}, objects as {@code {}}, numbers 0.
     */
    private static final Map<String, Object> IQM_DEFAULTS;

    static {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        for (String f : List.of("baseBid", "spendingBudget", "pgFeesPercentage", "pgFeesBudget")) {
            d.put(f, 0);
        }
        for (String f : List.of("ioCampaignPriority", "pgPaymentTypeId", "campaignNextPerformanceCheckTime",
                "campaignLastPriorityShiftTime", "campaignDimensionCurrentPriority")) {
            d.put(f, 0);
        }
        d.put("pgDealIds", List.of());
        d.put("pmpDealIds", List.of());
        d.put("advertiserType", "");
        d.put("conversionIds", "");
        d.put("frequencyCapEnabled", false);
        d.put("frequencyCapping", Map.of());
        for (String f : List.of("stateIds", "whiteListedStateIds", "blackListedStateIds", "whiteListedCustomAudienceIds",
                "blackListedCustomAudienceIds", "whiteListedAudienceSegmentGroupIds", "blackListedAudienceSegmentGroupIds",
                "whiteListedConversionTagIds", "blackListedConversionTagIds", "whiteListedAudienceIds",
                "blackListedAudienceIds")) {
            d.put(f, "");
        }
        d.put("campaignEstimatorMetaData", Map.of());
        d.put("creativeAdvanceTargeting", Map.of());
        IQM_DEFAULTS = java.util.Collections.unmodifiableMap(d);
    }

    private static Object setting(Map<String, JsonNode> settings, String field, Object fallback) {
        JsonNode v = settings.get(field);
        return v == null ? fallback : v;
    }
}
