//! Sign-up email delivery over SMTP (lettre, rustls with ring; no OpenSSL).
//!
//! The engine decides which invitation is due, claims it with a lease and
//! records each outcome (`engine::invitations`); this module writes the
//! message and holds the SMTP conversation. Store work runs on the
//! blocking pool (`spawn_blocking`), the send on the async runtime with a
//! timeout.
//!
//! `smtp_url` syntax:
//!
//! | URL | connection | default port |
//! |---|---|---|
//! | `smtp://HOST[:PORT]` | plain SMTP, loopback hosts only (a local relay) | 25 |
//! | `smtp://HOST[:PORT]?tls=starttls` | STARTTLS, required | 587 |
//! | `smtps://HOST[:PORT]` | TLS from the first byte (implicit TLS) | 465 |
//!
//! A URL never carries credentials: a user or password in it is refused.
//! They come from `SCIMCTL_SMTP_USERNAME` / `SCIMCTL_SMTP_PASSWORD` or the
//! OS keyring.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart, header::ContentType};
use lettre::transport::smtp::authentication::Credentials as SmtpCredentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

use crate::engine::invitations::{Claimed, DeliveryPolicy};
use crate::engine::tokens::Secret;
use crate::engine::{Engine, EngineError};

/// Invitations one claim takes at most.
const BATCH: u64 = 16;
/// How often an idle server looks for due invitations.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// No TLS: loopback only.
    Plain,
    StartTls,
    /// Implicit TLS (`smtps://`).
    Tls,
}

/// A parsed `smtp_url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpTarget {
    pub security: Security,
    pub host: String,
    pub port: u16,
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl SmtpTarget {
    /// Reads `smtp://HOST[:PORT][?tls=starttls]` or `smtps://HOST[:PORT]`.
    pub fn parse(url: &str) -> Result<SmtpTarget, String> {
        let u = url.trim();
        let forms = "write smtp://127.0.0.1:25 (a local relay), smtp://HOST:587?tls=starttls or smtps://HOST:465";
        let (scheme, rest) = u
            .split_once("://")
            .ok_or_else(|| format!("{u:?} is not an SMTP URL; {forms}"))?;
        let (authority, query) = match rest.split_once('?') {
            Some((a, q)) => (a, Some(q)),
            None => (rest, None),
        };
        let authority = authority.strip_suffix('/').unwrap_or(authority);
        if authority.contains('@') {
            let (userinfo, _) = authority.rsplit_once('@').unwrap_or_default();
            return Err(if userinfo.contains(':') {
                "the URL carries a password, which others can read in argv, the environment or the config file; remove it and set SCIMCTL_SMTP_USERNAME and SCIMCTL_SMTP_PASSWORD (or store the password in the OS keyring with 'scimctl invitations smtp-login')".to_owned()
            } else {
                "the URL carries a user name; remove it and set SCIMCTL_SMTP_USERNAME (and SCIMCTL_SMTP_PASSWORD or the keyring for the password)".to_owned()
            });
        }
        if authority.contains('/') || authority.contains('#') || authority.is_empty() {
            return Err(format!("{u:?} must name only a host and a port; {forms}"));
        }
        let starttls = match query {
            None | Some("") => false,
            Some("tls=starttls") if scheme == "smtp" => true,
            Some(q) => {
                return Err(format!(
                    "unknown option {q:?}; the only one is ?tls=starttls on smtp:// ({forms})"
                ));
            }
        };
        let security = match (scheme, starttls) {
            ("smtp", false) => Security::Plain,
            ("smtp", true) => Security::StartTls,
            ("smtps", _) => Security::Tls,
            (other, _) => return Err(format!("{other}:// is not an SMTP URL; {forms}")),
        };
        let (host, port) = split_host_port(authority)
            .ok_or_else(|| format!("{authority:?} is not HOST or HOST:PORT; {forms}"))?;
        let port = match port {
            Some(p) => p,
            None => match security {
                Security::Plain => 25,
                Security::StartTls => 587,
                Security::Tls => 465,
            },
        };
        if security == Security::Plain && !is_loopback(&host) {
            return Err(format!(
                "plain smtp:// to {host} would send sign-up links unencrypted across the network; use smtp://{host}:587?tls=starttls or smtps://{host}:465 (plain SMTP is for a relay on this machine only)"
            ));
        }
        Ok(SmtpTarget {
            security,
            host,
            port,
        })
    }

    /// The URL as people see it.
    pub fn shown(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        match self.security {
            Security::Plain => format!("smtp://{host}:{}", self.port),
            Security::StartTls => format!("smtp://{host}:{}?tls=starttls", self.port),
            Security::Tls => format!("smtps://{host}:{}", self.port),
        }
    }
}

