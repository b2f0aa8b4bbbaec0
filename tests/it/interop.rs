//! Clients other than Entra (issue 19): Microsoft's reference tools,
//! Okta, strict RFC 7644 checkers — through a real `serve` and a real
//! HTTP client, asserting the exact JSON returned.

use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

both_stores!(
    a_flag_beats_the_environment_between_store_and_server,
    store_urls_scimctl_does_not_take_are_refused,
);

both_stores!(
    async
    lenient_paths_reach_the_canonical_endpoints,
    the_enterprise_extension_patches_as_one_value,
    remove_active_under_each_policy,
    group_members_read_back_as_written,
    a_malformed_member_list_never_empties_a_group,
    product_users_carry_their_email_for_okta,
    projection_with_a_value_filter,
    okta_lifecycle_under_both_policies,
    generated_okta_shaped_requests_never_get_a_5xx,
    a_nul_in_a_value_is_refused_on_either_store,
);

/// The endpoint segment in any letter case and a trailing slash before
/// the query reach the same endpoint as the canonical path, and the log
/// keeps the path as sent.
async fn lenient_paths_reach_the_canonical_endpoints(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "standard");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let created = c
        .post("/Users", &entra_user("ada@acme.example", "Ada", "L", None))
        .await
        .ok(201);
    let id = id_of(&created);
    let filter = form("userName eq \"ada@acme.example\"");
    let canonical = c.get(&format!("/Users?filter={filter}")).await.ok(200);
    for path in [
        format!("/users?filter={filter}"),
        format!("/USERS?filter={filter}"),
        format!("/Users/?filter={filter}"),
        format!("/users/?filter={filter}"),
    ] {
        let v = c.get(&path).await.ok(200);
        assert_eq!(v, canonical, "{path}");
    }
    let one = c.get(&format!("/Users/{id}")).await.ok(200);
    assert_eq!(c.get(&format!("/users/{id}")).await.ok(200), one);
    assert_eq!(c.get(&format!("/Users/{id}/")).await.ok(200), one);
    let groups = c.get("/groups").await.ok(200);
    assert_eq!(groups["totalResults"], 0, "{groups}");
    let spc: Value = c.get("/serviceproviderconfig").await.ok(200);
    assert!(spc["patch"]["supported"].as_bool().unwrap(), "{spc}");
    // Unknown endpoints stay 404 in any case.
    c.get("/Nope/").await.error(404, None, "not_found");
    srv.stop();
    let logged = log_lines(&env, &[]);
    assert!(
        logged.iter().any(|r| r["path"] == "/scim/v2/acme/USERS"),
        "the log keeps the path as sent"
    );
}

