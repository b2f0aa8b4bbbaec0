//! The provisioning log (issue 5) as support staff read it: every SCIM
//! request the real server answered, read back through `scimctl log` in
//! another process; tokens recognised but never stored or printed.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Method;
use serde_json::{Value, json};

use scimctl::engine::tokens::{fingerprint, hash};

use crate::server::*;
use crate::support::*;

both_stores!(
    async
    every_request_of_a_scenario_is_logged_with_its_facts,
    a_regenerated_away_token_is_named_in_the_log_not_in_the_answer,
    refused_bodies_are_logged_without_their_secrets,
    no_token_bytes_in_the_store_the_log_or_stderr,
    follow_sees_records_written_by_the_server_process,
    log_filters_select_the_right_records,
);

fn fp(token: &str) -> String {
    fingerprint(&hash(token))
}

/// The record of the exchange whose response had `request_id`.
fn rec<'a>(all: &'a [(Exchange, Value)], request_id: &str) -> &'a Value {
    &all.iter()
        .find(|(x, _)| x.request_id == request_id)
        .unwrap_or_else(|| panic!("no record for {request_id}"))
        .1
}

async fn every_request_of_a_scenario_is_logged_with_its_facts(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let pre = env.json(&[
        "--tenant",
        "acme",
        "users",
        "add",
        "pre@acme.example",
        "--given-name",
        "P",
        "--family-name",
        "E",
    ]);
    let started = time::OffsetDateTime::now_utc();
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    let g = guid();
    let probe = c
        .get(&format!(
            "/Users?filter=userName+eq+%22{g}%22&aadOptscim062020"
        ))
        .await;
    probe.ok(200);
    let created = c
        .post(
            "/Users",
            &entra_user("jane@acme.example", "Jane", "Doe", Some("jane")),
        )
        .await;
    let uid = id_of(&created.ok(201));
    let read = c.get(&format!("/Users/{uid}")).await;
    read.ok(200);
    let pid = str_key(&pre, "id");
    let transfer = c
        .patch(
            &format!("/Users/{pid}"),
            &patch_op(json!([{"op": "Add", "path": "externalId", "value": "pre"}])),
        )
        .await;
    transfer.ok(200);
    let dup = c
        .post("/Users", &entra_user("JANE@acme.example", "J", "D", None))
        .await;
    dup.error(409, Some("uniqueness"), "uniqueness");
    let missing = c.get(&format!("/Users/{}", guid())).await;
    missing.error(404, None, "not_found");
    let bad_filter = c.get("/Users?filter=userName+zz+1").await;
    bad_filter.error(400, Some("invalidFilter"), "invalid_filter");
    let wrong = c
        .with_token(Some("scim_wrongwrongwrong"))
        .get("/Users")
        .await;
    wrong.error(401, None, "invalid_token");
    let anon = c.with_token(None).get("/Groups").await;
    anon.error(401, None, "invalid_token");
    let spc = c.with_token(None).get("/ServiceProviderConfig").await;
    spc.ok(200);
    let gid = c.create_group("Front Desk").await;
    let member = c
        .patch(
            &format!("/Groups/{gid}"),
            &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": uid}]}])),
        )
        .await;
    member.no_content();
    let big = c
        .raw(
            Method::POST,
            "/Users",
            Some(vec![b' '; (1 << 20) + 10]),
            Some(SCIM_JSON),
            &[],
        )
        .await;
    big.error(413, None, "payload_too_large");
    let not_allowed = c.send(Method::POST, "/Schemas", Some(&json!({}))).await;
    not_allowed.error(405, None, "method_not_allowed");
    let deleted = c.delete(&format!("/Users/{uid}")).await;
    deleted.no_content();

    // A graceful stop drains the log.
    srv.stop();
    let all = assert_all_logged(&env, &c);
    for anonymous in [&spc, &not_allowed] {
        assert!(
            log_lines(&env, &["--request", anonymous.request_id()]).is_empty(),
            "answered before authentication, yet logged: {anonymous}"
        );
    }
    let lines = log_lines(&env, &[]);
    assert_eq!(
        lines.len(),
        all.len(),
        "one record per request, no more: {lines:#?}"
    );
    // Newest last, in the order the requests were answered.
    let order: Vec<&Value> = lines.iter().map(|l| &l["request_id"]).collect();
    let want: Vec<Value> = all.iter().map(|(x, _)| json!(x.request_id)).collect();
    assert_eq!(order, want.iter().collect::<Vec<_>>());
    let now = time::OffsetDateTime::now_utc();
    let good_fp = fp(&token);
    for (x, r) in &all {
        let at = time_key(r, "at");
        assert!(
            at >= started - time::Duration::seconds(1) && at <= now,
            "{r:#}"
        );
        assert_eq!(r["tenant_id"], "acme");
        let expected_fp = if x.request_id == wrong.request_id() {
            Some(fp("scim_wrongwrongwrong"))
        } else if x.request_id == anon.request_id() || x.request_id == spc.request_id() {
            None
        } else {
            Some(good_fp.clone())
        };
        if x.request_id != big.request_id() && x.request_id != not_allowed.request_id() {
            assert_eq!(r["token_fingerprint"], json!(expected_fp), "{r:#}");
        }
        if x.status < 400 {
            assert!(
                r["request_body"].is_null(),
                "a success keeps no body: {r:#}"
            );
        }
    }

    // What each record says about its request.
    let r = rec(&all, probe.request_id());
    let q = str_key(r, "query");
    assert!(q.contains(&g) && q.contains("filter=userName"), "{r:#}");
    let r = rec(&all, created.request_id());
    assert_eq!(r["user_id"], json!(uid));
    assert_eq!(r["user_email"], "jane@acme.example");
    let ignored = array_key(r, "ignored_attributes");
    // Entra's work email is the userName: the product's one email, kept.
    assert!(
        !ignored
            .iter()
            .any(|i| i.as_str().is_some_and(|i| i.contains("emails"))),
        "{r:#}"
    );
    assert!(ignored.contains(&json!("roles")), "{r:#}");
    assert_eq!(r["transfers"], json!([]));
    let r = rec(&all, read.request_id());
    assert_eq!(r["user_id"], json!(uid));
    assert_eq!(
        r["user_email"], "jane@acme.example",
        "filled in from the id"
    );
    let r = rec(&all, transfer.request_id());
    assert_eq!(r["transfers"], json!(["pre@acme.example"]));
    assert_eq!(r["user_email"], "pre@acme.example");
    assert_eq!(r["user_id"], json!(pid));
    let r = rec(&all, dup.request_id());
    assert_eq!(
        r["user_email"], "JANE@acme.example",
        "a refused create names its user"
    );
    assert!(str_key(r, "request_body").contains("JANE@acme.example"));
    let r = rec(&all, wrong.request_id());
    assert!(str_key(r, "token_note").contains("never issued"), "{r:#}");
    let r = rec(&all, anon.request_id());
    assert!(
        str_key(r, "token_note").contains("no bearer token"),
        "{r:#}"
    );
    let r = rec(&all, member.request_id());
    assert_eq!(r["group_id"], json!(gid));
    assert_eq!(r["status"], 204);
    let r = rec(&all, deleted.request_id());
    assert_eq!(r["user_email"], "jane@acme.example");
    assert_eq!(r["status"], 204);
    let r = rec(&all, big.request_id());
    assert_eq!(r["status"], 413);

    // `--request` finds one record, as the detail tells support to do.
    let one = log_lines(&env, &["--request", dup.request_id()]);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["reason"], "uniqueness");
    // The table form shows the same requests.
    let table = env.ok(&["log", "--limit", "1000"]);
    for (x, _) in &all {
        assert!(table.contains(&x.request_id), "{table}");
    }
    assert!(table.contains("transferred=pre@acme.example"), "{table}");
}

