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

    CampaignAnswer get(Caller caller, long id, boolean withSpent, long nowSeconds) {
        CampaignRepository.View v = campaigns.view(caller.owId(), id)
                .orElseThrow(CampaignWriter::notFound);
        Campaign campaign = v.campaign();
        CampaignSpec c = campaign.spec();
        CampaignStatus status = campaign.status().effective(c.endTime(),
                v.ioEndTime() == null ? null : v.ioEndTime() / 1000, nowSeconds);
        Map<String, JsonNode> settings = c.settings();

        Map<String, Object> more = new LinkedHashMap<>();
        settings.forEach((field, value) -> {
            if (!CampaignAnswer.FIELDS.contains(field)) {
                more.put(field, value);
            }
        });
        IQM_DEFAULTS.forEach(more::putIfAbsent);
        if (withSpent) {
            more.put("spent", Money.decimal(spend.spent(campaign.owId(), campaign.id())));
        }
        return new CampaignAnswer(campaign.owId(),
                v.parentOrganizationName() != null ? v.parentOrganizationName() : v.organizationName(),
                campaign.id(), campaign.uowId(), c.campaignName(), c.advertiserDomain(), c.creativeType(),
                c.campaignType(), c.totalBudgetPacing(), setting(settings, "isTvAd", false),
                Money.decimal(c.budgetDay()), Money.decimal(c.budgetTotal()), Money.decimal(c.maxBid()), c.timezone(),
                c.startTime(),
                // F14: 0 for a campaign without an end of its own (it ends with its IO, D13), never null.
                c.endTime() == null ? 0L : c.endTime(),
                status.code(), 0, 0, 0, setting(settings, "spentScale", false), CampaignIds.join(c.creativeIds()),
                setting(settings, "conversionType", "None"), setting(settings, "bidOptimization", true),
                setting(settings, "bidPacing", true), setting(settings, "isBidShading", false),
                setting(settings, "impressionCapping", 0), setting(settings, "maxDayImpressions", 0),
                setting(settings, "maxDayClicks", 0), setting(settings, "maxDayConversions", 0),
                setting(settings, "totalImpressions", 0), setting(settings, "totalClicks", 0),
                setting(settings, "totalConversions", 0), CampaignIds.join(c.deviceType()),
                CampaignIds.join(c.trafficType()), CampaignIds.join(c.exchanges()),
                CampaignIds.join(c.publisherAdCategory()), setting(settings, "isLocationWithOrFilter", true),
                c.countryId() == null ? null : String.valueOf(c.countryId()),
                setting(settings, "locationDetails", Map.of()), true, v.organizationName(), v.userEmail(),
                Names.displayName(v.userFirstName(), v.userLastName(), v.userEmail()),
                setting(settings, "conversionTypeId", 0), false, false, campaign.createdAt() / 1000, campaign.ioId(),
                v.ioName(), setting(settings, "prebidAudienceSegmentIdList", List.of()), c.campaignType(),
                c.budgetTypeId(), setting(settings, "isAdvanceAudioVideoTargeted", false), true,
                caller.role().writes() && status != CampaignStatus.DELETED, false,
                caller.canApprove() && status == CampaignStatus.PENDING, true, campaign.rejectionReason(),
                c.isAgreementChecked(), more);
    }

    /**
     * F12: the keys of IQM's answer that a campaign may leave unset, with IQM's value for "none", so a typed
     * client always finds them: ids lists as {@code ""}, deal ids as {@code []}, objects as {@code {}}, numbers 0.
     */
    private static final Map<String, Object> IQM_DEFAULTS;

    static {
        Map<String, Object> d = new LinkedHashMap<>();
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
