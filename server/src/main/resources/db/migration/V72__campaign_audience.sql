-- Which audiences each campaign includes (its whiteListedAudienceIds, F13), kept by the campaign write path like
-- campaign_creative, so the IO-campaign list answers targetedAudienceIds and filters by audience type with
-- index lookups bounded by the listed IOs' campaigns. Filled for existing campaigns by V73.
CREATE TABLE campaign_audience (
    campaign_id BIGINT NOT NULL REFERENCES campaign (id),
    audience_id BIGINT NOT NULL,
    ow_id       BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, audience_id)
);
