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
    Other { no_log: bool },
    Reference,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::LogOn => "on",
            Mode::LogOff => "off",
            Mode::Other { .. } => "other",
            Mode::Reference => "reference",
        }
    }
}

fn env_or<T: std::str::FromStr>(k: &str, d: T) -> T {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

/// The rate limits the server runs with (see the module doc).
const BENCH_RATE_LIMIT: &str = "10000000";

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(store: &std::path::Path, mode: Mode) -> Server {
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
    let engine = Engine::open_sqlite(store, "bench").expect("open store");
    let t = engine
        .create_tenant("Bench", Some("bench"), Policy::Product)
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
    let mut user_ids = Vec::with_capacity(n);
    let mut user_names = Vec::with_capacity(n);
    for i in 0..n {
        let w = engine
            .scim_create_user(scope, &user_body(i))
            .expect("create");
        user_ids.push(w.resource["id"].as_str().expect("id").to_owned());
        user_names.push(format!("user{i}@bench.example.com"));
    }
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
    /// Server CPU per request, microseconds.
    cpu_us: f64,
    p50_us: u64,
    p99_us: u64,
    errors: u64,
}

fn run(
    base: &str,
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
                (client.clone(), fx.clone(), base.to_owned(), errors.clone(), seq.clone(), left.clone());
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
            rps: all.len() as f64 / elapsed,
            p50_us: pct(0.50),
            p99_us: pct(0.99),
            errors: errors.load(Ordering::Relaxed),
        }
    })
}