/// `args` with extra environment variables: (exit code, stdout, stderr).
fn run_with(env: &TestEnv, args: &[&str], vars: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = env.cmd(args);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert_no_panic(&out);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A flag beats the environment for the store and the server as for every
/// setting; two of the same rank conflict; `config show` says which won.
fn a_flag_beats_the_environment_between_store_and_server(env: TestEnv) {
    env.tenant("Acme", "acme");
    env.tenant("Beta", "beta");
    let key = env
        .ok(&["admin-key", "create", "acme-ci", "--tenant", "acme"])
        .trim_end()
        .to_owned();
    let srv = Server::start(&env);
    // The environment's store, as a flag or a variable names it.
    let store = match env.pg() {
        Some(db) => db.url.clone(),
        None => env.store().display().to_string(),
    };
    let origin = srv.origin();
    let ids = |out: &str| -> Vec<String> {
        parse_json(out)
            .as_array()
            .unwrap()
            .iter()
            .map(|t| str_key(t, "id").to_owned())
            .collect()
    };

    // SCIMCTL_STORE exported, --server given: remote (the scoped key sees
    // acme only), with a -v note.
    let (code, out, err) = run_with(
        &env,
        &[
            "-v", "--server", &origin, "tenant", "list", "--output", "json",
        ],
        &[("SCIMCTL_STORE", &store), ("SCIMCTL_ADMIN_KEY", &key)],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids(&out), ["acme"]);
    assert!(
        err.contains(
            "the server (flag --server) outranks the store (env SCIMCTL_STORE), which is ignored"
        ),
        "{err}"
    );
    let (_, out, _) = run_with(
        &env,
        &["--server", &origin, "config", "show", "--output", "json"],
        &[("SCIMCTL_STORE", &store)],
    );
    let backend = parse_json(&out)
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "backend")
        .cloned()
        .unwrap();
    assert!(
        str_key(&backend, "value").starts_with("server: the server (flag --server) outranks"),
        "{backend}"
    );

    // SCIMCTL_SERVER exported, --store given: local (both tenants).
    let (code, out, err) = run_with(
        &env,
        &["--store", &store, "tenant", "list", "--output", "json"],
        &[("SCIMCTL_SERVER", &origin), ("SCIMCTL_ADMIN_KEY", &key)],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids(&out), ["acme", "beta"]);

    // Both from the environment: one error line, exit 2.
    let (code, out, err) = run_with(
        &env,
        &["tenant", "list"],
        &[
            ("SCIMCTL_SERVER", &origin),
            ("SCIMCTL_STORE", &store),
            ("SCIMCTL_ADMIN_KEY", &key),
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert_one_error_line(&err);
    assert!(
        err.contains("both a store (env SCIMCTL_STORE) and a server (env SCIMCTL_SERVER) are given; choose one"),
        "{err}"
    );
    srv.stop();
}

/// A `scheme://` store other than PostgreSQL is an error naming the
/// supported forms, and a PostgreSQL URL with a password in it is refused
/// without showing it; nothing is created (a URL once became a directory
/// called `postgres:`).
fn store_urls_scimctl_does_not_take_are_refused(env: TestEnv) {
    let (code, out, err) = run_with(&env, &["--store", "mysql://x/y", "tenant", "list"], &[]);
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty());
    assert_one_error_line(&err);
    assert!(err.contains("scimctl does not support"), "{err}");
    assert!(err.contains("path of a SQLite file"), "{err}");
    assert!(err.contains("postgres://USER@HOST:PORT/DATABASE"), "{err}");
    for (args, vars) in [
        (
            vec![
                "--store",
                "postgres://scim:hunter2@127.0.0.1:1/scim",
                "tenant",
                "list",
            ],
            vec![],
        ),
        (
            vec!["tenant", "list"],
            vec![(
                "SCIMCTL_STORE",
                "postgres://scim@127.0.0.1:1/scim?password=hunter2",
            )],
        ),
    ] {
        let (code, out, err) = run_with(&env, &args, &vars);
        assert_eq!(code, 3, "{err}");
        assert!(out.is_empty());
        assert_one_error_line(&err);
        assert!(err.contains("carries a password"), "{err}");
        assert!(err.contains("PGPASSWORD or ~/.pgpass"), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
    }
    let made: Vec<_> = std::fs::read_dir(env.root())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(':'))
        .collect();
    assert!(made.is_empty(), "{made:?}");
}

const ENT: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/// Item 1: the Enterprise User extension as one PATCH value (add, replace,
/// remove by its URN), under `standard`; `product` ignores it and says so.
async fn the_enterprise_extension_patches_as_one_value(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "standard");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let id = c.create_user("ext@acme.example").await;
    let user = format!("/Users/{id}");
    let manager = c.create_user("boss@acme.example").await;
    let all = serde_json::json!({
        "employeeNumber": "701984", "costCenter": "4130", "organization": "Universal Studios",
        "division": "Theme Park", "department": "Tour Operations",
        "manager": {"value": manager}
    });
    let v = c
        .patch(
            &user,
            &patch_op(serde_json::json!([{"op": "add", "path": ENT, "value": all}])),
        )
        .await
        .ok(200);
    let ext = &v[ENT];
    assert_eq!(ext["employeeNumber"], "701984", "{v:#}");
    assert_eq!(ext["department"], "Tour Operations", "{v:#}");
    assert_eq!(ext["manager"]["value"], manager.as_str(), "{v:#}");
    assert!(
        v["schemas"].as_array().unwrap().iter().any(|s| s == ENT),
        "{v:#}"
    );
    assert_eq!(c.get(&user).await.ok(200)[ENT], *ext, "stored as returned");
    // replace merges (RFC 7644 §3.5.2.3): named attributes change, others stay.
    let v = c
        .patch(
            &user,
            &patch_op(serde_json::json!([{"op": "replace", "path": ENT, "value": {"department": "Sales"}}])),
        )
        .await
        .ok(200);
    assert_eq!(v[ENT]["department"], "Sales");
    assert_eq!(v[ENT]["employeeNumber"], "701984");
    // remove takes the whole extension away, and its schema URN with it.
    let v = c
        .patch(
            &user,
            &patch_op(serde_json::json!([{"op": "remove", "path": ENT}])),
        )
        .await
        .ok(200);
    assert!(v.get(ENT).is_none(), "{v:#}");
    assert!(
        !v["schemas"].as_array().unwrap().iter().any(|s| s == ENT),
        "{v:#}"
    );
    assert!(c.get(&user).await.ok(200).get(ENT).is_none());
    // A non-object value names what is wrong; the core URN cannot be removed.
    c.patch(
        &user,
        &patch_op(serde_json::json!([{"op": "add", "path": ENT, "value": "x"}])),
    )
    .await
    .error(400, Some("invalidValue"), "invalid_value");
    let core = "urn:ietf:params:scim:schemas:core:2.0:User";
    let d = c
        .patch(
            &user,
            &patch_op(serde_json::json!([{"op": "remove", "path": core}])),
        )
        .await
        .error(400, Some("noTarget"), "no_target");
    assert!(d.contains("name the attributes to remove"), "{d}");

    // Under product the extension is not stored: ignored, and logged as such.
    let ptoken = scim_tenant(&env, "Prod", "prod", "product");
    let p = srv.client("prod", &ptoken);
    let pid = p.create_user("ext@prod.example").await;
    let v = p
        .patch(
            &format!("/Users/{pid}"),
            &patch_op(
                serde_json::json!([{"op": "add", "path": ENT, "value": {"department": "x"}}]),
            ),
        )
        .await
        .ok(200);
    assert!(v.get(ENT).is_none(), "{v:#}");
    srv.stop();
}

