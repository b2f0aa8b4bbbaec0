//! The deprovisioning guard: a tenant's protection against an identity
//! provider that deactivates or deletes (nearly) everyone at once — a wrong
//! scoping filter, a deleted group — before anyone notices.
//!
//! Every deprovisioning by the IdP (a SCIM write that deactivates an active
//! member, or deletes one) is counted. Once the tenant's count within the
//! guard's window has reached its threshold, further deprovisioning writes
//! are **held**: refused with a retryable error (429 and `Retry-After`,
//! which Entra and Okta retry), while every other write goes on. The hold
//! stays until an administrator decides: `approve` lets the held changes
//! through on the IdP's next retries (for one window), `reject` keeps
//! holding and says to fix the IdP's scope, `reset` re-arms the guard once
//! the scope is fixed.

use serde::{Deserialize, Serialize};
use serde_json::json;
use time::OffsetDateTime;

use super::error::{EngineError, Result};
use super::events::EventType;
use super::model::Tenant;
use super::store::Tx;
use super::{Engine, now, tenants};

/// How many deprovisionings a window allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Threshold {
    /// At most this many.
    Count(u32),
    /// At most this percentage of the tenant's IdP-managed members, and
    /// never fewer than `floor` (so that a small tenant's ordinary
    /// offboarding is not held).
    Percent { percent: u32, floor: u32 },
}

impl Threshold {
    /// Parses `--max`: `N` or `P%`.
    pub fn parse(s: &str) -> std::result::Result<Threshold, String> {
        let s = s.trim();
        let bad = || {
            format!(
                "{s:?} is not a threshold; give a number of users (e.g. 25) or a percentage of the tenant's IdP-managed users (e.g. 10%)"
            )
        };
        match s.strip_suffix('%') {
            Some(p) => match p.trim().parse::<u32>() {
                Ok(p @ 1..=100) => Ok(Threshold::Percent {
                    percent: p,
                    floor: 1,
                }),
                _ => Err(format!(
                    "{s:?} is not a percentage from 1% to 100%; e.g. 10%"
                )),
            },
            None => match s.parse::<u32>() {
                Ok(n @ 1..) => Ok(Threshold::Count(n)),
                _ => Err(bad()),
            },
        }
    }

    /// The most deprovisionings allowed for a tenant of `base` IdP-managed
    /// members.
    pub fn limit(self, base: u64) -> u64 {
        match self {
            Threshold::Count(n) => u64::from(n),
            Threshold::Percent { percent, floor } => (base * u64::from(percent))
                .div_ceil(100)
                .max(u64::from(floor)),
        }
    }

    /// Whether `counted` deprovisionings reach the limit of a tenant whose
    /// IdP-managed members `up_to(cap)` counts, stopping at `cap`: with
    /// P %, limit(base) > counted exactly when base > counted × 100 / P, so
    /// no more than that many + 1 are counted.
    pub(crate) fn reached(
        self,
        counted: u64,
        up_to: impl FnOnce(u64) -> Result<u64>,
    ) -> Result<bool> {
        Ok(match self {
            Threshold::Count(n) => counted >= u64::from(n),
            Threshold::Percent { percent, floor } => {
                let most = counted.saturating_mul(100) / u64::from(percent.max(1));
                counted >= u64::from(floor) && up_to(most.saturating_add(1))? <= most
            }
        })
    }

    /// The lowest limit of any tenant size.
    pub fn least(self) -> u64 {
        match self {
            Threshold::Count(n) => u64::from(n),
            Threshold::Percent { floor, .. } => u64::from(floor),
        }
    }

    pub fn shown(self) -> String {
        match self {
            Threshold::Count(n) => format!("{n} users"),
            Threshold::Percent { percent, floor: 1 } => format!("{percent}% of the IdP's users"),
            Threshold::Percent { percent, floor } => {
                format!("{percent}% of the IdP's users, at least {floor}")
            }
        }
    }
}

/// The default: 10 % of the tenant's IdP-managed users in an hour, and at
/// least 10 — a day's offboarding never comes near it, an IdP emptying
/// the tenant meets it within minutes.
pub const DEFAULT_THRESHOLD: Threshold = Threshold::Percent {
    percent: 10,
    floor: 10,
};
pub const DEFAULT_WINDOW_SECS: i64 = 3600;
/// How long the IdP is told to wait before it retries a held write.
pub const RETRY_AFTER_SECS: u64 = 300;
/// The longest window (events of deprovisioning are kept this long).
pub const MAX_WINDOW_SECS: i64 = 30 * 86_400;

