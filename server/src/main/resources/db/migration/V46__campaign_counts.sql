-- Constant-cost campaign lists (issue 17). A campaign's effective end (its own, or its IO's when it has none),
-- kept by the write paths, so "expired" needs no join and status filters use an index; and per-organization
-- counts by stored status, kept by the campaign write path in a few shards so concurrent writes rarely meet.
ALTER TABLE campaign ADD COLUMN expires_at BIGINT;
UPDATE campaign SET expires_at = COALESCE(end_time,
    (SELECT i.io_end_time / 1000 FROM insertion_order i WHERE i.io_id = campaign.io_id));

CREATE INDEX campaign_ow_status_created_ix ON campaign (ow_id, status, created_at);
CREATE INDEX campaign_ow_status_expires_ix ON campaign (ow_id, status, expires_at);
CREATE INDEX campaign_due_ix ON campaign (status, expires_at);
DROP INDEX campaign_ow_status_ix;

CREATE TABLE campaign_count (
    ow_id  BIGINT      NOT NULL,
    status VARCHAR(16) NOT NULL,
    shard  INTEGER     NOT NULL,
    n      BIGINT      NOT NULL,
    PRIMARY KEY (ow_id, status, shard)
);
INSERT INTO campaign_count (ow_id, status, shard, n)
    SELECT ow_id, status, 0, COUNT(*) FROM campaign GROUP BY ow_id, status;
