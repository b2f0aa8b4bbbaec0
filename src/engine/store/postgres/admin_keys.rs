//! [`AdminKeyTx`](crate::engine::store::AdminKeyTx) on PostgreSQL.

use super::*;

impl AdminKeyTx for PgTx<'_> {
    fn insert_admin_key(&self, k: &AdminKeyRecord) -> Result<()> {
        self.exec(
            "INSERT INTO admin_keys (id, name, tenant_id, hash, fingerprint, created_at, last_used_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[&k.id, &k.name, &k.tenant_id, &&k.hash[..], &k.fingerprint, &ms(k.created_at), &k.last_used_at.map(ms), &k.revoked_at.map(ms)],
        )?;
        Ok(())
    }

    fn admin_key_by_name(&self, name_lower: &str) -> Result<Option<AdminKeyRecord>> {
        self.one(
            concat!(
                "SELECT ",
                admin_key_cols!(),
                " FROM admin_keys WHERE name = $1"
            ),
            &[&name_lower],
            admin_key_row,
        )
    }

    fn admin_key_by_hash(&self, hash: &[u8; 32]) -> Result<Option<AdminKeyRecord>> {
        self.one(
            concat!(
                "SELECT ",
                admin_key_cols!(),
                " FROM admin_keys WHERE hash = $1"
            ),
            &[&&hash[..]],
            admin_key_row,
        )
    }

    fn admin_keys(&self) -> Result<Vec<AdminKeyRecord>> {
        self.all(
            concat!(
                "SELECT ",
                admin_key_cols!(),
                " FROM admin_keys ORDER BY created_at, name"
            ),
            &[],
            admin_key_row,
        )
    }

    fn update_admin_key(&self, k: &AdminKeyRecord) -> Result<()> {
        self.exec(
            "UPDATE admin_keys SET last_used_at = $2, revoked_at = $3 WHERE id = $1",
            &[&k.id, &k.last_used_at.map(ms), &k.revoked_at.map(ms)],
        )?;
        Ok(())
    }
}
