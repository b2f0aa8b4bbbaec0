//! Effective configuration: flag > environment (`SCIMCTL_*`) > config file >
//! default, with the source of every value kept so `config show` can tell
//! support staff where a value came from.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::engine::store::Location;
use crate::output::OutputFormat;

pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";
pub const DEFAULT_TOKEN_MAX_AGE_DAYS: u32 = 90;
/// The profile used when none is named anywhere.
pub const DEFAULT_PROFILE: &str = "default";

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "lowercase")]
pub enum Source {
    Flag(String),
    Env(String),
    File(String),
    /// A `[profiles.NAME]` table of the config file.
    Profile(String),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(n) => write!(f, "flag {n}"),
            Source::Env(n) => write!(f, "env {n}"),
            Source::File(p) => write!(f, "file {p}"),
            Source::Profile(n) => write!(f, "profile {n}"),
            Source::Default => f.write_str("default"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// The config file as written by people. Unknown keys are an error so that a
/// typo does not silently fall back to a default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub store: Option<PathBuf>,
    pub public_url: Option<String>,
    pub tenant: Option<String>,
    pub output: Option<OutputFormat>,
    pub token_max_age_days: Option<u32>,
    pub log_retention_days: Option<u32>,
    pub log_max_records: Option<u64>,
    pub event_retention_days: Option<u32>,
    /// The profile used without --profile / SCIMCTL_PROFILE.
    pub default_profile: Option<String>,
    /// `[serve]`: the server's limits (see `SERVE_LIMITS`).
    #[serde(default)]
    pub serve: BTreeMap<String, u64>,
    /// `[mail]`: sign-up email delivery. Never a secret: SMTP credentials
    /// come from the environment or the OS keyring.
    #[serde(default)]
    pub mail: MailFile,
    /// `[profiles.NAME]`: remote servers. Never a secret: the admin key
    /// lives in the OS keyring (`scimctl login`).
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// The `[mail]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailFile {
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub signup_url: Option<String>,
    pub link_days: Option<u32>,
    pub retry_secs: Option<u64>,
    pub max_attempts: Option<u32>,
    pub timeout_secs: Option<u64>,
    /// A PEM file of extra trusted certificates for the SMTP server's TLS.
    pub ca_file: Option<PathBuf>,
}

/// Sign-up email delivery settings, each with its source (`[mail]`,
/// `SCIMCTL_SMTP_URL`, …; `serve` and `invitations deliver` take flags for
/// the first three). Checked on load: a bad URL or template stops every
/// command that needs the config, naming the setting and its source.
#[derive(Debug, Clone)]
pub struct MailConfig {
    pub smtp_url: Setting<Option<String>>,
    pub mail_from: Setting<Option<String>>,
    pub signup_url: Setting<Option<String>>,
    pub link_days: Setting<u32>,
    pub retry_secs: Setting<u64>,
    pub max_attempts: Setting<u32>,
    pub timeout_secs: Setting<u64>,
    pub ca_file: Setting<Option<PathBuf>>,
}

pub const DEFAULT_LINK_DAYS: u32 = 7;
pub const DEFAULT_RETRY_SECS: u64 = 60;
pub const DEFAULT_MAX_ATTEMPTS: u32 = 8;
pub const DEFAULT_SMTP_TIMEOUT_SECS: u64 = 30;

fn text_setting(env: &str, file: Option<String>, file_src: &Source) -> Setting<Option<String>> {
    match env_value(env) {
        Some(v) => Setting {
            value: Some(v),
            source: Source::Env(env.into()),
        },
        None => layer(Given::none(), file.map(Some), file_src, None),
    }
}

impl MailConfig {
    fn load(file: MailFile, file_src: &Source) -> Result<MailConfig, ConfigError> {
        let c = MailConfig {
            smtp_url: text_setting("SCIMCTL_SMTP_URL", file.smtp_url, file_src),
            mail_from: text_setting("SCIMCTL_MAIL_FROM", file.mail_from, file_src),
            signup_url: text_setting("SCIMCTL_SIGNUP_URL", file.signup_url, file_src),
            link_days: bounded(
                "[mail] link_days",
                number(
                    "SCIMCTL_SIGNUP_LINK_DAYS",
                    file.link_days,
                    file_src,
                    DEFAULT_LINK_DAYS,
                )?,
                1..=365,
            )?,
            retry_secs: bounded(
                "[mail] retry_secs",
                number(
                    "SCIMCTL_SMTP_RETRY_SECS",
                    file.retry_secs,
                    file_src,
                    DEFAULT_RETRY_SECS,
                )?,
                1..=86_400,
            )?,
            max_attempts: bounded(
                "[mail] max_attempts",
                number(
                    "SCIMCTL_SMTP_MAX_ATTEMPTS",
                    file.max_attempts,
                    file_src,
                    DEFAULT_MAX_ATTEMPTS,
                )?,
                1..=100,
            )?,
            timeout_secs: bounded(
                "[mail] timeout_secs",
                number(
                    "SCIMCTL_SMTP_TIMEOUT_SECS",
                    file.timeout_secs,
                    file_src,
                    DEFAULT_SMTP_TIMEOUT_SECS,
                )?,
                1..=600,
            )?,
            ca_file: match env_value("SCIMCTL_SMTP_CA_FILE") {
                Some(v) => Setting {
                    value: Some(PathBuf::from(v)),
                    source: Source::Env("SCIMCTL_SMTP_CA_FILE".into()),
                },
                None => layer(Given::none(), file.ca_file.map(Some), file_src, None),
            },
        };
        c.check()?;
        Ok(c)
    }

