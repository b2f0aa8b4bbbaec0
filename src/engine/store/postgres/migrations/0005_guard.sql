-- Schema version 5: the deprovisioning guard (issue 18), as SQLite's store
-- migration 9.
CREATE TABLE deprovision_guards (
    tenant_id       text COLLATE "C" PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    enabled         boolean NOT NULL,
    threshold       text NOT NULL,
    window_secs     bigint NOT NULL,
    held_since      timestamptz,
    held_requests   bigint NOT NULL DEFAULT 0,
    decision        text,
    decided_by      text,
    decided_at      timestamptz,
    approved_until  timestamptz
);
CREATE TABLE deprovisions (
    tenant_id  text COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    at         timestamptz NOT NULL
);
CREATE INDEX deprovisions_tenant ON deprovisions(tenant_id, at);
