//! Provisioning events (issue 15, item 3) through a real `scimctl serve`:
//! an Entra-shaped provisioning session is told, change by change, by
//! `scimctl events`, by `GET /admin/v1/tenants/{t}/events` and by its follow
//! stream alike; administrators' changes are events too; a follower's
//! cursor never skips an event while two processes write at once; bad
//! filters are refused with the list of types.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

both_stores!(
    async
    an_entra_session_is_told_alike_by_the_cli_the_api_and_the_stream,
    a_follower_never_skips_an_event_while_two_processes_write,
    event_queries_are_scoped_bounded_and_checked,
);
both_modes!(administrators_changes_are_events_too);

/// `scimctl [--tenant T] events --after 0 --limit 1000 --output json`, one
/// event a line.
fn cli_events(env: &TestEnv, tenant: Option<&str>, extra: &[&str]) -> Vec<Value> {
    let mut args = Vec::new();
    if let Some(t) = tenant {
        args.extend(["--tenant", t]);
    }
    args.extend(["events", "--output", "json"]);
    if !extra.contains(&"--after") {
        args.extend(["--after", "0"]);
    }
    if !extra.contains(&"--limit") {
        args.extend(["--limit", "1000"]);
    }
    args.extend_from_slice(extra);
    env.ok(&args).lines().map(parse_json).collect()
}

fn types(events: &[Value]) -> Vec<&str> {
    events.iter().map(|e| str_key(e, "type")).collect()
}

fn seqs(events: &[Value]) -> Vec<i64> {
    events
        .iter()
        .map(|e| e["seq"].as_i64().expect("seq"))
        .collect()
}

fn admin_key(env: &TestEnv, name: &str, extra: &[&str]) -> String {
    let mut args = vec!["admin-key", "create", name];
    args.extend_from_slice(extra);
    let out = env.ok(&args);
    out.trim_end().to_owned()
}

async fn api_get(srv: &Server, key: &str, path: &str) -> (u16, Value) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let res = http
        .get(format!("{}/admin/v1{path}", srv.origin()))
        .bearer_auth(key)
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// The next JSON line of a stream that `want` accepts (10 s at most).
async fn next_line(res: &mut reqwest::Response, pending: &mut String) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        while let Some(i) = pending.find('\n') {
            let line: String = pending.drain(..=i).collect();
            if !line.trim().is_empty() {
                return parse_json(&line);
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        let chunk = tokio::time::timeout(left, res.chunk())
            .await
            .expect("the event arrives within 10 s")
            .expect("the stream stays open")
            .expect("the stream has not ended");
        pending.push_str(std::str::from_utf8(&chunk).unwrap());
    }
}

