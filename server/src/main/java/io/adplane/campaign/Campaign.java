package io.adplane.campaign;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** A stored campaign: its owner, its state, and its settings ({@link CampaignSpec} as kept). */
record Campaign(
        long id,
        long owId,
        long ioId,
        long uowId,
        CampaignStatus status,
        String campaignName,
        int campaignTypeId,
        Integer creativeType,
        int budgetTypeId,
        BigDecimal budgetTotal,
        BigDecimal budgetDay,
        BigDecimal maxBid,
        boolean totalBudgetPacing,
        Long startTime,
        Long endTime,
        Integer timezone,
        Long countryId,
        String advertiserDomain,
        List<Long> creativeIds,
        List<Long> exchanges,
        List<Long> publisherAdCategory,
        List<Long> deviceType,
        List<Long> trafficType,
        boolean isAgreementChecked,
        ObjectNode settings,
        String rejectionReason,
        int version,
        long createdAt,
        long modifiedAt) {

    /** The status a reader sees: running and paused campaigns past their end are expired (D17). */
    CampaignStatus effectiveStatus(long nowSeconds) {
        return status.effective(endTime, nowSeconds);
    }
}