async fn a_regenerated_away_token_is_named_in_the_log_not_in_the_answer(env: TestEnv) {
    let t1 = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let tb = scim_tenant(&env, "Beta Inns", "beta", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &t1);
    c.get("/Users").await.ok(200);

    let t2 = env
        .ok(&["--tenant", "acme", "--quiet", "token", "regenerate"])
        .trim_end()
        .to_owned();
    let old = c.get("/Users").await;
    old.error(401, None, "invalid_token");
    let c2 = c.with_token(Some(&t2));
    c2.get("/Users").await.ok(200);
    let other = c.with_token(Some(&tb)).get("/Users").await;
    other.error(401, None, "invalid_token");
    let unknown = c
        .at(srv.tenant_url("no-such-tenant"))
        .with_token(Some(&t2))
        .get("/Users")
        .await;
    unknown.error(401, None, "invalid_token");
    env.ok(&["--tenant", "acme", "token", "revoke"]);
    let revoked = c2.get("/Users").await;
    revoked.error(401, None, "invalid_token");

    // The answers are all alike: nothing about why.
    for r in [&other, &unknown, &revoked] {
        assert_eq!(r.message(), old.message());
    }
    for r in [&old, &other, &unknown, &revoked] {
        let t = r.text.to_lowercase();
        for word in [
            "previous",
            "replaced",
            "revoked",
            "another tenant",
            "no tenant",
        ] {
            assert!(!t.contains(word), "{word:?} in the 401 body: {r}");
        }
    }

    let note = |r: &Resp| {
        let rec = wait_for_log(&env, r.request_id());
        assert_eq!(rec["status"], 401);
        (
            str_key(&rec, "token_note").to_owned(),
            opt_str_key(&rec, "token_fingerprint").map(str::to_owned),
        )
    };
    let (n, f) = note(&old);
    assert!(n.contains("previous token, replaced at "), "{n}");
    let when = &n[n.find("replaced at ").unwrap() + "replaced at ".len()..];
    time::OffsetDateTime::parse(when.trim(), &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|e| panic!("{when:?}: {e}"));
    assert_eq!(f, Some(fp(&t1)));
    let (n, f) = note(&other);
    assert!(n.contains("another tenant"), "{n}");
    assert_eq!(f, Some(fp(&tb)));
    let (n, f) = note(&revoked);
    assert!(n.contains("revoked"), "{n}");
    assert_eq!(f, Some(fp(&t2)));
    // An unknown tenant id is counted, not logged (anyone can invent
    // ids): the record after it is there, it is not.
    assert!(
        log_lines(&env, &["--request", unknown.request_id()]).is_empty(),
        "a request for an unknown tenant was logged"
    );
    // The table form says it too.
    let table = env.ok(&["log", "--request", old.request_id()]);
    assert!(table.contains("previous token, replaced at"), "{table}");
}

