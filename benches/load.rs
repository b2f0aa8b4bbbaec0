//! Load benchmark of `scimctl serve`: starts the real server on 127.0.0.1
//! over a temporary store, fills it with users, and drives it with a lean
//! async client over keep-alive connections, client and server sharing the
//! machine. Reports requests/s and p50/p99 latency per scenario.
//!
//!   cargo bench --bench load
//!
//! Environment: SCIMCTL_BENCH_SIZES (default "1000,100000"),
//! SCIMCTL_BENCH_SECS per scenario (default 5), SCIMCTL_BENCH_CONCURRENCY
//! (default 8), SCIMCTL_BENCH_NO_LOG=1 to run the server without the
//! provisioning log, =both to run it with and without: then the two
//! servers run side by side and each scenario runs on
//! one then the other, the order alternating by round; a last table gives
//! each scenario's log-on rate against log-off as the median of the rounds'
//! pairs. SCIMCTL_BENCH_ROUNDS (default 1) repeats every run over a fresh
//! copy of the prefilled store and reports medians; SCIMCTL_BENCH_SCENARIOS picks
//! scenarios (filter,get,patch,group,create); SCIMCTL_BENCH_REQUESTS sends
//! that many requests per scenario instead of running for a time; and
//! SCIMCTL_BENCH_SERVER_WRAP runs the server under a command, e.g.
//! "valgrind --tool=callgrind --log-file=/tmp/vg.log", for instruction counts;
//! SCIMCTL_BENCH_SERVER runs another scimctl binary (before/after comparisons
//! over the same schema); SCIMCTL_BENCH_COMPARE=<binary> runs this build
//! and that one side by side (the log as SCIMCTL_BENCH_NO_LOG says, on by
//! default), and a last table gives this build's rate and server CPU per
//! request against the other's, medians of the rounds' pairs.
//! (benches/callgrind.sh counts instructions per request of several builds.)
//!
//! The same run also drives a reference (benches/reference.rs: an axum
//! router over a HashMap, no store, no checks, no log) with the same
//! requests, side by side with scimctl, and prints every scimctl rate and
//! server CPU per request as a fraction of the reference's, the median of
//! the rounds' pairs: the figure to quote on this shared machine.
//! SCIMCTL_BENCH_REFERENCE=0 leaves it out.
//!
//! SCIMCTL_BENCH_WEBHOOK=1 (off by default) adds a side `webhook` on
//! SQLite: this build with the provisioning log on (a log-on side is added
//! if the others have none) and one enabled webhook endpoint for the bench
//! tenant, every event type, added to that side's own copy of the store
//! before its server starts (its cursor at the newest event, so only the
//! run's own changes are delivered). The endpoint is
//! `http://127.0.0.1:PORT/hook`, a receiver inside this benchmark process
//! (its own thread and tokio runtime, started once per run) that answers
//! 200 to every POST and counts them. A last table gives per scenario the
//! webhook side's rate, p99 and server CPU per request next to the log-on
//! side's and their ratios (medians of the rounds' pairs), the webhook
//! requests the receiver got while the scenario ran on the webhook side
//! (per second), the events the side wrote meanwhile (per second), and the
//! backlog at the scenario's end (the newest event's seq minus the
//! endpoint's cursor, read from the store): `serve` delivers
//! asynchronously, in order, one message at a time per endpoint. After
//! each of its scenarios the webhook side is given up to 30 s to deliver
//! that backlog before the next side runs (so that its deliveries do not
//! load another side's run); the table gives how long it took, what was
//! left, and the side's server CPU per request counted until then.
//!
//! SCIMCTL_BENCH_STORES (default "sqlite") names the stores to run on, e.g.
//! "sqlite,postgres,postgres2": `postgres` is one `serve` on a fresh
//! database of a private PostgreSQL server the benchmark starts
//! (benches/pg_server.rs: durability settings at their defaults, fsync and
//! synchronous_commit on; the run fails if PostgreSQL's binaries are
//! missing), `postgres2` two `serve` instances on one database, the
//! client's connections split half and half between them. Every store's
//! servers run side by side (each on its own copy of its prefilled store)
//! and take their turn per scenario, like the log modes; server CPU per
//! request is then summed over the store's `serve` instances, and
//! PostgreSQL's CPU per request (the postmaster and its children) is shown
//! in a column of its own. A table per store, then a last table compares
//! the stores scenario by scenario (rate, p99, CPU per request).
//!
//! Every protection of `serve` is on, at its default (connection caps,
//! header timeout, body limits, the failed-authentication budget, store
//! jobs), except the two rate limits this benchmark's own traffic meets:
//! one tenant driven from 127.0.0.1 at thousands of requests a second is
//! far above the defaults (200/s per address, 100/s per tenant), so the
//! server runs with SCIMCTL_RATE_LIMIT_PER_ADDRESS and
//! SCIMCTL_RATE_LIMIT_PER_TENANT at 10,000,000: the limiters still run on
//! every request (a nonzero limit is checked, 0 would skip them) but never
//! refuse one. What the protections cost is then the difference to a build
//! without them (SCIMCTL_BENCH_SERVER=<old scimctl>, which ignores these
//! variables). What they do under attack is `benches/abuse.rs`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use scimctl::engine::Engine;
use scimctl::engine::model::Policy;
use scimctl::engine::scim::users::Scope;
use serde_json::{Value, json};

#[path = "reference.rs"]
mod reference;

#[path = "../tests/pg_cluster.rs"]
mod pg_cluster;
#[path = "pg_server.rs"]
mod pg_server;

use pg_server::PgServer;
use scimctl::engine::store::postgres::PostgresStore;

/// Where a side's users are stored (SCIMCTL_BENCH_STORES).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum StoreKind {
    Sqlite,
    /// One `serve` on a PostgreSQL database.
    Postgres,
    /// Two `serve` instances on one PostgreSQL database.
    Postgres2,
}

