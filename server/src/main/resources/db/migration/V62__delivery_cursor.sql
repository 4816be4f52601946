-- The simulator's watermark per campaign (S5): the next hour to decide, taken by a guarded update.
CREATE TABLE delivery_cursor (
    campaign_id BIGINT  NOT NULL PRIMARY KEY,
    ow_id       BIGINT  NOT NULL,
    io_id       BIGINT  NOT NULL,
    next_hour   BIGINT  NOT NULL,
    is_open     BOOLEAN NOT NULL
);
CREATE INDEX delivery_cursor_due_ix ON delivery_cursor (is_open, next_hour, io_id);
CREATE INDEX delivery_cursor_io_ix ON delivery_cursor (io_id, is_open);
