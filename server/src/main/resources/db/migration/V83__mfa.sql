-- TOTP (RFC 6238) per user (issue 14): the shared secret (base32), and the newest time step a code was used
-- for, so a code works once.
ALTER TABLE app_user ADD COLUMN mfa_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user ADD COLUMN mfa_secret VARCHAR(64);
ALTER TABLE app_user ADD COLUMN mfa_last_step BIGINT;
