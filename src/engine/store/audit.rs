//! The audit trail of administrative changes.

use crate::engine::error::Result;
use crate::engine::model::*;

pub trait AuditTx {
    fn insert_audit(&self, e: &AuditEvent) -> Result<()>;
    fn audit_events(&self, tenant_id: &str, limit: u32) -> Result<Vec<AuditEvent>>;
}
