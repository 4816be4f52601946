package io.adplane.campaign;

/**
 * A stored campaign: its owner, its state, and its settings ({@link CampaignSpec} as kept, with the budget
 * type resolved from its IO). Changed only by {@link CampaignWriter}.
 */
record Campaign(
        long id,
        long owId,
        long ioId,
        long uowId,
        CampaignStatus status,
        CampaignSpec spec,
        String rejectionReason,
        int version,
        long createdAt,
        long modifiedAt) {

    String campaignName() {
        return spec.campaignName();
    }

    /** What this campaign adds to its IO's allocated budget: nothing once deleted (D12). */
    java.math.BigDecimal allocatedBudget() {
        return status == CampaignStatus.DELETED || spec.budgetTotal() == null ? java.math.BigDecimal.ZERO
                : spec.budgetTotal();
    }

    /** What this campaign adds to its IO's allocated impressions: nothing once deleted. */
    long allocatedImpressions() {
        return status == CampaignStatus.DELETED ? 0 : spec.totalImpressions();
    }
}
