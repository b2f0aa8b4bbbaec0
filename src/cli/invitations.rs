//! `scimctl invitations list|resend|redeem|deliver|smtp-login`: the
//! tenant's sign-up emails. `list`, `resend` and `redeem` go through the
//! backend (locally or to a server's admin API); `deliver` sends email, so
//! it runs where the store is, as `serve` does.

use std::io::{IsTerminal, Read};

use clap::{Args, Subcommand};

use super::Ctx;
use crate::api::admin::invitations;
use crate::config::{Config, Setting, Source};
use crate::credentials::{Account, Keyring, SMTP_USERNAME_ENV, SecretStore, smtp_credentials};
use crate::engine::invitations::{DeliveryPolicy, InvitationList, InvitationView};
use crate::engine::tokens::Secret;
use crate::error::CliError;
use crate::format::when;
use crate::mail::{Credentials, MailSettings, Mailer, SmtpTarget, check_from, check_signup_url};

#[derive(Debug, Subcommand)]
pub enum InvitationsCmd {
    /// List the tenant's sign-up emails: queued, retrying, sent, redeemed, failed
    List(ListArgs),
    /// Send a member's sign-up email again, with a new link (the old link stops working at once)
    Resend(ResendArgs),
    /// Send the sign-up emails that are due, once, and exit (for cron; 'serve' does it continuously)
    Deliver(DeliverArgs),
    /// Redeem a sign-up link's token, read from standard input (what the product's sign-up page does)
    Redeem,
    /// Store the SMTP password in the OS keyring (read from standard input or the terminal)
    SmtpLogin,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only those not sent yet (queued or retrying)
    #[arg(long, conflicts_with_all = ["failed", "sent"])]
    pub pending: bool,
    /// Only those given up (the SMTP server refused them)
    #[arg(long, conflicts_with = "sent")]
    pub failed: bool,
    /// Only those sent (redeemed or not)
    #[arg(long)]
    pub sent: bool,
    /// Only this member's
    #[arg(long, value_name = "EMAIL")]
    pub user: Option<String>,
}

#[derive(Debug, Args)]
pub struct ResendArgs {
    /// The member's email address
    pub email: String,
}

