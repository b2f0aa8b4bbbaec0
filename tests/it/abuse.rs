//! `serve` as an attacker meets it: a real server on 127.0.0.1, driven by
//! raw TCP clients (to send exactly the bytes an attacker would) and by
//! reqwest. Attackers connect from other loopback addresses (127.0.0.2 …),
//! so the per-address limits they meet leave the legitimate client on
//! 127.0.0.1 alone, as on the internet. Every bound is generous: these
//! tests show each protection working, the benchmark measures it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::server::*;
use crate::support::*;

fn attacker(n: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, 0, n))
}

/// A TCP connection to the server from the loopback address `from`.
async fn connect_from(addr: SocketAddr, from: IpAddr) -> TcpStream {
    let sock = TcpSocket::new_v4().unwrap();
    sock.bind(SocketAddr::new(from, 0)).unwrap();
    sock.connect(addr).await.unwrap()
}

/// Sends `head` (and `body`), then reads the answer until the server
/// closes or `Connection: close` ends it; returns the status and the text.
async fn exchange(addr: SocketAddr, from: IpAddr, head: &str, body: &[u8]) -> (u16, String) {
    let mut s = connect_from(addr, from).await;
    s.write_all(head.as_bytes()).await.unwrap();
    // The server may answer and close before the whole body is sent.
    let _ = s.write_all(body).await;
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(20), s.read_to_end(&mut out)).await;
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// The server process's resident memory, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    s.lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmRSS")
}

/// `/healthz`'s counters.
async fn health(srv: &Server) -> std::collections::HashMap<String, u64> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let text = reqwest::get(format!("{}/healthz", srv.origin()))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("ok"), "{text}");
    lines
        .filter_map(|l| l.split_once(' '))
        .map(|(k, v)| (k.to_owned(), v.parse().unwrap()))
        .collect()
}

/// A server with every limit at its default (the harness turns the rate
/// limits off for tests of other things).
fn start_with_defaults(env: &TestEnv) -> Server {
    let defaults: Vec<(&str, String)> = scimctl::config::SERVE_LIMITS
        .iter()
        .map(|l| (l.env, l.default.to_string()))
        .collect();
    let vars: Vec<(&str, &str)> = defaults.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Server::start_with(env, &[], &vars)
}

/// Limits that these tests do not exercise turned off, so that each test
/// meets only the limit it is about.
const NO_RATES: [(&str, &str); 3] = [
    ("SCIMCTL_RATE_LIMIT_PER_ADDRESS", "0"),
    ("SCIMCTL_RATE_LIMIT_PER_TENANT", "0"),
    ("SCIMCTL_AUTH_FAILURES_PER_MINUTE", "0"),
];

/// Streams up to `total` bytes of a chunked body to the admin API without
/// a key (1 MiB chunks, for at most 20 s), stopping at the first answer:
/// how much was sent, and the answer.
async fn unauthenticated_body(addr: SocketAddr, total: usize) -> (usize, String) {
    let mut s = connect_from(addr, attacker(2)).await;
    s.write_all(b"POST /admin/v1/tenants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        .await
        .unwrap();
    let chunk = vec![b'a'; 1 << 20];
    let mut sent = 0usize;
    let started = Instant::now();
    let mut answer = Vec::new();
    while sent < total && started.elapsed() < Duration::from_secs(20) {
        let head = format!("{:x}\r\n", chunk.len());
        if s.write_all(head.as_bytes()).await.is_err()
            || s.write_all(&chunk).await.is_err()
            || s.write_all(b"\r\n").await.is_err()
        {
            break;
        }
        sent += chunk.len();
        // The answer comes long before the body ends.
        let mut buf = [0u8; 4096];
        if let Ok(Ok(n)) = tokio::time::timeout(Duration::from_millis(1), s.read(&mut buf)).await
            && n > 0
        {
            answer.extend_from_slice(&buf[..n]);
            break;
        }
    }
    if answer.is_empty() {
        let _ = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut answer)).await;
    }
    (sent, String::from_utf8_lossy(&answer).into_owned())
}

