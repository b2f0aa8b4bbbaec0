//! Signed webhooks end to end: a real `scimctl serve` (or the CLI's own
//! delivery pass) POSTs to a real receiver on 127.0.0.1
//! (`tests/webhook_receiver.py`), which verifies every signature with the
//! independent `standardwebhooks` Python package and whose answers the
//! tests switch at run time (500s, answers after the timeout, redirects).
//!
//! Events come from real changes: SCIM requests through the server, or
//! the engine's own operations on the store the server delivers from
//! (members added, groups created, the guard set), each recording its
//! event in the change's transaction.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use scimctl::engine::events::{EventQuery, EventType};
use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

/// The receiver: a child process, killed on drop.
pub struct Receiver {
    child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl Receiver {
    pub fn start() -> Receiver {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/webhook_receiver.py");
        let p = |f: &str| dir.path().join(f);
        std::fs::write(p("control.json"), "{}").unwrap();
        std::fs::write(p("secrets.json"), "{}").unwrap();
        let mut child = std::process::Command::new("/usr/bin/python3")
            .arg(script)
            .args([p("log.jsonl"), p("control.json"), p("secrets.json")])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect(
                "start /usr/bin/python3 tests/webhook_receiver.py (standardwebhooks installed?)",
            );
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(out).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the receiver printed no port");
        let port = line
            .trim()
            .strip_prefix("port ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the receiver said {line:?}, not its port"));
        Receiver { child, port, dir }
    }

