//! `scimctl config show`: every effective value and where it came from.

use clap::Subcommand;
use serde::Serialize;

use super::Ctx;
use crate::config::{Config, Source};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Print each effective setting with its source (flag, env, file, default)
    Show,
}

/// One row of `config show --output json`.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub key: &'static str,
    pub value: Option<String>,
    pub source: Source,
}

pub fn run(cmd: ConfigCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    match cmd {
        ConfigCmd::Show => {
            let c = &ctx.config;
            let file_note = if c.config_file_exists {
                c.config_file.value.display().to_string()
            } else {
                format!("{} (not present)", c.config_file.value.display())
            };
            let mut entries = vec![
                Entry {
                    key: "config_file",
                    value: Some(file_note),
                    source: c.config_file.source.clone(),
                },
                Entry {
                    key: "store",
                    value: Some(c.store.value.shown()),
                    source: c.store.source.clone(),
                },
                Entry {
                    key: "server",
                    value: c.server.value.clone(),
                    source: c.server.source.clone(),
                },
                Entry {
                    key: "backend",
                    value: Some(
                        match (&c.backend.conflict, &c.backend.note, &c.server.value) {
                            (Some(conflict), _, _) => conflict.clone(),
                            (None, Some(note), Some(_)) => format!("server: {note}"),
                            (None, Some(note), None) => format!("store: {note}"),
                            (None, None, Some(_)) => "server".into(),
                            (None, None, None) => "store".into(),
                        },
                    ),
                    source: if c.server.value.is_some() {
                        c.server.source.clone()
                    } else {
                        c.store.source.clone()
                    },
                },
                Entry {
                    key: "public_url",
                    value: Some(c.public_url.value.clone()),
                    source: c.public_url.source.clone(),
                },
                Entry {
                    key: "tenant",
                    value: c.tenant.value.clone(),
                    source: c.tenant.source.clone(),
                },
                Entry {
                    key: "output",
                    value: Some(c.output.value.as_str().into()),
                    source: c.output.source.clone(),
                },
                Entry {
                    key: "token_max_age_days",
                    value: Some(c.token_max_age_days.value.to_string()),
                    source: c.token_max_age_days.source.clone(),
                },
                Entry {
                    key: "log_retention_days",
                    value: Some(c.log_retention_days.value.to_string()),
                    source: c.log_retention_days.source.clone(),
                },
                Entry {
                    key: "log_max_records",
                    value: Some(c.log_max_records.value.to_string()),
                    source: c.log_max_records.source.clone(),
                },
                Entry {
                    key: "event_retention_days",
                    value: Some(c.event_retention_days.value.to_string()),
                    source: c.event_retention_days.source.clone(),
                },
            ];
            entries.extend(crate::config::SERVE_LIMITS.iter().zip(&c.serve.values).map(
                |(l, s)| Entry {
                    key: l.key,
                    value: Some(s.value.to_string()),
                    source: s.source.clone(),
                },
            ));
            entries.extend(mail_entries(c));
            entries.extend(profile_entries(c));
            if ctx.out.is_json() {
                ctx.out.json(&entries)?;
            } else {
                let rows = entries
                    .into_iter()
                    .map(|e| {
                        vec![
                            e.key.to_owned(),
                            e.value.unwrap_or_else(|| none_text(e.key).into()),
                            e.source.to_string(),
                        ]
                    })
                    .collect();
                ctx.out.table(&["KEY", "VALUE", "SOURCE"], rows)?;
            }
        }
    }
    Ok(())
}

/// `[mail]`: sign-up email delivery (never a credential: those come from
/// SCIMCTL_SMTP_USERNAME/SCIMCTL_SMTP_PASSWORD or the keyring).
fn mail_entries(c: &Config) -> Vec<Entry> {
    let m = &c.mail;
    let text = |key, s: &crate::config::Setting<Option<String>>| Entry {
        key,
        value: s.value.clone(),
        source: s.source.clone(),
    };
    vec![
        text("mail.smtp_url", &m.smtp_url),
        text("mail.mail_from", &m.mail_from),
        text("mail.signup_url", &m.signup_url),
        Entry {
            key: "mail.link_days",
            value: Some(m.link_days.value.to_string()),
            source: m.link_days.source.clone(),
        },
        Entry {
            key: "mail.retry_secs",
            value: Some(m.retry_secs.value.to_string()),
            source: m.retry_secs.source.clone(),
        },
        Entry {
            key: "mail.max_attempts",
            value: Some(m.max_attempts.value.to_string()),
            source: m.max_attempts.source.clone(),
        },
        Entry {
            key: "mail.timeout_secs",
            value: Some(m.timeout_secs.value.to_string()),
            source: m.timeout_secs.source.clone(),
        },
        Entry {
            key: "mail.ca_file",
            value: m.ca_file.value.as_ref().map(|p| p.display().to_string()),
            source: m.ca_file.source.clone(),
        },
    ]
}

/// The chosen profile and, when the file has it, its values; their source
/// is the file's `[profiles.NAME]` table.
fn profile_entries(c: &Config) -> Vec<Entry> {
    let name = &c.profile.value;
    let mut v = vec![Entry {
        key: "profile",
        value: Some(name.clone()),
        source: c.profile.source.clone(),
    }];
    let (server, tenant, ca_file) = match c.current_profile() {
        Some(p) => (
            Some(p.server.clone()),
            p.tenant.clone(),
            p.ca_file.as_ref().map(|f| f.display().to_string()),
        ),
        None => (None, None, None),
    };
    let src = if c.current_profile().is_some() {
        Source::File(format!(
            "{} [profiles.{name}]",
            c.config_file.value.display()
        ))
    } else {
        Source::Default
    };
    for (key, value) in [
        ("profile.server", server),
        ("profile.tenant", tenant),
        ("profile.ca_file", ca_file),
    ] {
        let source = if value.is_some() {
            src.clone()
        } else {
            Source::Default
        };
        v.push(Entry { key, value, source });
    }
    v
}

/// What an unset value means, in the table.
fn none_text(key: &str) -> &'static str {
    match key {
        "tenant" => "(none: the only tenant)",
        "server" => "(none: the local store)",
        "profile.server" => "(none: 'scimctl login --server URL' sets it)",
        "profile.tenant" => "(none: any the key may use)",
        _ => "(none)",
    }
}
