-- POST /api/v3/ua/oauth/token (refresh_token): find the token, mark it used, issue a new pair.
BEGIN;
SELECT id, domain, owner_ow_id, support_email FROM workspace WHERE domain = 'localhost';
SELECT client_id, workspace_id, secret_hash FROM oauth_client WHERE client_id = :clientid;
SELECT r.session_id, r.expires_at, r.used_at, s.client_id, s.revoked_at FROM refresh_token r JOIN auth_session s ON s.id = r.session_id JOIN app_user u ON u.id = s.user_id WHERE r.token_hash = (SELECT token_hash FROM refresh_token WHERE used_at IS NULL LIMIT 1);
UPDATE refresh_token SET used_at = 1 WHERE token_hash = (SELECT token_hash FROM refresh_token WHERE used_at IS NULL LIMIT 1) AND used_at IS NULL;
SELECT ow_id, status FROM organization WHERE ow_id = :owid;
INSERT INTO access_token (token_hash, session_id, expires_at) VALUES (md5(random()::text) || md5(random()::text), (SELECT MAX(id) FROM auth_session), 1);
INSERT INTO refresh_token (token_hash, session_id, expires_at) VALUES (md5(random()::text) || md5(random()::text), (SELECT MAX(id) FROM auth_session), 1);
COMMIT;
