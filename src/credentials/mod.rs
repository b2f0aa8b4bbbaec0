//! Credentials for remote administration: where scimctl keeps an
//! admin key or a SCIM token between runs, and the one place that decides
//! which admin key a command uses.
//!
//! The OS keyring sits behind scimctl's own [`SecretStore`] seam, so the
//! commands never see the keyring crates. There is deliberately no plaintext
//! file store: when the keyring cannot be used the error names the
//! alternatives (`SCIMCTL_ADMIN_KEY`, `--admin-key-stdin`).

mod keyring;
pub mod profiles;
pub mod server;

use std::io::{IsTerminal, Read};

pub use keyring::Keyring;

use crate::engine::tokens::Secret;

/// The keyring service every scimctl entry lives under.
pub const SERVICE: &str = "scimctl";
/// The environment variable that carries an admin key for pipelines.
pub const ADMIN_KEY_ENV: &str = "SCIMCTL_ADMIN_KEY";

/// What a stored secret is for: it names the keyring entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Account {
    /// The admin key of a profile.
    AdminKey(String),
    /// The SCIM token of a tenant URL (`token generate --save-to-keyring`).
    ScimToken(String),
    /// The SMTP password of `user@host` (`invitations smtp-login`).
    SmtpPassword(String),
}

impl Account {
    /// The keyring user: `admin-key:<profile>` or `scim-token:<tenant url>`.
    pub fn user(&self) -> String {
        match self {
            Account::AdminKey(p) => format!("admin-key:{p}"),
            Account::ScimToken(url) => format!("scim-token:{}", url.trim().trim_end_matches('/')),
            Account::SmtpPassword(user_at_host) => format!("smtp-password:{user_at_host}"),
        }
    }
}

/// Why a credential could not be stored, found or used.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    /// No session keyring, access denied, no keyring service at all.
    #[error("no usable OS keyring here (no session keyring): {detail}")]
    KeyringUnavailable { detail: String, token: bool },
    /// The keyring answered, but with an error.
    #[error("the OS keyring failed: {detail}")]
    KeyringFailed { detail: String, token: bool },
    /// No source had an admin key for the profile.
    #[error(
        "no admin key for profile \"{profile}\": {ADMIN_KEY_ENV} is not set and the OS keyring has none"
    )]
    NoAdminKey { profile: String },
    /// A key was given but is empty or not one line.
    #[error("no admin key was given: {0}")]
    EmptyKey(String),
    /// The server answered 401: the key is unknown, revoked or mistyped.
    #[error("{server} rejected the admin key: {detail}")]
    KeyRejected { server: String, detail: String },
    /// The server could not be reached, or did not answer as scimctl does.
    #[error("cannot verify the admin key at {server}: {detail}")]
    ServerFailed { server: String, detail: String },
}

impl CredentialError {
    pub fn hint(&self) -> &'static str {
        match self {
            CredentialError::KeyringUnavailable { token: false, .. }
            | CredentialError::KeyringFailed { token: false, .. } => {
                "pass the key with SCIMCTL_ADMIN_KEY or --admin-key-stdin (a login shell has a session keyring; 'keyctl session' starts one)"
            }
            CredentialError::KeyringUnavailable { token: true, .. }
            | CredentialError::KeyringFailed { token: true, .. } => {
                "pass the token with --token-stdin or --token-env VAR (a login shell has a session keyring; 'keyctl session' starts one)"
            }
            CredentialError::NoAdminKey { .. } => {
                "run 'scimctl login --server URL', or pass the key with SCIMCTL_ADMIN_KEY or --admin-key-stdin"
            }
            CredentialError::EmptyKey(_) => {
                "pipe the key created with 'scimctl admin-key create NAME' into --admin-key-stdin, or set SCIMCTL_ADMIN_KEY"
            }
            CredentialError::KeyRejected { .. } => {
                "check the key ('scimctl admin-key list' on the server host shows the live ones; create one with 'scimctl admin-key create NAME')"
            }
            CredentialError::ServerFailed { .. } => {
                "check the URL, that 'scimctl serve' runs there, and --ca-file for a private CA; 'scimctl test-connection' shows each step"
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, CredentialError>;

/// Where secrets are kept between runs. One implementation (the OS
/// keyring); the seam keeps the keyring crates out of the commands.
pub trait SecretStore {
    /// The stored secret, or `None` when there is no entry.
    fn get(&self, account: &Account) -> Result<Option<Secret>>;
    fn set(&self, account: &Account, secret: &Secret) -> Result<()>;
    /// Deletes the entry; `false` when there was none.
    fn delete(&self, account: &Account) -> Result<bool>;
}

/// Where an admin key came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeySource {
    Env,
    Stdin,
    Keyring,
}

impl KeySource {
    pub fn as_str(self) -> &'static str {
        match self {
            KeySource::Env => "env SCIMCTL_ADMIN_KEY",
            KeySource::Stdin => "stdin",
            KeySource::Keyring => "keyring",
        }
    }
}

#[derive(Debug)]
pub struct AdminKey {
    pub key: Secret,
    pub source: KeySource,
}

/// What a command asks of [`resolve_admin_key`].
pub struct KeyRequest<'a> {
    /// The profile whose keyring entry is consulted.
    pub profile: &'a str,
    /// `--admin-key-stdin` was given.
    pub stdin: bool,
    /// The store to consult last; `None` skips it (`login` prompts instead).
    pub store: Option<&'a dyn SecretStore>,
}

