-- PUT /api/v2/cmp/campaigns/update-status: read, compare-and-set, record the change, in one transaction.
\set id random(:first, :last)
BEGIN;
SELECT c.id, c.status, c.version, c.end_time FROM campaign c WHERE c.id = :id AND c.ow_id = :owid;
UPDATE campaign SET modified_at = modified_at + 1, version = version + 1 WHERE id = :id AND ow_id = :owid AND status = status;
INSERT INTO campaign_status_change (campaign_id, ow_id, from_status, to_status, reason, uow_id, changed_at) VALUES (:id, :owid, 'running', 'paused', NULL, :uowid, 1);
COMMIT;
