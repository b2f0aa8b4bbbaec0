-- Signed webhooks (issue 15, part 4). An endpoint belongs to a tenant and
-- goes with it (a tenant re-created with the same id never inherits an old
-- endpoint). The secret is kept as given out (whsec_…): the server signs
-- with it, so unlike a token it cannot be a hash; the store file is 0600.
-- cursor: the seq of the last event the endpoint is done with (delivered,
-- or failed after its retry period). lease_owner/lease_until: which
-- delivery worker (`serve` instance or `webhook deliver`) may deliver to
-- it, until when; claimed in a write transaction.
CREATE TABLE webhook_endpoints (
    id                    TEXT PRIMARY KEY,
    tenant_id             TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url                   TEXT NOT NULL,
    secret                TEXT NOT NULL,
    types                 TEXT NOT NULL,
    enabled               INTEGER NOT NULL,
    disabled_reason       TEXT,
    cursor                INTEGER NOT NULL,
    consecutive_failures  INTEGER NOT NULL,
    lease_owner           TEXT,
    lease_until           INTEGER,
    created_at            INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX webhook_endpoints_tenant ON webhook_endpoints(tenant_id);

-- One row per message sent (or to send) to an endpoint: an event, a
-- test ping or a redelivery, with its body as first built (a retry sends
-- the same bytes) and the outcome of its last attempt.
CREATE TABLE webhook_deliveries (
    id                TEXT PRIMARY KEY,
    endpoint_id       TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    tenant_id         TEXT NOT NULL,
    kind              TEXT NOT NULL,
    message_id        TEXT NOT NULL,
    event_seq         INTEGER,
    event_type        TEXT NOT NULL,
    body              TEXT NOT NULL,
    status            TEXT NOT NULL,
    attempts          INTEGER NOT NULL,
    next_attempt_at   INTEGER NOT NULL,
    first_attempt_at  INTEGER,
    last_attempt_at   INTEGER,
    last_status       INTEGER,
    last_error        TEXT,
    response_excerpt  TEXT,
    created_at        INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, status, next_attempt_at);
CREATE INDEX webhook_deliveries_tenant ON webhook_deliveries(tenant_id, created_at);
