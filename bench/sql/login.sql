-- POST /api/v3/ua/login, database part only (the Argon2id password check is CPU in the server).
BEGIN;
SELECT id, domain, owner_ow_id, support_email FROM workspace WHERE domain = 'localhost';
SELECT client_id, workspace_id, secret_hash FROM oauth_client WHERE client_id = :clientid;
SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE email = :email;
SELECT id, email, password_hash, disabled FROM app_user WHERE email = :email;
SELECT m.uow_id, m.user_id, m.ow_id, m.role FROM membership m JOIN organization o ON o.ow_id = m.ow_id WHERE m.user_id = :userid AND o.workspace_id = :wsid ORDER BY LENGTH(o.path), o.ow_id;
DELETE FROM login_throttle WHERE email = :email;
SELECT ow_id, status, hold_reason FROM organization WHERE ow_id = :owid;
INSERT INTO auth_session (user_id, workspace_id, client_id, ow_id, created_at) VALUES (:userid, :wsid, :clientid, :owid, 1);
INSERT INTO access_token (token_hash, session_id, expires_at) VALUES (md5(random()::text) || md5(random()::text), currval(pg_get_serial_sequence('auth_session', 'id')), 1);
INSERT INTO refresh_token (token_hash, session_id, expires_at) VALUES (md5(random()::text) || md5(random()::text), currval(pg_get_serial_sequence('auth_session', 'id')), 1);
COMMIT;
