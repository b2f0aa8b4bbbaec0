-- Schema version 2: the support tools (`users list`, `scim status`,
-- `diagnose tenant`, the dashboard) count and filter a tenant's members by
-- owner, kind and state. This index answers those counts from the index
-- alone; without it every count reads every membership row.
CREATE INDEX memberships_owner ON memberships(tenant_id, managed_by, kind, active);