async fn refused_bodies_are_logged_without_their_secrets(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    // A refused create with a password: the body is kept, the password not.
    let r = c
        .post(
            "/Users",
            &json!({
                "userName": "not-an-email",
                "password": "Hunter2-CreatePassword",
                "name": {"givenName": "N", "familyName": "E"},
                "urn:example:ext": {"apiToken": "tok-XYZZY-123", "clientSecret": "sec-PLUGH-456"}
            }),
        )
        .await;
    r.error(400, Some("invalidValue"), "invalid_value");
    let rec = wait_for_log(&env, r.request_id());
    let body = str_key(&rec, "request_body");
    assert!(body.contains("not-an-email"), "{body}");
    assert!(body.contains("(redacted)"), "{body}");
    for s in ["Hunter2-CreatePassword", "tok-XYZZY-123", "sec-PLUGH-456"] {
        assert!(!body.contains(s), "{s} in the log: {body}");
    }

    // A refused PATCH that sets a password by path, or path-less.
    let uid = c.create_user("u@acme.example").await;
    let r = c
        .patch(
            &format!("/Users/{uid}"),
            &patch_op(json!([
                {"op": "replace", "path": "password", "value": "PatchPath-Secret-1"},
                {"op": "replace", "value": {"password": "PatchObj-Secret-2"}},
                {"op": "replace", "path": "userName", "value": "other@acme.example"}
            ])),
        )
        .await;
    r.error(400, Some("mutability"), "mutability");
    let rec = wait_for_log(&env, r.request_id());
    let body = str_key(&rec, "request_body");
    assert!(body.contains("other@acme.example"), "{body}");
    for s in ["PatchPath-Secret-1", "PatchObj-Secret-2"] {
        assert!(!body.contains(s), "{s} in the log: {body}");
    }
    // Secrets of successful requests are not logged at all.
    let ok = c
        .post(
            "/Users",
            &json!({"userName": "v@acme.example", "password": "Accepted-Secret-3",
                    "name": {"givenName": "V", "familyName": "W"}}),
        )
        .await;
    ok.ok(201);
    let rec = wait_for_log(&env, ok.request_id());
    assert!(rec["request_body"].is_null(), "{rec:#}");
    assert!(
        array_key(&rec, "ignored_attributes").contains(&json!("password")),
        "{rec:#}"
    );
    srv.stop();
    let all = env.ok(&["log", "--output", "json", "--limit", "1000"]);
    for s in [
        "Hunter2-CreatePassword",
        "tok-XYZZY-123",
        "sec-PLUGH-456",
        "PatchPath-Secret-1",
        "PatchObj-Secret-2",
        "Accepted-Secret-3",
    ] {
        assert!(!all.contains(s), "{s} in the log");
        for (what, b) in env.store_contents() {
            assert!(!contains(&b, s.as_bytes()), "{s} in {what}");
        }
    }
}

