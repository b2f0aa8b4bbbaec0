//! `scimctl serve` over HTTP (issue 4): the real binary on 127.0.0.1:0 over a
//! temporary store, driven with a real HTTP client as Entra ID and strict
//! RFC 7644 clients drive it.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

both_stores!(
    async
    entra_test_connection_probe_gets_an_empty_list,
    product_user_lifecycle_entra_default_dialect,
    product_user_lifecycle_entra_compliant_dialect,
    standard_user_lifecycle_keeps_every_attribute,
    group_lifecycle_entra_default_dialect,
    group_lifecycle_entra_compliant_dialect,
    discovery_documents_parse_and_agree_with_enforcement,
    every_error_class_is_a_scim_error,
    queries_search_and_pagination,
    filtered_pages_show_users_as_get_does,
    another_tenants_resources_are_invisible,
    the_old_token_never_succeeds_after_regenerate_returns,
    concurrent_writes_conflict_or_merge_correctly,
    serve_and_the_cli_share_the_store,
    every_acknowledged_create_survives_kill_9,
);

/// Entra's two PATCH dialects: the default (capitalised ops, string
/// booleans, `Remove members` with a value list) and the one selected by
/// `aadOptscim062020` in the tenant URL (lower-case ops, JSON booleans,
/// path-less replaces with dotted keys, `members[value eq …]`).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Dialect {
    Default,
    Compliant,
}

impl Dialect {
    /// The query the flagged tenant URL adds to every request.
    fn q(self) -> &'static str {
        match self {
            Dialect::Default => "",
            Dialect::Compliant => "?aadOptscim062020",
        }
    }
    fn op(self, op: &str) -> String {
        match self {
            Dialect::Default => {
                let mut c = op.chars();
                c.next().unwrap().to_uppercase().chain(c).collect()
            }
            Dialect::Compliant => op.to_owned(),
        }
    }
    fn boolean(self, b: bool) -> Value {
        match self {
            Dialect::Default => json!(if b { "True" } else { "False" }),
            Dialect::Compliant => json!(b),
        }
    }
}

fn assert_etag_matches(r: &Resp, body: &Value) -> String {
    let etag = r
        .header("etag")
        .unwrap_or_else(|| panic!("no ETag:\n{r}"))
        .to_owned();
    assert_eq!(
        json!(etag),
        body["meta"]["version"],
        "ETag must equal meta.version:\n{r}"
    );
    etag
}

async fn entra_test_connection_probe_gets_an_empty_list(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    let h = c.http.get(format!("{}/healthz", srv.origin())).send().await;
    assert_eq!(h.unwrap().status().as_u16(), 200);

    // Exactly as Entra sends it: form-encoded, the flag as an unknown
    // parameter before or after the filter.
    let g = guid();
    for path in [
        format!("/Users?filter=userName+eq+%22{g}%22"),
        format!("/Users?aadOptscim062020&filter=userName+eq+%22{g}%22"),
        format!("/Users?filter=userName+eq+%22{g}%22&aadOptscim062020"),
        format!("/Users?filter=userName%20eq%20%22{g}%22&unknownParam=1"),
        format!("/Groups?excludedAttributes=members&filter=displayName+eq+%22{g}%22"),
    ] {
        let body = c.get(&path).await.ok(200);
        assert_eq!(body["schemas"], json!([LIST_URN]), "{path}: {body:#}");
        assert_eq!(body["totalResults"], 0, "{path}: {body:#}");
        assert_eq!(body["Resources"], json!([]), "{path}: {body:#}");
        assert_eq!(body["startIndex"], 1, "{path}: {body:#}");
    }
    // Without a token the probe is refused (Entra: "invalid credentials").
    c.with_token(None)
        .get(&format!("/Users?filter=userName+eq+%22{g}%22"))
        .await
        .error(401, None, "invalid_token");

    // Token use is recorded (in batches; a graceful stop writes it).
    srv.stop();
    let after = env.json(&["--tenant", "acme", "token", "status"]);
    let t = key(&after, "token");
    assert_eq!(
        opt_str_key(t, "last_used_from"),
        Some("127.0.0.1"),
        "{after:#}"
    );
    time_key(t, "last_used_at");
}

