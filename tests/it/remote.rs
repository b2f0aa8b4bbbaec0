//! Remote mode gives what local mode gives (issue 8): one scripted session
//! over every state command, with table and JSON output and the error
//! cases, run on a fresh store locally and on another through a real
//! `scimctl serve`; stdout, exit codes and stderr must be the same
//! byte for byte once ids, times, tokens, fingerprints, request ids and
//! latencies are filtered. And `log --follow` streams from the server.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::json;

use crate::server::*;
use crate::support::*;

/// One command of the session as it ran: the command line, the exit code,
/// stdout and stderr (notes, warnings, the error line), all normalised.
#[derive(Debug, PartialEq, Eq)]
struct Step {
    cmd: String,
    code: i32,
    stdout: String,
    stderr: String,
}

struct Session<'a> {
    env: &'a TestEnv,
    steps: Vec<Step>,
}

impl Session<'_> {
    /// Runs `scimctl ARGS` (stdin piped from `stdin`); returns the exit code
    /// and the raw stdout (for the tokens the script goes on with).
    fn run(&mut self, args: &[&str], stdin: Option<&str>) -> (i32, String) {
        let mut c = self.env.cmd(args);
        if let Some(s) = stdin {
            c.write_stdin(s.to_owned());
        }
        let out = c.output().unwrap();
        assert_no_panic(&out);
        let code = out.status.code().expect("exited, not killed");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        if code != 0 {
            assert_one_error_line(&stderr);
        }
        self.steps.push(Step {
            cmd: normalise(&args.join(" ")),
            code,
            stdout: normalise(&stdout),
            stderr: normalise(&stderr),
        });
        (code, stdout)
    }

    /// The same command in table mode, then with `--output json`.
    fn both(&mut self, args: &[&str]) {
        self.run(args, None);
        let mut json = args.to_vec();
        json.extend(["--output", "json"]);
        self.run(&json, None);
    }

    fn ok(&mut self, args: &[&str]) -> String {
        let (code, out) = self.run(args, None);
        assert_eq!(code, 0, "{args:?} failed in {:?} mode", self.env.mode());
        out
    }

    fn fail(&mut self, args: &[&str], expected: i32) {
        let (code, _) = self.run(args, None);
        assert_eq!(code, expected, "{args:?} in {:?} mode", self.env.mode());
    }
}

