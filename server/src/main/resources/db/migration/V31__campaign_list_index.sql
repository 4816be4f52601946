-- Campaign lists page newest first within an organization (bench: campaign-list sorted the whole table).
CREATE INDEX campaign_ow_created_ix ON campaign (ow_id, created_at);