/// A 400 MB body to the admin API without a key: refused (401) without the
/// server reading it, and without its memory growing; the same with a key
/// is 413 in the admin API's shape; a declared SCIM body over 1 MiB from
/// an anonymous client is 401, not read either.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_anonymous_body_is_refused_before_it_costs_memory() {
    let env = TestEnv::new();
    let key = {
        let out = env.ok(&["admin-key", "create", "ops"]);
        out.trim_end().to_owned()
    };
    let srv = Server::start_with(&env, &[], &NO_RATES);
    let pid = srv.pid().unwrap();
    // A first, small refusal of the same kind: what any first request
    // costs (thread heaps, buffers the allocator keeps for reuse) is not
    // what a large body costs.
    let (_, warm) = unauthenticated_body(srv.addr, 8 << 20).await;
    assert!(warm.starts_with("HTTP/1.1 401"), "{warm}");
    let before = rss_kib(pid);

    // The body streams from a client that would send 400 MB.
    let (sent, text) = unauthenticated_body(srv.addr, 400 << 20).await;
    assert!(text.starts_with("HTTP/1.1 401"), "{text}");
    assert!(
        sent < 100 << 20,
        "the server read {sent} bytes before answering"
    );
    let grown = rss_kib(pid).saturating_sub(before);
    assert!(grown < 8 * 1024, "RSS grew by {grown} KiB");

    // With the key, the same body is 413 as an admin API error.
    let big = vec![b' '; 200 << 10];
    let head = format!(
        "POST /admin/v1/tenants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        big.len()
    );
    let (status, text) = exchange(srv.addr, attacker(3), &head, &big).await;
    assert_eq!(status, 413, "{text}");
    let body = &text[text.find("\r\n\r\n").unwrap() + 4..];
    let v: Value = serde_json::from_str(body).unwrap();
    assert_eq!(v["reason"], "payload_too_large", "{v}");
    assert!(str_key(&v, "error").contains("65536 bytes"), "{v}");

    // SCIM: an anonymous client's declared 50 MB body is not read: 401.
    let before = rss_kib(pid);
    let head = "POST /scim/v2/acme/Users HTTP/1.1\r\nHost: x\r\nContent-Type: application/scim+json\r\nContent-Length: 50000000\r\nConnection: close\r\n\r\n";
    let (status, text) = exchange(srv.addr, attacker(4), head, b"{").await;
    assert_eq!(status, 401, "{text}");
    let grown = rss_kib(pid).saturating_sub(before);
    assert!(grown < 8 * 1024, "RSS grew by {grown} KiB");
    srv.stop();
}

/// Slow clients (a partial request head) and idle keep-alive connections
/// are closed after the header timeout, while `/healthz` keeps answering
/// with hundreds of them open; one address cannot open more than its cap.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_connections_are_closed_and_the_server_keeps_answering() {
    let env = TestEnv::new();
    let mut vars = NO_RATES.to_vec();
    vars.extend([
        ("SCIMCTL_HEADER_TIMEOUT_SECS", "2"),
        ("SCIMCTL_MAX_CONNECTIONS_PER_ADDRESS", "100"),
    ]);
    let srv = Server::start_with(&env, &[], &vars);

    // 300 slow clients from three addresses, 100 each: a request line and
    // part of a header, never the end of the head.
    let mut slow = Vec::new();
    for i in 0..300u32 {
        let mut s = connect_from(srv.addr, attacker(2 + (i % 3) as u8)).await;
        s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            .await
            .unwrap();
        slow.push(s);
    }
    // One more from a full address is closed at once.
    let mut extra = connect_from(srv.addr, attacker(2)).await;
    let mut buf = [0u8; 64];
    let n = tokio::time::timeout(Duration::from_secs(5), extra.read(&mut buf))
        .await
        .expect("the connection over the cap is closed at once");
    assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");

    // The legitimate client is answered meanwhile.
    let h = health(&srv).await;
    assert!(h["connections_open"] >= 300, "{h:?}");
    assert!(h["connections_refused_per_address"] >= 1, "{h:?}");

    // An idle keep-alive connection: one request answered, then silence.
    let mut idle = connect_from(srv.addr, attacker(5)).await;
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let n = idle.read(&mut [0u8; 1024]).await.unwrap();
    assert!(n > 0);

    // After the timeout (2 s; allow 15) every one of them is closed.
    let deadline = Instant::now() + Duration::from_secs(15);
    for s in slow.iter_mut().chain(std::iter::once(&mut idle)) {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut rest = Vec::new();
        let r = tokio::time::timeout(left, s.read_to_end(&mut rest)).await;
        assert!(
            r.is_ok(),
            "a slow or idle connection was still open after 15 s"
        );
    }
    let h = health(&srv).await;
    assert!(h["connections_open"] <= 2, "{h:?}");
    srv.stop();
}

