//! `scimctl test-connection` against a real `scimctl serve` on 127.0.0.1, and
//! against small in-test endpoints (a 404-to-filters handler, a TLS endpoint
//! with an rcgen self-signed certificate, a non-compliant handler). Every run
//! is bounded by `--timeout` and a process timeout; loopback only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::process::Output;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

/// The longest a `test-connection` process may run.
const RUN_TIMEOUT: Duration = Duration::from_secs(90);

/// Runs `scimctl ARGS test-connection --timeout 5 …` with the token on stdin.
fn probe(env: &TestEnv, token: &str, args: &[&str]) -> (Vec<String>, Output) {
    let mut all: Vec<String> = vec![
        "test-connection".into(),
        "--token-stdin".into(),
        "--timeout".into(),
        "5".into(),
    ];
    all.extend(args.iter().map(|s| s.to_string()));
    let out = env
        .cmd(&all)
        .write_stdin(format!("{token}\n"))
        .timeout(RUN_TIMEOUT)
        .output()
        .expect("run test-connection");
    assert_no_panic(&out);
    assert!(
        !contains(&out.stdout, token.as_bytes()) && !contains(&out.stderr, token.as_bytes()),
        "the token appears in the output"
    );
    (all, out)
}

/// The JSON report of a run that must exit with `code`; for a failure also
/// checks the one `error:` line and returns it.
fn report(env: &TestEnv, token: &str, args: &[&str], code: i32) -> (Value, String) {
    let mut a = args.to_vec();
    a.extend(["--output", "json"]);
    let (all, out) = probe(env, token, &a);
    let argv: Vec<&str> = all.iter().map(String::as_str).collect();
    let line = if code == 0 {
        expect_success(&argv, &out);
        String::new()
    } else {
        expect_failure(&argv, &out, code)
    };
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert_has_keys(&v, &["url", "probe", "full", "passed", "steps"]);
    assert_eq!(bool_key(&v, "passed"), code == 0, "{v:#}");
    for s in array_key(&v, "steps") {
        assert_has_keys(s, &["id", "name", "status", "ms", "detail", "hint"]);
        let st = str_key(s, "status");
        assert!(["pass", "fail", "skip"].contains(&st), "{s:#}");
        assert!(key(s, "ms").as_f64().is_some_and(|m| m >= 0.0), "{s:#}");
        assert_eq!(
            st == "fail",
            !key(s, "hint").is_null(),
            "a hint exactly on failures: {s:#}"
        );
    }
    (v, line)
}

fn step<'a>(v: &'a Value, id: &str) -> &'a Value {
    array_key(v, "steps")
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no step {id} in\n{v:#}"))
}

fn statuses(v: &Value) -> Vec<(String, String)> {
    array_key(v, "steps")
        .iter()
        .map(|s| (str_key(s, "id").to_owned(), str_key(s, "status").to_owned()))
        .collect()
}

/// Asserts that `id` failed, every step before it passed and every one
/// after it was skipped; returns the failed step.
fn failed_at<'a>(v: &'a Value, id: &str) -> &'a Value {
    let st = statuses(v);
    let i = st
        .iter()
        .position(|(s, _)| s == id)
        .unwrap_or_else(|| panic!("no step {id}: {st:?}"));
    assert!(st[..i].iter().all(|(_, s)| s == "pass"), "{st:?}");
    assert_eq!(st[i].1, "fail", "{st:?}");
    assert!(st[i + 1..].iter().all(|(_, s)| s == "skip"), "{st:?}");
    step(v, id)
}

fn hint(s: &Value) -> &str {
    str_key(s, "hint")
}

/// A tenant with SCIM on, a token and a running server: (env, server, token, tenant URL).
fn served() -> (TestEnv, Server, String, String) {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme", "acme", "product");
    let server = Server::start(&env);
    let url = server.tenant_url("acme");
    (env, server, token, url)
}