    /// Every given value checked as `mail` reads it.
    pub fn check(&self) -> Result<(), ConfigError> {
        let named = |s: &Setting<Option<String>>, what: &str, m: String| {
            err(format!("{what}: {m} (from {})", s.source))
        };
        if let Some(u) = &self.smtp_url.value {
            crate::mail::SmtpTarget::parse(u).map_err(|m| named(&self.smtp_url, "smtp_url", m))?;
        }
        if let Some(f) = &self.mail_from.value {
            crate::mail::check_from(f).map_err(|m| named(&self.mail_from, "mail_from", m))?;
        }
        if let Some(t) = &self.signup_url.value {
            crate::mail::check_signup_url(t)
                .map_err(|m| named(&self.signup_url, "signup_url", m))?;
        }
        Ok(())
    }
}

/// One `[profiles.NAME]` table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The admin API's origin, e.g. `https://scim.example.com`.
    pub server: String,
    /// The tenant the profile's key is scoped to, if it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    /// A PEM file of extra trusted certificates (a private CA).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub config_file: Setting<PathBuf>,
    pub config_file_exists: bool,
    pub store: Setting<Location>,
    pub public_url: Setting<String>,
    pub tenant: Setting<Option<String>>,
    pub output: Setting<OutputFormat>,
    pub token_max_age_days: Setting<u32>,
    pub log_retention_days: Setting<u32>,
    pub log_max_records: Setting<u64>,
    /// How long provisioning events are kept (`serve` prunes older ones).
    pub event_retention_days: Setting<u32>,
    /// `scimctl serve`'s limits, each with its source.
    pub serve: ServeLimits,
    /// Sign-up email delivery (`[mail]`).
    pub mail: MailConfig,
    /// How the store and the server settings were weighed.
    pub backend: Backend,
    /// The chosen profile's name (it need not exist yet: `login` creates it).
    pub profile: Setting<String>,
    pub profiles: BTreeMap<String, Profile>,
    /// The remote server every command talks to instead of the store:
    /// `--server`/`SCIMCTL_SERVER`, else the chosen profile's (a profile
    /// named with `--profile`/`SCIMCTL_PROFILE`, or the file's
    /// `default_profile` unless `--store`/`SCIMCTL_STORE` is given).
    pub server: Setting<Option<String>>,
}

impl Config {
    /// The chosen profile, if the config file has it.
    pub fn current_profile(&self) -> Option<&Profile> {
        self.profiles.get(&self.profile.value)
    }
}

/// A value given on the command line or in the environment, as clap saw it.
#[derive(Debug, Clone)]
pub struct Given<T> {
    pub value: Option<T>,
    pub source: Option<Source>,
}

impl<T> Given<T> {
    pub fn none() -> Given<T> {
        Given {
            value: None,
            source: None,
        }
    }
}

/// What the command line and environment say, before the file is read.
#[derive(Debug, Clone)]
pub struct Overrides {
    pub config: Given<PathBuf>,
    pub store: Given<PathBuf>,
    pub tenant: Given<String>,
    pub output: Given<OutputFormat>,
    pub profile: Given<String>,
    pub server: Given<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    pub message: String,
}

