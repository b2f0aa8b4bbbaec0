//! [`GuardTx`](crate::engine::store::GuardTx) on PostgreSQL.

use super::*;
use crate::engine::guard::Guard;
use crate::engine::store::sqlite::guard::{
    decision_of, decision_text, threshold_of, threshold_text,
};

impl GuardTx for PgTx<'_> {
    fn guard(&self, tenant_id: &str) -> Result<Option<Guard>> {
        self.one(
            "SELECT enabled, threshold, window_secs, held_since, held_requests, decision, decided_by, decided_at, approved_until FROM deprovision_guards WHERE tenant_id = $1",
            &[&tenant_id],
            |r| {
                let th: String = col(r, 1)?;
                let decision: Option<String> = col(r, 5)?;
                let held: i64 = col(r, 4)?;
                Ok(Guard {
                    tenant_id: tenant_id.to_owned(),
                    enabled: col(r, 0)?,
                    threshold: threshold_of(&th)?,
                    window_secs: col(r, 2)?,
                    held_since: col(r, 3)?,
                    held_requests: held as u64,
                    decision: decision.as_deref().map(decision_of).transpose()?,
                    decided_by: col(r, 6)?,
                    decided_at: col(r, 7)?,
                    approved_until: col(r, 8)?,
                })
            },
        )
    }

    fn set_guard(&self, g: &Guard) -> Result<()> {
        self.exec(
            "INSERT INTO deprovision_guards (tenant_id, enabled, threshold, window_secs, held_since, held_requests, decision, decided_by, decided_at, approved_until) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (tenant_id) DO UPDATE SET enabled = excluded.enabled, threshold = excluded.threshold, window_secs = excluded.window_secs, held_since = excluded.held_since, held_requests = excluded.held_requests, decision = excluded.decision, decided_by = excluded.decided_by, decided_at = excluded.decided_at, approved_until = excluded.approved_until",
            &[
                &g.tenant_id,
                &g.enabled,
                &threshold_text(g.threshold),
                &g.window_secs,
                &g.held_since.map(ms),
                &(g.held_requests as i64),
                &g.decision.map(decision_text),
                &g.decided_by,
                &g.decided_at.map(ms),
                &g.approved_until.map(ms),
            ],
        )?;
        Ok(())
    }

    fn count_deprovision(&self, tenant_id: &str, at: OffsetDateTime) -> Result<()> {
        self.exec(
            "INSERT INTO deprovisions (tenant_id, at) VALUES ($1, $2)",
            &[&tenant_id, &ms(at)],
        )?;
        Ok(())
    }

    fn deprovisions_since(&self, tenant_id: &str, since: OffsetDateTime) -> Result<u64> {
        let n: i64 = self
            .one(
                "SELECT count(*) FROM deprovisions WHERE tenant_id = $1 AND at >= $2",
                &[&tenant_id, &ms(since)],
                |r| col(r, 0),
            )?
            .unwrap_or(0);
        Ok(n as u64)
    }

    fn prune_deprovisions(&self, before: OffsetDateTime) -> Result<u64> {
        self.exec("DELETE FROM deprovisions WHERE at < $1", &[&ms(before)])
    }
}