fn split_host_port(a: &str) -> Option<(String, Option<u16>)> {
    if let Some(rest) = a.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p.parse().ok()?),
            None if after.is_empty() => None,
            None => return None,
        };
        return Some((host.to_owned(), port));
    }
    match a.rsplit_once(':') {
        Some((h, p)) if !h.is_empty() && !h.contains(':') => {
            Some((h.to_owned(), Some(p.parse().ok()?)))
        }
        Some(_) => None,
        None => Some((a.to_owned(), None)),
    }
}

/// `mail_from`: an address, or `Name <address>`.
pub fn check_from(from: &str) -> Result<Mailbox, String> {
    from.trim().parse::<Mailbox>().map_err(|e| {
        format!(
            "{from:?} is not an email address ({e}); write e.g. \"Acme <no-reply@acme.example>\""
        )
    })
}

/// `signup_url`: an https:// (or loopback http://) URL with `{token}` in it.
pub fn check_signup_url(template: &str) -> Result<(), String> {
    let t = template.trim();
    if !t.contains("{token}") {
        return Err(format!(
            "{t:?} has no {{token}}; write e.g. https://app.example.com/signup?token={{token}}"
        ));
    }
    let rest = if let Some(r) = t.strip_prefix("https://") {
        r
    } else if let Some(r) = t.strip_prefix("http://") {
        let host = r.split(['/', '?', ':']).next().unwrap_or("");
        if !is_loopback(host) {
            return Err(format!(
                "{t:?} is plain http://: sign-up links must be https:// (http:// only to this machine)"
            ));
        }
        r
    } else {
        return Err(format!("{t:?} must start with https://"));
    };
    if rest.is_empty() || rest.contains(char::is_whitespace) || rest.contains(['<', '>', '"']) {
        return Err(format!("{t:?} is not a URL"));
    }
    Ok(())
}

/// SMTP AUTH credentials (from the environment or the keyring).
pub struct Credentials {
    pub username: String,
    pub password: Secret,
}

/// Everything delivery needs, checked.
pub struct MailSettings {
    pub target: SmtpTarget,
    pub from: Mailbox,
    pub signup_url: String,
    pub credentials: Option<Credentials>,
    /// One send's bound (connect, each reply, the whole conversation).
    pub timeout: Duration,
    pub policy: DeliveryPolicy,
    /// Extra trusted certificates (PEM) beside the system's roots, for a
    /// relay with a private CA (`[mail] ca_file`).
    pub ca_pem: Option<Vec<u8>>,
}

impl MailSettings {
    /// The lease a claim holds: twice the send's bound and five seconds,
    /// so that a live sender always records its outcome before another
    /// may claim the row.
    pub fn lease_for(timeout: Duration) -> time::Duration {
        time::Duration::try_from(timeout * 2 + Duration::from_secs(5))
            .unwrap_or(time::Duration::minutes(5))
    }
}

/// What one SMTP attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Try again later: a 4xx, no connection, a timeout.
    Transient(String),
    /// Never: a 5xx, an address the message cannot carry.
    Permanent(String),
}

/// The SMTP transport and the message's settings.
#[derive(Clone)]
pub struct Mailer {
    settings: Arc<MailSettings>,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

/// What one `deliver` pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassReport {
    pub sent: u64,
    pub retrying: u64,
    pub failed: u64,
}