fn err(message: String) -> ConfigError {
    ConfigError { message }
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "scimctl")
}

pub fn default_config_path() -> PathBuf {
    project_dirs()
        .map(|d| d.config_dir().join("config.toml"))
        .unwrap_or_else(|| PathBuf::from("scimctl-config.toml"))
}

pub fn default_store_path() -> PathBuf {
    project_dirs()
        .map(|d| d.data_dir().join("scimctl.db"))
        .unwrap_or_else(|| PathBuf::from("scimctl.db"))
}

fn layer<T>(given: Given<T>, file: Option<T>, file_src: &Source, default: T) -> Setting<T> {
    if let (Some(value), Some(source)) = (given.value, given.source) {
        return Setting { value, source };
    }
    match file {
        Some(value) => Setting {
            value,
            source: file_src.clone(),
        },
        None => Setting {
            value: default,
            source: Source::Default,
        },
    }
}

fn env_value(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

pub fn check_public_url(url: &str) -> Result<String, String> {
    check_base_url("public_url", url)
}

/// A base URL (`http(s)://host[:port][/path]`), without its trailing slash;
/// `what` names the setting in the message.
pub fn check_base_url(what: &str, url: &str) -> Result<String, String> {
    let u = url.trim().trim_end_matches('/');
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .ok_or_else(|| format!("{what} {url:?} must start with http:// or https://"))?;
    if rest.is_empty() || rest.contains(char::is_whitespace) || rest.contains(['?', '#']) {
        return Err(format!(
            "{what} {url:?} must be a base URL such as https://scim.example.com"
        ));
    }
    Ok(u.to_owned())
}

/// Profile names become TOML keys and keyring entry names: keep them plain.
pub fn check_profile_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "profile name {name:?} must be 1 to 64 letters, digits, '-', '_' or '.'"
        ))
    }
}

