//! `scimctl serve`: the SCIM 2.0 endpoint at each tenant URL,
//! `{public_url}/scim/v2/{tenant_id}`. This layer maps HTTP to engine calls
//! and engine errors to SCIM error responses; it holds no product rule.

pub mod admin;
pub mod conn;
pub mod limits;
mod response;
mod scim;
pub mod tls;
pub mod webhooks;
mod write_lane;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::engine::Engine;
use crate::engine::log::{LogSink, LogWriter};
use conn::ConnCounters;
use limits::{Guard, Limits, Refusal};
pub use response::{REQUEST_ID, SCIM_JSON};

/// How often pending token-use updates are written to the store.
const USAGE_FLUSH: Duration = Duration::from_secs(5);
/// How often the store's WAL is checkpointed in the background.
const MAINTAIN_EVERY: Duration = Duration::from_millis(100);
/// How often idle rate-limiter state is swept, and the limits' counters
/// reported on stderr when they grew.
const SWEEP_EVERY: Duration = Duration::from_secs(60);
/// How often `serve` prunes provisioning events past their retention.
const PRUNE_EVENTS_EVERY: Duration = Duration::from_secs(3600);

/// What every handler reads, behind one `Arc`: axum clones the state for
/// every request (the middleware's and the handler's extractor), and one
/// reference count is cheaper than one per field (ten, cloned and dropped
/// on every request).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl From<Shared> for AppState {
    fn from(s: Shared) -> AppState {
        AppState(Arc::new(s))
    }
}

/// The state's contents (see `AppState`).
pub struct Shared {
    pub engine: Engine,
    pub public_url: Arc<str>,
    /// Where provisioning-log records go; None only in router tests.
    pub log: Option<LogSink>,
    /// `token status` flags older tokens (config `token_max_age_days`).
    pub token_max_age_days: u32,
    /// Turns true when the server starts shutting down: long responses
    /// (`log --follow` streams) end so the drain does not wait for them.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
    /// The limits and the limiters every request passes.
    pub guard: Arc<Guard>,
    /// What the connection layer refused.
    pub conns: Arc<ConnCounters>,
    /// Where SCIM writes run (see `write_lane`).
    pub writes: Arc<write_lane::WriteLane>,
    /// The sign-up email sender, when `smtp_url` is set.
    pub mailer: Option<crate::mail::Mailer>,
}

impl AppState {
    /// A state over `engine` with the default limits and no log, for
    /// router-level uses (the fuzz target, tests).
    pub fn new(engine: Engine, public_url: &str) -> AppState {
        AppState::from(Shared {
            engine,
            public_url: public_url.into(),
            log: None,
            token_max_age_days: crate::config::DEFAULT_TOKEN_MAX_AGE_DAYS,
            shutdown: tokio::sync::watch::channel(false).1,
            guard: Arc::new(Guard::new(Limits::default())),
            conns: Arc::default(),
            writes: Arc::default(),
            mailer: None,
        })
    }
}

/// A request id (short, unique, quoted in every error detail so support
/// staff can look the request up) and when the request arrived.
#[derive(Clone, Debug)]
pub struct RequestId {
    pub id: String,
    pub started: Instant,
}

/// `r-` + 20 hex digits: the millisecond time and 32 bits that differ for
/// every request of this process (`request_salt`), so ids are unique and
/// time-ordered (the log's request-id index grows at its end).
fn new_request_id() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    format!("r-{:012x}{:08x}", ms & 0xffff_ffff_ffff, request_salt())
}

/// The next of this process's request numbers, scrambled: a counter from a
/// random start through a keyed bijection of `u32`, so no two requests of
/// a process share it before 2^32 of them, and two processes (the CLI and
/// `serve` on one store) differ by their random keys. One atomic add per
/// request where a random id cost a `getrandom` system call.
fn request_salt() -> u32 {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicU32, Ordering};
    static KEY: OnceLock<[u32; 2]> = OnceLock::new();
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let [k0, k1] = *KEY.get_or_init(|| {
        let mut b = [0u8; 8];
        // Without randomness the ids stay unique within the process.
        let _ = getrandom::fill(&mut b);
        [
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
        ]
    });
    scramble(NEXT.fetch_add(1, Ordering::Relaxed).wrapping_add(k0), k1)
}

