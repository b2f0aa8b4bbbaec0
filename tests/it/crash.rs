//! Crash durability under load (issue 20, item 9): concurrent creates,
//! PATCHes and DELETEs against a real `scimctl serve`, SIGKILLed at a
//! random moment in each of several rounds and restarted on the same store.
//!
//! What is proven, after every restart, through the SCIM API of the
//! restarted server:
//! - every acknowledged write is there: each 201 create (the user, with
//!   every attribute sent), each 200 PATCH (its value, or the value of a
//!   later PATCH of the same user), each 204 DELETE (the user is gone);
//! - nothing unacknowledged is half there: a create or PATCH whose answer
//!   never came is there whole or not at all — every write sets several
//!   attributes to one marker, and all of them must agree;
//! - no user appears that nobody created;
//!
//! and, after each kill, that a copy of the store as the crash left it
//! passes `PRAGMA integrity_check`, as does the store after the final,
//! clean stop.
//!
//! Each worker owns its users and sends one request at a time, so the value
//! a user must hold is well defined: the last acknowledged marker, or the
//! marker of the one write in flight when the server died. Markers carry a
//! per-worker sequence number, so a stale value is told apart from a new one.
//!
//! 429 and 503 answers (rate limits, a busy store) are not acknowledgements:
//! the same request is sent again, and nothing is counted.
//!
//! The kill moments and worker counts come from a seeded RNG; the seed is
//! printed and `CRASH_SEED=N` replays them (the interleaving of requests is
//! the scheduler's, so a replay is close, not exact).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

/// Rounds: at least MIN_ROUNDS, then more (up to MAX_ROUNDS) until the
/// acknowledged writes reach GOAL.
const MIN_ROUNDS: usize = 6;
const MAX_ROUNDS: usize = 16;
const GOAL: u64 = 10_000;
/// Concurrent workers per round, drawn from this range.
const WORKERS: std::ops::RangeInclusive<u64> = 8..=16;
/// How long a round drives load before the kill, in milliseconds.
const RUN_MS: std::ops::RangeInclusive<u64> = 1_000..=3_000;
/// The server's rate limits off: this test needs raw throughput.
const VARS: [(&str, &str); 2] = [
    ("SCIMCTL_RATE_LIMIT_PER_ADDRESS", "0"),
    ("SCIMCTL_RATE_LIMIT_PER_TENANT", "0"),
];
/// Below this many live users a worker creates rather than PATCHes.
const MIN_LIVE: usize = 4;

/// xorshift64*: small, seedable, good enough to pick moments and ops.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Never zero (xorshift's fixed point); splitmix the seed first.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn range(&mut self, r: std::ops::RangeInclusive<u64>) -> u64 {
        r.start() + self.next() % (r.end() - r.start() + 1)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Policy {
    Product,
    Standard,
}

impl Policy {
    /// The attributes every write sets to its marker. `product` stores
    /// only these three; `standard` stores everything.
    fn attrs(self) -> &'static [&'static str] {
        match self {
            Policy::Product => &["externalId", "name.givenName", "name.familyName"],
            Policy::Standard => &[
                "externalId",
                "name.givenName",
                "name.familyName",
                "displayName",
                "title",
            ],
        }
    }
}

struct Tenant {
    id: &'static str,
    token: String,
    policy: Policy,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// Acknowledged (or seen after a restart); its id is known.
    Live,
    /// POSTed, never answered.
    CreateInFlight,
    /// DELETEd, never answered.
    DeleteInFlight,
}

#[derive(Debug)]
struct User {
    user_name: String,
    id: Option<String>,
    state: State,
    /// The marker the store must hold: the last acknowledged create or
    /// PATCH, or what a restart showed (for a create in flight: its own).
    acked: u64,
    /// A PATCH sent and never answered, with its marker.
    patch_in_flight: Option<u64>,
}

/// One worker: its own users, one request at a time, its own connection
/// pool (a client of its own per round).
struct Worker {
    n: usize,
    tenant: usize,
    /// The last marker sequence number used; also names new users.
    seq: u64,
    rng: Rng,
    users: Vec<User>,
    /// userNames that must not exist: acknowledged deletes, and creates in
    /// flight that a restart showed did not land.
    gone: Vec<String>,
}

