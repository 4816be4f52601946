-- The simulation clock (issue 13): real time plus this offset, shared by every instance on the database and only
-- ever moved forward (S3).
CREATE TABLE simulation_clock (
    id            INTEGER NOT NULL PRIMARY KEY,
    offset_millis BIGINT  NOT NULL,
    modified_at   BIGINT  NOT NULL,
    CONSTRAINT simulation_clock_one_ck CHECK (id = 1),
    CONSTRAINT simulation_clock_forward_ck CHECK (offset_millis >= 0)
);
INSERT INTO simulation_clock (id, offset_millis, modified_at) VALUES (1, 0, 0);