/// The full user lifecycle of one Entra dialect under `product`.
async fn product_user_lifecycle(env: TestEnv, d: Dialect) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let q = d.q();
    let base = srv.tenant_url("acme");

    // Create: 201, Location = meta.location, ETag = meta.version; only the
    // supported attributes are kept (emails equal to userName is the
    // product's one email, made from userName on the way out).
    let r = c
        .post(
            &format!("/Users{q}"),
            &entra_user("Jane.Doe@Example.com", "Jane", "Doe", Some("jdoe")),
        )
        .await;
    let u = r.ok(201);
    let id = id_of(&u);
    let loc = format!("{base}/Users/{id}");
    assert_eq!(r.header("location"), Some(loc.as_str()), "{r}");
    assert_eq!(u["meta"]["location"], json!(loc));
    assert_eq!(u["meta"]["resourceType"], "User");
    assert_eq!(u["meta"]["created"], u["meta"]["lastModified"]);
    let v1 = assert_etag_matches(&r, &u);
    assert_eq!(u["userName"], "Jane.Doe@Example.com", "stored as sent");
    assert_eq!(u["externalId"], "jdoe");
    assert_eq!(u["active"], true);
    assert_eq!(u["name"], json!({"givenName": "Jane", "familyName": "Doe"}));
    assert_eq!(
        u["emails"],
        json!([{"value": "Jane.Doe@Example.com", "type": "work", "primary": true}]),
        "the product's email is userName: {u:#}"
    );
    assert_eq!(u["schemas"], json!([USER_URN]));

    // Match by filter in another letter case; by externalId too.
    let found = c
        .get(&format!(
            "/Users?filter={}{}",
            form("userName eq \"jane.doe@EXAMPLE.COM\""),
            if q.is_empty() {
                ""
            } else {
                "&aadOptscim062020"
            }
        ))
        .await
        .ok(200);
    assert_eq!(found["totalResults"], 1, "{found:#}");
    assert_eq!(found["Resources"][0]["id"], json!(id));
    assert_eq!(
        c.find_users("externalId eq \"jdoe\"").await,
        vec![id.clone()]
    );
    assert!(
        c.find_users("externalId eq \"JDOE\"").await.is_empty(),
        "externalId is caseExact"
    );

    let path = format!("/Users/{id}{q}");
    let patch = |ops: Value| {
        let c = c.clone();
        let path = path.clone();
        async move { c.patch(&path, &patch_op(ops)).await }
    };

    // PATCH each attribute.
    let r = patch(json!([{"op": d.op("replace"), "path": "externalId", "value": "jdoe2"}])).await;
    let b = r.ok(200);
    assert_eq!(b["externalId"], "jdoe2");
    let v2 = assert_etag_matches(&r, &b);
    assert_ne!(v1, v2, "the version moves on a change");
    match d {
        Dialect::Default => {
            let r = patch(json!([
                {"op": "Replace", "path": "name.givenName", "value": "Janet"},
                {"op": "Replace", "path": "name.familyName", "value": "Doe-Smith"}
            ]))
            .await;
            assert_eq!(
                r.ok(200)["name"],
                json!({"givenName": "Janet", "familyName": "Doe-Smith"})
            );
        }
        Dialect::Compliant => {
            // One path-less replace with dotted keys.
            let r = patch(json!([{"op": "replace", "value": {
                "name.givenName": "Janet", "name.familyName": "Doe-Smith", "externalId": "jdoe3"
            }}]))
            .await;
            let b = r.ok(200);
            assert_eq!(
                b["name"],
                json!({"givenName": "Janet", "familyName": "Doe-Smith"})
            );
            assert_eq!(b["externalId"], "jdoe3");
        }
    }
    // userName may change only by letter case; another email is refused.
    let r = patch(
        json!([{"op": d.op("replace"), "path": "userName", "value": "JANE.DOE@example.com"}]),
    )
    .await;
    assert_eq!(r.ok(200)["userName"], "JANE.DOE@example.com");
    let r =
        patch(json!([{"op": d.op("replace"), "path": "userName", "value": "jane@elsewhere.com"}]))
            .await;
    let detail = r.error(400, Some("mutability"), "mutability");
    assert!(detail.contains("userName"), "{detail}");

    // Disable (soft delete): still readable by id and by filter.
    let r =
        patch(json!([{"op": d.op("replace"), "path": "active", "value": d.boolean(false)}])).await;
    assert_eq!(r.ok(200)["active"], false);
    let got = c.get(&path).await.ok(200);
    assert_eq!(got["active"], false);
    assert_eq!(got["userName"], "JANE.DOE@example.com");
    assert_eq!(
        c.find_users("userName eq \"jane.doe@example.com\"").await,
        vec![id.clone()]
    );
    assert_eq!(c.find_users("active eq false").await, vec![id.clone()]);
    // Re-enable.
    let r =
        patch(json!([{"op": d.op("replace"), "path": "active", "value": d.boolean(true)}])).await;
    assert_eq!(r.ok(200)["active"], true);
    assert_eq!(c.get(&path).await.ok(200)["active"], true);

    // Tombstone: Entra frees the UPN by prefixing the object id in hex and
    // disables the user in the same PATCH. The deactivation applies; the
    // email stays.
    let tomb = format!("{}JANE.DOE@example.com", uuid::Uuid::new_v4().simple());
    let r = patch(json!([
        {"op": d.op("replace"), "path": "userName", "value": tomb},
        {"op": d.op("replace"), "path": "active", "value": d.boolean(false)}
    ]))
    .await;
    let b = r.ok(200);
    assert_eq!(b["active"], false, "{b:#}");
    assert_eq!(b["userName"], "JANE.DOE@example.com", "{b:#}");
    let got = c.get(&path).await.ok(200);
    assert_eq!(got["active"], false);
    assert_eq!(got["userName"], "JANE.DOE@example.com");

    // Hard delete: 204, then every operation on the id is 404.
    c.delete(&path).await.no_content();
    c.get(&path).await.error(404, None, "not_found");
    patch(json!([{"op": d.op("replace"), "path": "active", "value": d.boolean(true)}]))
        .await
        .error(404, None, "not_found");
    c.put(
        &path,
        &entra_user("Jane.Doe@Example.com", "Jane", "Doe", None),
    )
    .await
    .error(404, None, "not_found");
    c.delete(&path).await.error(404, None, "not_found");
    assert!(
        c.find_users("userName eq \"jane.doe@example.com\"")
            .await
            .is_empty()
    );

    // The userName can be created again, with a new id.
    let u2 = c
        .post(
            &format!("/Users{q}"),
            &entra_user("jane.doe@example.com", "Jane", "Doe", None),
        )
        .await
        .ok(201);
    assert_ne!(id_of(&u2), id);
    assert_eq!(
        c.find_users("userName eq \"Jane.Doe@Example.com\"").await,
        vec![id_of(&u2)]
    );

    // PUT (RFC clients): replaces the supported attributes; the userName
    // rule holds there too.
    let p2 = format!("/Users/{}{q}", id_of(&u2));
    let r = c
        .put(
            &p2,
            &entra_user("jane.doe@example.com", "Jana", "Doe", Some("jd-put")),
        )
        .await;
    let b = r.ok(200);
    assert_eq!(b["name"]["givenName"], "Jana");
    assert_eq!(b["externalId"], "jd-put");
    assert_etag_matches(&r, &b);
    c.put(&p2, &entra_user("someone.else@example.com", "J", "D", None))
        .await
        .error(400, Some("mutability"), "mutability");
}

async fn product_user_lifecycle_entra_default_dialect(env: TestEnv) {
    product_user_lifecycle(env, Dialect::Default).await;
}

async fn product_user_lifecycle_entra_compliant_dialect(env: TestEnv) {
    product_user_lifecycle(env, Dialect::Compliant).await;
}

