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
            CliError::Credential(e) => e.exit_code(),
            CliError::Remote(e) => e.exit_code(),
            CliError::Output(_) => exit::INTERNAL,
            CliError::CheckFailed { .. } => exit::CHECK_FAILED,
            CliError::Engine(EngineError::TenantNotChosen { .. }) => exit::USAGE,
            CliError::Engine(e) => match e.kind() {
                ErrorKind::Invalid => exit::INVALID,
                ErrorKind::Unauthorized => exit::AUTH,
                ErrorKind::Forbidden => exit::FORBIDDEN,
                ErrorKind::NotFound => exit::NOT_FOUND,
                ErrorKind::Conflict | ErrorKind::PreconditionFailed => exit::CONFLICT,
                ErrorKind::StoreUnavailable => exit::STORE,
                ErrorKind::Internal => exit::INTERNAL,
            },
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
            CliError::Engine(e) => return engine_hint(e).map(str::to_owned),
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

/// What to do about an engine error, in the CLI's terms. One source for
/// both faces: the CLI prints it after the message, the admin API returns
/// it as `hint`, so a remote command says exactly what a local one does.
pub fn engine_hint(e: &EngineError) -> Option<&'static str> {
    use EngineError as E;
    let h = match e {
        E::TenantNotFound(_) => "list the tenants with 'scimctl tenant list'",
        E::NoTenants => "create one with 'scimctl tenant create NAME'",
        E::TenantNotChosen { .. } => {
            "choose one with --tenant ID|NAME or SCIMCTL_TENANT ('scimctl tenant list' shows them)"
        }
        E::TenantExists { .. } => "choose another name or id, or see 'scimctl tenant list'",
        E::InvalidTenantId(_) | E::InvalidTenantName(_) => return None,
        E::PolicyLocked { .. } => {
            "create a new tenant with 'scimctl tenant create NAME --policy ...' instead"
        }
        E::TokenExists { .. } => "use 'scimctl token regenerate' to replace it",
        E::NoToken { .. } => "create one with 'scimctl token generate'",
        E::TokenRejected { .. } => {
            "give the identity provider the current token; if it was lost, run 'scimctl token regenerate'"
        }
        E::InvalidEmail(_) => "give an email address such as jane.doe@example.com",
        E::InvalidValue { .. } => return None,
        E::AlreadyMember { .. } => "nothing to add; to add another person, use their email address",
        E::ManagedElsewhere { .. } => {
            "only that tenant's identity provider can change it; use another email address"
        }
        E::PropertyNotFound { .. } => {
            "add it with 'scimctl properties add NAME', or see 'scimctl properties list'"
        }
        E::PropertyExists { .. } => "see 'scimctl properties list'",
        E::GroupNotFound { .. } => {
            "create it with 'scimctl groups create NAME', or see 'scimctl groups list'"
        }
        E::GroupExists { .. } => "see 'scimctl groups list'",
        E::UserNotFound { .. } => {
            "check the address; 'scimctl diagnose user EMAIL' says why a user is not in the tenant"
        }
        E::NoPreviousToken { .. } => {
            "nothing to end: 'scimctl token status' shows the tokens; a previous token exists only after 'token regenerate --grace'"
        }
        E::RequestNotFound(_) => {
            "copy the id from the error's detail (reason …, request r-…) or from 'scimctl log'; records older than the retention ('scimctl config show') are pruned"
        }
        E::Unauthenticated(_) => "give the tenant's current token",
        E::ScimDisabled => "turn SCIM on with 'scimctl scim enable'",
        E::ExternalAccounts { .. } | E::CentralUser { .. } => {
            "manage this user in the product, or give the identity provider another email address"
        }
        E::InvalidFilter(_)
        | E::LimitExceeded { .. }
        | E::FilterTooCostly { .. }
        | E::ScimInvalid { .. }
        | E::Mutability { .. }
        | E::Uniqueness { .. }
        | E::ResourceNotFound { .. }
        | E::ScimNotFound(_)
        | E::PreconditionFailed { .. } => return None,
        E::Store(s) => match s {
            StoreError::CreateDir { .. }
            | StoreError::Open { .. }
            | StoreError::ReadOnly { .. } => {
                "choose a writable location with --store PATH or SCIMCTL_STORE"
            }
            StoreError::NotADatabase { .. } => {
                "point --store at a scimctl store, or move this file away to start a new one"
            }
            StoreError::NewerSchema { .. } => "upgrade scimctl, or point --store at another store",
            StoreError::Busy(_) => "another process is writing; retry in a moment",
            StoreError::Backend(_) => {
                "this is a bug or a damaged store; rerun with -v and report the output"
            }
        },

        E::AdminKeyRejected(_) => {
            "create a key on the server host with 'scimctl admin-key create NAME' and send it as 'Authorization: Bearer <key>'"
        }
        E::AdminKeyExists { .. } => "choose another name, or see 'scimctl admin-key list'",
        E::AdminKeyNotFound { .. } => "see 'scimctl admin-key list'",
        E::OperatorKeyRequired => {
            "use an operator key (created with 'scimctl admin-key create NAME' without --tenant)"
        }
    };
    Some(h)
}
