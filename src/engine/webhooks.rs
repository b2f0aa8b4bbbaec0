//! Signed webhooks (Standard Webhooks): a tenant's endpoints, the messages
//! sent to them (deliveries), and every rule about them — which URLs are
//! accepted, the secret and the signature, the retry schedule, when an
//! endpoint is disabled, and which delivery worker may deliver to an
//! endpoint (a lease). The HTTP sending itself is `http::webhooks`: the
//! engine knows no HTTP; it hands a worker a [`Job`] and takes back an
//! [`Outcome`].
//!
//! Per endpoint, events are delivered at least once and in order: one
//! delivery of an event is pending at a time, the endpoint's cursor (the
//! seq of the last event it is done with) moves only when that delivery
//! has succeeded, or has failed after its retry period. Test pings and
//! redeliveries are messages of their own beside that queue; they never
//! move the cursor.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::Sha256;
use time::OffsetDateTime;

use super::error::{EngineError, Result};
use super::events::{Event, EventQuery, EventType};
use super::model::Tenant;
use super::store::Tx;
use super::tokens::Secret;
use super::{Engine, new_id, now};

/// A secret starts with this (Standard Webhooks' convention).
pub const SECRET_PREFIX: &str = "whsec_";
/// Random bytes of a secret (the spec asks for 24 to 64).
const SECRET_BYTES: usize = 32;
/// The most endpoints one tenant may have.
pub const MAX_ENDPOINTS_PER_TENANT: usize = 20;
/// The longest URL accepted.
const MAX_URL: usize = 2048;
/// The most deliveries one `webhook deliveries` answer lists.
pub const MAX_DELIVERIES_SHOWN: u32 = 200;
/// What is kept of a receiver's answer, for `webhook deliveries`.
pub const RESPONSE_EXCERPT: usize = 4096;
/// The type of a test ping (not a provisioning event: never in the events
/// table).
pub const TEST_TYPE: &str = "webhook.test";
/// The first retry's delay; each next one doubles, up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(600);

/// What a delivery carries.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum DeliveryKind {
    /// The next event after the endpoint's cursor.
    Event,
    /// `webhook test`: a ping.
    Test,
    /// `webhook redeliver`: an earlier message sent again.
    Redelivery,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum DeliveryStatus {
    Pending,
    Succeeded,
    Failed,
}

impl DeliveryKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// An endpoint as the store keeps it. `Debug` never shows the secret.
#[derive(Clone, PartialEq)]
pub struct Endpoint {
    pub id: String,
    pub tenant_id: String,
    pub url: String,
    /// `whsec_` + base64 of the key.
    pub secret: String,
    /// Only these types (none: every type).
    pub types: Vec<EventType>,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    /// The seq of the last event this endpoint is done with.
    pub cursor: i64,
    /// Event deliveries failed in a row (after their retry period).
    pub consecutive_failures: u32,
    pub lease_owner: Option<String>,
    pub lease_until: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("id", &self.id)
            .field("tenant_id", &self.tenant_id)
            .field("url", &self.url)
            .field("secret", &"REDACTED")
            .field("types", &self.types)
            .field("enabled", &self.enabled)
            .field("cursor", &self.cursor)
            .field("consecutive_failures", &self.consecutive_failures)
            .field("lease_owner", &self.lease_owner)
            .finish_non_exhaustive()
    }
}

/// Types as the store's `types` column holds them: comma-separated names.
pub fn types_text(types: &[EventType]) -> String {
    types
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The `types` column read back.
pub fn types_of(text: &str) -> std::result::Result<Vec<EventType>, String> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(EventType::parse)
        .collect()
}

/// One message to an endpoint and the outcome of its last attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub id: String,
    pub endpoint_id: String,
    pub tenant_id: String,
    pub kind: DeliveryKind,
    /// `webhook-id`: the event's id (a redelivery keeps it), or a test
    /// ping's own.
    pub message_id: String,
    pub event_seq: Option<i64>,
    pub event_type: String,
    /// The body as first built: every attempt sends these bytes.
    pub body: String,
    pub status: DeliveryStatus,
    pub attempts: u32,
    pub next_attempt_at: OffsetDateTime,
    pub first_attempt_at: Option<OffsetDateTime>,
    pub last_attempt_at: Option<OffsetDateTime>,
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    pub response_excerpt: Option<String>,
    pub created_at: OffsetDateTime,
}

/// Which deliveries to list, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliveryQuery {
    pub tenant_id: Option<String>,
    pub endpoint_id: Option<String>,
    pub failed_only: bool,
    /// At most this many (0: no limit).
    pub limit: u32,
}

