-- scimctl store, schema version 1: the whole product's domain.
-- Times are INTEGER milliseconds since the Unix epoch (UTC).

PRAGMA application_id = 1396918605; -- 0x5343494D, "SCIM"

CREATE TABLE tenants (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    name_lower    TEXT NOT NULL UNIQUE,
    policy        TEXT NOT NULL DEFAULT 'product' CHECK (policy IN ('product', 'standard')),
    scim_enabled  INTEGER NOT NULL DEFAULT 0 CHECK (scim_enabled IN (0, 1)),
    created_at    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE properties (
    id          TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    name_lower  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (tenant_id, name_lower)
) STRICT, WITHOUT ROWID;

-- Accounts: '' namespace = global (product policy, unique by email);
-- a standard tenant's accounts live in the namespace of its id.
CREATE TABLE accounts (
    id               TEXT PRIMARY KEY,
    namespace        TEXT NOT NULL,
    user_name        TEXT NOT NULL,
    user_name_lower  TEXT NOT NULL,
    given_name       TEXT,
    family_name      TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (namespace, user_name_lower)
) STRICT, WITHOUT ROWID;

CREATE TABLE memberships (
    id           TEXT PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('property', 'central')),
    managed_by   TEXT NOT NULL CHECK (managed_by IN ('idp', 'tenant', 'self')),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    external_id  TEXT,
    doc          TEXT,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (tenant_id, account_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX memberships_account ON memberships(account_id);
-- Full (not partial) indexes where a lookup binds a parameter: SQLite
-- re-prepares a statement on every call when a bound value decides whether
-- a partial index applies.
CREATE INDEX memberships_external_id ON memberships(tenant_id, external_id);
CREATE INDEX memberships_page ON memberships(tenant_id, created_at, id);

-- Lower-cased email values of a standard-policy user, so that
-- `emails[type eq "work"].value eq "x"` is an index lookup.
CREATE TABLE member_emails (
    membership_id  TEXT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
    tenant_id      TEXT NOT NULL,
    value_lower    TEXT NOT NULL,
    PRIMARY KEY (membership_id, value_lower)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_emails_lookup ON member_emails(tenant_id, value_lower);

CREATE TABLE groups (
    id                  TEXT PRIMARY KEY,
    tenant_id           TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    display_name        TEXT NOT NULL,
    display_name_lower  TEXT NOT NULL,
    external_id         TEXT,
    doc                 TEXT,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    UNIQUE (tenant_id, display_name_lower)
) STRICT, WITHOUT ROWID;
CREATE INDEX groups_external_id ON groups(tenant_id, external_id);
CREATE INDEX groups_page ON groups(tenant_id, created_at, id);

-- Typed values a group hands its members: property (value = property id),
-- role, permission, cashier, learning_path, guest_message.
CREATE TABLE group_assignments (
    group_id  TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (group_id, kind, value)
) STRICT, WITHOUT ROWID;

CREATE TABLE group_members (
    group_id       TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    membership_id  TEXT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
    added_at       INTEGER NOT NULL,
    PRIMARY KEY (group_id, membership_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_members_member ON group_members(membership_id);

CREATE TABLE tokens (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    hash            BLOB NOT NULL UNIQUE,
    fingerprint     TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('active', 'previous', 'superseded', 'revoked')),
    created_at      INTEGER NOT NULL,
    last_used_at    INTEGER,
    last_used_from  TEXT,
    ended_at        INTEGER,
    grace_until     INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX tokens_tenant_state ON tokens(tenant_id, state);
-- At most one active token per tenant, enforced by the store itself. (A
-- trigger, not a partial unique index: SQLite re-prepares every statement
-- on `tokens` that binds a parameter when a partial index exists, which
-- costs the authentication of every request.)
CREATE TRIGGER tokens_one_active_insert BEFORE INSERT ON tokens
WHEN NEW.state = 'active'
 AND EXISTS (SELECT 1 FROM tokens WHERE tenant_id = NEW.tenant_id AND state = 'active')
BEGIN
    SELECT RAISE(ABORT, 'a tenant has at most one active token');
END;
CREATE TRIGGER tokens_one_active_update BEFORE UPDATE OF state ON tokens
WHEN NEW.state = 'active' AND OLD.state <> 'active'
 AND EXISTS (SELECT 1 FROM tokens WHERE tenant_id = NEW.tenant_id AND state = 'active')
BEGIN
    SELECT RAISE(ABORT, 'a tenant has at most one active token');
END;

-- Sign-up invitations: at most one per membership, ever.
CREATE TABLE invitations (
    id             TEXT PRIMARY KEY,
    tenant_id      TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    membership_id  TEXT NOT NULL UNIQUE,
    email          TEXT NOT NULL,
    enqueued_at    INTEGER NOT NULL,
    sent_at        INTEGER
) STRICT;
CREATE INDEX invitations_pending ON invitations(tenant_id, sent_at);

-- Administrator actions, ownership transfers and unlinks. Outlives what it
-- describes, so no foreign keys.
CREATE TABLE audit_events (
    seq        INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    tenant_id  TEXT,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT,
    detail     TEXT
) STRICT;
CREATE INDEX audit_events_tenant ON audit_events(tenant_id, seq);
