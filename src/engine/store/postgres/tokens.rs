//! [`TokenTx`](crate::engine::store::TokenTx) on PostgreSQL.

use super::*;

impl TokenTx for PgTx<'_> {
    fn insert_token(&self, t: &TokenRecord) -> Result<()> {
        self.exec(
            "INSERT INTO tokens (id, tenant_id, hash, fingerprint, state, created_at, last_used_at, last_used_from, ended_at, grace_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[&t.id, &t.tenant_id, &&t.hash[..], &t.fingerprint, &t.state.as_str(), &ms(t.created_at), &t.last_used_at.map(ms), &t.last_used_from, &t.ended_at.map(ms), &t.grace_until.map(ms)],
        )?;
        Ok(())
    }

    fn update_token(&self, t: &TokenRecord) -> Result<()> {
        self.exec(
            "UPDATE tokens SET state = $2, last_used_at = $3, last_used_from = $4, ended_at = $5, grace_until = $6 WHERE id = $1",
            &[&t.id, &t.state.as_str(), &t.last_used_at.map(ms), &t.last_used_from, &t.ended_at.map(ms), &t.grace_until.map(ms)],
        )?;
        Ok(())
    }

    fn live_tokens(&self, tenant_id: &str) -> Result<Vec<TokenRecord>> {
        self.all(
            concat!(
                "SELECT ",
                token_cols!(),
                " FROM tokens WHERE tenant_id = $1 AND state IN ('active', 'previous') ORDER BY created_at DESC, state = 'previous'"
            ),
            &[&tenant_id],
            token_row,
        )
    }

    fn token_by_hash(&self, hash: &[u8; 32]) -> Result<Option<TokenRecord>> {
        self.one(
            concat!("SELECT ", token_cols!(), " FROM tokens WHERE hash = $1"),
            &[&&hash[..]],
            token_row,
        )
    }

    fn touch_token(&self, id: &str, at: OffsetDateTime, from: Option<&str>) -> Result<()> {
        // Never move last use backwards: instances flush their batches of
        // last uses in any order.
        self.exec(
            "UPDATE tokens SET last_used_at = $2, last_used_from = $3 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $2)",
            &[&id, &ms(at), &from],
        )?;
        Ok(())
    }
}