async fn an_entra_session_is_told_alike_by_the_cli_the_api_and_the_stream(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    add_member(&env, "acme", "pre@acme.example", false);
    env.ok(&["--tenant", "acme", "properties", "add", "Lobby"]);
    let key = admin_key(&env, "ops", &[]);
    let before = cli_events(&env, Some("acme"), &[]);
    assert_eq!(
        types(&before),
        [
            "tenant.created",
            "scim.enabled",
            "token.generated",
            "user.created"
        ]
    );
    for e in &before {
        assert_eq!(e["actor"]["kind"], "admin", "{e}");
        assert_eq!(e["tenant_id"], "acme");
    }
    let cursor = *seqs(&before).last().unwrap();

    let srv = Server::start(&env);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let mut stream = http
        .get(format!(
            "{}/admin/v1/tenants/acme/events?follow=true&after={cursor}",
            srv.origin()
        ))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert_eq!(
        stream.headers()["content-type"].to_str().unwrap(),
        "application/x-ndjson"
    );

    // An Entra-shaped session: create, update, disable, enable, a group
    // with a property, member add and remove, take-over, deletes.
    let c = srv.client("acme", &token);
    let mut expect: Vec<(&str, String)> = Vec::new();
    let created = c
        .post(
            "/Users",
            &entra_user("jane@acme.example", "Jane", "Doe", Some("jane-ext")),
        )
        .await;
    let uid = id_of(&created.ok(201));
    expect.push(("user.created", created.request_id().to_owned()));
    let renamed = c
        .patch(
            &format!("/Users/{uid}"),
            &patch_op(json!([{"op": "Replace", "path": "name.givenName", "value": "Janet"}])),
        )
        .await;
    renamed.ok(200);
    expect.push(("user.updated", renamed.request_id().to_owned()));
    let disabled = c
        .patch(
            &format!("/Users/{uid}"),
            &patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}])),
        )
        .await;
    disabled.ok(200);
    expect.push(("user.deactivated", disabled.request_id().to_owned()));
    let enabled = c
        .patch(
            &format!("/Users/{uid}"),
            &patch_op(json!([{"op": "Replace", "path": "active", "value": "True"}])),
        )
        .await;
    enabled.ok(200);
    expect.push(("user.reactivated", enabled.request_id().to_owned()));
    let unchanged = c
        .patch(
            &format!("/Users/{uid}"),
            &patch_op(json!([{"op": "Replace", "path": "active", "value": true}])),
        )
        .await;
    unchanged.ok(200);
    let gid = {
        let r = c
            .post(
                "/Groups",
                &json!({"schemas": [GROUP_URN], "displayName": "Front Desk"}),
            )
            .await;
        expect.push(("group.created", r.request_id().to_owned()));
        id_of(&r.ok(201))
    };
    env.ok(&[
        "--tenant",
        "acme",
        "groups",
        "assign",
        "Front Desk",
        "--property",
        "Lobby",
    ]);
    expect.push(("group.assigned", String::new()));
    let added = c
        .patch(
            &format!("/Groups/{gid}"),
            &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": uid}]}])),
        )
        .await;
    added.no_content();
    expect.push(("group.member_added", added.request_id().to_owned()));
    expect.push(("invitation.queued", added.request_id().to_owned()));
    let removed = c
        .patch(
            &format!("/Groups/{gid}"),
            &patch_op(json!([{"op": "Remove", "path": "members", "value": [{"value": uid}]}])),
        )
        .await;
    removed.no_content();
    expect.push(("group.member_removed", removed.request_id().to_owned()));
    let regrouped = c
        .patch(
            &format!("/Groups/{gid}"),
            &patch_op(json!([{"op": "Replace", "path": "displayName", "value": "Reception"}])),
        )
        .await;
    regrouped.no_content();
    expect.push(("group.updated", regrouped.request_id().to_owned()));
    let pre = c.find_users("userName eq \"pre@acme.example\"").await;
    let taken = c
        .patch(
            &format!("/Users/{}", pre[0]),
            &patch_op(json!([{"op": "Add", "path": "externalId", "value": "pre-ext"}])),
        )
        .await;
    taken.ok(200);
    expect.push(("user.transferred", taken.request_id().to_owned()));
    expect.push(("user.updated", taken.request_id().to_owned()));
    let deleted = c.delete(&format!("/Users/{uid}")).await;
    assert_eq!(deleted.status, 204);
    expect.push(("user.unlinked", deleted.request_id().to_owned()));
    let gone = c.delete(&format!("/Groups/{gid}")).await;
    assert_eq!(gone.status, 204);
    expect.push(("group.deleted", gone.request_id().to_owned()));

    let after: Vec<Value> = cli_events(&env, Some("acme"), &["--after", &cursor.to_string()]);
    assert_eq!(
        types(&after),
        expect.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
        "{after:#?}"
    );
    let numbers = seqs(&after);
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    for (e, (_, request)) in after.iter().zip(&expect) {
        match request.as_str() {
            "" => assert_eq!(e["actor"]["kind"], "admin", "{e}"),
            id => assert_eq!(e["actor"], json!({"kind": "idp", "request_id": id}), "{e}"),
        }
        assert_has_keys(
            e,
            &["seq", "id", "type", "tenant_id", "at", "actor", "data"],
        );
    }
    // The payloads say what changed, and about whom.
    assert_eq!(after[0]["data"]["user"]["userName"], "jane@acme.example");
    assert_eq!(after[0]["data"]["user"]["externalId"], "jane-ext");
    assert_eq!(after[1]["data"]["changed"], json!(["name.givenName"]));
    assert_eq!(after[1]["data"]["user"]["name"]["givenName"], "Janet");
    assert_eq!(after[2]["data"]["user"]["active"], false);
    assert_eq!(after[3]["data"]["user"]["active"], true);
    assert_eq!(after[5]["data"]["assignment"]["kind"], "property");
    assert_eq!(after[6]["data"]["user"]["id"], json!(uid));
    assert_eq!(after[6]["data"]["user"]["userName"], "jane@acme.example");
    assert_eq!(after[8]["data"]["user"]["userName"], "jane@acme.example");
    assert_eq!(after[6]["data"]["group"]["displayName"], "Front Desk");
    assert_eq!(after[7]["data"]["invitation"]["email"], "jane@acme.example");
    assert_eq!(after[9]["data"]["changed"], json!(["displayName"]));
    assert_eq!(after[9]["data"]["group"]["displayName"], "Reception");
    assert_eq!(after[10]["data"]["from"], "tenant");
    assert_eq!(after[10]["data"]["to"], "idp");
    assert_eq!(after[11]["data"]["changed"], json!(["externalId"]));
    assert_eq!(after[12]["data"]["account_deleted"], true);

    // The API answers the same events, and the stream carried them all.
    let (status, api) = api_get(
        &srv,
        &key,
        &format!("/tenants/acme/events?after={cursor}&limit=1000"),
    )
    .await;
    assert_eq!(status, 200, "{api}");
    assert_eq!(api.as_array().unwrap(), &after);
    let mut pending = String::new();
    let mut streamed = Vec::new();
    while streamed.len() < after.len() {
        streamed.push(next_line(&mut stream, &mut pending).await);
    }
    assert_eq!(streamed, after, "the stream carries the same events");
    // A type filter, through both.
    let (_, only) = api_get(
        &srv,
        &key,
        "/tenants/acme/events?after=0&type=user.created,group.deleted",
    )
    .await;
    assert_eq!(
        types(only.as_array().unwrap()),
        ["user.created", "user.created", "group.deleted"]
    );
    let cli_only = cli_events(
        &env,
        Some("acme"),
        &["--type", "user.created", "--type", "group.deleted"],
    );
    assert_eq!(&cli_only, only.as_array().unwrap());
    srv.stop();
}