/// An endpoint as every face shows it (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookView {
    pub id: String,
    pub tenant_id: String,
    pub url: String,
    /// The event types it gets; empty: every type.
    pub types: Vec<String>,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    /// The seq of the last event it is done with.
    pub cursor: i64,
    pub consecutive_failures: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&Endpoint> for WebhookView {
    fn from(e: &Endpoint) -> WebhookView {
        WebhookView {
            id: e.id.clone(),
            tenant_id: e.tenant_id.clone(),
            url: e.url.clone(),
            types: e.types.iter().map(|t| t.as_str().to_owned()).collect(),
            enabled: e.enabled,
            disabled_reason: e.disabled_reason.clone(),
            cursor: e.cursor,
            consecutive_failures: e.consecutive_failures,
            created_at: e.created_at,
        }
    }
}

/// A new endpoint and its signing secret: the only time the secret is
/// shown.
#[derive(Debug)]
pub struct AddedWebhook {
    pub webhook: WebhookView,
    pub secret: Secret,
}

/// The stable JSON shape of [`AddedWebhook`] (`Secret` is never
/// serialisable by itself).
#[derive(Serialize, Deserialize)]
struct AddedWebhookJson<T> {
    #[serde(flatten)]
    webhook: WebhookView,
    secret: T,
}

impl Serialize for AddedWebhook {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        AddedWebhookJson {
            webhook: self.webhook.clone(),
            secret: self.secret.expose(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for AddedWebhook {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let j = AddedWebhookJson::<String>::deserialize(d)?;
        Ok(AddedWebhook {
            webhook: j.webhook,
            secret: Secret::new(j.secret),
        })
    }
}

/// A delivery as every face shows it (without its body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryView {
    pub id: String,
    pub endpoint_id: String,
    pub kind: DeliveryKind,
    /// The `webhook-id` header's value.
    pub message_id: String,
    pub event_seq: Option<i64>,
    #[serde(rename = "type")]
    pub event_type: String,
    pub status: DeliveryStatus,
    pub attempts: u32,
    /// When the next attempt is due (a pending delivery).
    #[serde(with = "time::serde::rfc3339::option")]
    pub next_attempt_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_attempt_at: Option<OffsetDateTime>,
    /// The receiver's HTTP status at the last attempt.
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    /// The first 4 KiB of the receiver's last answer.
    pub response_excerpt: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&Delivery> for DeliveryView {
    fn from(d: &Delivery) -> DeliveryView {
        DeliveryView {
            id: d.id.clone(),
            endpoint_id: d.endpoint_id.clone(),
            kind: d.kind,
            message_id: d.message_id.clone(),
            event_seq: d.event_seq,
            event_type: d.event_type.clone(),
            status: d.status,
            attempts: d.attempts,
            next_attempt_at: (d.status == DeliveryStatus::Pending).then_some(d.next_attempt_at),
            last_attempt_at: d.last_attempt_at,
            last_status: d.last_status,
            last_error: d.last_error.clone(),
            response_excerpt: d.response_excerpt.clone(),
            created_at: d.created_at,
        }
    }
}

/// How the delivery workers retry, disable and lease (config `[serve]`
/// `webhook_*`).
#[derive(Debug, Clone)]
pub struct Policy {
    /// How long a delivery is retried before it is marked failed.
    pub retry_for: Duration,
    /// Failed event deliveries in a row that disable an endpoint.
    pub disable_after: u32,
    /// How long a claim on an endpoint lasts without being renewed.
    pub lease: Duration,
    /// The largest body sent (a larger event's delivery fails at once).
    pub max_body: usize,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            retry_for: Duration::from_secs(86_400),
            disable_after: 5,
            lease: Duration::from_secs(60),
            max_body: 1 << 20,
        }
    }
}

/// One message for a worker to send: everything the HTTP side needs.
#[derive(Debug, Clone)]
pub struct Job {
    pub delivery_id: String,
    pub endpoint_id: String,
    pub url: String,
    pub secret: Secret,
    pub message_id: String,
    pub body: String,
}

/// What a receiver did with a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx.
    Delivered {
        status: u16,
        excerpt: Option<String>,
    },
    /// Any other status (a redirect included: never followed), a timeout,
    /// a refused connection.
    Failed {
        status: Option<u16>,
        error: String,
        excerpt: Option<String>,
    },
}

/// Moves at every change to endpoints or queued messages made in this
/// process (see [`Engine::webhook_marker`]).
static CHANGES: AtomicU64 = AtomicU64::new(0);

fn changed() {
    CHANGES.fetch_add(1, Ordering::Relaxed);
}

// ---- rules -------------------------------------------------------------

