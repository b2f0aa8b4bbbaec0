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
