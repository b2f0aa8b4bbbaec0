//! The product's rules at the endpoint (issue 5): SCIM disabled, ownership
//! (`tenant` → `idp` transfer, `self` and central users refused, one
//! account per email across tenants), DELETE and re-create, and the one
//! sign-up invitation — over HTTP against the real server, with the
//! tenant's other data set up through the real CLI.

use reqwest::Method;
use serde_json::{Value, json};

use scimctl::engine::tokens::{fingerprint, hash};

use crate::server::*;
use crate::support::*;

both_stores!(
    async
    scim_disabled_is_403_and_flips_with_the_switch,
    a_pre_existing_user_is_matched_and_transferred_by_its_first_write,
    self_and_central_users_are_refused_with_their_reasons,
    an_email_that_exists_anywhere_is_a_conflict_naming_no_one,
    the_tenants_own_user_must_be_matched_not_created,
    disable_keeps_links_delete_unlinks_and_a_new_post_relinks,
    the_invitation_is_enqueued_once_when_a_group_with_a_property_is_reached,
);

const DISABLED: &str = "Operation not permitted: SCIM provisioning is disabled for this tenant";

fn invitations(env: &TestEnv, email: &str) -> i64 {
    env.count(&format!(
        "invitations WHERE lower(email) = lower('{}')",
        email.replace('\'', "''")
    ))
}

fn add_members(ids: &[&str]) -> Value {
    let v: Vec<Value> = ids.iter().map(|i| json!({"value": i})).collect();
    patch_op(json!([{"op": "Add", "path": "members", "value": v}]))
}

async fn scim_disabled_is_403_and_flips_with_the_switch(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let std_token = scim_tenant(&env, "Lab", "lab", "standard");
    // A tenant whose SCIM was never turned on, with a token.
    env.ok(&["tenant", "create", "Dormant", "--id", "dormant"]);
    let dormant_token = env
        .ok(&["--tenant", "dormant", "--quiet", "token", "generate"])
        .trim_end()
        .to_owned();
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let lab = srv.client("lab", &std_token);
    let uid = c.create_user("stays@acme.example").await;
    let gid = c.create_group("Stays").await;

    let dormant = srv.client("dormant", &dormant_token);
    let d = dormant
        .get("/Users")
        .await
        .error(403, None, "scim_disabled");
    assert!(d.starts_with(DISABLED), "{d}");

    // Disabled mid-run, from another process: every SCIM request with the
    // valid token is 403 at once.
    env.ok(&["--tenant", "acme", "scim", "disable"]);
    env.ok(&["--tenant", "lab", "scim", "disable"]);
    let patch = patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}]));
    let search = json!({"schemas": [SEARCH_URN]});
    let user = entra_user("new@acme.example", "N", "U", None);
    let routes: Vec<(Method, String, Option<&Value>)> = vec![
        (
            Method::GET,
            format!(
                "/Users?filter={}",
                form(&format!("userName eq \"{}\"", guid()))
            ),
            None,
        ),
        (Method::POST, "/Users".into(), Some(&user)),
        (Method::GET, format!("/Users/{uid}"), None),
        (Method::PUT, format!("/Users/{uid}"), Some(&user)),
        (Method::PATCH, format!("/Users/{uid}"), Some(&patch)),
        (Method::DELETE, format!("/Users/{uid}"), None),
        (Method::GET, "/Groups".into(), None),
        (Method::PATCH, format!("/Groups/{gid}"), Some(&patch)),
        (Method::DELETE, format!("/Groups/{gid}"), None),
        (Method::POST, "/.search".into(), Some(&search)),
        (Method::GET, "/Schemas".into(), None),
        (Method::GET, "/ResourceTypes".into(), None),
    ];
    for (m, p, b) in &routes {
        let r = c.send(m.clone(), p, *b).await;
        let detail = r.error(403, None, "scim_disabled");
        assert!(detail.starts_with(DISABLED), "{r}");
    }
    // Under the standard policy too.
    let detail = lab.get("/Users").await.error(403, None, "scim_disabled");
    assert!(detail.starts_with(DISABLED), "{detail}");
    // A wrong token stays 401: a 403 would confirm the tenant exists.
    c.with_token(Some("scim_wrong"))
        .get("/Users")
        .await
        .error(401, None, "invalid_token");
    c.with_token(None)
        .get("/Users")
        .await
        .error(401, None, "invalid_token");

    // Enabled again: the same requests work, nothing was changed meanwhile.
    env.ok(&["--tenant", "acme", "scim", "enable"]);
    let got = c.get(&format!("/Users/{uid}")).await.ok(200);
    assert_eq!(got["active"], true);
    assert_eq!(c.members(&gid).await, Vec::<String>::new());
    assert!(
        c.find_users("userName eq \"new@acme.example\"")
            .await
            .is_empty()
    );
    c.post("/Users", &user).await.ok(201);
    // The other tenant is still off.
    lab.get("/Users").await.error(403, None, "scim_disabled");

    // Every one of these requests is in the log, refusals included.
    for (client, tok) in [(&c, &token), (&lab, &std_token), (&dormant, &dormant_token)] {
        for (x, r) in assert_all_logged(&env, client) {
            if x.status == 403 {
                assert_eq!(r["reason"], "scim_disabled");
                assert_eq!(
                    r["token_fingerprint"],
                    json!(fingerprint(&hash(tok))),
                    "which token was refused: {r:#}"
                );
            }
        }
    }
}