impl Config {
    pub fn load(o: Overrides) -> Result<Config, ConfigError> {
        let config_file = match (o.config.value, o.config.source) {
            (Some(value), Some(source)) => Setting { value, source },
            _ => Setting {
                value: default_config_path(),
                source: Source::Default,
            },
        };
        let explicit = config_file.source != Source::Default;
        let (mut file, exists) = read_file(&config_file.value, explicit)?;
        let file_src = Source::File(config_file.value.display().to_string());

        let public_url = match env_value("SCIMCTL_PUBLIC_URL") {
            Some(v) => Setting {
                value: v,
                source: Source::Env("SCIMCTL_PUBLIC_URL".into()),
            },
            None => layer(
                Given::none(),
                file.public_url,
                &file_src,
                DEFAULT_PUBLIC_URL.to_owned(),
            ),
        };
        let public_url = Setting {
            value: check_public_url(&public_url.value)
                .map_err(|m| err(format!("{m} (from {})", public_url.source)))?,
            source: public_url.source,
        };

        let token_max_age_days = bounded(
            "token_max_age_days",
            number(
                "SCIMCTL_TOKEN_MAX_AGE_DAYS",
                file.token_max_age_days,
                &file_src,
                DEFAULT_TOKEN_MAX_AGE_DAYS,
            )?,
            0..=MAX_DAYS,
        )?;
        let log_retention_days = bounded(
            "log_retention_days",
            number(
                "SCIMCTL_LOG_RETENTION_DAYS",
                file.log_retention_days,
                &file_src,
                crate::engine::log::DEFAULT_RETENTION_DAYS,
            )?,
            1..=MAX_DAYS,
        )?;
        let log_max_records = bounded(
            "log_max_records",
            number(
                "SCIMCTL_LOG_MAX_RECORDS",
                file.log_max_records,
                &file_src,
                crate::engine::log::DEFAULT_MAX_RECORDS,
            )?,
            1..=MAX_LOG_RECORDS,
        )?;
        let event_retention_days = bounded(
            "event_retention_days",
            number(
                "SCIMCTL_EVENT_RETENTION_DAYS",
                file.event_retention_days,
                &file_src,
                crate::engine::events::DEFAULT_RETENTION_DAYS,
            )?,
            1..=MAX_DAYS,
        )?;
        let serve = ServeLimits::load(&file.serve, &file_src)?;
        let mail = MailConfig::load(std::mem::take(&mut file.mail), &file_src)?;

        let mut tenant = layer(
            Given {
                value: o.tenant.value.map(Some),
                source: o.tenant.source,
            },
            file.tenant.map(Some),
            &file_src,
            None,
        );

        for (name, p) in &file.profiles {
            check_profile_name(name)
                .and_then(|()| check_base_url(&format!("[profiles.{name}] server"), &p.server))
                .map_err(|m| err(format!("{m} (from {file_src})")))?;
        }
        let profile = layer(
            o.profile,
            file.default_profile,
            &file_src,
            DEFAULT_PROFILE.to_owned(),
        );
        check_profile_name(&profile.value)
            .map_err(|m| err(format!("{m} (from {})", profile.source)))?;

        let given = layer(o.store, file.store, &file_src, default_store_path());
        let store = Setting {
            value: Location::parse(&given.value)
                .map_err(|m| err(format!("{m} (from {})", given.source)))?,
            source: given.source,
        };
        // The server candidate: --server / SCIMCTL_SERVER, else the chosen
        // profile's. Which of it and the store wins is decided by rank.
        let (candidate, profile_tenant) = match (o.server.value, o.server.source) {
            (Some(v), Some(source)) => (
                Some(Setting {
                    value: check_base_url("--server", &v)
                        .map_err(|m| err(format!("{m} (from {source})")))?,
                    source,
                }),
                None,
            ),
            _ => match file.profiles.get(&profile.value) {
                Some(p) if profile.source != Source::Default => (
                    Some(Setting {
                        value: p.server.clone(),
                        source: Source::Profile(profile.value.clone()),
                    }),
                    p.tenant.clone(),
                ),
                _ => (None, None),
            },
        };
        let store_rank = rank(&store.source);
        let mut backend = Backend {
            note: None,
            conflict: None,
        };
        let server = match candidate {
            Some(c) => {
                // A profile ranks as the setting that chose it.
                let server_rank = match &c.source {
                    Source::Profile(_) => rank(&profile.source),
                    other => rank(other),
                };
                if store_rank > server_rank {
                    backend.note = Some(format!(
                        "the store ({}) outranks the server ({}), which is ignored",
                        store.source, c.source
                    ));
                    None
                } else {
                    if store_rank == server_rank && store_rank >= rank(&Source::Env(String::new()))
                    {
                        backend.conflict = Some(format!(
                            "both a store ({}) and a server ({}) are given; choose one",
                            store.source, c.source
                        ));
                    } else if store_rank >= rank(&Source::Env(String::new())) {
                        backend.note = Some(format!(
                            "the server ({}) outranks the store ({}), which is ignored",
                            c.source, store.source
                        ));
                    }
                    // A profile's tenant (its key's scope) is the default
                    // tenant on its server.
                    if let Some(t) = profile_tenant
                        && !matches!(tenant.source, Source::Flag(_) | Source::Env(_))
                    {
                        tenant = Setting {
                            value: Some(t),
                            source: Source::Profile(profile.value.clone()),
                        };
                    }
                    Some(c)
                }
            }
            None => None,
        };
        let server = match server {
            Some(c) => Setting {
                value: Some(c.value),
                source: c.source,
            },
            None => Setting {
                value: None,
                source: Source::Default,
            },
        };

        Ok(Config {
            store,
            output: layer(o.output, file.output, &file_src, OutputFormat::Table),
            config_file,
            config_file_exists: exists,
            public_url,
            tenant,
            token_max_age_days,
            log_retention_days,
            log_max_records,
            event_retention_days,
            serve,
            mail,
            backend,
            profile,
            profiles: file.profiles,
            server,
        })
    }
}

/// How the store and a server were weighed: flag > env > file, as for
/// every setting; two of the same rank (both flags, both variables)
/// conflict.
#[derive(Debug, Clone, Default)]
pub struct Backend {
    /// Which one won and why, when both were set (`-v`, `config show`).
    pub note: Option<String>,
    /// Set when the two are of the same rank: commands that need state
    /// refuse with it.
    pub conflict: Option<String>,
}

fn rank(s: &Source) -> u8 {
    match s {
        Source::Flag(_) => 3,
        Source::Env(_) => 2,
        Source::File(_) | Source::Profile(_) => 1,
        Source::Default => 0,
    }
}

/// The largest day count a setting takes (a hundred years): beyond it, date
/// arithmetic would overflow.
const MAX_DAYS: u32 = 36_500;
/// The largest per-tenant log size a setting takes.
const MAX_LOG_RECORDS: u64 = 1_000_000_000;

