//! `directory move` (issue 18, items 1, 2 and 4) through a real `scimctl
//! serve` and a real HTTP client: a customer's 500 IdP-managed users are
//! linked to its old tenant, so the new tenant's IdP gets 409 for each;
//! support staff see why (`diagnose`), plan the move (`--dry-run`, with the
//! conflicts), run it (through the admin API with an operator key), and
//! the new IdP's filter-then-PATCH then matches every user while the old
//! IdP gets 404. Run twice, it changes nothing; killed halfway, it resumes.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

both_stores!(
    async
    a_moved_directory_is_taken_over_by_the_new_idp,
    an_interrupted_move_resumes_and_a_second_changes_nothing,
);

const USERS: usize = 500;

fn email(i: usize) -> String {
    format!("staff{i:03}@acme.example")
}

/// POSTs `n` users through `c`, eight at a time; returns each answer.
async fn post_all(c: &Scim, n: usize) -> Vec<Resp> {
    let mut out = Vec::new();
    for chunk in (0..n).collect::<Vec<_>>().chunks(8) {
        let tasks: Vec<_> = chunk
            .iter()
            .map(|&i| {
                let c = c.clone();
                tokio::spawn(async move {
                    c.post(
                        "/Users",
                        &entra_user(
                            &email(i),
                            "Staff",
                            &format!("N{i}"),
                            Some(&format!("ext{i}")),
                        ),
                    )
                    .await
                })
            })
            .collect();
        for t in tasks {
            out.push(t.await.unwrap());
        }
    }
    out
}

fn members_of(env: &TestEnv, tenant: &str) -> i64 {
    env.query(&format!(
        "SELECT COUNT(*) FROM memberships WHERE tenant_id = '{tenant}'"
    ))[0][0]
        .as_deref()
        .and_then(|n| n.parse().ok())
        .unwrap()
}

async fn api_post(srv: &Server, key: &str, path: &str, body: Value) -> (u16, Value) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let res = http
        .post(format!("{}/admin/v1{path}", srv.origin()))
        .bearer_auth(key)
        .json(&body)
        .timeout(Duration::from_secs(120))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

fn conflict<'a>(report: &'a Value, kind: &str) -> &'a Value {
    array_key(report, "conflicts")
        .iter()
        .find(|c| c["conflict"] == kind)
        .unwrap_or_else(|| panic!("no {kind} conflict in {report}"))
}