/// Item 2: `remove active` removes it under `standard` (the product keeps
/// its status), and is refused with the reason under `product`.
async fn remove_active_under_each_policy(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "standard");
    let ptoken = scim_tenant(&env, "Prod", "prod", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let id = c.create_user("act@acme.example").await;
    let user = format!("/Users/{id}");
    let remove = patch_op(serde_json::json!([{"op": "remove", "path": "active"}]));
    let v = c.patch(&user, &remove).await.ok(200);
    assert!(v.get("active").is_none(), "{v:#}");
    assert!(c.get(&user).await.ok(200).get("active").is_none());
    // Filters see it absent.
    assert!(c.find_users("active pr").await.is_empty());
    // Set again, it reads back.
    let v = c
        .patch(
            &user,
            &patch_op(serde_json::json!([{"op": "add", "path": "active", "value": false}])),
        )
        .await
        .ok(200);
    assert_eq!(v["active"], false);
    // A deactivated user whose active is removed stays deactivated in the product.
    c.patch(&user, &remove).await.ok(200);
    let shown = env.json(&["--tenant", "acme", "users", "show", "act@acme.example"]);
    assert_eq!(shown["member"]["active"], false, "{shown:#}");

    let p = srv.client("prod", &ptoken);
    let pid = p.create_user("act@prod.example").await;
    let r = p.patch(&format!("/Users/{pid}"), &remove).await;
    let d = r.error(400, Some("mutability"), "mutability");
    assert!(d.contains("cannot be removed"), "{d}");
    assert!(d.contains("\"value\": false"), "{d}");
    assert_eq!(
        p.get(&format!("/Users/{pid}")).await.ok(200)["active"],
        true
    );
    srv.stop();
}

/// Item 3: a member's display reads back as the client sent it
/// (`displayName` accepted as a synonym), none when it sent none; `$ref`
/// and `type` kept; PUT replaces it.
async fn group_members_read_back_as_written(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "standard");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let a = c.create_user("ann@acme.example").await;
    let b = c.create_user("bob@acme.example").await;
    let g = c.create_group("Readers").await;
    let group = format!("/Groups/{g}");
    let ops = serde_json::json!([
        {"op": "add", "path": "members", "value": [{"value": a}]},
        {"op": "add", "path": "members", "value": [{"displayName": "new User", "value": b}]}
    ]);
    c.patch(&group, &patch_op(ops)).await.no_content();
    let v = c.get(&group).await.ok(200);
    let base = srv.tenant_url("acme");
    assert_eq!(
        v["members"],
        serde_json::json!([
            {"value": a, "$ref": format!("{base}/Users/{a}"), "type": "User"},
            {"value": b, "display": "new User", "$ref": format!("{base}/Users/{b}"), "type": "User"}
        ]),
        "{v:#}"
    );
    // Re-adding with a display sets it; PUT sends each member as it should read.
    c.patch(
        &group,
        &patch_op(serde_json::json!([{"op": "add", "path": "members", "value": [{"value": a, "display": "Ann"}]}])),
    )
    .await
    .no_content();
    assert_eq!(c.get(&group).await.ok(200)["members"][0]["display"], "Ann");
    let put = serde_json::json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "displayName": "Readers",
        "members": [{"value": a}, {"value": b, "display": "Bob B."}]
    });
    let v = c.put(&group, &put).await.ok(200);
    assert!(v["members"][0].get("display").is_none(), "{v:#}");
    assert_eq!(v["members"][1]["display"], "Bob B.");
    assert_eq!(c.get(&group).await.ok(200)["members"], v["members"]);
    srv.stop();
}