/// A number checked against its range, naming the setting and its source.
fn bounded<T>(
    key: &str,
    s: Setting<T>,
    range: std::ops::RangeInclusive<T>,
) -> Result<Setting<T>, ConfigError>
where
    T: PartialOrd + fmt::Display,
{
    if range.contains(&s.value) {
        Ok(s)
    } else {
        Err(err(format!(
            "{key} = {} (from {}) is out of range; give a value from {} to {}",
            s.value,
            s.source,
            range.start(),
            range.end()
        )))
    }
}

/// One limit of `scimctl serve`: its key in the config file's `[serve]`
/// table, its `SCIMCTL_*` variable, its default and its range. 0 turns a
/// rate limit off; every other limit must be at least `min`.
pub struct LimitSpec {
    pub key: &'static str,
    pub env: &'static str,
    pub default: u64,
    pub min: u64,
    pub max: u64,
    pub doc: &'static str,
}

/// Every limit `serve` enforces at its edge, in `config show` order.
pub const SERVE_LIMITS: &[LimitSpec] = &[
    LimitSpec {
        key: "scim_max_body_bytes",
        env: "SCIMCTL_SCIM_MAX_BODY_BYTES",
        default: 1 << 20,
        min: 1024,
        max: 64 << 20,
        doc: "largest SCIM request body (413 above)",
    },
    LimitSpec {
        key: "admin_max_body_bytes",
        env: "SCIMCTL_ADMIN_MAX_BODY_BYTES",
        default: 64 << 10,
        min: 1024,
        max: 16 << 20,
        doc: "largest admin API request body (413 above)",
    },
    LimitSpec {
        key: "header_timeout_secs",
        env: "SCIMCTL_HEADER_TIMEOUT_SECS",
        default: 10,
        min: 1,
        max: 3600,
        doc: "a connection must send a whole request head within this, from its opening or its previous response (so also the idle keep-alive time)",
    },
    LimitSpec {
        key: "body_timeout_secs",
        env: "SCIMCTL_BODY_TIMEOUT_SECS",
        default: 30,
        min: 1,
        max: 3600,
        doc: "a request body must arrive within this (408 after)",
    },
    LimitSpec {
        key: "request_timeout_secs",
        env: "SCIMCTL_REQUEST_TIMEOUT_SECS",
        default: 60,
        min: 1,
        max: 3600,
        doc: "a request must be answered within this (503 after)",
    },
    LimitSpec {
        key: "max_connections",
        env: "SCIMCTL_MAX_CONNECTIONS",
        default: 1024,
        min: 1,
        max: 1 << 20,
        doc: "open connections at most; more are closed at once",
    },
    LimitSpec {
        key: "max_connections_per_address",
        env: "SCIMCTL_MAX_CONNECTIONS_PER_ADDRESS",
        default: 128,
        min: 1,
        max: 1 << 20,
        doc: "open connections from one client address at most",
    },
    LimitSpec {
        key: "max_tls_handshakes",
        env: "SCIMCTL_MAX_TLS_HANDSHAKES",
        default: 64,
        min: 1,
        max: 1 << 16,
        doc: "TLS handshakes in progress at most; more connections are closed at once",
    },
    LimitSpec {
        key: "rate_limit_per_address",
        env: "SCIMCTL_RATE_LIMIT_PER_ADDRESS",
        default: 200,
        min: 0,
        max: 1 << 30,
        doc: "requests per second from one client address, bursts of twice that (0: off)",
    },
    LimitSpec {
        key: "rate_limit_per_tenant",
        env: "SCIMCTL_RATE_LIMIT_PER_TENANT",
        default: 100,
        min: 0,
        max: 1 << 30,
        doc: "authenticated SCIM requests per second to one tenant, bursts of twice that (0: off)",
    },
    LimitSpec {
        key: "auth_failures_per_minute",
        env: "SCIMCTL_AUTH_FAILURES_PER_MINUTE",
        default: 20,
        min: 0,
        max: 1 << 30,
        doc: "failed authentications per minute from one client address before it gets 429 (0: off)",
    },
    LimitSpec {
        key: "max_store_jobs",
        env: "SCIMCTL_MAX_STORE_JOBS",
        default: 64,
        min: 1,
        max: 4096,
        doc: "requests waiting for or using the store at once; more get 503 store_busy",
    },
    LimitSpec {
        key: "max_follow_streams_per_key",
        env: "SCIMCTL_MAX_FOLLOW_STREAMS_PER_KEY",
        default: 4,
        min: 1,
        max: 1024,
        doc: "concurrent log?follow streams of one admin key",
    },
    LimitSpec {
        key: "webhook_retry_for_secs",
        env: "SCIMCTL_WEBHOOK_RETRY_FOR_SECS",
        default: 86_400,
        min: 1,
        max: 30 * 86_400,
        doc: "a webhook delivery is retried (backoff with jitter) this long, then marked failed and the endpoint moves on",
    },
    LimitSpec {
        key: "webhook_timeout_secs",
        env: "SCIMCTL_WEBHOOK_TIMEOUT_SECS",
        default: 10,
        min: 1,
        max: 300,
        doc: "a webhook receiver must connect and answer within this (else the attempt failed)",
    },
    LimitSpec {
        key: "webhook_disable_after",
        env: "SCIMCTL_WEBHOOK_DISABLE_AFTER",
        default: 5,
        min: 1,
        max: 1000,
        doc: "failed webhook deliveries in a row (each after its retry period) that disable an endpoint",
    },
];