async fn a_pre_existing_user_is_matched_and_transferred_by_its_first_write(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let written = add_member(&env, "acme", "Pre.Existing@acme.example", false);
    let untouched = add_member(&env, "acme", "identical@acme.example", false);
    assert_eq!(str_key(&written, "managed_by"), "tenant");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    assert_eq!(member_counts(&env, "acme"), (0, 2, 0));

    // Entra matches both by filter (another letter case) and by id.
    for (m, email) in [
        (&written, "pre.existing@ACME.example"),
        (&untouched, "IDENTICAL@acme.example"),
    ] {
        let id = str_key(m, "id");
        assert_eq!(
            c.find_users(&format!("userName eq \"{email}\"")).await,
            vec![id.to_owned()]
        );
        let u = c.get(&format!("/Users/{id}")).await.ok(200);
        assert_eq!(
            u["name"],
            json!({"givenName": "Pre", "familyName": "Existing"})
        );
        assert_eq!(u["active"], true);
    }
    // Reads transfer nothing.
    assert_eq!(member_counts(&env, "acme"), (0, 2, 0));

    // The first PATCH (externalId from mailNickname) transfers it.
    let wid = str_key(&written, "id");
    let r = c
        .patch(
            &format!("/Users/{wid}"),
            &patch_op(json!([{"op": "Add", "path": "externalId", "value": "pre.existing"}])),
        )
        .await;
    assert_eq!(r.ok(200)["externalId"], "pre.existing");
    assert_eq!(
        member_counts(&env, "acme"),
        (1, 1, 0),
        "idp+1, tenant-1 after the first write"
    );
    let rec = wait_for_log(&env, r.request_id());
    assert_eq!(
        rec["transfers"],
        json!(["Pre.Existing@acme.example"]),
        "the log records the transfer: {rec:#}"
    );
    assert_eq!(rec["user_id"], json!(wid));
    // A second write is no transfer.
    let r = c
        .patch(
            &format!("/Users/{wid}"),
            &patch_op(json!([{"op": "Replace", "path": "name.givenName", "value": "Priya"}])),
        )
        .await;
    r.ok(200);
    assert_eq!(wait_for_log(&env, r.request_id())["transfers"], json!([]));
    // The user that only received reads stays `tenant`-managed.
    assert_eq!(member_counts(&env, "acme"), (1, 1, 0));
    let get = c
        .get(&format!("/Users/{}", str_key(&untouched, "id")))
        .await;
    get.ok(200);
    assert_eq!(wait_for_log(&env, get.request_id())["transfers"], json!([]));
    // The transfer is in the audit trail too.
    let n = env.count(
        "audit_events WHERE action = 'ownership.transfer' AND subject = 'Pre.Existing@acme.example'",
    );
    assert_eq!(n, 1);
    assert_all_logged(&env, &c);
}