async fn standard_user_lifecycle_keeps_every_attribute(env: TestEnv) {
    let token = scim_tenant(&env, "Lab", "lab", "standard");
    let token2 = scim_tenant(&env, "Lab Two", "lab2", "standard");
    let srv = Server::start(&env);
    let c = srv.client("lab", &token);

    let body = json!({
        "schemas": [USER_URN, ENTERPRISE_URN],
        "userName": "bjensen",
        "externalId": "bj",
        "name": {"givenName": "Barbara", "familyName": "Jensen", "formatted": "Ms. Barbara J Jensen"},
        "displayName": "Babs Jensen",
        "title": "Tour Guide",
        "emails": [
            {"value": "bjensen@example.com", "type": "work", "primary": true},
            {"value": "babs@jensen.org", "type": "home"}
        ],
        "active": "True",
        ENTERPRISE_URN: {"employeeNumber": "701984", "department": "Tour Operations"}
    });
    let r = c.post("/Users", &body).await;
    let u = r.ok(201);
    let id = id_of(&u);
    assert_eq!(u["userName"], "bjensen", "any userName under standard");
    assert_eq!(u["active"], true, "a string boolean is coerced");
    assert_eq!(u["displayName"], "Babs Jensen");
    assert_eq!(u["title"], "Tour Guide");
    assert_eq!(u["name"]["formatted"], "Ms. Barbara J Jensen");
    assert_eq!(u["emails"].as_array().map(Vec::len), Some(2), "{u:#}");
    assert_eq!(u[ENTERPRISE_URN]["employeeNumber"], "701984");
    assert_eq!(u[ENTERPRISE_URN]["department"], "Tour Operations");
    assert!(
        u["schemas"]
            .as_array()
            .unwrap()
            .contains(&json!(ENTERPRISE_URN)),
        "{u:#}"
    );
    let got = c.get(&format!("/Users/{id}")).await.ok(200);
    assert_eq!(got["emails"], u["emails"]);
    assert_eq!(got[ENTERPRISE_URN], u[ENTERPRISE_URN]);

    // Filters over the stored attributes.
    assert_eq!(
        c.find_users("emails[type eq \"work\"].value eq \"BJENSEN@example.com\"")
            .await,
        vec![id.clone()]
    );
    assert_eq!(
        c.find_users(&format!("{ENTERPRISE_URN}:employeeNumber eq \"701984\""))
            .await,
        vec![id.clone()]
    );

    // PATCH an extension attribute by its full URN path, an email by a
    // filtered path, the userName.
    let p = format!("/Users/{id}");
    let r = c
        .patch(
            &p,
            &patch_op(json!([
                {"op": "Replace", "path": format!("{ENTERPRISE_URN}:department"), "value": "Sales"},
                {"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "barbara@example.com"},
                {"op": "Replace", "path": "userName", "value": "barbara"}
            ])),
        )
        .await;
    let b = r.ok(200);
    assert_eq!(b[ENTERPRISE_URN]["department"], "Sales");
    assert_eq!(b["userName"], "barbara", "userName changes under standard");
    let work: Vec<&Value> = b["emails"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "work")
        .collect();
    assert_eq!(work.len(), 1, "{b:#}");
    assert_eq!(work[0]["value"], "barbara@example.com");
    assert_eq!(
        c.find_users("userName eq \"BARBARA\"").await,
        vec![id.clone()]
    );
    assert!(c.find_users("userName eq \"bjensen\"").await.is_empty());

    // userName stays unique in the tenant (case-insensitively): on create
    // and on change.
    c.post("/Users", &json!({"userName": "Barbara"}))
        .await
        .error(409, Some("uniqueness"), "uniqueness");
    let other = id_of(
        &c.post("/Users", &json!({"userName": "alice"}))
            .await
            .ok(201),
    );
    c.patch(
        &format!("/Users/{other}"),
        &patch_op(json!([{"op": "replace", "path": "userName", "value": "BARBARA"}])),
    )
    .await
    .error(409, Some("uniqueness"), "uniqueness");
    assert_eq!(
        c.get(&format!("/Users/{other}")).await.ok(200)["userName"],
        "alice"
    );
    // ... but private to the tenant: another standard tenant may use it.
    srv.client("lab2", &token2)
        .post("/Users", &json!({"userName": "barbara"}))
        .await
        .ok(201);

    // PUT replaces the resource: attributes left out are gone.
    let r = c
        .put(
            &p,
            &json!({"schemas": [USER_URN], "userName": "barbara", "name": {"givenName": "Barbara", "familyName": "Jensen"}}),
        )
        .await;
    let b = r.ok(200);
    assert!(b.get("emails").is_none(), "{b:#}");
    assert!(b.get(ENTERPRISE_URN).is_none(), "{b:#}");
    assert!(b.get("title").is_none(), "{b:#}");

    // Disable with a string boolean, re-enable, delete, 404, re-create.
    let r = c
        .patch(
            &p,
            &patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}])),
        )
        .await;
    assert_eq!(r.ok(200)["active"], false);
    assert_eq!(
        c.find_users("userName eq \"barbara\"").await,
        vec![id.clone()]
    );
    let r = c
        .patch(
            &p,
            &patch_op(json!([{"op": "Replace", "path": "active", "value": "True"}])),
        )
        .await;
    assert_eq!(r.ok(200)["active"], true);
    c.delete(&p).await.no_content();
    c.get(&p).await.error(404, None, "not_found");
    let again = c
        .post("/Users", &json!({"userName": "barbara"}))
        .await
        .ok(201);
    assert_ne!(id_of(&again), id);

    // Discovery agrees: the enterprise extension is published.
    let s = c.get("/Schemas").await.ok(200);
    let ids: Vec<String> = resources(&s)
        .iter()
        .map(|x| str_key(x, "id").to_owned())
        .collect();
    assert!(ids.iter().any(|i| i == ENTERPRISE_URN), "{ids:?}");
    let rt = c.get("/ResourceTypes/User").await.ok(200);
    assert_eq!(rt["schemaExtensions"][0]["schema"], ENTERPRISE_URN);
}

/// The group lifecycle Entra runs, in either dialect.
async fn group_lifecycle(env: TestEnv, d: Dialect) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let other_token = scim_tenant(&env, "Beta Inns", "beta", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let q = d.q();
    let base = srv.tenant_url("acme");

    let mut users = Vec::new();
    for i in 0..4 {
        users.push(c.create_user(&format!("member{i}@acme.example")).await);
    }
    let foreign = srv
        .client("beta", &other_token)
        .create_user("outsider@beta.example")
        .await;

    // Create empty, with Entra's two schemas.
    let r = c
        .post(&format!("/Groups{q}"), &entra_group("Sales Team"))
        .await;
    let g = r.ok(201);
    let gid = id_of(&g);
    assert_eq!(g["members"], json!([]), "{g:#}");
    assert_eq!(g["displayName"], "Sales Team");
    let loc = format!("{base}/Groups/{gid}");
    assert_eq!(r.header("location"), Some(loc.as_str()));
    assert_eq!(g["meta"]["location"], json!(loc));
    assert_etag_matches(&r, &g);
    let gp = format!("/Groups/{gid}{q}");

    // Add several members in one operation: 204, no body.
    let add: Vec<Value> = users
        .iter()
        .map(|u| json!({"$ref": null, "value": u}))
        .collect();
    c.patch(
        &gp,
        &patch_op(json!([{"op": d.op("add"), "path": "members", "value": add}])),
    )
    .await
    .no_content();
    let mut all = users.clone();
    all.sort();
    assert_eq!(c.members(&gid).await, all);

    // Remove one by a value list: exactly that one (not all of them).
    c.patch(
        &gp,
        &patch_op(json!([{"op": "Remove", "path": "members", "value": [{"$ref": null, "value": users[1]}]}])),
    )
    .await
    .no_content();
    let mut left: Vec<String> = vec![users[0].clone(), users[2].clone(), users[3].clone()];
    left.sort();
    assert_eq!(c.members(&gid).await, left);

    // Remove one by a path filter.
    c.patch(
        &gp,
        &patch_op(
            json!([{"op": d.op("remove"), "path": format!("members[value eq \"{}\"]", users[2])}]),
        ),
    )
    .await
    .no_content();
    let mut left: Vec<String> = vec![users[0].clone(), users[3].clone()];
    left.sort();
    assert_eq!(c.members(&gid).await, left);

    // Rename: 204.
    c.patch(
        &gp,
        &patch_op(
            json!([{"op": d.op("replace"), "path": "displayName", "value": "Sales Team EMEA"}]),
        ),
    )
    .await
    .no_content();

    // Read as Entra does: without members.
    let got = c
        .get(&format!("/Groups/{gid}?excludedAttributes=members"))
        .await
        .ok(200);
    assert!(got.get("members").is_none(), "{got:#}");
    assert_eq!(got["displayName"], "Sales Team EMEA");
    assert_eq!(got["id"], json!(gid));
    let list = c
        .get(&format!(
            "/Groups?excludedAttributes=members&filter={}",
            form("displayName eq \"sales team emea\"")
        ))
        .await
        .ok(200);
    let found = resources(&list);
    assert_eq!(found.len(), 1, "{list:#}");
    assert_eq!(found[0]["id"], json!(gid));
    assert!(found[0].get("members").is_none(), "{list:#}");

    // A PATCH that asks for attributes gets 200 with them.
    let r = c
        .patch(
            &format!("/Groups/{gid}?attributes=displayName"),
            &patch_op(json!([{"op": d.op("replace"), "path": "externalId", "value": "obj-1"}])),
        )
        .await;
    let b = r.ok(200);
    assert_eq!(b["displayName"], "Sales Team EMEA");
    assert_eq!(b["id"], json!(gid));

    // displayName is unique per tenant, case-insensitively.
    c.post("/Groups", &entra_group("SALES TEAM emea"))
        .await
        .error(409, Some("uniqueness"), "uniqueness");
    let g2 = c.create_group("Front Desk").await;
    c.patch(
        &format!("/Groups/{g2}"),
        &patch_op(
            json!([{"op": d.op("replace"), "path": "displayName", "value": "sales team EMEA"}]),
        ),
    )
    .await
    .error(409, Some("uniqueness"), "uniqueness");

    // Members must be users of this tenant: 400 naming the id, and the
    // whole PATCH is refused (users[1] is not added either).
    for bad in [foreign.clone(), guid()] {
        let r = c
            .patch(
                &gp,
                &patch_op(json!([{"op": d.op("add"), "path": "members", "value": [
                    {"value": users[1]}, {"value": bad}
                ]}])),
            )
            .await;
        let detail = r.error(400, Some("invalidValue"), "invalid_value");
        assert!(
            detail.contains(&bad),
            "the detail names the bad id: {detail}"
        );
        assert!(!detail.contains("outsider@beta.example"), "{detail}");
        assert_eq!(c.members(&gid).await, left);
        let mut body = entra_group(&format!("New {bad}"));
        body["members"] = json!([{"value": bad}]);
        let detail =
            c.post("/Groups", &body)
                .await
                .error(400, Some("invalidValue"), "invalid_value");
        assert!(detail.contains(&bad), "{detail}");
    }

    // Deleting a user takes it out of its groups.
    c.delete(&format!("/Users/{}", users[0])).await.no_content();
    assert_eq!(c.members(&gid).await, vec![users[3].clone()]);

    // Delete: 204, then 404 everywhere.
    c.delete(&gp).await.no_content();
    c.get(&gp).await.error(404, None, "not_found");
    c.patch(
        &gp,
        &patch_op(json!([{"op": d.op("replace"), "path": "displayName", "value": "X"}])),
    )
    .await
    .error(404, None, "not_found");
    c.delete(&gp).await.error(404, None, "not_found");
    let list = c
        .get(&format!(
            "/Groups?filter={}",
            form("displayName eq \"Sales Team EMEA\"")
        ))
        .await
        .ok(200);
    assert_eq!(list["totalResults"], 0);
    // Its name is free again.
    c.create_group("Sales Team EMEA").await;
}