/// SCIM writes through `serve` and administrator writes from the CLI, two
/// processes committing at once, while `scimctl events --follow` follows:
/// it prints every event, once, in order.
async fn a_follower_never_skips_an_event_while_two_processes_write(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "standard");
    let srv = Server::start(&env);
    let mut follower = env
        .std_cmd([
            "--tenant", "acme", "events", "--follow", "--output", "json", "--limit", "0",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn scimctl events --follow");
    let out = follower.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<Value>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(parse_json(&line)).is_err() {
                break;
            }
        }
    });
    // The follower has started once the first event it prints is there.
    let first = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the existing events");
    assert_eq!(first["type"], "tenant.created");

    let admin = {
        let env_root = env.root().to_path_buf();
        let _ = env_root;
        let cmds: Vec<Vec<String>> = (0..6)
            .map(|i| {
                vec![
                    "--tenant".into(),
                    "acme".into(),
                    "users".into(),
                    "add".into(),
                    format!("admin{i}@acme.example"),
                    "--given-name".into(),
                    "A".into(),
                    "--family-name".into(),
                    "B".into(),
                ]
            })
            .collect();
        cmds
    };
    let c = srv.client("acme", &token);
    let scim = async {
        let mut tasks = Vec::new();
        for i in 0..24 {
            let c = c.clone();
            tasks.push(tokio::spawn(async move {
                let r = c
                    .post(
                        "/Users",
                        &entra_user(&format!("u{i}@acme.example"), "U", "S", None),
                    )
                    .await;
                r.ok(201);
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
    };
    let cli = tokio::task::spawn_blocking({
        let cmds = admin;
        let env_cmds: Vec<std::process::Command> = cmds
            .iter()
            .map(|a| env.std_cmd(a.iter().map(String::as_str)))
            .collect();
        move || {
            for mut c in env_cmds {
                let out = c.output().unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    });
    scim.await;
    cli.await.unwrap();

    let all = cli_events(&env, Some("acme"), &[]);
    assert_eq!(all.len(), 3 + 24 + 6, "{:?}", types(&all));
    let mut followed = vec![first];
    let deadline = Instant::now() + Duration::from_secs(15);
    while followed.len() < all.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(v) => followed.push(v),
            Err(_) => break,
        }
    }
    follower.kill().unwrap();
    follower.wait().unwrap();
    reader.join().unwrap();
    assert_eq!(seqs(&followed), seqs(&all), "every event once, in order");
    assert_eq!(followed, all);
    srv.stop();
}

async fn event_queries_are_scoped_bounded_and_checked(env: TestEnv) {
    scim_tenant(&env, "Acme Hotels", "acme", "product");
    scim_tenant(&env, "Beta Inns", "beta", "product");
    let ops = admin_key(&env, "ops", &[]);
    let scoped = admin_key(&env, "beta-app", &["--tenant", "beta"]);
    let srv = Server::start(&env);
    // A scoped key sees its tenant only; another tenant is "not found".
    let (status, own) = api_get(&srv, &scoped, "/tenants/beta/events?after=0").await;
    assert_eq!(status, 200, "{own}");
    assert!(
        own.as_array()
            .unwrap()
            .iter()
            .all(|e| e["tenant_id"] == "beta")
    );
    assert_eq!(own.as_array().unwrap().len(), 3);
    let (status, other) = api_get(&srv, &scoped, "/tenants/acme/events").await;
    assert_eq!(status, 404, "{other}");
    let (status, all) = api_get(&srv, &scoped, "/events").await;
    assert_eq!(status, 403, "{all}");
    // An operator reads every tenant's.
    let (status, all) = api_get(&srv, &ops, "/events?after=0").await;
    assert_eq!(status, 200);
    let tenants: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| str_key(e, "tenant_id"))
        .collect();
    assert_eq!(tenants, ["acme", "acme", "acme", "beta", "beta", "beta"]);
    // The newest, or a page after a cursor.
    let (_, newest) = api_get(&srv, &ops, "/events?limit=2").await;
    assert_eq!(
        seqs(newest.as_array().unwrap()),
        seqs(&all.as_array().unwrap()[4..])
    );
    let second = all[1]["seq"].as_i64().unwrap();
    let (_, page) = api_get(&srv, &ops, &format!("/events?after={second}&limit=2")).await;
    assert_eq!(
        seqs(page.as_array().unwrap()),
        seqs(&all.as_array().unwrap()[2..4])
    );
    // Bad input: the unknown type is named with the known ones; a
    // negative cursor and an unknown parameter are refused.
    let (status, bad) = api_get(&srv, &ops, "/events?type=user.exploded").await;
    assert_eq!(status, 400, "{bad}");
    let msg = bad["error"].as_str().unwrap();
    assert!(
        msg.contains("user.exploded") && msg.contains("group.member_added"),
        "{msg}"
    );
    let (status, bad) = api_get(&srv, &ops, "/events?after=-4").await;
    assert_eq!(status, 400, "{bad}");
    let (status, bad) = api_get(&srv, &ops, "/events?colour=red").await;
    assert_eq!(status, 400, "{bad}");
    let out = env
        .cmd(["events", "--type", "user.exploded"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("user.exploded") && err.contains("user.created"),
        "{err}"
    );
    srv.stop();
}

/// Every administrator change to a tenant is an event, locally and through
/// a remote server, with the administrator as its actor.
fn administrators_changes_are_events_too(env: TestEnv) {
    env.tenant("Acme Hotels", "acme");
    env.tenant("Beta Inns", "beta");
    let t = |args: &[&str]| {
        let mut all = vec!["--tenant", "acme"];
        all.extend_from_slice(args);
        env.ok(&all);
    };
    t(&["scim", "enable"]);
    t(&["token", "generate"]);
    t(&["token", "regenerate", "--grace", "1h"]);
    t(&["token", "revoke", "--previous"]);
    t(&["token", "revoke"]);
    t(&["scim", "disable"]);
    t(&["scim", "policy", "set", "standard"]);
    t(&["scim", "policy", "set", "product"]);
    add_member(&env, "acme", "shared@example.com", false);
    add_member(&env, "beta", "shared@example.com", false);
    t(&["groups", "create", "Staff"]);
    t(&["properties", "add", "Lobby"]);
    t(&[
        "groups",
        "assign",
        "Staff",
        "--property",
        "Lobby",
        "--role",
        "clerk",
    ]);
    let acme = cli_events(&env, Some("acme"), &[]);
    assert_eq!(
        types(&acme),
        [
            "tenant.created",
            "scim.enabled",
            "token.generated",
            "token.regenerated",
            "token.revoked",
            "token.revoked",
            "scim.disabled",
            "tenant.updated",
            "tenant.updated",
            "user.created",
            "user.transferred",
            "group.created",
            "group.assigned",
            "group.assigned",
        ]
    );
    let actor = env.actor();
    for e in &acme {
        assert_eq!(e["actor"], json!({"kind": "admin", "name": actor}), "{e}");
    }
    assert_eq!(
        acme[3]["data"]["replaced"],
        acme[2]["data"]["token"]["fingerprint"]
    );
    assert!(acme[3]["data"]["previous_valid_until"].is_string());
    assert_eq!(acme[4]["data"]["previous"], true);
    assert_eq!(acme[5]["data"]["previous"], false);
    assert_eq!(acme[7]["data"]["tenant"]["policy"], "standard");
    assert_eq!(acme[10]["data"]["user"]["userName"], "shared@example.com");
    assert_eq!(acme[10]["data"]["from"], "tenant");
    assert_eq!(acme[10]["data"]["to"], "self");
    // The other tenant's events are its own.
    let beta = cli_events(&env, Some("beta"), &[]);
    assert_eq!(types(&beta), ["tenant.created", "user.created"]);
    assert_eq!(beta[1]["data"]["user"]["managedBy"], "self");
    // A deleted tenant's last event stays for its consumers.
    env.ok(&["tenant", "delete", "beta", "--yes"]);
    let all = cli_events(&env, None, &["--type", "tenant.deleted"]);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["tenant_id"], "beta");
    assert_eq!(all[0]["data"]["tenant"]["name"], "Beta Inns");
    // Human lines name the type and the subject.
    let human = env.ok(&["--tenant", "acme", "events", "--type", "user.transferred"]);
    assert!(human.contains("user.transferred"), "{human}");
    assert!(human.contains("user=shared@example.com"), "{human}");
    assert!(human.contains("tenant→self"), "{human}");
}
