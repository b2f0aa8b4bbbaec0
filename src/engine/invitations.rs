//! Sign-up invitations after they are queued (`ownership::maybe_invite`):
//! claiming the outbox for delivery with a lease, recording each outcome
//! (one function per outcome: [`Engine::invitation_sent`],
//! [`Engine::invitation_failed`], and the retry that becomes a failure after
//! too many attempts), listing, resending and redeeming the sign-up link.
//!
//! Exactly once as far as SMTP allows: a row is claimed in a write
//! transaction (every store runs those one at a time, across processes),
//! which sets its lease and a fresh link token; `sent_at` is written only
//! after the SMTP server accepted the message, and only if the row still
//! carries that token. A sender that dies between the two leaves the row
//! leased; once the lease ends it is claimed again and sent once more, with
//! a new link (the first message's link is then dead).
//!
//! The SMTP conversation itself is not the engine's (see `crate::mail`).

use serde::{Deserialize, Serialize};
use serde_json::json;
use subtle::ConstantTimeEq;
use time::{Duration, OffsetDateTime};

use super::admin::users::{check_email, fold_case};
use super::error::{EngineError, Result};
use super::events::EventType;
use super::model::{Invitation, Policy, Tenant};
use super::scim::resource::rfc3339;
use super::store::{InvitationFilter, Tx};
use super::tokens::{Secret, hash, new_secret};
use super::{Engine, now, tenants};

/// The start of every sign-up link token (32 random bytes follow, base64url).
pub const LINK_TOKEN_PREFIX: &str = "inv_";
/// The most invitations one `invitations list` answer holds.
pub const MAX_LIST: u64 = 1000;
/// The longest token `redeem` reads (a real one is 47 characters).
const MAX_TOKEN_LEN: usize = 256;
/// The longest SMTP answer kept in `last_error`.
const MAX_ERROR_LEN: usize = 512;

/// How delivery is paced (config: `[mail]`).
#[derive(Debug, Clone, Copy)]
pub struct DeliveryPolicy {
    /// How long a claim holds a row: longer than one send can take.
    pub lease: Duration,
    /// How long a sign-up link works.
    pub link_lifetime: Duration,
    /// The first retry's delay; each next one doubles, with jitter.
    pub retry_base: Duration,
    /// Attempts before a transient failure is given up as a failure.
    pub max_attempts: u32,
}

/// The longest a retry waits.
const MAX_BACKOFF: Duration = Duration::hours(6);

impl DeliveryPolicy {
    /// The delay before attempt `attempts + 1`: `retry_base × 2^(attempts−1)`,
    /// at most six hours, times a random factor in [0.75, 1.25).
    pub fn backoff(&self, attempts: u32, jitter: f64) -> Duration {
        let exp = attempts.saturating_sub(1).min(20);
        let base = self.retry_base * (1u32 << exp);
        let base = if base > MAX_BACKOFF {
            MAX_BACKOFF
        } else {
            base
        };
        base * (0.75 + 0.5 * jitter.clamp(0.0, 1.0))
    }
}

/// One claimed invitation: everything the message needs, the link's token
/// in clear (it exists only here and in the message), and the claim.
#[derive(Debug)]
pub struct Claimed {
    pub invitation_id: String,
    pub tenant_id: String,
    pub tenant_name: String,
    pub email: String,
    pub given_name: String,
    pub family_name: String,
    pub token: Secret,
    pub expires_at: OffsetDateTime,
    /// The attempt this claim is (1 for the first).
    pub attempt: u32,
    token_hash: [u8; 32],
}

/// Where one invitation stands, as every face shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub email: String,
    /// `queued`, `retrying`, `sent`, `redeemed` or `failed`.
    pub state: String,
    #[serde(with = "time::serde::rfc3339")]
    pub queued_at: OffsetDateTime,
    pub attempts: u32,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub next_attempt_at: Option<OffsetDateTime>,
    pub last_error: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub sent_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub link_expires_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub redeemed_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub failed_at: Option<OffsetDateTime>,
    /// What to do, when something must be done.
    pub fix: Option<String>,
}