/// A bijection of `u32` keyed by `k` (xor-shifts and odd multipliers are
/// each invertible), so distinct inputs give distinct outputs.
fn scramble(mut x: u32, k: u32) -> u32 {
    x ^= k;
    x ^= x >> 16;
    x = x.wrapping_mul(0x7feb_352d);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846c_a68b);
    x ^ (x >> 16)
}

/// Which API a path belongs to, for the shape of an error answered
/// before any handler runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Api {
    Scim,
    Admin,
    Other,
}

fn api_of(path: &str) -> Api {
    if path.starts_with("/scim/") {
        Api::Scim
    } else if path.starts_with(admin::PREFIX) {
        Api::Admin
    } else {
        Api::Other
    }
}

/// An error answered at the edge, in the shape of the path's API.
fn edge_error(
    api: Api,
    status: StatusCode,
    reason: &'static str,
    message: &str,
    request_id: &str,
) -> Response {
    match api {
        Api::Admin => admin::edge_error(status, reason, message, request_id),
        Api::Scim | Api::Other => {
            response::ScimError::new(status, None, reason, message, request_id).into_response()
        }
    }
}

/// A 429 or 503 with `Retry-After`.
fn refused(api: Api, status: StatusCode, r: &Refusal, request_id: &str) -> Response {
    let mut res = edge_error(api, status, r.reason, &r.message, request_id);
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(r.retry_after_secs()));
    res
}

/// Characters of a path the access log shows at most.
const ACCESS_LOG_PATH: usize = 200;

/// Set on the answer of a handler that panicked (see `router`).
#[derive(Clone, Copy)]
struct Panicked;

/// The edge of every request: assigns the request id (`X-Request-Id`),
/// applies the per-address rate limit before any other work, bounds the
/// whole request in time, turns a handler's panic into a 500 in the API's
/// shape, and writes one access-log line (never the Authorization header,
/// never the query).
async fn edge(State(st): State<AppState>, mut req: Request, next: Next) -> Response {
    let id = new_request_id();
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let api = api_of(&path);
    // The access log's line stays short whatever path a client sends.
    let shown = match path.char_indices().nth(ACCESS_LOG_PATH) {
        Some((cut, _)) => format!("{}…", &path[..cut]),
        None => path.clone(),
    };
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    req.extensions_mut().insert(RequestId {
        id: id.clone(),
        started,
    });
    let limited = peer.and_then(|ip| st.guard.check_address(ip).err());
    let mut res = match limited {
        Some(r) => {
            // A small body is thrown away first, so the client reads the
            // 429 instead of a reset.
            let declared = limits::declared_length(req.headers());
            limits::discard(declared, req.into_body()).await;
            refused(api, StatusCode::TOO_MANY_REQUESTS, &r, &id)
        }
        None => match tokio::time::timeout(st.guard.limits.request_timeout, next.run(req)).await {
            Ok(res) if res.extensions().get::<Panicked>().is_some() => {
                tracing::error!(request_id = %id, %method, path = %shown, "request handler panicked");
                edge_error(
                    api,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "The service failed while handling the request; retry later",
                    &id,
                )
            }
            Ok(res) => res,
            Err(_) => {
                let secs = st.guard.limits.request_timeout.as_secs();
                tracing::warn!(request_id = %id, %method, path = %shown, "request timed out after {secs} s");
                let r = Refusal {
                    reason: "timeout",
                    message: format!("The request was not answered within {secs} s; retry later"),
                    retry_after: Duration::from_secs(1),
                };
                refused(api, StatusCode::SERVICE_UNAVAILABLE, &r, &id)
            }
        },
    };
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID.clone(), v);
    }
    tracing::info!(
        target: "scimctl::access",
        request_id = %id,
        %method,
        path = %shown,
        status = res.status().as_u16(),
        latency_us = started.elapsed().as_micros() as u64,
    );
    res
}