async fn self_and_central_users_are_refused_with_their_reasons(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let _ = scim_tenant(&env, "Beta Inns", "beta", "product");
    let own = add_member(&env, "acme", "roamer@people.example", false);
    let elsewhere = add_member(&env, "beta", "roamer@people.example", false);
    assert_eq!(str_key(&elsewhere, "managed_by"), "self");
    let central = add_member(&env, "acme", "boss@acme.example", true);
    assert_eq!(str_key(&central, "kind"), "central");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    assert_eq!(
        member_counts(&env, "acme").2,
        1,
        "the first link became self"
    );

    let sid = str_key(&own, "id");
    let cid = str_key(&central, "id");
    // Visible, so Entra can match them.
    assert_eq!(
        c.find_users("userName eq \"roamer@people.example\"").await,
        vec![sid.to_owned()]
    );
    assert_eq!(
        c.find_users("userName eq \"boss@acme.example\"").await,
        vec![cid.to_owned()]
    );

    let patch = patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}]));
    for (id, email, reason, words) in [
        (
            sid,
            "roamer@people.example",
            "external_accounts",
            "has accounts outside this tenant and can only be managed in the product",
        ),
        (
            cid,
            "boss@acme.example",
            "central_user",
            "central (portfolio-level) user",
        ),
    ] {
        let p = format!("/Users/{id}");
        let put = entra_user(email, "X", "Y", None);
        for r in [
            c.patch(&p, &patch).await,
            c.put(&p, &put).await,
            c.delete(&p).await,
        ] {
            let detail = r.error(403, None, reason);
            assert!(detail.starts_with("Operation not permitted"), "{detail}");
            assert!(detail.contains(words), "{detail}");
            assert!(
                !detail.contains("beta") && !detail.contains("Beta"),
                "names the other tenant: {detail}"
            );
        }
        // Nothing changed, not even ownership.
        let u = c.get(&p).await.ok(200);
        assert_eq!(u["active"], true);
        assert_eq!(u["name"]["givenName"], "Pre");
    }
    assert_eq!(member_counts(&env, "acme"), (0, 1, 1));
    let logged = assert_all_logged(&env, &c);
    assert_eq!(logged.iter().filter(|(x, _)| x.status == 403).count(), 6);
    for (_, r) in logged {
        assert_eq!(r["transfers"], json!([]), "{r:#}");
    }
}

async fn an_email_that_exists_anywhere_is_a_conflict_naming_no_one(env: TestEnv) {
    let ta = scim_tenant(&env, "Acme Hotels Secretname", "acme-secret-id", "product");
    let tb = scim_tenant(&env, "Beta Inns", "beta", "product");
    add_member(&env, "acme-secret-id", "admin.made@acme.example", false);
    let srv = Server::start(&env);
    let a = srv.client("acme-secret-id", &ta);
    let b = srv.client("beta", &tb);

    let aid = a.create_user("shared@people.example").await;
    for (email, sent) in [
        ("shared@people.example", "shared@people.example"),
        ("shared@people.example", "SHARED@People.example"),
        ("admin.made@acme.example", "admin.made@acme.example"),
    ] {
        let r = b.post("/Users", &entra_user(sent, "S", "P", None)).await;
        let detail = r.error(409, Some("uniqueness"), "uniqueness");
        assert!(detail.contains("already exists"), "{detail}");
        assert!(detail.contains("managed elsewhere"), "{detail}");
        for leak in ["acme-secret-id", "Secretname", "Acme Hotels", &aid] {
            assert!(!detail.contains(leak), "{leak:?} in {detail}");
        }
        // ... and B's filter does not find it either.
        assert!(
            b.find_users(&format!("userName eq \"{email}\""))
                .await
                .is_empty(),
            "{email}"
        );
    }
    // A's user is untouched.
    let u = a.get(&format!("/Users/{aid}")).await.ok(200);
    assert_eq!(u["userName"], "shared@people.example");
    assert_eq!(member_counts(&env, "beta"), (0, 0, 0));
    assert_all_logged(&env, &a);
    for (x, r) in assert_all_logged(&env, &b) {
        if x.status == 409 {
            assert_eq!(r["tenant_id"], "beta");
            assert!(r["user_email"].is_string(), "{r:#}");
        }
    }
}

