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
//! over the same schema); SCIMCTL_BENCH_COMPARE=<binary> runs this build and
//! that one side by side, as the log's both mode does (the log as
//! SCIMCTL_BENCH_NO_LOG says, on by default), and the last table gives this
//! build's rate and server CPU per request against the other's, medians of
//! the rounds' pairs. (benches/callgrind.sh counts instructions per request
//! of several builds.)
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

/// One of the servers a round runs: which binary, with or without the log.
#[derive(Clone)]
struct Mode {
    name: String,
    bin: String,
    no_log: bool,
}

impl Server {
    fn start(store: &std::path::Path, mode: &Mode) -> Server {
        let (bin, no_log) = (&mode.bin, mode.no_log);
        let wrap = std::env::var("SCIMCTL_BENCH_SERVER_WRAP").unwrap_or_default();
        let mut wrap = wrap.split_whitespace();
        let mut cmd = match wrap.next() {
            Some(prog) => {
                let mut c = Command::new(prog);
                c.args(wrap).arg(bin);
                c
            }
            None => Command::new(bin),
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
        let mut child = cmd
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start scimctl serve");
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

/// One server of a round: log on or off, over its own copy of the store.
struct Side {
    /// Index into the modes.
    mode: usize,
    store: std::path::PathBuf,
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

fn main() {
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
    let log_modes: &[bool] = match std::env::var("SCIMCTL_BENCH_NO_LOG").as_deref() {
        Ok("1") => &[true],
        Ok("both") => &[false, true],
        _ => &[false],
    };
    let log_name = |no_log: bool| if no_log { "off" } else { "on" };
    let this_bin = std::env::var("SCIMCTL_BENCH_SERVER")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_scimctl").to_owned());
    let modes: Vec<Mode> = match std::env::var("SCIMCTL_BENCH_COMPARE") {
        Ok(other) if !other.is_empty() => ["this", "other"]
            .into_iter()
            .zip([this_bin, other])
            .map(|(name, bin)| Mode {
                name: format!("{name} (log {})", log_name(log_modes[0])),
                bin,
                no_log: log_modes[0],
            })
            .collect(),
        _ => log_modes
            .iter()
            .map(|&no_log| Mode {
                name: log_name(no_log).to_owned(),
                bin: this_bin.clone(),
                no_log,
            })
            .collect(),
    };
    let compare = modes.len() == 2 && modes[0].no_log == modes[1].no_log;
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
        "scimctl serve load benchmark: {}, {conc} concurrent keep-alive connections, {rounds} round(s), provisioning log {}",
        requests.map_or(format!("{secs}s per scenario"), |n| format!(
            "{n} requests per scenario"
        )),
        modes
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>()
            .join(" then ")
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
        // (mode, scenario) -> per-round outcomes
        let mut results: Vec<(usize, Scenario, Vec<Outcome>)> = Vec::new();
        let mut rss: Vec<(usize, u64)> = Vec::new();
        for round in 0..rounds {
            // Both servers run side by side, each on its own copy of the
            // prefilled store, and every scenario runs on one then the
            // other (the order alternating by round), so that a slow spell
            // of the machine hits both modes of a pair alike.
            let servers: Vec<Side> = modes
                .iter()
                .enumerate()
                .map(|(mode, m)| {
                    let store = dir.path().join(format!("run-{round}-{mode}.db"));
                    copy_store(&template, &store);
                    let server = Server::start(&store, m);
                    eprintln!(
                        "round {} {}: server pid {}",
                        round + 1,
                        m.name,
                        server.child.id()
                    );
                    Side {
                        mode,
                        store,
                        server,
                        seq: Arc::new(AtomicU64::new(0)),
                    }
                })
                .collect();
            for &s in &scenarios {
                let mut order: Vec<&Side> = servers.iter().collect();
                if round % 2 == 1 {
                    order.reverse();
                }
                for Side {
                    mode, server, seq, ..
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
                    let mut o = run(&server.base, &fx, s, secs, requests, conc, seq);
                    // 100 ticks a second on Linux.
                    let sent = o.rps * t0.elapsed().as_secs_f64();
                    o.cpu_us = (server.cpu_ticks() - ticks) as f64 * 10_000.0 / sent.max(1.0);
                    if rounds > 1 {
                        eprintln!(
                            "  {n} {} {}: {:.0}/s p99 {:.2} ms, server CPU {:.0} µs/request",
                            modes[mode].name,
                            s.name(),
                            o.rps,
                            o.p99_us as f64 / 1000.0,
                            o.cpu_us
                        );
                    }
                    match results.iter_mut().find(|(l, sc, _)| *l == mode && *sc == s) {
                        Some((_, _, v)) => v.push(o),
                        None => results.push((mode, s, vec![o])),
                    }
                }
            }
            for side in servers {
                rss.push((side.mode, side.server.peak_rss_kib()));
                drop(side.server);
                remove_store(&side.store);
            }
        }
        for (mode, s, v) in &results {
            let mut rps: Vec<f64> = v.iter().map(|o| o.rps).collect();
            let mut p50: Vec<f64> = v.iter().map(|o| o.p50_us as f64).collect();
            let mut p99: Vec<f64> = v.iter().map(|o| o.p99_us as f64).collect();
            let mut cpu: Vec<f64> = v.iter().map(|o| o.cpu_us).collect();
            println!(
                "| {n} | {} | {} | {:.0} | {:.2} | {:.2} | {:.0} | {} |",
                modes[*mode].name,
                s.name(),
                median(&mut rps),
                median(&mut p50) / 1000.0,
                median(&mut p99) / 1000.0,
                median(&mut cpu),
                v.iter().map(|o| o.errors).sum::<u64>()
            );
        }
        // Each round's pair, the first mode over the second (log on over
        // log off, or this build over the other): the figure that matters,
        // less moved by the machine than either rate alone.
        let pair = if compare {
            "this vs other"
        } else {
            "on vs off"
        };
        for &s in &scenarios {
            let figures = |mode: usize, f: fn(&Outcome) -> f64| -> Vec<f64> {
                results
                    .iter()
                    .find(|(l, sc, _)| *l == mode && *sc == s)
                    .map(|(_, _, v)| v.iter().map(f).collect())
                    .unwrap_or_default()
            };
            let ratios = |f: fn(&Outcome) -> f64| -> Vec<f64> {
                figures(0, f)
                    .iter()
                    .zip(figures(1, f))
                    .map(|(a, b)| a / b.max(1e-9))
                    .collect()
            };
            let mut rates = ratios(|o| o.rps);
            if rates.is_empty() {
                continue;
            }
            let pct = |r: f64| (r - 1.0) * 100.0;
            // `median` sorts: the range is then the ends.
            let mid = median(&mut rates);
            let cpu = if compare {
                let mut c = ratios(|o| o.cpu_us);
                let m = median(&mut c);
                format!(
                    "server CPU/req {:+.1} % (rounds {:+.1} … {:+.1} %)",
                    pct(m),
                    pct(c[0]),
                    pct(c[c.len() - 1])
                )
            } else {
                String::new()
            };
            println!(
                "| {n} | {pair} | {} | {:+.1} % (rounds {:+.1} … {:+.1} %) | | | {cpu} | |",
                s.name(),
                pct(mid),
                pct(rates[0]),
                pct(rates[rates.len() - 1])
            );
        }
        for (mode, m) in modes.iter().enumerate() {
            let peak = rss
                .iter()
                .filter(|(l, _)| *l == mode)
                .map(|(_, k)| *k)
                .max();
            println!(
                "| {n} | {} | server peak RSS | {} MiB | | | | |",
                m.name,
                peak.unwrap_or(0) / 1024
            );
        }
    }
}