/// Whether `url` may be an endpoint: `https://`, or `http://` to a
/// loopback host (127.0.0.0/8, ::1, localhost) for local receivers; no
/// credentials in it, no spaces, at most 2048 characters.
pub fn check_url(url: &str) -> std::result::Result<(), String> {
    if url.len() > MAX_URL {
        return Err(format!("the URL is longer than {MAX_URL} characters"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("the URL contains spaces or control characters".into());
    }
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| format!("{url:?} is not an absolute URL; write https://host/path"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("the URL must not carry a user name or password; put credentials in the receiver's own check of the signature".into());
    }
    let host = host_of(authority).ok_or_else(|| format!("{url:?} has no valid host"))?;
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(()),
        "http" if is_loopback(&host) => Ok(()),
        "http" => Err(format!(
            "{url:?} is plain http:// to {host}, which is not loopback: webhooks leave this host only over https:// (http:// is accepted for 127.0.0.0/8, ::1 and localhost)"
        )),
        other => Err(format!(
            "{url:?} has the scheme {other}://; webhook URLs are https:// (or http:// to loopback)"
        )),
    }
}

/// The host of an authority (`host`, `host:port`, `[v6]:port`), lower-cased.
fn host_of(authority: &str) -> Option<String> {
    let host = if let Some(v6) = authority.strip_prefix('[') {
        let (h, tail) = v6.split_once(']')?;
        if !(tail.is_empty() || tail.strip_prefix(':').is_some_and(valid_port)) {
            return None;
        }
        h.parse::<Ipv6Addr>().ok()?;
        h
    } else {
        let (h, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        };
        if port.is_some_and(|p| !valid_port(p)) {
            return None;
        }
        h
    };
    if host.is_empty()
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_'))
    {
        return None;
    }
    Some(host.to_ascii_lowercase())
}

fn valid_port(p: &str) -> bool {
    !p.is_empty() && p.parse::<u16>().is_ok()
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<Ipv4Addr>().is_ok_and(|a| a.is_loopback())
        || host.parse::<Ipv6Addr>().is_ok_and(|a| a.is_loopback())
}

/// A new signing secret: `whsec_` + base64 of 32 random bytes.
pub fn new_secret() -> Result<Secret> {
    let mut bytes = zeroize::Zeroizing::new([0u8; SECRET_BYTES]);
    getrandom::fill(bytes.as_mut())
        .map_err(|e| EngineError::Internal(format!("no randomness for a webhook secret: {e}")))?;
    Ok(Secret::new(format!(
        "{SECRET_PREFIX}{}",
        STANDARD.encode(bytes.as_ref())
    )))
}

/// The key a secret stands for: the base64 after `whsec_`.
pub fn secret_key(secret: &Secret) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    let b64 = secret
        .expose()
        .strip_prefix(SECRET_PREFIX)
        .ok_or_else(|| EngineError::Internal("a stored webhook secret lacks whsec_".into()))?;
    STANDARD
        .decode(b64)
        .map(zeroize::Zeroizing::new)
        .map_err(|_| EngineError::Internal("a stored webhook secret is not base64".into()))
}

