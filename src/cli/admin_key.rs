//! `scimctl admin-key create|list|revoke`: the keys of the admin API
//! (`scimctl serve` under /admin/v1). Run on the server host, against its
//! store. A new key is printed exactly once, like `token generate`: in
//! table mode as the only line on stdout, with `--output json` as one object.

use clap::{Args, Subcommand};

use super::Ctx;
use crate::config::Source;
use crate::error::CliError;
use crate::format::when;

#[derive(Debug, Subcommand)]
pub enum AdminKeyCmd {
    /// Create an admin key: an operator key, or with --tenant one scoped to
    /// that tenant (only the --tenant flag scopes a key, never
    /// SCIMCTL_TENANT or the config file)
    Create(CreateArgs),
    /// List the admin keys: name, scope, fingerprint, use (never the key)
    List,
    /// Revoke an admin key: its next request is refused
    Revoke(RevokeArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// A name for the key, unique (e.g. the person or the CI job using it)
    pub name: String,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// The key's name
    pub name: String,
}

pub fn run(cmd: AdminKeyCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let engine = ctx.engine()?.clone();
    match cmd {
        AdminKeyCmd::Create(a) => {
            // A default tenant from the environment or the config file must
            // not silently narrow (or widen) what a new key may do.
            let scope = match (&ctx.config.tenant.value, &ctx.config.tenant.source) {
                (Some(key), Source::Flag(_)) => Some(engine.resolve_tenant(Some(key))?),
                _ => None,
            };
            let issued = engine.create_admin_key(&a.name, scope.as_ref())?;
            if ctx.out.is_json() {
                ctx.out.json(&issued.json())?;
                return Ok(());
            }
            ctx.out.line(issued.key.expose())?;
            let what = match &scope {
                Some(t) => format!("scoped to tenant \"{}\" ({})", t.name, t.id),
                None => "an operator key (every tenant)".into(),
            };
            ctx.out.note(&format!(
                "Created admin key \"{}\" ({}), {what}. Copy it now: it is not stored and will not be shown again.",
                issued.info.name, issued.info.fingerprint
            ));
        }
        AdminKeyCmd::List => {
            let keys = engine.admin_keys()?;
            if ctx.out.is_json() {
                ctx.out.json(&keys)?;
            } else if keys.is_empty() {
                ctx.out
                    .note("No admin keys yet. Create one with 'scimctl admin-key create NAME'.");
            } else {
                let rows = keys
                    .into_iter()
                    .map(|k| {
                        vec![
                            k.name,
                            k.tenant_id.unwrap_or_else(|| "(operator)".into()),
                            k.fingerprint,
                            when(k.created_at),
                            k.last_used_at.map(when).unwrap_or_else(|| "never".into()),
                            k.revoked_at.map(when).unwrap_or_else(|| "-".into()),
                        ]
                    })
                    .collect();
                ctx.out.table(
                    &[
                        "NAME",
                        "TENANT",
                        "FINGERPRINT",
                        "CREATED",
                        "LAST USED",
                        "REVOKED",
                    ],
                    rows,
                )?;
            }
        }
        AdminKeyCmd::Revoke(a) => {
            let k = engine.revoke_admin_key(&a.name)?;
            if ctx.out.is_json() {
                ctx.out.json(&k)?;
            } else {
                ctx.out.note(&format!(
                    "Revoked admin key \"{}\" ({}): the admin API refuses it from now on.",
                    k.name, k.fingerprint
                ));
            }
        }
    }
    Ok(())
}
