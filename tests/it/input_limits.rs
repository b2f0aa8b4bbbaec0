//! Bounded SCIM input (issue 20, item 4's engine part and item 8): the
//! documented caps of `scim::limits` answered as 400 `limit_exceeded`
//! naming the limit and its value; unindexed scans ended by their time
//! budget (`filter_too_costly`); one Unicode case folding for uniqueness,
//! the product's rename rule and member search; userName validation. Over
//! the engine with a real SQLite store, and over HTTP against a real
//! `scimctl serve` where the wire shape matters.

use reqwest::Method;
use serde_json::{Value, json};

use scimctl::engine::admin::members::MemberQuery;
use scimctl::engine::error::EngineError;
use scimctl::engine::model::{Policy, Tenant};
use scimctl::engine::scim::limits;
use scimctl::engine::scim::list::{ListQuery, Plan};
use scimctl::engine::{Engine, ErrorKind};

use crate::scim_engine::{fixture, scope, tenant};
use crate::server::*;
use crate::support::*;

const PATCH_URN: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

fn user_body(user_name: &str, given: &str, family: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": user_name,
        "name": {"givenName": given, "familyName": family},
    })
}

fn create(e: &Engine, t: &Tenant, user_name: &str) -> String {
    e.scim_create_user(scope(t), &user_body(user_name, "Given", "Family"))
        .expect("create")
        .resource["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

fn patch(ops: Value) -> Value {
    json!({"schemas": [PATCH_URN], "Operations": ops})
}

/// The refusal of a documented cap: a 400 `invalidValue` with reason
/// `limit_exceeded` whose message names `limit` and quotes `value`.
#[track_caller]
fn assert_limit(r: Result<impl std::fmt::Debug, EngineError>, limit: &str, value: &str) -> String {
    let e = r.expect_err("the limit must refuse the request");
    assert_eq!(e.reason(), "limit_exceeded", "{e}");
    assert_eq!(e.kind(), ErrorKind::Invalid, "{e}");
    assert_eq!(
        e.scim_type().map(scimctl::engine::ScimType::as_str),
        Some("invalidValue"),
        "{e}"
    );
    match &e {
        EngineError::LimitExceeded { limit: l, .. } => assert_eq!(*l, limit, "{e}"),
        other => panic!("not LimitExceeded: {other:?}"),
    }
    let m = e.to_string();
    assert!(m.contains(value), "{m:?} should quote {value:?}");
    m
}

#[test]
fn patch_operations_and_members_per_request_are_capped() {
    let fx = fixture();
    let e = &fx.engine;
    let t = tenant(e, "acme", Policy::Product);
    let uid = create(e, &t, "jane@acme.example");
    let ops: Vec<Value> = (0..1_500)
        .map(|_| json!({"op": "replace", "path": "active", "value": true}))
        .collect();
    let m = assert_limit(
        e.scim_patch_user(scope(&t), &uid, &patch(Value::Array(ops)), None),
        "operations per PATCH",
        "at most 1,000",
    );
    assert!(m.contains("has 1,500 operations"), "{m}");

    let gid = e
        .scim_create_group(scope(&t), &json!({"displayName": "Staff"}))
        .expect("group")
        .resource["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // 6,000 adds and 4,001 removes: 10,001 member values in one request,
    // none of them users; refused on the count, before any lookup.
    let ids = |n: usize, p: &str| -> Value {
        (0..n)
            .map(|i| json!({"value": format!("{p}{i}")}))
            .collect::<Vec<_>>()
            .into()
    };
    let body = patch(json!([
        {"op": "add", "path": "members", "value": ids(6_000, "a")},
        {"op": "remove", "path": "members", "value": ids(4_001, "r")},
    ]));
    let m = assert_limit(
        e.scim_patch_group(scope(&t), &gid, &body, None, false),
        "members per request",
        "at most 10,000",
    );
    assert!(m.contains("10,001 group members"), "{m}");
    // At the limit it goes through to the member check (not users here).
    let body = patch(json!([{"op": "add", "path": "members", "value": ids(10_000, "a")}]));
    let err = e
        .scim_patch_group(scope(&t), &gid, &body, None, false)
        .unwrap_err();
    assert_eq!(err.reason(), "invalid_value", "{err}");
    assert!(
        err.to_string().contains("not a user of this tenant"),
        "{err}"
    );
}

#[test]
fn a_50000_member_group_body_is_refused_on_its_count() {
    let fx = fixture();
    let e = &fx.engine;
    let t = tenant(e, "acme", Policy::Product);
    let members: Vec<Value> = (0..50_000)
        .map(|i| json!({"value": format!("u{i}")}))
        .collect();
    let body = json!({"displayName": "Everyone", "members": members});
    // None of the ids is a user: a per-member lookup first would answer
    // "not a user of this tenant" instead.
    let m = assert_limit(
        e.scim_create_group(scope(&t), &body),
        "members per request",
        "50,000 group members",
    );
    assert!(m.contains("at most 10,000"), "{m}");
    let gid = e
        .scim_create_group(scope(&t), &json!({"displayName": "Staff"}))
        .unwrap()
        .resource["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_limit(
        e.scim_replace_group(scope(&t), &gid, &body, None),
        "members per request",
        "50,000",
    );
    // Nothing was written.
    let g = e
        .scim_get_group(scope(&t), &gid, &Default::default())
        .unwrap();
    assert_eq!(g["displayName"], "Staff");
    assert!(g.get("members").is_none_or(|m| m == &json!([])), "{g}");
}

#[test]
fn group_put_diffs_members_and_keeps_their_order() {
    let fx = fixture();
    let e = &fx.engine;
    let t = tenant(e, "acme", Policy::Product);
    let u: Vec<String> = (0..4)
        .map(|i| create(e, &t, &format!("u{i}@acme.example")))
        .collect();
    let m = |ids: &[&String]| -> Value {
        ids.iter()
            .map(|i| json!({"value": i}))
            .collect::<Vec<_>>()
            .into()
    };
    let g = e
        .scim_create_group(
            scope(&t),
            &json!({"displayName": "Staff", "members": m(&[&u[2], &u[0], &u[2], &u[1]])}),
        )
        .unwrap();
    let gid = g.resource["id"].as_str().unwrap().to_owned();
    let listed = |r: &Value| -> Vec<String> {
        r["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["value"].as_str().unwrap().to_owned())
            .collect()
    };
    // Each once; one request's members share their time added, so the
    // store lists them by id (u0 < u1 < u2: ids are time-ordered).
    assert_eq!(
        listed(&g.resource),
        [u[0].clone(), u[1].clone(), u[2].clone()]
    );
    let w = e
        .scim_replace_group(
            scope(&t),
            &gid,
            &json!({"displayName": "Staff", "members": m(&[&u[1], &u[3], &u[3], &u[2]])}),
            None,
        )
        .unwrap();
    assert!(w.changed);
    // u0 gone; u1 and u2 kept where they were; u3 added at the end.
    assert_eq!(
        listed(&w.resource),
        [u[1].clone(), u[2].clone(), u[3].clone()]
    );
}

#[test]
fn filters_are_capped_in_length_depth_and_terms() {
    let fx = fixture();
    let e = &fx.engine;
    let t = tenant(e, "acme", Policy::Standard);
    let list = |f: String| {
        e.scim_list_users(
            scope(&t),
            &ListQuery {
                filter: Some(f),
                ..ListQuery::default()
            },
        )
    };
    let long = format!("title co \"{}\"", "x".repeat(limits::MAX_FILTER_BYTES));
    let m = assert_limit(list(long), "filter length", "at most 4,096 bytes");
    assert!(m.contains("4,107 bytes long"), "{m}");
    let deep = format!("{}title pr{}", "(".repeat(17), ")".repeat(17));
    assert_limit(list(deep), "filter nesting depth", "at most 16");
    let ok = format!("{}title pr{}", "(".repeat(16), ")".repeat(16));
    assert!(list(ok).is_ok());
    let many = vec!["title pr"; 65].join(" or ");
    assert_limit(list(many), "filter terms", "at most 64");
    assert!(list(vec!["title pr"; 64].join(" or ")).is_ok());
    // A syntax error is still an invalid filter, not a limit.
    let err = list("title eq".into()).unwrap_err();
    assert_eq!(err.reason(), "invalid_filter");
}

#[test]
fn values_lists_and_resources_are_capped_naming_the_attribute() {
    let fx = fixture();
    let e = &fx.engine;
    let t = tenant(e, "lab", Policy::Standard);
    let mut body = user_body("bjensen", "Barbara", "Jensen");
    body["title"] = json!("t".repeat(4_097));
    let m = assert_limit(
        e.scim_create_user(scope(&t), &body),
        "attribute value length",
        "\"title\" is 4,097 bytes long",
    );
    assert!(m.contains("at most 4,096 bytes"), "{m}");
    let mut body = user_body("bjensen", "Barbara", "Jensen");
    body["emails"] = (0..101)
        .map(|i| json!({"value": format!("b{i}@x.example")}))
        .collect::<Vec<_>>()
        .into();
    assert_limit(
        e.scim_create_user(scope(&t), &body),
        "values per attribute",
        "\"emails\" has 101 values; at most 100",
    );
    let mut body = user_body("bjensen", "Barbara", "Jensen");
    for i in 0..20 {
        body[format!("urn:x:ext{i}")] = json!("y".repeat(4_000));
    }
    assert_limit(
        e.scim_create_user(scope(&t), &body),
        "resource size",
        "at most 65,536 bytes",
    );
    // A PATCH that builds a list past the cap one operation at a time.
    let uid = create(e, &t, "jdoe");
    let ops: Vec<Value> = (0..101)
        .map(|i| json!({"op": "add", "path": "emails", "value": [{"value": format!("j{i}@x.example")}]}))
        .collect();
    assert_limit(
        e.scim_patch_user(scope(&t), &uid, &patch(Value::Array(ops)), None),
        "values per attribute",
        "\"emails\" has 101 values",
    );
    let ops = json!([{"op": "replace", "path": "userName", "value": "u".repeat(300)}]);
    assert_limit(
        e.scim_patch_user(scope(&t), &uid, &patch(ops), None),
        "userName length",
        "at most 256 bytes",
    );
}

#[test]
fn user_names_with_control_characters_are_refused_under_both_policies() {
    let fx = fixture();
    let e = &fx.engine;
    for (id, policy, name) in [
        ("acme", Policy::Product, "ja\u{1b}[2Jne@acme.example"),
        ("lab", Policy::Standard, "bjen\u{0}sen"),
        ("lab2", Policy::Standard, "bjen\u{9b}sen"),
    ] {
        let t = tenant(e, id, policy);
        let err = e
            .scim_create_user(scope(&t), &user_body(name, "G", "F"))
            .unwrap_err();
        assert_eq!(
            err.scim_type().map(scimctl::engine::ScimType::as_str),
            Some("invalidValue"),
            "{err}"
        );
        assert!(
            err.to_string()
                .starts_with("userName contains the control character U+"),
            "{err}"
        );
        let long = format!("{}@acme.example", "a".repeat(260));
        assert_limit(
            e.scim_create_user(scope(&t), &user_body(&long, "G", "F")),
            "userName length",
            "\"userName\" is 273 bytes long",
        );
    }
}

#[test]
fn an_unindexed_scan_past_its_budget_names_the_filters_to_use() {
    let fx = fixture();
    let e = &fx.engine;
    let t = tenant(e, "lab", Policy::Standard);
    for i in 0..3 {
        create(e, &t, &format!("user{i}"));
    }
    e.scim_create_group(scope(&t), &json!({"displayName": "Staff"}))
        .unwrap();
    let q = |f: &str, budget: Option<std::time::Duration>| ListQuery {
        filter: Some(f.into()),
        scan_budget: budget,
        ..ListQuery::default()
    };
    let zero = Some(std::time::Duration::ZERO);
    // The default budget lets a small scan finish.
    let page = e
        .scim_list_users(scope(&t), &q("userName co \"user\"", None))
        .unwrap();
    assert_eq!((page.total, page.plan), (3, Plan::Scan));
    // A zero budget is past after the first batch.
    let err = e
        .scim_list_users(scope(&t), &q("userName co \"user\"", zero))
        .unwrap_err();
    assert_eq!(err.reason(), "filter_too_costly", "{err}");
    assert_eq!(
        err.scim_type().map(scimctl::engine::ScimType::as_str),
        Some("tooMany"),
        "{err}"
    );
    assert_eq!(err.kind(), ErrorKind::Invalid);
    let m = err.to_string();
    assert!(m.contains("userName co \\\"user\\\""), "{m}");
    assert!(
        m.contains("userName eq") && m.contains("externalId eq"),
        "{m}"
    );
    let err = e
        .scim_list_groups(scope(&t), &q("displayName co \"Sta\"", zero))
        .unwrap_err();
    assert_eq!(err.reason(), "filter_too_costly", "{err}");
    assert!(err.to_string().contains("displayName eq"), "{err}");
    // Indexed filters are not scans: the budget does not apply.
    let page = e
        .scim_list_users(scope(&t), &q("userName eq \"USER1\"", zero))
        .unwrap();
    assert_eq!(page.total, 1);
    let page = e
        .scim_list_groups(scope(&t), &q("displayName eq \"staff\"", zero))
        .unwrap();
    assert_eq!(page.total, 1);
}

#[test]
fn one_unicode_case_folding_for_uniqueness_renames_and_search() {
    let fx = fixture();
    let e = &fx.engine;
    let t = tenant(e, "acme", Policy::Product);
    let id = e
        .scim_create_user(
            scope(&t),
            &user_body("ÉLODIE@exemple.fr", "Élodie", "Straße"),
        )
        .unwrap()
        .resource["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // The same email in other letter cases is the same user.
    let err = e
        .scim_create_user(scope(&t), &user_body("élodie@exemple.fr", "É", "S"))
        .unwrap_err();
    assert_eq!(err.reason(), "uniqueness", "{err}");
    let page = e
        .scim_list_users(
            scope(&t),
            &ListQuery {
                filter: Some("userName eq \"élodie@EXEMPLE.fr\"".into()),
                ..ListQuery::default()
            },
        )
        .unwrap();
    assert_eq!(page.total, 1);
    assert!(matches!(page.plan, Plan::Index(_)));
    // The product policy lets userName change by letter case only, and
    // É/é is letter case.
    let w = e
        .scim_replace_user(
            scope(&t),
            &id,
            &user_body("élodie@Exemple.FR", "Élodie", "Straße"),
            None,
        )
        .unwrap();
    assert_eq!(w.resource["userName"], "élodie@Exemple.FR");
    let err = e
        .scim_replace_user(
            scope(&t),
            &id,
            &user_body("elodie@exemple.fr", "É", "S"),
            None,
        )
        .unwrap_err();
    assert_eq!(err.reason(), "mutability", "{err}");
    // Group displayName uniqueness.
    e.scim_create_group(scope(&t), &json!({"displayName": "ÉQUIPE Öst"}))
        .unwrap();
    let err = e
        .scim_create_group(scope(&t), &json!({"displayName": "équipe öst"}))
        .unwrap_err();
    assert_eq!(err.reason(), "uniqueness", "{err}");
    // Member search, in the name and in the email, any letter case.
    for text in [
        "STRASSE",
        "straße",
        "STRAßE",
        "ÉLODIE",
        "élodie straße",
        "EXEMPLE",
    ] {
        let page = e
            .list_members(
                &t,
                &MemberQuery {
                    search: Some(text.into()),
                    ..MemberQuery::default()
                },
            )
            .unwrap();
        let want = u64::from(text != "STRASSE");
        assert_eq!(page.total, want, "search {text:?}");
        assert_eq!(page.members.len() as u64, want, "search {text:?}");
    }
}

#[test]
fn a_store_from_before_folded_names_upgrades_in_place() {
    let fx = fixture();
    let path = fx.dir.path().join("s.db");
    let t = tenant(&fx.engine, "acme", Policy::Product);
    create(&fx.engine, &t, "zoe@acme.example");
    fx.engine
        .scim_create_user(scope(&t), &user_body("sven@acme.example", "Sven", "Größe"))
        .unwrap();
    drop(fx.engine);
    // What schema 3 had: no accounts.name_lower.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "ALTER TABLE accounts DROP COLUMN name_lower; DROP TABLE events; DROP TABLE webhook_deliveries; DROP TABLE webhook_endpoints; PRAGMA user_version = 3;",
        )
            .unwrap();
    }
    let e = Engine::open_sqlite(&path, "test").expect("reopen and migrate");
    let c = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, scimctl::engine::store::sqlite::SCHEMA_VERSION);
    let folded: String = c
        .query_row(
            "SELECT name_lower FROM accounts WHERE user_name = 'sven@acme.example'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(folded, "sven größe");
    let page = e
        .list_members(
            &t,
            &MemberQuery {
                search: Some("GRÖSSE".into()),
                ..MemberQuery::default()
            },
        )
        .unwrap();
    assert_eq!(
        page.total, 0,
        "ß is not ss: to_lowercase is not full folding"
    );
    let page = e
        .list_members(
            &t,
            &MemberQuery {
                search: Some("GRÖßE".into()),
                ..MemberQuery::default()
            },
        )
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.members[0].email, "sven@acme.example");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_http_a_limit_is_a_scim_400_naming_it() {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);
    // 50,000 members in under 1 MiB: the engine refuses it on the count.
    let members: Vec<Value> = (0..50_000)
        .map(|i| json!({"value": format!("u{i}")}))
        .collect();
    let body = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "displayName": "Everyone",
        "members": members,
    });
    let d = c
        .post("/Groups", &body)
        .await
        .error(400, Some("invalidValue"), "limit_exceeded");
    assert!(
        d.starts_with(
            "The request lists 50,000 group members; at most 10,000 are accepted per request"
        ),
        "{d}"
    );
    let uid = c.create_user("jane@acme.example").await;
    let ops: Vec<Value> = (0..1_001)
        .map(|_| json!({"op": "replace", "path": "active", "value": true}))
        .collect();
    let d = c
        .patch(&format!("/Users/{uid}"), &patch_op(Value::Array(ops)))
        .await
        .error(400, Some("invalidValue"), "limit_exceeded");
    assert!(
        d.starts_with(
            "The PATCH request has 1,001 operations; at most 1,000 are accepted per request"
        ),
        "{d}"
    );
    let search = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
        "filter": vec!["userName pr"; 65].join(" or "),
    });
    let d = c
        .send(Method::POST, "/Users/.search", Some(&search))
        .await
        .error(400, Some("invalidValue"), "limit_exceeded");
    assert!(d.contains("at most 64"), "{d}");
}