async fn the_tenants_own_user_must_be_matched_not_created(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let own = add_member(&env, "acme", "own@acme.example", false);
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    for sent in ["own@acme.example", "OWN@Acme.Example"] {
        let r = c.post("/Users", &entra_user(sent, "O", "W", None)).await;
        let detail = r.error(409, Some("uniqueness"), "uniqueness");
        assert!(detail.contains("already exists in this tenant"), "{detail}");
        assert!(
            detail.contains("filter"),
            "says to match by filter: {detail}"
        );
    }
    // The same for a user the IdP created itself.
    c.create_user("idp@acme.example").await;
    let detail = c
        .post("/Users", &entra_user("idp@acme.example", "I", "P", None))
        .await
        .error(409, Some("uniqueness"), "uniqueness");
    assert!(detail.contains("filter"), "{detail}");
    assert_eq!(
        c.find_users("userName eq \"own@acme.example\"").await,
        vec![str_key(&own, "id").to_owned()]
    );
    assert_eq!(member_counts(&env, "acme"), (1, 1, 0));
    assert_all_logged(&env, &c);
}

async fn disable_keeps_links_delete_unlinks_and_a_new_post_relinks(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let id1 = c.create_user("leaver@acme.example").await;
    let stay = c.create_user("stayer@acme.example").await;
    let g = c.create_group("Housekeeping").await;
    c.patch(&format!("/Groups/{g}"), &add_members(&[&id1, &stay]))
        .await
        .no_content();

    // active=false: the member and its links are kept.
    let p = format!("/Users/{id1}");
    let r = c
        .patch(
            &p,
            &patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}])),
        )
        .await;
    assert_eq!(r.ok(200)["active"], false);
    let mut both = vec![id1.clone(), stay.clone()];
    both.sort();
    assert_eq!(c.members(&g).await, both);
    let r = c
        .patch(
            &p,
            &patch_op(json!([{"op": "Replace", "path": "active", "value": "True"}])),
        )
        .await;
    assert_eq!(r.ok(200)["active"], true);

    // DELETE unlinks from the tenant and its groups, with an audit record.
    c.delete(&p).await.no_content();
    c.get(&p).await.error(404, None, "not_found");
    assert_eq!(c.members(&g).await, vec![stay.clone()]);
    let audits =
        env.count("audit_events WHERE action = 'user.unlink' AND subject = 'leaver@acme.example'");
    assert_eq!(audits, 1);

    // A later POST of the same email creates it again: 201, a new id, no
    // old group links.
    let r = c
        .post("/Users", &entra_user("Leaver@acme.example", "L", "V", None))
        .await;
    let u = r.ok(201);
    let id2 = id_of(&u);
    assert_ne!(id2, id1);
    assert_eq!(u["userName"], "Leaver@acme.example");
    assert_eq!(c.members(&g).await, vec![stay.clone()]);
    c.get(&p).await.error(404, None, "not_found");
    assert_eq!(
        c.find_users("userName eq \"leaver@acme.example\"").await,
        vec![id2]
    );
    assert_eq!(member_counts(&env, "acme"), (2, 0, 0));
    assert_all_logged(&env, &c);
}

