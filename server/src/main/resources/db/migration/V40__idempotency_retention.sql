-- Idempotency keys expire after adplane.idempotency.retention; the purge job finds old ones by age.
CREATE INDEX idempotency_key_created_ix ON idempotency_key (created_at);
