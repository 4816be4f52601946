-- Each distinct uploaded file is stored once per organization, by its SHA-256, however many creatives use it;
-- an organization's stored bytes are counted so a quota can refuse more (issue 18). V45 moves the old files.
CREATE TABLE creative_blob (
    ow_id      BIGINT   NOT NULL REFERENCES organization (ow_id),
    sha256     CHAR(64) NOT NULL,
    size       BIGINT   NOT NULL,
    content    BYTEA    NOT NULL,
    created_at BIGINT   NOT NULL,
    PRIMARY KEY (ow_id, sha256)
);

CREATE TABLE creative_storage (
    ow_id BIGINT PRIMARY KEY REFERENCES organization (ow_id),
    bytes BIGINT NOT NULL
);

ALTER TABLE creative ADD COLUMN file_sha256 CHAR(64);