/// `webhook-signature`: `v1,` + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).
pub fn sign(key: &[u8], message_id: &str, timestamp: i64, body: &str) -> Result<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .map_err(|e| EngineError::Internal(format!("cannot key the webhook signature: {e}")))?;
    mac.update(message_id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    Ok(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// The delay before attempt `attempts + 1`, after `attempts` failed:
/// 0.5 s doubled each time up to 10 min, with jitter (`jitter` in [0, 1)
/// takes up to half of it off), so that receivers coming back are not
/// hit by every sender at once.
pub fn backoff(attempts: u32, jitter: f64) -> Duration {
    let n = attempts.saturating_sub(1).min(20);
    let full = FIRST_BACKOFF.saturating_mul(1u32 << n).min(MAX_BACKOFF);
    full.mul_f64(1.0 - 0.5 * jitter.clamp(0.0, 1.0))
}

fn jitter() -> f64 {
    let mut b = [0u8; 4];
    match getrandom::fill(&mut b) {
        Ok(()) => f64::from(u32::from_le_bytes(b)) / (f64::from(u32::MAX) + 1.0),
        Err(_) => 0.5,
    }
}

/// The body of an event's message: `{"type", "timestamp", "data"}` with
/// the event as the events API shows it in `data`.
pub fn event_body(e: &Event) -> Result<String> {
    let at =
        e.at.format(&time::format_description::well_known::Rfc3339)
            .map_err(|err| EngineError::Internal(format!("cannot format a time: {err}")))?;
    serde_json::to_string(&json!({"type": e.kind.as_str(), "timestamp": at, "data": e}))
        .map_err(|err| EngineError::Internal(format!("cannot serialise an event: {err}")))
}

fn test_body(endpoint: &Endpoint, message_id: &str, at: OffsetDateTime) -> Result<String> {
    let at = at
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|err| EngineError::Internal(format!("cannot format a time: {err}")))?;
    serde_json::to_string(&json!({
        "type": TEST_TYPE,
        "timestamp": at,
        "data": {
            "id": message_id,
            "endpoint_id": endpoint.id,
            "tenant_id": endpoint.tenant_id,
            "message": "a test ping from scimctl: the signature and the endpoint work",
        },
    }))
    .map_err(|err| EngineError::Internal(format!("cannot serialise a test ping: {err}")))
}

fn not_found(id: &str, t: &Tenant) -> EngineError {
    EngineError::WebhookNotFound {
        id: id.to_owned(),
        tenant: t.name.clone(),
    }
}

/// The endpoint `id` of tenant `t`.
fn endpoint_of(tx: &dyn Tx, t: &Tenant, id: &str) -> Result<Endpoint> {
    match tx.webhook(id)? {
        Some(e) if e.tenant_id == t.id => Ok(e),
        _ => Err(not_found(id, t)),
    }
}

fn later(t: OffsetDateTime, d: Duration) -> OffsetDateTime {
    time::Duration::try_from(d)
        .ok()
        .and_then(|d| t.checked_add(d))
        .unwrap_or(t)
}

fn new_delivery(
    e: &Endpoint,
    kind: DeliveryKind,
    message_id: String,
    event: Option<(i64, &str)>,
    body: String,
    at: OffsetDateTime,
) -> Delivery {
    Delivery {
        id: new_id(),
        endpoint_id: e.id.clone(),
        tenant_id: e.tenant_id.clone(),
        kind,
        message_id,
        event_seq: event.map(|(s, _)| s),
        event_type: event.map_or(TEST_TYPE, |(_, t)| t).to_owned(),
        body,
        status: DeliveryStatus::Pending,
        attempts: 0,
        next_attempt_at: at,
        first_attempt_at: None,
        last_attempt_at: None,
        last_status: None,
        last_error: None,
        response_excerpt: None,
        created_at: at,
    }
}

// ---- administration ----------------------------------------------------

impl Engine {
    /// A new endpoint of `t` for `url`, getting the events of `types`
    /// (none: every type) from now on; its secret is in the answer only.
    pub fn webhook_add(&self, t: &Tenant, url: &str, types: &[EventType]) -> Result<AddedWebhook> {
        let url = url.trim();
        check_url(url).map_err(|reason| EngineError::InvalidValue {
            field: "webhook URL",
            reason,
        })?;
        let mut types = types.to_vec();
        types.sort_by_key(|t| t.as_str());
        types.dedup();
        let secret = new_secret()?;
        changed();
        self.write(|tx| {
            if tx.webhooks(Some(&t.id))?.len() >= MAX_ENDPOINTS_PER_TENANT {
                return Err(EngineError::InvalidValue {
                    field: "webhook",
                    reason: format!(
                        "tenant \"{}\" has {MAX_ENDPOINTS_PER_TENANT} endpoints, the most it may have; remove one with 'scimctl webhook remove ID'",
                        t.name
                    ),
                });
            }
            let e = Endpoint {
                id: new_id(),
                tenant_id: t.id.clone(),
                url: url.to_owned(),
                secret: secret.expose().to_owned(),
                types: types.clone(),
                enabled: true,
                disabled_reason: None,
                // From now on: the events already written are not sent.
                cursor: tx.last_event_seq()?,
                consecutive_failures: 0,
                lease_owner: None,
                lease_until: None,
                created_at: now(),
            };
            tx.insert_webhook(&e)?;
            self.audit(tx, Some(&t.id), "webhook.add", Some(&e.id), Some(e.url.clone()))?;
            Ok(AddedWebhook {
                webhook: WebhookView::from(&e),
                secret: secret.clone(),
            })
        })
    }

    /// The endpoints of `t`, oldest first.
    pub fn webhooks(&self, t: &Tenant) -> Result<Vec<WebhookView>> {
        self.read(|tx| {
            Ok(tx
                .webhooks(Some(&t.id))?
                .iter()
                .map(WebhookView::from)
                .collect())
        })
    }

    /// Every endpoint of every tenant, for the dashboard and diagnostics.
    pub fn all_webhooks(&self) -> Result<Vec<WebhookView>> {
        self.read(|tx| Ok(tx.webhooks(None)?.iter().map(WebhookView::from).collect()))
    }

    /// Removes an endpoint and its deliveries.
    pub fn webhook_remove(&self, t: &Tenant, id: &str) -> Result<WebhookView> {
        self.write(|tx| {
            let e = endpoint_of(tx, t, id)?;
            tx.delete_webhook(&e.id)?;
            self.audit(
                tx,
                Some(&t.id),
                "webhook.remove",
                Some(&e.id),
                Some(e.url.clone()),
            )?;
            Ok(WebhookView::from(&e))
        })
    }

    /// Enables an endpoint again (after it was disabled by failures): it
    /// resumes from its cursor, its run of failures forgotten.
    pub fn webhook_enable(&self, t: &Tenant, id: &str) -> Result<WebhookView> {
        changed();
        self.write(|tx| {
            let mut e = endpoint_of(tx, t, id)?;
            e.enabled = true;
            e.disabled_reason = None;
            e.consecutive_failures = 0;
            tx.update_webhook(&e)?;
            self.audit(tx, Some(&t.id), "webhook.enable", Some(&e.id), None)?;
            Ok(WebhookView::from(&e))
        })
    }

    /// Queues a test ping (`webhook.test`) to an endpoint: a delivery of
    /// its own, sent once by the next worker pass.
    pub fn webhook_test(&self, t: &Tenant, id: &str) -> Result<DeliveryView> {
        changed();
        self.write(|tx| {
            let e = endpoint_of(tx, t, id)?;
            if !e.enabled {
                return Err(EngineError::WebhookDisabled { id: e.id.clone() });
            }
            let at = now();
            let message_id = format!("msg_{}", new_id());
            let body = test_body(&e, &message_id, at)?;
            let d = new_delivery(&e, DeliveryKind::Test, message_id, None, body, at);
            tx.insert_delivery(&d)?;
            self.audit(tx, Some(&t.id), "webhook.test", Some(&e.id), None)?;
            Ok(DeliveryView::from(&d))
        })
    }

    /// The deliveries of `t` (of one endpoint), newest first.
    pub fn webhook_deliveries(
        &self,
        t: &Tenant,
        endpoint: Option<&str>,
        failed_only: bool,
        limit: u32,
    ) -> Result<Vec<DeliveryView>> {
        self.read(|tx| {
            if let Some(id) = endpoint {
                endpoint_of(tx, t, id)?;
            }
            let q = DeliveryQuery {
                tenant_id: Some(t.id.clone()),
                endpoint_id: endpoint.map(str::to_owned),
                failed_only,
                limit: limit.clamp(1, MAX_DELIVERIES_SHOWN),
            };
            Ok(tx.deliveries(&q)?.iter().map(DeliveryView::from).collect())
        })
    }

    /// One delivery of `t`.
    pub fn webhook_delivery(&self, t: &Tenant, id: &str) -> Result<DeliveryView> {
        self.read(|tx| match tx.delivery(id)? {
            Some(d) if d.tenant_id == t.id => Ok(DeliveryView::from(&d)),
            _ => Err(EngineError::DeliveryNotFound {
                id: id.to_owned(),
                tenant: t.name.clone(),
            }),
        })
    }

    /// Sends an earlier message again (same `webhook-id`, same body), as
    /// a new delivery retried as any other; the cursor stays where it is.
    pub fn webhook_redeliver(&self, t: &Tenant, delivery_id: &str) -> Result<DeliveryView> {
        changed();
        self.write(|tx| {
            let old = match tx.delivery(delivery_id)? {
                Some(d) if d.tenant_id == t.id => d,
                _ => {
                    return Err(EngineError::DeliveryNotFound {
                        id: delivery_id.to_owned(),
                        tenant: t.name.clone(),
                    });
                }
            };
            let e = endpoint_of(tx, t, &old.endpoint_id)?;
            if !e.enabled {
                return Err(EngineError::WebhookDisabled { id: e.id.clone() });
            }
            let event = old.event_seq.map(|s| (s, old.event_type.as_str()));
            let mut d = new_delivery(
                &e,
                DeliveryKind::Redelivery,
                old.message_id.clone(),
                event,
                old.body.clone(),
                now(),
            );
            d.event_type = old.event_type.clone();
            tx.insert_delivery(&d)?;
            self.audit(
                tx,
                Some(&t.id),
                "webhook.redeliver",
                Some(&d.id),
                Some(old.id.clone()),
            )?;
            Ok(DeliveryView::from(&d))
        })
    }
}

// ---- the delivery workers' side ---------------------------------------

/// Whether `owner` holds `e`'s lease at `at`.
fn holds(e: &Endpoint, owner: &str, at: OffsetDateTime) -> bool {
    e.lease_owner.as_deref() == Some(owner) && e.lease_until.is_some_and(|u| u > at)
}

/// Whether `e` is free for anyone to claim at `at`.
fn free(e: &Endpoint, at: OffsetDateTime) -> bool {
    e.lease_owner.is_none() || e.lease_until.is_none_or(|u| u <= at)
}

/// What a worker's claim found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claim {
    /// The endpoints the worker holds now.
    pub held: Vec<String>,
    /// Enabled endpoints there are, held by anyone.
    pub enabled: usize,
}

