//! `scimctl scim enable|disable|status`

use clap::Subcommand;

use super::Ctx;
use crate::api::admin::{scim, url};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum ScimCmd {
    /// Turn SCIM provisioning on for the tenant
    Enable,
    /// Turn it off: every SCIM request gets 403 "Operation not permitted"
    Disable,
    /// Is SCIM on, the tenant URL, the token's age and use, member counts
    Status,
    /// The tenant's attribute policy
    #[command(subcommand)]
    Policy(PolicyCmd),
    /// The deprovisioning guard: hold an identity provider that deactivates too many users at once
    #[command(subcommand)]
    Guard(GuardCmd),
}

#[derive(Debug, Subcommand)]
pub enum GuardCmd {
    /// Its threshold, window, count and hold
    Show,
    /// Set the threshold (N users or P% of the IdP's users) and window, or turn it off
    Set {
        /// Deprovisionings allowed per window: a number (25) or a percentage (10%)
        #[arg(long, value_name = "N|P%")]
        max: Option<String>,
        /// The window they are counted in, e.g. 1h, 30m, 1d
        #[arg(long, value_name = "DURATION")]
        window: Option<String>,
        /// Turn the guard off (a hold in force ends)
        #[arg(long, conflicts_with_all = ["max", "window"])]
        off: bool,
    },
    /// Let the held deactivations and deletions through on the IdP's next retries
    Approve,
    /// Keep holding them: the identity provider's scope must be fixed
    Reject,
    /// End a hold without letting it through (after the IdP's scope is fixed)
    Reset,
}

fn guard_rows(g: &crate::engine::guard::GuardView) -> Vec<(&'static str, String)> {
    let window = crate::engine::guard::shown_window(g.window_secs);
    let mut rows = vec![
        ("guard", if g.enabled { "on" } else { "off" }.to_owned()),
        (
            "threshold",
            format!("{} within {window}", g.threshold.shown()),
        ),
        (
            "counted",
            format!(
                "{} deprovisioned in the window; held from {} (of {} IdP users)",
                g.counted, g.limit, g.idp_users
            ),
        ),
    ];
    let state = match (g.held, g.decision) {
        (true, Some(crate::engine::guard::Decision::Rejected)) => format!(
            "HELD since {}, rejected by {}: {} requests refused",
            g.held_since.map(crate::format::when).unwrap_or_default(),
            g.decided_by.as_deref().unwrap_or("?"),
            g.held_requests
        ),
        (true, _) => format!(
            "HELD since {}: {} requests refused; approve or reject",
            g.held_since.map(crate::format::when).unwrap_or_default(),
            g.held_requests
        ),
        (false, _) => match g.approved_until {
            Some(u) => format!(
                "approved by {} until {}",
                g.decided_by.as_deref().unwrap_or("?"),
                crate::format::when(u)
            ),
            None => "armed".to_owned(),
        },
    };
    rows.push(("state", state));
    rows
}

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Set it (only while the tenant has no members)
    Set {
        #[arg(value_enum)]
        policy: super::tenant::PolicyArg,
    },
}

pub fn run(cmd: ScimCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let backend = ctx.backend()?;
    match cmd {
        ScimCmd::Enable | ScimCmd::Disable => {
            let on = matches!(cmd, ScimCmd::Enable);
            let tenant = t.id.clone();
            let s = match on {
                true => backend.call(scim::Enable { tenant })?,
                false => backend.call(scim::Disable { tenant })?,
            };
            if ctx.out.is_json() {
                ctx.out.json(&s)?;
            } else {
                let state = if on { "enabled" } else { "disabled" };
                let msg = if s.changed {
                    format!("SCIM provisioning {state} for tenant \"{}\".", t.name)
                } else {
                    format!(
                        "SCIM provisioning was already {state} for tenant \"{}\".",
                        t.name
                    )
                };
                ctx.out.note(&msg);
                if on && s.changed {
                    ctx.out.note(&format!(
                        "Tenant URL: {}  (next: 'scimctl token generate')",
                        backend
                            .call(url::Url {
                                tenant: t.id.clone()
                            })?
                            .tenant_url
                    ));
                }
            }
        }
        ScimCmd::Policy(PolicyCmd::Set { policy }) => {
            let set = backend.call(scim::SetPolicy {
                tenant: t.id.clone(),
                policy: policy.into(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&set)?;
            } else {
                ctx.out.note(&format!(
                    "Tenant \"{}\" now uses the {} attribute policy.",
                    t.name,
                    set.policy.as_str()
                ));
            }
        }
        ScimCmd::Guard(g) => {
            let tenant = t.id.clone();
            let view = match g {
                GuardCmd::Show => backend.call(scim::GuardShow { tenant })?,
                GuardCmd::Set { max, window, off } => backend.call(scim::GuardSet {
                    tenant,
                    max,
                    window,
                    off,
                })?,
                GuardCmd::Approve => backend.call(scim::GuardApprove { tenant })?,
                GuardCmd::Reject => backend.call(scim::GuardReject { tenant })?,
                GuardCmd::Reset => backend.call(scim::GuardReset { tenant })?,
            };
            if ctx.out.is_json() {
                ctx.out.json(&view)?;
            } else {
                ctx.out.fields(guard_rows(&view))?;
            }
        }
        ScimCmd::Status => {
            let s = backend.call(scim::Status {
                tenant: t.id.clone(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&s)?;
            } else {
                let mut rows = vec![
                    ("tenant", format!("{} ({})", s.tenant_name, s.tenant_id)),
                    (
                        "scim",
                        if s.scim_enabled {
                            "enabled"
                        } else {
                            "disabled"
                        }
                        .to_owned(),
                    ),
                    ("policy", s.policy.as_str().to_owned()),
                    ("tenant url", s.tenant_url.clone()),
                ];
                rows.extend(super::token::token_rows(s.token.as_ref()));
                rows.push((
                    "members",
                    format!(
                        "{} (idp {}, tenant {}, self {})",
                        s.members.total, s.members.idp, s.members.tenant, s.members.self_managed
                    ),
                ));
                rows.push(("store", format!("{} {}", s.store.kind, s.store.location)));
                ctx.out.fields(rows)?;
                if !s.scim_enabled {
                    ctx.out
                        .note("SCIM is disabled: turn it on with 'scimctl scim enable'.");
                }
                if let Some(w) = &s.token_warning {
                    ctx.out.warn(w);
                }
            }
        }
    }
    Ok(())
}