impl Worker {
    fn marker(&self, seq: u64) -> String {
        format!("w{}-v{seq:07}", self.n)
    }

    fn parse_marker(&self, m: &str) -> Option<u64> {
        m.strip_prefix(&format!("w{}-v", self.n))?.parse().ok()
    }
}

#[derive(Default, Debug, Clone, Copy)]
struct Stats {
    creates: u64,
    patches: u64,
    deletes: u64,
    /// 429/503 answers, each sent again.
    refused: u64,
    /// Writes whose answer never came because the server died mid-request.
    in_flight: u64,
    /// Of those, how many a restart showed had landed.
    landed: u64,
    /// Writes that found the server already gone (connection refused).
    not_sent: u64,
}

impl Stats {
    fn acked(&self) -> u64 {
        self.creates + self.patches + self.deletes
    }

    fn add(&mut self, o: &Stats) {
        self.creates += o.creates;
        self.patches += o.patches;
        self.deletes += o.deletes;
        self.refused += o.refused;
        self.in_flight += o.in_flight;
        self.landed += o.landed;
        self.not_sent += o.not_sent;
    }
}

/// What became of one request.
enum Outcome {
    Answered(u16, String),
    /// No answer: the server died before or while it ran.
    Lost {
        connected: bool,
    },
}

/// Sends one request; a 429 or 503 is sent again (after Retry-After, capped)
/// until another answer or no answer. A transport error while the server
/// is meant to be alive fails the test.
async fn send(
    c: &Scim,
    method: Method,
    path: &str,
    body: Option<&Value>,
    killed: &AtomicBool,
    stats: &mut Stats,
) -> Outcome {
    let url = format!("{}{path}", c.base);
    loop {
        let mut rb = c.http.request(method.clone(), &url).header(
            "Authorization",
            format!("Bearer {}", c.token.as_deref().unwrap()),
        );
        if let Some(b) = body {
            rb = rb
                .header("Content-Type", SCIM_JSON)
                .body(serde_json::to_vec(b).unwrap());
        }
        let res = match rb.send().await {
            Ok(r) => r,
            Err(e) => return lost(e, killed, &method, &url),
        };
        let status = res.status().as_u16();
        let retry_after = res
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let text = match res.text().await {
            Ok(t) => t,
            Err(e) => return lost(e, killed, &method, &url),
        };
        if status == 429 || status == 503 {
            stats.refused += 1;
            let ms = retry_after.map_or(20, |s| (s * 1000).min(200));
            tokio::time::sleep(Duration::from_millis(ms)).await;
            continue;
        }
        return Outcome::Answered(status, text);
    }
}

fn lost(e: reqwest::Error, killed: &AtomicBool, method: &Method, url: &str) -> Outcome {
    assert!(
        killed.load(Ordering::SeqCst),
        "{method} {url} failed while the server was alive: {e}"
    );
    Outcome::Lost {
        connected: !e.is_connect(),
    }
}

fn user_body(policy: Policy, user_name: &str, m: &str) -> Value {
    let mut b = json!({
        "schemas": [USER_URN],
        "userName": user_name,
        "externalId": m,
        "active": true,
        "name": {"givenName": m, "familyName": m},
        "emails": [{"primary": true, "type": "work", "value": user_name}],
    });
    if policy == Policy::Standard {
        b["displayName"] = json!(m);
        b["title"] = json!(m);
    }
    b
}

fn patch_body(policy: Policy, m: &str) -> Value {
    let ops: Vec<Value> = policy
        .attrs()
        .iter()
        .map(|a| json!({"op": "replace", "path": a, "value": m}))
        .collect();
    patch_op(Value::Array(ops))
}

fn attr<'a>(v: &'a Value, path: &str) -> Option<&'a str> {
    path.split('.').try_fold(v, |v, k| v.get(k))?.as_str()
}