impl InvitationView {
    pub fn of(inv: &Invitation) -> InvitationView {
        let d = &inv.delivery;
        let state = if d.failed_at.is_some() {
            "failed"
        } else if d.redeemed_at.is_some() {
            "redeemed"
        } else if inv.sent_at.is_some() {
            "sent"
        } else if d.last_error.is_some() {
            "retrying"
        } else {
            "queued"
        };
        InvitationView {
            email: inv.email.clone(),
            state: state.into(),
            queued_at: inv.enqueued_at,
            attempts: d.attempts,
            next_attempt_at: d.next_attempt_at.filter(|_| state == "retrying"),
            last_error: d.last_error.clone(),
            sent_at: inv.sent_at,
            link_expires_at: d.token_expires_at.filter(|_| inv.sent_at.is_some()),
            redeemed_at: d.redeemed_at,
            failed_at: d.failed_at,
            fix: d
                .failed_at
                .map(|_| failure_fix(d.last_error.as_deref().unwrap_or(""), &inv.email)),
        }
    }
}

/// `invitations list`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InvitationList {
    pub invitations: Vec<InvitationView>,
    /// True when more matched than [`MAX_LIST`].
    pub truncated: bool,
}

/// What a redeemed sign-up link answers: who signs up, in which tenant.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Redeemed {
    pub tenant_id: String,
    pub tenant_name: String,
    pub email: String,
    pub given_name: String,
    pub family_name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub redeemed_at: OffsetDateTime,
}

/// The fix for a delivery given up with this SMTP answer.
pub fn failure_fix(error: &str, email: &str) -> String {
    let code = error.get(..3).unwrap_or("");
    let address = matches!(code, "550" | "551" | "553" | "501" | "556")
        || error.contains("5.1.")
        || error.starts_with("invalid address");
    if address {
        format!(
            "the SMTP server refused the address: check the user's email in the identity provider (a typo, a mailbox that does not exist), then 'scimctl invitations resend {email}'"
        )
    } else {
        format!(
            "the SMTP server refused the message: check smtp_url, mail_from and the SMTP credentials ('scimctl config show'), then 'scimctl invitations resend {email}'"
        )
    }
}

/// A whole SMTP answer, bounded, on one line.
fn bounded_error(e: &str) -> String {
    let one_line: String = e
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.len() <= MAX_ERROR_LEN {
        return one_line;
    }
    let mut end = MAX_ERROR_LEN;
    while !one_line.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &one_line[..end])
}

fn random_unit() -> f64 {
    let mut b = [0u8; 4];
    if getrandom::fill(&mut b).is_err() {
        return 0.5;
    }
    f64::from(u32::from_le_bytes(b)) / f64::from(u32::MAX)
}

/// The row still carries the claim's token: the claim is the live one.
fn holds(inv: &Invitation, c: &Claimed) -> bool {
    inv.delivery
        .token_hash
        .is_some_and(|h| bool::from(h.ct_eq(&c.token_hash)))
}

impl Engine {
    /// Whether any invitation is due at all: a read, so an idle server's
    /// poll takes no write lock.
    pub fn invitations_due(&self) -> Result<bool> {
        let at = now();
        self.read(|tx| Ok(!tx.due_invitations(at, 1)?.is_empty()))
    }

