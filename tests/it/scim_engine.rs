//! The SCIM protocol engine over a real store, without HTTP, on SQLite and
//! on PostgreSQL (`both_stores!`): the filter planner's index use,
//! paginated scans, sorting, projection, PATCH atomicity and versions, and
//! the two policies' namespaces.

use serde_json::{Value, json};

use scimctl::engine::Engine;
use scimctl::engine::model::{Policy, Tenant};
use scimctl::engine::scim::filter::IndexKey;
use scimctl::engine::scim::list::{ListQuery, Plan, Projection};
use scimctl::engine::scim::users::Scope;

use crate::support::{TestEnv, both_stores};

both_stores!(
    the_planner_answers_entra_filters_from_indexes,
    group_filters_use_display_name_and_member_indexes,
    scans_paginate_and_sort_over_the_whole_tenant,
    projection_keeps_what_was_asked_and_the_id,
    a_failing_patch_changes_nothing_and_a_no_op_keeps_the_version,
    standard_tenants_have_their_own_user_names_and_product_tenants_share_accounts,
    the_policy_changes_only_while_the_tenant_is_empty,
    batched_writes_fail_alone_and_answer_in_order,
);

/// An engine over a real SQLite file in a temporary directory (shared by
/// the engine-level test modules).
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub engine: Engine,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let engine = Engine::open_sqlite(&dir.path().join("s.db"), "test").expect("open");
    Fixture { dir, engine }
}

/// A tenant with SCIM on.
pub fn tenant(e: &Engine, id: &str, policy: Policy) -> Tenant {
    let t = e.create_tenant(id, Some(id), policy).expect("tenant");
    e.set_scim_enabled(&t, true).expect("enable");
    t
}

pub fn scope(t: &Tenant) -> Scope<'_> {
    Scope {
        tenant: t,
        base: "http://127.0.0.1/scim/v2/t",
    }
}

fn user(i: usize) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": format!("user{i}@example.com"),
        "externalId": format!("ext{i}"),
        "name": {"givenName": "Given", "familyName": format!("Family{i:04}")},
        "emails": [{"type": "work", "value": format!("User{i}@Mail.example.com"), "primary": true}],
        "active": !i.is_multiple_of(3)
    })
}

fn filter(f: &str) -> ListQuery {
    ListQuery {
        filter: Some(f.into()),
        ..ListQuery::default()
    }
}