/// Item 6: a malformed member list (or any multi-valued attribute) is 400
/// `invalidValue` naming the attribute, and changes nothing.
async fn a_malformed_member_list_never_empties_a_group(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "standard");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let a = c.create_user("ann@acme.example").await;
    let g = c.create_group("Keepers").await;
    let group = format!("/Groups/{g}");
    c.patch(
        &group,
        &patch_op(serde_json::json!([{"op": "add", "path": "members", "value": [{"value": a}]}])),
    )
    .await
    .no_content();
    let before = c.get(&group).await.ok(200);
    for members in [
        serde_json::json!({}),
        serde_json::json!([null]),
        serde_json::json!([{}]),
        serde_json::json!({"value": a}),
        serde_json::json!([{"display": "no value"}]),
    ] {
        let put = serde_json::json!({"displayName": "Keepers", "members": members});
        let d = c
            .put(&group, &put)
            .await
            .error(400, Some("invalidValue"), "invalid_value");
        assert!(d.contains("\"members\""), "{members}: {d}");
        let patch =
            patch_op(serde_json::json!([{"op": "replace", "path": "members", "value": members}]));
        if members.is_object() && members.get("value").is_some() {
            // A lone element is a PATCH value RFC 7644 allows: it replaces.
            continue;
        }
        let d = c
            .patch(&group, &patch)
            .await
            .error(400, Some("invalidValue"), "invalid_value");
        assert!(d.contains("members"), "{members}: {d}");
    }
    assert_eq!(c.get(&group).await.ok(200), before, "nothing changed");
    // The same slip on a user's multi-valued attribute.
    let body =
        serde_json::json!({"userName": "x@acme.example", "emails": {"value": "x@acme.example"}});
    let d = c
        .post("/Users", &body)
        .await
        .error(400, Some("invalidValue"), "invalid_value");
    assert!(d.contains("\"emails\"") && d.contains("JSON array"), "{d}");
    let body = serde_json::json!({"userName": "x@acme.example", "phoneNumbers": [null]});
    let d = c
        .post("/Users", &body)
        .await
        .error(400, Some("invalidValue"), "invalid_value");
    assert!(d.contains("element 1 is null"), "{d}");
    assert!(
        c.find_users("userName eq \"x@acme.example\"")
            .await
            .is_empty()
    );
    srv.stop();
}

/// Item 4: under `product` every user reads with `emails` made from
/// userName (Okta's pre-submission check reads `Resources[0].emails[0]`);
/// `emails` on input is accepted, one other than userName ignored and
/// logged as ignored.
async fn product_users_carry_their_email_for_okta(env: TestEnv) {
    let token = scim_tenant(&env, "Prod", "prod", "product");
    let srv = Server::start(&env);
    let c = srv.client("prod", &token);
    let v = c
        .post("/Users", &okta_user("Ola@Prod.example", "Ola", "N"))
        .await
        .ok(201);
    let want = serde_json::json!([{"value": "Ola@Prod.example", "type": "work", "primary": true}]);
    assert_eq!(v["emails"], want, "{v:#}");
    let list = c.get("/Users?count=1&startIndex=1").await.ok(200);
    assert_eq!(
        list["Resources"][0]["emails"][0]["value"],
        "Ola@Prod.example"
    );
    let found = c
        .find_users("emails[type eq \"work\"].value eq \"ola@prod.example\"")
        .await;
    assert_eq!(found, [id_of(&v)]);
    let found = c.find_users("emails.value eq \"OLA@prod.example\"").await;
    assert_eq!(found, [id_of(&v)]);
    // A different email: the identity stays userName; the log says what was ignored.
    let mut body = okta_user("kai@prod.example", "Kai", "M");
    body["emails"] =
        serde_json::json!([{"value": "kai.m@elsewhere.example", "primary": true, "type": "work"}]);
    let r = c.post("/Users", &body).await;
    let v = r.ok(201);
    assert_eq!(v["emails"][0]["value"], "kai@prod.example");
    let rec = wait_for_log(&env, r.request_id());
    let ignored = rec["ignored_attributes"].to_string();
    assert!(ignored.contains("emails other than userName"), "{rec:#}");
    srv.stop();
}

/// Item 7: `attributes` / `excludedAttributes` with a value filter.
async fn projection_with_a_value_filter(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "standard");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let body = serde_json::json!({
        "userName": "multi@acme.example",
        "emails": [
            {"value": "w@acme.example", "type": "work", "primary": true},
            {"value": "h@home.example", "type": "home"}
        ]
    });
    let id = id_of(&c.post("/Users", &body).await.ok(201));
    let q = |p: &str| format!("/Users/{id}?{p}");
    let v = c
        .get(&q(&format!(
            "attributes={}",
            form("emails[type eq \"work\"]")
        )))
        .await
        .ok(200);
    assert_eq!(
        v["emails"],
        serde_json::json!([{"value": "w@acme.example", "type": "work", "primary": true}]),
        "{v:#}"
    );
    assert!(v.get("userName").is_none(), "{v:#}");
    assert_eq!(v["id"], id.as_str());
    let v = c
        .get(&q(&format!(
            "attributes={}",
            form("userName,emails[type eq \"home\"].value")
        )))
        .await
        .ok(200);
    assert_eq!(
        v["emails"],
        serde_json::json!([{"value": "h@home.example"}]),
        "{v:#}"
    );
    assert_eq!(v["userName"], "multi@acme.example");
    let v = c
        .get(&q(&format!(
            "excludedAttributes={}",
            form("emails[type eq \"home\"]")
        )))
        .await
        .ok(200);
    assert_eq!(v["emails"].as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(v["emails"][0]["type"], "work");
    // No match: the attribute is left out. The list endpoint projects the same.
    let v = c
        .get(&q(&format!(
            "attributes={}",
            form("emails[type eq \"other\"]")
        )))
        .await
        .ok(200);
    assert!(v.get("emails").is_none(), "{v:#}");
    let l = c
        .get(&format!(
            "/Users?filter={}&attributes={}",
            form("userName eq \"multi@acme.example\""),
            form("emails[type eq \"work\"].value")
        ))
        .await
        .ok(200);
    assert_eq!(
        l["Resources"][0]["emails"],
        serde_json::json!([{"value": "w@acme.example"}])
    );
    let d = c
        .get(&q(&format!(
            "excludedAttributes={}",
            form("emails[type eq \"home\"].value")
        )))
        .await
        .error(400, Some("invalidPath"), "invalid_path");
    assert!(d.contains("whole values"), "{d}");
    srv.stop();
}

