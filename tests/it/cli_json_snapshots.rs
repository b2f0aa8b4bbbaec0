//! The `--output json` contract, snapshot by snapshot: every command that
//! prints JSON runs in one scripted session on a fresh store, locally and
//! through a real `scimctl serve` with an admin key, and each document is
//! compared with its insta snapshot in `tests/it/snapshots/` (reviewed like
//! code), so a key added, renamed or removed, or a value of another type,
//! fails here. What varies from run to run is normalised first: ids, times,
//! tokens, admin keys, fingerprints, request ids, latencies, ephemeral
//! ports, the temporary directory and the counts of `diagnose tenant`'s
//! hourly buckets.
//!
//! Local and remote print the same document for the same command; the
//! commands where they do not are listed in `DIFFERS`, with a snapshot per
//! mode, so that the difference is reviewed and a fix of it is noticed.
//! The commands that never go through a server (`config`, `admin-key`,
//! `mapping`, `login`, `profiles`) are snapshot once, locally.
//! `log --follow` must start with the records `log` prints (the stream after
//! them is tests/it/remote.rs's).
//!
//! Under `CI=true` (or `INSTA_UPDATE=no`) a mismatch fails without writing
//! anything; elsewhere it fails too and leaves a `.snap.new` beside the
//! snapshot for `cargo insta review`.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::remote::{idp_traffic, normalise};
use crate::server::*;
use crate::support::*;

/// Commands whose JSON differs between local and remote mode (a finding,
/// not a wish): each has an `@local` and an `@remote` snapshot.
/// `events`: an event's actor is who made the change, the CLI's user
/// locally and the admin key through a server.
const DIFFERS: &[&str] = &["events", "events_typed"];

/// One `--output json` document as a command printed it, normalised.
#[derive(Debug)]
struct Doc {
    name: &'static str,
    cmd: String,
    doc: Value,
}

struct Session<'a> {
    env: &'a TestEnv,
    docs: Vec<Doc>,
}

impl Session<'_> {
    /// Runs `scimctl ARGS --output json` (stdin from `stdin`), expecting
    /// exit `code`; records the document as `name` and returns it as
    /// printed (the script goes on with its tokens and ids).
    fn json(&mut self, name: &'static str, args: &[&str], stdin: Option<&str>, code: i32) -> Value {
        let mut all = args.to_vec();
        all.extend(["--output", "json"]);
        let mut c = self.env.cmd(&all);
        if let Some(s) = stdin {
            c.write_stdin(s.to_owned());
        }
        let out = c.output().unwrap();
        assert_no_panic(&out);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "scimctl {} in {:?} mode:\n{stdout}{}",
            all.join(" "),
            self.env.mode(),
            String::from_utf8_lossy(&out.stderr)
        );
        // `log` prints JSON lines (one record per line, so that `--follow`
        // can be piped): taken as an array, whatever their number.
        let doc = if args.contains(&"log") || args.contains(&"events") {
            Value::Array(stdout.lines().map(parse_json).collect())
        } else {
            parse_json(&stdout)
        };
        self.docs.push(Doc {
            name,
            cmd: all.join(" "),
            doc: redact(&doc, &self.env.root().display().to_string()),
        });
        doc
    }

    fn ok(&mut self, name: &'static str, args: &[&str]) -> Value {
        self.json(name, args, None, 0)
    }

    /// A step of the script whose output is not part of the contract.
    fn quiet(&self, args: &[&str]) {
        self.env.ok(args);
    }
}