    /// Claims up to `limit` due invitations for one sender: in one write
    /// transaction, each gets one more attempt, a lease until now +
    /// `policy.lease` and a fresh link token (any earlier link dies).
    /// A row whose member is gone is failed instead.
    pub fn claim_invitations(&self, policy: &DeliveryPolicy, limit: u64) -> Result<Vec<Claimed>> {
        self.write(|tx| {
            let at = now();
            let mut claimed = Vec::new();
            for mut inv in tx.due_invitations(at, limit)? {
                let member = tx.member(&inv.tenant_id, &inv.membership_id)?;
                let Some(tenant) = tx.tenant_by_id(&inv.tenant_id)? else {
                    continue;
                };
                let Some(rec) = member.filter(|r| r.membership.active) else {
                    inv.delivery.attempts += 1;
                    inv.delivery.lease_until = None;
                    let why = "not sent: the user is no longer an active member of the tenant";
                    record_failed(self, tx, &mut inv, why, at)?;
                    continue;
                };
                let token = new_secret(LINK_TOKEN_PREFIX)?;
                let token_hash = hash(token.expose());
                let d = &mut inv.delivery;
                d.attempts += 1;
                d.lease_until = Some(at + policy.lease);
                d.token_hash = Some(token_hash);
                d.token_expires_at = Some(at + policy.link_lifetime);
                d.redeemed_at = None;
                tx.update_invitation(&inv)?;
                claimed.push(Claimed {
                    invitation_id: inv.id.clone(),
                    tenant_id: tenant.id.clone(),
                    tenant_name: tenant.name.clone(),
                    email: inv.email.clone(),
                    given_name: rec.account.given_name.clone().unwrap_or_default(),
                    family_name: rec.account.family_name.clone().unwrap_or_default(),
                    token,
                    expires_at: at + policy.link_lifetime,
                    attempt: inv.delivery.attempts,
                    token_hash,
                });
            }
            Ok(claimed)
        })
    }

    /// Outcome: the SMTP server accepted the message. Marks the row sent if
    /// the claim is still the live one (a resend, or a second claim after
    /// this one's lease ran out, replaced its link); false if not.
    pub fn invitation_sent(&self, c: &Claimed) -> Result<bool> {
        self.write(|tx| {
            let Some(mut inv) = tx.invitation_by_id(&c.invitation_id)? else {
                return Ok(false);
            };
            if inv.sent_at.is_some() || !holds(&inv, c) {
                return Ok(false);
            }
            let at = now();
            inv.sent_at = Some(at);
            inv.delivery.lease_until = None;
            inv.delivery.next_attempt_at = None;
            inv.delivery.last_error = None;
            tx.update_invitation(&inv)?;
            invitation_event(
                self,
                tx,
                &inv,
                EventType::InvitationSent,
                json!({"sent_at": rfc3339(at), "attempt": c.attempt}),
            )?;
            tracing::info!(tenant = %inv.tenant_id, attempt = c.attempt, "sign-up email sent");
            Ok(true)
        })
    }

    /// Outcome: the SMTP server refused the message for good (a 5xx, an
    /// address it will not take). Recorded with its answer; no retry.
    pub fn invitation_failed(&self, c: &Claimed, error: &str) -> Result<bool> {
        self.write(|tx| {
            let Some(mut inv) = tx.invitation_by_id(&c.invitation_id)? else {
                return Ok(false);
            };
            if inv.sent_at.is_some() || !holds(&inv, c) {
                return Ok(false);
            }
            record_failed(self, tx, &mut inv, error, now())?;
            Ok(true)
        })
    }

    /// A transient failure (a 4xx, no connection, a timeout): the next
    /// attempt after the policy's backoff, or a failure once the attempts
    /// are spent.
    pub fn invitation_retry(
        &self,
        c: &Claimed,
        error: &str,
        policy: &DeliveryPolicy,
    ) -> Result<bool> {
        let jitter = random_unit();
        self.write(|tx| {
            let Some(mut inv) = tx.invitation_by_id(&c.invitation_id)? else {
                return Ok(false);
            };
            if inv.sent_at.is_some() || !holds(&inv, c) {
                return Ok(false);
            }
            let at = now();
            if inv.delivery.attempts >= policy.max_attempts {
                let why = format!(
                    "gave up after {} attempts; the last: {error}",
                    inv.delivery.attempts
                );
                record_failed(self, tx, &mut inv, &why, at)?;
                return Ok(true);
            }
            let d = &mut inv.delivery;
            d.lease_until = None;
            d.last_error = Some(bounded_error(error));
            d.next_attempt_at = Some(at + policy.backoff(d.attempts, jitter));
            // The link of a message that was not sent must not work.
            d.token_hash = None;
            d.token_expires_at = None;
            let attempt = d.attempts;
            tx.update_invitation(&inv)?;
            tracing::warn!(tenant = %inv.tenant_id, attempt, error = %error, "sign-up email not sent; will retry");
            Ok(true)
        })
    }

