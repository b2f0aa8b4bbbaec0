-- scimctl store on PostgreSQL, schema version 1: the whole of SQLite's
-- store (migrations 1 to 5) and its log file (log migrations 1 to 4) in one.
-- Times are timestamptz, written truncated to milliseconds (as SQLite keeps
-- them). Text is COLLATE "C" wherever it is compared or ordered, so that
-- ordering and keyset pages are byte order, as on SQLite, whatever the
-- database's locale.

CREATE TABLE tenants (
    id            text COLLATE "C" PRIMARY KEY,
    name          text NOT NULL,
    name_lower    text COLLATE "C" NOT NULL UNIQUE,
    policy        text NOT NULL DEFAULT 'product' CHECK (policy IN ('product', 'standard')),
    scim_enabled  boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);

CREATE TABLE properties (
    id          text COLLATE "C" PRIMARY KEY,
    tenant_id   text COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name        text NOT NULL,
    name_lower  text COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (tenant_id, name_lower)
);

-- Accounts: '' namespace = global (product policy, unique by email);
-- a standard tenant's accounts live in the namespace of its id.
-- name_lower: "given family" folded by the engine, for member search.
CREATE TABLE accounts (
    id               text COLLATE "C" PRIMARY KEY,
    namespace        text COLLATE "C" NOT NULL,
    user_name        text NOT NULL,
    user_name_lower  text COLLATE "C" NOT NULL,
    given_name       text,
    family_name      text,
    name_lower       text COLLATE "C",
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (namespace, user_name_lower)
);

CREATE TABLE memberships (
    id           text COLLATE "C" PRIMARY KEY,
    tenant_id    text COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    account_id   text COLLATE "C" NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('property', 'central')),
    managed_by   text NOT NULL CHECK (managed_by IN ('idp', 'tenant', 'self')),
    active       boolean NOT NULL DEFAULT true,
    external_id  text COLLATE "C",
    doc          text,
    version      bigint NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (tenant_id, account_id)
);
CREATE INDEX memberships_account ON memberships(account_id);
CREATE INDEX memberships_external_id ON memberships(tenant_id, external_id);
CREATE INDEX memberships_page ON memberships(tenant_id, created_at, id);
CREATE INDEX memberships_owner ON memberships(tenant_id, managed_by, kind, active);

-- Lower-cased email values of a standard-policy user, so that
-- `emails[type eq "work"].value eq "x"` is an index lookup.
CREATE TABLE member_emails (
    membership_id  text COLLATE "C" NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
    tenant_id      text COLLATE "C" NOT NULL,
    value_lower    text COLLATE "C" NOT NULL,
    PRIMARY KEY (membership_id, value_lower)
);
CREATE INDEX member_emails_lookup ON member_emails(tenant_id, value_lower);

CREATE TABLE groups (
    id                  text COLLATE "C" PRIMARY KEY,
    tenant_id           text COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    display_name        text NOT NULL,
    display_name_lower  text COLLATE "C" NOT NULL,
    external_id         text COLLATE "C",
    doc                 text,
    version             bigint NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    UNIQUE (tenant_id, display_name_lower)
);
CREATE INDEX groups_external_id ON groups(tenant_id, external_id);
CREATE INDEX groups_page ON groups(tenant_id, created_at, id);

-- Typed values a group hands its members: property (value = property id),
-- role, permission, cashier, learning_path, guest_message.
CREATE TABLE group_assignments (
    group_id  text COLLATE "C" NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    kind      text COLLATE "C" NOT NULL,
    value     text COLLATE "C" NOT NULL,
    PRIMARY KEY (group_id, kind, value)
);

-- display: as the member's client sent it, NULL when it sent none.
CREATE TABLE group_members (
    group_id       text COLLATE "C" NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    membership_id  text COLLATE "C" NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
    added_at       timestamptz NOT NULL,
    display        text,
    PRIMARY KEY (group_id, membership_id)
);
CREATE INDEX group_members_member ON group_members(membership_id);