/// Waits (up to 10 s) for a provisioning-log record the server writes in
/// the background.
fn logged(env: &TestEnv, pred: impl Fn(&Value) -> bool) -> Value {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let log = log_lines(env, &[]);
        if let Some(r) = log.into_iter().find(&pred) {
            return r;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the record never appeared in the provisioning log"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

const PROBE_IDS: [&str; 6] = ["url", "dns", "tcp", "http", "auth", "response"];

#[test]
fn passes_against_our_server_with_entras_exact_probe() {
    let (env, server, token, url) = served();
    // Without --url: the tenant URL from the configured public_url.
    env.write_config(&format!("public_url = \"{}\"\n", server.origin()));
    let (v, _) = report(&env, &token, &[], 0);
    assert_eq!(str_key(&v, "url"), url);
    assert!(!bool_key(&v, "full"));
    let ids: Vec<String> = statuses(&v).into_iter().map(|(i, _)| i).collect();
    assert_eq!(ids, PROBE_IDS, "http: no TLS step");
    assert!(statuses(&v).iter().all(|(_, s)| s == "pass"), "{v:#}");
    let probe_url = str_key(&v, "probe");
    let prefix = format!("{url}/Users?filter=userName+eq+%22");
    let guid = probe_url
        .strip_prefix(&prefix)
        .and_then(|r| r.strip_suffix("%22"))
        .unwrap_or_else(|| panic!("not Entra's probe: {probe_url}"));
    assert!(uuid::Uuid::parse_str(guid).is_ok(), "{guid}");
    assert!(
        str_key(step(&v, "response"), "detail").contains("totalResults 0"),
        "{v:#}"
    );

    // The server saw exactly that request, form-encoded, from scimctl.
    let rec = logged(&env, |r| {
        r["query"].as_str().is_some_and(|q| q.contains(guid))
    });
    assert_eq!(rec["method"], "GET");
    assert_eq!(rec["path"], "/scim/v2/acme/Users");
    assert_eq!(
        rec["query"],
        json!(format!("filter=userName+eq+%22{guid}%22"))
    );
    assert_eq!(rec["status"], 200);
    assert!(
        str_key(&rec, "user_agent").starts_with("scimctl/"),
        "{rec:#}"
    );

    // Table output; with -vvv the token still appears nowhere (checked by probe()).
    let (argv, out) = probe(&env, &token, &["-vvv", "--url", &url]);
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    expect_success(&argv, &out);
    let stdout = String::from_utf8(out.stdout).unwrap();
    for name in [
        "URL parse",
        "DNS lookup",
        "TCP connect",
        "HTTP request",
        "Auth accepted",
        "SCIM response",
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(name) && l.contains("pass")),
            "{name} not passed in:\n{stdout}"
        );
    }
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("All 6 steps passed"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    server.stop();
}

#[test]
fn a_wrong_token_fails_at_auth() {
    let (env, server, _token, url) = served();
    let wrong = format!("scim_{}", "A".repeat(43));
    let (v, line) = report(&env, &wrong, &["--url", &url], 10);
    let s = failed_at(&v, "auth");
    assert!(str_key(s, "detail").starts_with("401"), "{s:#}");
    assert!(
        str_key(s, "detail").contains("reason invalid_token"),
        "{s:#}"
    );
    assert!(hint(s).contains("regenerated since it was pasted"), "{s:#}");
    assert!(
        line.starts_with("error: test-connection failed at 'Auth accepted': 401"),
        "{line}"
    );
    assert!(line.contains("regenerated"), "{line}");
    server.stop();
}

#[test]
fn a_regenerated_token_fails_at_auth_with_the_hint() {
    let (env, server, old, url) = served();
    let (v, _) = report(&env, &old, &["--url", &url], 0);
    assert!(bool_key(&v, "passed"));
    let new = env
        .ok(&["--quiet", "token", "regenerate"])
        .trim()
        .to_owned();
    assert_ne!(new, old);
    let (v, _) = report(&env, &old, &["--url", &url], 10);
    let s = failed_at(&v, "auth");
    assert!(hint(s).contains("'scimctl token regenerate'"), "{s:#}");
    assert!(hint(s).contains("regenerated since it was pasted"), "{s:#}");
    // The new one passes.
    report(&env, &new, &["--url", &url], 0);
    server.stop();
}

#[test]
fn scim_disabled_fails_at_auth_and_says_enable() {
    let (env, server, token, url) = served();
    env.ok(&["scim", "disable"]);
    let (v, line) = report(&env, &token, &["--url", &url], 10);
    let s = failed_at(&v, "auth");
    assert!(str_key(s, "detail").starts_with("403"), "{s:#}");
    assert!(
        str_key(s, "detail").contains("reason scim_disabled"),
        "{s:#}"
    );
    assert!(hint(s).contains("'scimctl scim enable'"), "{s:#}");
    assert!(
        line.ends_with("turn it on with 'scimctl scim enable'"),
        "{line}"
    );
    server.stop();
}

#[test]
fn a_wrong_tenant_id_gets_401_and_the_honest_hint() {
    let (env, server, token, _url) = served();
    // Our server answers 401 for an unknown tenant (ids cannot be probed),
    // so the hint names both causes.
    let (v, _) = report(
        &env,
        &token,
        &["--url", &server.tenant_url("acme-typo")],
        10,
    );
    let s = failed_at(&v, "auth");
    assert!(str_key(s, "detail").starts_with("401"), "{s:#}");
    assert!(hint(s).contains("unknown tenant id"), "{s:#}");
    assert!(hint(s).contains("'scimctl url'"), "{s:#}");
    // A path that is no tenant URL at all: 404 from our server.
    let bad = format!("{}/scim/v3/acme", server.origin());
    let (v, _) = report(&env, &token, &["--url", &bad], 10);
    let s = failed_at(&v, "response");
    assert!(str_key(s, "detail").starts_with("404"), "{s:#}");
    assert_eq!(hint(s), "wrong tenant URL: copy it from 'scimctl url'");
    server.stop();
}

#[test]
fn nothing_listening_fails_at_tcp_connect() {
    let env = TestEnv::new();
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/scim/v2/acme");
    let (v, line) = report(&env, "scim_x", &["--url", &url, "--full"], 10);
    let s = failed_at(&v, "tcp");
    assert!(str_key(s, "detail").contains("refused"), "{s:#}");
    assert!(hint(s).contains("firewall"), "{s:#}");
    assert!(hint(s).contains("host"), "{s:#}");
    // --full's checks are all skipped, not failed.
    let full: Vec<_> = statuses(&v)
        .into_iter()
        .filter(|(i, _)| i.starts_with("full."))
        .collect();
    assert_eq!(full.len(), 15, "{full:?}");
    assert!(full.iter().all(|(_, s)| s == "skip"));
    assert!(line.contains("'TCP connect'"), "{line}");
}

#[test]
fn a_handler_answering_404_to_filters_is_not_scim_compliant() {
    let env = TestEnv::new();
    let addr = canned(None, |_| {
        (
            404,
            "application/json",
            r#"{"error":"no such user"}"#.into(),
        )
    });
    let url = format!("http://{addr}/scim/v2");
    let (v, line) = report(&env, "scim_x", &["--url", &url], 10);
    let s = failed_at(&v, "response");
    assert!(str_key(s, "detail").starts_with("404"), "{s:#}");
    assert!(
        hint(s).contains("not SCIM compliant as Entra requires"),
        "{s:#}"
    );
    assert!(hint(s).contains("'scimctl url'"), "{s:#}");
    assert!(line.contains("'SCIM response'"), "{line}");
}

#[test]
fn a_handler_answering_a_plain_array_fails_the_shape_check() {
    let env = TestEnv::new();
    let addr = canned(None, |_| (200, "application/json", "[]".into()));
    let url = format!("http://{addr}/scim/v2");
    let (v, _) = report(&env, "scim_x", &["--url", &url], 10);
    let s = failed_at(&v, "response");
    let d = str_key(s, "detail");
    assert!(d.contains("Content-Type is application/json"), "{d}");
    assert!(d.contains("not a ListResponse"), "{d}");
}

#[test]
fn a_redirect_is_reported_with_its_location() {
    let env = TestEnv::new();
    // The content-type slot carries the extra header line.
    let addr = canned(None, |_| {
        (
            301,
            "text/plain\r\nLocation: https://scim.example.com/scim/v2/acme/Users",
            String::new(),
        )
    });
    let url = format!("http://{addr}/scim/v2/acme");
    let (v, _) = report(&env, "scim_x", &["--url", &url], 10);
    let s = failed_at(&v, "http");
    assert!(
        str_key(s, "detail").contains("redirected to https://scim.example.com/scim/v2/acme/Users"),
        "{s:#}"
    );
    assert!(hint(s).contains("redirects to"), "{s:#}");
}

#[test]
fn a_self_signed_certificate_fails_at_tls_then_passes_with_ca_file() {
    let env = TestEnv::new();
    let ck =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .unwrap();
    let pem = env.path("server.pem");
    std::fs::write(&pem, ck.cert.pem()).unwrap();
    let addr = canned(Some(tls_config(&ck)), |_| {
        (200, "application/scim+json", empty_list())
    });
    let url = format!("https://127.0.0.1:{}/scim/v2/acme", addr.port());

    let (v, line) = report(&env, "scim_x", &["--url", &url], 10);
    let s = failed_at(&v, "tls");
    let d = str_key(s, "detail");
    assert!(
        d.contains("not issued by a trusted CA (it is self-signed)"),
        "{d}"
    );
    assert!(d.contains("subject CN=rcgen self signed cert"), "{d}");
    assert!(d.contains("matches 127.0.0.1"), "{d}");
    assert!(hint(s).contains("--ca-file"), "{s:#}");
    assert!(line.contains("'TLS handshake'"), "{line}");

    let ca = pem.to_str().unwrap();
    let (v, _) = report(&env, "scim_x", &["--url", &url, "--ca-file", ca], 0);
    let ids: Vec<String> = statuses(&v).into_iter().map(|(i, _)| i).collect();
    assert_eq!(
        ids,
        ["url", "dns", "tcp", "tls", "http", "auth", "response"]
    );
    let d = str_key(step(&v, "tls"), "detail");
    assert!(
        d.contains("certificate verified") && d.contains("1 from --ca-file"),
        "{d}"
    );
    assert!(d.contains("issuer CN=rcgen self signed cert"), "{d}");
    assert!(d.contains("expires "), "{d}");

    // By name: DNS is a real step now.
    let by_name = format!("https://localhost:{}/scim/v2/acme", addr.port());
    let (v, _) = report(&env, "scim_x", &["--url", &by_name, "--ca-file", ca], 0);
    assert!(
        str_key(step(&v, "dns"), "detail").starts_with("localhost →"),
        "{v:#}"
    );
}

#[test]
fn a_certificate_for_another_name_fails_at_tls_with_the_names() {
    let env = TestEnv::new();
    let ck = rcgen::generate_simple_self_signed(vec!["scim.example.com".to_owned()]).unwrap();
    let pem = env.path("server.pem");
    std::fs::write(&pem, ck.cert.pem()).unwrap();
    let addr = canned(Some(tls_config(&ck)), |_| {
        (200, "application/scim+json", empty_list())
    });
    let url = format!("https://127.0.0.1:{}/scim/v2/acme", addr.port());
    let (v, _) = report(
        &env,
        "scim_x",
        &["--url", &url, "--ca-file", pem.to_str().unwrap()],
        10,
    );
    let s = failed_at(&v, "tls");
    let d = str_key(s, "detail");
    assert!(d.contains("not valid for 127.0.0.1"), "{d}");
    assert!(
        d.contains("names scim.example.com (does not match 127.0.0.1)"),
        "{d}"
    );
    assert!(hint(s).contains("host name"), "{s:#}");
}

#[test]
fn full_passes_against_our_server_and_leaves_nothing_behind() {
    let (env, server, token, url) = served();
    let (v, _) = report(&env, &token, &["--url", &url, "--full"], 0);
    assert!(bool_key(&v, "full"));
    let st = statuses(&v);
    assert_eq!(st.len(), 6 + 15, "{st:?}");
    assert!(st.iter().all(|(_, s)| s == "pass"), "{v:#}");
    assert_eq!(
        str_key(step(&v, "full.cleanup"), "detail"),
        "nothing left behind"
    );

    // No throwaway user or group left in the tenant.
    let c = server.client("acme", &token);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for path in ["/Users", "/Groups"] {
        let body = rt.block_on(c.get(path)).ok(200);
        assert_eq!(u64_key(&body, "totalResults"), 0, "{path}: {body:#}");
    }
    assert_eq!(member_counts(&env, "acme"), (0, 0, 0));

    // The log shows the suite's writes, all answered as Entra expects.
    logged(&env, |r| {
        r["method"] == "DELETE" && r["path"].as_str().is_some_and(|p| p.contains("/Users/"))
    });
    let log = log_lines(&env, &[]);
    let seen = |m: &str, p: &str, status: u64| {
        log.iter().any(|r| {
            r["method"] == m
                && r["path"].as_str().is_some_and(|x| x.starts_with(p))
                && r["status"] == status
        })
    };
    assert!(seen("POST", "/scim/v2/acme/Users", 201), "{log:#?}");
    assert!(seen("POST", "/scim/v2/acme/Groups", 201));
    assert!(seen("PATCH", "/scim/v2/acme/Users/", 200));
    assert!(seen("PATCH", "/scim/v2/acme/Groups/", 204));
    assert!(seen("DELETE", "/scim/v2/acme/Users/", 204));
    assert!(seen("DELETE", "/scim/v2/acme/Groups/", 204));
    assert!(
        log.iter()
            .all(|r| r["status"].as_u64().is_some_and(|s| s < 400)
                || r["path"]
                    .as_str()
                    .is_some_and(|p| p.contains("/Users/") || p.contains("/Groups/"))),
        "only the read-back after DELETE may fail: {log:#?}"
    );
    server.stop();
}

#[test]
fn full_reports_each_failure_of_a_non_compliant_endpoint() {
    let env = TestEnv::new();
    // Passes Entra's probe, then answers everything with a plain JSON array.
    let addr = canned(None, |req| {
        if req.starts_with("GET ") && req.contains("/Users?filter=userName+eq+%22") {
            (200, "application/scim+json", empty_list())
        } else {
            (200, "application/json", "[]".into())
        }
    });
    let url = format!("http://{addr}/scim/v2");
    let (v, line) = report(&env, "scim_x", &["--url", &url, "--full"], 10);
    let st: std::collections::HashMap<String, String> = statuses(&v).into_iter().collect();
    for id in PROBE_IDS {
        assert_eq!(st[id], "pass", "{v:#}");
    }
    for id in [
        "full.service_provider_config",
        "full.resource_types",
        "full.schemas",
        "full.user.create",
        "full.group.create",
    ] {
        assert_eq!(st[id], "fail", "{id}: {v:#}");
        assert!(hint(step(&v, id)).contains("not SCIM compliant"), "{v:#}");
    }
    for id in [
        "full.user.filter",
        "full.user.filter_case",
        "full.user.patch_entra",
        "full.user.patch_flagged",
        "full.group.add_member",
        "full.group.remove_member",
        "full.group.delete",
        "full.user.disable",
        "full.user.delete",
    ] {
        assert_eq!(st[id], "skip", "{id}: {v:#}");
    }
    assert_eq!(st["full.cleanup"], "pass");
    let d = str_key(step(&v, "full.user.create"), "detail");
    assert!(d.contains("expected 201, got 200 OK"), "{d}");
    let d = str_key(step(&v, "full.resource_types"), "detail");
    assert!(d.contains("not a ListResponse"), "{d}");
    assert!(
        line.starts_with(
            "error: test-connection: 5 steps failed, the first 'GET /ServiceProviderConfig'"
        ),
        "{line}"
    );
}

#[test]
fn usage_errors_name_the_options() {
    let env = TestEnv::new();
    let out = env
        .cmd(["test-connection", "--url", "http://127.0.0.1:9/scim/v2/x"])
        .timeout(RUN_TIMEOUT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--token-stdin") && err.contains("--token-env"),
        "{err}"
    );

    let missing = env.path("nope.pem");
    let m = missing.to_str().unwrap();
    let (all, out) = probe(
        &env,
        "scim_x",
        &["--url", "https://127.0.0.1:9/x", "--ca-file", m],
    );
    let argv: Vec<&str> = all.iter().map(String::as_str).collect();
    let line = expect_failure(&argv, &out, 2);
    assert!(
        line.contains(&format!("cannot use --ca-file {m}")),
        "{line}"
    );

    let empty = env.path("empty.pem");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    let e = empty.to_str().unwrap();
    let (all, out) = probe(
        &env,
        "scim_x",
        &["--url", "https://127.0.0.1:9/x", "--ca-file", e],
    );
    let argv: Vec<&str> = all.iter().map(String::as_str).collect();
    let line = expect_failure(&argv, &out, 2);
    assert!(line.contains("holds no PEM certificate"), "{line}");

    let (v, _) = report(&env, "scim_x", &["--url", "ftp://example.com/scim"], 10);
    let s = failed_at(&v, "url");
    assert!(hint(s).contains("'scimctl url'"), "{s:#}");
}

// ---- in-test endpoints -------------------------------------------------

fn empty_list() -> String {
    json!({
        "schemas": [LIST_URN],
        "totalResults": 0,
        "startIndex": 1,
        "itemsPerPage": 0,
        "Resources": []
    })
    .to_string()
}

fn tls_config(ck: &rcgen::CertifiedKey<rcgen::KeyPair>) -> Arc<rustls::ServerConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(ck.signing_key.serialize_der().into());
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![ck.cert.der().clone()], key)
        .unwrap();
    Arc::new(cfg)
}

