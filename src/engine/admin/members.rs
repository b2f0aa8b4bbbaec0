//! The tenant's members as the support tools see them: `users list` (a
//! filtered, paginated listing that stays fast at 100,000 members) and
//! `users show` (one member's facts, which `diagnose user` and the dashboard
//! build on).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::groups::group_info;
use super::users::{check_email, fold_case};
use crate::engine::error::{EngineError, Result};
use crate::engine::invitations::failure_fix;
use crate::engine::model::{Invitation, ManagedBy, MemberKind, MemberRecord, Policy, Tenant};
use crate::engine::ownership::{has_property, invitation_not_due};
use crate::engine::scim::resource::rfc3339;
use crate::engine::store::{MemberFilter, Tx};
use crate::engine::{Engine, tenants};

/// Rows per page when none is asked for, and the most a page may hold.
pub const DEFAULT_PAGE: u64 = 50;
pub const MAX_PAGE: u64 = 1000;

/// What `users list` asks for.
#[derive(Debug, Clone, Default)]
pub struct MemberQuery {
    pub managed_by: Option<ManagedBy>,
    /// Property users the tenant's admins created that no SCIM write has
    /// transferred yet (the article's "transfer skipped" suspects).
    pub pending_transfer: bool,
    /// Disabled members only (`active=false`).
    pub inactive: bool,
    /// Text in the email or the name, any letter case.
    pub search: Option<String>,
    /// Continue after this email (the previous page's `next`).
    pub after: Option<String>,
    /// Rows per page; 0 means the default.
    pub limit: u64,
}

/// Where a member's sign-up email stands (product rule: it goes out once
/// the member is in a group that has a property).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum InvitationState {
    /// Not due: why not, in words.
    Pending { why: String },
    /// In the outbox, waiting for the delivery worker (or retrying).
    Queued {
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
        /// Attempts that failed so far (absent when none).
        #[serde(default, skip_serializing_if = "is_zero")]
        attempts: u32,
        /// The SMTP server's last answer, when an attempt failed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_error: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "time::serde::rfc3339::option"
        )]
        next_attempt_at: Option<OffsetDateTime>,
    },
    Sent {
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
        /// When the user used the sign-up link.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "time::serde::rfc3339::option"
        )]
        redeemed_at: Option<OffsetDateTime>,
    },
    /// Given up: the SMTP server's answer and what to do.
    Failed {
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
        reason: String,
        fix: String,
    },
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl InvitationState {
    pub fn of(inv: &Invitation) -> InvitationState {
        let d = &inv.delivery;
        if let Some(at) = d.failed_at {
            let reason = d.last_error.clone().unwrap_or_default();
            return InvitationState::Failed {
                at,
                fix: failure_fix(&reason, &inv.email),
                reason,
            };
        }
        match inv.sent_at {
            Some(at) => InvitationState::Sent {
                at,
                redeemed_at: d.redeemed_at,
            },
            None => InvitationState::Queued {
                at: inv.enqueued_at,
                attempts: if d.last_error.is_some() {
                    d.attempts
                } else {
                    0
                },
                last_error: d.last_error.clone(),
                next_attempt_at: d.next_attempt_at.filter(|_| d.last_error.is_some()),
            },
        }
    }

    pub fn describe(&self) -> String {
        match self {
            InvitationState::Pending { why } => format!("pending — {why}"),
            InvitationState::Queued {
                at,
                attempts,
                last_error: Some(e),
                next_attempt_at,
            } => format!(
                "queued {}; attempt {attempts} failed: {e}{}",
                rfc3339(*at),
                next_attempt_at
                    .map(|n| format!("; next attempt {}", rfc3339(n)))
                    .unwrap_or_default()
            ),
            InvitationState::Queued { at, .. } => format!("queued {}", rfc3339(*at)),
            InvitationState::Sent {
                at,
                redeemed_at: Some(r),
            } => format!("sent {}; link used {}", rfc3339(*at), rfc3339(*r)),
            InvitationState::Sent { at, .. } => format!("sent {}", rfc3339(*at)),
            InvitationState::Failed { at, reason, .. } => {
                format!("failed {} because {reason}", rfc3339(*at))
            }
        }
    }
}

/// One row of `users list`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberRow {
    pub email: String,
    pub name: String,
    /// The SCIM `id` this tenant sees.
    pub id: String,
    pub kind: MemberKind,
    pub managed_by: ManagedBy,
    pub active: bool,
    pub external_id: Option<String>,
    pub groups: Vec<String>,
    pub invitation: InvitationState,
}

/// A page of `users list`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberPage {
    /// Members matching the query, over all pages.
    pub total: u64,
    pub members: Vec<MemberRow>,
    /// Pass as `after` for the next page; None on the last.
    pub next: Option<String>,
}

/// A group a member belongs to, with what it hands out.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberGroup {
    pub id: String,
    pub display_name: String,
    pub properties: Vec<String>,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
}

