-- Logos, avatars and favicons uploaded over the User API (U15): each distinct image once, by its SHA-256,
-- served at a public address that names that digest.
CREATE TABLE uploaded_image (
    sha256       CHAR(64)    PRIMARY KEY,
    content_type VARCHAR(32) NOT NULL,
    size         BIGINT      NOT NULL,
    content      BYTEA       NOT NULL,
    created_at   BIGINT      NOT NULL
);

-- A workspace made by an invited workspace customer's owner (POST /api/v3/ua/workspace, U16): once per invitation.
ALTER TABLE workspace ADD COLUMN created_from_invitation_id BIGINT REFERENCES invitation (id);
ALTER TABLE workspace ADD CONSTRAINT workspace_created_from_uq UNIQUE (created_from_invitation_id);
