//! [`AuditTx`](crate::engine::store::AuditTx) on SQLite.

use super::*;

impl AuditTx for SqliteTx<'_> {
    fn insert_audit(&self, e: &AuditEvent) -> Result<()> {
        self.exec(
            "INSERT INTO audit_events (at, tenant_id, actor, action, subject, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![ms(e.at), e.tenant_id, e.actor, e.action, e.subject, e.detail],
        )?;
        Ok(())
    }

    fn audit_events(&self, tenant_id: &str, limit: u32) -> Result<Vec<AuditEvent>> {
        let mut v = self.all(
            "SELECT at, tenant_id, actor, action, subject, detail FROM audit_events WHERE tenant_id = ?1 ORDER BY seq DESC LIMIT ?2",
            params![tenant_id, limit],
            |r| {
                Ok(AuditEvent {
                    at: at(r.get(0)?)?,
                    tenant_id: r.get(1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    subject: r.get(4)?,
                    detail: r.get(5)?,
                })
            },
        )?;
        v.reverse();
        Ok(v)
    }
}
