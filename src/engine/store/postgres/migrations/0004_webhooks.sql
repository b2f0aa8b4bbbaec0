-- Signed webhooks (issue 15, part 4), as SQLite's store migration 8 (see
-- there for what each column means). The secret is kept as given out: the
-- server signs with it.
CREATE TABLE webhook_endpoints (
    id                    text COLLATE "C" PRIMARY KEY,
    tenant_id             text COLLATE "C" NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url                   text NOT NULL,
    secret                text NOT NULL,
    types                 text NOT NULL,
    enabled               boolean NOT NULL,
    disabled_reason       text,
    cursor                bigint NOT NULL,
    consecutive_failures  integer NOT NULL,
    lease_owner           text,
    lease_until           timestamptz,
    created_at            timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_tenant ON webhook_endpoints(tenant_id);

CREATE TABLE webhook_deliveries (
    id                text COLLATE "C" PRIMARY KEY,
    endpoint_id       text COLLATE "C" NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    tenant_id         text COLLATE "C" NOT NULL,
    kind              text NOT NULL,
    message_id        text NOT NULL,
    event_seq         bigint,
    event_type        text NOT NULL,
    body              text NOT NULL,
    status            text NOT NULL,
    attempts          integer NOT NULL,
    next_attempt_at   timestamptz NOT NULL,
    first_attempt_at  timestamptz,
    last_attempt_at   timestamptz,
    last_status       integer,
    last_error        text,
    response_excerpt  text,
    created_at        timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, status, next_attempt_at);
CREATE INDEX webhook_deliveries_tenant ON webhook_deliveries(tenant_id, created_at);