async fn group_lifecycle_entra_default_dialect(env: TestEnv) {
    group_lifecycle(env, Dialect::Default).await;
}

async fn group_lifecycle_entra_compliant_dialect(env: TestEnv) {
    group_lifecycle(env, Dialect::Compliant).await;
}

async fn discovery_documents_parse_and_agree_with_enforcement(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let anon = c.with_token(None);
    let base = srv.tenant_url("acme");

    // ServiceProviderConfig: readable without a token.
    let spc = anon.get("/ServiceProviderConfig").await.ok(200);
    assert_eq!(
        spc["schemas"],
        json!(["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"])
    );
    for k in ["patch", "bulk", "filter", "changePassword", "sort", "etag"] {
        assert!(spc[k]["supported"].is_boolean(), "{k}: {spc:#}");
    }
    assert_eq!(spc["patch"]["supported"], true);
    assert_eq!(spc["etag"]["supported"], true);
    assert_eq!(spc["filter"]["supported"], true);
    assert_eq!(spc["bulk"]["supported"], false);
    assert_eq!(
        spc["authenticationSchemes"][0]["type"], "oauthbearertoken",
        "{spc:#}"
    );
    // The same document whatever the token (it reveals nothing).
    let with = c.get("/ServiceProviderConfig").await.ok(200);
    assert_eq!(with, spc);

    // The other discovery endpoints need the token.
    for p in ["/ResourceTypes", "/Schemas", "/ResourceTypes/User"] {
        anon.get(p).await.error(401, None, "invalid_token");
    }

    let rts = c.get("/ResourceTypes").await.ok(200);
    let list = resources(&rts);
    assert_eq!(rts["totalResults"], 2);
    let user_rt = list.iter().find(|r| r["id"] == "User").expect("User");
    assert_eq!(user_rt["endpoint"], "/Users");
    assert_eq!(user_rt["schema"], USER_URN);
    assert!(
        user_rt.get("schemaExtensions").is_none(),
        "product publishes no extension: {user_rt:#}"
    );
    let group_rt = list.iter().find(|r| r["id"] == "Group").expect("Group");
    assert_eq!(group_rt["endpoint"], "/Groups");
    assert_eq!(c.get("/ResourceTypes/User").await.ok(200), *user_rt);
    assert_eq!(
        c.get("/ResourceTypes/Group").await.ok(200)["meta"]["location"],
        json!(format!("{base}/ResourceTypes/Group"))
    );
    c.get("/ResourceTypes/Printer")
        .await
        .error(404, None, "not_found");

    // Schemas: exactly what the product policy stores.
    let s = c.get("/Schemas").await.ok(200);
    let schemas = resources(&s);
    let ids: BTreeSet<&str> = schemas.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(ids, BTreeSet::from([USER_URN, GROUP_URN]));
    let user = schemas.iter().find(|x| x["id"] == USER_URN).unwrap();
    let names: Vec<&str> = array_key(user, "attributes")
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["userName", "name", "active", "emails"], "{user:#}");
    let attr = |n: &str| {
        array_key(user, "attributes")
            .iter()
            .find(|a| a["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(attr("userName")["required"], true);
    assert_eq!(attr("userName")["caseExact"], false);
    assert_eq!(attr("active")["type"], "boolean");
    let name = attr("name");
    let subs: Vec<&str> = name["subAttributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        subs.into_iter().collect::<BTreeSet<_>>(),
        BTreeSet::from(["familyName", "givenName"])
    );
    let got = c.get(&format!("/Schemas/{USER_URN}")).await.ok(200);
    assert_eq!(got, *user);
    c.get(&format!("/Schemas/{ENTERPRISE_URN}"))
        .await
        .error(404, None, "not_found");
    c.get("/Schemas/urn:example:nothing")
        .await
        .error(404, None, "not_found");

    // What the schema says is enforced: name.givenName is required, and
    // attributes it does not list are not stored.
    let detail = c
        .post(
            "/Users",
            &json!({"userName": "a@acme.example", "name": {"familyName": "A"}}),
        )
        .await
        .error(400, Some("invalidValue"), "invalid_value");
    assert!(detail.contains("givenName"), "{detail}");
    c.post(
        "/Users",
        &json!({"userName": "not-an-email", "name": {"givenName": "A", "familyName": "B"}}),
    )
    .await
    .error(400, Some("invalidValue"), "invalid_value");
    let u = c
        .post(
            "/Users",
            &json!({"userName": "b@acme.example", "name": {"givenName": "B", "familyName": "B"},
                    "displayName": "Bee", "title": "Chef"}),
        )
        .await
        .ok(201);
    assert!(
        u.get("displayName").is_none() && u.get("title").is_none(),
        "{u:#}"
    );

    // Write methods on discovery endpoints: 405, as a SCIM error.
    let empty = json!({});
    for (m, p) in [
        (Method::POST, "/Schemas"),
        (Method::PUT, "/ResourceTypes"),
        (Method::DELETE, "/ServiceProviderConfig"),
        (
            Method::PATCH,
            "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
        ),
        (Method::POST, "/ResourceTypes/User"),
    ] {
        let r = c.send(m.clone(), p, Some(&empty)).await;
        r.error(405, None, "method_not_allowed");
    }
    // And on resource endpoints a method they do not have.
    c.send(Method::DELETE, "/Users", None)
        .await
        .error(405, None, "method_not_allowed");

    // An unknown path under a tenant is a SCIM 404 (after authentication),
    // and outside the tenants too.
    c.get("/Printers").await.error(404, None, "not_found");
    c.get("/Users/x/y").await.error(404, None, "not_found");
    c.with_token(Some("scim_wrong"))
        .get("/Printers")
        .await
        .error(401, None, "invalid_token");
    let outside = c.at(srv.origin());
    outside
        .get("/scim/v1/whatever")
        .await
        .error(404, None, "not_found");
}

async fn every_error_class_is_a_scim_error(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    // Malformed JSON.
    let r = c
        .raw(
            Method::POST,
            "/Users",
            Some(br#"{"userName": "x@y.com", "#.to_vec()),
            Some(SCIM_JSON),
            &[],
        )
        .await;
    r.error(400, Some("invalidSyntax"), "invalid_syntax");
    let r = c
        .raw(
            Method::PATCH,
            &format!("/Groups/{}", guid()),
            Some(b"not json".to_vec()),
            Some(SCIM_JSON),
            &[],
        )
        .await;
    assert!(
        r.status == 400 || r.status == 404,
        "a bad body to an unknown group: {r}"
    );
    // A body that is JSON but not a resource.
    c.post("/Users", &json!([1, 2]))
        .await
        .error(400, Some("invalidSyntax"), "invalid_syntax");

    // Over 1 MiB: 413; exactly 1 MiB is still read.
    let user = |pad: usize| {
        let base = r#"{"userName":"big@acme.example","name":{"givenName":"B","familyName":"G"}}"#;
        let mut b = base.as_bytes().to_vec();
        b.extend(std::iter::repeat_n(b' ', pad));
        b
    };
    let base_len = user(0).len();
    let limit = 1 << 20;
    let r = c
        .raw(
            Method::POST,
            "/Users",
            Some(user(limit + 1 - base_len)),
            Some(SCIM_JSON),
            &[],
        )
        .await;
    r.error(413, None, "payload_too_large");
    assert!(
        c.find_users("userName eq \"big@acme.example\"")
            .await
            .is_empty()
    );
    let r = c
        .raw(
            Method::POST,
            "/Users",
            Some(user(limit - base_len)),
            Some(SCIM_JSON),
            &[],
        )
        .await;
    r.ok(201);

    // application/json requests are accepted (and answered in scim+json).
    let r = c
        .raw(
            Method::POST,
            "/Users",
            Some(serde_json::to_vec(&entra_user("json@acme.example", "J", "S", None)).unwrap()),
            Some("application/json"),
            &[],
        )
        .await;
    let u = r.ok(201);
    let id = id_of(&u);

    // Bad filters.
    for f in [
        "userName eq",
        "userName zz \"a\"",
        "(userName eq \"a\"",
        "active gt true",
        "userName eq \"a\" and",
    ] {
        let r = c.get(&format!("/Users?filter={}", form(f))).await;
        r.error(400, Some("invalidFilter"), "invalid_filter");
    }
    c.get("/Users?count=many")
        .await
        .error(400, Some("invalidValue"), "invalid_value");

    // If-Match: 412 on a mismatch (nothing changes), honoured when it
    // matches, never required.
    let p = format!("/Users/{id}");
    let got = c.get(&p).await;
    let etag = got.header("etag").expect("ETag on GET").to_owned();
    assert_eq!(json!(etag), got.json()["meta"]["version"]);
    let disable = patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}]));
    let detail =
        c.patch_if(&p, &disable, "W/\"999\"")
            .await
            .error(412, None, "precondition_failed");
    assert!(detail.contains(&etag), "{detail}");
    assert_eq!(c.get(&p).await.ok(200)["active"], true);
    let r = c.patch_if(&p, &disable, &etag).await;
    let b = r.ok(200);
    assert_eq!(b["active"], false);
    let new_etag = assert_etag_matches(&r, &b);
    assert_ne!(new_etag, etag);
    // The stale tag is refused now, on DELETE too.
    let r = c
        .raw(Method::DELETE, &p, None, None, &[("If-Match", &etag)])
        .await;
    r.error(412, None, "precondition_failed");
    let r = c
        .raw(Method::DELETE, &p, None, None, &[("If-Match", &new_etag)])
        .await;
    r.no_content();

    // No token, a malformed header, a wrong token: 401 with the same text.
    let anon = c.with_token(None);
    let a = anon.get("/Users").await;
    a.error(401, None, "invalid_token");
    let w = c.with_token(Some("scim_nope")).get("/Users").await;
    w.error(401, None, "invalid_token");
    let basic = anon
        .raw(
            Method::GET,
            "/Users",
            None,
            None,
            &[("Authorization", "Basic Zm9vOmJhcg==")],
        )
        .await;
    basic.error(401, None, "invalid_token");
    assert_eq!(a.message(), w.message());
    assert_eq!(a.message(), basic.message());
}

