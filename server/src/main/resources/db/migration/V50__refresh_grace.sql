-- Refresh rotation's grace window (issue 18, RFC 9700 §4.14.2): for a short time after a refresh token is
-- rotated, a retry with it answers the same successor instead of revoking the family. The successor is kept
-- only sealed (AES-GCM) under a key derived from the rotated token itself, which the database never holds:
-- the row alone reveals nothing. Rows go when the family rotates again or the window has passed.
CREATE TABLE refresh_grace (
    token_hash CHAR(64)     PRIMARY KEY,
    session_id BIGINT       NOT NULL REFERENCES auth_session (id),
    sealed     VARCHAR(400) NOT NULL,
    rotated_at BIGINT       NOT NULL
);
CREATE INDEX refresh_grace_session_ix ON refresh_grace (session_id);
CREATE INDEX refresh_grace_rotated_ix ON refresh_grace (rotated_at);