/// Everything the store knows about one email, seen from one tenant.
/// Other tenants appear as a count, never by name or id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UserFacts {
    pub email: String,
    pub tenant_id: String,
    pub scim_enabled: bool,
    /// An account with this email exists (in this tenant's namespace).
    pub account_exists: bool,
    /// How many other tenants link the account.
    pub other_tenants: u64,
    /// Another tenant's identity provider manages the account (the case
    /// `directory move` fixes when the customer moved to this tenant).
    #[serde(default)]
    pub other_idp: bool,
    /// Present when the account is a member of this tenant.
    pub member: Option<MemberFacts>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberFacts {
    pub id: String,
    pub name: String,
    pub kind: MemberKind,
    pub managed_by: ManagedBy,
    pub active: bool,
    pub external_id: Option<String>,
    pub groups: Vec<MemberGroup>,
    pub invitation: InvitationState,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl MemberFacts {
    /// The properties the member's groups give, deduplicated.
    pub fn properties(&self) -> Vec<String> {
        let mut p: Vec<String> = self
            .groups
            .iter()
            .flat_map(|g| g.properties.iter().cloned())
            .collect();
        p.sort();
        p.dedup();
        p
    }
}

fn full_name(r: &MemberRecord) -> String {
    [&r.account.given_name, &r.account.family_name]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

fn invitation_state(
    tx: &dyn Tx,
    r: &MemberRecord,
    in_property_group: bool,
) -> Result<InvitationState> {
    let m = &r.membership;
    if let Some(inv) = tx.invitation_for(&m.id)? {
        return Ok(InvitationState::of(&inv));
    }
    // Due but not queued: the next SCIM write to the member queues it.
    let why = invitation_not_due(m, || Ok(in_property_group))?
        .unwrap_or("due; queued with the next change to the member");
    Ok(InvitationState::Pending { why: why.into() })
}

impl Engine {
    /// A page of the tenant's members in email order.
    pub fn list_members(&self, tenant: &Tenant, q: &MemberQuery) -> Result<MemberPage> {
        let limit = match q.limit {
            0 => DEFAULT_PAGE,
            n => n.min(MAX_PAGE),
        };
        let mut filter = MemberFilter {
            managed_by: q.managed_by,
            active: q.inactive.then_some(false),
            search_lower: q
                .search
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(fold_case),
            ..MemberFilter::default()
        };
        if q.pending_transfer {
            if q.managed_by.is_some_and(|m| m != ManagedBy::Tenant) {
                return Err(EngineError::InvalidValue {
                    field: "--pending-transfer",
                    reason: "only tenant-managed members can be pending a transfer; drop --managed-by or set it to tenant".into(),
                });
            }
            filter.managed_by = Some(ManagedBy::Tenant);
            filter.kind = Some(MemberKind::Property);
        }
        let after = q.after.as_deref().map(fold_case);
        self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            // One row more than asked tells whether another page follows.
            let mut recs =
                tx.member_list(&t.id, t.namespace(), &filter, after.as_deref(), limit + 1)?;
            let more = recs.len() as u64 > limit;
            recs.truncate(limit as usize);
            let total = tx.member_list_total(&t.id, &filter)?;
            let mut members = Vec::with_capacity(recs.len());
            for r in &recs {
                let mut groups = Vec::new();
                let mut in_property_group = false;
                for g in tx.groups_with_member(&t.id, &r.membership.id)? {
                    in_property_group |= has_property(tx, &g.id)?;
                    groups.push(g.display_name);
                }
                groups.sort();
                members.push(MemberRow {
                    email: r.account.user_name.clone(),
                    name: full_name(r),
                    id: r.membership.id.clone(),
                    kind: r.membership.kind,
                    managed_by: r.membership.managed_by,
                    active: r.membership.active,
                    external_id: r.membership.external_id.clone(),
                    invitation: invitation_state(tx, r, in_property_group)?,
                    groups,
                });
            }
            let next = if more {
                members.last().map(|m| fold_case(&m.email))
            } else {
                None
            };
            Ok(MemberPage {
                total,
                members,
                next,
            })
        })
    }

    /// What the store knows about `email` from this tenant's point of view.
    pub fn user_facts(&self, tenant: &Tenant, email: &str) -> Result<UserFacts> {
        let email = email.trim();
        let lower = fold_case(email);
        if tenant.policy == Policy::Product {
            check_email(email)?;
        }
        self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let mut facts = UserFacts {
                email: email.to_owned(),
                tenant_id: t.id.clone(),
                scim_enabled: t.scim_enabled,
                account_exists: false,
                other_tenants: 0,
                other_idp: false,
                member: None,
            };
            let Some(account) = tx.account_by_user_name(t.namespace(), &lower)? else {
                return Ok(facts);
            };
            facts.account_exists = true;
            facts.email = account.user_name.clone();
            let links = tx.memberships_of_account(&account.id)?;
            facts.other_tenants = links.iter().filter(|m| m.tenant_id != t.id).count() as u64;
            facts.other_idp = links
                .iter()
                .any(|m| m.tenant_id != t.id && m.managed_by == ManagedBy::Idp);
            let Some(m) = links.into_iter().find(|m| m.tenant_id == t.id) else {
                return Ok(facts);
            };
            let rec = MemberRecord {
                membership: m,
                account,
            };
            let mut groups = Vec::new();
            for g in tx.groups_with_member(&t.id, &rec.membership.id)? {
                let info = group_info(tx, g)?;
                groups.push(MemberGroup {
                    id: info.id,
                    display_name: info.display_name,
                    properties: info.properties,
                    roles: info.roles,
                    permissions: info.permissions,
                });
            }
            groups.sort_by(|a, b| a.display_name.cmp(&b.display_name));
            let in_property_group = groups.iter().any(|g| !g.properties.is_empty());
            facts.member = Some(MemberFacts {
                id: rec.membership.id.clone(),
                name: full_name(&rec),
                kind: rec.membership.kind,
                managed_by: rec.membership.managed_by,
                active: rec.membership.active,
                external_id: rec.membership.external_id.clone(),
                invitation: invitation_state(tx, &rec, in_property_group)?,
                created_at: rec.membership.created_at,
                updated_at: rec.membership.updated_at,
                groups,
            });
            Ok(facts)
        })
    }
}
