//! The deprovisioning guard (issue 18, item 3) through a real `scimctl
//! serve` and a real HTTP client: an Entra-shaped cycle that deactivates
//! 80 % of a tenant trips it at its threshold, the rest are held with 429
//! and `Retry-After` while every other write proceeds, `approve` lets the
//! retries through, `reject` keeps holding until `reset`; ordinary
//! offboarding below the threshold is never held.

use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

both_stores!(
    async
    an_idp_deactivating_most_users_is_held_at_the_threshold_until_approved,
    a_rejected_hold_keeps_holding_until_reset,
    ordinary_offboarding_is_never_held_and_the_guard_is_configurable,
);

fn deactivate() -> Value {
    patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}]))
}

async fn users(c: &Scim, n: usize) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        let r = c
            .post(
                "/Users",
                &entra_user(
                    &format!("user{i:02}@acme.example"),
                    "U",
                    &format!("N{i}"),
                    None,
                ),
            )
            .await;
        ids.push(id_of(&r.ok(201)));
    }
    ids
}

fn guard(env: &TestEnv) -> Value {
    env.json(&["--tenant", "acme", "scim", "guard", "show"])
}

fn assert_held(r: &Resp) {
    let msg = r.error(429, None, "deprovisioning_held");
    assert_eq!(r.header("retry-after"), Some("300"), "{msg}");
    assert!(msg.contains("Deprovisioning held"), "{msg}");
    assert!(msg.contains("scim guard approve"), "{msg}");
}

async fn an_idp_deactivating_most_users_is_held_at_the_threshold_until_approved(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let ids = users(&c, 50).await;
    // The default: 10 % of the IdP's 50 users, at least 10.
    let g = guard(&env);
    assert_eq!(g["limit"], 10, "{g}");
    assert_eq!(g["held"], false);

    // Entra's cycle after a wrong scoping filter: 40 of 50 deactivated.
    let mut held = Vec::new();
    for (i, id) in ids[..40].iter().enumerate() {
        let r = c.patch(&format!("/Users/{id}"), &deactivate()).await;
        if i < 10 {
            assert_eq!(r.ok(200)["active"], false);
        } else {
            assert_held(&r);
            // The write that trips it counts the tenant's users; the ones
            // refused while it holds name the threshold instead.
            let msg = r.error(429, None, "deprovisioning_held");
            let size = if i == 10 {
                "10 of this tenant's 50 users within 1h (the guard's threshold is 10)"
            } else {
                "of this tenant's users within 1h (the guard's threshold is 10% of the IdP's users, at least 10)"
            };
            assert!(msg.contains(size), "{msg}");
            held.push((id.clone(), r.request_id().to_owned()));
        }
    }
    assert_eq!(held.len(), 30);
    // Every other write proceeds: an update, a create, a group; a delete
    // of an active user is deprovisioning too, and is held.
    let r = c
        .patch(
            &format!("/Users/{}", ids[45]),
            &patch_op(json!([{"op": "Replace", "path": "name.givenName", "value": "Still"}])),
        )
        .await;
    r.ok(200);
    c.create_user("late@acme.example").await;
    c.create_group("Front Desk").await;
    let del = c.delete(&format!("/Users/{}", ids[46])).await;
    assert_held(&del);
    let last_held = del.request_id().to_owned();
    // An already deactivated user's deletion takes nobody's access: not held.
    let del = c.delete(&format!("/Users/{}", ids[0])).await;
    assert_eq!(del.status, 204);

    let g = guard(&env);
    assert_eq!(g["held"], true, "{g}");
    assert_eq!(g["counted"], 10);
    assert_eq!(g["held_requests"], 31);
    let d = env.json(&["--tenant", "acme", "diagnose", "tenant"]);
    let first = &array_key(&d, "findings")[0];
    assert_eq!(first["code"], "deprovisioning_held", "{d}");
    assert!(
        str_key(first, "fix").contains("scim guard approve"),
        "{first}"
    );
    assert_eq!(d["guard"]["held"], true);
    // The log names each refusal; the hold is one event.
    wait_for_log(&env, &last_held);
    let refused = log_lines(&env, &["--errors"]);
    assert_eq!(
        refused
            .iter()
            .filter(|r| r["reason"] == "deprovisioning_held")
            .count(),
        31
    );
    let evs = env.ok(&[
        "--tenant",
        "acme",
        "events",
        "--type",
        "scim.deprovisioning_held",
        "--output",
        "json",
    ]);
    assert_eq!(evs.lines().count(), 1, "{evs}");
    // Its actor is the IdP's first held request; the numbers are the hold's.
    let held_event = parse_json(evs.trim());
    assert_eq!(
        held_event["actor"],
        json!({"kind": "idp", "request_id": held[0].1})
    );
    assert_eq!(held_event["data"]["counted"], 10);

    // Approved: the IdP's retries go through, and the approved burst does
    // not trip the guard again.
    let g = env.json(&["--tenant", "acme", "scim", "guard", "approve"]);
    assert_eq!(g["held"], false);
    assert_eq!(g["decision"], "approved");
    assert!(g["approved_until"].is_string());
    for (id, _) in &held {
        let r = c.patch(&format!("/Users/{id}"), &deactivate()).await;
        assert_eq!(r.ok(200)["active"], false);
    }
    let del = c.delete(&format!("/Users/{}", ids[46])).await;
    assert_eq!(del.status, 204);
    let listed = c.find_users("active eq true").await;
    assert_eq!(listed.len(), 50 - 40 - 1 + 1, "{listed:?}");
    let approved = env.ok(&[
        "--tenant",
        "acme",
        "events",
        "--type",
        "scim.guard_approved",
        "--output",
        "json",
    ]);
    assert_eq!(approved.lines().count(), 1);
    // Nothing held: approve again is refused, naming the state.
    let msg = env.fail(&["--tenant", "acme", "scim", "guard", "approve"], 8);
    assert!(msg.contains("nothing is held"), "{msg}");
    srv.stop();
}

