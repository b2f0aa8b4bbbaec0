-- The provisioning log's own database file (`<store>-log`), schema version 1.
-- A file of its own: its constant appends neither wait for the store's
-- write lock nor invalidate the page caches of the store's readers.

PRAGMA application_id = 1396918604; -- 0x5343494C, "SCIL"

-- One record per SCIM request. No foreign keys: it outlives tenants and
-- users, and records requests for tenants that do not exist.
CREATE TABLE provisioning_log (
    seq                 INTEGER PRIMARY KEY,
    request_id          TEXT NOT NULL UNIQUE,
    at                  INTEGER NOT NULL,
    tenant_id           TEXT,
    method              TEXT NOT NULL,
    path                TEXT NOT NULL,
    query               TEXT,
    status              INTEGER NOT NULL,
    scim_type           TEXT,
    reason              TEXT,
    detail              TEXT,
    user_id             TEXT,
    user_email          TEXT,
    user_email_lower    TEXT,
    group_id            TEXT,
    token_fingerprint   TEXT,
    token_note          TEXT,
    client_addr         TEXT,
    user_agent          TEXT,
    latency_us          INTEGER NOT NULL,
    ignored_attributes  TEXT,
    transfers           TEXT,
    invitations         TEXT,
    request_body        TEXT
) STRICT;
CREATE INDEX provisioning_log_tenant ON provisioning_log(tenant_id, seq);
CREATE INDEX provisioning_log_user ON provisioning_log(tenant_id, user_email_lower, seq);
-- No index on `at`: every insert would pay for it, and time order is
-- sequence order, so time-bounded reads walk the tenant's sequence index.
