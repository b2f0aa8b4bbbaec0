-- Sign-up email delivery (issue 15; 0006 is reserved for the events table).
-- The outbox row is claimed with a lease (`lease_until`, `attempts`) in a
-- write transaction, sent, then marked sent; a transient failure sets
-- `next_attempt_at` and `last_error`, a permanent one `failed_at` with the
-- server's answer. The sign-up link's token is stored only as its SHA-256
-- (`token_hash`), with `token_expires_at` and `redeemed_at`. The Rust step
-- below adds the columns (unless a store that was rolled back to an older
-- version number has them already):
--   ALTER TABLE invitations ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
--   ALTER TABLE invitations ADD COLUMN next_attempt_at INTEGER;  -- and
--   lease_until, failed_at, token_expires_at, redeemed_at INTEGER,
--   last_error TEXT, token_hash BLOB
-- @invitation-delivery
CREATE UNIQUE INDEX IF NOT EXISTS invitations_token ON invitations(token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX IF NOT EXISTS invitations_due ON invitations(enqueued_at) WHERE sent_at IS NULL AND failed_at IS NULL;
