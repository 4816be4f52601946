-- Which creatives each campaign names (its creativeIds), kept by the campaign write path, so "the creatives of
-- these campaigns" and "the campaigns of this creative" are index lookups. Filled for existing campaigns by V43.
CREATE TABLE campaign_creative (
    campaign_id BIGINT NOT NULL REFERENCES campaign (id),
    creative_id BIGINT NOT NULL,
    ow_id       BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, creative_id)
);
CREATE INDEX campaign_creative_creative_ix ON campaign_creative (ow_id, creative_id);