async fn a_moved_directory_is_taken_over_by_the_new_idp(env: TestEnv) {
    let old_token = scim_tenant(&env, "Acme (old plan)", "acme-old", "product");
    let new_token = scim_tenant(&env, "Acme", "acme-new", "product");
    env.tenant("Elsewhere", "elsewhere");
    let ops = env
        .ok(&["admin-key", "create", "support"])
        .trim_end()
        .to_owned();
    let scoped = env
        .ok(&["admin-key", "create", "acme-app", "--tenant", "acme-new"])
        .trim_end()
        .to_owned();
    // Members the old IdP does not manage: they stay.
    add_member(&env, "acme-old", "owner@acme.example", false);
    add_member(&env, "acme-old", "central@acme.example", true);
    add_member(&env, "acme-old", "shared@acme.example", false);
    add_member(&env, "elsewhere", "shared@acme.example", false);
    let srv = Server::start(&env);
    let old = srv.client("acme-old", &old_token);
    let new = srv.client("acme-new", &new_token);
    let created = post_all(&old, USERS).await;
    let ids: Vec<String> = created.iter().map(|r| id_of(&r.ok(201))).collect();
    let gid = old.create_group("Front Desk").await;
    old.patch(
        &format!("/Groups/{gid}"),
        &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": ids[0]}, {"value": ids[1]}]}])),
    )
    .await
    .no_content();

    // Before: the new IdP's creates are refused, cycle after cycle.
    let refused = post_all(&new, USERS).await;
    for r in &refused {
        r.error(409, Some("uniqueness"), "uniqueness");
    }
    // Support staff see which case it is, without the other tenant's name.
    let d = env.json(&["--tenant", "acme-new", "diagnose", "user", &email(7)]);
    let f = &array_key(&d, "findings")[0];
    assert_eq!(f["code"], "owned_elsewhere", "{d}");
    assert!(
        str_key(f, "verdict").contains("whose identity provider provisions it"),
        "{f}"
    );
    assert!(
        str_key(f, "fix").contains("scimctl directory move --from OLD --to THIS"),
        "{f}"
    );
    assert!(
        !d.to_string().contains("acme-old"),
        "the other tenant is not named: {d}"
    );
    wait_for_log(&env, refused[USERS - 1].request_id());
    let dr = env.json(&["diagnose", "request", refused[3].request_id()]);
    let f = &array_key(&dr, "findings")[0];
    assert_eq!(f["code"], "owned_elsewhere", "{dr}");
    assert!(str_key(f, "fix").contains("directory move"), "{f}");

    // The plan: every IdP user moves; the others stay, each said why.
    // `serve` writes on its own (log records still queued, the tokens' use
    // every 5 s), so it stops while the store must hold still.
    srv.stop();
    let before = env.store_contents();
    let plan = env.json(&[
        "directory",
        "move",
        "--from",
        "acme-old",
        "--to",
        "acme-new",
        "--dry-run",
    ]);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(u64_key(&plan, "moved"), USERS as u64, "{plan}");
    assert_eq!(u64_key(&plan, "examined"), USERS as u64 + 3);
    assert_eq!(
        conflict(&plan, "tenant_managed")["sample"],
        json!(["owner@acme.example"])
    );
    assert_eq!(conflict(&plan, "central")["count"], 1);
    assert_eq!(
        conflict(&plan, "self_managed")["sample"],
        json!(["shared@acme.example"])
    );
    assert!(str_key(conflict(&plan, "central"), "action").contains("stays"));
    assert_eq!(env.store_contents(), before, "a dry run changes nothing");
    let srv = Server::start(&env);
    let old = srv.client("acme-old", &old_token);
    let new = srv.client("acme-new", &new_token);

    // Operators only, through the admin API.
    let (status, body) = api_post(
        &srv,
        &scoped,
        "/directory/move",
        json!({"from": "acme-old", "to": "acme-new"}),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    let (status, done) = api_post(
        &srv,
        &ops,
        "/directory/move",
        json!({"from": "acme-old", "to": "acme-new", "batch": 64}),
    )
    .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["moved"], USERS);
    assert_eq!(done["dry_run"], false);
    assert!(u64_key(&done, "batches") >= (USERS / 64) as u64);
    assert_eq!(members_of(&env, "acme-new"), USERS as i64);
    assert_eq!(members_of(&env, "acme-old"), 3);

    // The new IdP matches every user by userName (filter, then PATCH), and
    // finds the same ids, names and externalIds; the old one gets 404.
    for (i, id) in ids.iter().enumerate().step_by(25) {
        let found = new
            .find_users(&format!("userName eq \"{}\"", email(i)))
            .await;
        assert_eq!(found, std::slice::from_ref(id));
        let u = new.get(&format!("/Users/{id}")).await.ok(200);
        assert_eq!(u["externalId"], format!("ext{i}"));
        assert_eq!(u["name"]["familyName"], format!("N{i}"));
        assert_eq!(u["active"], true);
        new.patch(
            &format!("/Users/{id}"),
            &patch_op(json!([{"op": "Replace", "path": "externalId", "value": format!("new{i}")}])),
        )
        .await
        .ok(200);
        old.get(&format!("/Users/{id}"))
            .await
            .error(404, None, "not_found");
    }
    assert!(
        old.find_users(&format!("userName eq \"{}\"", email(3)))
            .await
            .is_empty()
    );
    // Group memberships stay with the tenant whose group it is.
    assert!(old.members(&gid).await.is_empty());
    // Events say it to both tenants' products; the audit trail too.
    let moved_in = env.ok(&[
        "--tenant",
        "acme-new",
        "events",
        "--type",
        "user.moved_in",
        "--limit",
        "1000",
        "--output",
        "json",
    ]);
    assert_eq!(moved_in.lines().count(), USERS);
    let moved_out = env.ok(&[
        "--tenant",
        "acme-old",
        "events",
        "--type",
        "user.moved_out",
        "--limit",
        "1000",
        "--output",
        "json",
    ]);
    assert_eq!(moved_out.lines().count(), USERS);

    // Run again: nothing moves, nothing changes.
    let again = env.json(&[
        "directory",
        "move",
        "--from",
        "acme-old",
        "--to",
        "acme-new",
    ]);
    assert_eq!(again["moved"], 0, "{again}");
    assert_eq!(members_of(&env, "acme-new"), USERS as i64);
    // Human output names what moved and what stayed.
    let human = env.ok(&[
        "directory",
        "move",
        "--from",
        "acme-old",
        "--to",
        "acme-new",
        "--dry-run",
    ]);
    assert!(human.contains("0 of 3 member(s)"), "{human}");
    assert!(human.contains("Central"), "{human}");
    srv.stop();
}

async fn an_interrupted_move_resumes_and_a_second_changes_nothing(env: TestEnv) {
    let old_token = scim_tenant(&env, "Old", "old", "standard");
    scim_tenant(&env, "New", "new", "standard");
    let srv = Server::start(&env);
    let old = srv.client("old", &old_token);
    let n = 300;
    for r in post_all(&old, n).await {
        r.ok(201);
    }
    srv.stop();
    // A move of one member per transaction, killed once it has begun.
    let mut child = env
        .std_cmd([
            "directory",
            "move",
            "--from",
            "old",
            "--to",
            "new",
            "--batch",
            "1",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let moved = members_of(&env, "new");
        if moved >= 5 {
            break;
        }
        assert!(Instant::now() < deadline, "the move never began");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (o, m) = (members_of(&env, "old"), members_of(&env, "new"));
    assert!(m > 0 && m < n as i64, "killed halfway: {m} moved");
    assert_eq!(o + m, n as i64, "every member is in exactly one tenant");
    // Each moved member moved whole: its account in the new namespace, its
    // email index with it.
    let stray = env.query(
        "SELECT COUNT(*) FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.namespace <> m.tenant_id",
    );
    assert_eq!(stray[0][0].as_deref(), Some("0"));
    let emails = env.query(
        "SELECT COUNT(*) FROM member_emails e JOIN memberships m ON m.id = e.membership_id WHERE e.tenant_id <> m.tenant_id",
    );
    assert_eq!(emails[0][0].as_deref(), Some("0"));
    // Run again: it finishes; a third time: nothing.
    let rest = env.json(&["directory", "move", "--from", "old", "--to", "new"]);
    assert_eq!(rest["moved"].as_i64(), Some(o), "{rest}");
    assert_eq!(members_of(&env, "new"), n as i64);
    let third = env.json(&["directory", "move", "--from", "old", "--to", "new"]);
    assert_eq!(third["moved"], 0);
    // A move between policies is refused with the way out.
    env.tenant("Prod", "prod");
    let msg = env.fail(&["directory", "move", "--from", "new", "--to", "prod"], 8);
    assert!(msg.contains("policy"), "{msg}");
}
