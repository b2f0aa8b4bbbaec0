-- Sign-up email delivery (issue 15). The outbox row is claimed with a lease
-- in a write transaction, sent, then marked sent; a transient failure sets
-- the next attempt, a permanent one `failed_at` with the server's answer.
-- The sign-up link's token is stored only as its SHA-256.
-- (0002 is reserved for the events table.)
ALTER TABLE invitations
    ADD COLUMN attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN lease_until timestamptz,
    ADD COLUMN last_error text,
    ADD COLUMN failed_at timestamptz,
    ADD COLUMN token_hash bytea,
    ADD COLUMN token_expires_at timestamptz,
    ADD COLUMN redeemed_at timestamptz;
CREATE UNIQUE INDEX invitations_token ON invitations(token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX invitations_due ON invitations(enqueued_at) WHERE sent_at IS NULL AND failed_at IS NULL;