/// Every state command with JSON output, in one session.
async fn session(env: &TestEnv) -> Vec<Doc> {
    let mut s = Session {
        env,
        docs: Vec::new(),
    };
    fn at<'a>(rest: &[&'a str]) -> Vec<&'a str> {
        [&["--tenant", "acme"][..], rest].concat()
    }

    // Tenants.
    s.ok(
        "tenant_create",
        &["tenant", "create", "Acme Hotels", "--id", "acme"],
    );
    s.ok(
        "tenant_create_generated_id",
        &["tenant", "create", "Beta Group"],
    );
    s.ok(
        "tenant_create_standard",
        &[
            "tenant", "create", "Gamma", "--id", "gamma", "--policy", "standard",
        ],
    );
    s.ok("tenant_list", &["tenant", "list"]);
    s.ok("tenant_show", &["tenant", "show", "acme"]);

    // The SCIM switch, the policy, the URL.
    s.ok("scim_status_off", &at(&["scim", "status"]));
    s.ok("scim_enable", &at(&["scim", "enable"]));
    s.ok("scim_enable_unchanged", &at(&["scim", "enable"]));
    s.ok("scim_disable", &at(&["scim", "disable"]));
    s.quiet(&at(&["scim", "enable"]));
    s.ok(
        "scim_policy_set",
        &at(&["scim", "policy", "set", "standard"]),
    );
    s.quiet(&at(&["scim", "policy", "set", "product"]));
    s.ok("url", &at(&["url"]));

    // Tokens: none, the first, a rotation with grace, verification of each
    // kind, revocation.
    s.ok("token_status_none", &at(&["token", "status"]));
    let first = s.ok("token_generate", &at(&["token", "generate"]));
    let first = str_key(&first, "token").to_owned();
    let second = s.ok(
        "token_regenerate_grace",
        &at(&["token", "regenerate", "--grace", "1h"]),
    );
    let second = str_key(&second, "token").to_owned();
    s.ok("token_status_grace", &at(&["token", "status"]));
    s.json(
        "token_verify_current",
        &at(&["token", "verify", "--token-stdin"]),
        Some(&second),
        0,
    );
    s.json(
        "token_verify_previous",
        &at(&["token", "verify", "--token-stdin"]),
        Some(&first),
        0,
    );
    let unknown = format!("scim_{}", "A".repeat(43));
    s.json(
        "token_verify_unknown",
        &at(&["token", "verify", "--token-stdin"]),
        Some(&unknown),
        4,
    );
    s.ok(
        "token_revoke_previous",
        &at(&["token", "revoke", "--previous"]),
    );
    s.json(
        "token_verify_revoked",
        &at(&["token", "verify", "--token-stdin"]),
        Some(&first),
        4,
    );
    let third = s.ok("token_regenerate", &at(&["token", "regenerate"]));
    let third = str_key(&third, "token").to_owned();
    s.json(
        "token_verify_superseded",
        &at(&["token", "verify", "--token-stdin"]),
        Some(&second),
        4,
    );
    s.ok("token_revoke", &at(&["token", "revoke"]));
    s.ok("token_status_revoked", &at(&["token", "status"]));
    let token = env.json(&at(&["token", "generate"]));
    let token = str_key(&token, "token").to_owned();

    // Members, properties, groups.
    s.ok(
        "users_add",
        &at(&[
            "users",
            "add",
            "alice@acme.example",
            "--given-name",
            "Alice",
            "--family-name",
            "Smith",
        ]),
    );
    s.ok(
        "users_add_central",
        &at(&[
            "users",
            "add",
            "boss@acme.example",
            "--given-name",
            "Big",
            "--family-name",
            "Boss",
            "--central",
        ]),
    );
    s.quiet(&at(&[
        "users",
        "add",
        "carl@acme.example",
        "--given-name",
        "Carl",
        "--family-name",
        "Smith",
    ]));
    s.ok("properties_add", &at(&["properties", "add", "Seaside"]));
    s.quiet(&at(&["properties", "add", "Downtown"]));
    s.ok("properties_list", &at(&["properties", "list"]));
    s.ok("groups_create", &at(&["groups", "create", "Front Desk"]));
    s.quiet(&at(&["groups", "create", "Managers"]));
    s.ok(
        "groups_assign",
        &at(&[
            "groups",
            "assign",
            "Front Desk",
            "--property",
            "Seaside",
            "--role",
            "receptionist",
            "--permission",
            "checkin",
        ]),
    );
    s.ok("groups_list", &at(&["groups", "list"]));

    // SCIM traffic from an IdP: a new user into a group, a match by
    // filter, a deactivation, a stale token. Locally the server is only the
    // SCIM endpoint; remotely it is the admin API's server too.
    let own;
    let origin = if env.is_remote() {
        env.server_origin()
    } else {
        own = Server::start(env);
        own.origin()
    };
    let (patched, refused) = idp_traffic(env, &origin, &token, &third, true).await;

    // After the IdP: members, groups, the switch's view of them.
    s.ok("scim_status_on", &at(&["scim", "status"]));
    s.ok("users_list", &at(&["users", "list"]));
    s.ok(
        "users_list_page",
        &at(&[
            "users",
            "list",
            "--limit",
            "2",
            "--after",
            "alice@acme.example",
        ]),
    );
    s.ok(
        "users_list_filtered",
        &at(&["users", "list", "--managed-by", "idp", "--inactive"]),
    );
    s.ok(
        "users_show_idp",
        &at(&["users", "show", "erin@acme.example"]),
    );
    s.ok(
        "users_show_central",
        &at(&["users", "show", "boss@acme.example"]),
    );
    s.ok("groups_show", &at(&["groups", "show", "Front Desk"]));

    // Support tools.
    s.ok(
        "diagnose_user",
        &at(&["diagnose", "user", "erin@acme.example"]),
    );
    s.ok(
        "diagnose_user_tenant_managed",
        &at(&["diagnose", "user", "alice@acme.example"]),
    );
    s.ok(
        "diagnose_user_unknown",
        &at(&["diagnose", "user", "nobody@acme.example"]),
    );
    s.ok("diagnose_request", &at(&["diagnose", "request", &patched]));
    s.ok(
        "diagnose_request_refused",
        &["diagnose", "request", &refused],
    );
    s.ok("diagnose_tenant", &at(&["diagnose", "tenant"]));
    s.ok("scim_guard_show", &at(&["scim", "guard", "show"]));
    s.ok(
        "scim_guard_set",
        &at(&["scim", "guard", "set", "--max", "25", "--window", "2h"]),
    );

    // Sign-up emails (no SMTP server here: they wait in the outbox).
    s.ok("invitations_list", &at(&["invitations", "list"]));
    s.ok(
        "invitations_list_failed",
        &at(&["invitations", "list", "--failed"]),
    );
    s.ok(
        "invitations_resend",
        &at(&["invitations", "resend", "erin@acme.example"]),
    );
    let log = s.ok("log", &["log"]);
    // `log --follow` starts with the records `log` prints, as the same
    // JSON lines; the stream after them is tests/it/remote.rs's.
    let n = log.as_array().map_or(0, Vec::len);
    assert_eq!(
        followed(env, n),
        log,
        "log --follow in {:?} mode",
        env.mode()
    );
    s.ok("log_errors", &at(&["log", "--errors"]));
    s.ok("log_request", &["log", "--request", &patched]);
    s.ok(
        "events",
        &at(&["events", "--after", "0", "--limit", "1000"]),
    );
    s.ok(
        "events_typed",
        &at(&[
            "events",
            "--type",
            "user.created",
            "--type",
            "token.generated",
        ]),
    );

    // Entra's Test Connection, then the suite.
    let url = format!("{origin}/scim/v2/acme");
    s.json(
        "test_connection",
        &["test-connection", "--url", &url, "--token-stdin"],
        Some(&token),
        0,
    );
    s.json(
        "test_connection_wrong_token",
        &["test-connection", "--url", &url, "--token-stdin"],
        Some(&third),
        10,
    );
    s.json(
        "test_connection_full",
        &["test-connection", "--url", &url, "--token-stdin", "--full"],
        Some(&token),
        0,
    );

    // Deleting.
    s.ok("tenant_delete", &["tenant", "delete", "gamma", "--yes"]);
    s.docs
}

