//! What `serve` bounds before a request costs memory, CPU or a lock: body
//! sizes and read time, the rate per client address, per tenant and of
//! failed authentications (governor's GCRA), and the number of requests
//! that may wait for the store at once. Each refusal says which limit it
//! met and when to come back (`Retry-After`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::config::ServeLimits;

/// The limits in force, from the config's `[serve]` table.
#[derive(Debug, Clone)]
pub struct Limits {
    pub scim_max_body: usize,
    pub admin_max_body: usize,
    pub header_timeout: Duration,
    pub body_timeout: Duration,
    pub request_timeout: Duration,
    pub max_connections: usize,
    pub max_connections_per_address: u32,
    pub max_tls_handshakes: usize,
    pub rate_per_address: u32,
    pub rate_per_tenant: u32,
    pub auth_failures_per_minute: u32,
    pub max_store_jobs: usize,
    pub max_follow_streams_per_key: usize,
}

impl Limits {
    pub fn from_config(c: &ServeLimits) -> Limits {
        let n = |k: &str| c.get(k);
        let secs = |k: &str| Duration::from_secs(n(k));
        let small = |k: &str| u32::try_from(n(k)).unwrap_or(u32::MAX);
        let size = |k: &str| usize::try_from(n(k)).unwrap_or(usize::MAX);
        Limits {
            scim_max_body: size("scim_max_body_bytes"),
            admin_max_body: size("admin_max_body_bytes"),
            header_timeout: secs("header_timeout_secs"),
            body_timeout: secs("body_timeout_secs"),
            request_timeout: secs("request_timeout_secs"),
            max_connections: size("max_connections"),
            max_connections_per_address: small("max_connections_per_address"),
            max_tls_handshakes: size("max_tls_handshakes"),
            rate_per_address: small("rate_limit_per_address"),
            rate_per_tenant: small("rate_limit_per_tenant"),
            auth_failures_per_minute: small("auth_failures_per_minute"),
            max_store_jobs: size("max_store_jobs"),
            max_follow_streams_per_key: size("max_follow_streams_per_key"),
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::from_config(&ServeLimits::defaults())
    }
}

/// A request refused by a limit: its reason code, what to tell the client,
/// and when it may try again.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub reason: &'static str,
    pub message: String,
    pub retry_after: Duration,
}

impl Refusal {
    /// `Retry-After` in whole seconds, at least 1.
    pub fn retry_after_secs(&self) -> u64 {
        self.retry_after.as_secs() + u64::from(self.retry_after.subsec_nanos() > 0)
    }
}

/// Counts of what the limits refused, for `/healthz`.
#[derive(Debug, Default)]
pub struct LimitCounters {
    pub rate_limited: AtomicU64,
    pub auth_blocked: AtomicU64,
    pub store_busy: AtomicU64,
}

/// Client addresses over their failed-authentication budget remembered at
/// most; beyond it expired entries are swept, then the oldest go.
const MAX_BLOCKED: usize = 65_536;
/// How long a request waits for a place at the store before 503.
const STORE_WAIT: Duration = Duration::from_secs(2);

/// The limiters and slots one server shares between its requests.
pub struct Guard {
    pub limits: Limits,
    per_address: Option<DefaultKeyedRateLimiter<IpAddr>>,
    per_tenant: Option<DefaultKeyedRateLimiter<String>>,
    auth_failures: Option<DefaultKeyedRateLimiter<IpAddr>>,
    /// Addresses that spent their failed-authentication budget, until when.
    blocked: Mutex<HashMap<IpAddr, Instant>>,
    store_jobs: Arc<Semaphore>,
    follow_streams: Arc<Mutex<HashMap<String, usize>>>,
    pub counters: LimitCounters,
    clock: DefaultClock,
}

fn per_second(n: u32) -> Option<Quota> {
    let rate = NonZeroU32::new(n)?;
    let burst = NonZeroU32::new(n.saturating_mul(2)).unwrap_or(rate);
    Some(Quota::per_second(rate).allow_burst(burst))
}

impl Guard {
    pub fn new(limits: Limits) -> Guard {
        Guard {
            per_address: per_second(limits.rate_per_address).map(RateLimiter::keyed),
            per_tenant: per_second(limits.rate_per_tenant).map(RateLimiter::keyed),
            auth_failures: NonZeroU32::new(limits.auth_failures_per_minute)
                .map(|n| RateLimiter::keyed(Quota::per_minute(n))),
            blocked: Mutex::default(),
            store_jobs: Arc::new(Semaphore::new(limits.max_store_jobs)),
            follow_streams: Arc::default(),
            counters: LimitCounters::default(),
            clock: DefaultClock::default(),
            limits,
        }
    }

