-- Failed-login budgets next to the per-account throttle (issue 18): per client address and per OAuth client,
-- counted in fixed windows (window_start, epoch ms) so every instance shares them (D20).
CREATE TABLE login_budget (
    budget_key   VARCHAR(200) PRIMARY KEY,
    window_start BIGINT       NOT NULL,
    attempts     INTEGER      NOT NULL
);
CREATE INDEX login_budget_window_ix ON login_budget (window_start);
-- The purge of stale throttle rows finds them by age.
CREATE INDEX login_throttle_last_failure_ix ON login_throttle (last_failure_at);
-- The gate refuses an organization below one on hold or suspended (issue 18); few are, and this finds them.
CREATE INDEX organization_status_ix ON organization (status);