/// The marker all of `policy`'s attributes of `v` agree on, or why not.
fn marker_of(v: &Value, policy: Policy) -> Result<String, String> {
    let vals: Vec<Option<&str>> = policy.attrs().iter().map(|a| attr(v, a)).collect();
    match vals[0] {
        Some(m) if vals.iter().all(|x| *x == Some(m)) => Ok(m.to_owned()),
        _ => Err(format!(
            "attributes disagree (a write half there?): {:?} = {vals:?}",
            policy.attrs()
        )),
    }
}

/// Drives writes until the server dies under it. Returns the worker with
/// its model updated and what it did.
async fn run(mut w: Worker, c: Scim, policy: Policy, killed: Arc<AtomicBool>) -> (Worker, Stats) {
    let mut st = Stats::default();
    while !killed.load(Ordering::SeqCst) {
        let live: Vec<usize> = (0..w.users.len())
            .filter(|&i| w.users[i].state == State::Live)
            .collect();
        let roll = w.rng.next() % 100;
        w.seq += 1;
        let seq = w.seq;
        let m = w.marker(seq);
        if live.len() < MIN_LIVE || roll < 30 {
            let user_name = format!("w{}-u{seq:07}@crash.example", w.n);
            let body = user_body(policy, &user_name, &m);
            w.users.push(User {
                user_name: user_name.clone(),
                id: None,
                state: State::CreateInFlight,
                acked: seq,
                patch_in_flight: None,
            });
            match send(&c, Method::POST, "/Users", Some(&body), &killed, &mut st).await {
                Outcome::Answered(201, text) => {
                    let v: Value = serde_json::from_str(&text).expect("201 body is JSON");
                    assert_eq!(v["userName"], json!(user_name), "{text}");
                    assert_eq!(marker_of(&v, policy).as_deref(), Ok(m.as_str()), "{text}");
                    let u = w.users.last_mut().unwrap();
                    u.id = Some(id_of(&v));
                    u.state = State::Live;
                    st.creates += 1;
                }
                Outcome::Answered(s, text) => panic!("POST {user_name}: {s}\n{text}"),
                Outcome::Lost { connected } => {
                    note_lost(&mut st, connected);
                    break;
                }
            }
        } else {
            let i = live[(w.rng.next() % live.len() as u64) as usize];
            let path = format!("/Users/{}", w.users[i].id.as_deref().unwrap());
            if roll < 36 {
                w.users[i].state = State::DeleteInFlight;
                match send(&c, Method::DELETE, &path, None, &killed, &mut st).await {
                    Outcome::Answered(204, _) => {
                        let u = w.users.swap_remove(i);
                        w.gone.push(u.user_name);
                        st.deletes += 1;
                    }
                    Outcome::Answered(s, text) => panic!("DELETE {path}: {s}\n{text}"),
                    Outcome::Lost { connected } => {
                        note_lost(&mut st, connected);
                        break;
                    }
                }
            } else {
                w.users[i].patch_in_flight = Some(seq);
                let body = patch_body(policy, &m);
                match send(&c, Method::PATCH, &path, Some(&body), &killed, &mut st).await {
                    Outcome::Answered(200, text) => {
                        let v: Value = serde_json::from_str(&text).expect("200 body is JSON");
                        assert_eq!(marker_of(&v, policy).as_deref(), Ok(m.as_str()), "{text}");
                        let u = &mut w.users[i];
                        u.acked = seq;
                        u.patch_in_flight = None;
                        st.patches += 1;
                    }
                    Outcome::Answered(s, text) => panic!("PATCH {path}: {s}\n{text}"),
                    Outcome::Lost { connected } => {
                        note_lost(&mut st, connected);
                        break;
                    }
                }
            }
        }
    }
    (w, st)
}

fn note_lost(st: &mut Stats, connected: bool) {
    if connected {
        st.in_flight += 1;
    } else {
        st.not_sent += 1;
    }
}

/// Every user of the tenant, by userName (pages of the advertised maximum).
async fn all_users(c: &Scim) -> HashMap<String, Value> {
    let mut out = HashMap::new();
    let mut start = 1;
    loop {
        let page = c
            .get(&format!("/Users?startIndex={start}&count=1000"))
            .await
            .ok(200);
        let total = u64_key(&page, "totalResults");
        let list = resources(&page);
        let n = list.len();
        for u in list {
            let name = str_key(&u, "userName").to_owned();
            assert!(out.insert(name.clone(), u).is_none(), "{name} listed twice");
        }
        start += n;
        if n == 0 || start as u64 > total {
            assert_eq!(out.len() as u64, total, "a listing's totalResults");
            return out;
        }
    }
}