fn the_planner_answers_entra_filters_from_indexes(env: TestEnv) {
    let engine = env.engine();
    let e = &engine;
    let t = tenant(e, "std", Policy::Standard);
    let mut ids = Vec::new();
    for i in 0..40 {
        ids.push(
            e.scim_create_user(scope(&t), &user(i))
                .expect("create")
                .resource["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let cases: Vec<(String, Plan, usize)> = vec![
        (
            "userName eq \"USER7@example.com\"".into(),
            Plan::Index(IndexKey::UserName("user7@example.com".into())),
            1,
        ),
        (
            "externalId eq \"ext8\"".into(),
            Plan::Index(IndexKey::ExternalId("ext8".into())),
            1,
        ),
        (
            "externalId eq \"EXT8\"".into(),
            Plan::Index(IndexKey::ExternalId("EXT8".into())),
            0,
        ),
        (
            format!("id eq \"{}\"", ids[3]),
            Plan::Index(IndexKey::Id(ids[3].clone())),
            1,
        ),
        (
            "emails[type eq \"work\"].value eq \"user9@mail.example.com\"".into(),
            Plan::Index(IndexKey::Email("user9@mail.example.com".into())),
            1,
        ),
        (
            "userName eq \"user10@example.com\" and active eq true".into(),
            Plan::Index(IndexKey::UserName("user10@example.com".into())),
            1,
        ),
        (
            "userName eq \"user12@example.com\" and active eq true".into(),
            Plan::Index(IndexKey::UserName("user12@example.com".into())),
            0,
        ),
        ("active eq false".into(), Plan::Scan, 14),
        (
            "userName eq \"a@x.com\" or userName eq \"user1@example.com\"".into(),
            Plan::Scan,
            1,
        ),
    ];
    for (f, plan, n) in cases {
        let page = e.scim_list_users(scope(&t), &filter(&f)).expect(&f);
        assert_eq!(page.plan, plan, "{f}");
        assert_eq!(page.total as usize, n, "{f}");
        assert_eq!(page.resources.len(), n, "{f}");
    }
    let all = e.scim_list_users(scope(&t), &ListQuery::default()).unwrap();
    assert_eq!((all.plan, all.total), (Plan::All, 40));
}

fn group_filters_use_display_name_and_member_indexes(env: TestEnv) {
    let engine = env.engine();
    let e = &engine;
    let t = tenant(e, "prod", Policy::Product);
    let u = e.scim_create_user(scope(&t), &user(1)).unwrap().resource["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for n in ["Front Desk", "Housekeeping", "Night Audit"] {
        e.scim_create_group(scope(&t), &json!({"displayName": n}))
            .unwrap();
    }
    let g = e
        .scim_create_group(
            scope(&t),
            &json!({"displayName": "Managers", "members": [{"value": u}]}),
        )
        .unwrap();
    let gid = g.resource["id"].as_str().unwrap().to_owned();
    let page = e
        .scim_list_groups(scope(&t), &filter("displayName eq \"front desk\""))
        .unwrap();
    assert_eq!(
        page.plan,
        Plan::Index(IndexKey::DisplayName("front desk".into()))
    );
    assert_eq!(page.resources[0]["displayName"], "Front Desk");
    let page = e
        .scim_list_groups(scope(&t), &filter(&format!("members[value eq \"{u}\"]")))
        .unwrap();
    assert_eq!(page.plan, Plan::Index(IndexKey::Member(u.clone())));
    assert_eq!(page.total, 1);
    assert_eq!(page.resources[0]["id"], gid);
    // excludedAttributes=members: the answer carries no members.
    let q = ListQuery {
        excluded_attributes: Some("members".into()),
        ..filter("displayName eq \"Managers\"")
    };
    let page = e.scim_list_groups(scope(&t), &q).unwrap();
    assert!(page.resources[0].get("members").is_none());
}

fn scans_paginate_and_sort_over_the_whole_tenant(env: TestEnv) {
    let engine = env.engine();
    let e = &engine;
    let t = tenant(e, "prod", Policy::Product);
    for i in 0..1_200 {
        e.scim_create_user(scope(&t), &user(i)).unwrap();
    }
    // 400 inactive users (i % 3 == 0), spread over several scan batches.
    let mut q = filter("active eq false");
    q.sort_by = Some("name.familyName".into());
    q.sort_order = Some("descending".into());
    q.start_index = Some(11);
    q.count = Some(5);
    let page = e.scim_list_users(scope(&t), &q).unwrap();
    assert_eq!(page.plan, Plan::Scan);
    assert_eq!(page.total, 400);
    let names: Vec<&str> = page
        .resources
        .iter()
        .map(|r| r["name"]["familyName"].as_str().unwrap())
        .collect();
    // Descending Family1197, 1194, …: the 11th to 15th.
    assert_eq!(
        names,
        [
            "Family1167",
            "Family1164",
            "Family1161",
            "Family1158",
            "Family1155"
        ]
    );
    // Unfiltered paging straight from the store.
    let q = ListQuery {
        start_index: Some(1_199),
        count: Some(10),
        ..ListQuery::default()
    };
    let page = e.scim_list_users(scope(&t), &q).unwrap();
    assert_eq!(
        (page.plan, page.total, page.resources.len()),
        (Plan::All, 1_200, 2)
    );
    let zero = ListQuery {
        count: Some(0),
        ..ListQuery::default()
    };
    let page = e.scim_list_users(scope(&t), &zero).unwrap();
    assert_eq!((page.total, page.resources.len()), (1_200, 0));
}

fn projection_keeps_what_was_asked_and_the_id(env: TestEnv) {
    let engine = env.engine();
    let e = &engine;
    let t = tenant(e, "std", Policy::Standard);
    let id = e.scim_create_user(scope(&t), &user(5)).unwrap().resource["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let p = Projection::parse(Some("userName,name.givenName"), None).unwrap();
    let r = e.scim_get_user(scope(&t), &id, &p).unwrap();
    let mut keys: Vec<&String> = r.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["id", "name", "schemas", "userName"]);
    assert_eq!(r["name"], json!({"givenName": "Given"}));
}

fn a_failing_patch_changes_nothing_and_a_no_op_keeps_the_version(env: TestEnv) {
    let engine = env.engine();
    let e = &engine;
    let t = tenant(e, "prod", Policy::Product);
    let created = e.scim_create_user(scope(&t), &user(1)).unwrap();
    let id = created.resource["id"].as_str().unwrap().to_owned();
    let before = e
        .scim_get_user(scope(&t), &id, &Projection::default())
        .unwrap();
    // The second operation fails (remove a required attribute): the first is undone too.
    let bad = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
        {"op": "Replace", "path": "active", "value": "False"},
        {"op": "Remove", "path": "name.givenName"}
    ]});
    let err = e.scim_patch_user(scope(&t), &id, &bad, None).unwrap_err();
    assert_eq!(
        err.scim_type().map(scimctl::engine::ScimType::as_str),
        Some("mutability"),
        "{err}"
    );
    let after = e
        .scim_get_user(scope(&t), &id, &Projection::default())
        .unwrap();
    assert_eq!(before.to_string(), after.to_string());
    // Replacing with the same value: no new version, no new lastModified.
    let same = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
        {"op": "replace", "path": "name.familyName", "value": "Family0001"}
    ]});
    let w = e.scim_patch_user(scope(&t), &id, &same, None).unwrap();
    assert!(!w.changed);
    let again = e
        .scim_get_user(scope(&t), &id, &Projection::default())
        .unwrap();
    assert_eq!(again["meta"], before["meta"]);
    // A real change moves both.
    let change = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
        {"op": "Replace", "path": "active", "value": "False"}
    ]});
    let w = e
        .scim_patch_user(scope(&t), &id, &change, Some("W/\"1\""))
        .unwrap();
    assert!(w.changed);
    assert_eq!(w.version, "W/\"2\"");
    assert_eq!(w.resource["active"], false);
    // A stale If-Match is refused.
    let err = e
        .scim_patch_user(scope(&t), &id, &change, Some("W/\"1\""))
        .unwrap_err();
    assert_eq!(err.reason(), "precondition_failed");
}