/// What an administrator decided about a hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Approved,
    Rejected,
}

/// A tenant's guard as stored (absent: the default, armed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guard {
    pub tenant_id: String,
    pub enabled: bool,
    pub threshold: Threshold,
    pub window_secs: i64,
    /// Set when the guard tripped; cleared by `approve` or `reset`.
    pub held_since: Option<OffsetDateTime>,
    /// Writes refused since it tripped.
    pub held_requests: u64,
    pub decision: Option<Decision>,
    pub decided_by: Option<String>,
    pub decided_at: Option<OffsetDateTime>,
    /// Until then deprovisioning is not held (`approve`).
    pub approved_until: Option<OffsetDateTime>,
}

impl Guard {
    pub fn default_for(tenant_id: &str) -> Guard {
        Guard {
            tenant_id: tenant_id.to_owned(),
            enabled: true,
            threshold: DEFAULT_THRESHOLD,
            window_secs: DEFAULT_WINDOW_SECS,
            held_since: None,
            held_requests: 0,
            decision: None,
            decided_by: None,
            decided_at: None,
            approved_until: None,
        }
    }

    fn window(&self) -> time::Duration {
        time::Duration::seconds(self.window_secs)
    }

    /// Where the window that counts starts at `at`: never before an
    /// approval ended, so the changes it let through do not trip it again.
    fn counting_from(&self, at: OffsetDateTime) -> OffsetDateTime {
        let start = at - self.window();
        match self.approved_until {
            Some(u) if u > start => u,
            _ => start,
        }
    }
}

/// `scim guard show`: the settings, the count, and the hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardView {
    pub tenant_id: String,
    pub enabled: bool,
    pub threshold: Threshold,
    pub window_secs: i64,
    /// The IdP's deprovisionings counted in the window now.
    pub counted: u64,
    /// The count that trips the guard, for the tenant's size now.
    pub limit: u64,
    pub idp_users: u64,
    pub held: bool,
    #[serde(with = "time::serde::rfc3339::option")]
    pub held_since: Option<OffsetDateTime>,
    pub held_requests: u64,
    pub decision: Option<Decision>,
    pub decided_by: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub approved_until: Option<OffsetDateTime>,
}

/// A window as people read it (`1h`, `2h 30m`).
pub fn shown_window(secs: i64) -> String {
    humantime::format_duration(std::time::Duration::from_secs(secs.max(0) as u64)).to_string()
}

/// The refusal of a held write. `size`, the limit and the tenant's
/// IdP-managed users it was computed from, is known when this write trips
/// the guard; a write refused while it holds names the threshold instead.
fn held_error(t: &Tenant, g: &Guard, counted: u64, size: Option<(u64, u64)>) -> EngineError {
    let window = shown_window(g.window_secs);
    let (users, limit) = match size {
        Some((limit, base)) => (format!("{base} users"), limit.to_string()),
        None => ("users".to_owned(), g.threshold.shown()),
    };
    let what = match g.decision {
        Some(Decision::Rejected) => format!(
            "an administrator rejected these deactivations: fix the identity provider's provisioning scope (scoping filter, assigned users and groups); once it is fixed an administrator runs 'scimctl --tenant {} scim guard reset'",
            t.id
        ),
        _ => format!(
            "an administrator must check the identity provider's provisioning scope, then run 'scimctl --tenant {id} scim guard approve' if the change is intended or 'scimctl --tenant {id} scim guard reject' if it is not",
            id = t.id
        ),
    };
    EngineError::DeprovisioningHeld {
        message: format!(
            "Deprovisioning held: the identity provider deactivated or deleted {counted} of this tenant's {users} within {window} (the guard's threshold is {limit}), so further deactivations and deletions wait; other changes go on. {what}"
        ),
    }
}

