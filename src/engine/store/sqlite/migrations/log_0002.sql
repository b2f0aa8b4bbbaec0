-- Schema version 2: the per-user index holds only records that name a user.
-- Group requests, lists and refused tokens name none, and a partial index
-- spares their inserts one B-tree; `user_email_lower = ?` implies NOT NULL,
-- so every per-user read still uses it.
DROP INDEX provisioning_log_user;
CREATE INDEX provisioning_log_user ON provisioning_log(tenant_id, user_email_lower, seq)
    WHERE user_email_lower IS NOT NULL;
