-- IQM's User API (issue 14): customers are invited, pending approval, rejected; the workspace admin sees who
-- approved them, which kind of account they are and whether bid shading is on.
ALTER TABLE organization DROP CONSTRAINT organization_status_ck;
ALTER TABLE organization ADD CONSTRAINT organization_status_ck
    CHECK (status IN ('active', 'pending', 'invited', 'on_hold', 'suspended', 'rejected'));
-- 'advertiser' or 'workspace' (IQM's customer account types).
ALTER TABLE organization ADD COLUMN account_type VARCHAR(16) NOT NULL DEFAULT 'advertiser';
ALTER TABLE organization ADD CONSTRAINT organization_account_type_ck CHECK (account_type IN ('advertiser', 'workspace'));
ALTER TABLE organization ADD COLUMN modified_at BIGINT;
ALTER TABLE organization ADD COLUMN approved_by_user_id BIGINT REFERENCES app_user (id);
ALTER TABLE organization ADD COLUMN bid_shading BOOLEAN NOT NULL DEFAULT FALSE;
-- The person an invited customer was invited as (its owner), kept for the lists before anyone has accepted.
ALTER TABLE organization ADD COLUMN owner_user_id BIGINT REFERENCES app_user (id);
UPDATE organization SET modified_at = created_at;
UPDATE organization SET account_type = 'workspace' WHERE parent_ow_id IS NULL;
-- An organization's first admin is its owner.
UPDATE organization SET owner_user_id = (SELECT MIN(m.user_id) FROM membership m
                                         WHERE m.ow_id = organization.ow_id AND m.role = 'admin');
-- The organization's profile (IQM's static lists: industries, company sizes, media budgets, verticals).
ALTER TABLE organization ADD COLUMN logo_url VARCHAR(2048);
ALTER TABLE organization ADD COLUMN industry_id INTEGER;
ALTER TABLE organization ADD COLUMN company_size_id INTEGER;
ALTER TABLE organization ADD COLUMN media_budget_id INTEGER;
ALTER TABLE organization ADD COLUMN vertical_id INTEGER;
-- The lists' last access of an organization: its newest login.
CREATE INDEX auth_session_ow_created_ix ON auth_session (ow_id, created_at);
