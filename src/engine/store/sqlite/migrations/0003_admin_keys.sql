-- Admin keys for the admin API (/admin/v1). Like SCIM tokens, only the
-- SHA-256 of a key is kept. A NULL tenant_id is an operator key (every
-- tenant); a scoped key goes with its tenant, so it can never outlive it
-- and reach a later tenant that reuses the id.
CREATE TABLE admin_keys (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    tenant_id     TEXT REFERENCES tenants(id) ON DELETE CASCADE,
    hash          BLOB NOT NULL UNIQUE,
    fingerprint   TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER,
    revoked_at    INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX admin_keys_tenant ON admin_keys(tenant_id);