/// `ok`, then one `name value` line per counter: what the limits and the
/// provisioning log refused or dropped since the server started.
async fn healthz(State(st): State<AppState>) -> Response {
    let c = &st.conns;
    let g = &st.guard.counters;
    let log = st.log.as_ref().map(LogSink::stats).unwrap_or_default();
    let n = |a: &std::sync::atomic::AtomicU64| a.load(Ordering::Relaxed);
    let body = format!(
        "ok\nconnections_open {}\nconnections_refused {}\nconnections_refused_per_address {}\ntls_handshakes_refused {}\nrate_limited {}\nauth_blocked {}\nstore_busy {}\nlog_dropped {}\nlog_unknown_tenant {}\n",
        n(&c.open),
        n(&c.refused_total),
        n(&c.refused_per_address),
        n(&c.refused_handshakes),
        n(&g.rate_limited),
        n(&g.auth_blocked),
        n(&g.store_busy),
        log.dropped,
        log.unknown_tenant,
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// A SCIM path as Microsoft's reference server takes it: the endpoint
/// segment in any letter case (`/users`, `/GROUPS/{id}`) and a trailing
/// slash (`/Users/?filter=…`) mean the canonical path. None when the path
/// is canonical already (the common case costs no allocation).
fn lenient_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix("/scim/v2/")?;
    let (tenant, below) = rest.split_once('/')?;
    let (segment, tail) = below.split_once('/').unwrap_or((below, ""));
    let canonical = scim::ENDPOINTS
        .iter()
        .find(|e| e.eq_ignore_ascii_case(segment))
        .copied();
    let trailing =
        !tail.is_empty() && tail.ends_with('/') || tail.is_empty() && below.ends_with('/');
    let fixed_segment = canonical.filter(|c| *c != segment);
    if fixed_segment.is_none() && !trailing {
        return None;
    }
    let segment = fixed_segment.unwrap_or(segment);
    let tail = tail.trim_end_matches('/');
    Some(if tail.is_empty() {
        format!("/scim/v2/{tenant}/{segment}")
    } else {
        format!("/scim/v2/{tenant}/{segment}/{tail}")
    })
}

/// Rewrites a lenient SCIM path to its canonical form before routing; the
/// log keeps the path as sent (axum's `OriginalUri`).
fn canonical_request(mut req: Request) -> Request {
    if let Some(path) = lenient_path(req.uri().path()) {
        let pq = match req.uri().query() {
            Some(q) => format!("{path}?{q}"),
            None => path,
        };
        if let Ok(pq) = axum::http::uri::PathAndQuery::try_from(pq) {
            let mut parts = req.uri().clone().into_parts();
            parts.path_and_query = Some(pq);
            if let Ok(uri) = axum::http::Uri::from_parts(parts) {
                *req.uri_mut() = uri;
            }
        }
    }
    req
}

pub fn router(state: AppState) -> Router {
    let inner = routes(state);
    Router::new().fallback_service(tower::ServiceExt::map_request(inner, canonical_request))
}

fn routes(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .nest("/scim/v2/{tenant}", scim::routes())
        .nest(admin::PREFIX, admin::routes())
        .route("/admin/v1/", axum::routing::any(admin::not_found))
        .fallback(scim::not_found_outside)
        // Inside the edge, so the edge answers a panic with its request id.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                let mut res = StatusCode::INTERNAL_SERVER_ERROR.into_response();
                res.extensions_mut().insert(Panicked);
                res
            },
        ))
        .layer(middleware::from_fn_with_state(state.clone(), edge))
        .with_state(state)
}

/// Provisioning-log and event retention.
#[derive(Debug, Clone, Copy)]
pub struct Retention {
    pub days: u32,
    pub max_records: u64,
    /// False only for benchmark comparisons.
    pub enabled: bool,
    /// Provisioning events older than this many days are pruned.
    pub event_days: u32,
}

/// Where `serve` listens: plain HTTP, or HTTPS with rustls.
pub enum Bound {
    Plain(tokio::net::TcpListener),
    Tls(tokio::net::TcpListener, Arc<rustls::ServerConfig>),
}

/// What `serve` runs with besides the engine and the listener.
pub struct ServeSettings {
    pub public_url: String,
    pub retention: Retention,
    /// `token status` flags older tokens (config `token_max_age_days`).
    pub token_max_age_days: u32,
    pub limits: Limits,
    /// Sends sign-up email while the server runs (`smtp_url` set).
    pub mailer: Option<crate::mail::Mailer>,
    /// Webhook delivery's settings.
    pub hooks: webhooks::Settings,
}