    fn limited<K: std::hash::Hash + Eq + Clone>(
        &self,
        limiter: &Option<DefaultKeyedRateLimiter<K>>,
        key: &K,
        reason: &'static str,
        // Made only for a refusal: formatting it for every request showed
        // in profiles.
        message: impl FnOnce() -> String,
    ) -> Result<(), Refusal> {
        let Some(l) = limiter else { return Ok(()) };
        match l.check_key(key) {
            Ok(()) => Ok(()),
            Err(not_until) => {
                self.counters.rate_limited.fetch_add(1, Ordering::Relaxed);
                let wait = not_until.wait_time_from(self.clock.now());
                Err(Refusal {
                    reason,
                    message: message(),
                    retry_after: wait.max(Duration::from_millis(1)),
                })
            }
        }
    }

    /// Every request, before anything else: the client address's rate.
    pub fn check_address(&self, ip: IpAddr) -> Result<(), Refusal> {
        let per = self.limits.rate_per_address;
        self.limited(
            &self.per_address,
            &ip,
            "rate_limited",
            || format!("Too many requests from this client address (the limit is {per} per second); retry after the time in Retry-After"),
        )
    }

    /// An authenticated request: the tenant's rate.
    pub fn check_tenant(&self, tenant_id: &str) -> Result<(), Refusal> {
        let per = self.limits.rate_per_tenant;
        self.limited(
            &self.per_tenant,
            &tenant_id.to_owned(),
            "rate_limited",
            || format!("Too many requests for this tenant (the limit is {per} per second); retry after the time in Retry-After"),
        )
    }

    /// Before authenticating: has this address spent its budget of failed
    /// authentications? A token-guessing client is then refused without
    /// any store work.
    pub fn check_auth_budget(&self, ip: IpAddr) -> Result<(), Refusal> {
        let now = Instant::now();
        let until = {
            let mut b = self.blocked.lock().unwrap_or_else(|p| p.into_inner());
            match b.get(&ip) {
                Some(&until) if until > now => Some(until),
                Some(_) => {
                    b.remove(&ip);
                    None
                }
                None => None,
            }
        };
        match until {
            Some(until) => {
                self.counters.auth_blocked.fetch_add(1, Ordering::Relaxed);
                Err(self.auth_refusal(until - now))
            }
            None => Ok(()),
        }
    }

    fn auth_refusal(&self, wait: Duration) -> Refusal {
        Refusal {
            reason: "rate_limited",
            message: format!(
                "Too many failed authentications from this client address (the limit is {} per minute); check the secret token, then retry after the time in Retry-After",
                self.limits.auth_failures_per_minute
            ),
            retry_after: wait.max(Duration::from_millis(1)),
        }
    }

    /// A failed authentication from `ip`: spends from its budget, and once
    /// the budget is gone blocks it until the limiter would allow one more.
    pub fn auth_failed(&self, ip: IpAddr) {
        let Some(l) = &self.auth_failures else { return };
        if let Err(not_until) = l.check_key(&ip) {
            let wait = not_until.wait_time_from(self.clock.now());
            let mut b = self.blocked.lock().unwrap_or_else(|p| p.into_inner());
            if b.len() >= MAX_BLOCKED {
                let now = Instant::now();
                b.retain(|_, until| *until > now);
                if b.len() >= MAX_BLOCKED
                    && let Some(oldest) = b.iter().min_by_key(|(_, u)| **u).map(|(k, _)| *k)
                {
                    b.remove(&oldest);
                }
            }
            b.insert(ip, Instant::now() + wait);
        }
    }

    /// A place among the requests that use the store, waited for briefly;
    /// beyond that the store is busy (503 with `Retry-After`).
    async fn store_slot(&self) -> Result<OwnedSemaphorePermit, Refusal> {
        // A free place is taken without arming a timer.
        if let Ok(p) = self.store_jobs.clone().try_acquire_owned() {
            return Ok(p);
        }
        match tokio::time::timeout(STORE_WAIT, self.store_jobs.clone().acquire_owned()).await {
            Ok(Ok(p)) => Ok(p),
            _ => {
                self.counters.store_busy.fetch_add(1, Ordering::Relaxed);
                Err(Refusal {
                    reason: "store_busy",
                    message: format!(
                        "The service is busy: {} requests are already waiting for the store; retry after the time in Retry-After",
                        self.limits.max_store_jobs
                    ),
                    retry_after: Duration::from_secs(1),
                })
            }
        }
    }