/// Hundreds of large anonymous requests to invented tenant ids write no
/// record each: the log gains (almost) nothing, the count shows on
/// `/healthz`. A wrong token on a real tenant is logged, without the body
/// and without naming a user.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invented_tenants_and_anonymous_bodies_do_not_fill_the_log() {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme", "acme", "product");
    let srv = Server::start_with(&env, &[], &NO_RATES);
    // A first record, so the log file exists with its schema.
    srv.client("acme", &token)
        .get("/Users?count=1")
        .await
        .ok(200);
    let log_file = {
        let mut p = env.store().into_os_string();
        p.push("-log");
        std::path::PathBuf::from(p)
    };
    let size = |p: &std::path::Path| {
        with_companions(p)
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum::<u64>()
    };
    let anon = Scim::new(srv.origin(), "scim_guess");
    let body = json!({"schemas": [USER_URN], "userName": "victim@acme.example",
                      "pad": "x".repeat(100_000)});
    for i in 0..300 {
        let tenant = format!("invented-{i}-{}", "y".repeat(200));
        let r = anon
            .at(srv.tenant_url(&tenant))
            .post(&format!("/Users?access_token=sekrit{i}"), &body)
            .await;
        r.error(401, None, "invalid_token");
    }
    // A wrong token on the real tenant, with a userName in the body.
    let wrong = srv
        .client("acme", "scim_wrong")
        .post("/Users", &entra_user("victim@acme.example", "V", "W", None))
        .await;
    wrong.error(401, None, "invalid_token");
    let h = health(&srv).await;
    assert!(h["log_unknown_tenant"] >= 300, "{h:?}");
    let before = size(&log_file);
    srv.stop();
    let grown = size(&log_file).saturating_sub(before);
    assert!(grown < 256 * 1024, "the log grew by {grown} bytes");

    let records = log_json(&env, &["--limit", "1000"]);
    let text = serde_json::to_string(&records).unwrap();
    assert!(!text.contains("invented-"), "{text}");
    assert!(!text.contains("sekrit"), "{text}");
    let refused: Vec<&Value> = records
        .iter()
        .filter(|r| r["request_id"] == wrong.request_id())
        .collect();
    assert_eq!(refused.len(), 1, "{text}");
    assert!(refused[0]["user_email"].is_null(), "{}", refused[0]);
    assert!(refused[0]["request_body"].is_null(), "{}", refused[0]);
}