impl Engine {
    /// A mark that moves when endpoints may have changed: at any change
    /// made in this process, and (through the store's stamp) at any commit
    /// by another process. A worker that found no enabled endpoint reads
    /// the store again only when it moved; None: it cannot be told (look).
    pub fn webhook_marker(&self) -> Option<(u64, u64)> {
        let stamp = self.store.auth_stamp()?;
        Some((stamp, CHANGES.load(Ordering::Relaxed)))
    }

    /// Claims (or renews) leases on enabled endpoints for the worker
    /// `owner`, up to `max` held at once; returns the ids it holds. A
    /// write transaction only when something is to be claimed or renewed:
    /// those are serialized on both stores, so two workers never both
    /// hold one endpoint.
    pub fn webhook_claim(&self, owner: &str, p: &Policy, max: usize) -> Result<Claim> {
        let at = now();
        let renew_before = later(at, p.lease / 2);
        let wants = |all: &[Endpoint]| {
            let mine = all.iter().filter(|e| holds(e, owner, at)).count();
            all.iter().any(|e| {
                e.enabled
                    && ((holds(e, owner, at) && e.lease_until.is_some_and(|u| u <= renew_before))
                        || (free(e, at) && mine < max))
            })
        };
        let all = self.read(|tx| tx.webhooks(None))?;
        if !wants(&all) {
            return Ok(Claim {
                held: all
                    .iter()
                    .filter(|e| e.enabled && holds(e, owner, at))
                    .map(|e| e.id.clone())
                    .collect(),
                enabled: all.iter().filter(|e| e.enabled).count(),
            });
        }
        self.write(|tx| {
            let at = now();
            let until = later(at, p.lease);
            let mut held = Vec::new();
            let mut enabled = 0;
            for mut e in tx.webhooks(None)? {
                if !e.enabled {
                    continue;
                }
                enabled += 1;
                let mine = holds(&e, owner, at);
                if mine || (free(&e, at) && held.len() < max) {
                    e.lease_owner = Some(owner.to_owned());
                    e.lease_until = Some(until);
                    tx.update_webhook(&e)?;
                    held.push(e.id);
                }
            }
            Ok(Claim { held, enabled })
        })
    }

