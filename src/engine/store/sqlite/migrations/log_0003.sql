-- Schema version 3: integer index keys, so that an insert's index seeks
-- compare integers instead of text, and no UNIQUE probe per insert.
--   tenant_n     the tenant's number in log_tenants (the id text once there)
--   user_key     a 64-bit key of the lower-cased email (FNV-1a, see
--                `user_key` in mod.rs; stored, so it never changes)
--   request_key  the request id's time-ordered first 64 bits (`request_key`)
-- Reads match the key and then the full text, so a key collision costs a
-- row read, never a wrong answer. user_email_lower is kept only when it
-- differs from user_email (the common case stores one NULL).
-- SQLite cannot drop the UNIQUE constraint in place: the table is rebuilt.
CREATE TABLE log_tenants (
    n           INTEGER PRIMARY KEY,
    tenant_id   TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO log_tenants (tenant_id)
    SELECT DISTINCT tenant_id FROM provisioning_log WHERE tenant_id IS NOT NULL;

CREATE TABLE provisioning_log_3 (
    seq                 INTEGER PRIMARY KEY,
    request_id          TEXT NOT NULL,
    request_key         INTEGER NOT NULL,
    at                  INTEGER NOT NULL,
    tenant_n            INTEGER,
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
    user_key            INTEGER,
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
INSERT INTO provisioning_log_3 (seq, request_id, request_key, at, tenant_n, method, path, query, status, scim_type, reason, detail, user_id, user_email, user_email_lower, user_key, group_id, token_fingerprint, token_note, client_addr, user_agent, latency_us, ignored_attributes, transfers, invitations, request_body)
    SELECT p.seq, p.request_id, 0, p.at, t.n, p.method, p.path, p.query, p.status, p.scim_type, p.reason, p.detail, p.user_id, p.user_email, nullif(p.user_email_lower, p.user_email), NULL, p.group_id, p.token_fingerprint, p.token_note, p.client_addr, p.user_agent, p.latency_us, p.ignored_attributes, p.transfers, p.invitations, p.request_body
    FROM provisioning_log p LEFT JOIN log_tenants t ON t.tenant_id = p.tenant_id
    ORDER BY p.seq;
DROP TABLE provisioning_log;
ALTER TABLE provisioning_log_3 RENAME TO provisioning_log;

-- request_key and user_key are computed in Rust at this marker, in the
-- same transaction (SQL has no hash), before the indexes are built:
-- @fill-keys

CREATE INDEX provisioning_log_tenant ON provisioning_log(tenant_n, seq);
CREATE INDEX provisioning_log_user ON provisioning_log(tenant_n, user_key, seq)
    WHERE user_key IS NOT NULL;
CREATE INDEX provisioning_log_request ON provisioning_log(request_key);
