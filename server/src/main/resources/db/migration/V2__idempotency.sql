-- Idempotency keys (D19): the first answer to a create, replayed for a retry with the same key and body.
CREATE TABLE idempotency_key (
    ow_id        BIGINT       NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    -- NULL while the first request is still running.
    status       INTEGER,
    body         TEXT,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (ow_id, idem_key)
);
