//! Abuse benchmark of `scimctl serve`: what an anonymous attacker on the
//! network costs a legitimate tenant. Starts the real server on 127.0.0.1
//! with its DEFAULT limits over a temporary store prefilled with one
//! tenant's users, and measures in one run, side by side:
//!
//! - **baseline**: the tenant's IdP alone, from 127.0.0.1 over 4 keep-alive
//!   connections, *paced* at SCIMCTL_BENCH_LEGIT_RATE requests a second
//!   (default 80), half creates and half GETs by id. Paced, not closed-loop:
//!   a real IdP sends at its own pace (Entra's gallery requirement is 25/s),
//!   and a closed-loop client from one address would only measure the
//!   default limits (100/s per tenant, 200/s per address) refusing it.
//!   80/s stays under both with room, so every limit runs at its default.
//!   Latency counts from the moment a request was *due*, so a request held
//!   up behind a slow one is charged for the wait (no coordinated omission).
//! - **under attack**: the same IdP while (a) an anonymous flood of
//!   SCIMCTL_BENCH_FLOOD_BODY-byte POSTs (default 100 KB) — no token or a
//!   wrong one, to the real tenant's id and to invented ones — runs as fast
//!   as it can on SCIMCTL_BENCH_FLOOD_CONNS connections (default 16) from
//!   127.0.0.2…, one address per connection (raw HTTP/1.1: each request is
//!   written while its answer is read, so an early answer is not blocked
//!   behind the body); and (b) SCIMCTL_BENCH_SLOW connections (default
//!   1,000) each send a partial request head and then nothing, 100 per
//!   address from 127.0.1.1… (under the 128 per-address cap), re-opened as
//!   the server closes them.
//!
//! Each phase runs SCIMCTL_BENCH_SECS (default 10) on its own server process
//! over the same store (so CPU and peak RSS are per phase), stopped with
//! SIGTERM after the phase so the provisioning log is drained; the log's
//! size (`<store>-log` and its WAL) before and after the attack, less what
//! the IdP's own requests add (measured in the baseline), divided by the
//! attack's requests, is the log's bytes per anonymous request.
//!
//!   cargo bench --bench abuse
//!
//! Client, attacker and server share the machine, so the attack's client
//! CPU is taken from the server too (its share is reported): on a 2-core
//! host this is harsher than an attack from elsewhere. Loopback only; it
//! stops by itself in about 3 × SCIMCTL_BENCH_SECS plus the prefill.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use scimctl::engine::Engine;
use scimctl::engine::model::Policy;
use scimctl::engine::scim::users::Scope;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

fn env_or<T: std::str::FromStr>(k: &str, d: T) -> T {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

const TENANT: &str = "bench";
/// Slow connections per source address (the default cap is 128).
const SLOW_PER_ADDRESS: usize = 100;
/// How long one flood request may take before its connection is dropped.
const FLOOD_TIMEOUT: Duration = Duration::from_secs(5);

// ---- the server -------------------------------------------------------

struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(store: &Path, config: &Path) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_scimctl"));
        // Default limits: no SCIMCTL_* setting of the caller's reaches it,
        // and its config file is empty.
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("SCIMCTL_") {
                cmd.env_remove(k);
            }
        }
        let mut child = cmd
            .arg("--config")
            .arg(config)
            .arg("--store")
            .arg(store)
            .args(["-q", "serve", "--listen", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start scimctl serve");
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let mut line = String::new();
        stderr.read_line(&mut line).expect("read listen line");
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("expected the listen line, got {line:?}"))
            .parse()
            .expect("listen address");
        // Keep reading stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            while stderr.read_line(&mut sink).is_ok_and(|n| n > 0) {
                sink.clear();
            }
        });
        Server { child, addr }
    }

    /// User + system CPU time, in clock ticks (100 a second on Linux).
    fn cpu_ticks(&self) -> u64 {
        proc_ticks(&format!("/proc/{}/stat", self.child.id()))
    }

    fn peak_rss_kib(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    }

    /// SIGTERM, then waits for the graceful stop (the log writer drains).
    fn stop(mut self) {
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        eprintln!("server did not stop within 60 s of SIGTERM: killed");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn proc_ticks(stat: &str) -> u64 {
    std::fs::read_to_string(stat)
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1;
            let f: Vec<&str> = after.split_whitespace().collect();
            Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0)
}

