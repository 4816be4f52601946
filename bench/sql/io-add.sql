-- POST /api/v3/cmp/io/add: insert and read back.
BEGIN;
INSERT INTO insertion_order (ow_id, io_name, io_start_time, io_end_time, io_total_budget, io_total_impressions, io_time_zone_id, is_auto_sum_io_total_budget, io_budget_distribution_method_id, io_budget_type_id, io_status_id, created_by_uow_id, modified_by_uow_id, created_at, modified_at) VALUES (:owid, 'pgbench', 1, NULL, 0, NULL, 29, TRUE, 1, 1, 1, :uowid, :uowid, 1, 1);
SELECT io_id, ow_id, io_name, io_start_time, io_end_time, io_total_budget FROM insertion_order WHERE io_id = currval(pg_get_serial_sequence('insertion_order', 'io_id')) AND ow_id = :owid AND io_status_id <> 3;
COMMIT;
