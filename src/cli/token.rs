//! `scimctl token generate|regenerate|revoke|status|verify`
//!
//! A new token is printed exactly once: in table mode as the only line on
//! stdout (everything else on stderr), so `TOKEN=$(scimctl token generate)`
//! works; with `--output json` as one object. It is never logged or stored.

use clap::{Args, Subcommand};

use super::Ctx;
use super::args::TokenInput;
use crate::credentials::{Account, Keyring, SecretStore};
use crate::engine::tokens::{IssuedToken, TokenInfo};
use crate::engine::views::RevokedTokens;
use crate::engine::{EngineError, tenant_url};
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
            format!("{} ({} days ago)", super::when(t.created_at), t.age_days),
        ),
        (
            "token last used",
            match (&t.last_used_at, &t.last_used_from) {
                (Some(at), Some(from)) => format!("{} from {from}", super::when(*at)),
                (Some(at), None) => super::when(*at),
                _ => "never".into(),
            },
        ),
    ]
}

/// Hands a new token to the user, once; with `save`, also to the OS
/// keyring under its tenant URL (after printing it, so a keyring failure
/// never loses the token).
fn deliver(issued: &IssuedToken, ctx: &Ctx, verb: &str, save: bool) -> Result<(), CliError> {
    let url = tenant_url(ctx.public_url(), &issued.record.tenant_id);
    if ctx.out.is_json() {
        ctx.out.json(&issued.json(ctx.public_url()))?;
        return save_token(issued, &url, ctx, save);
    }
    ctx.out.line(issued.token.expose())?;
    match (&issued.replaced, issued.previous_until) {
        (Some(old), Some(until)) => ctx.out.note(&format!(
            "The previous token ({old}) keeps working until {}: update the identity provider, then end it with 'scimctl token revoke --previous'.",
            super::when(until)
        )),
        (Some(old), None) => ctx.out.note(&format!(
            "The previous token ({old}) no longer works: update the identity provider now."
        )),
        _ => {}
    }
    if save {
        ctx.out.note(&format!(
            "{verb} token {} for tenant URL {url}. Copy it now: it will not be shown again.",
            issued.record.fingerprint,
        ));
    } else {
        ctx.out.note(&format!(
            "{verb} token {} for tenant URL {url}. Copy it now: it is not stored and will not be shown again.",
            issued.record.fingerprint,
        ));
    }
    save_token(issued, &url, ctx, save)
}

fn save_token(issued: &IssuedToken, url: &str, ctx: &Ctx, save: bool) -> Result<(), CliError> {
    if !save {
        return Ok(());
    }
    Keyring::open()?.set(&Account::ScimToken(url.to_owned()), &issued.token)?;
    ctx.out.note(&format!(
        "Stored it in the OS keyring for {url}: 'scimctl test-connection' uses it."
    ));
    Ok(())
}

pub fn run(cmd: TokenCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    let t = ctx.tenant()?;
    let engine = ctx.engine()?.clone();
    match cmd {
        TokenCmd::Generate(a) => deliver(
            &engine.generate_token(&t)?,
            ctx,
            "Generated",
            a.keyring.save_to_keyring,
        )?,
        TokenCmd::Regenerate(a) => {
            let issued = match a.grace {
                Some(g) => {
                    let g = time::Duration::try_from(g)
                        .map_err(|_| CliError::Usage("--grace is too long a duration".into()))?;
                    engine.regenerate_token_with_grace(&t, g)?
                }
                None => engine.regenerate_token(&t)?,
            };
            deliver(&issued, ctx, "Regenerated", a.keyring.save_to_keyring)?
        }
        TokenCmd::Revoke(a) if a.previous => {
            let fp = engine.revoke_previous_token(&t)?;
            if ctx.out.is_json() {
                ctx.out.json(&RevokedTokens {
                    tenant_id: t.id,
                    revoked: vec![fp],
                })?;
            } else {
                ctx.out.note(&format!(
                    "Revoked the previous token {fp} of tenant \"{}\"; only the current token works now.",
                    t.name
                ));
            }
        }
        TokenCmd::Revoke(_) => {
            let revoked = engine.revoke_token(&t)?;
            if ctx.out.is_json() {
                ctx.out.json(&RevokedTokens {
                    tenant_id: t.id,
                    revoked,
                })?;
            } else {
                ctx.out.note(&format!(
                    "Revoked token {} of tenant \"{}\". SCIM requests get 401 until 'scimctl token generate'.",
                    revoked.join(", "),
                    t.name
                ));
            }
        }
        TokenCmd::Status => {
            let s = engine.token_status(&t, ctx.config.token_max_age_days.value)?;
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
                            p.grace_until.map(super::when).unwrap_or_default()
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
            let presented = a.input.read()?;
            let check = engine.verify_token(&t, &presented)?;
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
                        super::when(at)
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