impl StoreKind {
    fn parse(s: &str) -> StoreKind {
        match s.trim() {
            "sqlite" => StoreKind::Sqlite,
            "postgres" => StoreKind::Postgres,
            "postgres2" => StoreKind::Postgres2,
            other => panic!(
                "SCIMCTL_BENCH_STORES: unknown store {other:?} (sqlite, postgres, postgres2)"
            ),
        }
    }
    fn name(self) -> &'static str {
        match self {
            StoreKind::Sqlite => "sqlite",
            StoreKind::Postgres => "postgres",
            StoreKind::Postgres2 => "postgres2",
        }
    }
    fn instances(self) -> usize {
        match self {
            StoreKind::Postgres2 => 2,
            _ => 1,
        }
    }
    fn is_postgres(self) -> bool {
        self != StoreKind::Sqlite
    }
}

/// The environment variable that makes this executable the reference
/// server (its value: the seed file).
const REFERENCE_CHILD: &str = "SCIMCTL_BENCH_REFERENCE_SEED";

/// What a side of a round runs: this scimctl with the log on or off, the
/// SCIMCTL_BENCH_COMPARE binary (the log as the first side has it), or the
/// reference.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    LogOn,
    LogOff,
    Other {
        no_log: bool,
    },
    Reference,
    /// This build, the log on, one webhook endpoint (SCIMCTL_BENCH_WEBHOOK).
    Webhook,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::LogOn => "on",
            Mode::LogOff => "off",
            Mode::Other { .. } => "other",
            Mode::Reference => "reference",
            Mode::Webhook => "webhook",
        }
    }
}

fn env_or<T: std::str::FromStr>(k: &str, d: T) -> T {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

/// The webhook receiver (SCIMCTL_BENCH_WEBHOOK): `POST /hook` answered
/// 200 at once, on 127.0.0.1, on a thread with its own tokio runtime, for
/// the whole run; `received` counts the requests.
struct Receiver {
    port: u16,
    received: Arc<AtomicU64>,
}

impl Receiver {
    fn start() -> Receiver {
        let received = Arc::new(AtomicU64::new(0));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind the receiver");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().expect("receiver address").port();
        let count = received.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("receiver runtime");
            rt.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).expect("receiver listener");
                let app = axum::Router::new().route(
                    "/hook",
                    axum::routing::post(move || {
                        count.fetch_add(1, Ordering::Relaxed);
                        async { axum::http::StatusCode::OK }
                    }),
                );
                axum::serve(listener, app).await.expect("the receiver");
            });
        });
        Receiver { port, received }
    }

    fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }
}

/// Adds the webhook endpoint (every event type) to the bench tenant of the
/// SQLite store at `store`, before its server starts.
fn add_webhook(store: &std::path::Path, port: u16) {
    let engine = Engine::open_sqlite(store, "bench").expect("open the webhook side's store");
    let t = engine
        .resolve_tenant(Some("bench"))
        .expect("the bench tenant");
    engine
        .webhook_add(&t, &format!("http://127.0.0.1:{port}/hook"), &[])
        .expect("add the webhook endpoint");
}

/// The newest event's seq and its excess over the endpoint's cursor (the
/// events not yet delivered), read from the webhook side's SQLite store.
fn event_backlog(store: &std::path::Path) -> (i64, i64) {
    let conn = rusqlite::Connection::open_with_flags(
        store,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .expect("open the store to read the backlog");
    conn.busy_timeout(Duration::from_secs(5))
        .expect("busy timeout");
    conn.query_row(
        "SELECT coalesce((SELECT max(seq) FROM events), 0), \
                coalesce((SELECT max(seq) FROM events), 0) - coalesce((SELECT min(cursor) FROM webhook_endpoints), 0)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .expect("read the backlog")
}

/// The rate limits the server runs with (see the module doc).
const BENCH_RATE_LIMIT: &str = "10000000";

struct Server {
    child: Child,
    base: String,
}

impl Server {
    /// `store`: a SQLite path or a PostgreSQL URL of `pg_server`'s.
    fn start(store: impl AsRef<std::ffi::OsStr>, mode: Mode) -> Server {
        let store = store.as_ref();
        let this = || {
            std::env::var("SCIMCTL_BENCH_SERVER")
                .unwrap_or_else(|_| env!("CARGO_BIN_EXE_scimctl").to_owned())
        };
        let (bin, no_log) = match mode {
            Mode::Other { no_log } => (
                std::env::var("SCIMCTL_BENCH_COMPARE").expect("the binary to compare with"),
                no_log,
            ),
            _ => (this(), mode == Mode::LogOff),
        };
        let wrap = std::env::var("SCIMCTL_BENCH_SERVER_WRAP").unwrap_or_default();
        let mut wrap = wrap.split_whitespace();
        let mut cmd = match wrap.next() {
            Some(prog) => {
                let mut c = Command::new(prog);
                c.args(wrap).arg(&bin);
                c
            }
            None => Command::new(&bin),
        };
        // Far above this benchmark's rate: the limiters run, never refuse.
        cmd.env("SCIMCTL_RATE_LIMIT_PER_ADDRESS", BENCH_RATE_LIMIT)
            .env("SCIMCTL_RATE_LIMIT_PER_TENANT", BENCH_RATE_LIMIT)
            .arg("--store")
            .arg(store)
            .args(["-q", "serve", "--listen", "127.0.0.1:0"]);
        if no_log {
            cmd.arg("--no-provisioning-log");
        }
        if store.to_string_lossy().starts_with("postgres://") {
            cmd.env("PGPASSWORD", pg_server::PASSWORD);
        }
        Server::spawn(cmd)
    }

    /// This executable again, as the reference server over `seed`.
    fn start_reference(seed: &std::path::Path) -> Server {
        let mut cmd = Command::new(std::env::current_exe().expect("this executable"));
        cmd.env(REFERENCE_CHILD, seed);
        Server::spawn(cmd)
    }

    /// Starts `cmd` and waits for its `listening on ADDR` line.
    fn spawn(mut cmd: Command) -> Server {
        let mut child = cmd
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start the server");
        let stderr = child.stderr.take().expect("stderr");
        let mut line = String::new();
        BufReader::new(stderr)
            .read_line(&mut line)
            .expect("read listen line");
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .expect("listen line")
            .to_owned();
        Server {
            child,
            base: format!("http://{addr}/scim/v2/bench"),
        }
    }

    /// CPU time the server has used (user + system), in clock ticks: per
    /// request, a figure that other load on the machine barely moves.
    fn cpu_ticks(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()))
            .ok()
            .and_then(|s| {
                let after = s.rsplit_once(')')?.1;
                let f: Vec<&str> = after.split_whitespace().collect();
                Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
            })
            .unwrap_or(0)
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
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGTERM: a graceful stop, so a wrapping profiler writes its output.
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
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Fixture {
    token: String,
    user_ids: Vec<String>,
    user_names: Vec<String>,
    group_id: String,
}

fn user_body(i: usize) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": format!("user{i}@bench.example.com"),
        "externalId": format!("user{i}"),
        "active": true,
        "name": {"givenName": "Bench", "familyName": format!("User{i}")}
    })
}