/// The first `n` records `log --follow --output json --limit N` prints.
fn followed(env: &TestEnv, n: usize) -> Value {
    let mut follower = env
        .std_cmd([
            "log",
            "--follow",
            "--output",
            "json",
            "--limit",
            &n.to_string(),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn log --follow");
    let stdout = follower.stdout.take().expect("stdout pipe");
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let records = (0..n)
        .map(|i| {
            let line = rx
                .recv_timeout(Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("log --follow printed {i} of {n} records"));
            parse_json(&line)
        })
        .collect();
    follower.kill().expect("kill the follower");
    follower.wait().expect("reap the follower");
    reader.join().unwrap();
    Value::Array(records)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_json_document_matches_its_snapshot_locally_and_remotely() {
    // The two sessions run side by side, each on its own store.
    let run = |env: TestEnv| {
        tokio::spawn(async move {
            let docs = session(&env).await;
            (env, docs)
        })
    };
    let (local, remote) = (run(TestEnv::new()), run(TestEnv::remote()));
    let (_local, l) = local.await.unwrap();
    let (remote, r) = remote.await.unwrap();
    assert_eq!(l.len(), r.len());

    let mut differ = Vec::new();
    for (a, b) in l.iter().zip(&r) {
        assert_eq!(a.name, b.name);
        let known = DIFFERS.contains(&a.name);
        if a.doc != b.doc && !known {
            differ.push(format!(
                "$ scimctl {}\n--- local\n{:#}\n--- remote\n{:#}",
                a.cmd, a.doc, b.doc
            ));
        }
        assert!(
            a.doc != b.doc || !known,
            "{}: local and remote agree now; take it off DIFFERS and delete its @local and @remote snapshots",
            a.name
        );
    }
    assert!(
        differ.is_empty(),
        "{} of {} JSON documents differ between local and remote mode:\n\n{}",
        differ.len(),
        l.len(),
        differ.join("\n\n")
    );

    let mut names = Vec::new();
    for (a, b) in l.iter().zip(&r) {
        if DIFFERS.contains(&a.name) {
            names.push(snapshot(a.name, Some("local"), &a.doc));
            names.push(snapshot(b.name, Some("remote"), &b.doc));
        } else {
            names.push(snapshot(a.name, None, &a.doc));
        }
    }
    // The remote session went through the server: the audit table names
    // its admin key for the changes the script made (SCIM traffic is the
    // server's own).
    let actors: Vec<String> = remote
        .sql()
        .prepare(
            "SELECT DISTINCT actor FROM audit_events WHERE action IN \
             ('tenant.create', 'scim.enable', 'token.generate', 'user.add', 'group.create', 'tenant.delete')",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(actors, [remote.actor()]);

    // On a thread of its own: it joins a session keyring for `login`.
    names.extend(std::thread::spawn(local_only).join().unwrap());
    no_stale_snapshots(&names);
}

/// The commands of the server host and of this machine's files: no
/// remote mode.
fn local_only() -> Vec<String> {
    crate::credentials::join_session_keyring();
    let env = TestEnv::new();
    let mut s = Session {
        env: &env,
        docs: Vec::new(),
    };
    s.ok("config_show", &["config", "show"]);
    s.quiet(&["tenant", "create", "Acme Hotels", "--id", "acme"]);
    let key = s.ok("admin_key_create", &["admin-key", "create", "ci"]);
    let key = str_key(&key, "key").to_owned();
    s.ok(
        "admin_key_create_scoped",
        &["admin-key", "create", "acme-ci", "--tenant", "acme"],
    );
    s.ok("admin_key_list", &["admin-key", "list"]);
    s.ok("admin_key_revoke", &["admin-key", "revoke", "acme-ci"]);

    // A profile for a server, its key in the keyring; forgotten after (the
    // keyring is the user's, shared with every test).
    let server = Server::start(&env);
    let profile = ["--profile", "json-snapshots"];
    s.json(
        "login",
        &[
            &profile[..],
            &["login", "--server", &server.origin(), "--admin-key-stdin"],
        ]
        .concat(),
        Some(&format!("{key}\n")),
        0,
    );
    s.ok("profiles_list", &["profiles", "list"]);
    env.ok(&[&profile[..], &["logout", "--forget"]].concat());
    drop(server);

    s.ok("mapping_show", &["mapping", "show"]);
    // Copied into the environment, so that the path printed is the same
    // wherever the checkout is.
    let example = |f: &str| {
        let to = env.path(f);
        std::fs::copy(
            format!("{}/examples/entra/{f}", env!("CARGO_MANIFEST_DIR")),
            &to,
        )
        .unwrap();
        to.display().to_string()
    };
    s.ok(
        "mapping_check",
        &["mapping", "check", &example("default-mapping.json")],
    );
    s.json(
        "mapping_check_errors",
        &["mapping", "check", &example("missing-given-name.json")],
        None,
        10,
    );
    s.docs
        .iter()
        .map(|d| snapshot(d.name, None, &d.doc))
        .collect()
}

/// Asserts `doc` against its snapshot; returns the snapshot's file name.
fn snapshot(name: &str, mode: Option<&str>, doc: &Value) -> String {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(true);
    settings.set_omit_expression(true);
    if let Some(m) = mode {
        settings.set_snapshot_suffix(m);
    }
    settings.bind(|| insta::assert_json_snapshot!(name, doc));
    match mode {
        Some(m) => format!("it__cli_json_snapshots__{name}@{m}.snap"),
        None => format!("it__cli_json_snapshots__{name}.snap"),
    }
}

/// A snapshot of a command the session no longer runs would never fail:
/// every committed one must belong to a document above.
fn no_stale_snapshots(names: &[String]) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/snapshots");
    let mut stale: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.starts_with("it__cli_json_snapshots__") && f.ends_with(".snap"))
        .filter(|f| !names.contains(f))
        .collect();
    stale.sort();
    assert!(stale.is_empty(), "snapshots no document matches: {stale:?}");
    let mut seen = names.to_vec();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), names.len(), "two documents share a name");
}