/// The users of the list page at `path`, `shown` of them, each checked to
/// be the user `GET /Users/{id}` shows.
async fn page_as_get(c: &Scim, path: &str, shown: usize) -> Vec<Value> {
    let b = c.get(path).await.ok(200);
    let page = resources(&b);
    assert_eq!(page.len(), shown, "{path}: {b:#}");
    for r in &page {
        let one = c.get(&format!("/Users/{}", id_of(r))).await.ok(200);
        assert_eq!(r, &one, "{path}: the page's user differs from GET's");
    }
    page
}

/// A list page is built from the resources its filter was tested on
/// where they are the same as GET's (a product tenant's, or a standard
/// tenant's when the filter read their groups) and anew otherwise: on
/// every path, a user on a page is the user GET shows, groups included.
async fn filtered_pages_show_users_as_get_does(env: TestEnv) {
    let token = scim_tenant(&env, "Lab", "lab", "standard");
    let srv = Server::start(&env);
    let c = srv.client("lab", &token);
    let mut users = Vec::new();
    for i in 0..5 {
        users.push(c.create_user(&format!("u{i}@lab.example")).await);
    }
    let gid = c.create_group("Night Shift").await;
    c.patch(
        &format!("/Groups/{gid}"),
        &patch_op(json!([{"op": "add", "path": "members", "value": [
            {"value": users[1]}, {"value": users[2]}, {"value": users[3]}
        ]}])),
    )
    .await
    .no_content();
    let cases = [
        // The filter reads the groups: its resources are reused.
        (
            format!("groups.value eq \"{gid}\""),
            "&startIndex=2&count=2",
            2,
        ),
        (format!("groups.value eq \"{gid}\""), "&sortBy=userName", 3),
        // It does not: the page's users are built with their groups.
        ("userName sw \"u\"".to_owned(), "&startIndex=2&count=3", 3),
        (
            "userName sw \"u\"".to_owned(),
            "&sortBy=userName&count=4",
            4,
        ),
    ];
    for (filter, rest, shown) in cases {
        let path = format!("/Users?filter={}{rest}", form(&filter));
        let page = page_as_get(&c, &path, shown).await;
        let in_group = page.iter().filter(|r| r["groups"].is_array()).count();
        assert!(in_group > 0, "{path}: no user shows its group: {page:#?}");
    }
}

