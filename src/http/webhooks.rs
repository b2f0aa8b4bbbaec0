//! Webhook delivery over HTTP: the outbound half of `engine::webhooks`,
//! which holds every rule (what to send next, the signature, retries, the
//! disable rule, leases) and knows no HTTP. This module signs and POSTs
//! each [`Job`] the engine hands it and gives back an [`Outcome`]:
//!
//! - rustls, the system roots; **redirects are never followed** (a 3xx is
//!   a failed attempt); `https://` only, but to loopback (checked again
//!   here, not only at `webhook add`);
//! - a connect and a total timeout (`[serve] webhook_timeout_secs`); of
//!   the answer only the first 4 KiB are read, the rest is never read;
//! - the body is the one the engine built and bounded (`Policy::max_body`).
//!
//! [`Worker`] runs in `scimctl serve`: every [`TICK`] it claims leases on
//! endpoints (a write transaction, so two instances on one PostgreSQL
//! database never both hold one) and runs one task per held endpoint that
//! sends its due messages one at a time, in order. [`deliver_once`] is
//! the same pass once, for `scimctl webhook deliver` on a store no server
//! delivers from. Store work runs on the blocking pool, never on an async
//! worker.

use std::collections::HashMap;
use std::time::Duration;

use crate::config::ServeLimits;
use crate::engine::Engine;
use crate::engine::webhooks::{
    Job, Outcome, Policy, RESPONSE_EXCERPT, check_url, secret_key, sign,
};

/// How often the worker looks for endpoints to claim and work to do.
pub const TICK: Duration = Duration::from_millis(200);
/// How often the worker removes deliveries older than `keep_days`.
const PRUNE_EVERY: Duration = Duration::from_secs(600);
/// Endpoints one worker holds at most (others are left to other instances).
const MAX_HELD: usize = 256;

/// The delivery settings of `[serve]`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub policy: Policy,
    pub timeout: Duration,
    /// Finished deliveries are kept this long (config `log_retention_days`).
    pub keep_days: u32,
}

impl Settings {
    pub fn from_config(c: &ServeLimits, keep_days: u32) -> Settings {
        let timeout = Duration::from_secs(c.get("webhook_timeout_secs"));
        Settings {
            policy: Policy {
                retry_for: Duration::from_secs(c.get("webhook_retry_for_secs")),
                disable_after: u32::try_from(c.get("webhook_disable_after")).unwrap_or(u32::MAX),
                // Longer than any one attempt, so a live holder renews it
                // (at every job) well before it lapses.
                lease: (timeout * 3).max(Duration::from_secs(5)),
                max_body: usize::try_from(c.get("scim_max_body_bytes")).unwrap_or(usize::MAX),
            },
            timeout,
            keep_days,
        }
    }
}

/// The HTTP client deliveries go out with.
pub fn client(timeout: Duration) -> Result<reqwest::Client, String> {
    let tls = crate::net::tls::build(&[]).map_err(|e| format!("TLS setup failed: {e}"))?;
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeout)
        .timeout(timeout)
        .user_agent(concat!("scimctl-webhooks/", env!("CARGO_PKG_VERSION")))
        .tls_backend_preconfigured(tls.config)
        .build()
        .map_err(|e| crate::net::chain(&e))
}

fn failed(status: Option<u16>, error: String, excerpt: Option<String>) -> Outcome {
    Outcome::Failed {
        status,
        error,
        excerpt,
    }
}