impl Mailer {
    pub fn new(settings: MailSettings) -> Result<Mailer, String> {
        let t = &settings.target;
        let tls = match t.security {
            Security::Plain => Tls::None,
            Security::StartTls | Security::Tls => {
                let mut b = TlsParameters::builder(t.host.clone());
                if let Some(pem) = &settings.ca_pem {
                    let cert = Certificate::from_pem(pem).map_err(|e| {
                        format!("ca_file holds no PEM certificate ({e}); give the CA's certificate chain in PEM")
                    })?;
                    b = b.add_root_certificate(cert);
                }
                let params = b
                    .build_rustls()
                    .map_err(|e| format!("cannot set up TLS for {}: {e}", t.shown()))?;
                if t.security == Security::StartTls {
                    Tls::Required(params)
                } else {
                    Tls::Wrapper(params)
                }
            }
        };
        let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(t.host.clone())
            .port(t.port)
            .tls(tls)
            .timeout(Some(settings.timeout));
        if let Some(c) = &settings.credentials {
            b = b.credentials(SmtpCredentials::new(
                c.username.clone(),
                c.password.expose().to_owned(),
            ));
        }
        Ok(Mailer {
            transport: b.build(),
            settings: Arc::new(settings),
        })
    }

    pub fn settings(&self) -> &MailSettings {
        &self.settings
    }

    /// Sends one claimed invitation's message, within the timeout.
    pub async fn send(&self, c: &Claimed) -> Outcome {
        let message = match self.message(c) {
            Ok(m) => m,
            Err(o) => return o,
        };
        match tokio::time::timeout(self.settings.timeout, self.transport.send(message)).await {
            Err(_) => Outcome::Transient(format!(
                "no answer from {} within {} s",
                self.settings.target.shown(),
                self.settings.timeout.as_secs()
            )),
            Ok(Ok(_)) => Outcome::Sent,
            Ok(Err(e)) => classify(&e, &self.settings.target),
        }
    }

    /// The message: plain text and HTML alternatives.
    pub fn message(&self, c: &Claimed) -> Result<Message, Outcome> {
        let address: Address = c
            .email
            .parse()
            .map_err(|e| Outcome::Permanent(format!("invalid address {:?}: {e}", c.email)))?;
        let name = format!("{} {}", c.given_name, c.family_name)
            .trim()
            .to_owned();
        let to = Mailbox::new((!name.is_empty()).then(|| name.clone()), address);
        let link = self
            .settings
            .signup_url
            .replace("{token}", c.token.expose())
            .replace("{tenant}", &c.tenant_id);
        let expires = crate::engine::invitations::shown(c.expires_at);
        let greeting = if name.is_empty() {
            "Hello".to_owned()
        } else {
            format!("Hello {name}")
        };
        let text = format!(
            "{greeting},\n\n{tenant} has created an account for you ({email}). Finish signing up here:\n\n{link}\n\nThe link works once, until {expires}. If you did not expect this email, you can ignore it.\n",
            tenant = c.tenant_name,
            email = c.email,
        );
        let html = format!(
            "<!DOCTYPE html>\n<html><body>\n<p>{greeting},</p>\n<p>{tenant} has created an account for you ({email}). Finish signing up here:</p>\n<p><a href=\"{href}\">Finish signing up</a></p>\n<p>The link works once, until {expires}. If you did not expect this email, you can ignore it.</p>\n</body></html>\n",
            greeting = escape_html(&greeting),
            tenant = escape_html(&c.tenant_name),
            email = escape_html(&c.email),
            href = escape_html(&link),
        );
        Message::builder()
            .from(self.settings.from.clone())
            .to(to)
            .subject(format!("Finish signing up to {}", c.tenant_name))
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        lettre::message::SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .body(text),
                    )
                    .singlepart(
                        lettre::message::SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .body(html),
                    ),
            )
            .map_err(|e| Outcome::Permanent(format!("the message could not be written: {e}")))
    }
}

/// HTML-escapes text (names come from the identity provider).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An SMTP failure as an outcome: 4xx and connection trouble are
/// transient, 5xx permanent; the server's answer is kept.
fn classify(e: &lettre::transport::smtp::Error, target: &SmtpTarget) -> Outcome {
    let answer = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_default();
    if let Some(code) = e.status() {
        let text = format!("{code} {answer}").trim().to_owned();
        return if e.is_permanent() {
            Outcome::Permanent(text)
        } else {
            Outcome::Transient(text)
        };
    }
    let lower = answer.to_ascii_lowercase();
    let what = if e.is_timeout() {
        "timed out"
    } else if lower.contains("certificate") {
        "TLS failed (the server's certificate did not verify; a private CA goes in [mail] ca_file)"
    } else if e.is_tls() || lower.contains("tls") {
        "TLS failed"
    } else {
        "connection failed"
    };
    Outcome::Transient(
        format!("{what} to {}: {answer}", target.shown())
            .trim()
            .to_owned(),
    )
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, EngineError> + Send + 'static,
) -> Result<T, EngineError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| EngineError::Internal(format!("a delivery store task failed: {e}")))?
}

