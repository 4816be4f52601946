-- POST /api/v2/cmp/campaigns/add: lock the IO, check creatives, insert, record, keep the IO total.
BEGIN;
SELECT io_id, io_budget_type_id, io_start_time, io_end_time FROM insertion_order WHERE io_id = :ioid AND ow_id = :owid AND io_status_id <> 3 FOR UPDATE;
SELECT creative_id, creative_status_id, platform_creative_type_id FROM creative WHERE ow_id = :owid AND creative_id IN (:creative) AND creative_status_id <> 4;
INSERT INTO campaign (ow_id, io_id, uow_id, modified_by_uow_id, campaign_name, campaign_type_id, creative_type_id, status, budget_type_id, budget_total, budget_day, max_bid, total_budget_pacing, start_time, end_time, timezone_id, country_id, advertiser_domain, creative_ids, exchanges, publisher_ad_category, device_type, traffic_type, is_agreement_checked, settings, created_at, modified_at) VALUES (:owid, :ioid, :uowid, :uowid, 'pgbench', 1, 11, 'pending', 1, 100, 10, 5, FALSE, 1900000000, 1900600000, 29, 30100001, 'https://iqm.com', '1', '', '', '', '', TRUE, '{}', 1, 1);
INSERT INTO campaign_status_change (campaign_id, ow_id, from_status, to_status, reason, uow_id, changed_at) VALUES (currval(pg_get_serial_sequence('campaign', 'id')), :owid, NULL, 'pending', NULL, :uowid, 1);
SELECT auto_approve FROM organization WHERE ow_id = :owid;
SELECT COALESCE(SUM(budget_total), 0) FROM campaign WHERE ow_id = :owid AND io_id = :ioid AND status <> 'deleted';
COMMIT;
