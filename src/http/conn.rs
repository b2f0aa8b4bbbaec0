//! The connection layer of `serve`: accepts TCP connections, refuses those
//! over the caps (in total, per client address, TLS handshakes in
//! progress) before they cost more than a file descriptor for an instant,
//! and serves each one with hyper under a header timeout, so a slow or idle
//! client is closed instead of held for ever. Graceful shutdown lets
//! in-flight requests finish, for a bounded time.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower::ServiceExt;

use super::limits::Limits;
use super::tls;

/// How long a graceful shutdown waits for open connections to finish
/// their requests before it drops them.
const DRAIN: Duration = Duration::from_secs(10);
/// The largest request head (start line and headers) hyper reads: 431
/// above it. Header fields are at most hyper's default of 100 (setting it
/// moves them from the stack to the heap, ~5 % per request).
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// What the connection layer refused, for `/healthz` and the tests.
#[derive(Debug, Default)]
pub struct ConnCounters {
    pub open: AtomicU64,
    pub refused_total: AtomicU64,
    pub refused_per_address: AtomicU64,
    pub refused_handshakes: AtomicU64,
}

/// Open connections per client address.
#[derive(Default)]
struct PerAddress(Mutex<HashMap<IpAddr, u32>>);

/// One connection's place under the caps, given back when it closes.
struct Slot {
    _total: OwnedSemaphorePermit,
    ip: IpAddr,
    per: Arc<PerAddress>,
    counters: Arc<ConnCounters>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut m = self.per.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = m.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                m.remove(&self.ip);
            }
        }
        self.counters.open.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Accepts connections on `listener` (TLS when `tls` is given) and serves
/// `app` on each until `shutdown` resolves; then drains.
pub async fn serve(
    listener: TcpListener,
    tls: Option<Arc<rustls::ServerConfig>>,
    app: Router,
    limits: &Limits,
    counters: Arc<ConnCounters>,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let total = Arc::new(Semaphore::new(limits.max_connections));
    let handshakes = Arc::new(Semaphore::new(limits.max_tls_handshakes));
    let per = Arc::new(PerAddress::default());
    let per_cap = limits.max_connections_per_address;
    let acceptor = tls.map(tokio_rustls::TlsAcceptor::from);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_header_size(MAX_HEAD_BYTES)
        .keep_alive(true);
    let http = Arc::new(http);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: wait, retry.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = admit(&total, &per, per_cap, peer.ip(), &counters) else {
            // Dropping the stream closes it: the client learns at once.
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let http = http.clone();
        let watcher = graceful.watcher();
        match &acceptor {
            None => {
                tokio::spawn(async move {
                    serve_one(&http, stream, app, peer, watcher).await;
                    drop(slot);
                });
            }
            Some(acceptor) => {
                let Ok(permit) = handshakes.clone().try_acquire_owned() else {
                    counters.refused_handshakes.fetch_add(1, Ordering::Relaxed);
                    continue;
                };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    let Some(tls) = tls::handshake(&acceptor, stream, peer).await else {
                        return;
                    };
                    drop(permit);
                    serve_one(&http, tls, app, peer, watcher).await;
                    drop(slot);
                });
            }
        }
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => {
            tracing::warn!("shutdown: connections still open after {DRAIN:?} are dropped");
        }
    }
}

async fn serve_one<I>(
    http: &hyper::server::conn::http1::Builder,
    io: I,
    app: Router,
    peer: SocketAddr,
    watcher: hyper_util::server::graceful::Watcher,
) where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    // Every request carries the peer address (axum's `ConnectInfo`).
    let app = app.map_request(move |mut req: hyper::Request<Incoming>| {
        req.extensions_mut().insert(ConnectInfo(peer));
        req
    });
    let conn = http.serve_connection(TokioIo::new(io), TowerToHyperService::new(app));
    let _ = watcher.watch(conn).await;
}

/// A place under the caps for a connection from `ip`, or None (counted).
fn admit(
    total: &Arc<Semaphore>,
    per: &Arc<PerAddress>,
    per_cap: u32,
    ip: IpAddr,
    counters: &Arc<ConnCounters>,
) -> Option<Slot> {
    let Ok(permit) = total.clone().try_acquire_owned() else {
        counters.refused_total.fetch_add(1, Ordering::Relaxed);
        return None;
    };
    {
        let mut m = per.0.lock().unwrap_or_else(|p| p.into_inner());
        let n = m.entry(ip).or_insert(0);
        if *n >= per_cap {
            counters.refused_per_address.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        *n += 1;
    }
    counters.open.fetch_add(1, Ordering::Relaxed);
    Some(Slot {
        _total: permit,
        ip,
        per: per.clone(),
        counters: counters.clone(),
    })
}