/// One pass: claims due invitations a batch at a time, sends each and
/// records the outcome, until none is due.
pub async fn deliver_pass(engine: &Engine, mailer: &Mailer) -> Result<PassReport, EngineError> {
    let mut report = PassReport::default();
    let policy = mailer.settings.policy;
    loop {
        let e = engine.clone();
        let claimed = blocking(move || e.claim_invitations(&policy, BATCH)).await?;
        if claimed.is_empty() {
            return Ok(report);
        }
        for c in claimed {
            let outcome = mailer.send(&c).await;
            let e = engine.clone();
            match outcome {
                Outcome::Sent => {
                    blocking(move || e.invitation_sent(&c)).await?;
                    report.sent += 1;
                }
                Outcome::Transient(why) => {
                    let failed_now = c.attempt >= policy.max_attempts;
                    blocking(move || e.invitation_retry(&c, &why, &policy)).await?;
                    if failed_now {
                        report.failed += 1;
                    } else {
                        report.retrying += 1;
                    }
                }
                Outcome::Permanent(why) => {
                    blocking(move || e.invitation_failed(&c, &why)).await?;
                    report.failed += 1;
                }
            }
        }
    }
}

/// The delivery worker of `scimctl serve`: a pass whenever an invitation
/// is due, checked every [`POLL_EVERY`] with a read (no write lock while
/// idle), until `stop` turns true.
pub async fn worker(engine: Engine, mailer: Mailer, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        if *stop.borrow() {
            return;
        }
        let e = engine.clone();
        match blocking(move || e.invitations_due()).await {
            Ok(true) => {
                if let Err(err) = deliver_pass(&engine, &mailer).await {
                    tracing::warn!(error = %err, "sign-up email delivery failed; retrying shortly");
                }
            }
            Ok(false) => {}
            Err(err) => tracing::warn!(error = %err, "could not look for sign-up emails to send"),
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL_EVERY) => {}
            _ = stop.changed() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_say_how_they_are_secured() {
        let t = SmtpTarget::parse("smtp://127.0.0.1:2525").unwrap();
        assert_eq!((t.security, t.port), (Security::Plain, 2525));
        let t = SmtpTarget::parse("smtp://mail.example.com?tls=starttls").unwrap();
        assert_eq!((t.security, t.port), (Security::StartTls, 587));
        let t = SmtpTarget::parse("smtps://mail.example.com").unwrap();
        assert_eq!((t.security, t.port), (Security::Tls, 465));
        let t = SmtpTarget::parse("smtp://[::1]:25").unwrap();
        assert_eq!(t.host, "::1");
    }

    #[test]
    fn a_password_or_plain_smtp_across_the_network_is_refused() {
        let e = SmtpTarget::parse("smtps://u:hunter2@mail.example.com").unwrap_err();
        assert!(e.contains("password") && !e.contains("hunter2"), "{e}");
        assert!(
            SmtpTarget::parse("smtp://mail.example.com")
                .unwrap_err()
                .contains("unencrypted")
        );
        assert!(SmtpTarget::parse("smtp://h?tls=none").is_err());
        assert!(SmtpTarget::parse("http://h").is_err());
    }

    #[test]
    fn names_are_escaped_in_html() {
        assert_eq!(
            escape_html("<b>O'Neil & \"Co\"</b>"),
            "&lt;b&gt;O&#39;Neil &amp; &quot;Co&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn the_signup_url_needs_its_token_and_https() {
        assert!(check_signup_url("https://app.example.com/s?t={token}").is_ok());
        assert!(check_signup_url("https://app.example.com/s").is_err());
        assert!(check_signup_url("http://app.example.com/s?t={token}").is_err());
        assert!(check_signup_url("http://127.0.0.1:9/s?t={token}").is_ok());
    }
}