    /// Gives up every lease `owner` holds (a worker stopping), so another
    /// resumes at once rather than when the lease expires.
    pub fn webhook_release(&self, owner: &str) -> Result<()> {
        let held = self.read(|tx| {
            Ok(tx
                .webhooks(None)?
                .iter()
                .any(|e| e.lease_owner.as_deref() == Some(owner)))
        })?;
        if !held {
            return Ok(());
        }
        self.write(|tx| {
            for mut e in tx.webhooks(None)? {
                if e.lease_owner.as_deref() == Some(owner) {
                    e.lease_owner = None;
                    e.lease_until = None;
                    tx.update_webhook(&e)?;
                }
            }
            Ok(())
        })
    }

    /// The next message due for endpoint `id`, if `owner` holds its lease:
    /// a due pending delivery (test pings, redeliveries, the event being
    /// retried), else, when no event delivery is pending, a new delivery
    /// of the next event after the cursor. Renews the lease.
    pub fn webhook_next(&self, owner: &str, id: &str, p: &Policy) -> Result<Option<Job>> {
        // A read first: an idle endpoint costs no write transaction.
        let ready = self.read(|tx| {
            let Some(e) = tx.webhook(id)? else {
                return Ok(false);
            };
            let at = now();
            if !e.enabled || !holds(&e, owner, at) {
                return Ok(false);
            }
            let pending = tx.pending_deliveries(&e.id)?;
            if pending.iter().any(|d| d.next_attempt_at <= at) {
                return Ok(true);
            }
            if pending.iter().any(|d| d.kind == DeliveryKind::Event) {
                return Ok(false);
            }
            Ok(!next_events(tx, &e, 1)?.is_empty())
        })?;
        if !ready {
            return Ok(None);
        }
        self.write(|tx| {
            let Some(mut e) = tx.webhook(id)? else {
                return Ok(None);
            };
            let at = now();
            if !e.enabled || !holds(&e, owner, at) {
                return Ok(None);
            }
            e.lease_until = Some(later(at, p.lease));
            tx.update_webhook(&e)?;
            let pending = tx.pending_deliveries(&e.id)?;
            let due = pending.iter().find(|d| d.next_attempt_at <= at);
            let d = match due {
                Some(d) => d.clone(),
                None if pending.iter().any(|d| d.kind == DeliveryKind::Event) => return Ok(None),
                None => loop {
                    let Some(ev) = next_events(tx, &e, 1)?.into_iter().next() else {
                        return Ok(None);
                    };
                    let body = event_body(&ev)?;
                    let mut d = new_delivery(
                        &e,
                        DeliveryKind::Event,
                        ev.id.clone(),
                        Some((ev.seq, ev.kind.as_str())),
                        body,
                        at,
                    );
                    if d.body.len() > p.max_body {
                        // Never sent: it fails at once and the endpoint
                        // moves on (not counted against the endpoint).
                        d.status = DeliveryStatus::Failed;
                        d.last_error = Some(format!(
                            "the message is {} bytes, more than the {} bytes a webhook body may have",
                            d.body.len(),
                            p.max_body
                        ));
                        d.body = String::new();
                        tx.insert_delivery(&d)?;
                        e.cursor = ev.seq;
                        tx.update_webhook(&e)?;
                        continue;
                    }
                    tx.insert_delivery(&d)?;
                    break d;
                },
            };
            Ok(Some(Job {
                delivery_id: d.id,
                endpoint_id: e.id.clone(),
                url: e.url.clone(),
                secret: Secret::new(e.secret.clone()),
                message_id: d.message_id,
                body: d.body,
            }))
        })
    }

