//! Argument groups shared by several commands.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use clap::Args;

use crate::engine::tokens::Secret;
use crate::error::CliError;
use crate::output::OutputFormat;

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the
    /// password in PGPASSWORD or ~/.pgpass [default:
    /// $XDG_DATA_HOME/scimctl/scimctl.db]
    #[arg(
        long,
        global = true,
        env = "SCIMCTL_STORE",
        hide_env_values = true,
        value_name = "PATH|URL"
    )]
    pub store: Option<PathBuf>,
    /// Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]
    #[arg(
        long,
        global = true,
        env = "SCIMCTL_CONFIG",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub config: Option<PathBuf>,
    /// Tenant to act on, by id or name (default: the only tenant)
    #[arg(
        long,
        global = true,
        env = "SCIMCTL_TENANT",
        hide_env_values = true,
        value_name = "ID|NAME"
    )]
    pub tenant: Option<String>,
    /// Profile for remote administration, as 'scimctl login' wrote it
    /// [default: default_profile in the config file, else "default"]
    #[arg(
        long,
        global = true,
        env = "SCIMCTL_PROFILE",
        hide_env_values = true,
        value_name = "NAME"
    )]
    pub profile: Option<String>,
    /// Administer a remote 'scimctl serve' through its admin API instead of
    /// the local store, e.g. https://scim.example.com [default: the
    /// profile's server, see 'scimctl login']
    #[arg(
        long,
        global = true,
        env = "SCIMCTL_SERVER",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub server: Option<String>,
    /// Read the remote server's admin key from standard input (first
    /// line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last
    #[arg(long, global = true)]
    pub admin_key_stdin: bool,
    /// Output format: tables for people, stable JSON for scripts
    #[arg(
        long,
        global = true,
        env = "SCIMCTL_OUTPUT",
        hide_env_values = true,
        value_enum
    )]
    pub output: Option<OutputFormat>,
    /// Print only data and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// No colour (also NO_COLOR)
    #[arg(long, global = true)]
    pub no_color: bool,
}

/// Where a secret token is read from: never from a plain argument.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct TokenInput {
    /// Read the token from standard input (first line)
    #[arg(long)]
    pub token_stdin: bool,
    /// Read the token from this environment variable
    #[arg(long, value_name = "VAR")]
    pub token_env: Option<String>,
}

/// [`TokenInput`] where the token may also come from the OS keyring
/// (`test-connection`, after `token generate --save-to-keyring`).
#[derive(Debug, Args)]
#[group(required = false, multiple = false)]
pub struct TokenInputOrKeyring {
    /// Read the token from standard input (first line) [default: the OS
    /// keyring entry 'token generate|regenerate --save-to-keyring' wrote]
    #[arg(long)]
    pub token_stdin: bool,
    /// Read the token from this environment variable
    #[arg(long, value_name = "VAR")]
    pub token_env: Option<String>,
}

impl TokenInputOrKeyring {
    /// The explicit source, if one was given.
    pub fn given(&self) -> Option<TokenInput> {
        (self.token_stdin || self.token_env.is_some()).then(|| TokenInput {
            token_stdin: self.token_stdin,
            token_env: self.token_env.clone(),
        })
    }
}

impl TokenInput {
    pub fn read(&self) -> Result<Secret, CliError> {
        let raw = if let Some(var) = &self.token_env {
            std::env::var(var).map_err(|_| {
                CliError::Usage(format!(
                    "the environment variable {var} is not set; export the token in it, or use --token-stdin"
                ))
            })?
        } else {
            let mut stdin = std::io::stdin();
            if stdin.is_terminal() {
                return Err(CliError::Usage(
                    "--token-stdin reads a piped token; pipe it in (e.g. from a secret store), or use --token-env VAR".into(),
                ));
            }
            let mut buf = String::new();
            stdin.read_to_string(&mut buf)?;
            let line = buf.lines().next().unwrap_or("").to_owned();
            zeroize::Zeroize::zeroize(&mut buf);
            line
        };
        let token = raw.trim().to_owned();
        if token.is_empty() {
            return Err(CliError::Usage(
                "no token was given: the input was empty".into(),
            ));
        }
        Ok(Secret::new(token))
    }
}

/// A duration such as 30s, 15m, 2h or 7d (`log --since`, `token regenerate --grace`).
pub fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    humantime::parse_duration(s.trim())
        .map_err(|e| format!("{e}; write a duration such as 30s, 15m, 2h or 7d"))
}
