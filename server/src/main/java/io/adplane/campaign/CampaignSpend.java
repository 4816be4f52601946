package io.adplane.campaign;

import java.math.BigDecimal;

/** What a campaign has spent, all time, in dollars (issue 13); implemented by the delivery feature. */
public interface CampaignSpend {

    /** The campaign's spend; zero when it has delivered nothing or is another organization's. */
    BigDecimal spent(long owId, long campaignId);
}