async fn queries_search_and_pagination(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    let mut ids = BTreeSet::new();
    for i in 0..7 {
        ids.insert(c.create_user(&format!("p{i}@acme.example")).await);
    }
    let g = c.create_group("Night Shift").await;

    // `+` decodes to a space inside a value too; %20 as well.
    for q in [
        "/Groups?filter=displayName+eq+%22Night+Shift%22",
        "/Groups?filter=displayName%20eq%20%22night%20shift%22",
    ] {
        let b = c.get(q).await.ok(200);
        assert_eq!(b["totalResults"], 1, "{q}: {b:#}");
        assert_eq!(b["Resources"][0]["id"], json!(g));
    }

    // Pagination: 1-based startIndex, count, totalResults.
    let b = c.get("/Users?startIndex=2&count=3").await.ok(200);
    assert_eq!(b["totalResults"], 7);
    assert_eq!(b["startIndex"], 2);
    assert_eq!(b["itemsPerPage"], 3);
    assert_eq!(resources(&b).len(), 3);
    let b = c.get("/Users?startIndex=7&count=3").await.ok(200);
    assert_eq!(resources(&b).len(), 1);
    let b = c.get("/Users?startIndex=8&count=3").await.ok(200);
    assert_eq!(b["totalResults"], 7);
    assert!(resources(&b).is_empty());
    let b = c.get("/Users?count=0").await.ok(200);
    assert_eq!(b["totalResults"], 7);
    assert!(resources(&b).is_empty(), "count=0 returns no resources");
    let b = c.get("/Users?startIndex=0&count=2").await.ok(200);
    assert_eq!(b["startIndex"], 1, "startIndex < 1 is 1");
    // Walking the pages sees every user once.
    let mut seen = BTreeSet::new();
    let mut start = 1;
    loop {
        let b = c
            .get(&format!("/Users?startIndex={start}&count=2"))
            .await
            .ok(200);
        let page = resources(&b);
        if page.is_empty() {
            break;
        }
        for r in &page {
            assert!(seen.insert(id_of(r)), "seen twice: {r:#}");
        }
        start += page.len();
        assert!(start < 100, "pagination does not end");
    }
    assert_eq!(seen, ids);
    // Paging a filter.
    let b = c
        .get(&format!(
            "/Users?filter={}&startIndex=1&count=2",
            form("userName sw \"p\"")
        ))
        .await
        .ok(200);
    assert_eq!(b["totalResults"], 7);
    assert_eq!(resources(&b).len(), 2);
    // A filtered page past the first, sorted or not, shows each user as
    // GET shows it (the page reuses the resource the filter was tested on).
    for sort in ["", "&sortBy=userName"] {
        let filter = form("userName sw \"p\"");
        page_as_get(
            &c,
            &format!("/Users?filter={filter}&startIndex=3&count=2{sort}"),
            2,
        )
        .await;
    }

    // Sorting (advertised in ServiceProviderConfig), and a count above
    // the maximum is capped, not refused.
    let b = c
        .get("/Users?sortBy=userName&sortOrder=descending&count=3")
        .await
        .ok(200);
    let names: Vec<&str> = b["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["userName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["p6@acme.example", "p5@acme.example", "p4@acme.example"]
    );
    let b = c.get("/Users?count=100000").await.ok(200);
    assert_eq!(resources(&b).len(), 7);

    // POST /Users/.search with a SearchRequest.
    let search = json!({
        "schemas": [SEARCH_URN],
        "filter": "userName eq \"P3@acme.example\"",
        "attributes": ["userName"],
        "startIndex": 1,
        "count": 10
    });
    let b = c.post("/Users/.search", &search).await.ok(200);
    let found = resources(&b);
    assert_eq!(found.len(), 1, "{b:#}");
    assert_eq!(found[0]["userName"], "p3@acme.example");
    assert!(found[0].get("name").is_none(), "attributes honoured: {b:#}");
    assert!(found[0].get("id").is_some(), "id is always returned");
    // At the root: users and groups.
    let b = c
        .post("/.search", &json!({"schemas": [SEARCH_URN], "count": 100}))
        .await
        .ok(200);
    assert_eq!(b["totalResults"], 8, "{b:#}");
    assert_eq!(resources(&b).len(), 8);
    let b = c
        .post(
            "/Groups/.search",
            &json!({"schemas": [SEARCH_URN], "filter": "displayName eq \"night shift\""}),
        )
        .await
        .ok(200);
    assert_eq!(b["totalResults"], 1);
    // A search body without the SearchRequest schema is refused.
    c.post("/Users/.search", &json!({"filter": "userName pr"}))
        .await
        .error(400, Some("invalidSyntax"), "invalid_syntax");
    c.get("/Users/.search")
        .await
        .error(405, None, "method_not_allowed");
}

