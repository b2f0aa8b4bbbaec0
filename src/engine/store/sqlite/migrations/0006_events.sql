-- Schema version 6: provisioning events (issue 15). One row per change to
-- a tenant's directory, written in the transaction of the change.
-- `seq` is the rowid: SQLite gives max(seq) + 1, and retention never
-- removes the newest event (see `prune_events`), so a number is never
-- given twice and a consumer's cursor never meets a reused one. (Not
-- AUTOINCREMENT, and no index on `id`, a UUID v7 unique by construction:
-- each would be one more page written by every change.)
-- No foreign key: an event outlives what it tells of (a deleted tenant's
-- last events are still delivered), until retention removes it.
-- IF NOT EXISTS: a store rolled back to an older version number has it.
CREATE TABLE IF NOT EXISTS events (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    tenant_id   TEXT NOT NULL,
    at          INTEGER NOT NULL,
    type        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    request_id  TEXT,
    data        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_tenant ON events(tenant_id, seq);