impl Engine {
    /// Before the IdP deprovisions a member (in its write): refuses the
    /// change when the guard holds; otherwise counts it.
    pub(crate) fn guard_deprovision(&self, tx: &dyn Tx, t: &Tenant) -> Result<()> {
        let g = tx
            .guard(&t.id)?
            .unwrap_or_else(|| Guard::default_for(&t.id));
        let at = now();
        // Off, or approved: nothing is held, and nothing counted (a window
        // never counts from before an approval's end, see `counting_from`).
        if !g.enabled || g.approved_until.is_some_and(|u| u > at) {
            return Ok(());
        }
        let counted = tx.deprovisions_since(&t.id, g.counting_from(at))?;
        // Below the least the threshold allows, the tenant's size (a count
        // over its members) is not needed: the common case stays a lookup.
        if g.held_since.is_none() && counted < g.threshold.least() {
            return tx.count_deprovision(&t.id, at);
        }
        // Held: refused without the tenant's size, a count over all its
        // members (30 ms at a million, under the write lock): an IdP
        // retries every held write, and each retry would pay it again.
        if g.held_since.is_some() {
            return Err(held_error(t, &g, counted, None));
        }
        // Does this write reach the limit for the tenant's size? A count
        // over all its members would say, for 30 ms a write at a million;
        // only as many are counted as could keep the limit above `counted`
        // (with P %, limit > counted exactly when the tenant has more than
        // counted × 100 / P), so a day's offboarding of a large tenant
        // counts a few hundred rows a write.
        if g.threshold
            .reached(counted, |cap| tx.idp_members_up_to(&t.id, cap))?
        {
            // Once: the next write finds the guard holding.
            let base = tx.member_counts(&t.id)?.idp;
            let limit = g.threshold.limit(base);
            return Err(held_error(t, &g, counted, Some((limit, base))));
        }
        tx.count_deprovision(&t.id, at)
    }

    /// After a write was held, in a transaction of its own: the hold is
    /// recorded (its start once, as an event) and the refusal counted.
    pub(crate) fn record_hold(&self, tx: &dyn Tx, tenant_id: &str) -> Result<()> {
        let mut g = tx
            .guard(tenant_id)?
            .unwrap_or_else(|| Guard::default_for(tenant_id));
        g.held_requests += 1;
        if g.held_since.is_none() {
            let at = now();
            g.held_since = Some(at);
            g.decision = None;
            g.decided_by = None;
            g.decided_at = None;
            let counted = tx.deprovisions_since(tenant_id, g.counting_from(at))?;
            self.emit(
                tx,
                tenant_id,
                EventType::DeprovisioningHeld,
                json!({
                    "counted": counted,
                    "threshold": g.threshold,
                    "window_secs": g.window_secs,
                }),
            )?;
            tracing::warn!(
                tenant = tenant_id,
                counted,
                "deprovisioning held by the guard"
            );
        }
        tx.set_guard(&g)
    }

    pub fn guard_view(&self, t: &Tenant) -> Result<GuardView> {
        self.read(|tx| view(tx, &tenants::get(tx, &t.id)?))
    }

    /// `scim guard set`: the threshold and window (a hold in force stays).
    pub fn set_guard(
        &self,
        t: &Tenant,
        threshold: Option<Threshold>,
        window_secs: Option<i64>,
        enabled: bool,
    ) -> Result<GuardView> {
        if let Some(w) = window_secs
            && !(60..=MAX_WINDOW_SECS).contains(&w)
        {
            return Err(EngineError::InvalidValue {
                field: "window",
                reason: "the window must be from 1 minute to 30 days, e.g. 1h".into(),
            });
        }
        self.write(|tx| {
            let t = tenants::get(tx, &t.id)?;
            let mut g = tx.guard(&t.id)?.unwrap_or_else(|| Guard::default_for(&t.id));
            if let Some(th) = threshold {
                g.threshold = th;
            }
            if let Some(w) = window_secs {
                g.window_secs = w;
            }
            g.enabled = enabled;
            if !enabled {
                g.held_since = None;
            }
            tx.set_guard(&g)?;
            self.audit(
                tx,
                Some(&t.id),
                "scim.guard",
                None,
                Some(format!(
                    "{}; {} within {}s",
                    if enabled { "on" } else { "off" },
                    g.threshold.shown(),
                    g.window_secs
                )),
            )?;
            self.emit(
                tx,
                &t.id,
                EventType::GuardUpdated,
                json!({"enabled": g.enabled, "threshold": g.threshold, "window_secs": g.window_secs}),
            )?;
            view(tx, &t)
        })
    }

