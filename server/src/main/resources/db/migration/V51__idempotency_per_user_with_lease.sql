-- Idempotency keys (D19) scoped by user as well as organization (issue 18: another user of the organization
-- must not be answered with a user's stored answer), and a claim that is a lease (issue 11: a claim whose
-- request died frees itself once lease_until has passed, instead of answering 409 for the whole retention).
-- Keys stored before this version name no user; they are not carried over (they would expire within 24 h).
ALTER TABLE idempotency_key RENAME TO idempotency_key_v2;
CREATE TABLE idempotency_key (
    ow_id        BIGINT       NOT NULL,
    user_id      BIGINT       NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    -- NULL while the first request is still running.
    status       INTEGER,
    body         TEXT,
    created_at   BIGINT       NOT NULL,
    -- Until when a claim without an answer is taken to be still running.
    lease_until  BIGINT       NOT NULL,
    CONSTRAINT idempotency_key_scope_pk PRIMARY KEY (ow_id, user_id, idem_key)
);
DROP TABLE idempotency_key_v2;
CREATE INDEX idempotency_key_age_ix ON idempotency_key (created_at);
