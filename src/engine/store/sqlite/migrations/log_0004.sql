-- Schema version 4: counters of what the log could not record, tenant keys
-- that are never reused, and the keys of deleted tenants whose records are
-- still to be removed.

-- AUTOINCREMENT: a deleted tenant's number is never given to another (a
-- tenant re-created with the same id gets a new one), so records not yet
-- removed can never reappear under it. The table is small: rebuilt.
CREATE TABLE log_tenants_4 (
    n           INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id   TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO log_tenants_4 (n, tenant_id) SELECT n, tenant_id FROM log_tenants ORDER BY n;
DROP TABLE log_tenants;
ALTER TABLE log_tenants_4 RENAME TO log_tenants;

-- Numbers of deleted tenants whose records are removed in chunks (so the
-- log's write lock is never held long); a row goes with its last record.
CREATE TABLE log_forgotten (
    n           INTEGER PRIMARY KEY
) STRICT;

-- Per tenant id ('' = requests that named no tenant the store has):
-- records dropped because the writer could not keep up or could not write
-- them, and requests for tenants that do not exist, counted instead of
-- logged one row each. Times in ms since the epoch, as `at`.
CREATE TABLE log_counters (
    tenant_id               TEXT PRIMARY KEY,
    dropped                 INTEGER NOT NULL DEFAULT 0,
    dropped_last_at         INTEGER,
    unknown_tenant          INTEGER NOT NULL DEFAULT 0,
    unknown_tenant_last_at  INTEGER
) STRICT, WITHOUT ROWID;