fn prefill(store: &std::path::Path, n: usize) -> Fixture {
    prefill_engine(&Engine::open_sqlite(store, "bench").expect("open store"), n)
}

/// The PostgreSQL database `db` made and prefilled through the engine (its
/// own commits not waiting for the disk: the prefill is not measured; the
/// database's setting is reset before any server starts), closed after.
fn prefill_postgres(pg: &PgServer, db: &str, n: usize) -> Fixture {
    pg.admin(&format!("CREATE DATABASE {db}"));
    pg.admin(&format!("ALTER DATABASE {db} SET synchronous_commit = off"));
    let store = PostgresStore::open(&pg.target(db)).expect("open the PostgreSQL store");
    let fx = prefill_engine(&Engine::new(Arc::new(store), "bench"), n);
    pg.admin(&format!("ALTER DATABASE {db} RESET synchronous_commit"));
    // The statistics and visibility map autovacuum would have made by the
    // time a database this size serves (the copies keep them).
    pg.sql(db, "VACUUM ANALYZE");
    fx
}

/// The bench tenant, its token, `n` users (made by a few threads: the
/// store's writes run one at a time, the rest of the engine's work
/// overlaps) and a group.
fn prefill_engine(engine: &Engine, n: usize) -> Fixture {
    let t = engine
        .create_tenant("Bench", Some("bench"), Policy::Product)
        .expect("tenant");
    engine.set_scim_enabled(&t, true).expect("enable");
    // The PATCH scenario deactivates half the users over and over: the
    // deprovisioning guard (a product rule, not a limit of the server)
    // would hold them after the first tenth.
    engine.set_guard(&t, None, None, false).expect("guard off");
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
    const THREADS: usize = 4;
    let user_ids: Vec<String> = std::thread::scope(|ts| {
        let parts: Vec<_> = (0..THREADS)
            .map(|k| {
                let t = &t;
                ts.spawn(move || {
                    let scope = Scope {
                        tenant: t,
                        base: "http://bench/scim/v2/bench",
                    };
                    (k * n / THREADS..(k + 1) * n / THREADS)
                        .map(|i| {
                            let w = engine
                                .scim_create_user(scope, &user_body(i))
                                .expect("create");
                            w.resource["id"].as_str().expect("id").to_owned()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().expect("a prefill thread panicked"))
            .collect()
    });
    let user_names = (0..n)
        .map(|i| format!("user{i}@bench.example.com"))
        .collect();
    let g = engine
        .scim_create_group(scope, &json!({"displayName": "Bench group"}))
        .expect("group");
    Fixture {
        token,
        user_ids,
        user_names,
        group_id: g.resource["id"].as_str().expect("gid").to_owned(),
    }
}

/// The same users, group and token for another scimctl binary, made with
/// that binary's own CLI and server (its schema may be older than this
/// build's, which then cannot open its store, nor it this build's).
fn prefill_with(bin: &str, store: &std::path::Path, n: usize) -> Fixture {
    let cli = |args: &[&str]| -> String {
        let out = Command::new(bin)
            .arg("--store")
            .arg(store)
            .arg("-q")
            .args(args)
            .output()
            .expect("run the other scimctl");
        assert!(
            out.status.success(),
            "{bin} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    cli(&[
        "tenant", "create", "Bench", "--id", "bench", "--policy", "product",
    ]);
    cli(&["scim", "enable"]);
    // As `prefill_engine`: the PATCH scenario's deactivations would meet
    // the deprovisioning guard. A build without the guard has none to
    // turn off, and fails the command: that is fine.
    let _ = Command::new(bin)
        .arg("--store")
        .arg(store)
        .args(["-q", "scim", "guard", "set", "--off"])
        .output();
    let token = cli(&["token", "generate"]);
    let server = Server::start(store, Mode::Other { no_log: true });
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (user_ids, group_id) = rt.block_on(async {
        let c = reqwest::Client::new();
        let auth = format!("Bearer {token}");
        let mut ids = Vec::with_capacity(n);
        for i in 0..n {
            let v: Value = c
                .post(format!("{}/Users", server.base))
                .header("Authorization", &auth)
                .json(&user_body(i))
                .send()
                .await
                .expect("create")
                .json()
                .await
                .expect("created user");
            ids.push(v["id"].as_str().expect("id").to_owned());
        }
        let g: Value = c
            .post(format!("{}/Groups", server.base))
            .header("Authorization", &auth)
            .json(&json!({"displayName": "Bench group"}))
            .send()
            .await
            .expect("group")
            .json()
            .await
            .expect("created group");
        (ids, g["id"].as_str().expect("gid").to_owned())
    });
    drop(server);
    Fixture {
        token,
        user_ids,
        user_names: (0..n)
            .map(|i| format!("user{i}@bench.example.com"))
            .collect(),
        group_id,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Scenario {
    Create,
    Filter,
    GetById,
    PatchActive,
    GroupAdd,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Scenario::Create => "create user",
            Scenario::Filter => "userName eq filter",
            Scenario::GetById => "GET by id",
            Scenario::PatchActive => "PATCH active",
            Scenario::GroupAdd => "group member add",
        }
    }
    fn key(self) -> &'static str {
        match self {
            Scenario::Create => "create",
            Scenario::Filter => "filter",
            Scenario::GetById => "get",
            Scenario::PatchActive => "patch",
            Scenario::GroupAdd => "group",
        }
    }
}

struct Outcome {
    rps: f64,
    /// Server CPU per request (every `serve` instance of the side),
    /// microseconds.
    cpu_us: f64,
    /// PostgreSQL's CPU per request (its postmaster and children),
    /// microseconds; 0 on SQLite.
    pg_cpu_us: f64,
    p50_us: u64,
    p99_us: u64,
    errors: u64,
    /// The webhook side: requests the receiver got during the scenario,
    /// events the side wrote, per second, and the backlog at its end.
    hooks_per_s: f64,
    events_per_s: f64,
    backlog: f64,
    /// Then: how long the backlog took to deliver, what was left after
    /// DRAIN, and the server CPU per request of the scenario until then.
    drain_s: f64,
    undrained: f64,
    cpu_drain_us: f64,
}

/// Drives the servers at `bases` (connection `w` talks to `bases[w % len]`,
/// so the connections are split evenly between them).
fn run(
    bases: &[String],
    fx: &Arc<Fixture>,
    s: Scenario,
    secs: u64,
    requests: Option<u64>,
    conc: usize,
    seq: &Arc<AtomicU64>,
) -> Outcome {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(conc)
            .build()
            .expect("client");
        let deadline = Instant::now() + Duration::from_secs(secs);
        let errors = Arc::new(AtomicU64::new(0));
        let left = Arc::new(AtomicU64::new(requests.unwrap_or(u64::MAX)));
        let mut tasks = Vec::new();
        for w in 0..conc {
            let (client, fx, base, errors, seq, left) =
                (client.clone(), fx.clone(), bases[w % bases.len()].clone(), errors.clone(), seq.clone(), left.clone());
            tasks.push(tokio::spawn(async move {
                let mut lat = Vec::new();
                let mut i = w;
                let auth = format!("Bearer {}", fx.token);
                while (requests.is_some() || Instant::now() < deadline)
                    && left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1)).is_ok()
                {
                    i = i.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) % fx.user_ids.len().max(1);
                    let req = match s {
                        Scenario::Create => {
                            let n = seq.fetch_add(1, Ordering::Relaxed) as usize + 10_000_000;
                            client.post(format!("{base}/Users")).json(&user_body(n))
                        }
                        Scenario::Filter => client.get(format!(
                            "{base}/Users?filter=userName+eq+%22{}%22",
                            fx.user_names[i]
                        )),
                        Scenario::GetById => client.get(format!("{base}/Users/{}", fx.user_ids[i])),
                        Scenario::PatchActive => client
                            .patch(format!("{base}/Users/{}", fx.user_ids[i]))
                            .json(&json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                "Operations": [{"op": "Replace", "path": "active", "value": if i % 2 == 0 { "False" } else { "True" }}]})),
                        Scenario::GroupAdd => client
                            .patch(format!("{base}/Groups/{}", fx.group_id))
                            .json(&json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                "Operations": [{"op": "Add", "path": "members", "value": [{"value": fx.user_ids[i]}]}]})),
                    };
                    let t0 = Instant::now();
                    match req.header("Authorization", &auth).send().await {
                        Ok(r) if r.status().is_success() => {
                            let _ = r.bytes().await;
                        }
                        _ => {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    lat.push(t0.elapsed().as_micros() as u64);
                }
                lat
            }));
        }
        let started = Instant::now();
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.expect("task"));
        }
        let elapsed = started.elapsed().as_secs_f64();
        all.sort_unstable();
        let pct = |p: f64| all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1))).copied().unwrap_or(0);
        Outcome {
            cpu_us: 0.0,
            pg_cpu_us: 0.0,
            rps: all.len() as f64 / elapsed,
            p50_us: pct(0.50),
            p99_us: pct(0.99),
            errors: errors.load(Ordering::Relaxed),
            hooks_per_s: 0.0,
            events_per_s: 0.0,
            backlog: 0.0,
            drain_s: 0.0,
            undrained: 0.0,
            cpu_drain_us: 0.0,
        }
    })
}