async fn the_invitation_is_enqueued_once_when_a_group_with_a_property_is_reached(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    env.ok(&["--tenant", "acme", "properties", "add", "Seaside Hotel"]);
    env.ok(&["--tenant", "acme", "properties", "add", "Mountain Lodge"]);
    let pre = add_member(&env, "acme", "pre@acme.example", false);
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    // POST: no invitation yet ("pending: no group with a property").
    let r = c
        .post("/Users", &entra_user("first@acme.example", "F", "I", None))
        .await;
    let u1 = id_of(&r.ok(201));
    assert_eq!(wait_for_log(&env, r.request_id())["invitations"], json!([]));
    assert_eq!(invitations(&env, "first@acme.example"), 0);

    // Into a group without a property: still none.
    let g1 = c.create_group("Front Desk").await;
    let r = c
        .patch(&format!("/Groups/{g1}"), &add_members(&[&u1]))
        .await;
    r.no_content();
    assert_eq!(wait_for_log(&env, r.request_id())["invitations"], json!([]));
    assert_eq!(invitations(&env, "first@acme.example"), 0);

    // The product gives the group a property: now exactly one.
    env.ok(&[
        "--tenant",
        "acme",
        "groups",
        "assign",
        "Front Desk",
        "--property",
        "Seaside Hotel",
    ]);
    assert_eq!(invitations(&env, "first@acme.example"), 1);

    // A second user added by SCIM to that group: invited by that request.
    let u2 = c.create_user("second@acme.example").await;
    assert_eq!(invitations(&env, "second@acme.example"), 0);
    let r = c
        .patch(&format!("/Groups/{g1}"), &add_members(&[&u2]))
        .await;
    r.no_content();
    assert_eq!(
        wait_for_log(&env, r.request_id())["invitations"],
        json!(["second@acme.example"])
    );
    assert_eq!(invitations(&env, "second@acme.example"), 1);

    // A second group with a property: no second invitation, for anyone.
    let g2 = c.create_group("Spa").await;
    env.ok(&[
        "--tenant",
        "acme",
        "groups",
        "assign",
        "Spa",
        "--property",
        "Mountain Lodge",
    ]);
    let r = c
        .patch(&format!("/Groups/{g2}"), &add_members(&[&u1, &u2]))
        .await;
    r.no_content();
    assert_eq!(wait_for_log(&env, r.request_id())["invitations"], json!([]));
    // Out of the group and back in: still one.
    c.patch(
        &format!("/Groups/{g1}"),
        &patch_op(json!([{"op": "Remove", "path": "members", "value": [{"value": u2}]}])),
    )
    .await
    .no_content();
    c.patch(&format!("/Groups/{g1}"), &add_members(&[&u2]))
        .await
        .no_content();
    // A write to the user itself sends nothing either.
    c.patch(
        &format!("/Users/{u1}"),
        &patch_op(json!([{"op": "Replace", "path": "name.givenName", "value": "Fiona"}])),
    )
    .await
    .ok(200);
    assert_eq!(invitations(&env, "first@acme.example"), 1);
    assert_eq!(invitations(&env, "second@acme.example"), 1);

    // A tenant-managed member put in a group with a property by SCIM is not
    // the IdP's: no invitation.
    let pid = str_key(&pre, "id");
    c.patch(&format!("/Groups/{g1}"), &add_members(&[pid]))
        .await
        .no_content();
    assert_eq!(invitations(&env, "pre@acme.example"), 0);
    assert_eq!(env.count("invitations"), 2);
    let logged = assert_all_logged(&env, &c);
    let invited: Vec<&Value> = logged
        .iter()
        .flat_map(|(_, r)| array_key(r, "invitations"))
        .collect();
    assert_eq!(invited, [&json!("second@acme.example")]);
}