    /// `invitations list`: the tenant's invitations, oldest first.
    pub fn list_invitations(
        &self,
        tenant: &Tenant,
        filter: InvitationFilter,
        email: Option<&str>,
    ) -> Result<InvitationList> {
        self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let membership = match email {
                Some(e) => match membership_of(tx, &t, e)? {
                    Some(m) => Some(m),
                    None => {
                        return Ok(InvitationList {
                            invitations: vec![],
                            truncated: false,
                        });
                    }
                },
                None => None,
            };
            let mut rows = tx.invitations(&t.id, filter, membership.as_deref(), MAX_LIST + 1)?;
            let truncated = rows.len() as u64 > MAX_LIST;
            rows.truncate(MAX_LIST as usize);
            Ok(InvitationList {
                invitations: rows.iter().map(InvitationView::of).collect(),
                truncated,
            })
        })
    }

    /// `invitations resend EMAIL`: queue the member's invitation again, at
    /// once, with a new link; the link sent before stops working now.
    pub fn resend_invitation(&self, tenant: &Tenant, email: &str) -> Result<InvitationView> {
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let not_found = || EngineError::UserNotFound {
                email: email.trim().to_owned(),
                tenant: t.id.clone(),
            };
            let m = membership_of(tx, &t, email)?.ok_or_else(not_found)?;
            let Some(mut inv) = tx.invitation_for(&m)? else {
                return Err(EngineError::NoInvitation {
                    email: email.trim().to_owned(),
                });
            };
            if inv.delivery.redeemed_at.is_some() {
                return Err(EngineError::InvitationRedeemed { email: inv.email });
            }
            inv.sent_at = None;
            inv.delivery = Default::default();
            tx.update_invitation(&inv)?;
            self.audit(
                tx,
                Some(&t.id),
                "invitation.resend",
                Some(&inv.email),
                Some("sign-up email queued again; the previous link no longer works".into()),
            )?;
            invitation_event(
                self,
                tx,
                &inv,
                EventType::InvitationQueued,
                json!({"resent": true}),
            )?;
            Ok(InvitationView::of(&inv))
        })
    }

    /// Redeems a sign-up link's token: the first time answers who signs
    /// up; a used, expired or replaced token (or another tenant's) is gone.
    pub fn redeem_invitation(&self, tenant: &Tenant, token: &Secret) -> Result<Redeemed> {
        let presented = token.expose().trim();
        if presented.is_empty() || presented.len() > MAX_TOKEN_LEN {
            return Err(EngineError::InvitationLinkGone {
                why: "it is not a sign-up link token",
            });
        }
        let h = hash(presented);
        self.write(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let gone = |why| EngineError::InvitationLinkGone { why };
            let Some(mut inv) = tx.invitation_by_token(&h)?.filter(|i| i.tenant_id == t.id) else {
                return Err(gone(
                    "it is unknown, or was replaced by a newer link (a resend)",
                ));
            };
            let at = now();
            if inv.delivery.redeemed_at.is_some() {
                return Err(gone("it was already used"));
            }
            if inv.sent_at.is_none() {
                return Err(gone("it was never sent"));
            }
            if inv.delivery.token_expires_at.is_none_or(|e| e <= at) {
                return Err(gone("it has expired"));
            }
            let member = tx
                .member(&t.id, &inv.membership_id)?
                .filter(|r| r.membership.active)
                .ok_or(gone("the user is no longer an active member of the tenant"))?;
            inv.delivery.redeemed_at = Some(at);
            tx.update_invitation(&inv)?;
            self.audit(
                tx,
                Some(&t.id),
                "invitation.redeem",
                Some(&inv.email),
                Some("sign-up link used".into()),
            )?;
            invitation_event(
                self,
                tx,
                &inv,
                EventType::InvitationRedeemed,
                json!({"redeemed_at": rfc3339(at)}),
            )?;
            Ok(Redeemed {
                tenant_id: t.id.clone(),
                tenant_name: t.name.clone(),
                email: member.account.user_name.clone(),
                given_name: member.account.given_name.clone().unwrap_or_default(),
                family_name: member.account.family_name.clone().unwrap_or_default(),
                redeemed_at: at,
            })
        })
    }
}