fn standard_tenants_have_their_own_user_names_and_product_tenants_share_accounts(env: TestEnv) {
    let engine = env.engine();
    let e = &engine;
    let a = tenant(e, "std-a", Policy::Standard);
    let b = tenant(e, "std-b", Policy::Standard);
    let body = json!({"userName": "bjensen"});
    e.scim_create_user(scope(&a), &body).expect("a");
    e.scim_create_user(scope(&b), &body)
        .expect("b: its own namespace");
    let p = tenant(e, "prod-p", Policy::Product);
    let q = tenant(e, "prod-q", Policy::Product);
    e.scim_create_user(scope(&p), &user(1)).expect("p");
    let err = e.scim_create_user(scope(&q), &user(1)).unwrap_err();
    assert_eq!(err.reason(), "uniqueness");
    assert!(!err.to_string().contains("prod-p"), "{err}");
    // Under product, userName must be an email; under standard, anything.
    let err = e.scim_create_user(scope(&p), &body).unwrap_err();
    assert_eq!(
        err.scim_type().map(scimctl::engine::ScimType::as_str),
        Some("invalidValue")
    );
}

fn the_policy_changes_only_while_the_tenant_is_empty(env: TestEnv) {
    env.tenant("Acme", "acme");
    let v = env.json(&["--output", "json", "scim", "policy", "set", "standard"]);
    assert_eq!(v["policy"], "standard");
    let status = env.json(&["--output", "json", "scim", "status"]);
    assert_eq!(status["policy"], "standard");
    env.ok(&[
        "users",
        "add",
        "jane@example.com",
        "--given-name",
        "J",
        "--family-name",
        "D",
    ]);
    let err = env.fail(&["scim", "policy", "set", "product"], 6);
    assert!(err.contains("1 members") && err.contains("policy"), "{err}");
    let status = env.json(&["--output", "json", "scim", "status"]);
    assert_eq!(status["policy"], "standard");
}

/// Writes batched in one transaction (as `serve`'s write lane runs them)
/// answer as they would alone, in order: a duplicate fails alone, a wrong
/// token fails alone, an earlier job's write is seen by a later one, and
/// only what succeeded is stored.
fn batched_writes_fail_alone_and_answer_in_order(env: TestEnv) {
    use scimctl::engine::scim::session::WriteJob;
    use scimctl::engine::tokens::Secret;
    let engine = env.engine();
    let t = tenant(&engine, "acme", Policy::Standard);
    let token = engine.generate_token(&t).expect("token").token;
    let job = |secret: Secret, i: usize| WriteJob {
        tenant: "acme".to_owned(),
        presented: Some(secret),
        client: None,
        base: "http://127.0.0.1/scim/v2/acme".to_owned(),
        request_id: format!("r-test-{i}"),
        f: Box::new(move |ses: &scimctl::engine::scim::session::Session<'_>| {
            Ok(ses.create_user(&user(i))?.resource["userName"].clone())
        }),
    };
    let wrong = Secret::new("scim_not-the-token".to_owned());
    let out = engine.scim_write_batch(vec![
        job(token.clone(), 1),
        job(token.clone(), 1),
        job(wrong, 2),
        job(token.clone(), 3),
    ]);
    let results: Vec<Result<Value, String>> = out
        .into_iter()
        .map(|o| o.result.map_err(|e| e.to_string()))
        .collect();
    assert_eq!(results[0].as_ref().ok(), Some(&json!("user1@example.com")));
    assert!(
        results[1]
            .as_ref()
            .is_err_and(|e| e.contains("user1@example.com")),
        "{results:?}"
    );
    assert!(
        results[2].is_err(),
        "a wrong token inside a batch: {results:?}"
    );
    assert_eq!(results[3].as_ref().ok(), Some(&json!("user3@example.com")));
    let page = engine
        .scim_list_users(scope(&t), &ListQuery::default())
        .expect("list");
    let mut names: Vec<&str> = page
        .resources
        .iter()
        .filter_map(|r| r["userName"].as_str())
        .collect();
    names.sort();
    assert_eq!(names, ["user1@example.com", "user3@example.com"]);
}
