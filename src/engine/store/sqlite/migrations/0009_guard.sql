-- Schema version 9: the deprovisioning guard (issue 18). A tenant's row
-- exists once its guard was set or held (absent: the default, armed).
-- `threshold` is "count:N" or "percent:P:FLOOR".
CREATE TABLE IF NOT EXISTS deprovision_guards (
    tenant_id       TEXT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    enabled         INTEGER NOT NULL,
    threshold       TEXT NOT NULL,
    window_secs     INTEGER NOT NULL,
    held_since      INTEGER,
    held_requests   INTEGER NOT NULL DEFAULT 0,
    decision        TEXT,
    decided_by      TEXT,
    decided_at      INTEGER,
    approved_until  INTEGER
);
-- One row per deprovisioning by an identity provider (a deactivation of
-- an active member, or its deletion), counted by the guard's window.
CREATE TABLE IF NOT EXISTS deprovisions (
    tenant_id  TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    at         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deprovisions_tenant ON deprovisions(tenant_id, at);
