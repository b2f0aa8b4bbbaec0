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
//! provisioning log (for comparison).

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

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(store: &std::path::Path, no_log: bool) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_scimctl"));
        cmd.arg("--store")
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

#[derive(Clone, Copy)]
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
}

struct Outcome {
    rps: f64,
    p50_us: u64,
    p99_us: u64,
    errors: u64,
}

fn run(
    base: &str,
    fx: &Arc<Fixture>,
    s: Scenario,
    secs: u64,
    conc: usize,
    seq: &Arc<AtomicU64>,
) -> Outcome {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        // reqwest is built without a default TLS provider (scimctl picks ring).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(conc)
            .build()
            .expect("client");
        let deadline = Instant::now() + Duration::from_secs(secs);
        let errors = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for w in 0..conc {
            let (client, fx, base, errors, seq) =
                (client.clone(), fx.clone(), base.to_owned(), errors.clone(), seq.clone());
            tasks.push(tokio::spawn(async move {
                let mut lat = Vec::new();
                let mut i = w;
                let auth = format!("Bearer {}", fx.token);
                while Instant::now() < deadline {
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
            rps: all.len() as f64 / elapsed,
            p50_us: pct(0.50),
            p99_us: pct(0.99),
            errors: errors.load(Ordering::Relaxed),
        }
    })
}

fn main() {
    let sizes: Vec<usize> = std::env::var("SCIMCTL_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let secs = env_or("SCIMCTL_BENCH_SECS", 5u64);
    let conc = env_or("SCIMCTL_BENCH_CONCURRENCY", 8usize);
    let no_log = std::env::var("SCIMCTL_BENCH_NO_LOG").is_ok_and(|v| v == "1");
    println!(
        "scimctl serve load benchmark: {secs}s per scenario, {conc} concurrent keep-alive connections, provisioning log {}",
        if no_log { "off" } else { "on" }
    );
    println!("| stored users | scenario | requests/s | p50 ms | p99 ms | errors |");
    println!("|---:|---|---:|---:|---:|---:|");
    for &n in &sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = dir.path().join("bench.db");
        let t0 = Instant::now();
        let fx = Arc::new(prefill(&store, n));
        eprintln!("prefilled {n} users in {:.1}s", t0.elapsed().as_secs_f64());
        let server = Server::start(&store, no_log);
        let seq = Arc::new(AtomicU64::new(0));
        for s in [
            Scenario::Filter,
            Scenario::GetById,
            Scenario::PatchActive,
            Scenario::GroupAdd,
            Scenario::Create,
        ] {
            let o = run(&server.base, &fx, s, secs, conc, &seq);
            println!(
                "| {n} | {} | {:.0} | {:.2} | {:.2} | {} |",
                s.name(),
                o.rps,
                o.p50_us as f64 / 1000.0,
                o.p99_us as f64 / 1000.0,
                o.errors
            );
        }
        println!(
            "| {n} | server peak RSS | {} MiB | | | |",
            server.peak_rss_kib() / 1024
        );
    }
}
