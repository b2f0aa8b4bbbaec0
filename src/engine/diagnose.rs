//! `diagnose`: the answers support staff need — why does this user get
//! "Operation not permitted", why did Jane never get her sign-up email, why
//! did this request fail, is this tenant's provisioning healthy? Each answer
//! is a list of findings, most important first, each with a verdict and the
//! fix, one for every troubleshooting case of the vendor article.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::admin::members::{InvitationState, MemberFacts, UserFacts};
use super::auth::NOTE_PREVIOUS_TOKEN;
use super::error::Result;
use super::log::{LogQuery, LogRecord};
use super::model::{ManagedBy, MemberCounts, MemberKind, Tenant};
use super::store::MemberFilter;
use super::tokens::TokenStatus;
use super::{Engine, now, tenants};

/// How many of a user's latest log records a diagnosis shows.
pub const RECENT_RECORDS: u32 = 10;

/// Entra's quarantine thresholds (entra-behavior.md §5): evaluated from
/// 5,000 failures, quarantined above 40 % failing; credential failures
/// quarantine "when most or all calls fail" whatever the count.
const QUARANTINE_FAILURE_SHARE: f64 = 0.40;
const QUARANTINE_MIN_FAILURES: u64 = 5_000;
/// Below this many requests a failure share says little.
const MIN_REQUESTS_FOR_RATE: u64 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Ok,
    Info,
    Warning,
    Problem,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Ok => "ok",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Problem => "problem",
        }
    }
}

/// One conclusion: a stable code, what is the matter, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    pub verdict: String,
    pub fix: Option<String>,
}

fn finding(code: &str, severity: Severity, verdict: String, fix: Option<String>) -> Finding {
    Finding {
        code: code.into(),
        severity,
        verdict,
        fix,
    }
}

/// Most important first; a stable sort keeps the rule order within a level.
fn ranked(mut v: Vec<Finding>) -> Vec<Finding> {
    v.sort_by_key(|f| std::cmp::Reverse(f.severity));
    v
}

const FIX_ENABLE: &str =
    "turn SCIM on with 'scimctl scim enable'; the identity provider's next cycle goes through";