/// The SMTP settings `serve` and `invitations deliver` take as flags (each
/// also `[mail]` in the config file and a `SCIMCTL_*` variable).
#[derive(Debug, Clone, Args)]
pub struct MailArgs {
    /// The SMTP server: smtp://127.0.0.1:25 (loopback only), smtp://HOST:587?tls=starttls, smtps://HOST:465
    #[arg(long, value_name = "URL")]
    pub smtp_url: Option<String>,
    /// The sender, e.g. "Acme <no-reply@acme.example>"
    #[arg(long, value_name = "ADDRESS")]
    pub mail_from: Option<String>,
    /// The sign-up link, with {token} (and optionally {tenant}) in it
    #[arg(long, value_name = "TEMPLATE")]
    pub signup_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct DeliverArgs {
    #[command(flatten)]
    pub mail: MailArgs,
}

fn flag(v: &Option<String>, name: &str, s: &Setting<Option<String>>) -> Setting<Option<String>> {
    match v {
        Some(v) => Setting {
            value: Some(v.clone()),
            source: Source::Flag(name.into()),
        },
        None => s.clone(),
    }
}

/// The delivery settings from the flags and the config, with the SMTP
/// credentials; `Ok(None)` when no `smtp_url` is set anywhere.
pub fn mail_settings(config: &Config, a: &MailArgs) -> Result<Option<MailSettings>, CliError> {
    let m = &config.mail;
    let url = flag(&a.smtp_url, "--smtp-url", &m.smtp_url);
    let from = flag(&a.mail_from, "--mail-from", &m.mail_from);
    let signup = flag(&a.signup_url, "--signup-url", &m.signup_url);
    let Some(u) = &url.value else {
        return Ok(None);
    };
    let bad = |what: &str, s: &Setting<Option<String>>, m: String| {
        CliError::Usage(format!("{what}: {m} (from {})", s.source))
    };
    let target = SmtpTarget::parse(u).map_err(|e| bad("smtp_url", &url, e))?;
    let from = match &from.value {
        Some(f) => check_from(f).map_err(|e| bad("mail_from", &from, e))?,
        None => {
            return Err(CliError::Usage(
                "smtp_url is set but mail_from is not; set the sender with --mail-from, SCIMCTL_MAIL_FROM or mail_from in [mail]".into(),
            ));
        }
    };
    let signup_url = match &signup.value {
        Some(t) => {
            check_signup_url(t).map_err(|e| bad("signup_url", &signup, e))?;
            t.trim().to_owned()
        }
        None => {
            return Err(CliError::Usage(
                "smtp_url is set but signup_url is not; set the link's template (with {token}) with --signup-url, SCIMCTL_SIGNUP_URL or signup_url in [mail]".into(),
            ));
        }
    };
    let credentials = smtp_credentials(&target.host, Keyring::open)
        .map_err(CliError::Usage)?
        .map(|(username, password)| Credentials { username, password });
    if credentials.is_some() && target.security == crate::mail::Security::Plain {
        tracing::info!("SMTP credentials go to a loopback relay without TLS");
    }
    let timeout = std::time::Duration::from_secs(m.timeout_secs.value);
    let ca_pem = match &m.ca_file.value {
        Some(p) => Some(std::fs::read(p).map_err(|e| {
            CliError::Usage(format!(
                "cannot read the SMTP CA file {} ({e}; from {}); give a readable PEM file in [mail] ca_file or SCIMCTL_SMTP_CA_FILE",
                p.display(),
                m.ca_file.source
            ))
        })?),
        None => None,
    };
    Ok(Some(MailSettings {
        ca_pem,
        target,
        from,
        signup_url,
        credentials,
        timeout,
        policy: DeliveryPolicy {
            lease: MailSettings::lease_for(timeout),
            link_lifetime: time::Duration::days(i64::from(m.link_days.value)),
            retry_base: time::Duration::seconds(m.retry_secs.value as i64),
            max_attempts: m.max_attempts.value,
        },
    }))
}

/// The mailer of `serve`/`deliver`, or None without `smtp_url`.
pub fn mailer(config: &Config, a: &MailArgs) -> Result<Option<Mailer>, CliError> {
    match mail_settings(config, a)? {
        Some(s) => Ok(Some(Mailer::new(s).map_err(CliError::Usage)?)),
        None => Ok(None),
    }
}

const LIST_HEADER: [&str; 5] = ["EMAIL", "STATE", "QUEUED", "SENT", "DETAIL"];

fn detail(v: &InvitationView) -> String {
    match v.state.as_str() {
        "failed" => format!(
            "{} — {}",
            v.last_error.as_deref().unwrap_or(""),
            v.fix.as_deref().unwrap_or("")
        ),
        "retrying" => format!(
            "attempt {} failed: {}{}",
            v.attempts,
            v.last_error.as_deref().unwrap_or(""),
            v.next_attempt_at
                .map(|n| format!("; next {}", when(n)))
                .unwrap_or_default()
        ),
        "redeemed" => v
            .redeemed_at
            .map(|r| format!("link used {}", when(r)))
            .unwrap_or_default(),
        "sent" => v
            .link_expires_at
            .map(|e| format!("link valid until {}", when(e)))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn print_list(ctx: &Ctx, list: InvitationList) -> Result<(), CliError> {
    if ctx.out.is_json() {
        ctx.out.json(&list)?;
        return Ok(());
    }
    if list.invitations.is_empty() {
        ctx.out.note("No invitations match.");
        return Ok(());
    }
    let n = list.invitations.len();
    let rows = list
        .invitations
        .iter()
        .map(|v| {
            vec![
                v.email.clone(),
                v.state.clone(),
                when(v.queued_at),
                v.sent_at.map(when).unwrap_or_default(),
                detail(v),
            ]
        })
        .collect();
    ctx.out.table(&LIST_HEADER, rows)?;
    ctx.out.note(&if list.truncated {
        format!("The oldest {n} shown; narrow with --pending, --failed, --sent or --user.")
    } else {
        format!("{n} invitation(s).")
    });
    Ok(())
}

fn read_token() -> Result<Secret, CliError> {
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(CliError::Usage(
            "redeem reads the sign-up link's token from standard input; pipe it in (never pass it as an argument)".into(),
        ));
    }
    let mut buf = zeroize::Zeroizing::new(String::new());
    stdin.read_to_string(&mut buf)?;
    let token = buf.lines().next().unwrap_or("").trim().to_owned();
    if token.is_empty() {
        return Err(CliError::Usage(
            "no token was given: standard input was empty".into(),
        ));
    }
    Ok(Secret::new(token))
}

pub fn run(cmd: InvitationsCmd, ctx: &mut Ctx) -> Result<(), CliError> {
    match cmd {
        InvitationsCmd::Deliver(a) => return deliver(a, ctx),
        InvitationsCmd::SmtpLogin => return smtp_login(ctx),
        _ => {}
    }
    let t = ctx.tenant()?;
    let backend = ctx.backend()?;
    match cmd {
        InvitationsCmd::List(a) => {
            let state = if a.pending {
                Some("pending")
            } else if a.failed {
                Some("failed")
            } else if a.sent {
                Some("sent")
            } else {
                None
            };
            let list = backend.call(invitations::List {
                tenant: t.id.clone(),
                state: state.map(Into::into),
                user: a.user,
            })?;
            print_list(ctx, list)?;
        }
        InvitationsCmd::Resend(a) => {
            let v = backend.call(invitations::Resend {
                tenant: t.id.clone(),
                email: a.email,
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&v)?;
            } else {
                ctx.out.note(&format!(
                    "Queued the sign-up email of {} again, with a new link; the link sent before no longer works.",
                    v.email
                ));
            }
        }
        InvitationsCmd::Redeem => {
            ctx.stdin_free("redeem")?;
            let token = read_token()?;
            let r = backend.call(invitations::Redeem {
                tenant: t.id.clone(),
                token: token.expose().to_owned(),
            })?;
            if ctx.out.is_json() {
                ctx.out.json(&r)?;
            } else {
                ctx.out.fields(vec![
                    ("email", r.email),
                    ("given name", r.given_name),
                    ("family name", r.family_name),
                    ("tenant", format!("{} ({})", r.tenant_name, r.tenant_id)),
                    ("redeemed", when(r.redeemed_at)),
                ])?;
            }
        }
        InvitationsCmd::Deliver(_) | InvitationsCmd::SmtpLogin => {}
    }
    Ok(())
}

fn deliver(a: DeliverArgs, ctx: &mut Ctx) -> Result<(), CliError> {
    if ctx.config.server.value.is_some() {
        return Err(CliError::Usage(
            "invitations deliver sends email from the store's host; run it there (without --server), or let 'scimctl serve' deliver".into(),
        ));
    }
    let Some(mailer) = mailer(&ctx.config, &a.mail)? else {
        return Err(CliError::Usage(
            "no SMTP server is configured; set smtp_url, mail_from and signup_url (--smtp-url, SCIMCTL_SMTP_URL or [mail] in the config file)".into(),
        ));
    };
    let engine = ctx.engine()?.clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let report = runtime.block_on(crate::mail::deliver_pass(&engine, &mailer))?;
    if ctx.out.is_json() {
        ctx.out.json(&report)?;
    } else {
        ctx.out.note(&format!(
            "Sign-up emails: {} sent, {} to retry, {} failed.",
            report.sent, report.retrying, report.failed
        ));
    }
    Ok(())
}

fn smtp_login(ctx: &mut Ctx) -> Result<(), CliError> {
    let Some(url) = &ctx.config.mail.smtp_url.value else {
        return Err(CliError::Usage(
            "no smtp_url is configured; set it first (SCIMCTL_SMTP_URL or [mail] in the config file)".into(),
        ));
    };
    let target = SmtpTarget::parse(url).map_err(CliError::Usage)?;
    let user = std::env::var(SMTP_USERNAME_ENV)
        .ok()
        .filter(|u| !u.trim().is_empty())
        .ok_or_else(|| {
            CliError::Usage(format!(
                "set the SMTP user name in {SMTP_USERNAME_ENV} first"
            ))
        })?;
    let password = if std::io::stdin().is_terminal() {
        Secret::new(rpassword::prompt_password(format!(
            "SMTP password for {user} at {}: ",
            target.host
        ))?)
    } else {
        let mut buf = zeroize::Zeroizing::new(String::new());
        std::io::stdin().read_to_string(&mut buf)?;
        Secret::new(buf.lines().next().unwrap_or("").to_owned())
    };
    if password.expose().is_empty() {
        return Err(CliError::Usage("no password was given".into()));
    }
    let keyring = Keyring::open()?;
    keyring.set(
        &Account::SmtpPassword(format!("{}@{}", user.trim(), target.host)),
        &password,
    )?;
    ctx.out.note(&format!(
        "Stored the SMTP password of {user} at {} in the OS keyring.",
        target.host
    ));
    Ok(())
}