    /// Records what the receiver did with `job`: a success moves the
    /// cursor (an event's) and ends the run of failures; a failure is
    /// retried after a backoff until the retry period has passed, then the
    /// delivery is failed, the endpoint moves on, and after
    /// `p.disable_after` failed event deliveries in a row it is disabled.
    /// Nothing is recorded when `owner` lost the lease meanwhile: the new
    /// holder sends the message again (at least once).
    pub fn webhook_record(
        &self,
        owner: &str,
        job: &Job,
        outcome: Outcome,
        p: &Policy,
    ) -> Result<()> {
        self.write(|tx| {
            let Some(mut e) = tx.webhook(&job.endpoint_id)? else {
                return Ok(());
            };
            let at = now();
            if e.lease_owner.as_deref() != Some(owner) {
                return Ok(());
            }
            let Some(mut d) = tx.delivery(&job.delivery_id)? else {
                return Ok(());
            };
            if d.status != DeliveryStatus::Pending {
                return Ok(());
            }
            d.attempts += 1;
            d.last_attempt_at = Some(at);
            let first = *d.first_attempt_at.get_or_insert(at);
            let mut endpoint_changed = false;
            match outcome {
                Outcome::Delivered { status, excerpt } => {
                    d.status = DeliveryStatus::Succeeded;
                    d.last_status = Some(status);
                    d.last_error = None;
                    d.response_excerpt = excerpt;
                    if d.kind == DeliveryKind::Event {
                        if let Some(seq) = d.event_seq {
                            e.cursor = e.cursor.max(seq);
                        }
                        e.consecutive_failures = 0;
                        endpoint_changed = true;
                    }
                }
                Outcome::Failed {
                    status,
                    error,
                    excerpt,
                } => {
                    d.last_status = status;
                    d.last_error = Some(error.clone());
                    d.response_excerpt = excerpt;
                    let deadline = later(first, p.retry_for);
                    if d.kind == DeliveryKind::Test || at >= deadline {
                        d.status = DeliveryStatus::Failed;
                        if d.kind == DeliveryKind::Event {
                            if let Some(seq) = d.event_seq {
                                e.cursor = e.cursor.max(seq);
                            }
                            e.consecutive_failures += 1;
                            if e.consecutive_failures >= p.disable_after {
                                e.enabled = false;
                                e.disabled_reason = Some(format!(
                                    "{} deliveries in a row failed after retrying for {}; the last: {error}",
                                    e.consecutive_failures,
                                    humantime::format_duration(p.retry_for)
                                ));
                                e.lease_owner = None;
                                e.lease_until = None;
                            }
                            endpoint_changed = true;
                        }
                    } else {
                        let next = later(at, backoff(d.attempts, jitter()));
                        // The last attempt falls at the end of the period.
                        d.next_attempt_at = next.min(deadline);
                    }
                }
            }
            tx.update_delivery(&d)?;
            if endpoint_changed {
                tx.update_webhook(&e)?;
            }
            Ok(())
        })
    }
}