/// Okta's create body (its SCIM 2.0 guide): `emails`, `locale`, `password`,
/// `groups: []`, no enterprise extension.
fn okta_user(user_name: &str, given: &str, family: &str) -> Value {
    serde_json::json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": user_name,
        "name": {"givenName": given, "familyName": family},
        "emails": [{"primary": true, "value": user_name, "type": "work"}],
        "displayName": format!("{given} {family}"),
        "locale": "en-US",
        "externalId": format!("00u{}", user_name.len()),
        "groups": [],
        "password": "1mz050nq",
        "active": true
    })
}

/// Okta's provisioning flow (its SCIM 2.0 integration guide), under both
/// policies: existence check, create with Okta's body, profile update and
/// deactivation by PUT (the user stays readable), reactivation by PUT,
/// deactivation by PATCH, pagination with count=100 to the end in a stable
/// order, and group push (create, PUT of the full member list, PATCH add,
/// remove and rename).
async fn okta_lifecycle_under_both_policies(env: TestEnv) {
    let srv_tokens: Vec<(&str, String)> = ["product", "standard"]
        .iter()
        .map(|p| (*p, scim_tenant(&env, p, &format!("okta-{p}"), p)))
        .collect();
    let srv = Server::start(&env);
    for (policy, token) in &srv_tokens {
        let c = srv.client(&format!("okta-{policy}"), token);
        let email = "dana.okta@example.com";
        let exists = format!(
            "/Users?filter={}&startIndex=1&count=100",
            form(&format!("userName eq \"{email}\""))
        );
        let v = c.get(&exists).await.ok(200);
        assert_eq!(v["totalResults"], 0, "{policy}: {v:#}");
        let created = c
            .post("/Users", &okta_user(email, "Dana", "Okta"))
            .await
            .ok(201);
        let id = id_of(&created);
        let user = format!("/Users/{id}");
        assert!(
            created.get("password").is_none(),
            "{policy}: never returned"
        );
        assert_eq!(created["emails"][0]["value"], email, "{policy}");
        let v = c.get(&exists).await.ok(200);
        assert_eq!(resources(&v).len(), 1, "{policy}");
        assert_eq!(v["Resources"][0]["emails"][0]["value"], email, "{policy}");

        // Profile update by PUT: Okta sends the whole user back.
        let mut put = okta_user(email, "Dana", "Renamed");
        put["id"] = id.clone().into();
        let v = c.put(&user, &put).await.ok(200);
        assert_eq!(v["name"]["familyName"], "Renamed", "{policy}");
        // Deactivation by PUT: readable and inactive.
        put["active"] = false.into();
        assert_eq!(
            c.put(&user, &put).await.ok(200)["active"],
            false,
            "{policy}"
        );
        let v = c.get(&user).await.ok(200);
        assert_eq!(v["active"], false, "{policy}");
        assert_eq!(v["name"]["familyName"], "Renamed", "{policy}");
        // Reactivation by PUT, then deactivation by PATCH as Okta sends it.
        put["active"] = true.into();
        assert_eq!(c.put(&user, &put).await.ok(200)["active"], true, "{policy}");
        let deactivate =
            patch_op(serde_json::json!([{"op": "replace", "value": {"active": false}}]));
        assert_eq!(
            c.patch(&user, &deactivate).await.ok(200)["active"],
            false,
            "{policy}"
        );
        assert_eq!(c.get(&user).await.ok(200)["active"], false, "{policy}");

        // Pagination: 205 users in all, walked with count=100 in a stable order.
        for i in 0..204 {
            c.post(
                "/Users",
                &okta_user(&format!("page{i:03}@example.com"), "P", "Q"),
            )
            .await
            .ok(201);
        }
        let mut seen: Vec<String> = Vec::new();
        let mut start = 1;
        loop {
            let v = c
                .get(&format!("/Users?startIndex={start}&count=100"))
                .await
                .ok(200);
            assert_eq!(v["totalResults"], 205, "{policy}");
            assert_eq!(v["startIndex"], start, "{policy}");
            let page = resources(&v);
            if page.is_empty() {
                break;
            }
            assert!(page.len() <= 100);
            seen.extend(page.iter().map(id_of));
            start += page.len() as u64;
        }
        assert_eq!(seen.len(), 205, "{policy}: every user once");
        let unique: std::collections::HashSet<&String> = seen.iter().collect();
        assert_eq!(unique.len(), 205, "{policy}: no repeats");
        let again: Vec<String> = resources(&c.get("/Users?startIndex=101&count=100").await.ok(200))
            .iter()
            .map(id_of)
            .collect();
        assert_eq!(again, seen[100..200], "{policy}: stable order");

        // Group push.
        let other = seen.iter().find(|s| **s != id).unwrap().clone();
        let g = c
            .post(
                "/Groups",
                &serde_json::json!({
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                    "displayName": "Okta Push",
                    "members": []
                }),
            )
            .await
            .ok(201);
        let gid = id_of(&g);
        let group = format!("/Groups/{gid}");
        let put = serde_json::json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "id": gid,
            "displayName": "Okta Push",
            "members": [{"value": id, "display": email}, {"value": other, "display": "other"}]
        });
        let v = c.put(&group, &put).await.ok(200);
        assert_eq!(
            v["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["display"].clone())
                .collect::<Vec<_>>(),
            [Value::from(email), Value::from("other")],
            "{policy}: {v:#}"
        );
        let third = seen
            .iter()
            .find(|s| **s != id && **s != other)
            .unwrap()
            .clone();
        let add = patch_op(
            serde_json::json!([{"op": "add", "path": "members", "value": [{"value": third, "display": "third"}]}]),
        );
        c.patch(&group, &add).await.no_content();
        let remove = patch_op(
            serde_json::json!([{"op": "remove", "path": format!("members[value eq \"{other}\"]")}]),
        );
        c.patch(&group, &remove).await.no_content();
        let rename = patch_op(
            serde_json::json!([{"op": "replace", "value": {"id": gid, "displayName": "Okta Pushed"}}]),
        );
        c.patch(&group, &rename).await.no_content();
        let v = c.get(&group).await.ok(200);
        assert_eq!(v["displayName"], "Okta Pushed", "{policy}");
        let mut members: Vec<String> = v["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| id_of(&serde_json::json!({"id": m["value"]})))
            .collect();
        members.sort();
        let mut want = vec![id.clone(), third.clone()];
        want.sort();
        assert_eq!(members, want, "{policy}");
    }
    srv.stop();
}

