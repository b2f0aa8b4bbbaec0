//! [`TenantTx`](crate::engine::store::TenantTx) on PostgreSQL.

use super::*;

impl TenantTx for PgTx<'_> {
    fn insert_tenant(&self, t: &Tenant) -> Result<()> {
        self.exec(
            "INSERT INTO tenants (id, name, name_lower, policy, scim_enabled, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&t.id, &t.name, &t.name.to_lowercase(), &t.policy.as_str(), &t.scim_enabled, &ms(t.created_at)],
        )?;
        Ok(())
    }

    fn tenant_by_id(&self, id: &str) -> Result<Option<Tenant>> {
        if !storable(id) {
            return Ok(None);
        }
        self.one(
            concat!("SELECT ", tenant_cols!(), " FROM tenants WHERE id = $1"),
            &[&id],
            tenant_row,
        )
    }

    fn tenant_by_name(&self, name_lower: &str) -> Result<Option<Tenant>> {
        if !storable(name_lower) {
            return Ok(None);
        }
        self.one(
            concat!(
                "SELECT ",
                tenant_cols!(),
                " FROM tenants WHERE name_lower = $1"
            ),
            &[&name_lower],
            tenant_row,
        )
    }

    fn tenants(&self) -> Result<Vec<Tenant>> {
        self.all(
            concat!(
                "SELECT ",
                tenant_cols!(),
                " FROM tenants ORDER BY created_at, name_lower"
            ),
            &[],
            tenant_row,
        )
    }

    fn update_tenant(&self, t: &Tenant) -> Result<()> {
        self.exec(
            "UPDATE tenants SET name = $2, name_lower = $3, policy = $4, scim_enabled = $5 WHERE id = $1",
            &[&t.id, &t.name, &t.name.to_lowercase(), &t.policy.as_str(), &t.scim_enabled],
        )?;
        Ok(())
    }

    fn delete_tenant(&self, id: &str) -> Result<bool> {
        let accounts: Vec<String> = self.all(
            "SELECT account_id FROM memberships WHERE tenant_id = $1",
            &[&id],
            |r| col(r, 0),
        )?;
        let n = self.exec("DELETE FROM tenants WHERE id = $1", &[&id])?;
        // Accounts of a standard tenant's namespace, and global accounts no
        // other tenant links any more, go with it.
        self.exec("DELETE FROM accounts WHERE namespace = $1", &[&id])?;
        self.exec(
            "DELETE FROM accounts a WHERE a.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.id)",
            &[&accounts],
        )?;
        Ok(n > 0)
    }

    fn insert_property(&self, p: &Property) -> Result<()> {
        self.exec(
            "INSERT INTO properties (id, tenant_id, name, name_lower, created_at) VALUES ($1, $2, $3, $4, $5)",
            &[&p.id, &p.tenant_id, &p.name, &p.name.to_lowercase(), &ms(p.created_at)],
        )?;
        Ok(())
    }

    fn property_by_name(&self, tenant_id: &str, name_lower: &str) -> Result<Option<Property>> {
        if !storable(name_lower) {
            return Ok(None);
        }
        self.one(
            concat!(
                "SELECT ",
                property_cols!(),
                " FROM properties WHERE tenant_id = $1 AND name_lower = $2"
            ),
            &[&tenant_id, &name_lower],
            property_row,
        )
    }

    fn properties(&self, tenant_id: &str) -> Result<Vec<Property>> {
        self.all(
            concat!(
                "SELECT ",
                property_cols!(),
                " FROM properties WHERE tenant_id = $1 ORDER BY name_lower"
            ),
            &[&tenant_id],
            property_row,
        )
    }
}
