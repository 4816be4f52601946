-- Constant-cost IO lists with nested campaigns (issue 17): each IO's count of campaigns that are not deleted,
-- kept by the campaign write path with the IO's allocation (same statement, under the IO's row lock), and an
-- index that gives each listed IO its newest campaigns without ranking all of them.
ALTER TABLE insertion_order ADD COLUMN allocated_campaigns BIGINT DEFAULT 0 NOT NULL;
UPDATE insertion_order SET allocated_campaigns = (
    SELECT COUNT(*) FROM campaign c WHERE c.io_id = insertion_order.io_id AND c.status <> 'deleted');
CREATE INDEX campaign_io_created_ix ON campaign (io_id, created_at);