/// Runs the server until SIGINT/SIGTERM, then drains in-flight requests and
/// writes pending token use.
pub async fn serve(
    engine: Engine,
    listener: Bound,
    settings: ServeSettings,
    signal: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let ServeSettings {
        public_url,
        retention,
        token_max_age_days,
        limits,
        mailer,
        hooks,
    } = settings;
    let writer = LogWriter::start(engine.clone(), retention.days, retention.max_records);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    // Webhook delivery: claims endpoints, sends, stops with the server.
    let deliverer = tokio::spawn(webhooks::Worker::run(
        engine.clone(),
        hooks,
        stop_rx.clone(),
    ));
    let guard = Arc::new(Guard::new(limits.clone()));
    let conns = Arc::new(ConnCounters::default());
    let state = AppState::from(Shared {
        engine: engine.clone(),
        public_url: public_url.into(),
        log: retention.enabled.then(|| writer.sink()),
        token_max_age_days,
        shutdown: stop_rx,
        guard: guard.clone(),
        conns: conns.clone(),
        writes: Arc::default(),
        mailer: mailer.clone(),
    });
    let shutdown = async move {
        signal.await;
        let _ = stop_tx.send(true);
    };
    if let Err(e) = engine.defer_maintenance() {
        tracing::warn!(error = %e, "store maintenance stays inline");
    }
    // Checkpoints off the request path: a dedicated thread, every 100 ms.
    let stop_maintenance = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let maintainer = {
        let (engine, stop) = (engine.clone(), stop_maintenance.clone());
        std::thread::Builder::new()
            .name("scimctl-maintain".into())
            .spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    if let Err(e) = engine.maintain() {
                        tracing::warn!(error = %e, "store maintenance failed");
                    }
                    std::thread::sleep(MAINTAIN_EVERY);
                }
            })
            .ok()
    };
    let flusher = {
        let engine = engine.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(USAGE_FLUSH);
            loop {
                tick.tick().await;
                let e = engine.clone();
                if let Ok(Err(err)) =
                    tokio::task::spawn_blocking(move || e.flush_token_usage()).await
                {
                    tracing::warn!(error = %err, "could not record token use");
                }
            }
        })
    };
    let event_pruner = {
        let engine = engine.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(PRUNE_EVENTS_EVERY);
            loop {
                tick.tick().await;
                let e = engine.clone();
                match tokio::task::spawn_blocking(move || e.prune_events(retention.event_days))
                    .await
                {
                    Ok(Err(err)) => tracing::warn!(error = %err, "could not prune old events"),
                    Ok(Ok(n)) if n > 0 => {
                        tracing::info!(pruned = n, "old provisioning events pruned")
                    }
                    _ => {}
                }
            }
        })
    };
    let sweeper = {
        let (guard, conns) = (guard.clone(), conns.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(SWEEP_EVERY);
            let mut seen = [0u64; 4];
            loop {
                tick.tick().await;
                guard.sweep();
                let now = [
                    guard.counters.rate_limited.load(Ordering::Relaxed),
                    guard.counters.auth_blocked.load(Ordering::Relaxed),
                    guard.counters.store_busy.load(Ordering::Relaxed),
                    conns.refused_total.load(Ordering::Relaxed)
                        + conns.refused_per_address.load(Ordering::Relaxed)
                        + conns.refused_handshakes.load(Ordering::Relaxed),
                ];
                if now != seen {
                    tracing::warn!(
                        rate_limited = now[0] - seen[0],
                        auth_blocked = now[1] - seen[1],
                        store_busy = now[2] - seen[2],
                        connections_refused = now[3] - seen[3],
                        "limits refused requests in the last minute"
                    );
                    seen = now;
                }
            }
        })
    };
    // Sign-up email: drains the outbox while the server runs.
    let delivery = mailer.map(|m| {
        let stop = state.shutdown.clone();
        tokio::spawn(crate::mail::worker(engine.clone(), m, stop))
    });
    let app = router(state);
    let (tcp, tls) = match listener {
        Bound::Plain(l) => (l, None),
        Bound::Tls(l, config) => (l, Some(config)),
    };
    conn::serve(tcp, tls, app, &limits, conns, shutdown).await;
    let result: std::io::Result<()> = Ok(());
    if let Err(e) = deliverer.await {
        tracing::warn!(error = %e, "webhook delivery worker failed");
    }
    sweeper.abort();
    flusher.abort();
    event_pruner.abort();
    if let Some(d) = delivery {
        // A send under way ends with the runtime; its row's lease runs out
        // and the next pass sends it (at most once more).
        let _ = tokio::time::timeout(std::time::Duration::from_secs(5), d).await;
    }
    stop_maintenance.store(true, std::sync::atomic::Ordering::Relaxed);
    if let Some(t) = maintainer {
        let _ = tokio::task::spawn_blocking(move || t.join()).await;
    }
    // Every request handler (and its log sink) is gone now: drain the log.
    if let Err(e) = tokio::task::spawn_blocking(move || writer.close()).await {
        tracing::warn!(error = %e, "provisioning-log writer failed at shutdown");
    }
    let e = engine.clone();
    match tokio::task::spawn_blocking(move || e.flush_token_usage()).await {
        Ok(Err(err)) => tracing::warn!(error = %err, "could not record token use at shutdown"),
        Err(err) => tracing::warn!(error = %err, "token-use flush task failed"),
        Ok(Ok(_)) => {}
    }
    result
}

