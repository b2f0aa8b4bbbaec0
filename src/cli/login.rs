//! `scimctl login` and `scimctl logout`: an admin key for a remote
//! `scimctl serve`, checked against its admin API and kept in the OS
//! keyring; the profile (server, scoped tenant, CA file) goes into the
//! config file, never the key.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::config::{Profile, Source, check_base_url};
use crate::credentials::profiles::{forget_profile, save_profile};
use crate::credentials::{
    Account, CredentialError, KeyRequest, Keyring, SecretStore, resolve_admin_key, server,
};
use crate::engine::tokens::Secret;
use crate::error::CliError;

// The server comes from the global `--server`/`SCIMCTL_SERVER` (else the
// profile's), the key from `SCIMCTL_ADMIN_KEY`, `--admin-key-stdin`, or a
// prompt without echo.
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Also trust the certificates in this PEM file (a private CA);
    /// remembered in the profile
    #[arg(long, value_name = "PATH")]
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Also remove the profile from the config file
    #[arg(long)]
    pub forget: bool,
}

/// `login --output json`.
#[derive(Debug, Serialize)]
pub struct LoginResult {
    pub profile: String,
    pub server: String,
    /// The tenant the key is scoped to; null for an operator key.
    pub tenant: Option<String>,
    pub tenants: usize,
    pub config_file: String,
}

pub fn login(a: LoginArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    let name = ctx.config.profile.value.clone();
    let existing = ctx.config.current_profile().cloned();
    let given = match ctx.config.server.source {
        Source::Flag(_) | Source::Env(_) => ctx.config.server.value.clone(),
        _ => None,
    };
    let raw = match (given, &existing) {
        (Some(s), _) => s,
        (None, Some(p)) => p.server.clone(),
        (None, None) => {
            return Err(CliError::Usage(format!(
                "profile \"{name}\" has no server yet: give --server URL (e.g. https://scim.example.com)"
            )));
        }
    };
    let server_url = check_base_url("--server", &raw).map_err(CliError::Usage)?;
    // Before the key is read, and before any connection.
    let url = server::check_transport(&server_url).map_err(CliError::Usage)?;
    let ca_file = match a.ca_file {
        Some(p) => Some(std::path::absolute(&p).unwrap_or(p)),
        None => existing.and_then(|p| p.ca_file),
    };
    let http = crate::net::client(ca_file.as_deref()).map_err(CliError::Usage)?;

    let key = match resolve_admin_key(&KeyRequest {
        profile: &name,
        stdin: ctx.admin_key_stdin,
        store: None,
    })? {
        Some(k) => k.key,
        None => prompt(&server_url)?,
    };

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let verified = runtime.block_on(server::verify(&http, &url, &key))?;

    Keyring::open()?.set(&Account::AdminKey(name.clone()), &key)?;
    let profile = Profile {
        server: server_url.clone(),
        tenant: verified.scoped_to.clone(),
        ca_file,
    };
    let path = ctx.config.config_file.value.clone();
    save_profile(&path, &name, &profile, true)?;

    let result = LoginResult {
        profile: name,
        server: server_url,
        tenant: verified.scoped_to,
        tenants: verified.tenants.len(),
        config_file: path.display().to_string(),
    };
    if ctx.out.is_json() {
        ctx.out.json(&result)?;
    } else {
        let scope = match &result.tenant {
            Some(t) => format!("a key scoped to tenant {t}"),
            None if result.tenants == 1 => "an operator key (1 tenant)".to_owned(),
            None => format!("an operator key ({} tenants)", result.tenants),
        };
        ctx.out.note(&format!(
            "Logged in to {} with {scope}: the key is in the OS keyring, profile \"{}\" in {}.",
            result.server, result.profile, result.config_file
        ));
    }
    Ok(())
}

/// Asks for the key on the terminal, without echo.
fn prompt(server: &str) -> Result<Secret, CliError> {
    let raw = rpassword::prompt_password(format!("Admin key for {server}: ")).map_err(|e| {
        CredentialError::EmptyKey(format!("there is no terminal to prompt on ({e})"))
    })?;
    let raw = Secret::new(raw);
    Ok(crate::credentials::one_line(raw.expose(), "the prompt")?)
}

pub fn logout(a: LogoutArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    let name = ctx.config.profile.value.clone();
    let deleted = Keyring::open()?.delete(&Account::AdminKey(name.clone()))?;
    let forgot = if a.forget {
        forget_profile(&ctx.config.config_file.value, &name)?
    } else {
        false
    };
    if deleted {
        ctx.out.note(&format!(
            "Removed the admin key of profile \"{name}\" from the OS keyring."
        ));
    } else {
        ctx.out.note(&format!(
            "The OS keyring had no admin key for profile \"{name}\"."
        ));
    }
    if forgot {
        ctx.out.note(&format!(
            "Removed profile \"{name}\" from {}.",
            ctx.config.config_file.value.display()
        ));
    }
    Ok(())
}