const FIX_EXTERNAL_ID: &str = "map mailNickname → externalId in the identity provider's attribute mappings ('scimctl mapping show'), then restart provisioning: the next cycle writes externalId and transfers the user";
/// The fix when another tenant's IdP owns the account: the customer may
/// have moved to this tenant (the article's "All my users are still linked
/// to my old subscription"). The other tenant is never named.
const FIX_MOVED: &str = "if the customer moved to this tenant from another subscription, its users are still linked to the old one: support staff hand them over with 'scimctl directory move --from OLD --to THIS' (try --dry-run first), after which this identity provider's next cycle matches them; otherwise give the user another email address in the identity provider";
const FIX_NEW_TOKEN: &str = "paste the tenant's current token into the identity provider (Entra: Provisioning → Admin Credentials → Secret Token) and Test Connection; if nobody has it, run 'scimctl token regenerate' and paste the new one";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UserDiagnosis {
    pub facts: UserFacts,
    /// The user's latest provisioning-log records, oldest first.
    pub recent: Vec<LogRecord>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequestDiagnosis {
    pub record: LogRecord,
    /// The user the request concerned, as it stands now.
    pub user: Option<UserFacts>,
    pub findings: Vec<Finding>,
}

/// Requests and failures in one hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HourCount {
    #[serde(with = "time::serde::rfc3339")]
    pub hour: OffsetDateTime,
    pub requests: u64,
    pub errors: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonCount {
    pub reason: String,
    pub count: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TenantDiagnosis {
    pub tenant_id: String,
    pub tenant_name: String,
    pub scim_enabled: bool,
    pub token: TokenStatus,
    pub members: MemberCounts,
    pub requests_1h: u64,
    pub errors_1h: u64,
    pub requests_24h: u64,
    pub errors_24h: u64,
    /// Failures of the last 24 h by reason code, most frequent first.
    pub errors_by_reason: Vec<ReasonCount>,
    /// Requests of the last 24 h refused because they carried a token that
    /// a regenerate had replaced.
    pub stale_token_requests: u64,
    /// The last 24 hours, oldest first, one entry per hour.
    pub hourly: Vec<HourCount>,
    /// Property users the tenant's admins created that no SCIM write has
    /// transferred yet, and the first few of them.
    pub pending_transfers: u64,
    /// The tenant's webhook endpoints (absent when it has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub webhooks: Vec<super::webhooks::WebhookView>,
    pub pending_transfer_sample: Vec<String>,
    /// The tenant's provisioning-log records dropped because the log could
    /// not keep up (or could not write them), and when the last was.
    #[serde(default)]
    pub log_dropped: u64,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub log_dropped_last_at: Option<OffsetDateTime>,
    /// The deprovisioning guard (`scim guard show`).
    pub guard: super::guard::GuardView,
    /// The tenant's sign-up invitations by state.
    #[serde(default)]
    pub invitations: InvitationSummary,
    /// Whether whoever answers can send email (`smtp_url` set); absent
    /// when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_configured: Option<bool>,
    pub findings: Vec<Finding>,
}

/// A tenant's sign-up invitations by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSummary {
    /// Queued, not yet sent (retrying included).
    pub pending: u64,
    /// Pending after at least one failed attempt.
    pub retrying: u64,
    pub failed: u64,
    pub sent: u64,
}

/// The verdict for one user from its facts and its log records.
fn user_findings(f: &UserFacts, recent: &[LogRecord]) -> Vec<Finding> {
    let mut out = Vec::new();
    let email = &f.email;
    if !f.scim_enabled {
        out.push(finding(
            "scim_disabled",
            Severity::Problem,
            "SCIM provisioning is disabled for this tenant: every request of the identity provider gets 403 Operation not permitted (reason scim_disabled).".into(),
            Some(FIX_ENABLE.into()),
        ));
    }
    let last_error = recent.iter().rev().take_while(|r| r.status >= 400).next();
    match &f.member {
        None if f.account_exists && f.other_tenants > 0 => out.push(finding(
            "owned_elsewhere",
            Severity::Problem,
            format!(
                "{email} already has an account that belongs to {} other tenant(s){}: every create from the identity provider gets 409 \"user already exists\", cycle after cycle.",
                f.other_tenants,
                match f.other_idp {
                    true => ", whose identity provider provisions it",
                    false => "",
                }
            ),
            Some(match f.other_idp {
                true => FIX_MOVED.into(),
                false => "give the user another email address in the identity provider, or have the account added to this tenant in the product (it is then self-managed and stays outside SCIM)".into(),
            }),
        )),
        None => {
            let tried = !recent.is_empty();
            out.push(finding(
                "not_provisioned",
                if tried { Severity::Warning } else { Severity::Info },
                if tried {
                    format!("{email} is not a member of this tenant, although the identity provider has sent requests about it (see below).")
                } else {
                    format!("{email} has not been provisioned to this tenant: no request of the identity provider has named it yet.")
                },
                Some(format!(
                    "assign the user (or a group it is in) to the enterprise application in the identity provider and wait for the next cycle, or use Provision on demand; then 'scimctl log --user {email}'"
                )),
            ));
        }
        Some(m) => member_findings(&mut out, email, m, recent),
    }
    if let Some(r) = last_error {
        let mut rf = request_findings(r);
        if let Some(first) = rf.first_mut()
            && !out.iter().any(|o| o.code == first.code)
        {
            first.verdict = format!(
                "The last request about this user failed ({} {} → {}, {}): {}",
                r.method, r.path, r.status, r.request_id, first.verdict
            );
            out.push(rf.swap_remove(0));
        }
    }
    if out.is_empty() {
        let inv = f
            .member
            .as_ref()
            .map(|m| m.invitation.describe())
            .unwrap_or_default();
        out.push(finding(
            "ok",
            Severity::Ok,
            format!(
                "{email} is provisioned and managed by the identity provider; sign-up email {inv}."
            ),
            None,
        ));
    }
    ranked(out)
}

fn member_findings(out: &mut Vec<Finding>, email: &str, m: &MemberFacts, recent: &[LogRecord]) {
    if m.kind == MemberKind::Central {
        out.push(finding(
            "central_user",
            Severity::Problem,
            format!("{email} is a central (portfolio-level) user: SCIM never changes it, and every update or delete gets 403 Operation not permitted (reason central_user)."),
            Some("manage this user in the product, or remove it from the enterprise application's assignments so the identity provider stops trying".into()),
        ));
        return;
    }
    match m.managed_by {
        ManagedBy::SelfManaged => out.push(finding(
            "external_accounts",
            Severity::Problem,
            format!("{email} also has accounts outside this tenant, so it is self-managed: every update or delete from the identity provider gets 403 Operation not permitted (reason external_accounts)."),
            Some("manage this user in the product, or give it another email address in the identity provider".into()),
        )),
        ManagedBy::Tenant => {
            // The IdP has seen the user (a filter matched it) but never wrote.
            let matched = recent.iter().any(|r| r.status < 400 && r.method == "GET");
            out.push(if matched {
                finding(
                    "pending_transfer",
                    Severity::Warning,
                    format!("{email} was created in the product and the identity provider matched it, but never wrote to it: the data was identical, so the ownership transfer was skipped and the user is still tenant-managed."),
                    Some(FIX_EXTERNAL_ID.into()),
                )
            } else {
                finding(
                    "pending_transfer",
                    Severity::Info,
                    format!("{email} was created in the product and is tenant-managed: the identity provider's first write (PATCH or PUT) transfers it."),
                    Some(FIX_EXTERNAL_ID.into()),
                )
            });
        }
        ManagedBy::Idp => {}
    }
    if !m.active {
        out.push(finding(
            "disabled",
            Severity::Warning,
            format!("{email} is disabled in this tenant (active=false): login is blocked; the account, its groups and links are kept."),
            Some("re-enable the user in the identity provider (unblock sign-in, or assign it to the application again): the next cycle sends active=true".into()),
        ));
    }
    if m.managed_by == ManagedBy::Idp
        && m.active
        && let InvitationState::Pending { .. } = m.invitation
    {
        let verdict = if m.groups.is_empty() {
            format!(
                "{email} has no sign-up email: it is in no group, and the email goes out once the user is in a group that has a property."
            )
        } else {
            format!(
                "{email} has no sign-up email: none of its groups ({}) has a property.",
                m.groups
                    .iter()
                    .map(|g| g.display_name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        out.push(finding(
            "no_property_group",
            Severity::Warning,
            verdict,
            Some("add the user to a group that has a property (and assign that group to the enterprise application), or give one of its groups a property: 'scimctl groups assign GROUP --property NAME'".into()),
        ));
    }
    match &m.invitation {
        InvitationState::Failed { at, reason, fix } => out.push(finding(
            "invitation_failed",
            Severity::Problem,
            format!(
                "{email}'s sign-up email failed at {} because {reason}; it will not be retried.",
                crate::engine::scim::resource::rfc3339(*at)
            ),
            Some(fix.clone()),
        )),
        InvitationState::Queued {
            attempts,
            last_error: Some(e),
            next_attempt_at,
            ..
        } => out.push(finding(
            "invitation_retrying",
            Severity::Warning,
            format!(
                "{email}'s sign-up email is not sent yet: attempt {attempts} failed ({e}){}.",
                next_attempt_at
                    .map(|n| format!("; the next attempt is at {}", crate::engine::scim::resource::rfc3339(n)))
                    .unwrap_or_default()
            ),
            Some("it is retried on its own; if it keeps failing, check that the SMTP server in smtp_url is reachable and accepts mail from mail_from ('scimctl config show')".into()),
        )),
        _ => {}
    }
}

/// The verdict for one logged request.
fn request_findings(r: &LogRecord) -> Vec<Finding> {
    let mut out = Vec::new();
    let detail = r.detail.as_deref().unwrap_or("");
    let reason = r.reason.as_deref().unwrap_or("");
    if r.status < 400 {
        out.push(finding(
            "ok",
            Severity::Ok,
            format!("{} {} succeeded ({}).", r.method, r.path, r.status),
            None,
        ));
        for e in &r.transfers {
            out.push(finding(
                "transferred",
                Severity::Info,
                format!("This request transferred {e} from the tenant's admins to the identity provider."),
                None,
            ));
        }
        for e in &r.invitations {
            out.push(finding(
                "invitation_queued",
                Severity::Info,
                format!("This request queued the sign-up email of {e}."),
                None,
            ));
        }
        if !r.ignored_attributes.is_empty() {
            out.push(finding(
                "ignored_attributes",
                Severity::Info,
                format!(
                    "The endpoint ignored attributes it does not support: {}.",
                    r.ignored_attributes.join(", ")
                ),
                Some("remove those mappings in the identity provider ('scimctl mapping check FILE' lists them)".into()),
            ));
        }
        return out;
    }
    let note = r.token_note.as_deref().unwrap_or("");
    let (code, verdict, fix): (&str, String, String) = match reason {
        "invalid_token" if note.starts_with(NOTE_PREVIOUS_TOKEN) => (
            "stale_token",
            format!("The identity provider still uses a token that was regenerated ({note})."),
            FIX_NEW_TOKEN.into(),
        ),
        "invalid_token" if note.contains("revoked") => (
            "revoked_token",
            format!("The identity provider used a revoked token ({note})."),
            FIX_NEW_TOKEN.into(),
        ),
        "invalid_token" if note.contains("another tenant") => (
            "wrong_tenant_token",
            "The token belongs to another tenant: the tenant URL and the token do not go together.".into(),
            "copy the tenant URL from 'scimctl url' and the token of that same tenant into the identity provider".into(),
        ),
        "invalid_token" if note.starts_with("no tenant") => (
            "unknown_tenant",
            "The tenant URL names a tenant that does not exist.".into(),
            "copy the tenant URL again from 'scimctl url' (the last path segment is the tenant id)".into(),
        ),
        "invalid_token" => (
            "invalid_token",
            format!(
                "The request was not authenticated: {}.",
                if note.is_empty() { "the token was not accepted" } else { note }
            ),
            FIX_NEW_TOKEN.into(),
        ),
        "scim_disabled" => (
            "scim_disabled",
            "SCIM provisioning is disabled for this tenant, so the request got 403 Operation not permitted.".into(),
            FIX_ENABLE.into(),
        ),
        "external_accounts" => (
            "external_accounts",
            "The user also has accounts outside this tenant (self-managed): SCIM may not change it.".into(),
            "manage this user in the product, or give it another email address in the identity provider".into(),
        ),
        "central_user" => (
            "central_user",
            "The user is a central (portfolio-level) user: SCIM may not change it.".into(),
            "manage this user in the product, or remove it from the enterprise application's assignments".into(),
        ),
        "uniqueness" if detail.contains("already exists in this tenant") => (
            "not_matched",
            "The identity provider tried to create a user that already exists in this tenant: its matching query did not find it.".into(),
            "make userName the matching attribute (matching precedence 1) and source it from the same email attribute the user has here; 'scimctl mapping check FILE' checks the mapping".into(),
        ),
        "uniqueness" if r.path.contains("/Groups") => (
            "group_exists",
            format!("A group with that displayName already exists in this tenant: {detail}"),
            "rename one of the groups, or let the identity provider match the existing group by displayName".into(),
        ),
        "uniqueness" if detail.contains("managed elsewhere") => (
            "owned_elsewhere",
            "An account with this email already exists and another tenant's identity provider or product manages it: the create gets 409 \"user already exists\" on every cycle.".into(),
            FIX_MOVED.into(),
        ),
        "uniqueness" => (
            "owned_elsewhere",
            "An account with this email already exists and belongs elsewhere: the create gets 409 \"user already exists\" on every cycle.".into(),
            "give the user another email address in the identity provider, or have the account added to this tenant in the product".into(),
        ),
        "mutability" => (
            "username_immutable",
            "The identity provider tried to change userName, the user's email login, which cannot change here.".into(),
            "keep userName sourced from the same attribute; to move a person to a new email, remove the old user from the application and assign the new one".into(),
        ),
        "not_found" => (
            "not_found",
            "The resource does not exist in this tenant (deleted, or never created here).".into(),
            "nothing to do if it was deleted on purpose; otherwise restart provisioning in the identity provider so it matches the users again".into(),
        ),
        "precondition_failed" => (
            "precondition_failed",
            "The resource changed after the identity provider read it (If-Match did not match).".into(),
            "none: the identity provider reads it again and retries".into(),
        ),
        "invalid_filter" => (
            "invalid_filter",
            format!("The query's filter is not one the endpoint understands: {detail}"),
            "report this request id; Entra's own filters (userName eq, externalId eq, displayName eq) are all supported".into(),
        ),
        "rate_limited" => (
            "rate_limited",
            format!("The request was refused with 429 because the tenant's identity provider sent faster than the server's limit: {detail}"),
            "nothing is lost (Entra and Okta wait for Retry-After and retry); if the identity provider legitimately sends faster, raise rate_limit_per_tenant in the server's [serve] config (SCIMCTL_RATE_LIMIT_PER_TENANT)".into(),
        ),
        "store_busy" | "timeout" => (
            "server_busy",
            format!("The server was too busy to answer the request in time (status {}): {detail}", r.status),
            "the identity provider retries after Retry-After; if it happens often, look at the server's load and its max_store_jobs / request_timeout_secs settings".into(),
        ),
        "payload_too_large" | "body_timeout" | "body_unreadable" => (
            "body_refused",
            format!("The request's body was refused before it was read whole: {detail}"),
            "send fewer members or operations per request; the limits are in the README's 'what serve bounds' section and in 'scimctl config show'".into(),
        ),
        "filter_too_costly" => (
            "filter_too_costly",
            format!("The query's filter needed a scan of the whole tenant that ran past its time budget: {detail}"),
            "match on an indexed attribute instead (userName eq, externalId eq or id eq for users; displayName eq for groups): in Entra, make that the matching attribute".into(),
        ),
        "limit_exceeded" => (
            "limit_exceeded",
            format!("The request exceeded one of the endpoint's documented limits: {detail}"),
            "split the request (fewer operations, members or values per request); the README lists every limit".into(),
        ),
        "invalid_value" | "invalid_syntax" | "invalid_path" | "no_target" | "too_many" => (
            "invalid_request",
            format!("The request broke a rule of the endpoint: {detail}"),
            "check the attribute mappings with 'scimctl mapping check FILE' (userName must be an email; givenName and familyName are required)".into(),
        ),
        _ => (
            "failed",
            format!("The request failed with status {}: {detail}", r.status),
            "rerun 'scimctl serve' with -v and report this request id".into(),
        ),
    };
    out.push(finding(code, Severity::Problem, verdict, Some(fix)));
    out
}

/// Requests and failures by hour, reasons and stale tokens, from `log_stats`.
struct Traffic {
    hourly: Vec<HourCount>,
    by_reason: Vec<ReasonCount>,
    stale: u64,
    credential_failures: u64,
    /// Requests refused before authentication (no valid token).
    unauthenticated: u64,
}

fn traffic(stats: &[super::store::LogStat], start: OffsetDateTime) -> Traffic {
    let mut hourly: Vec<HourCount> = (0..24)
        .map(|i| HourCount {
            hour: start + Duration::hours(i),
            requests: 0,
            errors: 0,
        })
        .collect();
    let mut by_reason: Vec<ReasonCount> = Vec::new();
    let (mut stale, mut credential_failures, mut unauthenticated) = (0, 0, 0);
    for s in stats {
        let i = ((s.hour - start).whole_hours()).clamp(0, 23) as usize;
        hourly[i].requests += s.count;
        if s.status < 400 {
            continue;
        }
        hourly[i].errors += s.count;
        if s.stale_token {
            stale += s.count;
        }
        let reason = s.reason.clone().unwrap_or_else(|| s.status.to_string());
        if matches!(reason.as_str(), "invalid_token" | "scim_disabled") {
            credential_failures += s.count;
        }
        if reason == "invalid_token" {
            unauthenticated += s.count;
        }
        match by_reason.iter_mut().find(|r| r.reason == reason) {
            Some(r) => r.count += s.count,
            None => by_reason.push(ReasonCount {
                reason,
                count: s.count,
            }),
        }
    }
    by_reason.sort_by(|a, b| b.count.cmp(&a.count).then(a.reason.cmp(&b.reason)));
    Traffic {
        hourly,
        by_reason,
        stale,
        credential_failures,
        unauthenticated,
    }
}

fn tenant_findings(d: &TenantDiagnosis, tr: &Traffic) -> Vec<Finding> {
    let mut out = Vec::new();
    let credential_failures = tr.credential_failures;
    // A running server records a token's last use in batches; the log
    // knows at once.
    let connected = d
        .token
        .token
        .as_ref()
        .is_some_and(|t| t.last_used_at.is_some())
        || d.requests_24h > tr.unauthenticated;
    // First: while the guard holds, the IdP's deprovisioning waits for an
    // administrator, whatever else is wrong.
    if d.guard.held {
        let decided = match d.guard.decision {
            Some(super::guard::Decision::Rejected) => format!(
                " An administrator ({}) rejected them: the identity provider keeps retrying until its scope is fixed.",
                d.guard.decided_by.as_deref().unwrap_or("?")
            ),
            _ => String::new(),
        };
        out.push(finding(
            "deprovisioning_held",
            Severity::Problem,
            format!(
                "The deprovisioning guard holds the identity provider's deactivations and deletions: it deprovisioned {} of {} users within {} (the threshold is {}), and {} further request(s) were refused with 429 since {}.{decided}",
                d.guard.counted,
                d.guard.idp_users,
                super::guard::shown_window(d.guard.window_secs),
                d.guard.limit,
                d.guard.held_requests,
                d.guard.held_since.map(super::scim::resource::rfc3339).unwrap_or_default(),
            ),
            Some(match d.guard.decision {
                Some(super::guard::Decision::Rejected) => "fix the identity provider's provisioning scope (scoping filter, assigned users and groups), then run 'scimctl scim guard reset'".into(),
                _ => "check the identity provider's provisioning scope: if the deactivations are intended, run 'scimctl scim guard approve' (the held changes go through on its next retries); if not, 'scimctl scim guard reject' and fix the scope".into(),
            }),
        ));
    }
    if !d.scim_enabled {
        out.push(finding(
            "scim_disabled",
            Severity::Problem,
            "SCIM provisioning is disabled: every request of the identity provider gets 403 Operation not permitted.".into(),
            Some(FIX_ENABLE.into()),
        ));
    }
    match &d.token.token {
        None => out.push(finding(
            "no_token",
            Severity::Problem,
            "The tenant has no SCIM token, so no identity provider can connect.".into(),
            Some("create one with 'scimctl token generate' and paste it, with 'scimctl url', into the identity provider".into()),
        )),
        Some(t) if !connected => out.push(finding(
            "token_unused",
            Severity::Info,
            format!("Token {} has not been used yet: the identity provider has not connected with it.", t.fingerprint),
            Some("paste the tenant URL ('scimctl url') and the token into the identity provider and run Test Connection ('scimctl test-connection' makes the same probe)".into()),
        )),
        Some(_) => {}
    }
    if let Some(p) = &d.token.previous {
        out.push(finding(
            "rotation_in_progress",
            Severity::Info,
            format!(
                "The previous token {} is still accepted until {} (a rotation with a grace period).",
                p.fingerprint,
                p.grace_until.map(super::scim::resource::rfc3339).unwrap_or_default()
            ),
            Some("once the identity provider uses the new token (its requests show the new fingerprint in 'scimctl log'), end the old one with 'scimctl token revoke --previous'".into()),
        ));
    }
    if let Some(w) = &d.token.warning {
        out.push(finding(
            "token_old",
            Severity::Warning,
            format!("The {w}."),
            None,
        ));
    }
    if d.stale_token_requests > 0 {
        out.push(finding(
            "stale_token",
            Severity::Problem,
            format!(
                "{} request(s) in the last 24 h carried a token that was regenerated: the identity provider still has the old token.",
                d.stale_token_requests
            ),
            Some(FIX_NEW_TOKEN.into()),
        ));
    }
    if let Some(r) = tr.by_reason.iter().find(|r| r.reason == "rate_limited") {
        out.push(finding(
            "rate_limited",
            Severity::Warning,
            format!(
                "{} request(s) of the identity provider in the last 24 h were refused with 429 (the tenant's rate limit): provisioning went slower, nothing was lost (the identity provider retries after Retry-After).",
                r.count
            ),
            Some("if the identity provider legitimately sends faster, raise rate_limit_per_tenant in the server's [serve] config (SCIMCTL_RATE_LIMIT_PER_TENANT)".into()),
        ));
    }
    let share = |n: u64| n as f64 / d.requests_24h.max(1) as f64;
    if d.requests_24h >= MIN_REQUESTS_FOR_RATE {
        let pct = share(d.errors_24h) * 100.0;
        if share(credential_failures) > 0.5 {
            out.push(finding(
                "quarantine_risk",
                Severity::Problem,
                format!("Most requests of the last 24 h were refused for credentials or a disabled SCIM ({credential_failures} of {}): Entra quarantines a job when most or all calls fail, whatever the count.", d.requests_24h),
                Some("fix the token or enable SCIM, then use 'Restart provisioning' in Entra to leave quarantine at once".into()),
            ));
        } else if share(d.errors_24h) > QUARANTINE_FAILURE_SHARE {
            let severe = d.errors_24h >= QUARANTINE_MIN_FAILURES;
            out.push(finding(
                "quarantine_risk",
                if severe { Severity::Problem } else { Severity::Warning },
                format!(
                    "{pct:.0} % of the last 24 h's requests failed ({} of {}): Entra quarantines a job above 40 % failing once it has 5,000 failures{}.",
                    d.errors_24h,
                    d.requests_24h,
                    if severe { ", which this tenant has reached" } else { "" }
                ),
                Some("fix the most frequent failure below ('scimctl log --errors' lists them; 'scimctl diagnose request ID' explains one)".into()),
            ));
        }
    }
    if d.pending_transfers > 0 && connected {
        out.push(finding(
            "pending_transfers",
            Severity::Warning,
            format!(
                "{} user(s) created in the product are still tenant-managed although the identity provider is connected (e.g. {}): when their data is identical, Entra matches them and never writes, so the transfer never happens.",
                d.pending_transfers,
                d.pending_transfer_sample.join(", ")
            ),
            Some(FIX_EXTERNAL_ID.into()),
        ));
    }
    if d.log_dropped > 0 {
        out.push(finding(
            "log_dropped",
            Severity::Warning,
            format!(
                "{} provisioning-log records of this tenant were dropped (the log could not keep up){}: the counts above and 'scimctl log' miss those requests.",
                d.log_dropped,
                d.log_dropped_last_at
                    .map(|t| format!(", the last at {}", super::scim::resource::rfc3339(t)))
                    .unwrap_or_default()
            ),
            Some("look for 'provisioning log' lines in the server's stderr: a full disk or a failing log file is named there; otherwise the server is short of CPU for its low-priority log writer (or under a request flood), so give it more CPU or rate-limit the flood".into()),
        ));
    }
    let inv = &d.invitations;
    if inv.pending > 0 && d.mail_configured == Some(false) {
        out.push(finding(
            "mail_not_configured",
            Severity::Problem,
            format!(
                "{} sign-up email(s) are waiting, and no SMTP server is configured: nothing sends them.",
                inv.pending
            ),
            Some("set smtp_url, mail_from and signup_url ([mail] in the config file, or SCIMCTL_SMTP_URL, SCIMCTL_MAIL_FROM, SCIMCTL_SIGNUP_URL) where 'scimctl serve' runs, or run 'scimctl invitations deliver' from cron".into()),
        ));
    }
    if inv.failed > 0 {
        out.push(finding(
            "invitations_failed",
            Severity::Problem,
            format!(
                "{} sign-up email(s) of this tenant failed and will not be retried.",
                inv.failed
            ),
            Some("'scimctl invitations list --failed' shows each SMTP answer and its fix; after fixing, 'scimctl invitations resend EMAIL'".into()),
        ));
    }
    if inv.retrying > 0 {
        out.push(finding(
            "invitations_retrying",
            Severity::Warning,
            format!(
                "{} sign-up email(s) are being retried after the SMTP server did not take them.",
                inv.retrying
            ),
            Some("'scimctl invitations list --pending' shows the last answer; check that the SMTP server in smtp_url is reachable and accepts mail from mail_from".into()),
        ));
    }
    if out.is_empty() {
        out.push(finding(
            "ok",
            Severity::Ok,
            format!(
                "SCIM is on, the token is in use, and {} of the last 24 h's {} requests failed.",
                d.errors_24h, d.requests_24h
            ),
            None,
        ));
    }
    ranked(out)
}

impl Engine {
    pub fn diagnose_user(&self, tenant: &Tenant, email: &str) -> Result<UserDiagnosis> {
        let facts = self.user_facts(tenant, email)?;
        let recent = self.log_records(&LogQuery {
            tenant_id: Some(tenant.id.clone()),
            user_email: Some(facts.email.clone()),
            limit: RECENT_RECORDS,
            ..LogQuery::default()
        })?;
        let findings = user_findings(&facts, &recent);
        Ok(UserDiagnosis {
            facts,
            recent,
            findings,
        })
    }

    /// A logged request by id (`r-…`, as in every error's detail).
    pub fn diagnose_request(&self, request_id: &str) -> Result<RequestDiagnosis> {
        let id = request_id.trim();
        let record = self
            .log_record(id)?
            .ok_or_else(|| super::EngineError::RequestNotFound(id.to_owned()))?;
        let tenant = match &record.tenant_id {
            Some(t) => self.read(|tx| tx.tenant_by_id(t))?,
            None => None,
        };
        let user = match (&tenant, &record.user_email) {
            (Some(t), Some(e)) => self.user_facts(t, e).ok(),
            _ => None,
        };
        let mut findings = request_findings(&record);
        if let Some(u) = &user
            && record.status >= 400
        {
            // What the user's state says now, after the first (the request's own).
            let now_findings = user_findings(u, std::slice::from_ref(&record));
            for f in now_findings {
                if f.severity > Severity::Ok && !findings.iter().any(|x| x.code == f.code) {
                    findings.push(f);
                }
            }
        }
        Ok(RequestDiagnosis {
            record,
            user,
            findings,
        })
    }

    pub fn diagnose_tenant(
        &self,
        tenant: &Tenant,
        max_token_age_days: u32,
    ) -> Result<TenantDiagnosis> {
        self.diagnose_tenant_with(tenant, max_token_age_days, None)
    }

    /// `diagnose tenant`, knowing whether email can be sent where it runs.
    pub fn diagnose_tenant_with(
        &self,
        tenant: &Tenant,
        max_token_age_days: u32,
        mail_configured: Option<bool>,
    ) -> Result<TenantDiagnosis> {
        let token = self.token_status(tenant, max_token_age_days)?;
        let at = now();
        let this_hour =
            at.replace_time(time::Time::from_hms(at.hour(), 0, 0).unwrap_or(time::Time::MIDNIGHT));
        let start = this_hour - Duration::hours(23);
        let (t, members, pending, sample, stats) = self.read(|tx| {
            let t = tenants::get(tx, &tenant.id)?;
            let pending_filter = MemberFilter {
                managed_by: Some(ManagedBy::Tenant),
                kind: Some(MemberKind::Property),
                ..MemberFilter::default()
            };
            let pending = tx.member_list_total(&t.id, &pending_filter)?;
            let sample = tx
                .member_list(&t.id, t.namespace(), &pending_filter, None, 3)?
                .into_iter()
                .map(|r| r.account.user_name)
                .collect::<Vec<_>>();
            let stats = tx.log_stats(&t.id, start)?;
            let counters = tx.log_counters(Some(&t.id))?;
            let guard = super::guard::view(tx, &t)?;
            let inv = tx.invitation_counts(&t.id)?;
            Ok((
                t.clone(),
                tx.member_counts(&t.id)?,
                pending,
                sample,
                (stats, counters, guard, inv),
            ))
        })?;
        let (stats, counters, guard, inv) = stats;
        let tr = traffic(&stats, start);
        let last = tr.hourly.last().copied();
        let mut d = TenantDiagnosis {
            tenant_id: t.id,
            tenant_name: t.name,
            scim_enabled: t.scim_enabled,
            token,
            members,
            requests_1h: last.map_or(0, |h| h.requests),
            errors_1h: last.map_or(0, |h| h.errors),
            requests_24h: tr.hourly.iter().map(|h| h.requests).sum(),
            errors_24h: tr.hourly.iter().map(|h| h.errors).sum(),
            errors_by_reason: tr.by_reason.clone(),
            stale_token_requests: tr.stale,
            hourly: tr.hourly.clone(),
            pending_transfers: pending,
            pending_transfer_sample: sample,
            log_dropped: counters.dropped,
            log_dropped_last_at: counters.dropped_last_at,
            guard,
            invitations: InvitationSummary {
                pending: inv.pending,
                retrying: inv.retrying,
                failed: inv.failed,
                sent: inv.sent,
            },
            mail_configured,
            webhooks: self.webhooks(tenant)?,
            findings: Vec::new(),
        };
        let mut findings = tenant_findings(&d, &tr);
        findings.extend(super::webhooks::findings(&d.webhooks));
        d.findings = ranked(findings);
        Ok(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(status: u16, reason: Option<&str>, note: Option<&str>) -> LogRecord {
        LogRecord {
            seq: 1,
            request_id: "r-1".into(),
            at: now(),
            tenant_id: Some("acme".into()),
            method: "PATCH".into(),
            path: "/scim/v2/acme/Users/x".into(),
            query: None,
            status,
            scim_type: None,
            reason: reason.map(Into::into),
            detail: Some("d".into()),
            user_id: None,
            user_email: None,
            group_id: None,
            token_fingerprint: None,
            token_note: note.map(Into::into),
            client_addr: None,
            user_agent: None,
            latency_us: 1,
            ignored_attributes: vec![],
            transfers: vec![],
            invitations: vec![],
            request_body: None,
        }
    }

    #[test]
    fn a_regenerated_token_is_told_apart_from_an_unknown_one() {
        let stale = request_findings(&rec(
            401,
            Some("invalid_token"),
            Some(&format!(
                "{NOTE_PREVIOUS_TOKEN}, replaced at 2026-01-01T00:00:00Z"
            )),
        ));
        assert_eq!(stale[0].code, "stale_token");
        let unknown = request_findings(&rec(
            401,
            Some("invalid_token"),
            Some("a token this server never issued"),
        ));
        assert_eq!(unknown[0].code, "invalid_token");
    }

    #[test]
    fn findings_rank_problems_first() {
        let v = ranked(vec![
            finding("a", Severity::Info, String::new(), None),
            finding("b", Severity::Problem, String::new(), None),
            finding("c", Severity::Warning, String::new(), None),
        ]);
        let codes: Vec<_> = v.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["b", "c", "a"]);
    }

    #[test]
    fn hours_are_bucketed_and_reasons_counted() {
        let start = now().replace_time(time::Time::MIDNIGHT);
        let stat = |h: i64, status: u16, reason: Option<&str>, stale: bool, count: u64| {
            super::super::store::LogStat {
                hour: start + Duration::hours(h),
                status,
                reason: reason.map(Into::into),
                stale_token: stale,
                count,
            }
        };
        let t = traffic(
            &[
                stat(0, 200, None, false, 5),
                stat(0, 401, Some("invalid_token"), true, 2),
                stat(23, 409, Some("uniqueness"), false, 3),
            ],
            start,
        );
        assert_eq!((t.hourly[0].requests, t.hourly[0].errors), (7, 2));
        assert_eq!((t.hourly[23].requests, t.hourly[23].errors), (3, 3));
        assert_eq!(t.stale, 2);
        assert_eq!(t.credential_failures, 2);
        assert_eq!(
            t.by_reason[0],
            ReasonCount {
                reason: "uniqueness".into(),
                count: 3
            }
        );
    }
}