/// Requests shaped like Okta's OpenAPI description of a SCIM 2.0 app
/// (every endpoint and method, its attribute names and query parameters)
/// filled with random values of every JSON type, under both policies: not
/// one 5xx, and every answer a SCIM document. The seed is printed;
/// `INTEROP_SEED=N` replays a run.
async fn generated_okta_shaped_requests_never_get_a_5xx(env: TestEnv) {
    use proptest::test_runner::{RngAlgorithm, TestRng};
    let seed: u64 = std::env::var("INTEROP_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::process::id() as u64);
    eprintln!("generated requests: INTEROP_SEED={seed}");
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);

    let srv = Server::start(&env);
    let mut total = 0;
    let mut by_status: std::collections::BTreeMap<u16, u32> = Default::default();
    for policy in ["product", "standard"] {
        let token = scim_tenant(&env, policy, &format!("gen-{policy}"), policy);
        let c = srv.client(&format!("gen-{policy}"), &token);
        let mut users = vec![c.create_user("seed.user@example.com").await];
        let mut groups = vec![c.create_group("Seed Group").await];
        for _ in 0..2_100 {
            let (method, path, body) = generated_request(&mut rng, &users, &groups);
            let r = c.send(method.clone(), &path, body.as_ref()).await;
            total += 1;
            *by_status.entry(r.status).or_default() += 1;
            assert!(
                r.status < 500,
                "INTEROP_SEED={seed}: {method} {path} {}\n{r}",
                body.map(|b| b.to_string()).unwrap_or_default()
            );
            if r.status != 204 {
                let v = r.json();
                assert!(v.is_object(), "INTEROP_SEED={seed}: {r}");
            }
            if r.status == 201 {
                let id = id_of(&r.json());
                if path.starts_with("/Users") {
                    users.push(id);
                } else {
                    groups.push(id);
                }
            }
        }
    }
    eprintln!("generated requests by status: {by_status:?}");
    assert_eq!(total, 4_200);
    // The requests reach the resources, not only the parsers.
    let ok: u32 = by_status.range(200..300).map(|(_, n)| n).sum();
    assert!(ok > 400, "{by_status:?}");
    assert!(
        by_status.get(&201).is_some_and(|n| *n > 20),
        "{by_status:?}"
    );
    srv.stop();
}