type Respond = fn(&str) -> (u16, &'static str, String);

/// A tiny HTTP(S) endpoint on 127.0.0.1: one connection at a time, each
/// request answered by `respond(request line)` with `Connection: close`.
/// The thread lives as long as the test process.
fn canned(tls: Option<Arc<rustls::ServerConfig>>, respond: Respond) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(tcp) = conn else { continue };
            let _ = tcp.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = tcp.set_write_timeout(Some(Duration::from_secs(5)));
            match &tls {
                None => answer(tcp, respond),
                Some(cfg) => {
                    let Ok(sc) = rustls::ServerConnection::new(cfg.clone()) else {
                        continue;
                    };
                    answer(rustls::StreamOwned::new(sc, tcp), respond);
                }
            }
        }
    });
    addr
}

fn answer<S: Read + Write>(stream: S, respond: Respond) {
    let mut r = BufReader::new(stream);
    let mut request_line = String::new();
    if r.read_line(&mut request_line).unwrap_or(0) == 0 {
        return; // the probe's own TCP/TLS step: no request
    }
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    let _ = r.read_exact(&mut body);
    let (status, ct, text) = respond(request_line.trim_end());
    let mut s = r.into_inner();
    let _ = write!(
        s,
        "HTTP/1.1 {status} X\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    );
    let _ = s.flush();
}
