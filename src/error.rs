//! The CLI's errors and its one exit-code table (documented in README.md and
//! produced, code by code, by `tests/it/cli_errors.rs`).

use std::io;

use crate::backend::{BackendError, RemoteError};
use crate::config::ConfigError;
use crate::credentials::CredentialError;
use crate::engine::{EngineError, ErrorKind, StoreError};

/// Exit codes. Stable: scripts and CI jobs branch on them.
pub mod exit {
    pub const OK: u8 = 0;
    /// Unexpected failure: a bug, or stdout could not be written.
    pub const INTERNAL: u8 = 1;
    /// Bad command line: unknown option, missing argument, no tenant chosen.
    pub const USAGE: u8 = 2;
    /// The config file or a `SCIMCTL_*` setting is invalid.
    pub const CONFIG: u8 = 3;
    /// A credential was missing or did not verify.
    pub const AUTH: u8 = 4;
    /// A tenant, user, group, property or token does not exist.
    pub const NOT_FOUND: u8 = 5;
    /// It already exists (tenant, token, member, group, property).
    pub const CONFLICT: u8 = 6;
    /// The store cannot be used: unwritable, not a database, newer schema, busy.
    pub const STORE: u8 = 7;
    /// A value breaks a rule (invalid email, invalid id).
    pub const INVALID: u8 = 8;
    /// A product rule refuses the operation (managed by another tenant's IdP).
    pub const FORBIDDEN: u8 = 9;
    /// The command ran, and what it checked is not right: a failed
    /// `test-connection` step, a `mapping check` with a required mapping missing.
    pub const CHECK_FAILED: u8 = 10;

    /// The exit code of an engine error's kind, whether the engine ran here
    /// or behind a server's admin API (whose errors carry the kind).
    pub fn of(kind: super::ErrorKind) -> u8 {
        use super::ErrorKind as K;
        match kind {
            K::Invalid => INVALID,
            K::Unauthorized => AUTH,
            K::Forbidden => FORBIDDEN,
            K::NotFound | K::Gone => NOT_FOUND,
            K::Conflict | K::PreconditionFailed => CONFLICT,
            K::StoreUnavailable => STORE,
            K::Internal => INTERNAL,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Remote(#[from] RemoteError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Credential(#[from] CredentialError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
    /// The report is already on stdout; this carries the one-line summary
    /// for stderr and the fix.
    #[error("{what}")]
    CheckFailed { what: String, hint: Option<String> },
}

impl From<BackendError> for CliError {
    fn from(e: BackendError) -> CliError {
        match e {
            BackendError::Engine(e) => CliError::Engine(e),
            BackendError::Remote(e) => CliError::Remote(e),
        }
    }
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => exit::USAGE,
            CliError::Config(_) => exit::CONFIG,
            // A server that could not check the key is a failed check.
            CliError::Credential(CredentialError::ServerFailed { .. }) => exit::CHECK_FAILED,
            CliError::Credential(_) => exit::AUTH,
            CliError::Remote(RemoteError::Api { kind, .. }) => exit::of(*kind),
            CliError::Remote(RemoteError::Setup(_)) => exit::USAGE,
            CliError::Remote(RemoteError::Unreachable { .. }) => exit::STORE,
            CliError::Remote(RemoteError::BadAnswer { .. }) => exit::INTERNAL,
            CliError::Output(_) => exit::INTERNAL,
            CliError::CheckFailed { .. } => exit::CHECK_FAILED,
            CliError::Engine(EngineError::TenantNotChosen { .. }) => exit::USAGE,
            // A store URL is a setting; a refused login is a credential.
            CliError::Engine(EngineError::Store(StoreError::BadUrl { .. })) => exit::CONFIG,
            CliError::Engine(EngineError::Store(StoreError::LoginRefused { .. })) => exit::AUTH,
            CliError::Engine(e) => exit::of(e.kind()),
        }
    }

    /// A broken pipe on stdout (`scimctl … | head`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// What to do next, in the CLI's terms.
    pub fn hint(&self) -> Option<String> {
        let h = match self {
            CliError::Usage(_) => return None,
            CliError::CheckFailed { hint, .. } => return hint.clone(),
            CliError::Remote(e) => return e.hint(),
            CliError::Credential(e) => e.hint(),
            // `config show` itself fails until the value is fixed.
            CliError::Config(_) => {
                "fix that value; then 'scimctl config show' lists every setting and where it comes from"
            }
            CliError::Output(_) => "check that stdout is writable (disk full? closed pipe?)",
            CliError::Engine(e) => return e.hint().map(str::to_owned),
        };
        Some(h.to_owned())
    }

    /// The one line printed on stderr.
    pub fn render(&self) -> String {
        match self.hint() {
            Some(h) => format!("error: {self}; {h}"),
            None => format!("error: {self}"),
        }
    }
}