/// Checks every worker's model against the restarted server and settles
/// each write that was in flight (landed or not). Returns the problems
/// found; counts landed in-flight writes into `st`.
fn verify(
    workers: &mut [Worker],
    tenant: usize,
    policy: Policy,
    mut listed: HashMap<String, Value>,
    st: &mut Stats,
) -> Vec<String> {
    let mut bad = Vec::new();
    for w in workers.iter_mut().filter(|w| w.tenant == tenant) {
        let mut keep = Vec::with_capacity(w.users.len());
        for mut u in std::mem::take(&mut w.users) {
            let got = listed.remove(&u.user_name);
            let ctx = format!("worker {} user {} ({:?})", w.n, u.user_name, u);
            let Some(v) = got else {
                match u.state {
                    State::Live => bad.push(format!("LOST: {ctx} is gone")),
                    State::CreateInFlight => {}
                    State::DeleteInFlight => st.landed += 1,
                }
                w.gone.push(u.user_name);
                continue;
            };
            if u.state == State::DeleteInFlight {
                u.state = State::Live; // The DELETE did not land.
            }
            if v["active"] != json!(true) {
                bad.push(format!("{ctx}: active is {}", v["active"]));
            }
            if let Some(id) = &u.id
                && v["id"] != json!(id)
            {
                bad.push(format!("{ctx}: id is {}", v["id"]));
            }
            let seq = match marker_of(&v, policy).map(|m| (w.parse_marker(&m), m)) {
                Ok((Some(s), _)) => s,
                Ok((None, m)) => {
                    bad.push(format!("{ctx}: {m:?} is no marker of this worker:\n{v:#}"));
                    u.patch_in_flight = None;
                    keep.push(u);
                    continue;
                }
                Err(e) => {
                    bad.push(format!("{ctx}: {e}\n{v:#}"));
                    u.patch_in_flight = None;
                    keep.push(u);
                    continue;
                }
            };
            match u.state {
                State::CreateInFlight if seq == u.acked => {
                    st.landed += 1;
                    u.id = Some(id_of(&v));
                    u.state = State::Live;
                }
                State::Live if seq == u.acked => {}
                State::Live if Some(seq) == u.patch_in_flight => {
                    st.landed += 1;
                    u.acked = seq;
                }
                _ => bad.push(format!(
                    "{}: {ctx} holds marker {seq}, expected {} (or the in-flight {:?})",
                    if seq < u.acked { "LOST" } else { "WRONG" },
                    u.acked,
                    u.patch_in_flight
                )),
            }
            u.patch_in_flight = None;
            keep.push(u);
        }
        w.users = keep;
        for g in &w.gone {
            if listed.remove(g).is_some() {
                bad.push(format!("worker {}: {g} must not exist but does", w.n));
            }
        }
    }
    for (name, v) in listed {
        bad.push(format!("a user nobody created (or deleted): {name}\n{v:#}"));
    }
    bad
}

/// `PRAGMA integrity_check` of one SQLite file: "ok" or the problems.
fn integrity(path: &Path) -> String {
    let c =
        rusqlite::Connection::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    let rows: Vec<String> = c
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows.join("\n")
}

/// Copies the store and its log database, with their WALs, as a crash left
/// them (not their `-shm`: recovery rebuilds it from the WAL), into `dir`,
/// and checks the copies: the store itself is never opened between a kill
/// and the restart, so the server does the recovery.
fn check_crash_image(store: &Path, dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    for base in [store.to_path_buf(), suffixed(store, "-log")] {
        let name = base.file_name().unwrap().to_owned();
        for (from, to) in [
            (base.clone(), dir.join(&name)),
            (suffixed(&base, "-wal"), suffixed(&dir.join(&name), "-wal")),
        ] {
            if from.exists() {
                std::fs::copy(&from, &to).unwrap();
            }
        }
        let copy = dir.join(&name);
        if copy.exists() {
            let r = integrity(&copy);
            assert_eq!(
                r,
                "ok",
                "integrity_check of the crash image of {}",
                base.display()
            );
        }
    }
}

