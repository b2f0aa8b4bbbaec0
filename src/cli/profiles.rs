//! `scimctl profiles list`: the remote servers of the config file, and
//! which admin key each would use (never the key itself).

use clap::Subcommand;
use serde::Serialize;

use super::Ctx;
use crate::credentials::{CredentialError, KeyRequest, KeySource, Keyring, resolve_admin_key};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum ProfilesCmd {
    /// List the profiles: server, tenant, whether the keyring holds a key,
    /// and the default
    List,
}

/// One row of `profiles list --output json`.
#[derive(Debug, Serialize)]
pub struct ProfileRow {
    pub name: String,
    pub server: String,
    pub tenant: Option<String>,
    pub ca_file: Option<String>,
    /// Whether the OS keyring holds its admin key; null when the keyring
    /// cannot be used here.
    pub in_keyring: Option<bool>,
    /// Where a command would take the key from now: env, keyring or none.
    pub key_source: Option<KeySource>,
    /// The profile used without --profile.
    pub default: bool,
}

pub fn run(cmd: ProfilesCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    match cmd {
        ProfilesCmd::List => list(ctx),
    }
}

fn list(ctx: &mut Ctx) -> Result<(), CliError> {
    let keyring = Keyring::open();
    let mut trouble: Option<CredentialError> = None;
    let mut rows = Vec::new();
    for (name, p) in &ctx.config.profiles {
        // The same resolution a remote command makes (stdin aside: a list
        // does not read it).
        let (in_keyring, key_source) = match &keyring {
            Ok(k) => match resolve_admin_key(&KeyRequest {
                profile: name,
                stdin: false,
                store: Some(k),
            }) {
                Ok(Some(got)) => {
                    let stored = match got.source {
                        KeySource::Keyring => Some(true),
                        _ => keyring_has(k, name, &mut trouble),
                    };
                    (stored, Some(got.source))
                }
                Ok(None) | Err(CredentialError::NoAdminKey { .. }) => (Some(false), None),
                Err(e) => {
                    trouble = Some(e);
                    (None, None)
                }
            },
            Err(_) => (None, None),
        };
        rows.push(ProfileRow {
            name: name.clone(),
            server: p.server.clone(),
            tenant: p.tenant.clone(),
            ca_file: p.ca_file.as_ref().map(|f| f.display().to_string()),
            in_keyring,
            key_source,
            default: *name == ctx.config.profile.value,
        });
    }
    if let Err(e) = keyring {
        trouble = Some(e);
    }
    if ctx.out.is_json() {
        ctx.out.json(&rows)?;
    } else if rows.is_empty() {
        ctx.out.note(&format!(
            "No profiles in {}: 'scimctl login --server URL' creates one.",
            ctx.config.config_file.value.display()
        ));
    } else {
        let table = rows
            .into_iter()
            .map(|r| {
                vec![
                    if r.default {
                        format!("{} *", r.name)
                    } else {
                        r.name
                    },
                    r.server,
                    r.tenant.unwrap_or_else(|| "(any: operator key)".into()),
                    match r.in_keyring {
                        Some(b) => crate::format::yes_no(b),
                        None => "unknown".into(),
                    },
                    r.key_source.map_or("none", KeySource::as_str).to_owned(),
                ]
            })
            .collect();
        ctx.out.table(
            &["PROFILE", "SERVER", "TENANT", "IN KEYRING", "KEY FROM"],
            table,
        )?;
    }
    if let Some(e) = trouble {
        ctx.out.warn(&format!("{e}; {}", e.hint()));
    }
    Ok(())
}

/// Whether the keyring holds the profile's key even though another source
/// (the environment) wins.
fn keyring_has(k: &Keyring, name: &str, trouble: &mut Option<CredentialError>) -> Option<bool> {
    use crate::credentials::{Account, SecretStore};
    match k.get(&Account::AdminKey(name.to_owned())) {
        Ok(v) => Some(v.is_some()),
        Err(e) => {
            *trouble = Some(e);
            None
        }
    }
}
