-- Delivery (issue 13): hourly facts, append-only and idempotent on their natural key, and the rollups kept from
-- them as they arrive (never re-summed). Money is integer micros (1 USD = 1,000,000). Hours and days: an hour is
-- the epoch second it starts at (UTC); a day is the epoch day number in the campaign's own timezone (S2).
CREATE TABLE delivery_fact (
    campaign_id          BIGINT      NOT NULL,
    hour_start           BIGINT      NOT NULL,
    creative_id          BIGINT      NOT NULL,
    exchange_id          BIGINT      NOT NULL,
    device_type_id       BIGINT      NOT NULL,
    country_id           BIGINT      NOT NULL,
    ow_id                BIGINT      NOT NULL,
    io_id                BIGINT      NOT NULL,
    local_day            INTEGER     NOT NULL,
    -- simulator | ingestion
    source               VARCHAR(16) NOT NULL,
    bid_requests         BIGINT      NOT NULL,
    bid_impressions      BIGINT      NOT NULL,
    impressions          BIGINT      NOT NULL,
    clicks               BIGINT      NOT NULL,
    media_spend_micros   BIGINT      NOT NULL,
    data_cost_micros     BIGINT      NOT NULL,
    total_spend_micros   BIGINT      NOT NULL,
    video_start          BIGINT      NOT NULL,
    video_first_quartile BIGINT      NOT NULL,
    video_midpoint       BIGINT      NOT NULL,
    video_third_quartile BIGINT      NOT NULL,
    video_complete       BIGINT      NOT NULL,
    conversions          BIGINT      NOT NULL,
    recorded_at          BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, hour_start, creative_id, exchange_id, device_type_id, country_id)
);
CREATE INDEX delivery_fact_ow_day_ix ON delivery_fact (ow_id, local_day);

-- Per campaign per day (the campaign's timezone): what reports and the daily budget read.
CREATE TABLE delivery_day (
    campaign_id          BIGINT  NOT NULL,
    local_day            INTEGER NOT NULL,
    ow_id                BIGINT  NOT NULL,
    io_id                BIGINT  NOT NULL,
    bid_requests         BIGINT  NOT NULL DEFAULT 0,
    bid_impressions      BIGINT  NOT NULL DEFAULT 0,
    impressions          BIGINT  NOT NULL DEFAULT 0,
    clicks               BIGINT  NOT NULL DEFAULT 0,
    media_spend_micros   BIGINT  NOT NULL DEFAULT 0,
    data_cost_micros     BIGINT  NOT NULL DEFAULT 0,
    total_spend_micros   BIGINT  NOT NULL DEFAULT 0,
    video_start          BIGINT  NOT NULL DEFAULT 0,
    video_first_quartile BIGINT  NOT NULL DEFAULT 0,
    video_midpoint       BIGINT  NOT NULL DEFAULT 0,
    video_third_quartile BIGINT  NOT NULL DEFAULT 0,
    video_complete       BIGINT  NOT NULL DEFAULT 0,
    conversions          BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, local_day)
);
CREATE INDEX delivery_day_ow_day_ix ON delivery_day (ow_id, local_day, campaign_id);

-- Per campaign, all time: a campaign's `spent`.
CREATE TABLE delivery_total (
    campaign_id          BIGINT NOT NULL PRIMARY KEY,
    ow_id                BIGINT NOT NULL,
    io_id                BIGINT NOT NULL,
    bid_requests         BIGINT NOT NULL DEFAULT 0,
    bid_impressions      BIGINT NOT NULL DEFAULT 0,
    impressions          BIGINT NOT NULL DEFAULT 0,
    clicks               BIGINT NOT NULL DEFAULT 0,
    media_spend_micros   BIGINT NOT NULL DEFAULT 0,
    data_cost_micros     BIGINT NOT NULL DEFAULT 0,
    total_spend_micros   BIGINT NOT NULL DEFAULT 0,
    video_start          BIGINT NOT NULL DEFAULT 0,
    video_first_quartile BIGINT NOT NULL DEFAULT 0,
    video_midpoint       BIGINT NOT NULL DEFAULT 0,
    video_third_quartile BIGINT NOT NULL DEFAULT 0,
    video_complete       BIGINT NOT NULL DEFAULT 0,
    conversions          BIGINT NOT NULL DEFAULT 0
);

-- Per IO, all time: the IO's spent budget and impressions.
CREATE TABLE delivery_io_total (
    io_id              BIGINT NOT NULL PRIMARY KEY,
    ow_id              BIGINT NOT NULL,
    impressions        BIGINT NOT NULL DEFAULT 0,
    total_spend_micros BIGINT NOT NULL DEFAULT 0
);