/// An `invitation.*` event of `inv`: the invitation, and `extra`'s fields.
fn invitation_event(
    engine: &Engine,
    tx: &dyn Tx,
    inv: &Invitation,
    kind: EventType,
    extra: serde_json::Value,
) -> Result<()> {
    let mut data = json!({
        "invitation": {"id": inv.id, "email": inv.email, "user_id": inv.membership_id},
    });
    if let (Some(d), serde_json::Value::Object(more)) = (data.as_object_mut(), extra) {
        d.extend(more);
    }
    engine.emit(tx, &inv.tenant_id, kind, data)
}

/// The one place a delivery is given up.
fn record_failed(
    engine: &Engine,
    tx: &dyn Tx,
    inv: &mut Invitation,
    error: &str,
    at: OffsetDateTime,
) -> Result<()> {
    let d = &mut inv.delivery;
    d.lease_until = None;
    d.next_attempt_at = None;
    d.failed_at = Some(at);
    d.last_error = Some(bounded_error(error));
    d.token_hash = None;
    d.token_expires_at = None;
    tx.update_invitation(inv)?;
    invitation_event(
        engine,
        tx,
        inv,
        EventType::InvitationFailed,
        json!({"error": bounded_error(error), "attempts": inv.delivery.attempts}),
    )?;
    tracing::warn!(tenant = %inv.tenant_id, error = %error, "sign-up email failed");
    Ok(())
}

/// The membership id of `email` in the tenant, if a member.
fn membership_of(tx: &dyn Tx, t: &Tenant, email: &str) -> Result<Option<String>> {
    let email = email.trim();
    if t.policy == Policy::Product {
        check_email(email)?;
    }
    let lower = fold_case(email);
    let Some(account) = tx.account_by_user_name(t.namespace(), &lower)? else {
        return Ok(None);
    };
    Ok(tx.membership_of(&t.id, &account.id)?.map(|m| m.id))
}

/// A line for a time, as the tables show it.
pub fn shown(at: OffsetDateTime) -> String {
    rfc3339(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_within_its_jitter_and_stops_at_six_hours() {
        let p = DeliveryPolicy {
            lease: Duration::minutes(2),
            link_lifetime: Duration::days(7),
            retry_base: Duration::seconds(60),
            max_attempts: 8,
        };
        assert_eq!(p.backoff(1, 0.5), Duration::seconds(60));
        assert_eq!(p.backoff(3, 0.5), Duration::seconds(240));
        assert_eq!(p.backoff(1, 0.0), Duration::seconds(45));
        assert!(p.backoff(1, 1.0) <= Duration::seconds(75));
        assert_eq!(p.backoff(30, 0.5), Duration::hours(6));
    }

    #[test]
    fn an_address_refusal_points_at_the_email() {
        assert!(
            failure_fix("550 5.1.1 no such user", "a@x.com").contains("check the user's email")
        );
        assert!(failure_fix("554 transaction failed", "a@x.com").contains("smtp_url"));
    }
}