/// `v` with what varies from run to run replaced by a placeholder: in
/// every string, the shapes `normalise` knows plus admin keys, ports of
/// 127.0.0.1, UUIDs inside words (Entra's form-encoded probe) and the
/// environment's directory; wall-clock measures by key.
fn redact(v: &Value, root: &str) -> Value {
    match v {
        Value::String(s) => Value::String(redact_str(s, root)),
        Value::Array(a) => Value::Array(a.iter().map(|x| redact(x, root)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| {
                    let x = match (k.as_str(), x) {
                        ("ms" | "latency_us", Value::Number(_)) => Value::String("<n>".into()),
                        // Which hour a request falls in depends on when the
                        // test runs: the buckets' shape stays, their counts go.
                        ("hourly", Value::Array(hours)) => Value::Array(
                            hours
                                .iter()
                                .map(|h| counts_redacted(&redact(h, root)))
                                .collect(),
                        ),
                        _ => redact(x, root),
                    };
                    (k.clone(), x)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn counts_redacted(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| {
                    let x = match x {
                        Value::Number(_) => Value::String("<n>".into()),
                        other => other.clone(),
                    };
                    (k.clone(), x)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn redact_str(s: &str, root: &str) -> String {
    let s = s.replace(root, "<root>");
    let s = admin_keys(&s);
    let s = normalise(&s);
    let s = ports(&s);
    let s = probe_users(&s);
    uuids_anywhere(&s)
}

/// The throwaway user of `test-connection --full`: `scimctl-probe-` and a
/// simple UUID, in either case.
fn probe_users(s: &str) -> String {
    let hex = |rest: &str| {
        let n = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        (n == 32).then_some((n, "<hex>"))
    };
    replace_runs(
        &replace_runs(s, "scimctl-probe-", hex),
        "SCIMCTL-PROBE-",
        hex,
    )
}

/// `scimadm_` and 43 base64url characters.
fn admin_keys(s: &str) -> String {
    replace_runs(s, "scimadm_", |rest| {
        let n = rest
            .bytes()
            .take_while(|&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            .count();
        (n == 43).then_some((n, "<key>"))
    })
}

/// `127.0.0.1:PORT` and test-connection's `127.0.0.1 port PORT` where the
/// port is ephemeral (five digits): the servers listen on port 0. A fixed
/// port (the default public URL's 8080) stays.
fn ports(s: &str) -> String {
    let port = |rest: &str| {
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        (n == 5).then_some((n, "<port>"))
    };
    replace_runs(
        &replace_runs(s, "127.0.0.1:", port),
        "127.0.0.1 port ",
        port,
    )
}

fn uuids_anywhere(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        if rest.is_char_boundary(36) && uuid::Uuid::try_parse(&rest[..36]).is_ok() {
            out.push_str("<uuid>");
            rest = &rest[36..];
        } else {
            let ch = rest.chars().next().unwrap();
            out.push(ch);
            rest = &rest[ch.len_utf8()..];
        }
    }
    out
}

/// `s` with what follows each `prefix` replaced where `what` recognises
/// it: `what(rest)` gives the length to replace and the placeholder.
fn replace_runs(
    s: &str,
    prefix: &str,
    what: impl Fn(&str) -> Option<(usize, &'static str)>,
) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(prefix) {
        let after = &rest[i + prefix.len()..];
        out.push_str(&rest[..i + prefix.len()]);
        match what(after) {
            Some((n, with)) => {
                out.push_str(with);
                rest = &after[n..];
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_redaction_keeps_what_is_stable() {
    let root = "/tmp/scimctl-it-abc";
    let v = json!({
        "key": format!("scimadm_{}", "x".repeat(43)),
        "url": "http://127.0.0.1:41234/scim/v2/acme/Users?filter=userName+eq+%2201a225ae-06f4-7013-9512-e9b0f355722d%22",
        "detail": "http host 127.0.0.1 port 41234 (plain http); public http://127.0.0.1:8080",
        "filter": "userName eq \"SCIMCTL-PROBE-D5ED05FF39F24CDFB5E7FD219F1D6212@EXAMPLE.INVALID\"",
        "config_file": "/tmp/scimctl-it-abc/config/scimctl/config.toml",
        "ms": 1.5,
        "steps": [{"latency_us": 12, "status": 200, "name": "scim_short"}],
        "hourly": [{"hour": "2026-11-29T05:00:00Z", "requests": 6, "errors": 1}],
    });
    assert_eq!(
        redact(&v, root),
        json!({
            "key": "scimadm_<key>",
            "url": "http://127.0.0.1:<port>/scim/v2/acme/Users?filter=userName+eq+%22<uuid>%22",
            "detail": "http host 127.0.0.1 port <port> (plain http); public http://127.0.0.1:8080",
            "filter": "userName eq \"SCIMCTL-PROBE-<hex>@EXAMPLE.INVALID\"",
            "config_file": "<root>/config/scimctl/config.toml",
            "ms": "<n>",
            "steps": [{"latency_us": "<n>", "status": 200, "name": "scim_short"}],
            "hourly": [{"hour": "<time>", "requests": "<n>", "errors": "<n>"}],
        })
    );
}
