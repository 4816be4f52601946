package io.adplane.campaign;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adplane.api.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A campaign's settings after the field rules (D14): the core fields typed, everything else kept as sent.
 * Campaign times are epoch seconds (D8); money is decimal.
 */
record CampaignSpec(
        String campaignName,
        Long ioId,
        Long countryId,
        String advertiserDomain,
        Integer creativeType,
        int campaignType,
        List<Long> creativeIds,
        Long startTime,
        Long endTime,
        Integer timezone,
        boolean totalBudgetPacing,
        BigDecimal budgetDay,
        BigDecimal budgetTotal,
        Integer budgetTypeId,
        BigDecimal maxBid,
        List<Long> exchanges,
        List<Long> publisherAdCategory,
        List<Long> deviceType,
        List<Long> trafficType,
        boolean isAgreementChecked,
        Map<String, JsonNode> settings) {

    /** This spec with the budget type its IO decided (D13). */
    CampaignSpec withBudgetTypeId(int id) {
        return new CampaignSpec(campaignName, ioId, countryId, advertiserDomain, creativeType, campaignType, creativeIds,
                startTime, endTime, timezone, totalBudgetPacing, budgetDay, budgetTotal, id, maxBid, exchanges,
                publisherAdCategory, deviceType, trafficType, isAgreementChecked, settings);
    }

    /** The total impressions the campaign asks for (impression-based budgets), 0 when none. */
    long totalImpressions() {
        JsonNode v = settings.get("totalImpressions");
        return v != null && v.canConvertToLong() ? v.longValue() : 0;
    }

    /**
     * The campaign in the request's own field names and JSON types: what a client would send to create it
     * again. Edits merge into it; the change history compares two of them.
     */
    Map<String, JsonNode> asInput() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("campaignName", campaignName);
        o.put("isAgreementChecked", isAgreementChecked);
        if (ioId != null) {
            o.put("ioId", ioId);
        }
        if (countryId != null) {
            o.put("countryId", countryId);
        }
        if (advertiserDomain != null) {
            o.put("advertiserDomain", advertiserDomain);
        }
        if (creativeType != null) {
            o.put("creativeType", creativeType);
        }
        o.put("campaignType", campaignType);
        o.put("creativeIds", CampaignIds.join(creativeIds));
        if (startTime != null) {
            o.put("startTime", startTime);
        }
        if (endTime != null) {
            o.put("endTime", endTime);
        }
        if (timezone != null) {
            o.put("timezone", timezone);
        }
        o.put("totalBudgetPacing", totalBudgetPacing);
        if (budgetDay != null) {
            o.put("budgetDay", Money.plain(budgetDay));
        }
        if (budgetTotal != null) {
            o.put("budgetTotal", Money.plain(budgetTotal));
        }
        if (budgetTypeId != null) {
            o.put("budgetTypeId", budgetTypeId);
        }
        if (maxBid != null) {
            o.put("maxBid", Money.plain(maxBid));
        }
        o.put("exchanges", CampaignIds.join(exchanges));
        o.put("publisherAdCategory", CampaignIds.join(publisherAdCategory));
        o.put("deviceType", CampaignIds.join(deviceType));
        o.put("trafficType", CampaignIds.join(trafficType));
        Map<String, JsonNode> values = new LinkedHashMap<>();
        o.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        values.putAll(settings);
        return values;
    }
}