/// Every state command, with the error cases, in one session.
async fn session(env: &TestEnv) -> Vec<Step> {
    let mut s = Session {
        env,
        steps: Vec::new(),
    };
    fn at<'a>(rest: &[&'a str]) -> Vec<&'a str> {
        [&["--tenant", "acme"][..], rest].concat()
    }

    // Tenants, and their errors.
    s.ok(&["tenant", "create", "Acme Hotels", "--id", "acme"]);
    s.ok(&["tenant", "create", "Beta Group"]);
    s.ok(&[
        "tenant", "create", "Gamma", "--id", "gamma", "--policy", "standard",
    ]);
    s.fail(&["tenant", "create", "ACME HOTELS"], 6);
    s.fail(&["tenant", "create", "Other", "--id", "acme"], 6);
    s.fail(&["tenant", "create", "Other", "--id", "Not Valid"], 8);
    s.both(&["tenant", "list"]);
    s.both(&["tenant", "show", "acme"]);
    s.both(&["tenant", "show", "Beta Group"]);
    s.fail(&["tenant", "show", "nope"], 5);
    s.fail(&["url"], 2);
    s.fail(&["--tenant", "nope", "url"], 5);
    s.fail(&["--tenant", "nope", "token", "generate"], 5);

    // SCIM switch, policy, URL.
    s.both(&at(&["scim", "status"]));
    s.ok(&at(&["scim", "enable"]));
    s.run(&at(&["scim", "enable", "--output", "json"]), None);
    s.ok(&at(&["scim", "disable"]));
    s.run(&at(&["scim", "enable", "--output", "json"]), None);
    s.ok(&at(&["scim", "policy", "set", "standard"]));
    s.run(
        &at(&["scim", "policy", "set", "product", "--output", "json"]),
        None,
    );
    s.both(&at(&["scim", "status"]));
    s.both(&at(&["url"]));

    // Tokens: generate, exists, rotation with grace, revoke, verify.
    s.both(&at(&["token", "status"]));
    s.fail(&at(&["token", "revoke"]), 5);
    let first = s.ok(&at(&["token", "generate"])).trim_end().to_owned();
    assert_token_shape(&first);
    s.fail(&at(&["token", "generate"]), 6);
    s.fail(&at(&["token", "revoke", "--previous"]), 5);
    let rotated = s.ok(&at(&[
        "token",
        "regenerate",
        "--grace",
        "1h",
        "--output",
        "json",
    ]));
    let second = str_key(&parse_json(&rotated), "token").to_owned();
    s.both(&at(&["token", "status"]));
    s.run(
        &at(&["token", "verify", "--token-stdin"]),
        Some(first.as_str()),
    );
    s.run(
        &at(&["token", "verify", "--token-stdin", "--output", "json"]),
        Some(second.as_str()),
    );
    s.run(
        &at(&["token", "revoke", "--previous", "--output", "json"]),
        None,
    );
    s.fail(&at(&["token", "revoke", "--previous"]), 5);
    s.run(
        &at(&["token", "verify", "--token-stdin"]),
        Some(first.as_str()),
    );
    s.run(&at(&["token", "verify", "--token-stdin"]), Some("scim_x\n"));
    s.run(&at(&["token", "verify", "--token-stdin"]), Some("\n"));
    s.fail(&at(&["token", "regenerate", "--grace", "31d"]), 8);
    let third = s.ok(&at(&["token", "regenerate"])).trim_end().to_owned();
    s.run(
        &at(&["token", "verify", "--token-stdin"]),
        Some(second.as_str()),
    );
    s.run(
        &at(&["token", "verify", "--token-stdin"]),
        Some(third.as_str()),
    );
    s.ok(&at(&["token", "revoke"]));
    s.run(
        &at(&["token", "verify", "--token-stdin"]),
        Some(third.as_str()),
    );
    s.both(&at(&["token", "status"]));
    let token = s
        .ok(&at(&["--quiet", "token", "generate"]))
        .trim_end()
        .to_owned();

    // Members, and their errors.
    for (email, given) in [
        ("dora@acme.example", "Dora"),
        ("alice@acme.example", "Alice"),
        ("carl@acme.example", "Carl"),
    ] {
        s.ok(&at(&[
            "users",
            "add",
            email,
            "--given-name",
            given,
            "--family-name",
            "Smith",
        ]));
    }
    s.run(
        &at(&[
            "users",
            "add",
            "boss@acme.example",
            "--given-name",
            "Big",
            "--family-name",
            "Boss",
            "--central",
            "--output",
            "json",
        ]),
        None,
    );
    s.fail(
        &at(&[
            "users",
            "add",
            "DORA@acme.example",
            "--given-name",
            "D",
            "--family-name",
            "S",
        ]),
        6,
    );
    s.fail(
        &at(&[
            "users",
            "add",
            "not-an-email",
            "--given-name",
            "N",
            "--family-name",
            "E",
        ]),
        8,
    );
    s.fail(
        &[
            "--tenant",
            "gamma",
            "users",
            "add",
            "a@b",
            "--given-name",
            "",
            "--family-name",
            "E",
        ],
        8,
    );

    // Groups and properties, and their errors.
    s.ok(&at(&["properties", "add", "Seaside"]));
    s.run(
        &at(&["properties", "add", "Downtown", "--output", "json"]),
        None,
    );
    s.fail(&at(&["properties", "add", "seaside"]), 6);
    s.both(&at(&["properties", "list"]));
    s.ok(&at(&["groups", "create", "Front Desk"]));
    s.run(
        &at(&["groups", "create", "Managers", "--output", "json"]),
        None,
    );
    s.fail(&at(&["groups", "create", "front desk"]), 6);
    s.ok(&at(&[
        "groups",
        "assign",
        "Front Desk",
        "--property",
        "Seaside",
        "--role",
        "receptionist",
        "--permission",
        "checkin",
    ]));
    s.run(
        &at(&[
            "groups",
            "assign",
            "Managers",
            "--property",
            "Downtown",
            "--output",
            "json",
        ]),
        None,
    );
    s.fail(
        &at(&["groups", "assign", "Front Desk", "--property", "Nowhere"]),
        5,
    );
    s.fail(&at(&["groups", "show", "Nobody"]), 5);

    // SCIM traffic from an IdP: a new user into a group, a match by
    // filter, a stale token. Locally the server is only the SCIM endpoint;
    // remotely it is the admin API's server too.
    let own;
    let origin = if env.is_remote() {
        env.server_origin()
    } else {
        own = Server::start(env);
        own.origin()
    };
    let (rid, refused) = idp_traffic(env, &origin, &token, &third, false).await;

    // Members and groups after the IdP: listing, filters, paging.
    s.both(&at(&["users", "list"]));
    s.both(&at(&["users", "list", "--managed-by", "idp"]));
    s.both(&at(&["users", "list", "--managed-by", "tenant"]));
    s.both(&at(&["users", "list", "--pending-transfer"]));
    s.both(&at(&["users", "list", "--inactive"]));
    s.both(&at(&["users", "list", "--search", "ALI"]));
    s.both(&at(&["users", "list", "--limit", "2"]));
    s.both(&at(&[
        "users",
        "list",
        "--limit",
        "2",
        "--after",
        "boss@acme.example",
    ]));
    s.both(&at(&["users", "show", "erin@acme.example"]));
    s.both(&at(&["users", "show", "boss@acme.example"]));
    s.fail(&at(&["users", "show", "nobody@acme.example"]), 5);
    s.both(&at(&["groups", "list"]));
    s.both(&at(&["groups", "show", "Front Desk"]));
    s.both(&at(&["groups", "show", "Front Desk", "--limit", "1"]));

    // Support tools.
    s.both(&at(&["diagnose", "user", "erin@acme.example"]));
    s.both(&at(&["diagnose", "user", "alice@acme.example"]));
    s.both(&at(&["diagnose", "user", "nobody@acme.example"]));
    s.fail(&at(&["diagnose", "user", "not-an-email"]), 8);
    s.both(&at(&["diagnose", "request", &rid]));
    s.both(&["diagnose", "request", &refused]);
    s.fail(&at(&["diagnose", "request", "r-0000"]), 5);
    s.fail(&["--tenant", "gamma", "diagnose", "request", &rid], 5);
    s.both(&at(&["diagnose", "tenant"]));
    s.both(&["--tenant", "gamma", "diagnose", "tenant"]);
    s.both(&["log"]);
    s.both(&at(&["log"]));
    s.both(&["--tenant", "gamma", "log"]);
    s.both(&["log", "--errors"]);
    s.both(&["log", "--user", "erin@acme.example"]);
    s.both(&["log", "--request", &rid]);
    s.both(&["log", "--since", "1h", "--limit", "2"]);
    s.both(&["log", "--limit", "1"]);

    // Deleting: refused without --yes, then gone everywhere.
    s.fail(&["tenant", "delete", "gamma"], 2);
    s.ok(&["tenant", "delete", "gamma", "--yes"]);
    s.fail(&["tenant", "delete", "gamma", "--yes"], 5);
    s.both(&["tenant", "list"]);
    s.run(
        &[
            "tenant",
            "delete",
            "Beta Group",
            "--yes",
            "--output",
            "json",
        ],
        None,
    );
    s.both(&["tenant", "list"]);
    s.both(&["url"]);
    s.steps
}