CREATE TABLE tokens (
    id              text COLLATE "C" PRIMARY KEY,
    tenant_id       text COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    hash            bytea NOT NULL UNIQUE,
    fingerprint     text NOT NULL,
    state           text NOT NULL CHECK (state IN ('active', 'previous', 'superseded', 'revoked')),
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz,
    last_used_from  text,
    ended_at        timestamptz,
    grace_until     timestamptz
);
CREATE INDEX tokens_tenant_state ON tokens(tenant_id, state);
-- At most one active token per tenant, enforced by the store itself.
CREATE UNIQUE INDEX tokens_one_active ON tokens(tenant_id) WHERE state = 'active';

-- Sign-up invitations: at most one per membership, ever.
CREATE TABLE invitations (
    id             text COLLATE "C" PRIMARY KEY,
    tenant_id      text COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    membership_id  text COLLATE "C" NOT NULL UNIQUE,
    email          text NOT NULL,
    enqueued_at    timestamptz NOT NULL,
    sent_at        timestamptz
);
CREATE INDEX invitations_pending ON invitations(tenant_id, sent_at);

-- Administrator actions, ownership transfers and unlinks. Outlives what it
-- describes, so no foreign keys.
CREATE TABLE audit_events (
    seq        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    tenant_id  text COLLATE "C",
    actor      text NOT NULL,
    action     text NOT NULL,
    subject    text,
    detail     text
);
CREATE INDEX audit_events_tenant ON audit_events(tenant_id, seq);

-- Admin keys for the admin API (/admin/v1), stored as SHA-256. A NULL
-- tenant_id is an operator key; a scoped key goes with its tenant.
CREATE TABLE admin_keys (
    id            text COLLATE "C" PRIMARY KEY,
    name          text COLLATE "C" NOT NULL UNIQUE,
    tenant_id     text COLLATE "C" REFERENCES tenants(id) ON DELETE CASCADE,
    hash          bytea NOT NULL UNIQUE,
    fingerprint   text NOT NULL,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX admin_keys_tenant ON admin_keys(tenant_id);

-- The provisioning log. Tenants are numbered in log_tenants; a number is
-- never given again (an identity never goes back), so the records of a
-- deleted tenant not yet purged never reappear under one re-created with
-- the same id.
CREATE TABLE log_tenants (
    n          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    tenant_id  text COLLATE "C" NOT NULL UNIQUE
);

-- One record per SCIM request. No foreign keys: it outlives tenants and
-- users, and records requests for tenants that do not exist.
-- user_email_lower is set whenever user_email is (PostgreSQL indexes the
-- text itself where SQLite keeps integer keys).
CREATE TABLE provisioning_log (
    seq                 bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    request_id          text COLLATE "C" NOT NULL,
    at                  timestamptz NOT NULL,
    tenant_n            bigint,
    method              text NOT NULL,
    path                text NOT NULL,
    query               text,
    status              integer NOT NULL,
    scim_type           text,
    reason              text,
    detail              text,
    user_id             text,
    user_email          text,
    user_email_lower    text COLLATE "C",
    group_id            text,
    token_fingerprint   text,
    token_note          text,
    client_addr         text,
    user_agent          text,
    latency_us          bigint NOT NULL,
    ignored_attributes  text,
    transfers           text,
    invitations         text,
    request_body        text
);
CREATE INDEX provisioning_log_tenant ON provisioning_log(tenant_n, seq);
CREATE INDEX provisioning_log_user ON provisioning_log(tenant_n, user_email_lower, seq)
    WHERE user_email_lower IS NOT NULL;
CREATE INDEX provisioning_log_request ON provisioning_log(request_id);
-- No index on `at`: time order is sequence order.

-- Numbers of deleted tenants whose records are removed in chunks.
CREATE TABLE log_forgotten (
    n  bigint PRIMARY KEY
);

-- Per tenant id ('' = requests that named no tenant the store has):
-- records dropped, and requests for tenants that do not exist.
CREATE TABLE log_counters (
    tenant_id               text COLLATE "C" PRIMARY KEY,
    dropped                 bigint NOT NULL DEFAULT 0,
    dropped_last_at         timestamptz,
    unknown_tenant          bigint NOT NULL DEFAULT 0,
    unknown_tenant_last_at  timestamptz
);