/// One side of a round: scimctl (one or two `serve` instances) over its own
/// copy of its store, or the reference over the same users.
struct Side {
    /// `None` for the reference.
    store: Option<StoreKind>,
    mode: Mode,
    /// The users, group and token of this side's store.
    fx: Arc<Fixture>,
    /// The SQLite file, or the PostgreSQL database, to remove after.
    sqlite: Option<std::path::PathBuf>,
    database: Option<String>,
    servers: Vec<Server>,
    seq: Arc<AtomicU64>,
}

/// A store's figures for the last table: the medians of its rounds.
struct Summary {
    n: usize,
    store: StoreKind,
    scenario: Scenario,
    rps: f64,
    p99_us: f64,
    cpu_us: f64,
    pg_cpu_us: f64,
}

/// How long the webhook side may take to deliver a scenario's backlog.
const DRAIN: Duration = Duration::from_secs(30);

/// Pause between the two servers' runs of a pair.
const SETTLE: Duration = Duration::from_secs(1);

/// Copies the prefilled store (and its WAL, when there is one).
fn copy_store(template: &std::path::Path, store: &std::path::Path) {
    std::fs::copy(template, store).expect("copy store");
    let mut wal = template.to_path_buf().into_os_string();
    wal.push("-wal");
    if std::path::Path::new(&wal).exists() {
        let mut to = store.to_path_buf().into_os_string();
        to.push("-wal");
        std::fs::copy(&wal, to).expect("copy store WAL");
    }
}