/// Signs and sends one message; what came of it.
pub async fn send(client: &reqwest::Client, job: &Job, timeout: Duration) -> Outcome {
    if let Err(e) = check_url(&job.url) {
        return failed(None, format!("refused to send: {e}"), None);
    }
    let url = match reqwest::Url::parse(&job.url) {
        Ok(u) => u,
        Err(e) => return failed(None, format!("invalid URL: {e}"), None),
    };
    let key = match secret_key(&job.secret) {
        Ok(k) => k,
        Err(e) => return failed(None, e.to_string(), None),
    };
    let timestamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let signature = match sign(&key, &job.message_id, timestamp, &job.body) {
        Ok(s) => s,
        Err(e) => return failed(None, e.to_string(), None),
    };
    drop(key);
    let req = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &job.message_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(job.body.clone());
    let exchange = async {
        let mut res = req.send().await?;
        let status = res.status();
        let location = res
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(|l| l.chars().take(200).collect::<String>());
        // Only the first bytes: the rest of a large answer is never read.
        let mut kept = Vec::new();
        while kept.len() < RESPONSE_EXCERPT {
            match res.chunk().await? {
                Some(c) => kept.extend_from_slice(&c[..c.len().min(RESPONSE_EXCERPT - kept.len())]),
                None => break,
            }
        }
        Ok::<_, reqwest::Error>((status, location, kept))
    };
    let answer = tokio::time::timeout(timeout + Duration::from_millis(100), exchange).await;
    let secs = timeout.as_secs();
    match answer {
        Err(_) => failed(None, format!("no answer within {secs} s"), None),
        Ok(Err(e)) if e.is_timeout() => failed(None, format!("no answer within {secs} s"), None),
        Ok(Err(e)) => failed(None, crate::net::chain(&e), None),
        Ok(Ok((status, location, kept))) => {
            let excerpt = (!kept.is_empty()).then(|| String::from_utf8_lossy(&kept).into_owned());
            let code = status.as_u16();
            if status.is_success() {
                Outcome::Delivered {
                    status: code,
                    excerpt,
                }
            } else if status.is_redirection() {
                let to = location.map(|l| format!(" to {l}")).unwrap_or_default();
                failed(
                    Some(code),
                    format!(
                        "HTTP {code}: a redirect{to}, which is not followed; give the final URL"
                    ),
                    excerpt,
                )
            } else {
                failed(Some(code), format!("HTTP {code}"), excerpt)
            }
        }
    }
}

/// Runs `f` on the blocking pool; a panic there is an error.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> crate::engine::Result<T> + Send + 'static,
) -> Result<T, String> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(e.to_string()),
        Err(e) => Err(format!("the store task failed: {e}")),
    }
}

/// What one endpoint's run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    /// Messages sent and answered with 2xx.
    pub succeeded: u64,
    /// Attempts that failed (each retried later, or failed for good).
    pub failed_attempts: u64,
}

/// Sends endpoint `id`'s due messages one at a time, in order, until none
/// is due (or the lease is lost).
async fn run_endpoint(
    engine: Engine,
    client: reqwest::Client,
    owner: String,
    id: String,
    s: Settings,
) -> Tally {
    let mut tally = Tally::default();
    loop {
        let (e, o, i, p) = (engine.clone(), owner.clone(), id.clone(), s.policy.clone());
        let job = match blocking(move || e.webhook_next(&o, &i, &p)).await {
            Ok(Some(job)) => job,
            Ok(None) => return tally,
            Err(err) => {
                tracing::warn!(endpoint = %id, error = %err, "webhook delivery: cannot read the next message");
                return tally;
            }
        };
        let outcome = send(&client, &job, s.timeout).await;
        match &outcome {
            Outcome::Delivered { .. } => tally.succeeded += 1,
            Outcome::Failed { error, .. } => {
                tally.failed_attempts += 1;
                tracing::info!(endpoint = %id, delivery = %job.delivery_id, error = %error, "webhook attempt failed");
            }
        }
        let (e, o, p) = (engine.clone(), owner.clone(), s.policy.clone());
        if let Err(err) = blocking(move || e.webhook_record(&o, &job, outcome, &p)).await {
            tracing::warn!(endpoint = %id, error = %err, "webhook delivery: cannot record an attempt");
            return tally;
        }
    }
}