/// Draws from proptest's seeded generator (the crate is already here for
/// the filter properties).
mod random {
    use proptest::prelude::Rng;
    use proptest::test_runner::TestRng;

    pub fn below(rng: &mut TestRng, n: usize) -> usize {
        (rng.next_u32() as usize) % n.max(1)
    }

    pub fn pick<'a, T>(rng: &mut TestRng, from: &'a [T]) -> &'a T {
        &from[below(rng, from.len())]
    }
}

const OKTA_USER_ATTRS: &[&str] = &[
    "userName",
    "name",
    "emails",
    "displayName",
    "locale",
    "externalId",
    "groups",
    "password",
    "active",
    "title",
    "phoneNumbers",
    "addresses",
    "nickName",
    "profileUrl",
    "userType",
    "preferredLanguage",
    "timezone",
    "schemas",
    "id",
    "meta",
    "roles",
    "entitlements",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
];
const OKTA_GROUP_ATTRS: &[&str] = &[
    "displayName",
    "members",
    "externalId",
    "schemas",
    "id",
    "meta",
];
const PATCH_PATHS: &[&str] = &[
    "active",
    "userName",
    "name.givenName",
    "name",
    "emails",
    "emails[type eq \"work\"].value",
    "members",
    "members[value eq \"x\"]",
    "displayName",
    "externalId",
    "title",
    "",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
    "[[",
    "a.b.c",
    "emails[",
    "members[value eq]",
    "groups",
    "meta.created",
    "id",
];
const FILTERS: &[&str] = &[
    "userName eq \"seed.user@example.com\"",
    "userName eq \"\"",
    "displayName eq \"Seed Group\"",
    "externalId eq \"x\"",
    "emails.value eq \"a@b\"",
    "userName sw \"s\"",
    "active eq true",
    "userName eq",
    "((",
    "members[value eq \"x\"]",
    "title pr",
    "not (userName eq \"x\")",
    "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
    "userName eq \"\u{202e}\u{0}\"",
];

