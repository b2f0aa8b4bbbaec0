//! [`AuditTx`](crate::engine::store::AuditTx) on PostgreSQL.

use super::*;

impl AuditTx for PgTx<'_> {
    fn insert_audit(&self, e: &AuditEvent) -> Result<()> {
        self.exec(
            "INSERT INTO audit_events (at, tenant_id, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&ms(e.at), &e.tenant_id, &e.actor, &e.action, &e.subject, &e.detail],
        )?;
        Ok(())
    }

    fn audit_events(&self, tenant_id: &str, limit: u32) -> Result<Vec<AuditEvent>> {
        let mut v = self.all(
            "SELECT at, tenant_id, actor, action, subject, detail FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT $2",
            &[&tenant_id, &i64::from(limit)],
            |r| {
                Ok(AuditEvent {
                    at: col(r, 0)?,
                    tenant_id: col(r, 1)?,
                    actor: col(r, 2)?,
                    action: col(r, 3)?,
                    subject: col(r, 4)?,
                    detail: col(r, 5)?,
                })
            },
        )?;
        v.reverse();
        Ok(v)
    }
}
