//! [`GuardTx`](crate::engine::store::GuardTx) on SQLite.

use super::*;
use crate::engine::guard::{Decision, Guard, Threshold};

impl GuardTx for SqliteTx<'_> {
    fn guard(&self, tenant_id: &str) -> Result<Option<Guard>> {
        let row = self.one(
            "SELECT enabled, threshold, window_secs, held_since, held_requests, decision, decided_by, decided_at, approved_until FROM deprovision_guards WHERE tenant_id = ?1",
            [tenant_id],
            |r| {
                Ok((
                    r.get::<_, bool>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    opt_at(r.get(3)?)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    opt_at(r.get(7)?)?,
                    opt_at(r.get(8)?)?,
                ))
            },
        )?;
        row.map(
            |(
                enabled,
                th,
                window_secs,
                held_since,
                held,
                decision,
                decided_by,
                decided_at,
                approved_until,
            )| {
                Ok(Guard {
                    tenant_id: tenant_id.to_owned(),
                    enabled,
                    threshold: threshold_of(&th)?,
                    window_secs,
                    held_since,
                    held_requests: held as u64,
                    decision: decision.as_deref().map(decision_of).transpose()?,
                    decided_by,
                    decided_at,
                    approved_until,
                })
            },
        )
        .transpose()
    }

    fn set_guard(&self, g: &Guard) -> Result<()> {
        self.exec(
            "INSERT OR REPLACE INTO deprovision_guards (tenant_id, enabled, threshold, window_secs, held_since, held_requests, decision, decided_by, decided_at, approved_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                g.tenant_id,
                g.enabled,
                threshold_text(g.threshold),
                g.window_secs,
                g.held_since.map(ms),
                g.held_requests as i64,
                g.decision.map(decision_text),
                g.decided_by,
                g.decided_at.map(ms),
                g.approved_until.map(ms),
            ],
        )?;
        Ok(())
    }

    fn count_deprovision(&self, tenant_id: &str, at: OffsetDateTime) -> Result<()> {
        self.exec(
            "INSERT INTO deprovisions (tenant_id, at) VALUES (?1, ?2)",
            params![tenant_id, ms(at)],
        )?;
        Ok(())
    }

    fn deprovisions_since(&self, tenant_id: &str, since: OffsetDateTime) -> Result<u64> {
        Ok(self
            .one(
                "SELECT count(*) FROM deprovisions WHERE tenant_id = ?1 AND at >= ?2",
                params![tenant_id, ms(since)],
                |r| r.get::<_, i64>(0),
            )?
            .unwrap_or(0) as u64)
    }

    fn prune_deprovisions(&self, before: OffsetDateTime) -> Result<u64> {
        Ok(self.exec("DELETE FROM deprovisions WHERE at < ?1", [ms(before)])? as u64)
    }
}

/// A threshold as its column holds it: `count:N` or `percent:P:FLOOR`.
pub(in crate::engine::store) fn threshold_text(t: Threshold) -> String {
    match t {
        Threshold::Count(n) => format!("count:{n}"),
        Threshold::Percent { percent, floor } => format!("percent:{percent}:{floor}"),
    }
}

pub(in crate::engine::store) fn threshold_of(s: &str) -> Result<Threshold> {
    let bad = || StoreError::Backend(format!("unexpected guard threshold {s:?} in the store"));
    let parts: Vec<&str> = s.split(':').collect();
    let n = |i: usize| -> Result<u32> {
        parts
            .get(i)
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| bad().into())
    };
    match parts.first() {
        Some(&"count") => Ok(Threshold::Count(n(1)?)),
        Some(&"percent") => Ok(Threshold::Percent {
            percent: n(1)?,
            floor: n(2)?,
        }),
        _ => Err(bad().into()),
    }
}

pub(in crate::engine::store) fn decision_text(d: Decision) -> &'static str {
    match d {
        Decision::Approved => "approved",
        Decision::Rejected => "rejected",
    }
}

pub(in crate::engine::store) fn decision_of(s: &str) -> Result<Decision> {
    match s {
        "approved" => Ok(Decision::Approved),
        "rejected" => Ok(Decision::Rejected),
        other => Err(StoreError::Backend(format!(
            "unexpected guard decision {other:?} in the store"
        ))
        .into()),
    }
}