/// An anonymous flood of large POSTs from one address, with every other
/// protection at its default: the flood meets 429 (with Retry-After), and
/// another tenant's IdP on another address creates every user it sends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_anonymous_flood_does_not_stop_another_tenants_creates() {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Beta", "beta", "product");
    let srv = start_with_defaults(&env);
    let addr = srv.addr;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut flood = Vec::new();
    for w in 0..8u8 {
        let stop = stop.clone();
        flood.push(tokio::spawn(async move {
            let pad = "x".repeat(200_000);
            let body = format!(r#"{{"userName":"a@b.c","pad":"{pad}"}}"#);
            let mut statuses = std::collections::BTreeMap::<u16, u32>::new();
            let started = Instant::now();
            while !stop.load(std::sync::atomic::Ordering::Relaxed)
                && started.elapsed() < Duration::from_secs(60)
            {
                let head = format!(
                    "POST /scim/v2/beta/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer scim_guess{w}\r\nContent-Type: application/scim+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let (status, _) = exchange(addr, attacker(9), &head, body.as_bytes()).await;
                *statuses.entry(status).or_default() += 1;
            }
            statuses
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idp = srv.client("beta", &token);
    for i in 0..40 {
        let r = idp
            .post(
                "/Users",
                &entra_user(&format!("u{i}@beta.example"), "U", "Ser", None),
            )
            .await;
        r.ok(201);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut total = std::collections::BTreeMap::<u16, u32>::new();
    for f in flood {
        for (k, v) in f.await.unwrap() {
            *total.entry(k).or_default() += v;
        }
    }
    // The flood met the failed-authentication budget: 429s, no writes.
    assert!(total.get(&429).copied().unwrap_or(0) > 0, "{total:?}");
    assert!(!total.contains_key(&201), "{total:?}");
    let users = env.json(&["--tenant", "beta", "users", "list"]);
    assert_eq!(u64_key(&users, "total"), 40, "{users}");
    srv.stop();
}

/// Above a tenant's rate, 429 with Retry-After and a SCIM error naming the
/// reason and the request id, logged for support staff; at Entra's pace
/// (25 requests a second, the least a gallery app must sustain) under the
/// default limits, never.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_answer_429_with_retry_after_and_never_at_entras_pace() {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme", "acme", "product");
    let srv = Server::start_with(&env, &[], &[("SCIMCTL_RATE_LIMIT_PER_TENANT", "5")]);
    let c = srv.client("acme", &token);
    let mut limited = None;
    for _ in 0..40 {
        let r = c.get("/Users?count=1").await;
        if r.status == 429 {
            limited = Some(r);
            break;
        }
        r.ok(200);
    }
    let r = limited.expect("40 requests at once exceed 5 per second (burst 10)");
    let detail = r.error(429, None, "rate_limited");
    assert!(detail.contains(r.request_id()), "{detail}");
    let after: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=2).contains(&after), "Retry-After {after}");
    // The refusal is in the log under its request id, with its reason.
    wait_for_request(&env, r.request_id());
    let rec = log_json(&env, &["--request", r.request_id()]);
    assert_eq!(rec[0]["reason"], "rate_limited", "{rec:?}");
    // Support staff see it explained, for the request and for the tenant.
    let codes = |d: &Value| -> Vec<String> {
        array_key(d, "findings")
            .iter()
            .map(|f| str_key(f, "code").to_owned())
            .collect()
    };
    let d = env.json(&["diagnose", "request", r.request_id()]);
    assert!(codes(&d).contains(&"rate_limited".to_owned()), "{d:#}");
    let d = env.json(&["--tenant", "acme", "diagnose", "tenant"]);
    assert!(codes(&d).contains(&"rate_limited".to_owned()), "{d:#}");
    srv.stop();

    // Defaults (the harness turns rate limits off unless told): Entra's
    // pace for 3 s, never limited.
    let srv = start_with_defaults(&env);
    let c = srv.client("acme", &token);
    let start = Instant::now();
    for i in 0..75u32 {
        let due = start + Duration::from_millis(40 * u64::from(i));
        tokio::time::sleep_until(due.into()).await;
        c.get("/Users?count=1").await.ok(200);
    }
    srv.stop();
}

/// Polls `scimctl log --request ID` until the record is written.
fn wait_for_request(env: &TestEnv, id: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if !log_json(env, &["--request", id]).is_empty() {
            return;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("request {id} never reached the log");
}

/// The admin API: a revoked key's follow stream ends; out-of-range
/// parameters are 400s naming the parameter; a key has a bounded number
/// of streams.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_follow_ends_on_revoke_and_bad_parameters_are_400() {
    let env = TestEnv::new();
    scim_tenant(&env, "Acme", "acme", "product");
    let key = env
        .ok(&["admin-key", "create", "ops"])
        .trim_end()
        .to_owned();
    let srv = Server::start_with(&env, &[], &NO_RATES);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let get = |path: &str| {
        http.get(format!("{}/admin/v1{path}", srv.origin()))
            .bearer_auth(&key)
            .send()
    };
    for (path, param) in [
        ("/log?since=300000y", "since"),
        ("/log?since=999999999999999999999d", "since"),
        ("/log?since=-5m", "since"),
        ("/log?limit=-1", "limit"),
    ] {
        let r = get(path).await.unwrap();
        let status = r.status().as_u16();
        let v: Value = r.json().await.unwrap();
        assert_eq!(status, 400, "{path}: {v}");
        assert!(
            str_key(&v, "error").contains(param),
            "{path}: the error names {param}: {v}"
        );
    }

    let mut streams = Vec::new();
    for _ in 0..4 {
        let r = get("/log?follow=true").await.unwrap();
        assert_eq!(r.status(), 200);
        streams.push(r);
    }
    let fifth = get("/log?follow=true").await.unwrap();
    assert_eq!(fifth.status(), 429, "a fifth stream of one key");
    drop(streams.split_off(1));

    env.ok(&["admin-key", "revoke", "ops"]);
    let revoked = Instant::now();
    let mut res = streams.pop().unwrap();
    let ended = tokio::time::timeout(Duration::from_secs(10), async {
        while let Ok(Some(_)) = res.chunk().await {}
    })
    .await;
    assert!(
        ended.is_ok(),
        "the stream of a revoked key still ran after 10 s"
    );
    assert!(revoked.elapsed() < Duration::from_secs(10));
    srv.stop();
}

/// A tenant's URL with an unknown id and a known tenant with a wrong token
/// run the same store statements (counted from the statement trace), so
/// the time taken tells nothing about which tenants exist.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_tenant_and_a_wrong_token_run_the_same_queries() {
    let env = TestEnv::new();
    scim_tenant(&env, "Acme", "acme", "product");
    let mut vars = NO_RATES.to_vec();
    vars.push(("SCIMCTL_LOG", "scimctl::sql=trace"));
    let srv = Server::start_with(&env, &[], &vars);
    let reader_lines = |srv: &Server| -> Vec<String> {
        srv.stderr()
            .lines()
            .filter(|l| l.contains(" TRACE ") && l.contains("conn=\"reader\""))
            .map(|l| l[l.find(" TRACE ").unwrap() + 7..].to_owned())
            // A connection's own setup, whichever request opens it.
            .filter(|l| !l.starts_with("PRAGMA") && !l.starts_with("ATTACH") && !l.starts_with(' '))
            .collect()
    };
    let settle = |srv: &Server| {
        let mut n = reader_lines(srv).len();
        loop {
            std::thread::sleep(Duration::from_millis(300));
            let m = reader_lines(srv).len();
            if m == n {
                return m;
            }
            n = m;
        }
    };
    let mut seen = Vec::new();
    for (tenant, token) in [
        ("no-such-tenant", "scim_wrong"),
        ("acme", "scim_wrong"),
        ("no-such-tenant", "scim_other"),
        ("acme", "scim_other"),
    ] {
        let before = settle(&srv);
        srv.client(tenant, token)
            .get("/Users")
            .await
            .error(401, None, "invalid_token");
        let after = settle(&srv);
        let lines = reader_lines(&srv)[before..after].to_vec();
        assert!(lines.len() >= 3, "{lines:?}");
        seen.push(lines);
    }
    assert_eq!(seen[0], seen[1], "unknown tenant vs wrong token");
    assert_eq!(seen[2], seen[3]);
    srv.stop();
}

/// `scimctl log ARGS --output json`: one record a line.
fn log_json(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["log"];
    all.extend_from_slice(args);
    all.extend(["--output", "json"]);
    env.ok(&all)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(parse_json)
        .collect()
}

/// A panic inside a store transaction: the transaction is rolled back, the
/// caller gets an error, and the connection goes back usable — for the
/// writer and for more panicking readers than the pool has connections.
#[test]
fn a_panic_inside_a_transaction_rolls_back_and_the_store_goes_on() {
    use scimctl::engine::model::{Policy, Tenant};
    use scimctl::engine::store::Store;
    use scimctl::engine::store::sqlite::SqliteStore;
    let env = TestEnv::new();
    let store = SqliteStore::open(&env.store()).unwrap();
    let tenant = |id: &str| Tenant {
        id: id.into(),
        name: id.into(),
        policy: Policy::Product,
        scim_enabled: false,
        created_at: scimctl::engine::now(),
    };
    let r = store.write(&mut |tx| {
        tx.insert_tenant(&tenant("half"))?;
        panic!("a bug inside the closure");
    });
    assert!(r.is_err());
    for _ in 0..8 {
        assert!(store.read(&mut |_| panic!("a bug in a read")).is_err());
    }
    let mut found = None;
    store
        .read(&mut |tx| {
            found = Some(tx.tenant_by_id("half")?);
            Ok(())
        })
        .unwrap();
    assert_eq!(found, Some(None), "the panicking write was rolled back");
    store
        .write(&mut |tx| tx.insert_tenant(&tenant("whole")))
        .unwrap();
    let mut found = None;
    store
        .read(&mut |tx| {
            found = tx.tenant_by_id("whole")?.map(|t| t.id);
            Ok(())
        })
        .unwrap();
    assert_eq!(found.as_deref(), Some("whole"));
}

/// A request head over 64 KiB is refused (431) before it is buffered
/// further, and the connection closed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_request_head_is_refused() {
    let env = TestEnv::new();
    let srv = Server::start_with(&env, &[], &NO_RATES);
    let head = format!(
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(100 * 1024)
    );
    let (status, text) = exchange(srv.addr, attacker(2), &head, b"").await;
    assert!(
        status == 431 || status == 0,
        "a 100 KiB header: {}",
        &text[..text.len().min(200)]
    );
    // The server goes on.
    assert!(health(&srv).await.contains_key("connections_open"));
    srv.stop();
}

/// `serve` writes no core dump (its memory holds tokens in clear).
#[test]
fn serve_turns_core_dumps_off() {
    let env = TestEnv::new();
    let srv = Server::start(&env);
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", srv.pid().unwrap())).unwrap();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&fields[4..6], ["0", "0"], "{core}");
    srv.stop();
}
