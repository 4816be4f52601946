package io.adplane.campaign;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

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
}