    /// Runs store work on the blocking pool once it has a place among the
    /// store's jobs (see `store_slot`), held only while the work runs — not
    /// while a request waits for its body. The outer error is the refusal,
    /// the inner one a panicked task.
    pub async fn store_job<T, F>(&self, f: F) -> Result<Result<T, JobFailed>, Refusal>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let slot = self.store_slot().await?;
        let out = tokio::task::spawn_blocking(f)
            .await
            .map_err(JobFailed::from);
        drop(slot);
        Ok(out)
    }

    /// Awaits `work` (store work run elsewhere: the write lane) with a
    /// place among the store's jobs, held until it is done.
    pub async fn with_store_slot<T>(&self, work: impl Future<Output = T>) -> Result<T, Refusal> {
        let slot = self.store_slot().await?;
        let out = work.await;
        drop(slot);
        Ok(out)
    }

    /// A place for one more `log?follow` stream of the key `key_id`.
    pub fn follow_slot(&self, key_id: &str) -> Option<FollowSlot> {
        let mut m = self
            .follow_streams
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let n = m.entry(key_id.to_owned()).or_insert(0);
        if *n >= self.limits.max_follow_streams_per_key {
            return None;
        }
        *n += 1;
        Some(FollowSlot {
            key: key_id.to_owned(),
            streams: self.follow_streams.clone(),
        })
    }

    /// Forgets rate-limiter state that no longer limits anything, so
    /// invented addresses and tenant ids do not accumulate.
    pub fn sweep(&self) {
        for l in [&self.per_address, &self.auth_failures]
            .into_iter()
            .flatten()
        {
            l.retain_recent();
            l.shrink_to_fit();
        }
        if let Some(l) = &self.per_tenant {
            l.retain_recent();
            l.shrink_to_fit();
        }
        let now = Instant::now();
        self.blocked
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|_, until| *until > now);
    }
}

/// One open follow stream, counted against its key until dropped.
pub struct FollowSlot {
    key: String,
    streams: Arc<Mutex<HashMap<String, usize>>>,
}

impl Drop for FollowSlot {
    fn drop(&mut self) {
        let mut m = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = m.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                m.remove(&self.key);
            }
        }
    }
}

/// Store work that gave no answer: its task panicked, or the server is
/// stopping. The text is for the server's stderr, not for clients.
#[derive(Debug)]
pub struct JobFailed(pub String);

impl std::fmt::Display for JobFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<tokio::task::JoinError> for JobFailed {
    fn from(e: tokio::task::JoinError) -> JobFailed {
        JobFailed(e.to_string())
    }
}

/// Why a body could not be read.
#[derive(Debug)]
pub enum BodyError {
    TooLarge {
        limit: usize,
    },
    Timeout {
        secs: u64,
    },
    /// The client went away or sent a broken body.
    Broken(String),
}

impl BodyError {
    pub fn message(&self) -> String {
        match self {
            BodyError::TooLarge { limit } => format!(
                "The request body is larger than {limit} bytes; send fewer operations or members per request"
            ),
            BodyError::Timeout { secs } => format!(
                "The request body did not arrive within {secs} s; send it at once, or a smaller one"
            ),
            BodyError::Broken(e) => {
                format!("The request body could not be read ({e}); send it again")
            }
        }
    }
}

/// The body length a request declares (`Content-Length`), if any.
pub fn declared_length(headers: &axum::http::HeaderMap) -> Option<u64> {
    headers
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

/// Reads a body of at most `limit` bytes within `timeout`. A declared
/// `Content-Length` above the limit is refused before a byte is read.
pub async fn read_body(
    declared: Option<u64>,
    body: Body,
    limit: usize,
    timeout: Duration,
) -> Result<Bytes, BodyError> {
    if declared.is_some_and(|n| n > limit as u64) {
        // Not kept, but read when it is at most twice the limit, so the
        // (authenticated) client reads the 413 instead of a reset.
        discard_up_to(declared, body, (limit as u64).saturating_mul(2)).await;
        return Err(BodyError::TooLarge { limit });
    }
    let limited = http_body_util::Limited::new(body, limit);
    match tokio::time::timeout(timeout, http_body_util::BodyExt::collect(limited)).await {
        Err(_) => Err(BodyError::Timeout {
            secs: timeout.as_secs(),
        }),
        Ok(Ok(c)) => Ok(c.to_bytes()),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            Err(BodyError::TooLarge { limit })
        }
        Ok(Err(e)) => Err(BodyError::Broken(e.to_string())),
    }
}

/// How much of an unused body is read and thrown away, and for how long.
const DISCARD_MAX: u64 = 256 * 1024;
const DISCARD_TIME: Duration = Duration::from_secs(2);

/// Reads and throws away a small body that a refusal will not use, so
/// that a client still sending it receives the answer instead of a reset
/// (closing a socket with unread data makes the kernel send RST, which can
/// overtake the answer). A larger one, or a slow one, is left unread: the
/// connection then closes, which is all such a client deserves.
pub async fn discard(declared: Option<u64>, body: Body) {
    discard_up_to(declared, body, DISCARD_MAX).await;
}

/// `discard` with another bound, for bodies of requests that did
/// authenticate.
async fn discard_up_to(declared: Option<u64>, body: Body, max: u64) {
    if declared.is_some_and(|n| n > max) {
        return;
    }
    let mut body = body;
    let mut seen = 0u64;
    let drained = tokio::time::timeout(DISCARD_TIME, async {
        while let Some(Ok(frame)) = http_body_util::BodyExt::frame(&mut body).await {
            if let Some(d) = frame.data_ref() {
                seen += d.len() as u64;
                if seen > max {
                    break;
                }
            }
        }
    });
    let _ = drained.await;
}