async fn another_tenants_resources_are_invisible(env: TestEnv) {
    let ta = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let tb = scim_tenant(&env, "Beta Inns Secret", "beta-secret", "product");
    let srv = Server::start(&env);
    let a = srv.client("acme", &ta);
    let b = srv.client("beta-secret", &tb);

    // B's data, each piece unique enough to be spotted in any body.
    let mut bu = entra_user(
        "hidden.person@beta.example",
        "Hiddengiven",
        "Hiddenfamily",
        Some("beta-ext-77"),
    );
    bu["active"] = json!(true);
    let buid = id_of(&b.post("/Users", &bu).await.ok(201));
    let bgid = b.create_group("Beta Confidential Group").await;
    b.patch(
        &format!("/Groups/{bgid}"),
        &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": buid}]}])),
    )
    .await
    .no_content();
    let auid = a.create_user("visible@acme.example").await;
    let agid = a.create_group("Acme Group").await;
    let secrets = [
        "hidden.person",
        "Hiddengiven",
        "Hiddenfamily",
        "beta-ext-77",
        "Beta Confidential",
        "Beta Inns",
        "beta-secret",
        &tb,
    ];
    let mut bodies: Vec<Resp> = Vec::new();

    // A's token on B's URL: 401 on every route, the same body as for a
    // wrong token or an unknown tenant.
    let a_on_b = a.at(srv.tenant_url("beta-secret"));
    let user_body = entra_user("x@acme.example", "X", "Y", None);
    let patch = patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}]));
    let search = json!({"schemas": [SEARCH_URN]});
    let routes: Vec<(Method, String, Option<&Value>)> = vec![
        (Method::GET, "/Users".into(), None),
        (
            Method::GET,
            format!(
                "/Users?filter={}",
                form("userName eq \"hidden.person@beta.example\"")
            ),
            None,
        ),
        (Method::POST, "/Users".into(), Some(&user_body)),
        (Method::GET, format!("/Users/{buid}"), None),
        (Method::PUT, format!("/Users/{buid}"), Some(&user_body)),
        (Method::PATCH, format!("/Users/{buid}"), Some(&patch)),
        (Method::DELETE, format!("/Users/{buid}"), None),
        (Method::POST, "/Users/.search".into(), Some(&search)),
        (Method::GET, "/Groups".into(), None),
        (Method::POST, "/Groups".into(), Some(&user_body)),
        (Method::GET, format!("/Groups/{bgid}"), None),
        (Method::PUT, format!("/Groups/{bgid}"), Some(&user_body)),
        (Method::PATCH, format!("/Groups/{bgid}"), Some(&patch)),
        (Method::DELETE, format!("/Groups/{bgid}"), None),
        (Method::POST, "/Groups/.search".into(), Some(&search)),
        (Method::POST, "/.search".into(), Some(&search)),
        (Method::GET, "/ResourceTypes".into(), None),
        (Method::GET, "/ResourceTypes/User".into(), None),
        (Method::GET, "/Schemas".into(), None),
        (Method::GET, format!("/Schemas/{USER_URN}"), None),
        (Method::GET, "/NoSuchEndpoint".into(), None),
    ];
    let reference = a.with_token(Some("scim_wrong")).get("/Users").await;
    reference.error(401, None, "invalid_token");
    for (m, p, body) in &routes {
        let r = a_on_b.send(m.clone(), p, *body).await;
        r.error(401, None, "invalid_token");
        assert_eq!(r.message(), reference.message(), "{r}");
        bodies.push(r);
    }
    // An unknown tenant id: the same 401.
    let nowhere = a.at(srv.tenant_url("no-such-tenant"));
    for (m, p, body) in &routes {
        let r = nowhere.send(m.clone(), p, *body).await;
        r.error(401, None, "invalid_token");
        assert_eq!(r.message(), reference.message(), "{r}");
    }

    // B's ids under A's URL with A's token: 404, as for an id that never
    // existed.
    let never = guid();
    let never_user = a.get(&format!("/Users/{never}")).await;
    never_user.error(404, None, "not_found");
    for (m, p, body) in [
        (Method::GET, format!("/Users/{buid}"), None),
        (Method::PUT, format!("/Users/{buid}"), Some(&user_body)),
        (Method::PATCH, format!("/Users/{buid}"), Some(&patch)),
        (Method::DELETE, format!("/Users/{buid}"), None),
        (Method::GET, format!("/Groups/{bgid}"), None),
        (
            Method::PUT,
            format!("/Groups/{bgid}"),
            Some(&entra_group("G")),
        ),
        (Method::PATCH, format!("/Groups/{bgid}"), Some(&patch)),
        (Method::DELETE, format!("/Groups/{bgid}"), None),
    ] {
        let r = a.send(m, &p, body).await;
        r.error(404, None, "not_found");
        bodies.push(r);
    }
    // Lists, filters and searches in A show nothing of B.
    for p in [
        "/Users".to_owned(),
        format!(
            "/Users?filter={}",
            form("userName eq \"hidden.person@beta.example\"")
        ),
        format!("/Users?filter={}", form(&format!("id eq \"{buid}\""))),
        format!("/Users?filter={}", form("externalId eq \"beta-ext-77\"")),
        format!(
            "/Users?filter={}",
            form("name.givenName eq \"Hiddengiven\"")
        ),
        "/Groups".to_owned(),
        format!(
            "/Groups?filter={}",
            form("displayName eq \"Beta Confidential Group\"")
        ),
        format!(
            "/Groups?filter={}",
            form(&format!("members[value eq \"{buid}\"]"))
        ),
    ] {
        let r = a.get(&p).await;
        let v = r.ok(200);
        for res in resources(&v) {
            let id = id_of(&res);
            assert!(id == auid || id == agid, "{p} shows {res:#}");
        }
        bodies.push(r);
    }
    let r = a.post("/.search", &search).await;
    assert_eq!(r.ok(200)["totalResults"], 2);
    bodies.push(r);
    // B's user as a member of A's group: 400 naming only the id.
    let r = a
        .patch(
            &format!("/Groups/{agid}"),
            &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": buid}]}])),
        )
        .await;
    r.error(400, Some("invalidValue"), "invalid_value");
    bodies.push(r);
    // A creating B's email: 409 that names nobody (it may repeat the
    // userName A sent, nothing else of B's).
    let r = a.post("/Users", &bu).await;
    let detail = r.error(409, Some("uniqueness"), "uniqueness");
    for s in &secrets[1..] {
        assert!(!detail.contains(s), "{s:?} leaked into {detail}");
    }
    assert!(!detail.contains(&buid), "{detail}");

    for r in &bodies {
        // The URL is ours; what the server sent is headers and body.
        let all = format!("{:?}\n{}", r.headers, r.text);
        for s in &secrets {
            assert!(!all.contains(s), "{s:?} leaked into\n{all}");
        }
    }
    // B's data is untouched.
    let got = b.get(&format!("/Users/{buid}")).await.ok(200);
    assert_eq!(got["active"], true);
    assert_eq!(got["userName"], "hidden.person@beta.example");
    assert_eq!(b.members(&bgid).await, vec![buid.clone()]);
}