/// Bytes of the provisioning log: its file and its WAL.
fn log_bytes(store: &Path) -> u64 {
    ["-log", "-log-wal"]
        .iter()
        .map(|s| {
            let mut p = store.as_os_str().to_owned();
            p.push(s);
            std::fs::metadata(PathBuf::from(p)).map_or(0, |m| m.len())
        })
        .sum()
}

// ---- the store ----------------------------------------------------------

struct Fixture {
    token: String,
    user_ids: Vec<String>,
}

fn user_body(i: u64) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": format!("user{i}@bench.example.com"),
        "externalId": format!("user{i}"),
        "active": true,
        "name": {"givenName": "Bench", "familyName": format!("User{i}")}
    })
}

fn prefill(store: &Path, n: usize) -> Fixture {
    let engine = Engine::open_sqlite(store, "bench").expect("open store");
    let t = engine
        .create_tenant("Bench", Some(TENANT), Policy::Product)
        .expect("tenant");
    engine.set_scim_enabled(&t, true).expect("enable");
    let token = engine
        .generate_token(&t)
        .expect("token")
        .token
        .expose()
        .to_owned();
    let scope = Scope {
        tenant: &t,
        base: "http://bench/scim/v2/bench",
    };
    let user_ids = (0..n as u64)
        .map(|i| {
            let w = engine
                .scim_create_user(scope, &user_body(i))
                .expect("create");
            w.resource["id"].as_str().expect("id").to_owned()
        })
        .collect();
    Fixture { token, user_ids }
}

// ---- the legitimate IdP -------------------------------------------------

#[derive(Default)]
struct Legit {
    /// Latencies in µs, creates and GETs apart.
    create: Vec<u64>,
    get: Vec<u64>,
    /// Answers that were not 2xx, by status (0: no answer).
    failed: BTreeMap<u16, u64>,
    secs: f64,
}

/// The IdP: `conns` keep-alive connections from 127.0.0.1, together paced
/// at `rate` requests a second for `secs`, creates and GETs alternating.
fn run_legit(base: &str, fx: &Arc<Fixture>, rate: f64, secs: u64, seq: &Arc<AtomicU64>) -> Legit {
    let conns = 4usize;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(conns)
            .build()
            .expect("client");
        let auth = format!("Bearer {}", fx.token);
        // Open the connections before the clock starts.
        for _ in 0..conns {
            let _ = client
                .get(format!("{base}/Users/{}", fx.user_ids[0]))
                .header("Authorization", &auth)
                .send()
                .await;
        }
        let period = Duration::from_secs_f64(conns as f64 / rate);
        let started = Instant::now();
        let deadline = started + Duration::from_secs(secs);
        let mut tasks = Vec::new();
        for w in 0..conns {
            let (client, fx, base, auth, seq) = (
                client.clone(),
                fx.clone(),
                base.to_owned(),
                auth.clone(),
                seq.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut out = Legit::default();
                // Staggered, so the connections' requests interleave evenly.
                let first = tokio::time::Instant::now() + period.mul_f64(w as f64 / conns as f64);
                let mut tick = tokio::time::interval_at(first, period);
                // Late ticks fire at once: the pace is kept on average.
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
                let mut i = w as u64;
                loop {
                    let due = tick.tick().await;
                    if Instant::now() >= deadline {
                        break;
                    }
                    i += 1;
                    let create = i.is_multiple_of(2);
                    let req = if create {
                        let n = seq.fetch_add(1, Ordering::Relaxed) + 10_000_000;
                        client.post(format!("{base}/Users")).json(&user_body(n))
                    } else {
                        let k = (i.wrapping_mul(2654435761) % fx.user_ids.len() as u64) as usize;
                        client.get(format!("{base}/Users/{}", fx.user_ids[k]))
                    };
                    let status = match req.header("Authorization", &auth).send().await {
                        Ok(r) => {
                            let s = r.status().as_u16();
                            let _ = r.bytes().await;
                            s
                        }
                        Err(_) => 0,
                    };
                    let us = due.elapsed().as_micros() as u64;
                    if (200..300).contains(&status) {
                        if create {
                            out.create.push(us)
                        } else {
                            out.get.push(us)
                        }
                    } else {
                        *out.failed.entry(status).or_default() += 1;
                    }
                }
                out
            }));
        }
        let mut all = Legit::default();
        for t in tasks {
            let o = t.await.expect("legit task");
            all.create.extend(o.create);
            all.get.extend(o.get);
            for (k, v) in o.failed {
                *all.failed.entry(k).or_default() += v;
            }
        }
        all.secs = started.elapsed().as_secs_f64();
        all.create.sort_unstable();
        all.get.sort_unstable();
        all
    })
}