/// The effective values of `SERVE_LIMITS`, in the same order.
#[derive(Debug, Clone)]
pub struct ServeLimits {
    pub values: Vec<Setting<u64>>,
}

impl ServeLimits {
    fn load(file: &BTreeMap<String, u64>, file_src: &Source) -> Result<ServeLimits, ConfigError> {
        if let Some(k) = file
            .keys()
            .find(|k| !SERVE_LIMITS.iter().any(|l| l.key == k.as_str()))
        {
            return Err(err(format!(
                "[serve] {k} (from {file_src}) is not a setting; the [serve] settings are {}",
                SERVE_LIMITS
                    .iter()
                    .map(|l| l.key)
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        let mut values = Vec::with_capacity(SERVE_LIMITS.len());
        for l in SERVE_LIMITS {
            let s = number(l.env, file.get(l.key).copied(), file_src, l.default)?;
            values.push(bounded(&format!("[serve] {}", l.key), s, l.min..=l.max)?);
        }
        Ok(ServeLimits { values })
    }

    /// The value of the limit `key` (a `SERVE_LIMITS` key).
    pub fn get(&self, key: &str) -> u64 {
        debug_assert!(
            SERVE_LIMITS.iter().any(|l| l.key == key),
            "{key} is not a [serve] limit"
        );
        SERVE_LIMITS
            .iter()
            .position(|l| l.key == key)
            .and_then(|i| self.values.get(i))
            .map_or(0, |s| s.value)
    }

    /// Every limit at its default.
    pub fn defaults() -> ServeLimits {
        ServeLimits {
            values: SERVE_LIMITS
                .iter()
                .map(|l| Setting {
                    value: l.default,
                    source: Source::Default,
                })
                .collect(),
        }
    }
}

/// A whole-number setting from its `SCIMCTL_*` variable, else the file,
/// else the default.
fn number<T: std::str::FromStr>(
    env: &str,
    file: Option<T>,
    file_src: &Source,
    default: T,
) -> Result<Setting<T>, ConfigError> {
    match env_value(env) {
        Some(v) => Ok(Setting {
            value: v
                .trim()
                .parse()
                .map_err(|_| err(format!("{env}={v:?} is not a whole number")))?,
            source: Source::Env(env.into()),
        }),
        None => Ok(layer(Given::none(), file, file_src, default)),
    }
}

/// Reads the config file. A missing default file is fine; a missing file
/// that was asked for by name is an error.
fn read_file(path: &Path, explicit: bool) -> Result<(FileConfig, bool), ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
            return Ok((FileConfig::default(), false));
        }
        Err(e) => {
            return Err(err(format!(
                "cannot read the config file {}: {e}",
                path.display()
            )));
        }
    };
    let file: FileConfig = toml::from_str(&text).map_err(|e| {
        let msg = e.message().to_owned();
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        match line {
            Some(l) => err(format!(
                "the config file {} is invalid at line {l}: {msg}",
                path.display()
            )),
            None => err(format!(
                "the config file {} is invalid: {msg}",
                path.display()
            )),
        }
    })?;
    Ok((file, true))
}