/// The token itself, its 32 decoded bytes, and those in hex (as
/// PostgreSQL shows a `bytea`).
fn token_forms(t: &str) -> Vec<Vec<u8>> {
    let body = t.strip_prefix("scim_").unwrap_or(t);
    let mut v = vec![t.as_bytes().to_vec(), body.as_bytes().to_vec()];
    if let Ok(raw) = URL_SAFE_NO_PAD.decode(body) {
        let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        v.push(raw);
        v.push(hex.into_bytes());
    }
    v
}

async fn no_token_bytes_in_the_store_the_log_or_stderr(env: TestEnv) {
    let t1 = scim_tenant(&env, "Acme Hotels", "acme", "product");
    // The most verbose server there is.
    let srv = Server::start_with(&env, &["-vvv"], &[]);
    let c = srv.client("acme", &t1);
    c.create_user("a@acme.example").await;
    c.get("/Users").await.ok(200);
    let t2 = env
        .ok(&["--tenant", "acme", "--quiet", "token", "regenerate"])
        .trim_end()
        .to_owned();
    c.get("/Users").await.error(401, None, "invalid_token");
    let wrong = "scim_AAAAthisIsNotATokenButLooksLikeOne0123456789";
    c.with_token(Some(wrong))
        .get("/Users")
        .await
        .error(401, None, "invalid_token");
    // A token in a body (a confused client) is refused and redacted.
    c.with_token(Some(&t2))
        .post("/Users", &json!({"userName": "bad", "token": t2}))
        .await
        .error(400, Some("invalidValue"), "invalid_value");
    let c2 = c.with_token(Some(&t2));
    c2.get("/Users").await.ok(200);
    let tokens = [t1.as_str(), t2.as_str(), wrong];

    let check_store = |when: &str| {
        for (what, b) in env.store_contents() {
            for t in tokens {
                for form in token_forms(t) {
                    assert!(!contains(&b, &form), "token bytes in {what} ({when})");
                }
            }
        }
    };
    // While the server runs (the WAL holds the newest pages) ...
    wait_for_log(&env, &c2.journal().last().unwrap().request_id);
    check_store("running");
    let stderr = srv.stop();
    // ... and after it stopped.
    check_store("stopped");
    assert!(
        stderr.contains("request_id="),
        "the access log is on: {stderr}"
    );
    let json_log = env.ok(&["log", "--output", "json", "--limit", "1000"]);
    let table_log = env.ok(&["log", "--limit", "1000"]);
    assert_eq!(json_log.lines().count(), 6, "{json_log}");
    for t in tokens {
        for (what, text) in [
            ("stderr", &stderr),
            ("log --output json", &json_log),
            ("log", &table_log),
        ] {
            assert!(!text.contains(t), "a token in {what}:\n{text}");
            let body = &t["scim_".len()..];
            assert!(!text.contains(body), "a token body in {what}:\n{text}");
        }
    }
    assert!(json_log.contains("(redacted)"), "{json_log}");
}

async fn follow_sees_records_written_by_the_server_process(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let first = c.get("/Users").await;
    first.ok(200);
    wait_for_log(&env, first.request_id());

    let mut follower = env
        .std_cmd(["log", "--follow", "--output", "json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn scimctl log --follow");
    let out = follower.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let wait_line = |id: &str| -> Value {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = rx
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("--follow never printed {id}"));
            let v = parse_json(&line);
            if v["request_id"] == json!(id) {
                return v;
            }
        }
    };
    // The existing record first (newest last), then new ones as they come.
    wait_line(first.request_id());
    let r = c
        .post("/Users", &entra_user("follow@acme.example", "F", "O", None))
        .await;
    r.ok(201);
    let v = wait_line(r.request_id());
    assert_eq!(v["status"], 201);
    assert_eq!(v["user_email"], "follow@acme.example");
    let e = c.get(&format!("/Users/{}", guid())).await;
    e.error(404, None, "not_found");
    assert_eq!(wait_line(e.request_id())["status"], 404);

    follower.kill().expect("stop the follower");
    follower.wait().unwrap();
    reader.join().unwrap();
    // Ctrl-C stops the server gracefully too.
    let stderr = srv.stop_with("-INT");
    assert!(stderr.contains("shutting down"), "{stderr}");
}