/// A name for this worker's leases: unique per process and start.
pub fn owner_name(what: &str) -> String {
    let tag = uuid::Uuid::new_v4().simple().to_string();
    format!("{what}-{}-{}", std::process::id(), &tag[..8])
}

/// The delivery worker of `scimctl serve`.
pub struct Worker;

impl Worker {
    /// Delivers until `stop` turns true, then gives up its leases.
    pub async fn run(engine: Engine, s: Settings, mut stop: tokio::sync::watch::Receiver<bool>) {
        let client = match client(s.timeout) {
            Ok(c) => c,
            Err(e) => {
                tracing::error!(error = %e, "webhook delivery is off: cannot set up its HTTP client");
                return;
            }
        };
        let owner = owner_name("serve");
        let mut running: HashMap<String, tokio::task::JoinHandle<Tally>> = HashMap::new();
        let mut pruned = std::time::Instant::now();
        // The marker when the last look found no enabled endpoint: until it
        // moves, an idle server does not read the store at all.
        let mut idle_at = None;
        loop {
            let marker = engine.webhook_marker();
            let idle = running.is_empty() && marker.is_some() && idle_at == marker;
            if idle {
                tokio::select! {
                    _ = tokio::time::sleep(TICK) => {}
                    _ = stop.changed() => break,
                }
                if *stop.borrow() {
                    break;
                }
                continue;
            }
            if pruned.elapsed() >= PRUNE_EVERY {
                pruned = std::time::Instant::now();
                let (e, days) = (engine.clone(), s.keep_days);
                if let Err(err) = blocking(move || e.prune_deliveries(days)).await {
                    tracing::warn!(error = %err, "webhook delivery: cannot remove old deliveries");
                }
            }
            running.retain(|_, t| !t.is_finished());
            let (e, o, p) = (engine.clone(), owner.clone(), s.policy.clone());
            match blocking(move || e.webhook_claim(&o, &p, MAX_HELD)).await {
                Ok(claim) => {
                    idle_at = if claim.enabled == 0 { marker } else { None };
                    for id in claim.held {
                        if running.contains_key(&id) {
                            continue;
                        }
                        let task = tokio::spawn(run_endpoint(
                            engine.clone(),
                            client.clone(),
                            owner.clone(),
                            id.clone(),
                            s.clone(),
                        ));
                        running.insert(id, task);
                    }
                }
                Err(err) => {
                    tracing::warn!(error = %err, "webhook delivery: cannot claim endpoints")
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(TICK) => {}
                _ = stop.changed() => break,
            }
            if *stop.borrow() {
                break;
            }
        }
        // In-flight attempts end within their timeout; their outcome is
        // recorded, then the leases go back for another instance.
        for (_, t) in running {
            let _ = tokio::time::timeout(s.timeout + Duration::from_secs(2), t).await;
        }
        let (e, o) = (engine.clone(), owner.clone());
        if let Err(err) = blocking(move || e.webhook_release(&o)).await {
            tracing::warn!(error = %err, "webhook delivery: cannot release its leases");
        }
    }
}

/// One pass for a store no server delivers from: every endpoint free to
/// claim gets its due messages (a failed attempt waits for a later pass,
/// or a server). Returns what was sent.
pub async fn deliver_once(engine: &Engine, s: &Settings) -> Result<Tally, String> {
    let client = client(s.timeout)?;
    let owner = owner_name("cli");
    let (e, o, p) = (engine.clone(), owner.clone(), s.policy.clone());
    let claim = blocking(move || e.webhook_claim(&o, &p, usize::MAX)).await?;
    let mut total = Tally::default();
    for id in claim.held {
        let t = run_endpoint(engine.clone(), client.clone(), owner.clone(), id, s.clone()).await;
        total.succeeded += t.succeeded;
        total.failed_attempts += t.failed_attempts;
    }
    let (e, o) = (engine.clone(), owner);
    blocking(move || e.webhook_release(&o)).await?;
    Ok(total)
}