/// The SMTP user name's variable.
pub const SMTP_USERNAME_ENV: &str = "SCIMCTL_SMTP_USERNAME";
/// The SMTP password's variable (else the keyring).
pub const SMTP_PASSWORD_ENV: &str = "SCIMCTL_SMTP_PASSWORD";

/// The SMTP credentials for `host`: the user name from
/// `SCIMCTL_SMTP_USERNAME`, its password from `SCIMCTL_SMTP_PASSWORD`, else
/// the keyring entry `smtp-password:USER@HOST` (`open_keyring` is called
/// only then). `Ok(None)` when no user name is set: no SMTP AUTH.
pub fn smtp_credentials(
    host: &str,
    open_keyring: impl FnOnce() -> Result<Keyring>,
) -> std::result::Result<Option<(String, Secret)>, String> {
    let user = std::env::var(SMTP_USERNAME_ENV)
        .ok()
        .filter(|u| !u.trim().is_empty());
    let password = std::env::var(SMTP_PASSWORD_ENV)
        .ok()
        .filter(|p| !p.is_empty());
    let Some(user) = user else {
        return match password {
            Some(_) => Err(format!(
                "{SMTP_PASSWORD_ENV} is set but {SMTP_USERNAME_ENV} is not; set the SMTP user name too"
            )),
            None => Ok(None),
        };
    };
    if let Some(p) = password {
        return Ok(Some((user, Secret::new(p))));
    }
    let account = Account::SmtpPassword(format!("{}@{host}", user.trim()));
    let found = open_keyring()
        .and_then(|k| k.get(&account))
        .map_err(|e| format!("{e}; set {SMTP_PASSWORD_ENV} instead"))?;
    match found {
        Some(p) => Ok(Some((user, p))),
        None => Err(format!(
            "{SMTP_USERNAME_ENV} is set but there is no password: set {SMTP_PASSWORD_ENV}, or store it in the OS keyring with 'scimctl invitations smtp-login'"
        )),
    }
}

/// The admin key a command uses, from the non-interactive sources in order:
/// `SCIMCTL_ADMIN_KEY`, `--admin-key-stdin`, the keyring. `Ok(None)` only
/// when the keyring is skipped and neither of the others is given.
pub fn resolve_admin_key(req: &KeyRequest<'_>) -> Result<Option<AdminKey>> {
    if let Some(v) = std::env::var_os(ADMIN_KEY_ENV) {
        let raw = Secret::new(v.to_string_lossy().into_owned());
        return Ok(Some(AdminKey {
            key: one_line(raw.expose(), ADMIN_KEY_ENV)?,
            source: KeySource::Env,
        }));
    }
    if req.stdin {
        return Ok(Some(AdminKey {
            key: read_stdin()?,
            source: KeySource::Stdin,
        }));
    }
    let Some(store) = req.store else {
        return Ok(None);
    };
    match store.get(&Account::AdminKey(req.profile.to_owned()))? {
        Some(key) => Ok(Some(AdminKey {
            key,
            source: KeySource::Keyring,
        })),
        None => Err(CredentialError::NoAdminKey {
            profile: req.profile.to_owned(),
        }),
    }
}

/// The first line of standard input, which must be piped.
fn read_stdin() -> Result<Secret> {
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(CredentialError::EmptyKey(
            "--admin-key-stdin reads a piped key, and standard input is a terminal".into(),
        ));
    }
    let mut raw = zeroize::Zeroizing::new(String::new());
    stdin
        .read_to_string(&mut raw)
        .map_err(|e| CredentialError::EmptyKey(format!("standard input could not be read: {e}")))?;
    let first = raw.lines().next().unwrap_or("");
    one_line(first, "standard input")
}

/// Trims a key; an empty one is an error naming where it came from.
pub fn one_line(raw: &str, from: &str) -> Result<Secret> {
    let key = raw.trim();
    if key.is_empty() {
        return Err(CredentialError::EmptyKey(format!("{from} was empty")));
    }
    if key.contains(['\n', '\r']) {
        return Err(CredentialError::EmptyKey(format!(
            "{from} holds more than one line"
        )));
    }
    Ok(Secret::new(key.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_name_their_entries() {
        assert_eq!(Account::AdminKey("prod".into()).user(), "admin-key:prod");
        assert_eq!(
            Account::ScimToken("https://h/scim/v2/acme/".into()).user(),
            "scim-token:https://h/scim/v2/acme"
        );
    }

    #[test]
    fn one_line_trims_and_refuses_empty() {
        assert_eq!(one_line("  k \n", "x").unwrap().expose(), "k");
        assert!(matches!(
            one_line(" \n", "x"),
            Err(CredentialError::EmptyKey(_))
        ));
        assert!(matches!(
            one_line("a\nb", "x"),
            Err(CredentialError::EmptyKey(_))
        ));
    }
}