fn suffixed(p: &Path, s: &str) -> PathBuf {
    let mut o = p.as_os_str().to_owned();
    o.push(s);
    PathBuf::from(o)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9_under_load() {
    let t0 = Instant::now();
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("crash: seed {seed} (CRASH_SEED={seed} replays the kill moments)");
    let mut rng = Rng::new(seed);

    let env = TestEnv::new();
    let tenants = [
        Tenant {
            id: "crash-product",
            token: scim_tenant(&env, "Crash Product", "crash-product", "product"),
            policy: Policy::Product,
        },
        Tenant {
            id: "crash-standard",
            token: scim_tenant(&env, "Crash Standard", "crash-standard", "standard"),
            policy: Policy::Standard,
        },
    ];
    // The workers delete users at random, far faster than any offboarding:
    // the deprovisioning guard would hold them (tests/it/guard.rs is its).
    for t in &tenants {
        env.ok(&["--tenant", t.id, "scim", "guard", "set", "--off"]);
    }
    let mut workers: Vec<Worker> = (0..*WORKERS.end() as usize)
        .map(|n| Worker {
            n,
            tenant: n % tenants.len(),
            seq: 0,
            rng: Rng::new(seed ^ (n as u64 + 1).wrapping_mul(0x9E37_79B9)),
            users: Vec::new(),
            gone: Vec::new(),
        })
        .collect();
    let mut total = Stats::default();
    let mut rounds = 0;
    let image = env.path("crash-image");

    while rounds < MIN_ROUNDS || (total.acked() < GOAL && rounds < MAX_ROUNDS) {
        rounds += 1;
        let srv = Server::start_with(&env, &[], &VARS);
        let mut round = Stats::default();
        if rounds > 1 {
            settle(&srv, &tenants, &mut workers, &mut round).await;
        }
        let k = rng.range(WORKERS) as usize;
        let run_ms = rng.range(RUN_MS);
        let killed = Arc::new(AtomicBool::new(false));
        let handles: Vec<_> = workers
            .drain(..k)
            .map(|w| {
                let t = &tenants[w.tenant];
                let c = srv.client(t.id, &t.token);
                tokio::spawn(run(w, c, t.policy, killed.clone()))
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(run_ms)).await;
        killed.store(true, Ordering::SeqCst);
        let err = srv.stderr();
        srv.kill9();
        assert!(!err.contains("panicked"), "serve panicked:\n{err}");
        let mut back = Vec::with_capacity(k);
        for h in handles {
            let (w, st) = h.await.expect("a worker failed");
            round.add(&st);
            back.push(w);
        }
        back.append(&mut workers);
        back.sort_by_key(|w| w.n);
        workers = back;
        check_crash_image(&env.store(), &image);
        eprintln!(
            "crash: round {rounds}: {k} workers, killed after {run_ms} ms: acknowledged {} creates, {} patches, {} deletes; {} in flight at the kill ({} not sent); {} refused (429/503)",
            round.creates,
            round.patches,
            round.deletes,
            round.in_flight,
            round.not_sent,
            round.refused
        );
        total.add(&round);
    }

    // The last crash's writes, settled on a clean restart; then a clean stop.
    let srv = Server::start_with(&env, &[], &VARS);
    let mut last = Stats::default();
    settle(&srv, &tenants, &mut workers, &mut last).await;
    total.add(&last);
    let err = srv.stop();
    assert!(!err.contains("panicked"), "{err}");
    for f in [env.store(), suffixed(&env.store(), "-log")] {
        assert_eq!(integrity(&f), "ok", "integrity_check of {}", f.display());
    }
    let live: usize = workers.iter().map(|w| w.users.len()).sum();
    eprintln!(
        "crash: {rounds} rounds in {:.1} s: {} acknowledged writes ({} creates, {} patches, {} deletes), 0 lost; {} in flight at a kill, {} of them landed whole, the rest not at all; {} found the server gone; {} refused (429/503) and sent again; {live} users at the end; integrity_check ok",
        t0.elapsed().as_secs_f64(),
        total.acked(),
        total.creates,
        total.patches,
        total.deletes,
        total.in_flight,
        total.landed,
        total.not_sent,
        total.refused,
    );
    assert!(
        total.acked() >= GOAL,
        "only {} acknowledged writes in {rounds} rounds (goal {GOAL}); {} answers were 429/503",
        total.acked(),
        total.refused
    );
    assert!(
        total.in_flight > 0,
        "no write was ever in flight at a kill: the test proved nothing about them"
    );
}

/// Lists each tenant on the restarted server and checks it against the
/// model; fails with every problem found.
async fn settle(srv: &Server, tenants: &[Tenant], workers: &mut [Worker], st: &mut Stats) {
    let mut bad = Vec::new();
    for (i, t) in tenants.iter().enumerate() {
        let listed = all_users(&srv.client(t.id, &t.token)).await;
        bad.extend(verify(workers, i, t.policy, listed, st));
    }
    assert!(
        bad.is_empty(),
        "{} problems after a restart; the first ones:\n{}",
        bad.len(),
        bad.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The checker itself: each kind of loss or tear it exists to find is
/// reported (a model and a listing made by hand, no server).
#[test]
fn verify_reports_lost_torn_and_unknown_users() {
    let user = |n: u64, state: State, acked: u64, in_flight: Option<u64>| User {
        user_name: format!("w0-u{n:07}@crash.example"),
        id: Some(format!("id{n}")),
        state,
        acked,
        patch_in_flight: in_flight,
    };
    let mut w = vec![Worker {
        n: 0,
        tenant: 0,
        seq: 9,
        rng: Rng::new(1),
        users: vec![
            user(1, State::Live, 1, None),           // fine
            user(2, State::Live, 5, Some(6)),        // the in-flight PATCH landed
            user(3, State::Live, 7, None),           // acknowledged, missing
            user(4, State::Live, 8, None),           // holds an older value
            user(5, State::Live, 4, None),           // torn: attributes disagree
            user(6, State::CreateInFlight, 6, None), // did not land: fine
        ],
        gone: vec!["w0-u0000009@crash.example".into()],
    }];
    let listed_user = |n: u64, m: &str, family: &str| {
        let mut v = user_body(Policy::Product, &format!("w0-u{n:07}@crash.example"), m);
        v["name"]["familyName"] = json!(family);
        v["id"] = json!(format!("id{n}"));
        (str_key(&v, "userName").to_owned(), v)
    };
    let listed: HashMap<String, Value> = [
        listed_user(1, "w0-v0000001", "w0-v0000001"),
        listed_user(2, "w0-v0000006", "w0-v0000006"),
        listed_user(4, "w0-v0000003", "w0-v0000003"),
        listed_user(5, "w0-v0000004", "w0-v0000002"),
        listed_user(9, "w0-v0000009", "w0-v0000009"),
        listed_user(10, "w0-v0000010", "w0-v0000010"),
    ]
    .into_iter()
    .collect();
    let mut st = Stats::default();
    let bad = verify(&mut w, 0, Policy::Product, listed, &mut st);
    let all = bad.join("\n");
    assert_eq!(bad.len(), 5, "{all}");
    for (who, what) in [
        ("u0000003", "LOST"),
        ("u0000004", "LOST"),
        ("u0000005", "attributes disagree"),
        ("u0000009", "must not exist"),
        ("u0000010", "nobody created"),
    ] {
        assert!(
            bad.iter().any(|b| b.contains(who) && b.contains(what)),
            "{who}: {what} not reported:\n{all}"
        );
    }
    assert_eq!(st.landed, 1, "the in-flight PATCH of u2 landed");
    let u2 = w[0].users.iter().find(|u| u.user_name.contains("u0000002"));
    assert_eq!(u2.map(|u| u.acked), Some(6));
    assert!(w[0].users.iter().all(|u| u.patch_in_flight.is_none()));
    assert!(
        w[0].gone.iter().any(|g| g.contains("u0000006")),
        "a create that did not land is remembered as gone"
    );
}