impl Engine {
    /// Removes finished deliveries older than `keep_days`, in chunks of
    /// their own transactions; returns how many.
    pub fn prune_deliveries(&self, keep_days: u32) -> Result<u64> {
        let Some(before) = time::Duration::checked_seconds_f64(f64::from(keep_days) * 86_400.0)
            .and_then(|d| now().checked_sub(d))
        else {
            return Ok(0);
        };
        let mut total = 0;
        loop {
            let n = self.write(|tx| tx.prune_deliveries(before, 2_000))?;
            total += n;
            if n < 2_000 {
                return Ok(total);
            }
        }
    }
}

/// The next events for `e` after its cursor: its tenant's, of its types.
fn next_events(tx: &dyn Tx, e: &Endpoint, limit: u32) -> Result<Vec<Event>> {
    tx.events(&EventQuery {
        tenant_id: Some(e.tenant_id.clone()),
        types: e.types.clone(),
        after: Some(e.cursor),
        limit,
    })
}

/// What `diagnose tenant` says of a tenant's endpoints: a problem for
/// each disabled one, a warning for each failing one.
pub(crate) fn findings(hooks: &[WebhookView]) -> Vec<super::diagnose::Finding> {
    use super::diagnose::{Finding, Severity};
    hooks
        .iter()
        .filter_map(|w| {
            if !w.enabled {
                Some(Finding {
                    code: "webhook_disabled".into(),
                    severity: Severity::Problem,
                    verdict: format!(
                        "webhook endpoint {} ({}) is disabled: {}",
                        w.id,
                        w.url,
                        w.disabled_reason.as_deref().unwrap_or("by an administrator")
                    ),
                    fix: Some(format!(
                        "fix the receiver (see 'scimctl webhook deliveries --failed {}'), then 'scimctl webhook enable {}': it resumes after event {}",
                        w.id, w.id, w.cursor
                    )),
                })
            } else if w.consecutive_failures > 0 {
                Some(Finding {
                    code: "webhook_failing".into(),
                    severity: Severity::Warning,
                    verdict: format!(
                        "webhook endpoint {} ({}) has failed {} deliveries in a row",
                        w.id, w.url, w.consecutive_failures
                    ),
                    fix: Some(format!(
                        "see 'scimctl webhook deliveries --failed {}' for the receiver's answers",
                        w.id
                    )),
                })
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_required_off_loopback() {
        for ok in [
            "https://hooks.example.com/scim",
            "https://[2001:db8::1]:8443/x",
            "http://127.0.0.1:9000/hook",
            "http://127.10.0.3/hook",
            "http://localhost:8080",
            "http://[::1]:9000/h?x=1",
        ] {
            assert_eq!(check_url(ok), Ok(()), "{ok}");
        }
        for bad in [
            "http://example.com/hook",
            "http://10.0.0.1/hook",
            "http://127.0.0.1.evil.example/h",
            "ftp://127.0.0.1/x",
            "https://user:pw@hooks.example.com/",
            "hooks.example.com/x",
            "https:///x",
            "https://exa mple.com/",
            "http://127.0.0.1:99999/",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
        let e = check_url("http://example.com/x").unwrap_err();
        assert!(e.contains("https://"), "{e}");
    }

    #[test]
    fn a_signature_is_the_standard_webhooks_one() {
        // The Standard Webhooks specification's own example.
        let secret = Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into());
        let key = secret_key(&secret).unwrap();
        let body = r#"{"test": 2432232314}"#;
        let sig = sign(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).unwrap();
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn a_secret_has_the_prefix_and_enough_randomness() {
        let s = new_secret().unwrap();
        assert!(s.expose().starts_with(SECRET_PREFIX));
        assert_eq!(secret_key(&s).unwrap().len(), SECRET_BYTES);
        assert_ne!(s.expose(), new_secret().unwrap().expose());
    }

    #[test]
    fn backoff_doubles_with_jitter_up_to_a_cap() {
        assert_eq!(backoff(1, 0.0), Duration::from_millis(500));
        assert_eq!(backoff(2, 0.0), Duration::from_secs(1));
        assert_eq!(
            backoff(3, 0.999_999),
            Duration::from_secs(2).mul_f64(1.0 - 0.5 * 0.999_999)
        );
        assert_eq!(backoff(40, 0.0), MAX_BACKOFF);
    }

    #[test]
    fn types_round_trip_through_their_column() {
        let t = vec![EventType::UserCreated, EventType::GroupDeleted];
        assert_eq!(types_of(&types_text(&t)).unwrap(), t);
        assert!(types_of("").unwrap().is_empty());
    }
}