    /// `approve`, `reject` or `reset` a hold.
    pub fn decide_guard(&self, t: &Tenant, decision: GuardAction) -> Result<GuardView> {
        self.write(|tx| {
            let t = tenants::get(tx, &t.id)?;
            let mut g = tx.guard(&t.id)?.unwrap_or_else(|| Guard::default_for(&t.id));
            let at = now();
            if g.held_since.is_none() && decision != GuardAction::Reset {
                return Err(EngineError::InvalidValue {
                    field: "guard",
                    reason: format!(
                        "nothing is held for tenant \"{}\"; 'scimctl scim guard show' tells what the guard counts",
                        t.name
                    ),
                });
            }
            let kind = match decision {
                GuardAction::Approve => {
                    g.held_since = None;
                    g.held_requests = 0;
                    g.decision = Some(Decision::Approved);
                    g.approved_until = Some(at + g.window());
                    EventType::GuardApproved
                }
                GuardAction::Reject => {
                    g.decision = Some(Decision::Rejected);
                    EventType::GuardRejected
                }
                GuardAction::Reset => {
                    g.held_since = None;
                    g.held_requests = 0;
                    g.decision = None;
                    // Counting starts again now.
                    g.approved_until = Some(at);
                    EventType::GuardReset
                }
            };
            g.decided_by = Some(self.actor().to_owned());
            g.decided_at = Some(at);
            tx.set_guard(&g)?;
            self.audit(tx, Some(&t.id), kind.as_str(), None, None)?;
            self.emit(tx, &t.id, kind, json!({}))?;
            view(tx, &t)
        })
    }
}

/// What an administrator does about a hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardAction {
    Approve,
    Reject,
    Reset,
}

pub(crate) fn view(tx: &dyn Tx, t: &Tenant) -> Result<GuardView> {
    let g = tx
        .guard(&t.id)?
        .unwrap_or_else(|| Guard::default_for(&t.id));
    let at = now();
    let counted = tx.deprovisions_since(&t.id, g.counting_from(at))?;
    let idp_users = tx.member_counts(&t.id)?.idp;
    Ok(GuardView {
        tenant_id: t.id.clone(),
        enabled: g.enabled,
        threshold: g.threshold,
        window_secs: g.window_secs,
        counted,
        limit: g.threshold.limit(idp_users),
        idp_users,
        held: g.held_since.is_some(),
        held_since: g.held_since,
        held_requests: g.held_requests,
        decision: g.decision,
        decided_by: g.decided_by,
        approved_until: g.approved_until.filter(|u| *u > at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reached_is_counted_at_the_limit_for_the_size() {
        for threshold in [
            Threshold::Count(7),
            Threshold::Percent {
                percent: 10,
                floor: 10,
            },
            Threshold::Percent {
                percent: 3,
                floor: 1,
            },
            Threshold::Percent {
                percent: 100,
                floor: 5,
            },
        ] {
            for base in [0u64, 1, 9, 10, 99, 100, 101, 999, 1_000, 1_001, 12_345] {
                for counted in [0u64, 1, 5, 9, 10, 11, 99, 100, 101, 1_234, 2_000] {
                    let mut asked = None;
                    let reached = threshold
                        .reached(counted, |cap| {
                            asked = Some(cap);
                            Ok(base.min(cap))
                        })
                        .expect("reached");
                    assert_eq!(
                        reached,
                        counted >= threshold.limit(base),
                        "{threshold:?}, {counted} of {base}"
                    );
                    if let Some(cap) = asked {
                        assert!(cap <= counted * 100 + 1, "counted up to {cap}");
                    }
                }
            }
        }
    }

    #[test]
    fn thresholds_parse_and_limit() {
        assert_eq!(Threshold::parse("25"), Ok(Threshold::Count(25)));
        assert_eq!(
            Threshold::parse(" 10% "),
            Ok(Threshold::Percent {
                percent: 10,
                floor: 1
            })
        );
        for bad in ["0", "0%", "101%", "-3", "ten", "%", ""] {
            assert!(Threshold::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(DEFAULT_THRESHOLD.limit(50), 10, "the floor");
        assert_eq!(DEFAULT_THRESHOLD.limit(1000), 100);
        assert_eq!(DEFAULT_THRESHOLD.limit(1001), 101, "rounded up");
        assert_eq!(Threshold::Count(7).limit(1_000_000), 7);
        assert_eq!(DEFAULT_THRESHOLD.least(), 10);
        assert_eq!(Threshold::Count(7).least(), 7);
        for base in [0, 5, 99, 1_000_000] {
            assert!(DEFAULT_THRESHOLD.least() <= DEFAULT_THRESHOLD.limit(base));
        }
    }
}