/// One server of a round: scimctl over its own copy of the store, or the
/// reference over the same users.
struct Side {
    mode: Mode,
    /// The users, group and token of this side's store.
    fx: Arc<Fixture>,
    store: Option<std::path::PathBuf>,
    server: Server,
    seq: Arc<AtomicU64>,
}

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
    if std::env::var("SCIMCTL_BENCH_REFERENCE").as_deref() != Ok("0") {
        modes.push(Mode::Reference);
    }
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
                m => format!("scimctl with the provisioning log {}", m.name()),
            })
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "| stored users | log | scenario | requests/s | p50 ms | p99 ms | server CPU µs/req | errors |"
    );
    println!("|---:|---|---|---:|---:|---:|---:|---:|");
    for &n in &sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        let template = dir.path().join("template.db");
        let t0 = Instant::now();
        let fx = Arc::new(prefill(&template, n));
        eprintln!("prefilled {n} users in {:.1}s", t0.elapsed().as_secs_f64());
        let seed_file = dir.path().join("reference-seed.json");
        let seed = reference::Seed {
            users: fx
                .user_ids
                .iter()
                .cloned()
                .zip(fx.user_names.iter().cloned())
                .collect(),
            group_id: fx.group_id.clone(),
        };
        std::fs::write(&seed_file, serde_json::to_vec(&seed).expect("seed")).expect("write seed");
        // (mode, scenario) -> per-round outcomes
        // The other binary's own store, made once per size.
        let other = modes
            .iter()
            .any(|m| matches!(m, Mode::Other { .. }))
            .then(|| {
                let t = dir.path().join("other-template.db");
                let bin =
                    std::env::var("SCIMCTL_BENCH_COMPARE").expect("the binary to compare with");
                let ofx = Arc::new(prefill_with(&bin, &t, n));
                (t, ofx)
            });
        let mut results: Vec<(Mode, Scenario, Vec<Outcome>)> = Vec::new();
        let mut rss: Vec<(Mode, u64)> = Vec::new();
        for round in 0..rounds {
            // The servers run side by side (scimctl each on its own copy of
            // the prefilled store), and every scenario runs on one then the
            // other (the order turning by round), so that a slow spell of
            // the machine hits every side of a round alike.
            let servers: Vec<Side> = modes
                .iter()
                .map(|&mode| {
                    let (server, store, side_fx) = match (mode, &other) {
                        (Mode::Reference, _) => {
                            (Server::start_reference(&seed_file), None, fx.clone())
                        }
                        (Mode::Other { .. }, Some((t, ofx))) => {
                            let store = dir.path().join(format!("run-{round}-other.db"));
                            copy_store(t, &store);
                            (Server::start(&store, mode), Some(store), ofx.clone())
                        }
                        _ => {
                            let store = dir.path().join(format!("run-{round}-{}.db", mode.name()));
                            copy_store(&template, &store);
                            (Server::start(&store, mode), Some(store), fx.clone())
                        }
                    };
                    eprintln!(
                        "round {} {}: server pid {}",
                        round + 1,
                        mode.name(),
                        server.child.id()
                    );
                    Side {
                        mode,
                        fx: side_fx,
                        store,
                        server,
                        seq: Arc::new(AtomicU64::new(0)),
                    }
                })
                .collect();
            for &s in &scenarios {
                let mut order: Vec<&Side> = servers.iter().collect();
                let turn = round % order.len().max(1);
                order.rotate_left(turn);
                for Side {
                    mode,
                    fx,
                    server,
                    seq,
                    ..
                } in order
                {
                    if servers.len() > 1 {
                        // The other server's log writer finishes its last
                        // batch (gathered for half a second) before this run.
                        std::thread::sleep(SETTLE);
                    }
                    let mode = *mode;
                    let ticks = server.cpu_ticks();
                    let t0 = Instant::now();
                    let mut o = run(&server.base, fx, s, secs, requests, conc, seq);
                    // 100 ticks a second on Linux.
                    let sent = o.rps * t0.elapsed().as_secs_f64();
                    o.cpu_us = (server.cpu_ticks() - ticks) as f64 * 10_000.0 / sent.max(1.0);
                    if rounds > 1 {
                        eprintln!(
                            "  {n} {} {}: {:.0}/s p99 {:.2} ms, server CPU {:.0} µs/request",
                            mode.name(),
                            s.name(),
                            o.rps,
                            o.p99_us as f64 / 1000.0,
                            o.cpu_us
                        );
                    }
                    match results.iter_mut().find(|(m, sc, _)| *m == mode && *sc == s) {
                        Some((_, _, v)) => v.push(o),
                        None => results.push((mode, s, vec![o])),
                    }
                }
            }
            for side in servers {
                rss.push((side.mode, side.server.peak_rss_kib()));
                drop(side.server);
                if let Some(store) = &side.store {
                    remove_store(store);
                }
            }
        }
        for (mode, s, v) in &results {
            let mut rps: Vec<f64> = v.iter().map(|o| o.rps).collect();
            let mut p50: Vec<f64> = v.iter().map(|o| o.p50_us as f64).collect();
            let mut p99: Vec<f64> = v.iter().map(|o| o.p99_us as f64).collect();
            let mut cpu: Vec<f64> = v.iter().map(|o| o.cpu_us).collect();
            println!(
                "| {n} | {} | {} | {:.0} | {:.2} | {:.2} | {:.0} | {} |",
                mode.name(),
                s.name(),
                median(&mut rps),
                median(&mut p50) / 1000.0,
                median(&mut p99) / 1000.0,
                median(&mut cpu),
                v.iter().map(|o| o.errors).sum::<u64>()
            );
        }
        let series = |mode: Mode, s: Scenario, f: fn(&Outcome) -> f64| -> Vec<f64> {
            results
                .iter()
                .find(|(m, sc, _)| *m == mode && *sc == s)
                .map(|(_, _, v)| v.iter().map(f).collect())
                .unwrap_or_default()
        };
        let pct = |r: f64| (r - 1.0) * 100.0;
        for &s in &scenarios {
            let rate = |m| series(m, s, |o| o.rps);
            if let Some((mid, lo, hi)) = paired(&rate(Mode::LogOn), &rate(Mode::LogOff)) {
                println!(
                    "| {n} | on vs off | {} | {:+.1} % (rounds {:+.1} … {:+.1} %) | | | | |",
                    s.name(),
                    pct(mid),
                    pct(lo),
                    pct(hi)
                );
            }
        }
        // This build against the other binary, round by round.
        if let Some(&other) = modes.iter().find(|m| matches!(m, Mode::Other { .. })) {
            for &s in &scenarios {
                let rate = |m| series(m, s, |o| o.rps);
                let cpu = |m| series(m, s, |o| o.cpu_us);
                let (Some(r), Some(c)) = (
                    paired(&rate(modes[0]), &rate(other)),
                    paired(&cpu(modes[0]), &cpu(other)),
                ) else {
                    continue;
                };
                println!(
                    "| {n} | this vs other | {} | rate {:+.1} % ({:+.1} … {:+.1} %) | | | CPU {:+.1} % ({:+.1} … {:+.1} %) | |",
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
        // Each scimctl side against the reference of the same round.
        for &mode in modes.iter().filter(|m| **m != Mode::Reference) {
            for &s in &scenarios {
                let rate = |m| series(m, s, |o| o.rps);
                let cpu = |m| series(m, s, |o| o.cpu_us);
                let (Some(r), Some(c)) = (
                    paired(&rate(mode), &rate(Mode::Reference)),
                    paired(&cpu(mode), &cpu(Mode::Reference)),
                ) else {
                    continue;
                };
                println!(
                    "| {n} | {} vs reference | {} | rate × {:.2} ({:.2} … {:.2}) | | | CPU × {:.1} ({:.1} … {:.1}) | |",
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
        for &mode in &modes {
            let peak = rss
                .iter()
                .filter(|(m, _)| *m == mode)
                .map(|(_, k)| *k)
                .max();
            println!(
                "| {n} | {} | server peak RSS | {} MiB | | | | |",
                mode.name(),
                peak.unwrap_or(0) / 1024
            );
        }
        // This build's store as prefilled (the file and its WAL; the
        // provisioning log is a file of its own and starts empty).
        let mut wal = template.clone().into_os_string();
        wal.push("-wal");
        let bytes: u64 = [template.clone(), wal.into()]
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        println!(
            "| {n} | on | store bytes per user | {} | | | | |",
            bytes / n.max(1) as u64
        );
    }
}
