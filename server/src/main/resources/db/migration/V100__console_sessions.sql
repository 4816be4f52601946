-- The console (issue 16) logs in without an OAuth client: its sessions have no client_id.
-- A console session holds one access token and no refresh token; its cookie ends with the browser.
ALTER TABLE auth_session ALTER COLUMN client_id DROP NOT NULL;