fn pct(v: &[u64], p: f64) -> f64 {
    v.get(((v.len() as f64 * p) as usize).min(v.len().saturating_sub(1)))
        .map_or(0.0, |&us| us as f64 / 1000.0)
}

// ---- the attacker -------------------------------------------------------

/// What the attack sent and got, shared by its tasks.
struct AttackStats {
    /// Flood answers by status.
    status: [AtomicU64; 600],
    /// Flood requests whose connection broke before an answer.
    reset: AtomicU64,
    timeout: AtomicU64,
    connect_failed: AtomicU64,
    /// Slow connections opened, open now, closed by the server, and the
    /// total time the server held those it closed (ms).
    slow_opened: AtomicU64,
    slow_open: AtomicU64,
    slow_closed: AtomicU64,
    slow_held_ms: AtomicU64,
}

impl AttackStats {
    fn new() -> AttackStats {
        AttackStats {
            status: std::array::from_fn(|_| AtomicU64::new(0)),
            reset: AtomicU64::new(0),
            timeout: AtomicU64::new(0),
            connect_failed: AtomicU64::new(0),
            slow_opened: AtomicU64::new(0),
            slow_open: AtomicU64::new(0),
            slow_closed: AtomicU64::new(0),
            slow_held_ms: AtomicU64::new(0),
        }
    }

    /// Flood requests sent (answered or not), and answers by status.
    fn flood(&self) -> (u64, BTreeMap<u16, u64>) {
        let by: BTreeMap<u16, u64> = self
            .status
            .iter()
            .enumerate()
            .map(|(s, n)| (s as u16, n.load(Ordering::Relaxed)))
            .filter(|&(_, n)| n > 0)
            .collect();
        let sent = by.values().sum::<u64>()
            + self.reset.load(Ordering::Relaxed)
            + self.timeout.load(Ordering::Relaxed);
        (sent, by)
    }
}

async fn connect_from(src: Ipv4Addr, to: SocketAddr) -> std::io::Result<TcpStream> {
    let s = TcpSocket::new_v4()?;
    s.bind(SocketAddr::new(src.into(), 0))?;
    s.connect(to).await
}