fn remove_store(store: &std::path::Path) {
    let _ = std::fs::remove_file(store);
    for suffix in ["-wal", "-shm", "-log", "-log-wal", "-log-shm"] {
        let mut p = store.to_path_buf().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// The median of the rounds' pairs of `a` over `b` and its range, for one
/// scenario: the figure that matters, less moved by the machine than
/// either rate alone.
fn paired(a: &[f64], b: &[f64]) -> Option<(f64, f64, f64)> {
    let mut ratios: Vec<f64> = a.iter().zip(b).map(|(x, y)| x / y.max(1e-9)).collect();
    if ratios.is_empty() {
        return None;
    }
    // `median` sorts: the range is then the ends.
    let mid = median(&mut ratios);
    Some((mid, ratios[0], ratios[ratios.len() - 1]))
}

fn main() {
    if let Some(seed) = std::env::var_os(REFERENCE_CHILD) {
        reference::serve(std::path::Path::new(&seed));
    }
    // reqwest is built without a default TLS provider (plain HTTP here, but
    // building a client needs one).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sizes: Vec<usize> = std::env::var("SCIMCTL_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let secs = env_or("SCIMCTL_BENCH_SECS", 5u64);
    let conc = env_or("SCIMCTL_BENCH_CONCURRENCY", 8usize);
    let rounds = env_or("SCIMCTL_BENCH_ROUNDS", 1usize).max(1);
    let requests = std::env::var("SCIMCTL_BENCH_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut modes: Vec<Mode> = match std::env::var("SCIMCTL_BENCH_NO_LOG").as_deref() {
        Ok("1") => vec![Mode::LogOff],
        Ok("both") => vec![Mode::LogOn, Mode::LogOff],
        _ => vec![Mode::LogOn],
    };
    if let Ok(other) = std::env::var("SCIMCTL_BENCH_COMPARE")
        && !other.is_empty()
    {
        modes.truncate(1);
        modes.push(Mode::Other {
            no_log: modes[0] == Mode::LogOff,
        });
    }
    let webhook = std::env::var("SCIMCTL_BENCH_WEBHOOK").as_deref() == Ok("1");
    if webhook {
        // Compared with this build, the log on, in the same run.
        if !modes.contains(&Mode::LogOn) {
            modes.push(Mode::LogOn);
        }
        modes.push(Mode::Webhook);
    }
    if std::env::var("SCIMCTL_BENCH_REFERENCE").as_deref() != Ok("0") {
        modes.push(Mode::Reference);
    }
    // The webhook receiver, once for the run.
    let receiver = webhook.then(Receiver::start);
    let all = [
        Scenario::Filter,
        Scenario::GetById,
        Scenario::PatchActive,
        Scenario::GroupAdd,
        Scenario::Create,
    ];
    let picked = std::env::var("SCIMCTL_BENCH_SCENARIOS").unwrap_or_default();
    let scenarios: Vec<Scenario> = all
        .into_iter()
        .filter(|s| picked.is_empty() || picked.split(',').any(|p| p.trim() == s.key()))
        .collect();
    println!(
        "scimctl serve load benchmark: {}, {conc} concurrent keep-alive connections, {rounds} round(s), servers: {}",
        requests.map_or(format!("{secs}s per scenario"), |n| format!(
            "{n} requests per scenario"
        )),
        modes
            .iter()
            .map(|m| match m {
                Mode::Reference => "the in-memory reference".to_owned(),
                Mode::Other { .. } => "the SCIMCTL_BENCH_COMPARE binary".to_owned(),
                Mode::Webhook => format!(
                    "scimctl with the provisioning log on and a webhook endpoint (receiver on 127.0.0.1:{})",
                    receiver.as_ref().map_or(0, |r| r.port)
                ),
                m => format!("scimctl with the provisioning log {}", m.name()),
            })
            .collect::<Vec<_>>()
            .join(", ")
    );
    let stores: Vec<StoreKind> = std::env::var("SCIMCTL_BENCH_STORES")
        .unwrap_or_else(|_| "sqlite".into())
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(StoreKind::parse)
        .collect();
    assert!(!stores.is_empty(), "SCIMCTL_BENCH_STORES names no store");
    println!(
        "stores: {}",
        stores
            .iter()
            .map(|s| match s {
                StoreKind::Sqlite => "sqlite (a temporary file)",
                StoreKind::Postgres =>
                    "postgres (one serve on a private PostgreSQL server, fsync and synchronous_commit on)",
                StoreKind::Postgres2 =>
                    "postgres2 (two serve instances on one database of it, connections split half and half)",
            })
            .collect::<Vec<_>>()
            .join(", ")
    );
    // The PostgreSQL server, once for every size.
    let pg = stores.iter().any(|s| s.is_postgres()).then(|| {
        let pg = PgServer::start();
        eprintln!("PostgreSQL on 127.0.0.1:{}", pg.port);
        pg
    });
    let mut summary: Vec<Summary> = Vec::new();
    for &n in &sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        let template = dir.path().join("template.db");
        let pg_template = format!("bench_template_{n}");
        // Each store's prefilled template and its fixture.
        let fixtures: Vec<(StoreKind, Arc<Fixture>)> = {
            let mut made: Vec<(StoreKind, Arc<Fixture>)> = Vec::new();
            let mut pg_fx: Option<Arc<Fixture>> = None;
            for &store in &stores {
                let t0 = Instant::now();
                let fx = match store {
                    StoreKind::Sqlite => Arc::new(prefill(&template, n)),
                    _ => match &pg_fx {
                        // postgres and postgres2 copy the same template.
                        Some(fx) => fx.clone(),
                        None => {
                            let pg = pg.as_ref().expect("the PostgreSQL server");
                            let fx = Arc::new(prefill_postgres(pg, &pg_template, n));
                            pg_fx = Some(fx.clone());
                            fx
                        }
                    },
                };
                eprintln!(
                    "{}: prefilled {n} users in {:.1}s",
                    store.name(),
                    t0.elapsed().as_secs_f64()
                );
                made.push((store, fx));
            }
            made
        };
        let fixture = |store: StoreKind| -> Arc<Fixture> {
            fixtures
                .iter()
                .find(|(s, _)| *s == store)
                .map(|(_, fx)| fx.clone())
                .expect("a fixture per store")
        };
        // The reference holds the first store's users.
        let ref_fx = fixtures[0].1.clone();
        let seed_file = dir.path().join("reference-seed.json");
        let seed = reference::Seed {
            users: ref_fx
                .user_ids
                .iter()
                .cloned()
                .zip(ref_fx.user_names.iter().cloned())
                .collect(),
            group_id: ref_fx.group_id.clone(),
        };
        std::fs::write(&seed_file, serde_json::to_vec(&seed).expect("seed")).expect("write seed");
        // The other binary's own store, made once per size.
        let other = (stores.contains(&StoreKind::Sqlite)
            && modes.iter().any(|m| matches!(m, Mode::Other { .. })))
        .then(|| {
            let t = dir.path().join("other-template.db");
            let bin = std::env::var("SCIMCTL_BENCH_COMPARE").expect("the binary to compare with");
            let ofx = Arc::new(prefill_with(&bin, &t, n));
            (t, ofx)
        });
        // (store, mode, scenario) -> per-round outcomes
        type Key = (Option<StoreKind>, Mode);
        let mut results: Vec<(Key, Scenario, Vec<Outcome>)> = Vec::new();
        let mut rss: Vec<(Key, u64)> = Vec::new();
        for round in 0..rounds {
            // The servers run side by side (scimctl each on its own copy of
            // its prefilled store), and every scenario runs on one then the
            // others (the order turning by round), so that a slow spell of
            // the machine hits every side of a round alike.
            let mut servers: Vec<Side> = Vec::new();
            for &store in &stores {
                for &mode in &modes {
                    let side = match (store, mode, &other) {
                        (_, Mode::Reference, _) => continue,
                        (StoreKind::Sqlite, Mode::Other { .. }, Some((t, ofx))) => {
                            let path = dir.path().join(format!("run-{round}-other.db"));
                            copy_store(t, &path);
                            Side {
                                store: Some(store),
                                mode,
                                fx: ofx.clone(),
                                servers: vec![Server::start(&path, mode)],
                                sqlite: Some(path),
                                database: None,
                                seq: Arc::new(AtomicU64::new(0)),
                            }
                        }
                        // The other binary: SQLite only.
                        (_, Mode::Other { .. }, _) => continue,
                        (StoreKind::Sqlite, _, _) => {
                            let path = dir.path().join(format!("run-{round}-{}.db", mode.name()));
                            copy_store(&template, &path);
                            if mode == Mode::Webhook {
                                add_webhook(&path, receiver.as_ref().expect("the receiver").port);
                            }
                            Side {
                                store: Some(store),
                                mode,
                                fx: fixture(store),
                                servers: vec![Server::start(&path, mode)],
                                sqlite: Some(path),
                                database: None,
                                seq: Arc::new(AtomicU64::new(0)),
                            }
                        }
                        // The webhook side: SQLite only.
                        (_, Mode::Webhook, _) => continue,
                        _ => {
                            let pg = pg.as_ref().expect("the PostgreSQL server");
                            let db = format!("run_{round}_{}_{}", store.name(), mode.name());
                            pg.copy_database(&pg_template, &db);
                            let url = pg.url(&db);
                            Side {
                                store: Some(store),
                                mode,
                                fx: fixture(store),
                                servers: (0..store.instances())
                                    .map(|_| Server::start(&url, mode))
                                    .collect(),
                                sqlite: None,
                                database: Some(db),
                                seq: Arc::new(AtomicU64::new(0)),
                            }
                        }
                    };
                    servers.push(side);
                }
            }
            if modes.contains(&Mode::Reference) {
                servers.push(Side {
                    store: None,
                    mode: Mode::Reference,
                    fx: ref_fx.clone(),
                    servers: vec![Server::start_reference(&seed_file)],
                    sqlite: None,
                    database: None,
                    seq: Arc::new(AtomicU64::new(0)),
                });
            }
            for side in &servers {
                eprintln!(
                    "round {} {} {}: server pid(s) {:?}",
                    round + 1,
                    side.store.map_or("-", StoreKind::name),
                    side.mode.name(),
                    side.servers
                        .iter()
                        .map(|s| s.child.id())
                        .collect::<Vec<_>>()
                );
            }
            for &s in &scenarios {
                let mut order: Vec<&Side> = servers.iter().collect();
                let turn = round % order.len().max(1);
                order.rotate_left(turn);
                for side in order {
                    if servers.len() > 1 {
                        // The other servers' log writers finish their last
                        // batch (gathered for half a second) before this run.
                        std::thread::sleep(SETTLE);
                    }
                    let key = (side.store, side.mode);
                    let pg_side = pg
                        .as_ref()
                        .filter(|_| side.store.is_some_and(StoreKind::is_postgres));
                    let cpu = || side.servers.iter().map(Server::cpu_ticks).sum::<u64>();
                    let pg_cpu = || pg_side.map_or(0, PgServer::cpu_ticks);
                    let (ticks, pg_ticks) = (cpu(), pg_cpu());
                    let bases: Vec<String> = side.servers.iter().map(|s| s.base.clone()).collect();
                    let hook_store = side.sqlite.as_ref().filter(|_| side.mode == Mode::Webhook);
                    let hooks = || receiver.as_ref().map_or(0, Receiver::received);
                    let (hooks0, seq0) = (hooks(), hook_store.map_or(0, |p| event_backlog(p).0));
                    let t0 = Instant::now();
                    let mut o = run(&bases, &side.fx, s, secs, requests, conc, &side.seq);
                    let elapsed = t0.elapsed().as_secs_f64();
                    if let Some(p) = hook_store {
                        let (seq, backlog) = event_backlog(p);
                        o.hooks_per_s = (hooks() - hooks0) as f64 / elapsed;
                        o.events_per_s = (seq - seq0) as f64 / elapsed;
                        o.backlog = backlog as f64;
                    }
                    // 100 ticks a second on Linux.
                    let sent = o.rps * elapsed;
                    o.cpu_us = (cpu() - ticks) as f64 * 10_000.0 / sent.max(1.0);
                    if let Some(p) = hook_store {
                        // The webhook side delivers its backlog before the
                        // next run (so that it does not load another side's),
                        // DRAIN at most; its CPU until then, per request.
                        let t1 = Instant::now();
                        let mut left = o.backlog as i64;
                        while left > 0 && t1.elapsed() < DRAIN {
                            std::thread::sleep(Duration::from_millis(50));
                            left = event_backlog(p).1;
                        }
                        o.drain_s = t1.elapsed().as_secs_f64();
                        o.undrained = left as f64;
                        o.cpu_drain_us = (cpu() - ticks) as f64 * 10_000.0 / sent.max(1.0);
                    }
                    o.pg_cpu_us = (pg_cpu() - pg_ticks) as f64 * 10_000.0 / sent.max(1.0);
                    if rounds > 1 {
                        eprintln!(
                            "  {n} {} {} {}: {:.0}/s p99 {:.2} ms, server CPU {:.0} µs/request, PostgreSQL {:.0}",
                            side.store.map_or("-", StoreKind::name),
                            side.mode.name(),
                            s.name(),
                            o.rps,
                            o.p99_us as f64 / 1000.0,
                            o.cpu_us,
                            o.pg_cpu_us
                        );
                        if hook_store.is_some() {
                            eprintln!(
                                "    webhooks received {:.0}/s, events written {:.0}/s, backlog at the end {:.0}, delivered in {:.1}s more (left {:.0}), server CPU with it {:.0} µs/request",
                                o.hooks_per_s,
                                o.events_per_s,
                                o.backlog,
                                o.drain_s,
                                o.undrained,
                                o.cpu_drain_us
                            );
                        }
                    }
                    match results.iter_mut().find(|(k, sc, _)| *k == key && *sc == s) {
                        Some((_, _, v)) => v.push(o),
                        None => results.push((key, s, vec![o])),
                    }
                }
            }
            for side in servers {
                let peak = side.servers.iter().map(Server::peak_rss_kib).max();
                rss.push(((side.store, side.mode), peak.unwrap_or(0)));
                drop(side.servers);
                if let Some(path) = &side.sqlite {
                    remove_store(path);
                }
                if let (Some(db), Some(pg)) = (&side.database, &pg) {
                    pg.drop_database(db);
                }
            }
        }
        let medians = |v: &[Outcome]| {
            let mut rps: Vec<f64> = v.iter().map(|o| o.rps).collect();
            let mut p50: Vec<f64> = v.iter().map(|o| o.p50_us as f64).collect();
            let mut p99: Vec<f64> = v.iter().map(|o| o.p99_us as f64).collect();
            let mut cpu: Vec<f64> = v.iter().map(|o| o.cpu_us).collect();
            let mut pg_cpu: Vec<f64> = v.iter().map(|o| o.pg_cpu_us).collect();
            (
                median(&mut rps),
                median(&mut p50),
                median(&mut p99),
                median(&mut cpu),
                median(&mut pg_cpu),
            )
        };
        // A table per store (and one for the reference).
        let tables: Vec<Option<StoreKind>> = stores
            .iter()
            .copied()
            .map(Some)
            .chain(modes.contains(&Mode::Reference).then_some(None))
            .collect();
        for table in tables {
            println!();
            println!(
                "{n} users, {}:",
                match table {
                    Some(StoreKind::Sqlite) => "sqlite",
                    Some(StoreKind::Postgres) => "postgres (one serve)",
                    Some(StoreKind::Postgres2) => "postgres2 (two serve instances, one database)",
                    None => "the in-memory reference",
                }
            );
            println!(
                "| stored users | log | scenario | requests/s | p50 ms | p99 ms | server CPU µs/req | PostgreSQL CPU µs/req | errors |"
            );
            println!("|---:|---|---|---:|---:|---:|---:|---:|---:|");
            for ((store, mode), s, v) in results.iter().filter(|((st, _), _, _)| *st == table) {
                let (rps, p50, p99, cpu, pg_cpu) = medians(v);
                println!(
                    "| {n} | {} | {} | {rps:.0} | {:.2} | {:.2} | {cpu:.0} | {} | {} |",
                    mode.name(),
                    s.name(),
                    p50 / 1000.0,
                    p99 / 1000.0,
                    if store.is_some_and(StoreKind::is_postgres) {
                        format!("{pg_cpu:.0}")
                    } else {
                        "–".to_owned()
                    },
                    v.iter().map(|o| o.errors).sum::<u64>()
                );
                if let Some(store) = *store
                    && *mode == modes[0]
                {
                    summary.push(Summary {
                        n,
                        store,
                        scenario: *s,
                        rps,
                        p99_us: p99,
                        cpu_us: cpu,
                        pg_cpu_us: pg_cpu,
                    });
                }
            }
            let Some(store) = table else { continue };
            for &mode in &modes {
                if let Some((_, k)) = rss
                    .iter()
                    .filter(|(k, _)| *k == (table, mode))
                    .max_by_key(|(_, k)| *k)
                {
                    println!(
                        "| {n} | {} | server peak RSS{} | {} MiB | | | | | |",
                        mode.name(),
                        if store.instances() > 1 {
                            " (each instance, the larger)"
                        } else {
                            ""
                        },
                        k / 1024
                    );
                }
            }
            // The store as prefilled (SQLite: the file and its WAL, the
            // provisioning log being a file of its own that starts empty;
            // PostgreSQL: the template database).
            let bytes: u64 = match store {
                StoreKind::Sqlite => {
                    let mut wal = template.clone().into_os_string();
                    wal.push("-wal");
                    [template.clone(), wal.into()]
                        .iter()
                        .filter_map(|p| std::fs::metadata(p).ok())
                        .map(|m| m.len())
                        .sum()
                }
                _ => pg
                    .as_ref()
                    .expect("the PostgreSQL server")
                    .database_bytes(&pg_template),
            };
            println!(
                "| {n} | {} | store bytes per user | {} | | | | | |",
                modes[0].name(),
                bytes / n.max(1) as u64
            );
        }
        println!();
        let series = |key: Key, s: Scenario, f: fn(&Outcome) -> f64| -> Vec<f64> {
            results
                .iter()
                .find(|(k, sc, _)| *k == key && *sc == s)
                .map(|(_, _, v)| v.iter().map(f).collect())
                .unwrap_or_default()
        };
        let pct = |r: f64| (r - 1.0) * 100.0;
        for &store in &stores {
            let st = Some(store);
            for &s in &scenarios {
                let rate = |m| series((st, m), s, |o| o.rps);
                if let Some((mid, lo, hi)) = paired(&rate(Mode::LogOn), &rate(Mode::LogOff)) {
                    println!(
                        "| {n} | {} on vs off | {} | {:+.1} % (rounds {:+.1} … {:+.1} %) | | | | | |",
                        store.name(),
                        s.name(),
                        pct(mid),
                        pct(lo),
                        pct(hi)
                    );
                }
            }
        }
        // This build against the other binary, round by round (SQLite).
        if let Some(&other) = modes.iter().find(|m| matches!(m, Mode::Other { .. })) {
            let st = Some(StoreKind::Sqlite);
            for &s in &scenarios {
                let rate = |m| series((st, m), s, |o| o.rps);
                let cpu = |m| series((st, m), s, |o| o.cpu_us);
                let (Some(r), Some(c)) = (
                    paired(&rate(modes[0]), &rate(other)),
                    paired(&cpu(modes[0]), &cpu(other)),
                ) else {
                    continue;
                };
                println!(
                    "| {n} | this vs other | {} | rate {:+.1} % ({:+.1} … {:+.1} %) | | | CPU {:+.1} % ({:+.1} … {:+.1} %) | | |",
                    s.name(),
                    pct(r.0),
                    pct(r.1),
                    pct(r.2),
                    pct(c.0),
                    pct(c.1),
                    pct(c.2)
                );
            }
        }
        // Each scimctl side against the reference of the same round (the
        // CPU: scimctl's and PostgreSQL's together).
        let reference = (None, Mode::Reference);
        for &store in &stores {
            for &mode in modes.iter().filter(|m| **m != Mode::Reference) {
                for &s in &scenarios {
                    let key = (Some(store), mode);
                    let (Some(r), Some(c)) = (
                        paired(&series(key, s, |o| o.rps), &series(reference, s, |o| o.rps)),
                        paired(
                            &series(key, s, |o| o.cpu_us + o.pg_cpu_us),
                            &series(reference, s, |o| o.cpu_us),
                        ),
                    ) else {
                        continue;
                    };
                    println!(
                        "| {n} | {} {} vs reference | {} | rate × {:.2} ({:.2} … {:.2}) | | | CPU × {:.1} ({:.1} … {:.1}) | | |",
                        store.name(),
                        mode.name(),
                        s.name(),
                        r.0,
                        r.1,
                        r.2,
                        c.0,
                        c.1,
                        c.2
                    );
                }
            }
        }
        // The webhook side against the log-on side, round by round (SQLite).
        if modes.contains(&Mode::Webhook) && stores.contains(&StoreKind::Sqlite) {
            let st = Some(StoreKind::Sqlite);
            println!();
            println!(
                "{n} users, sqlite, webhook (log on, one endpoint, every event type) vs log on; ratios: medians of the rounds' pairs (range):"
            );
            println!(
                "| stored users | scenario | on req/s | webhook req/s | rate webhook/on | on p99 ms | webhook p99 ms | p99 webhook/on | on CPU µs/req | webhook CPU µs/req | CPU webhook/on | webhooks received/s | events written/s | backlog at end | backlog delivered in s (left) | webhook CPU µs/req incl. delivery after |"
            );
            println!(
                "|---:|---|---:|---:|---|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|"
            );
            let ratio = |r: Option<(f64, f64, f64)>| {
                r.map_or("–".to_owned(), |(mid, lo, hi)| {
                    format!("{:+.1} % ({:+.1} … {:+.1} %)", pct(mid), pct(lo), pct(hi))
                })
            };
            for &s in &scenarios {
                let med = |m, f: fn(&Outcome) -> f64| median(&mut series((st, m), s, f));
                let pair = |f: fn(&Outcome) -> f64| {
                    paired(
                        &series((st, Mode::Webhook), s, f),
                        &series((st, Mode::LogOn), s, f),
                    )
                };
                let backlogs = series((st, Mode::Webhook), s, |o| o.backlog);
                println!(
                    "| {n} | {} | {:.0} | {:.0} | {} | {:.2} | {:.2} | {} | {:.0} | {:.0} | {} | {:.0} | {:.0} | {:.0} (rounds {}) | {:.1} ({:.0}) | {:.0} |",
                    s.name(),
                    med(Mode::LogOn, |o| o.rps),
                    med(Mode::Webhook, |o| o.rps),
                    ratio(pair(|o| o.rps)),
                    med(Mode::LogOn, |o| o.p99_us as f64) / 1000.0,
                    med(Mode::Webhook, |o| o.p99_us as f64) / 1000.0,
                    ratio(pair(|o| o.p99_us as f64)),
                    med(Mode::LogOn, |o| o.cpu_us),
                    med(Mode::Webhook, |o| o.cpu_us),
                    ratio(pair(|o| o.cpu_us)),
                    med(Mode::Webhook, |o| o.hooks_per_s),
                    med(Mode::Webhook, |o| o.events_per_s),
                    median(&mut backlogs.clone()),
                    backlogs
                        .iter()
                        .map(|b| format!("{b:.0}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    med(Mode::Webhook, |o| o.drain_s),
                    med(Mode::Webhook, |o| o.undrained),
                    med(Mode::Webhook, |o| o.cpu_drain_us)
                );
            }
        }
        if let Some(pg) = &pg {
            pg.drop_database(&pg_template);
        }
    }
    // The stores side by side: medians of the rounds, log as the first mode.
    if stores.len() > 1 || sizes.len() > 1 {
        println!();
        println!(
            "stores compared (log {}; CPU µs/req: scimctl + PostgreSQL):",
            modes[0].name()
        );
        let names = |what: &str| -> String {
            stores
                .iter()
                .map(|s| format!(" {} {what} |", s.name()))
                .collect()
        };
        println!(
            "| stored users | scenario |{}{}{}",
            names("req/s"),
            names("p99 ms"),
            names("CPU µs/req")
        );
        println!("|---:|---|{}", "---:|".repeat(stores.len() * 3));
        let find = |n: usize, store: StoreKind, s: Scenario| {
            summary
                .iter()
                .find(|x| x.n == n && x.store == store && x.scenario == s)
        };
        for &n in &sizes {
            for &s in &scenarios {
                let cells = |f: &dyn Fn(&Summary) -> String| -> String {
                    stores
                        .iter()
                        .map(|&st| format!(" {} |", find(n, st, s).map_or("–".into(), f)))
                        .collect()
                };
                println!(
                    "| {n} | {} |{}{}{}",
                    s.name(),
                    cells(&|x| format!("{:.0}", x.rps)),
                    cells(&|x| format!("{:.2}", x.p99_us / 1000.0)),
                    cells(&|x| if x.store.is_postgres() {
                        format!("{:.0} + {:.0}", x.cpu_us, x.pg_cpu_us)
                    } else {
                        format!("{:.0}", x.cpu_us)
                    })
                );
            }
        }
        // The largest size's rate against the smallest's.
        if let (Some(&small), Some(&large)) = (sizes.iter().min(), sizes.iter().max())
            && small != large
        {
            for &s in &scenarios {
                let cells: String = stores
                    .iter()
                    .map(|&st| match (find(small, st, s), find(large, st, s)) {
                        (Some(a), Some(b)) => format!(" {:+.1} % |", pct_of(b.rps, a.rps)),
                        _ => " – |".to_owned(),
                    })
                    .collect();
                println!(
                    "| {large} vs {small} | {} |{cells}{}",
                    s.name(),
                    " |".repeat(stores.len() * 2)
                );
            }
        }
    }
}

/// `a` against `b`, in percent.
fn pct_of(a: f64, b: f64) -> f64 {
    (a / b.max(1e-9) - 1.0) * 100.0
}