/// SCIM traffic from an IdP to tenant acme, as both scripted sessions (this
/// one and the JSON snapshots') send it: erin created (and, with
/// `into_group`, added to Front Desk), alice found by filter, erin
/// deactivated, a stale token refused; then it waits until the server has
/// logged it and recorded the token's use, so that what the session prints
/// next does not depend on when a batch ran. Returns the request ids of the
/// PATCH and of the refused request.
pub(crate) async fn idp_traffic(
    env: &TestEnv,
    origin: &str,
    token: &str,
    stale_token: &str,
    into_group: bool,
) -> (String, String) {
    let c = Scim::new(format!("{origin}/scim/v2/acme"), token);
    let erin = c.create_user("erin@acme.example").await;
    let groups = c
        .get(&format!(
            "/Groups?filter={}",
            form("displayName eq \"Front Desk\"")
        ))
        .await;
    let groups = groups.ok(200);
    if into_group {
        let front_desk = id_of(&resources(&groups)[0]);
        c.patch(
            &format!("/Groups/{front_desk}"),
            &patch_op(json!([{"op": "add", "path": "members", "value": [{"value": erin}]}])),
        )
        .await
        .no_content();
    }
    let found = c.find_users("userName eq \"alice@acme.example\"").await;
    assert_eq!(found.len(), 1);
    let patched = c
        .patch(
            &format!("/Users/{erin}"),
            &patch_op(json!([{"op": "Replace", "path": "active", "value": false}])),
        )
        .await;
    patched.ok(200);
    let stale = Scim::new(format!("{origin}/scim/v2/acme"), stale_token);
    let refused = stale.get("/Users").await;
    refused.error(401, None, "invalid_token");
    wait_for_log(env, refused.request_id());
    wait_for_log(env, patched.request_id());
    // The server writes token use in batches: wait for it, so that the
    // token's `last_used_at` does not depend on when the batch ran.
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let used = || -> i64 {
        env.sql()
            .query_row(
                "SELECT COUNT(*) FROM tokens WHERE tenant_id = 'acme' AND state = 'active' AND last_used_at IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    while used() == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the server never recorded the token's use"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (
        patched.request_id().to_owned(),
        refused.request_id().to_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_state_command_prints_the_same_locally_and_remotely() {
    // The two sessions run side by side, each on its own store.
    let run = |env: TestEnv| {
        tokio::spawn(async move {
            let steps = session(&env).await;
            (env, steps)
        })
    };
    let (local, remote) = (run(TestEnv::new()), run(TestEnv::remote()));
    let (local, l) = local.await.unwrap();
    let (remote, r) = remote.await.unwrap();
    assert!(l.len() > 130, "the session ran {} commands", l.len());
    assert_eq!(l.len(), r.len());
    let mut differ = Vec::new();
    for (a, b) in l.iter().zip(&r) {
        assert_eq!(a.cmd, b.cmd);
        if a != b {
            differ.push(format!(
                "$ scimctl {}\n--- local (exit {})\n{}--- stderr\n{}\n--- remote (exit {})\n{}--- stderr\n{}",
                a.cmd, a.code, a.stdout, a.stderr, b.code, b.stdout, b.stderr
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} commands differ:\n\n{}",
        differ.len(),
        l.len(),
        differ.join("\n\n")
    );
    // The session did fail where it should, in both modes alike.
    let failed = l.iter().filter(|s| s.code != 0).count();
    assert!(failed >= 25, "only {failed} failing commands");
    // And the remote one ran through the server: the audit table names its
    // key for every change but the key's own creation on the server host.
    let actors = |env: &TestEnv| -> Vec<String> {
        env.sql()
            .prepare(
                "SELECT DISTINCT actor FROM audit_events WHERE action <> 'admin_key.create' ORDER BY actor",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(actors(&local), [local.actor()]);
    assert_eq!(actors(&remote), [remote.actor()]);
}

/// The harness itself: a remote environment starts its server only for a
/// state command, sends only those to it, and stops it when dropped.
#[test]
fn a_remote_env_starts_its_server_lazily_and_stops_it_on_drop() {
    let env = TestEnv::remote();
    env.json(&["config", "show"]);
    env.ok(&["mapping", "show"]);
    assert!(!env.server_started(), "no state command ran yet");
    assert!(!env.store().exists(), "nothing opened the store");
    env.tenant("Acme", "acme");
    assert!(env.server_started());
    let pid = env.remote_server().server.pid().expect("running");
    let proc_dir = std::path::PathBuf::from(format!("/proc/{pid}"));
    assert!(proc_dir.exists());
    // `--store` names a local file: that command stays local.
    let other = env.path("other.db");
    env.ok(&[
        "--store",
        other.to_str().unwrap(),
        "tenant",
        "create",
        "Local",
    ]);
    assert_eq!(env.json(&["tenant", "list"]).as_array().unwrap().len(), 1);
    drop(env);
    // Killed and reaped by the drop, so its process entry is gone.
    assert!(!proc_dir.exists(), "the server outlived its environment");
}

both_modes!(async log_follow_streams_each_new_record);

/// `log --follow --output json` prints a SCIM request's record as it is
/// written, within a bounded wait; locally from the store, remotely as the
/// admin API's stream.
async fn log_follow_streams_each_new_record(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "product");
    let own;
    let origin = if env.is_remote() {
        env.server_origin()
    } else {
        own = Server::start(&env);
        own.origin()
    };
    let c = Scim::new(format!("{origin}/scim/v2/acme"), &token);
    let before = c.get("/Users").await;
    before.ok(200);
    wait_for_log(&env, before.request_id());

    let mut follower = env
        .std_cmd(["log", "--follow", "--output", "json", "--limit", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn log --follow");
    let (tx, rx) = mpsc::channel::<String>();
    let stdout = follower.stdout.take().expect("stdout pipe");
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let next = |what: &str| -> serde_json::Value {
        let line = rx
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("log --follow printed no {what} within 10 s"));
        parse_json(&line)
    };
    // The last record first (--limit 1), then the new ones as they come.
    assert_eq!(str_key(&next("backlog"), "request_id"), before.request_id());
    let r = c.get("/Users?count=1").await;
    r.ok(200);
    let rec = next("new record");
    assert_eq!(str_key(&rec, "request_id"), r.request_id());
    assert_eq!(str_key(&rec, "tenant_id"), "acme");
    assert_eq!(u64_key(&rec, "status"), 200);
    let bad = Scim::new(format!("{origin}/scim/v2/acme"), "scim_wrong");
    let r = bad.get("/Users").await;
    r.error(401, None, "invalid_token");
    assert_eq!(
        str_key(&next("refused request"), "request_id"),
        r.request_id()
    );

    follower.kill().expect("kill the follower");
    let out = follower.wait_with_output().expect("reap the follower");
    assert!(
        !out.status.success(),
        "killed, not finished: {:?}",
        out.status
    );
    reader.join().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Filters what differs from run to run: RFC 3339 and table times, UUIDs,
/// request ids, tokens, token fingerprints (8 hex digits as a word),
/// latencies (`1.2ms`, `"latency_us":123`) and temporary directories.
pub(crate) fn normalise(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let word_start = i == 0 || !is_word(b[i - 1]);
        let m = if word_start {
            time_len(&b[i..])
                .map(|n| (n, "<time>"))
                .or_else(|| uuid_len(&b[i..]).map(|n| (n, "<uuid>")))
                .or_else(|| request_id_len(&b[i..]).map(|n| (n, "<request>")))
                .or_else(|| token_len(&b[i..]).map(|n| (n, "<token>")))
                .or_else(|| latency_len(&b[i..]).map(|n| (n, "<latency>")))
                .or_else(|| fingerprint_len(&b[i..]).map(|n| (n, "<fp>")))
        } else {
            None
        };
        if let Some((n, with)) = m {
            out.push_str(with);
            i += n;
        } else if b[i..].starts_with(b"scimctl-it-")
            && b.len() >= i + 17
            && b[i + 11..i + 17].iter().all(u8::is_ascii_alphanumeric)
        {
            // A test environment's temporary directory (`scim status`
            // names the store in it).
            out.push_str("scimctl-it-<dir>");
            i += 17;
        } else if b[i..].starts_with(b"\"latency_us\":") {
            let mut n = "\"latency_us\":".len();
            n += b[i + n..].iter().take_while(|&&c| c == b' ').count();
            let digits = b[i + n..].iter().take_while(|c| c.is_ascii_digit()).count();
            out.push_str("\"latency_us\": <n>");
            i += n + digits;
        } else {
            let ch = s[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

/// Whether `b` starts with `pat`, where `9` is a digit, `h` a lowercase hex
/// digit and anything else itself.
fn shape(b: &[u8], pat: &str) -> bool {
    b.len() >= pat.len()
        && pat.bytes().zip(b).all(|(p, &c)| match p {
            b'9' => c.is_ascii_digit(),
            b'h' => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
            _ => p == c,
        })
}

fn ends_word(b: &[u8], n: usize) -> Option<usize> {
    (b.len() == n || !is_word(b[n])).then_some(n)
}

/// `2026-01-02T03:04:05.678Z`, `2026-01-02 03:04:05Z`, `2026-01-02 03:04`,
/// `2026-01-02`.
fn time_len(b: &[u8]) -> Option<usize> {
    if !shape(b, "9999-99-99") {
        return None;
    }
    if b.len() < 16 || !matches!(b[10], b'T' | b' ') || !shape(&b[11..], "99:99") {
        return ends_word(b, 10);
    }
    let mut n = 16;
    if shape(&b[n..], ":99") {
        n += 3;
        if b.get(n) == Some(&b'.') {
            n += 1 + b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
    }
    if b.get(n) == Some(&b'Z') {
        n += 1;
    } else if shape(&b[n..], "+99:99") {
        n += 6;
    }
    Some(n)
}

fn uuid_len(b: &[u8]) -> Option<usize> {
    shape(b, "hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh")
        .then_some(36)
        .and_then(|n| ends_word(b, n))
}

fn request_id_len(b: &[u8]) -> Option<usize> {
    shape(b, "r-hhhhhhhhhhhhhhhhhhhh")
        .then_some(22)
        .and_then(|n| ends_word(b, n))
}

fn token_len(b: &[u8]) -> Option<usize> {
    let body = b.strip_prefix(b"scim_")?;
    let n = body
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        .count();
    (n == 43).then_some(5 + n)
}

fn fingerprint_len(b: &[u8]) -> Option<usize> {
    shape(b, "hhhhhhhh")
        .then_some(8)
        .and_then(|n| ends_word(b, n))
}

fn latency_len(b: &[u8]) -> Option<usize> {
    let int = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if int == 0 {
        return None;
    }
    let mut n = int;
    if b.get(n) == Some(&b'.') {
        n += 1 + b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    }
    // `6.3ms` in the log's table, `1.1 ms` in diagnose's.
    let spaced = b.get(n) == Some(&b' ');
    let rest = &b[n + usize::from(spaced)..];
    let unit = ["ms", "µs", "s"]
        .into_iter()
        .find(|u| rest.starts_with(u.as_bytes()) && !(spaced && *u == "s"))?;
    ends_word(b, n + usize::from(spaced) + unit.len())
}

#[test]
fn the_normaliser_filters_only_what_varies() {
    let s = "2026-11-29 05:01:32Z  r-01a225ae0b23d658a13b  GET /scim/v2/acme/Users  200  6.3ms  token=0ceb2dad latency 1.1 ms; 2 s\n\
             {\"at\":\"2026-11-29T05:01:32.842Z\",\"id\":\"01a225ae-06f4-7013-9512-e9b0f355722d\",\"latency_us\":6260}\n\
             scim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA 2026-11-29 05:01 90 days acme 12345678901 (created 2026-11-29)";
    assert_eq!(
        normalise(s),
        "<time>  <request>  GET /scim/v2/acme/Users  200  <latency>  token=<fp> latency <latency>; 2 s\n\
         {\"at\":\"<time>\",\"id\":\"<uuid>\",\"latency_us\": <n>}\n\
         <token> <time> 90 days acme 12345678901 (created <time>)"
    );
}