async fn a_rejected_hold_keeps_holding_until_reset(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "standard");
    let key = env
        .ok(&["admin-key", "create", "acme-app", "--tenant", "acme"])
        .trim_end()
        .to_owned();
    let other = env.ok(&["tenant", "create", "Beta", "--id", "beta"]);
    assert_eq!(other.trim_end(), "beta");
    let beta_key = env
        .ok(&["admin-key", "create", "beta-app", "--tenant", "beta"])
        .trim_end()
        .to_owned();
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let ids = users(&c, 30).await;
    for id in &ids[..10] {
        c.patch(&format!("/Users/{id}"), &deactivate())
            .await
            .ok(200);
    }
    let r = c.patch(&format!("/Users/{}", ids[10]), &deactivate()).await;
    assert_held(&r);

    // A key scoped to another tenant cannot decide; the tenant's own can.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let post = |key: &str, what: &str| {
        http.post(format!(
            "{}/admin/v1/tenants/acme/scim/guard/{what}",
            srv.origin()
        ))
        .bearer_auth(key.to_owned())
        .send()
    };
    assert_eq!(post(&beta_key, "reject").await.unwrap().status(), 404);
    let res = post(&key, "reject").await.unwrap();
    assert_eq!(res.status(), 200);
    let g: Value = res.json().await.unwrap();
    assert_eq!(g["decision"], "rejected");
    assert_eq!(g["held"], true);

    let r = c.patch(&format!("/Users/{}", ids[10]), &deactivate()).await;
    let msg = r.error(429, None, "deprovisioning_held");
    assert!(msg.contains("rejected"), "{msg}");
    assert!(msg.contains("scim guard reset"), "{msg}");
    let d = env.json(&["--tenant", "acme", "diagnose", "tenant"]);
    let first = &array_key(&d, "findings")[0];
    assert_eq!(first["code"], "deprovisioning_held");
    assert!(str_key(first, "fix").contains("guard reset"), "{first}");
    assert!(str_key(first, "verdict").contains("rejected"), "{first}");

    // The scope is fixed: reset re-arms, counting from now.
    let res = post(&key, "reset").await.unwrap();
    assert_eq!(res.status(), 200);
    let g = guard(&env);
    assert_eq!(g["held"], false, "{g}");
    assert_eq!(g["counted"], 0);
    c.patch(&format!("/Users/{}", ids[10]), &deactivate())
        .await
        .ok(200);
    srv.stop();
}

async fn ordinary_offboarding_is_never_held_and_the_guard_is_configurable(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let ids = users(&c, 40).await;
    // A week's leavers at once: below the default threshold (10), never held.
    for id in &ids[..9] {
        c.patch(&format!("/Users/{id}"), &deactivate())
            .await
            .ok(200);
    }
    for id in &ids[..9] {
        assert_eq!(c.delete(&format!("/Users/{id}")).await.status, 204);
    }
    assert_eq!(guard(&env)["held"], false);
    assert_eq!(guard(&env)["counted"], 9);

    // A stricter guard: 3 more within the window are held.
    let g = env.json(&[
        "--tenant", "acme", "scim", "guard", "set", "--max", "12", "--window", "2h",
    ]);
    assert_eq!(g["threshold"], json!({"kind": "count", "value": 12}));
    assert_eq!(g["window_secs"], 7200);
    for id in &ids[9..12] {
        c.patch(&format!("/Users/{id}"), &deactivate())
            .await
            .ok(200);
    }
    assert_held(&c.patch(&format!("/Users/{}", ids[12]), &deactivate()).await);
    // Off: a hold in force ends, nothing is counted against it.
    let g = env.json(&["--tenant", "acme", "scim", "guard", "set", "--off"]);
    assert_eq!(g["enabled"], false);
    assert_eq!(g["held"], false);
    c.patch(&format!("/Users/{}", ids[12]), &deactivate())
        .await
        .ok(200);
    let g = env.json(&["--tenant", "acme", "scim", "guard", "set", "--max", "50%"]);
    assert_eq!(g["enabled"], true);
    // Of the IdP's users now: 40 made, 9 deleted.
    assert_eq!(g["idp_users"], 31);
    assert_eq!(g["limit"], 16, "50 % of 31, rounded up: {g}");
    // Bad settings are refused, naming what to give.
    for (args, needle) in [
        (&["--max", "0"][..], "number of users"),
        (&["--max", "150%"][..], "1% to 100%"),
        (&["--window", "10s"][..], "1 minute to 30 days"),
        (&["--window", "soon"][..], "duration"),
    ] {
        let mut all = vec!["--tenant", "acme", "scim", "guard", "set"];
        all.extend_from_slice(args);
        let msg = env.fail(&all, 8);
        assert!(msg.contains(needle), "{args:?}: {msg}");
    }
    let human = env.ok(&["--tenant", "acme", "scim", "guard", "show"]);
    assert!(human.contains("50% of the IdP's users"), "{human}");
    assert!(human.contains("armed"), "{human}");
    srv.stop();
}