/// Resolves at SIGINT or SIGTERM. The handlers are installed when this is
/// called (inside the runtime), not when the future is first polled, so a
/// signal that comes right after "listening on" still stops the server
/// gracefully instead of killing it.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let (mut term, mut int) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::terminate()).ok(),
            signal(SignalKind::interrupt()).ok(),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let term = async {
                match term.as_mut() {
                    Some(s) => drop(s.recv().await),
                    None => std::future::pending::<()>().await,
                }
            };
            let int = async {
                match int.as_mut() {
                    Some(s) => drop(s.recv().await),
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = term => {},
                _ = int => {},
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing in-flight requests");
    }
}

/// The credential of `Authorization: Bearer <secret>` (the scheme in any
/// letter case, RFC 7235): a SCIM token or an admin key, checked by the
/// engine. Any other scheme is no credential.
pub fn bearer(headers: &axum::http::HeaderMap) -> Option<crate::engine::tokens::Secret> {
    let v = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, secret) = v.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| crate::engine::tokens::Secret::new(secret.trim().to_owned()))
}
#[cfg(test)]
mod tests {
    use super::{lenient_path, new_request_id, scramble};

    #[test]
    fn request_ids_are_unique_and_shaped() {
        let ids: std::collections::HashSet<String> =
            (0..50_000).map(|_| new_request_id()).collect();
        assert_eq!(ids.len(), 50_000);
        for id in ids.iter().take(100) {
            let hex = id.strip_prefix("r-").expect("r- prefix");
            assert_eq!(hex.len(), 20, "{id}");
            assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
        }
        // The scramble is a bijection: 2^16 consecutive inputs, 2^16 outputs.
        let out: std::collections::HashSet<u32> =
            (0..1u32 << 16).map(|x| scramble(x, 0x5eed)).collect();
        assert_eq!(out.len(), 1 << 16);
    }

    #[test]
    fn lenient_paths_map_to_the_canonical_ones() {
        let cases = [
            ("/scim/v2/acme/users", Some("/scim/v2/acme/Users")),
            ("/scim/v2/acme/GROUPS/abc", Some("/scim/v2/acme/Groups/abc")),
            ("/scim/v2/acme/Users/", Some("/scim/v2/acme/Users")),
            ("/scim/v2/acme/users/abc/", Some("/scim/v2/acme/Users/abc")),
            (
                "/scim/v2/acme/serviceproviderconfig",
                Some("/scim/v2/acme/ServiceProviderConfig"),
            ),
            ("/scim/v2/acme/Users", None),
            ("/scim/v2/acme/Users/abc", None),
            ("/scim/v2/acme/Users/.search", None),
            ("/scim/v2/acme/Nope", None),
            ("/scim/v2/acme", None),
            ("/admin/v1/tenants/", None),
        ];
        for (path, want) in cases {
            assert_eq!(lenient_path(path).as_deref(), want, "{path}");
        }
    }
}