    pub fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/hook/{name}", self.port)
    }

    /// Tells the receiver the secret to verify `name`'s requests with.
    pub fn secret(&self, name: &str, secret: &str) {
        let path = self.dir.path().join("secrets.json");
        let mut all: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        all[name] = json!(secret);
        let tmp = self.dir.path().join("secrets.tmp");
        std::fs::write(&tmp, all.to_string()).unwrap();
        std::fs::rename(tmp, path).unwrap();
    }

    /// The next `count` requests get `mode`'s answer ("500", "sleep",
    /// "302"); then 200 again.
    pub fn behave(&self, mode: &str, count: u32, sleep_secs: f64) {
        let tmp = self.dir.path().join("control.tmp");
        let c = json!({"mode": mode, "count": count, "sleep": sleep_secs});
        std::fs::write(&tmp, c.to_string()).unwrap();
        std::fs::rename(tmp, self.dir.path().join("control.json")).unwrap();
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(self.dir.path().join("log.jsonl")).unwrap_or_default();
        // A line still being written (no newline yet) is not one yet.
        let done = text.rfind('\n').map_or("", |end| &text[..end]);
        done.lines()
            .filter(|l| !l.trim().is_empty())
            .map(parse_json)
            .collect()
    }

    /// The requests once `done` holds of them (fails after `secs`).
    pub fn wait(&self, secs: u64, what: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            let r = self.requests();
            if done(&r) {
                return r;
            }
            assert!(
                Instant::now() < end,
                "waited {secs} s for {what}; the receiver got {} request(s):\n{:#?}",
                r.len(),
                r.iter().rev().take(5).collect::<Vec<_>>()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `webhook add` for the receiver's `name`: the endpoint's JSON (with its
/// secret, now known to the receiver).
fn add_hook(env: &TestEnv, r: &Receiver, tenant: &str, name: &str, extra: &[&str]) -> Value {
    let url = r.url(name);
    let mut args = vec!["--tenant", tenant, "webhook", "add", url.as_str()];
    args.extend_from_slice(extra);
    let v = env.json(&args);
    r.secret(name, str_key(&v, "secret"));
    v
}

/// Makes `n` changes to `tenant` through the engine, each recording one
/// event of `kind` (a member added, a group created, the guard set); the
/// events' (seq, id), in order.
fn emit(env: &TestEnv, tenant: &str, kind: EventType, n: usize) -> Vec<(i64, String)> {
    apart(|| {
        let (e, t) = env.engine_tenant(tenant);
        for _ in 0..n {
            let unique = uuid::Uuid::new_v4().simple().to_string();
            match kind {
                EventType::UserCreated => {
                    e.add_member(
                        &t,
                        &scimctl::engine::admin::users::NewMember {
                            email: &format!("u{}@acme.example", &unique[..12]),
                            given_name: "U",
                            family_name: "Ser",
                            central: false,
                        },
                    )
                    .expect("add a member");
                }
                EventType::GroupCreated => {
                    e.create_group(&t, &format!("Group {}", &unique[..12]))
                        .expect("create a group");
                }
                EventType::GuardUpdated => {
                    e.set_guard(&t, None, None, true).expect("set the guard");
                }
                other => panic!("no change here records {other}"),
            }
        }
        let all = e
            .events(&EventQuery {
                tenant_id: Some(tenant.into()),
                types: vec![kind],
                after: None,
                limit: n as u32,
            })
            .expect("read the events");
        all.into_iter().map(|e| (e.seq, e.id)).collect()
    })
}

fn body(r: &Value) -> Value {
    parse_json(str_key(r, "body"))
}

fn ids_of(reqs: &[Value], path: &str) -> Vec<String> {
    reqs.iter()
        .filter(|r| str_key(r, "path").ends_with(path))
        .map(|r| str_key(r, "webhook-id").to_owned())
        .collect()
}

fn settings(env: &TestEnv) -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_suffix("");
    s.set_prepend_module_to_snapshot(true);
    let _ = env;
    s.add_filter(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[uuid]",
    );
    s.add_filter(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "[time]");
    s.add_filter(r"127\.0\.0\.1:\d+", "127.0.0.1:[port]");
    s.add_filter(r"whsec_[A-Za-z0-9+/=]+", "whsec_[secret]");
    s
}

fn snap(env: &TestEnv, name: &str, v: &Value) {
    settings(env).bind(|| insta::assert_json_snapshot!(name, v));
}

both_modes!(webhook_commands);

/// Every command, locally, through a server and on PostgreSQL: the https
/// rule, the secret shown once, `webhook test` through the delivery path
/// (not an event), deliveries, remove; the JSON shapes as snapshots.
fn webhook_commands(env: TestEnv) {
    let r = Receiver::start();
    env.tenant("Acme", "acme");
    let refused = env.fail(
        &[
            "--tenant",
            "acme",
            "webhook",
            "add",
            "http://example.com/hook",
        ],
        8,
    );
    assert!(refused.contains("https://"), "{refused}");
    assert!(refused.contains("loopback"), "{refused}");
    let bad = env.fail(
        &[
            "--tenant",
            "acme",
            "webhook",
            "add",
            &r.url("x"),
            "--event",
            "user.exploded",
        ],
        8,
    );
    assert!(bad.contains("user.created"), "{bad}");

    let added = add_hook(&env, &r, "acme", "a", &["--event", "user.created"]);
    let secret = str_key(&added, "secret").to_owned();
    let key = secret.strip_prefix("whsec_").expect("whsec_ prefix");
    let key = base64::engine::general_purpose::STANDARD
        .decode(key)
        .unwrap();
    assert!(key.len() >= 24, "{} random bytes", key.len());
    snap(&env, "webhook_add", &added);
    let id = str_key(&added, "id").to_owned();

    let list = env.json(&["--tenant", "acme", "webhook", "list"]);
    assert!(
        !list.to_string().contains(&secret),
        "the secret is shown again"
    );
    snap(&env, "webhook_list", &list);
    let table = env.ok(&["--tenant", "acme", "webhook", "list"]);
    assert!(table.contains(&id) && !table.contains(&secret), "{table}");

    let events_before = env.count("events");
    let ping = env.json(&["--tenant", "acme", "webhook", "test", &id]);
    assert_eq!(str_key(&ping, "status"), "succeeded", "{ping:#}");
    snap(&env, "webhook_test", &ping);
    let reqs = r.wait(20, "the test ping", |r| !r.is_empty());
    assert_eq!(reqs.len(), 1, "{reqs:#?}");
    assert!(bool_key(&reqs[0], "verified"), "{:#}", reqs[0]);
    assert_eq!(str_key(&body(&reqs[0]), "type"), "webhook.test");
    assert_eq!(
        str_key(&reqs[0], "webhook-id"),
        str_key(&ping, "message_id")
    );
    assert_eq!(env.count("events"), events_before, "a ping is no event");

    let deliveries = env.json(&["--tenant", "acme", "webhook", "deliveries"]);
    snap(&env, "webhook_deliveries", &deliveries);
    let failed = env.json(&["--tenant", "acme", "webhook", "deliveries", "--failed", &id]);
    assert_eq!(failed, json!([]));

    let removed = env.json(&["--tenant", "acme", "webhook", "remove", &id]);
    snap(&env, "webhook_remove", &removed);
    let gone = env.fail(&["--tenant", "acme", "webhook", "remove", &id], 5);
    assert!(gone.contains("webhook list"), "{gone}");
    assert_eq!(
        env.json(&["--tenant", "acme", "webhook", "list"]),
        json!([])
    );
    if env.is_remote() {
        let log = env.remote_server().server.stderr();
        assert!(!log.contains(&secret), "the secret is in the server's log");
    }
}

/// A server on `env`'s store that retries fast.
fn serve(env: &TestEnv, retry_for: &str, timeout: &str, disable_after: &str) -> Server {
    Server::start_with(
        env,
        &[],
        &[
            ("SCIMCTL_WEBHOOK_RETRY_FOR_SECS", retry_for),
            ("SCIMCTL_WEBHOOK_TIMEOUT_SECS", timeout),
            ("SCIMCTL_WEBHOOK_DISABLE_AFTER", disable_after),
        ],
    )
}

both_stores!(webhook_events_arrive_signed_in_order);

/// Many events reach each endpoint in seq order, each verified by
/// standardwebhooks, with the event id as `webhook-id` and the event as
/// the events API shows it in `data`; an endpoint gets only its tenant's
/// events of its types; the cursor ends at the last one.
fn webhook_events_arrive_signed_in_order(env: TestEnv) {
    let r = Receiver::start();
    env.tenant("Acme", "acme");
    env.tenant("Beta", "beta");
    let all = add_hook(&env, &r, "acme", "all", &[]);
    add_hook(&env, &r, "acme", "groups", &["--event", "group.created"]);
    add_hook(&env, &r, "beta", "beta", &[]);
    let server = serve(&env, "60", "5", "5");
    let users = emit(&env, "acme", EventType::UserCreated, 150);
    let groups = emit(&env, "acme", EventType::GroupCreated, 5);
    let reqs = r.wait(60, "155 + 5 deliveries", |r| r.len() >= 160);
    std::thread::sleep(Duration::from_millis(500));
    let reqs = {
        let again = r.requests();
        assert_eq!(
            again.len(),
            160,
            "some more than once ({} before)",
            reqs.len()
        );
        again
    };
    for q in &reqs {
        assert!(bool_key(q, "verified"), "not verified: {q:#}");
        assert_eq!(opt_str_key(q, "content-type"), Some("application/json"));
    }
    let want: Vec<String> = users
        .iter()
        .chain(&groups)
        .map(|(_, id)| id.clone())
        .collect();
    assert_eq!(ids_of(&reqs, "/all"), want, "in seq order, each once");
    let want_groups: Vec<String> = groups.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(ids_of(&reqs, "/groups"), want_groups);
    assert!(ids_of(&reqs, "/beta").is_empty(), "another tenant's events");
    let first = reqs
        .iter()
        .find(|q| str_key(q, "path").ends_with("/all"))
        .unwrap();
    let b = body(first);
    assert_eq!(str_key(&b, "type"), "user.created");
    assert_has_keys(&b, &["type", "timestamp", "data"]);
    let data = key(&b, "data");
    assert_has_keys(
        data,
        &["seq", "id", "type", "tenant_id", "at", "actor", "data"],
    );
    assert_eq!(data["seq"].as_i64(), Some(users[0].0));
    let list = env.json(&["--tenant", "acme", "webhook", "list"]);
    let mine = list
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == all["id"])
        .unwrap();
    assert_eq!(mine["cursor"].as_i64(), Some(groups[4].0), "{mine:#}");
    drop(server);
}

both_stores!(webhook_retries_after_500s_and_timeouts);

/// A 500 and an answer after the timeout are retried with the same
/// webhook-id until a 2xx; the next event waits for it (one in flight).
fn webhook_retries_after_500s_and_timeouts(env: TestEnv) {
    let r = Receiver::start();
    env.tenant("Acme", "acme");
    let hook = add_hook(&env, &r, "acme", "a", &[]);
    let id = str_key(&hook, "id").to_owned();
    let _server = serve(&env, "60", "1", "5");
    r.behave("500", 2, 0.0);
    let first = emit(&env, "acme", EventType::UserCreated, 1);
    let reqs = r.wait(30, "two 500s and a 200", |r| {
        r.iter().any(|q| q["status"] == 200)
    });
    let ids = ids_of(&reqs, "/a");
    assert_eq!(ids, vec![first[0].1.clone(); 3], "{reqs:#?}");
    let statuses: Vec<i64> = reqs.iter().map(|q| q["status"].as_i64().unwrap()).collect();
    assert_eq!(statuses, [500, 500, 200]);
    assert!(reqs.iter().all(|q| bool_key(q, "verified")));
    // The timestamp is each attempt's own; the signature covers it.
    let d = env.json(&["--tenant", "acme", "webhook", "deliveries", &id]);
    assert_eq!(d[0]["attempts"], 3, "{d:#}");
    assert_eq!(d[0]["status"], "succeeded");
    assert_eq!(d[0]["last_status"], 200);
    assert_eq!(d[0]["response_excerpt"], r#"{"received": true}"#);

    r.behave("sleep", 1, 2.5);
    let events = emit(&env, "acme", EventType::GuardUpdated, 2);
    let reqs = r.wait(30, "a timeout, then both events", |r| r.len() >= 3 + 3);
    let ids = ids_of(&reqs[3..], "/a");
    assert_eq!(
        ids,
        vec![
            events[0].1.clone(),
            events[0].1.clone(),
            events[1].1.clone()
        ],
        "retried after the timeout, the next one only after it"
    );
    let d = env.json(&["--tenant", "acme", "webhook", "deliveries", &id]);
    let timed_out = d
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["message_id"] == events[0].1.as_str())
        .unwrap();
    assert_eq!(timed_out["attempts"], 2, "{d:#}");
    assert_eq!(timed_out["status"], "succeeded");
}

both_stores!(webhook_redirects_fail_and_disable_the_endpoint);

/// A 302 is a failed attempt (never followed); after the retry period a
/// delivery fails and the endpoint moves on; after the run of failures it
/// is disabled (and `diagnose tenant` says so); `webhook enable` resumes
/// it and `webhook redeliver` sends a failed message again.
fn webhook_redirects_fail_and_disable_the_endpoint(env: TestEnv) {
    let r = Receiver::start();
    env.tenant("Acme", "acme");
    let hook = add_hook(&env, &r, "acme", "a", &[]);
    let id = str_key(&hook, "id").to_owned();
    let _server = serve(&env, "1", "2", "2");
    r.behave("302", 1000, 0.0);
    let events = emit(&env, "acme", EventType::UserCreated, 3);
    let end = Instant::now() + Duration::from_secs(40);
    let disabled = loop {
        let list = env.json(&["--tenant", "acme", "webhook", "list"]);
        if list[0]["enabled"] == false {
            break list[0].clone();
        }
        assert!(Instant::now() < end, "never disabled: {list:#}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(disabled["consecutive_failures"], 2, "{disabled:#}");
    assert!(
        str_key(&disabled, "disabled_reason").contains("redirect"),
        "{disabled:#}"
    );
    assert_eq!(disabled["cursor"].as_i64(), Some(events[1].0));
    let reqs = r.requests();
    assert!(reqs.iter().all(|q| q["status"] == 302), "{reqs:#?}");
    assert!(
        !reqs
            .iter()
            .any(|q| str_key(q, "path").contains("elsewhere")),
        "a redirect was followed"
    );
    let third_sent = ids_of(&reqs, "/a").contains(&events[2].1);
    assert!(!third_sent, "a disabled endpoint got more");
    let failed = env.json(&["--tenant", "acme", "webhook", "deliveries", "--failed"]);
    assert_eq!(failed.as_array().unwrap().len(), 2, "{failed:#}");
    assert_eq!(failed[0]["last_status"], 302);
    let diagnosis = env.json(&["--tenant", "acme", "diagnose", "tenant"]);
    let findings = array_key(&diagnosis, "findings");
    assert!(
        findings.iter().any(|f| f["code"] == "webhook_disabled"),
        "{findings:#?}"
    );
    let text = env.ok(&["--tenant", "acme", "diagnose", "tenant"]);
    assert!(text.contains("webhook enable"), "{text}");
    env.fail(&["--tenant", "acme", "webhook", "test", &id], 6);

    r.behave("ok", 0, 0.0);
    let enabled = env.json(&["--tenant", "acme", "webhook", "enable", &id]);
    assert_eq!(enabled["enabled"], true);
    let n = r.requests().len();
    let got = r.wait(20, "the third event after enable", |q| q.len() > n);
    assert_eq!(ids_of(&got[n..], "/a"), vec![events[2].1.clone()]);
    assert!(bool_key(&got[n], "verified"));

    let first_failed = str_key(&failed[1], "id").to_owned();
    let again = env.json(&["--tenant", "acme", "webhook", "redeliver", &first_failed]);
    assert_eq!(again["kind"], "redelivery");
    let n = r.requests().len();
    let got = r.wait(20, "the redelivery", |q| q.len() > n);
    assert_eq!(
        str_key(&got[n], "webhook-id"),
        events[0].1,
        "same webhook-id"
    );
    assert!(bool_key(&got[n], "verified"));
    let list = env.json(&["--tenant", "acme", "webhook", "list"]);
    assert_eq!(
        list[0]["cursor"].as_i64(),
        Some(events[2].0),
        "a redelivery moves no cursor"
    );
}

/// Two `serve` instances on one PostgreSQL database: each event reaches
/// the endpoint once and in order (one holds the lease); when the holder
/// dies, the other resumes from the cursor once the lease has expired.
#[test]
fn webhook_two_instances_deliver_each_event_once_in_order() {
    let env = TestEnv::with_mode(Mode::Postgres);
    let r = Receiver::start();
    env.tenant("Acme", "acme");
    add_hook(&env, &r, "acme", "a", &[]);
    let one = serve(&env, "60", "1", "5");
    let two = serve(&env, "60", "1", "5");
    let mut want = Vec::new();
    for _ in 0..4 {
        want.extend(emit(&env, "acme", EventType::UserCreated, 50));
        std::thread::sleep(Duration::from_millis(150));
    }
    let reqs = r.wait(60, "200 deliveries", |q| q.len() >= 200);
    std::thread::sleep(Duration::from_millis(800));
    let ids = ids_of(&r.requests(), "/a");
    let want_ids: Vec<String> = want.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(
        ids,
        want_ids,
        "each once, in order ({} requests)",
        reqs.len()
    );

    // The holder dies: the other takes over after the lease (5 s here).
    let holder = env.query("SELECT lease_owner FROM webhook_endpoints")[0][0]
        .clone()
        .expect("a lease holder");
    let pid: u32 = holder
        .split('-')
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap();
    let survivor = if one.pid() == Some(pid) {
        one.kill9();
        two
    } else {
        two.kill9();
        one
    };
    let more = emit(&env, "acme", EventType::GuardUpdated, 20);
    let got = r.wait(40, "the survivor's deliveries", |q| q.len() >= 220);
    let after: Vec<String> = ids_of(&got[200..], "/a");
    let more_ids: Vec<String> = more.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(after, more_ids, "resumed from the cursor, in order");
    drop(survivor);
}

/// Delivery throughput to the local receiver: 1,000 events, one endpoint,
/// SQLite (a figure on stderr, not an assertion of speed).
#[test]
fn webhook_throughput_1000_events() {
    let env = TestEnv::new();
    let r = Receiver::start();
    env.tenant("Acme", "acme");
    add_hook(&env, &r, "acme", "a", &[]);
    let want = emit(&env, "acme", EventType::UserCreated, 1000);
    let started = Instant::now();
    let _server = serve(&env, "60", "5", "5");
    let reqs = r.wait(180, "1000 deliveries", |q| q.len() >= 1000);
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "webhook throughput: {} events in {secs:.2} s = {:.0} events/s",
        reqs.len(),
        reqs.len() as f64 / secs
    );
    let want_ids: Vec<String> = want.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(ids_of(&reqs, "/a"), want_ids);
    assert!(reqs.iter().all(|q| bool_key(q, "verified")));
}

/// `webhook deliver`: one pass on a store no server runs on.
#[test]
fn webhook_deliver_is_one_pass_on_the_local_store() {
    let env = TestEnv::new();
    let r = Receiver::start();
    env.tenant("Acme", "acme");
    add_hook(&env, &r, "acme", "a", &[]);
    let want = emit(&env, "acme", EventType::GroupCreated, 3);
    let tally = env.json(&["webhook", "deliver"]);
    assert_eq!(tally, json!({"succeeded": 3, "failed_attempts": 0}));
    let reqs = r.requests();
    let want_ids: Vec<String> = want.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(ids_of(&reqs, "/a"), want_ids);
    assert_eq!(
        env.json(&["webhook", "deliver"]),
        json!({"succeeded": 0, "failed_attempts": 0})
    );
    let leases = env.query("SELECT lease_owner FROM webhook_endpoints");
    assert_eq!(leases, vec![vec![None]], "the pass gave its lease back");
}

both_stores!(async webhook_scim_changes_reach_the_endpoint);

/// An Entra-shaped provisioning session through a real `scimctl serve`
/// (create, PATCH, disable, group member add and remove, deletes): the
/// endpoint gets every event the session recorded, in seq order, signed,
/// each body carrying exactly the event the events API answers; a ping
/// among them is not an event.
async fn webhook_scim_changes_reach_the_endpoint(env: TestEnv) {
    let r = Receiver::start();
    let token = scim_tenant(&env, "Acme", "acme", "standard");
    let hook = add_hook(&env, &r, "acme", "a", &[]);
    let id = str_key(&hook, "id").to_owned();
    let cursor = hook["cursor"].as_i64().expect("the endpoint's cursor");
    let server = serve(&env, "60", "5", "5");
    let scim = server.client("acme", &token);
    let mut users = Vec::new();
    for i in 0..3 {
        users.push(scim.create_user(&format!("jane{i}@acme.example")).await);
    }
    let op = |ops: Value| json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": ops});
    scim.patch(
        &format!("/Users/{}", users[0]),
        &op(json!([{"op": "Replace", "path": "name.givenName", "value": "Janet"}])),
    )
    .await
    .ok(200);
    scim.patch(
        &format!("/Users/{}", users[1]),
        &op(json!([{"op": "Replace", "path": "active", "value": "False"}])),
    )
    .await
    .ok(200);
    let group = scim.create_group("Sales").await;
    for verb in ["Add", "Remove"] {
        scim.patch(
            &format!("/Groups/{group}"),
            &op(json!([{"op": verb, "path": "members", "value": [{"value": users[0]}]}])),
        )
        .await
        .no_content();
    }
    assert_eq!(
        scim.delete(&format!("/Users/{}", users[2])).await.status,
        204
    );
    assert_eq!(scim.delete(&format!("/Groups/{group}")).await.status, 204);
    let (env, r) = tokio::task::spawn_blocking(move || {
        let ping = env.json(&["--tenant", "acme", "webhook", "test", &id, "--no-wait"]);
        let events: Vec<Value> = env
            .ok(&[
                "--tenant",
                "acme",
                "events",
                "--after",
                &cursor.to_string(),
                "--limit",
                "1000",
                "--output",
                "json",
            ])
            .lines()
            .map(parse_json)
            .collect();
        let kinds: Vec<&str> = events.iter().map(|e| str_key(e, "type")).collect();
        assert_eq!(
            kinds,
            [
                "user.created",
                "user.created",
                "user.created",
                "user.updated",
                "user.deactivated",
                "group.created",
                "group.member_added",
                "group.member_removed",
                "user.unlinked",
                "group.deleted",
            ]
        );
        let n = events.len() + 1;
        let reqs = r.wait(30, "every event and the ping", |q| q.len() >= n);
        assert!(reqs.iter().all(|q| bool_key(q, "verified")), "{reqs:#?}");
        let ping_id = str_key(&ping, "message_id");
        let delivered: Vec<Value> = reqs
            .iter()
            .filter(|q| str_key(q, "webhook-id") != ping_id)
            .map(body)
            .collect();
        assert_eq!(delivered.len(), events.len(), "once each");
        for (b, e) in delivered.iter().zip(&events) {
            assert_eq!(
                &b["data"], e,
                "the webhook carries the event the API answers"
            );
            assert_eq!(b["type"], e["type"]);
        }
        (env, r)
    })
    .await
    .unwrap();
    drop((server, r, env));
}

/// A key scoped to a tenant manages that tenant's endpoints and no
/// other's (404, as for a tenant that does not exist).
#[test]
fn webhook_scoped_keys_manage_their_own_tenant_only() {
    let env = TestEnv::new();
    let r = Receiver::start();
    env.tenant("Acme", "acme");
    env.tenant("Beta", "beta");
    let beta = add_hook(&env, &r, "beta", "b", &[]);
    let key = env.ok(&["admin-key", "create", "acme-bot", "--tenant", "acme"]);
    let server = Server::start(&env);
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--output", "json"]);
        env.std_cmd(&all)
            .env("SCIMCTL_SERVER", server.origin())
            .env("SCIMCTL_ADMIN_KEY", key.trim())
            .output()
            .unwrap()
    };
    let url = r.url("a");
    let out = run(&["--tenant", "acme", "webhook", "add", &url]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let added = parse_json(&String::from_utf8_lossy(&out.stdout));
    assert!(str_key(&added, "secret").starts_with("whsec_"));
    let out = run(&["--tenant", "beta", "webhook", "list"]);
    assert_eq!(
        out.status.code(),
        Some(5),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[
        "--tenant",
        "acme",
        "webhook",
        "remove",
        str_key(&beta, "id"),
    ]);
    assert_eq!(out.status.code(), Some(5), "another tenant's endpoint");
    assert_eq!(env.count("webhook_endpoints"), 2);
    let log = server.stderr();
    assert!(
        !log.contains(str_key(&added, "secret")),
        "a secret in the log"
    );
}