async fn log_filters_select_the_right_records(env: TestEnv) {
    let ta = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let tb = scim_tenant(&env, "Beta Inns", "beta", "product");
    let srv = Server::start(&env);
    let a = srv.client("acme", &ta);
    let b = srv.client("beta", &tb);

    let r1 = a
        .post("/Users", &entra_user("alpha@acme.example", "A", "L", None))
        .await;
    let alpha = id_of(&r1.ok(201));
    let r2 = a
        .patch(
            &format!("/Users/{alpha}"),
            &patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}])),
        )
        .await;
    r2.ok(200);
    let r3 = a
        .post("/Users", &entra_user("bravo@acme.example", "B", "R", None))
        .await;
    r3.ok(201);
    let r4 = a
        .post("/Users", &entra_user("Alpha@acme.example", "A", "L", None))
        .await;
    r4.error(409, Some("uniqueness"), "uniqueness");
    let r5 = a.get(&format!("/Users/{}", guid())).await;
    r5.error(404, None, "not_found");
    let r6 = b.get("/Users").await;
    r6.ok(200);
    let r7 = b.get("/Users?filter=nope").await;
    r7.error(400, Some("invalidFilter"), "invalid_filter");
    srv.stop();

    let ids = |v: &[Value]| -> Vec<String> {
        v.iter()
            .map(|r| str_key(r, "request_id").to_owned())
            .collect()
    };
    let rid = |r: &Resp| r.request_id().to_owned();
    let everything = [&r1, &r2, &r3, &r4, &r5, &r6, &r7].map(rid).to_vec();
    assert_eq!(ids(&log_lines(&env, &[])), everything);

    assert_eq!(
        ids(&log_lines(&env, &["--errors"])),
        [&r4, &r5, &r7].map(rid).to_vec()
    );
    for who in ["alpha@acme.example", "ALPHA@Acme.Example"] {
        assert_eq!(
            ids(&log_lines(&env, &["--user", who])),
            [&r1, &r2, &r4].map(rid).to_vec(),
            "--user {who}"
        );
    }
    assert_eq!(ids(&log_lines(&env, &["--request", &rid(&r3)])), [rid(&r3)]);
    assert!(log_lines(&env, &["--request", "r-0000000000000000"]).is_empty());
    assert_eq!(
        ids(&log_lines(&env, &["--limit", "2"])),
        [&r6, &r7].map(rid).to_vec(),
        "the newest, newest last"
    );
    assert_eq!(
        ids(&log_lines(&env, &["--tenant", "beta"])),
        [&r6, &r7].map(rid).to_vec()
    );
    assert_eq!(
        ids(&log_lines(&env, &["--tenant", "acme", "--errors"])),
        [&r4, &r5].map(rid).to_vec()
    );
    assert_eq!(
        ids(&log_lines(
            &env,
            &["--tenant", "acme", "--errors", "--limit", "1"]
        )),
        [rid(&r5)]
    );

    // Age the first three records by three hours.
    let aged = format!("'{}', '{}', '{}'", rid(&r1), rid(&r2), rid(&r3));
    let n = if env.pg().is_some() {
        // PostgreSQL: the log is in the store's database, its times timestamptz.
        env.exec(&format!(
            "UPDATE provisioning_log SET at = at - interval '3 hours' WHERE request_id IN ({aged})"
        ))
    } else {
        // SQLite: the log is a database file of its own beside the store,
        // its times milliseconds.
        let log_db =
            rusqlite::Connection::open(scimctl::engine::store::sqlite::log_path(&env.store()))
                .expect("open the log file");
        log_db
            .execute(
                &format!(
                    "UPDATE provisioning_log SET at = at - 10800000 WHERE request_id IN ({aged})"
                ),
                [],
            )
            .unwrap() as u64
    };
    assert_eq!(n, 3);
    assert_eq!(
        ids(&log_lines(&env, &["--since", "1h"])),
        [&r4, &r5, &r6, &r7].map(rid).to_vec()
    );
    assert_eq!(ids(&log_lines(&env, &["--since", "4h"])), everything);
    assert_eq!(
        ids(&log_lines(
            &env,
            &["--since", "2h", "--user", "alpha@acme.example"]
        )),
        [rid(&r4)]
    );
    // A bad duration is a usage error.
    let out = env.cmd(["log", "--since", "soon"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("duration"),
        "{err}"
    );
}