/// Reads one answer's head and body from `buf` + `r`: (status, closes).
async fn read_answer(
    r: &mut (impl tokio::io::AsyncRead + Unpin),
    buf: &mut Vec<u8>,
) -> std::io::Result<(u16, bool)> {
    let broken = || std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "closed mid-answer");
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = r.read(&mut chunk).await?;
        if n == 0 {
            return Err(broken());
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(':').map(str::trim))
            .map(str::to_owned)
    };
    let len: usize = header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let closes = header("connection").is_some_and(|v| v == "close");
    while buf.len() < head_end + len {
        let n = r.read(&mut chunk).await?;
        if n == 0 {
            return Err(broken());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    buf.drain(..head_end + len);
    Ok((status, closes))
}

/// One flood connection: large anonymous POSTs back to back, re-connecting
/// whenever the server closes.
async fn flood(k: usize, to: SocketAddr, body: Arc<Vec<u8>>, stats: Arc<AttackStats>) {
    let src = Ipv4Addr::new(127, 0, 0, 2 + (k % 250) as u8);
    let mut i = 0u64;
    loop {
        let mut stream = match connect_from(src, to).await {
            Ok(s) => s,
            Err(_) => {
                stats.connect_failed.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let mut buf = Vec::new();
        loop {
            i += 1;
            // The real tenant and invented ones; no token and a wrong one.
            let tenant = if i.is_multiple_of(2) {
                TENANT.to_owned()
            } else {
                format!("invented-{k}-{i}")
            };
            let auth = if i % 4 < 2 {
                "Authorization: Bearer scimctl_wrong_0123456789abcdef\r\n"
            } else {
                ""
            };
            let mut req = format!(
                "POST /scim/v2/{tenant}/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/scim+json\r\nUser-Agent: flood/{k}\r\n{auth}Content-Length: {}\r\n\r\n",
                body.len()
            )
            .into_bytes();
            req.extend_from_slice(&body);
            let (mut r, mut w) = stream.split();
            let exchange = async {
                let (wrote, answer) =
                    tokio::join!(w.write_all(&req), read_answer(&mut r, &mut buf));
                answer.map(|(s, closes)| (s, closes || wrote.is_err()))
            };
            match tokio::time::timeout(FLOOD_TIMEOUT, exchange).await {
                Ok(Ok((status, closes))) => {
                    stats.status[usize::from(status).min(599)].fetch_add(1, Ordering::Relaxed);
                    if closes {
                        break;
                    }
                }
                Ok(Err(_)) => {
                    stats.reset.fetch_add(1, Ordering::Relaxed);
                    break;
                }
                Err(_) => {
                    stats.timeout.fetch_add(1, Ordering::Relaxed);
                    break;
                }
            }
        }
    }
}

/// One slow connection: a partial request head, then nothing until the
/// server closes it; then again.
async fn slow(j: usize, to: SocketAddr, stats: Arc<AttackStats>) {
    let src = Ipv4Addr::new(127, 0, 1, 1 + (j / SLOW_PER_ADDRESS % 250) as u8);
    let partial = format!(
        "POST /scim/v2/{TENANT}/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/scim+json\r\nContent-Le"
    );
    loop {
        let Ok(mut s) = connect_from(src, to).await else {
            stats.connect_failed.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        let opened = Instant::now();
        if s.write_all(partial.as_bytes()).await.is_err() {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        }
        stats.slow_opened.fetch_add(1, Ordering::Relaxed);
        stats.slow_open.fetch_add(1, Ordering::Relaxed);
        let mut b = [0u8; 1024];
        // Whatever comes back (an error answer, EOF, a reset) ends it.
        let _ = s.read(&mut b).await;
        stats.slow_open.fetch_sub(1, Ordering::Relaxed);
        stats.slow_closed.fetch_add(1, Ordering::Relaxed);
        let held = opened.elapsed();
        stats
            .slow_held_ms
            .fetch_add(held.as_millis() as u64, Ordering::Relaxed);
        if held < Duration::from_secs(1) {
            // Refused at once (a cap): do not spin.
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// The attack, on its own thread and runtime until stopped.
struct Attack {
    stats: Arc<AttackStats>,
    stop: tokio::sync::oneshot::Sender<()>,
    thread: std::thread::JoinHandle<()>,
    /// The attacking thread's CPU ticks, read from /proc.
    tid: Arc<AtomicU64>,
}

impl Attack {
    fn start(to: SocketAddr, conns: usize, body_bytes: usize, slow_n: usize) -> Attack {
        let stats = Arc::new(AttackStats::new());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let tid = Arc::new(AtomicU64::new(0));
        let (st, t) = (stats.clone(), tid.clone());
        let thread = std::thread::spawn(move || {
            t.store(
                rustix::thread::gettid().as_raw_nonzero().get() as u64,
                Ordering::Relaxed,
            );
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                // A JSON-looking body of the given size, a userName inside.
                let mut body = br#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"flood@attacker.example","x":""#.to_vec();
                body.resize(body_bytes.saturating_sub(2).max(body.len()), b'a');
                body.extend_from_slice(b"\"}");
                let body = Arc::new(body);
                let mut tasks = Vec::new();
                for j in 0..slow_n {
                    tasks.push(tokio::spawn(slow(j, to, st.clone())));
                }
                for k in 0..conns {
                    tasks.push(tokio::spawn(flood(k, to, body.clone(), st.clone())));
                }
                let _ = stopped.await;
                // Dropping the tasks closes every socket.
                for t in tasks {
                    t.abort();
                }
            });
        });
        Attack {
            stats,
            stop,
            thread,
            tid,
        }
    }

    fn cpu_ticks(&self) -> u64 {
        proc_ticks(&format!(
            "/proc/self/task/{}/stat",
            self.tid.load(Ordering::Relaxed)
        ))
    }

    fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.thread.join();
    }
}

/// `/healthz`'s counters, asked from an address of its own (127.0.0.254)
/// so the asking counts against no one's limit.
fn healthz(to: SocketAddr) -> BTreeMap<String, u64> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let ask = async {
            let mut s = connect_from(Ipv4Addr::new(127, 0, 0, 254), to).await?;
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .await?;
            let mut text = String::new();
            s.read_to_string(&mut text).await?;
            Ok::<_, std::io::Error>(text)
        };
        let text = tokio::time::timeout(Duration::from_secs(5), ask)
            .await
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        text.split_once("\r\n\r\n")
            .map(|(_, body)| body)
            .unwrap_or("")
            .lines()
            .filter_map(|l| {
                let (k, v) = l.split_once(' ')?;
                Some((k.to_owned(), v.parse().ok()?))
            })
            .collect()
    })
}

// ---- the run ------------------------------------------------------------

/// One phase's figures.
struct Phase {
    legit: Legit,
    server_cpu_s: f64,
    peak_rss_mib: f64,
}

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let users = env_or("SCIMCTL_BENCH_USERS", 1000usize).max(1);
    let secs = env_or("SCIMCTL_BENCH_SECS", 10u64).max(1);
    let rate = env_or("SCIMCTL_BENCH_LEGIT_RATE", 80.0f64).max(1.0);
    let flood_conns = env_or("SCIMCTL_BENCH_FLOOD_CONNS", 16usize);
    let flood_body = env_or("SCIMCTL_BENCH_FLOOD_BODY", 100_000usize);
    let slow_n = env_or("SCIMCTL_BENCH_SLOW", 1000usize);

    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("abuse.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("write empty config");
    let t0 = Instant::now();
    let fx = Arc::new(prefill(&store, users));
    eprintln!(
        "prefilled {users} users in {:.1}s",
        t0.elapsed().as_secs_f64()
    );
    let seq = Arc::new(AtomicU64::new(0));

    // Baseline: the IdP alone.
    let log0 = log_bytes(&store);
    let server = Server::start(&store, &config);
    let base = format!("http://{}/scim/v2/{TENANT}", server.addr);
    let ticks = server.cpu_ticks();
    let legit = run_legit(&base, &fx, rate, secs, &seq);
    let baseline = Phase {
        server_cpu_s: (server.cpu_ticks() - ticks) as f64 / 100.0,
        peak_rss_mib: server.peak_rss_kib() as f64 / 1024.0,
        legit,
    };
    server.stop();
    let log1 = log_bytes(&store);
    eprintln!("baseline done");

    // Under attack: a fresh server over the same store.
    let server = Server::start(&store, &config);
    let base = format!("http://{}/scim/v2/{TENANT}", server.addr);
    let attack = Attack::start(server.addr, flood_conns, flood_body, slow_n);
    let ramp = Instant::now();
    while attack.stats.slow_open.load(Ordering::Relaxed) < slow_n as u64 * 95 / 100
        && ramp.elapsed() < Duration::from_secs(10)
    {
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(1));
    eprintln!(
        "attack running: {} slow connections open after {:.1}s",
        attack.stats.slow_open.load(Ordering::Relaxed),
        ramp.elapsed().as_secs_f64()
    );
    let (flood_before, by_before) = attack.stats.flood();
    let ticks = server.cpu_ticks();
    let attacker_ticks = attack.cpu_ticks();
    let slow_closed_before = attack.stats.slow_closed.load(Ordering::Relaxed);
    let window = Instant::now();
    let legit_thread = {
        let (base, fx, seq) = (base.clone(), fx.clone(), seq.clone());
        std::thread::spawn(move || run_legit(&base, &fx, rate, secs, &seq))
    };
    let mut open_samples = Vec::new();
    while !legit_thread.is_finished() {
        if let Some(&n) = healthz(server.addr).get("connections_open") {
            open_samples.push(n);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    let legit = legit_thread.join().expect("legit thread");
    let window_s = window.elapsed().as_secs_f64();
    let server_cpu_s = (server.cpu_ticks() - ticks) as f64 / 100.0;
    let attacker_cpu_s = (attack.cpu_ticks() - attacker_ticks) as f64 / 100.0;
    let (flood_after, by_after) = attack.stats.flood();
    let slow_closed_window = attack.stats.slow_closed.load(Ordering::Relaxed) - slow_closed_before;
    let counters = healthz(server.addr);
    let s = &attack.stats;
    let (slow_opened, slow_closed, slow_held_ms) = (
        s.slow_opened.load(Ordering::Relaxed),
        s.slow_closed.load(Ordering::Relaxed),
        s.slow_held_ms.load(Ordering::Relaxed),
    );
    let (reset, timeout, connect_failed) = (
        s.reset.load(Ordering::Relaxed),
        s.timeout.load(Ordering::Relaxed),
        s.connect_failed.load(Ordering::Relaxed),
    );
    let under = Phase {
        server_cpu_s,
        peak_rss_mib: server.peak_rss_kib() as f64 / 1024.0,
        legit,
    };
    let stats = attack.stats.clone();
    attack.stop();
    // Every request the log could hold, up to the stop.
    let (flood_total, _) = stats.flood();
    // The attack's sockets are closed: the drain is short.
    std::thread::sleep(Duration::from_millis(200));
    server.stop();
    let log2 = log_bytes(&store);

    // ---- report ----
    println!(
        "scimctl serve abuse benchmark: {users} stored users, default limits, {secs}s per phase, IdP paced at {rate:.0} req/s on 4 keep-alive connections (half creates, half GETs); attack: {flood_conns} flood connections of {flood_body}-byte anonymous POSTs + {slow_n} slow connections"
    );
    println!();
    println!(
        "| phase | creates/s | create p50 ms | create p99 ms | GETs/s | GET p50 ms | GET p99 ms | IdP non-2xx | server CPU (of {secs}s) | server CPU µs per IdP request | server peak RSS MiB |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
    for (name, p) in [("baseline", &baseline), ("under attack", &under)] {
        let n = (p.legit.create.len() + p.legit.get.len()).max(1) as f64;
        println!(
            "| {name} | {:.1} | {:.2} | {:.2} | {:.1} | {:.2} | {:.2} | {} | {:.2} s ({:.0} % of a core) | {:.0} | {:.1} |",
            p.legit.create.len() as f64 / p.legit.secs,
            pct(&p.legit.create, 0.5),
            pct(&p.legit.create, 0.99),
            p.legit.get.len() as f64 / p.legit.secs,
            pct(&p.legit.get, 0.5),
            pct(&p.legit.get, 0.99),
            statuses(&p.legit.failed),
            p.server_cpu_s,
            p.server_cpu_s / p.legit.secs * 100.0,
            p.server_cpu_s * 1e6 / n,
            p.peak_rss_mib,
        );
    }
    let frac =
        |a: usize, b: usize, sa: f64, sb: f64| (a as f64 / sa) / (b as f64 / sb).max(1e-9) * 100.0;
    let p99_all = {
        let mut v: Vec<u64> = under
            .legit
            .create
            .iter()
            .chain(&under.legit.get)
            .copied()
            .collect();
        v.sort_unstable();
        pct(&v, 0.99)
    };
    println!();
    println!("| goal | figure | met |");
    println!("|---|---:|---|");
    let c = frac(
        under.legit.create.len(),
        baseline.legit.create.len(),
        under.legit.secs,
        baseline.legit.secs,
    );
    let g = frac(
        under.legit.get.len(),
        baseline.legit.get.len(),
        under.legit.secs,
        baseline.legit.secs,
    );
    println!(
        "| create rate under attack ≥ 80 % of baseline | {c:.1} % | {} |",
        yes(c >= 80.0)
    );
    println!(
        "| GET rate under attack ≥ 80 % of baseline | {g:.1} % | {} |",
        yes(g >= 80.0)
    );
    println!(
        "| IdP p99 under attack < 25 ms (creates and GETs) | {p99_all:.2} ms | {} |",
        yes(p99_all < 25.0)
    );

    let window_flood = flood_after - flood_before;
    let window_by: BTreeMap<u16, u64> = by_after
        .iter()
        .map(|(&k, &v)| (k, v - by_before.get(&k).copied().unwrap_or(0)))
        .filter(|&(_, v)| v > 0)
        .collect();
    println!();
    println!("| attack, during the IdP's {window_s:.1}s | figure |");
    println!("|---|---:|");
    println!(
        "| flood requests | {window_flood} ({:.0}/s) |",
        window_flood as f64 / window_s
    );
    println!("| flood answers by status | {} |", statuses(&window_by));
    println!("| flood requests over the whole attack (ramp included) | {flood_total} |");
    println!(
        "| flood requests without an answer (reset / timeout), ramp + IdP window | {reset} / {timeout} |"
    );
    println!(
        "| slow connections opened / closed by the server, ramp + IdP window | {slow_opened} / {slow_closed} |"
    );
    println!(
        "| slow connections: mean time the server held one it closed | {:.1} s |",
        slow_held_ms as f64 / 1000.0 / slow_closed.max(1) as f64
    );
    println!(
        "| slow connections closed by the server during the IdP's window | {slow_closed_window} |"
    );
    println!("| connects refused or failed (client side) | {connect_failed} |");
    println!(
        "| connections the server held open (/healthz, every 0.5 s): min / median / max | {} / {} / {} |",
        open_samples.iter().min().copied().unwrap_or(0),
        {
            let mut v = open_samples.clone();
            v.sort_unstable();
            v.get(v.len() / 2).copied().unwrap_or(0)
        },
        open_samples.iter().max().copied().unwrap_or(0)
    );
    println!(
        "| attacker client CPU (same machine) | {attacker_cpu_s:.2} s ({:.0} % of a core) |",
        attacker_cpu_s / window_s * 100.0
    );
    for k in [
        "connections_refused",
        "connections_refused_per_address",
        "rate_limited",
        "auth_blocked",
        "store_busy",
        "log_dropped",
        "log_unknown_tenant",
    ] {
        if let Some(v) = counters.get(k) {
            println!("| /healthz {k} (end of attack) | {v} |");
        }
    }

    // The IdP's own records, per request, from the baseline; the rest of
    // the attack phase's growth is the anonymous requests'.
    let legit_n = |p: &Phase| (p.legit.create.len() + p.legit.get.len()) as f64;
    let per_legit = log1.saturating_sub(log0) as f64 / legit_n(&baseline).max(1.0);
    let grew = log2.saturating_sub(log1) as f64;
    let anon = (grew - per_legit * legit_n(&under)).max(0.0);
    println!();
    println!("| provisioning log (`<store>-log` + WAL, after a graceful stop) | bytes |");
    println!("|---|---:|");
    println!("| before the baseline / after it / after the attack | {log0} / {log1} / {log2} |");
    println!("| per IdP request (baseline) | {per_legit:.0} |");
    println!("| attack phase growth | {grew:.0} |");
    println!(
        "| of which the IdP's {} requests (at the baseline's bytes each) | {:.0} |",
        legit_n(&under),
        per_legit * legit_n(&under)
    );
    println!(
        "| **per anonymous request** (the rest / {flood_total} flood requests) | **{:.3}** |",
        anon / flood_total.max(1) as f64
    );
    println!(
        "| per anonymous request, all growth counted as the attack's (upper bound) | {:.3} |",
        grew / flood_total.max(1) as f64
    );
}

fn statuses(m: &BTreeMap<u16, u64>) -> String {
    if m.is_empty() {
        return "none".into();
    }
    m.iter()
        .map(|(s, n)| {
            if *s == 0 {
                format!("no answer: {n}")
            } else {
                format!("{s}: {n}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}
