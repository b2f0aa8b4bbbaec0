//! `scimctl serve`: the SCIM 2.0 endpoint at each tenant URL,
//! `{public_url}/scim/v2/{tenant_id}`. This layer maps HTTP to engine calls
//! and engine errors to SCIM error responses; it holds no product rule.

pub mod admin;
mod response;
mod scim;
pub mod tls;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;

use crate::engine::Engine;
use crate::engine::log::{LogSink, LogWriter};
pub use response::{REQUEST_ID, SCIM_JSON};

/// How often pending token-use updates are written to the store.
const USAGE_FLUSH: Duration = Duration::from_secs(5);
/// How often the store's WAL is checkpointed in the background.
const MAINTAIN_EVERY: Duration = Duration::from_millis(100);

#[derive(Clone)]
pub struct AppState {
    pub engine: Engine,
    pub public_url: Arc<str>,
    /// Where provisioning-log records go; None only in router tests.
    pub log: Option<LogSink>,
    /// `token status` flags older tokens (config `token_max_age_days`).
    pub token_max_age_days: u32,
    /// Turns true when the server starts shutting down: long responses
    /// (`log --follow` streams) end so the drain does not wait for them.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
}

/// A request id (short, random, quoted in every error detail so support
/// staff can look the request up) and when the request arrived.
#[derive(Clone, Debug)]
pub struct RequestId {
    pub id: String,
    pub started: Instant,
}

/// `r-` + 20 hex digits: the millisecond time and 32 random bits, so ids
/// are unique and time-ordered (the log's request-id index grows at its end).
fn new_request_id() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    let random = uuid::Uuid::new_v4().as_u128() as u32;
    format!("r-{:012x}{random:08x}", ms & 0xffff_ffff_ffff)
}

/// Assigns the request id, sets `X-Request-Id`, and writes one access-log
/// line per request (never the Authorization header, never the query).
async fn request_id_and_log(mut req: Request, next: Next) -> Response {
    let id = new_request_id();
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    req.extensions_mut().insert(RequestId {
        id: id.clone(),
        started,
    });
    let mut res = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID.clone(), v);
    }
    tracing::info!(
        target: "scimctl::access",
        request_id = %id,
        %method,
        path = %path,
        status = res.status().as_u16(),
        latency_us = started.elapsed().as_micros() as u64,
    );
    res
}

async fn healthz() -> &'static str {
    "ok\n"
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .nest("/scim/v2/{tenant}", scim::routes())
        .nest(admin::PREFIX, admin::routes())
        .route("/admin/v1/", axum::routing::any(admin::not_found))
        .fallback(scim::not_found_outside)
        .layer(middleware::from_fn(request_id_and_log))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(state)
}

/// Runs the server until SIGINT/SIGTERM, then drains in-flight requests and
/// writes pending token use.
/// Provisioning-log retention.
#[derive(Debug, Clone, Copy)]
pub struct Retention {
    pub days: u32,
    pub max_records: u64,
    /// False only for benchmark comparisons.
    pub enabled: bool,
}

/// Where `serve` listens: plain HTTP, or HTTPS with rustls.
pub enum Bound {
    Plain(tokio::net::TcpListener),
    Tls(tls::TlsListener),
}

pub async fn serve(
    engine: Engine,
    listener: Bound,
    public_url: String,
    retention: Retention,
    token_max_age_days: u32,
) -> std::io::Result<()> {
    let writer = LogWriter::start(engine.clone(), retention.days, retention.max_records);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let state = AppState {
        engine: engine.clone(),
        public_url: public_url.into(),
        log: retention.enabled.then(|| writer.sink()),
        token_max_age_days,
        shutdown: stop_rx,
    };
    let shutdown = async move {
        shutdown_signal().await;
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
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let result = match listener {
        Bound::Plain(l) => axum::serve(l, app).with_graceful_shutdown(shutdown).await,
        Bound::Tls(l) => {
            // `tap_io` (a no-op) gives axum's ConnectInfo<SocketAddr> for
            // any listener whose address is a SocketAddr.
            axum::serve(axum::serve::ListenerExt::tap_io(l, |_| {}), app)
                .with_graceful_shutdown(shutdown)
                .await
        }
    };
    flusher.abort();
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

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