async fn the_old_token_never_succeeds_after_regenerate_returns(env: TestEnv) {
    let old = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &old);
    c.get("/Users?count=1").await.ok(200);

    let done = std::sync::Arc::new(std::sync::Mutex::new(None::<Instant>));
    // Two clients hammer the server with the old token.
    let mut loops = Vec::new();
    for _ in 0..2 {
        let c = c.clone();
        let done = done.clone();
        loops.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            let mut after = 0;
            let deadline = Instant::now() + Duration::from_secs(30);
            while after < 200 && Instant::now() < deadline {
                let returned = *done.lock().unwrap();
                let sent = Instant::now();
                let r = c.get("/Users?count=1").await;
                seen.push((sent, r.status));
                if returned.is_some_and(|t| sent > t) {
                    after += 1;
                }
            }
            (seen, after)
        }));
    }
    // Let the loops get going (a successful request is the signal), then
    // regenerate in another process.
    let deadline = Instant::now() + Duration::from_secs(10);
    while c.journal().len() < 20 {
        assert!(Instant::now() < deadline, "the client loops did not start");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let out = tokio::task::spawn_blocking({
        let mut cmd = env.cmd(["--tenant", "acme", "--quiet", "token", "regenerate"]);
        move || cmd.output().unwrap()
    })
    .await
    .unwrap();
    *done.lock().unwrap() = Some(Instant::now());
    expect_success(&["token", "regenerate"], &out);
    let new = String::from_utf8(out.stdout).unwrap().trim_end().to_owned();
    assert_token_shape(&new);

    let returned = done.lock().unwrap().unwrap();
    let mut before_ok = 0;
    for l in loops {
        let (seen, after) = l.await.unwrap();
        assert!(after >= 200, "only {after} requests after regenerate");
        for (sent, status) in seen {
            if sent > returned {
                assert_eq!(
                    status, 401,
                    "the old token succeeded after regenerate returned"
                );
            } else if status == 200 {
                before_ok += 1;
            }
        }
    }
    assert!(
        before_ok > 0,
        "the old token never worked: the race was not run"
    );
    srv.client("acme", &new).get("/Users").await.ok(200);
    c.get("/Users").await.error(401, None, "invalid_token");
}

async fn concurrent_writes_conflict_or_merge_correctly(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    // Two concurrent POSTs of one userName: exactly one 201 and one 409.
    for round in 0..10 {
        let body = entra_user(&format!("twin{round}@acme.example"), "T", "W", None);
        let (x, y) = tokio::join!(c.post("/Users", &body), c.post("/Users", &body));
        let mut statuses = [x.status, y.status];
        statuses.sort();
        assert_eq!(statuses, [201, 409], "round {round}:\n{x}\n{y}");
        let conflict = if x.status == 409 { &x } else { &y };
        conflict.error(409, Some("uniqueness"), "uniqueness");
        assert_eq!(
            c.find_users(&format!("userName eq \"twin{round}@acme.example\""))
                .await
                .len(),
            1
        );
    }

    // N concurrent PATCHes adding different members to one group: all
    // members present at the end.
    let mut users = Vec::new();
    for i in 0..24 {
        users.push(c.create_user(&format!("crowd{i}@acme.example")).await);
    }
    let g = c.create_group("Crowd").await;
    let mut tasks = Vec::new();
    for u in &users {
        let c = c.clone();
        let (g, u) = (g.clone(), u.clone());
        tasks.push(tokio::spawn(async move {
            c.patch(
                &format!("/Groups/{g}"),
                &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": u}]}])),
            )
            .await
        }));
    }
    for t in tasks {
        t.await.unwrap().no_content();
    }
    let mut want = users.clone();
    want.sort();
    assert_eq!(c.members(&g).await, want);

    // Concurrent removes of different members keep the rest.
    let mut tasks = Vec::new();
    for u in users.iter().step_by(2) {
        let c = c.clone();
        let (g, u) = (g.clone(), u.clone());
        tasks.push(tokio::spawn(async move {
            c.patch(
                &format!("/Groups/{g}"),
                &patch_op(json!([{"op": "Remove", "path": "members", "value": [{"value": u}]}])),
            )
            .await
        }));
    }
    for t in tasks {
        t.await.unwrap().no_content();
    }
    let mut want: Vec<String> = users.iter().skip(1).step_by(2).cloned().collect();
    want.sort();
    assert_eq!(c.members(&g).await, want);
}

async fn serve_and_the_cli_share_the_store(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    // The CLI adds members while the server creates users.
    let cli = tokio::task::spawn_blocking({
        let cmds: Vec<_> = (0..15)
            .map(|i| {
                env.cmd([
                    "--tenant",
                    "acme",
                    "users",
                    "add",
                    &format!("cli{i}@acme.example"),
                    "--given-name",
                    "C",
                    "--family-name",
                    "L",
                ])
            })
            .collect();
        move || {
            cmds.into_iter()
                .map(|mut c| c.output().unwrap())
                .collect::<Vec<_>>()
        }
    });
    let mut http = Vec::new();
    for i in 0..15 {
        let c = c.clone();
        http.push(tokio::spawn(async move {
            c.post(
                "/Users",
                &entra_user(&format!("idp{i}@acme.example"), "I", "P", None),
            )
            .await
        }));
    }
    for h in http {
        h.await.unwrap().ok(201);
    }
    for out in cli.await.unwrap() {
        expect_success(&["users", "add"], &out);
    }
    // Each side sees the other's writes.
    let b = c.get("/Users?count=0").await.ok(200);
    assert_eq!(b["totalResults"], 30);
    assert_eq!(
        c.find_users("userName eq \"CLI7@acme.example\"")
            .await
            .len(),
        1,
        "the server sees a member the CLI added"
    );
    assert_eq!(member_counts(&env, "acme"), (15, 15, 0));
    env.ok(&["--tenant", "acme", "groups", "create", "Made By CLI"]);
    let g = c
        .get(&format!(
            "/Groups?filter={}",
            form("displayName eq \"made by cli\"")
        ))
        .await
        .ok(200);
    assert_eq!(g["totalResults"], 1);
    // Writes through both, interleaved, on the same group.
    let gid = id_of(&resources(&g)[0]);
    let u = c.create_user("late@acme.example").await;
    c.patch(
        &format!("/Groups/{gid}"),
        &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": u}]}])),
    )
    .await
    .no_content();
    env.ok(&["--tenant", "acme", "properties", "add", "Hotel One"]);
    env.ok(&[
        "--tenant",
        "acme",
        "groups",
        "assign",
        "Made By CLI",
        "--property",
        "Hotel One",
    ]);
    let groups = env.json(&["--tenant", "acme", "groups", "list"]);
    let text = groups.to_string();
    assert!(text.contains("Hotel One"), "{text}");
    assert_eq!(c.members(&gid).await, vec![u]);
}

async fn every_acknowledged_create_survives_kill_9(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    let mut acked = BTreeSet::new();
    for chunk in 0..10 {
        let mut tasks = Vec::new();
        for i in 0..10 {
            let c = c.clone();
            tasks.push(tokio::spawn(async move {
                c.post(
                    "/Users",
                    &entra_user(&format!("d{chunk}-{i}@acme.example"), "D", "U", None),
                )
                .await
            }));
        }
        for t in tasks {
            acked.insert(id_of(&t.await.unwrap().ok(201)));
        }
    }
    assert_eq!(acked.len(), 100);
    srv.kill9();

    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    let b = c.get("/Users?count=1000").await.ok(200);
    assert_eq!(b["totalResults"], 100, "creates lost by kill -9");
    let ids: BTreeSet<String> = resources(&b).iter().map(id_of).collect();
    assert_eq!(ids, acked);
    assert_eq!(member_counts(&env, "acme"), (100, 0, 0));
    srv.stop();
}
