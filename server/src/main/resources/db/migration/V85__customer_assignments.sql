-- Customers assigned to users (IQM's user/customer/assign, U13): an assignment is a membership of the user in
-- the customer with the role of the membership it was assigned from, so the bearer gate's rules apply to it as
-- to any other. It follows its source's status; a removed one stays (what it created still names its uowId)
-- and no longer logs in or acts.
ALTER TABLE membership ADD COLUMN assigned_from_uow_id BIGINT REFERENCES membership (uow_id);
ALTER TABLE membership DROP CONSTRAINT membership_status_ck;
ALTER TABLE membership ADD CONSTRAINT membership_status_ck
    CHECK (status IN ('active', 'invited', 'suspended', 'removed'));
CREATE INDEX membership_assigned_ix ON membership (assigned_from_uow_id);
CREATE INDEX membership_user_ix ON membership (user_id);