fn random_value(rng: &mut proptest::test_runner::TestRng, depth: u32) -> Value {
    use random::{below, pick};
    let scalars = [
        Value::Null,
        Value::Bool(true),
        Value::from("False"),
        Value::from(""),
        Value::from("seed.user@example.com"),
        Value::from("x".repeat(5_000)),
        Value::from("élodie\u{1b}[31m"),
        Value::from(-1),
        Value::from(0),
        Value::from(1.5),
        Value::from(i64::MAX),
    ];
    match below(rng, if depth > 2 { 1 } else { 4 }) {
        0 => pick(rng, &scalars).clone(),
        1 => Value::Array(
            (0..below(rng, 4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let keys = [
                "value",
                "type",
                "primary",
                "display",
                "displayName",
                "givenName",
                "familyName",
                "$ref",
                "bogus",
            ];
            let mut m = serde_json::Map::new();
            for _ in 0..below(rng, 4) {
                m.insert((*pick(rng, &keys)).to_owned(), random_value(rng, depth + 1));
            }
            Value::Object(m)
        }
    }
}

fn random_resource(rng: &mut proptest::test_runner::TestRng, attrs: &[&str]) -> Value {
    use random::{below, pick};
    let mut m = serde_json::Map::new();
    for _ in 0..below(rng, 8) {
        let k = *pick(rng, attrs);
        m.insert(k.to_owned(), random_value(rng, 0));
    }
    // Often a valid core, so that requests get past the first check.
    if below(rng, 2) == 0 {
        m.insert(
            "userName".into(),
            format!("gen{}@example.com", below(rng, 50)).into(),
        );
        m.insert(
            "displayName".into(),
            format!("Gen {}", below(rng, 50)).into(),
        );
        m.insert(
            "name".into(),
            serde_json::json!({"givenName": "G", "familyName": "N"}),
        );
    }
    Value::Object(m)
}

fn generated_request(
    rng: &mut proptest::test_runner::TestRng,
    users: &[String],
    groups: &[String],
) -> (reqwest::Method, String, Option<Value>) {
    use random::{below, pick};
    use reqwest::Method;
    let user_side = below(rng, 2) == 0;
    let (endpoint, ids, attrs) = if user_side {
        ("/Users", users, OKTA_USER_ATTRS)
    } else {
        ("/Groups", groups, OKTA_GROUP_ATTRS)
    };
    let id = match below(rng, 5) {
        0 => "no-such-id".to_owned(),
        _ => pick(rng, ids).clone(),
    };
    match below(rng, 9) {
        0 | 1 => {
            let mut q = Vec::new();
            if below(rng, 2) == 0 {
                q.push(format!("filter={}", form(pick::<&str>(rng, FILTERS))));
            }
            for (k, vals) in [
                (
                    "startIndex",
                    &["1", "0", "-5", "2", "x", "99999999999999999999"][..],
                ),
                ("count", &["100", "0", "-1", "1", "abc", "1000000"][..]),
                (
                    "attributes",
                    &[
                        "emails[type eq \"work\"]",
                        "userName",
                        "members",
                        "[[",
                        "name.givenName",
                    ][..],
                ),
                ("excludedAttributes", &["members", "emails", "bogus"][..]),
                ("sortBy", &["userName", "meta.created", "bogus"][..]),
            ] {
                if below(rng, 3) == 0 {
                    q.push(format!("{k}={}", form(pick::<&str>(rng, vals))));
                }
            }
            (Method::GET, format!("{endpoint}?{}", q.join("&")), None)
        }
        2 => (Method::GET, format!("{endpoint}/{id}"), None),
        3 => (
            Method::POST,
            endpoint.to_owned(),
            Some(random_resource(rng, attrs)),
        ),
        4 => (
            Method::PUT,
            format!("{endpoint}/{id}"),
            Some(random_resource(rng, attrs)),
        ),
        5 | 6 => {
            let ops: Vec<Value> = (0..1 + below(rng, 3))
                .map(|_| {
                    let mut op = serde_json::Map::new();
                    op.insert(
                        "op".into(),
                        (*pick(
                            rng,
                            &["add", "replace", "remove", "Add", "REPLACE", "merge"],
                        ))
                        .into(),
                    );
                    if below(rng, 4) != 0 {
                        op.insert("path".into(), (*pick(rng, PATCH_PATHS)).into());
                    }
                    if below(rng, 4) != 0 {
                        op.insert("value".into(), random_value(rng, 0));
                    }
                    Value::Object(op)
                })
                .collect();
            (
                Method::PATCH,
                format!("{endpoint}/{id}"),
                Some(patch_op(Value::Array(ops))),
            )
        }
        7 => (Method::DELETE, format!("{endpoint}/{id}"), None),
        _ => {
            let p = *pick(
                rng,
                &[
                    "/ServiceProviderConfig",
                    "/ResourceTypes",
                    "/Schemas",
                    "/ResourceTypes/User",
                    "/Schemas/urn:x",
                    "/.search",
                ],
            );
            if p == "/.search" {
                (
                    Method::POST,
                    format!("{endpoint}/.search"),
                    Some(serde_json::json!({
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                    "filter": pick(rng, FILTERS), "count": random_value(rng, 2)})),
                )
            } else {
                (Method::GET, p.to_owned(), None)
            }
        }
    }
}

/// A NUL character (U+0000) in any value — a name, an externalId, an
/// email, a displayName, a member, a PATCH value — is 400 invalidValue on
/// both stores, naming the attribute, and nothing is stored; lookups by a
/// key with a NUL find nothing.
async fn a_nul_in_a_value_is_refused_on_either_store(env: TestEnv) {
    let token = scim_tenant(&env, "Lab", "lab", "standard");
    let srv = Server::start(&env);
    let c = srv.client("lab", &token);
    let mut given = entra_user("nul1@lab.example", "A\u{0}nn", "Lee", None);
    given["name"]["formatted"] = json!("Ann Lee");
    let mut external = entra_user("nul2@lab.example", "Ann", "Lee", None);
    external["externalId"] = json!("x\u{0}y");
    let mut email = entra_user("nul3@lab.example", "Ann", "Lee", None);
    email["emails"] = json!([{"value": "a\u{0}@lab.example", "type": "work"}]);
    for (body, attr) in [
        (&given, "name.givenName"),
        (&external, "externalId"),
        (&email, "emails.value"),
    ] {
        let r = c.post("/Users", body).await;
        let detail = r.error(400, Some("invalidValue"), "invalid_value");
        assert!(detail.contains(&format!("\"{attr}\"")), "{detail}");
        assert!(detail.contains("NUL"), "{detail}");
    }
    let r = c.post("/Groups", &entra_group("G\u{0}")).await;
    r.error(400, Some("invalidValue"), "invalid_value");
    assert!(c.find_users("userName sw \"nul\"").await.is_empty());
    assert_eq!(env.count("groups"), 0);

    let uid = c.create_user("ok@lab.example").await;
    let patch = patch_op(json!([{"op": "replace", "path": "name.givenName", "value": "B\u{0}"}]));
    let r = c.patch(&format!("/Users/{uid}"), &patch).await;
    r.error(400, Some("invalidValue"), "invalid_value");
    given["userName"] = json!("ok@lab.example");
    let r = c.put(&format!("/Users/{uid}"), &given).await;
    r.error(400, Some("invalidValue"), "invalid_value");
    let got = c.get(&format!("/Users/{uid}")).await.ok(200);
    assert!(!got.to_string().contains("\\u0000"), "{got}");
    // A key with a NUL is nobody's.
    assert_eq!(c.get("/Users/a%00").await.status, 404);
    let found = c.find_users("externalId eq \"x\u{0}y\"").await;
    assert!(found.is_empty());
}
