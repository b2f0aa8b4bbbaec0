//! `scimctl token generate|regenerate|revoke|status|verify`
//!
//! A new token is printed exactly once: in table mode as the only line on
//! stdout (everything else on stderr), so `TOKEN=$(scimctl token generate)`
//! works; with `--output json` as one object. It is never logged or stored.

use clap::{Args, Subcommand};

use super::Ctx;
use super::args::TokenInput;
use crate::api::admin::token;
use crate::credentials::{Account, Keyring, SecretStore};
use crate::engine::EngineError;
use crate::engine::tokens::{IssuedTokenView, TokenInfo};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum TokenCmd {
    /// Generate the tenant's secret token (refused when one exists)
    Generate(GenerateArgs),
    /// Replace the token: the old one stops working when this returns
    /// (or when --grace ends)
    Regenerate(RegenerateArgs),
    /// Revoke the token: SCIM requests are refused until a new one is generated
    Revoke(RevokeArgs),
    /// The token's fingerprint, age and last use (never the secret)
    Status,
    /// Check whether a token is the tenant's current one (read from stdin or env)
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    pub keyring: SaveArgs,
}

#[derive(Debug, Args)]
pub struct SaveArgs {
    /// Also store the new token in the OS keyring, for 'test-connection'
    /// without --token-stdin/--token-env
    #[arg(long)]
    pub save_to_keyring: bool,
}

#[derive(Debug, Args)]
pub struct RegenerateArgs {
    #[command(flatten)]
    pub keyring: SaveArgs,
    /// Keep the old token valid this long (e.g. 15m, 1h, 2d; at most 30d),
    /// for zero-downtime rotation; end it early with 'token revoke --previous'
    #[arg(long, value_name = "DURATION", value_parser = super::args::parse_duration)]
    pub grace: Option<std::time::Duration>,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// End only the previous token's grace period (after a rotation with
    /// --grace), once the identity provider uses the new token
    #[arg(long)]
    pub previous: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub input: TokenInput,
}

/// Table rows describing a token, shared by `token status` and `scim status`.
pub(crate) fn token_rows(t: Option<&TokenInfo>) -> Vec<(&'static str, String)> {
    let Some(t) = t else {
        return vec![(
            "token",
            "none (generate one with 'scimctl token generate')".into(),
        )];
    };
    vec![
        ("token", t.fingerprint.clone()),
        (
            "token created",
            format!(
                "{} ({} days ago)",
                crate::format::when(t.created_at),
                t.age_days
            ),
        ),
        (
            "token last used",
            match (&t.last_used_at, &t.last_used_from) {
                (Some(at), Some(from)) => format!("{} from {from}", crate::format::when(*at)),
                (Some(at), None) => crate::format::when(*at),
                _ => "never".into(),
            },
        ),
    ]
}

/// Hands a new token to the user, once; with `save`, also to the OS
/// keyring under its tenant URL (after printing it, so a keyring failure
/// never loses the token).
fn deliver(issued: &IssuedTokenView, ctx: &Ctx, verb: &str, save: bool) -> Result<(), CliError> {
    let url = &issued.tenant_url;
    if ctx.out.is_json() {
        ctx.out.json(issued)?;
        return save_token(issued, ctx, save);
    }
    ctx.out.line(issued.token.expose())?;
    match (&issued.replaced_fingerprint, issued.replaced_valid_until) {
        (Some(old), Some(until)) => ctx.out.note(&format!(
            "The previous token ({old}) keeps working until {}: update the identity provider, then end it with 'scimctl token revoke --previous'.",
            crate::format::when(until)
        )),
        (Some(old), None) => ctx.out.note(&format!(
            "The previous token ({old}) no longer works: update the identity provider now."
        )),
        _ => {}
    }
    let kept = if save {
        "it will not be shown again"
    } else {
        "it is not stored and will not be shown again"
    };
    ctx.out.note(&format!(
        "{verb} token {} for tenant URL {url}. Copy it now: {kept}.",
        issued.fingerprint,
    ));
    save_token(issued, ctx, save)
}

fn save_token(issued: &IssuedTokenView, ctx: &Ctx, save: bool) -> Result<(), CliError> {
    if !save {
        return Ok(());
    }
    let url = &issued.tenant_url;
    Keyring::open()?.set(&Account::ScimToken(url.clone()), &issued.token)?;
    ctx.out.note(&format!(
        "Stored it in the OS keyring for {url}: 'scimctl test-connection' uses it."
    ));
    Ok(())
}

pub fn run(cmd: TokenCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let backend = ctx.backend()?;
    match cmd {
        TokenCmd::Generate(a) => deliver(
            &backend.call(token::Generate {
                tenant: t.id.clone(),
            })?,
            ctx,
            "Generated",
            a.keyring.save_to_keyring,
        )?,
        TokenCmd::Regenerate(a) => {
            let grace = match a.grace {
                Some(g) => Some(
                    time::Duration::try_from(g)
                        .map_err(|_| CliError::Usage("--grace is too long a duration".into()))?,
                ),
                None => None,
            };
            let issued = backend.call(token::Regenerate::new(&t.id, grace))?;
            deliver(&issued, ctx, "Regenerated", a.keyring.save_to_keyring)?
        }
        TokenCmd::Revoke(a) => {
            let r = backend.call(token::Revoke {
                tenant: t.id.clone(),
                previous: a.previous,
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&r)?;
            } else if a.previous {
                ctx.out.note(&format!(
                    "Revoked the previous token {} of tenant \"{}\"; only the current token works now.",
                    r.revoked.join(", "),
                    t.name
                ));
            } else {
                ctx.out.note(&format!(
                    "Revoked token {} of tenant \"{}\". SCIM requests get 401 until 'scimctl token generate'.",
                    r.revoked.join(", "),
                    t.name
                ));
            }
        }
        TokenCmd::Status => {
            let s = backend.call(token::Status {
                tenant: t.id.clone(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&s)?;
            } else {
                let mut rows = vec![("tenant", format!("{} ({})", t.name, t.id))];
                rows.extend(token_rows(s.token.as_ref()));
                if let Some(p) = &s.previous {
                    rows.push((
                        "previous token",
                        format!(
                            "{}, accepted until {} (end it with 'scimctl token revoke --previous')",
                            p.fingerprint,
                            p.grace_until.map(crate::format::when).unwrap_or_default()
                        ),
                    ));
                }
                ctx.out.fields(rows)?;
                if let Some(w) = &s.warning {
                    ctx.out.warn(w);
                }
            }
        }
        TokenCmd::Verify(a) => {
            if a.input.token_stdin {
                ctx.stdin_free("--token-stdin")?;
            }
            let presented = a.input.read()?;
            let check = backend.call(token::Verify::new(&t.id, &presented))?;
            if ctx.out.is_json() {
                ctx.out.json(&check)?;
            } else if check.valid {
                ctx.out.note(&format!(
                    "Token {} is tenant \"{}\"'s current token.",
                    check.fingerprint, t.name
                ));
            }
            if !check.valid {
                let detail = match (check.state, check.ended_at) {
                    (Some(state), Some(at)) => format!(
                        " (it is a {} token of this tenant, ended {})",
                        state.as_str(),
                        crate::format::when(at)
                    ),
                    _ => format!(" (fingerprint {} is unknown here)", check.fingerprint),
                };
                return Err(EngineError::TokenRejected {
                    tenant: t.name,
                    detail,
                }
                .into());
            }
        }
    }
    Ok(())
}
