//! Micro-benchmarks of the SCIM protocol engine (criterion): parse + plan +
//! evaluate of the filters Entra sends, and applying Entra's PATCH bodies.
//! Target: each under 5 µs.
//!
//!   cargo bench --bench protocol

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};

use scimctl::engine::model::Policy;
use scimctl::engine::scim::filter::Filter;
use scimctl::engine::scim::patch::{PatchRequest, apply};
use scimctl::engine::scim::schema::{ResourceKind, ResourceSchema};

fn user() -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        "id": "2819c223-7f76-453a-919d-413861904646",
        "externalId": "jdoe",
        "userName": "jane.doe@contoso.com",
        "name": {"givenName": "Jane", "familyName": "Doe"},
        "active": true,
        "emails": [{"type": "work", "value": "jane.doe@contoso.com", "primary": true}],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "department": "Sales", "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}
        },
        "meta": {"resourceType": "User", "created": "2026-01-01T00:00:00Z",
                 "lastModified": "2026-01-01T00:00:00Z", "version": "W/\"1\""}
    })
}

fn filters(c: &mut Criterion) {
    let users = ResourceSchema::for_policy(ResourceKind::User, Policy::Standard);
    let groups = ResourceSchema::for_policy(ResourceKind::Group, Policy::Standard);
    let u = user();
    let g = json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1",
                   "displayName": "Front Desk", "members": [{"value": "2819c223-7f76-453a-919d-413861904646"}]});
    let cases: [(&str, &str, &ResourceSchema, &Value); 6] = [
        (
            "test connection probe",
            "userName eq \"0b6b4c9e-6b43-4f2c-9a8e-2b7d1f0c3a55\"",
            &users,
            &u,
        ),
        (
            "userName eq",
            "userName eq \"Jane.Doe@contoso.com\"",
            &users,
            &u,
        ),
        ("externalId eq", "externalId eq \"jdoe\"", &users, &u),
        (
            "emails[work].value eq",
            "emails[type eq \"work\"].value eq \"jane.doe@contoso.com\"",
            &users,
            &u,
        ),
        (
            "id and manager",
            "id eq \"2819c223-7f76-453a-919d-413861904646\" and manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\"",
            &users,
            &u,
        ),
        (
            "displayName eq",
            "displayName eq \"front desk\"",
            &groups,
            &g,
        ),
    ];
    let mut group = c.benchmark_group("filter parse+plan+evaluate");
    for (name, f, schema, resource) in cases {
        group.bench_function(name, |b| {
            b.iter(|| {
                let parsed = Filter::parse(black_box(f)).expect("parse");
                parsed.validate(schema).expect("valid");
                let plan = parsed.plan(schema);
                black_box((plan, parsed.matches(black_box(resource), schema)))
            })
        });
    }
    group.finish();
}

fn patches(c: &mut Criterion) {
    let u = user();
    let grp = json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1",
                     "displayName": "Front Desk", "members": [{"value": "a"}, {"value": "b"}]});
    let op = |ops: Value| json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": ops});
    let cases = [
        (
            "disable (string boolean)",
            ResourceKind::User,
            Policy::Product,
            op(json!([{"op": "Replace", "path": "active", "value": "False"}])),
        ),
        (
            "replace names",
            ResourceKind::User,
            Policy::Product,
            op(json!([
            {"op": "Replace", "path": "name.givenName", "value": "Janet"},
            {"op": "Replace", "path": "name.familyName", "value": "Dough"}])),
        ),
        (
            "dotted + URN keys",
            ResourceKind::User,
            Policy::Standard,
            op(json!([{"op": "replace", "value": {
            "name.givenName": "Janet",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "701984"}}])),
        ),
        (
            "add work email value",
            ResourceKind::User,
            Policy::Standard,
            op(json!([
            {"op": "Add", "path": "emails[type eq \"work\"].value", "value": "jd@contoso.com"}])),
        ),
        (
            "add externalId",
            ResourceKind::User,
            Policy::Product,
            op(json!([{"op": "Add", "path": "externalId", "value": "jdoe2"}])),
        ),
        (
            "group add members",
            ResourceKind::Group,
            Policy::Product,
            op(json!([
            {"op": "Add", "path": "members", "value": [{"value": "c"}, {"value": "d"}]}])),
        ),
        (
            "group remove member list",
            ResourceKind::Group,
            Policy::Product,
            op(json!([
            {"op": "Remove", "path": "members", "value": [{"value": "a"}]}])),
        ),
    ];
    let mut group = c.benchmark_group("patch parse+apply");
    for (name, kind, policy, body) in cases {
        let schema = ResourceSchema::for_policy(kind, policy);
        let target = if kind == ResourceKind::User { &u } else { &grp };
        group.bench_function(name, |b| {
            b.iter(|| {
                let req = PatchRequest::parse(black_box(&body)).expect("parse");
                black_box(apply(&schema, black_box(target), &req).expect("apply"))
            })
        });
    }
    group.finish();
}

/// The engine's read path over a real SQLite store (no HTTP): what a GET by
/// id or a filter costs before the transport.
fn engine_reads(c: &mut Criterion) {
    use scimctl::engine::Engine;
    use scimctl::engine::scim::list::{ListQuery, Projection};
    use scimctl::engine::scim::session::Access;
    use scimctl::engine::scim::users::Scope;
    use scimctl::engine::tokens::Secret;

    let dir = tempfile::tempdir().expect("tempdir");
    let engine = Engine::open_sqlite(&dir.path().join("b.db"), "bench").expect("open");
    let t = engine
        .create_tenant("B", Some("b"), Policy::Product)
        .expect("tenant");
    engine.set_scim_enabled(&t, true).expect("enable");
    let token = Secret::new(
        engine
            .generate_token(&t)
            .expect("token")
            .token
            .expose()
            .to_owned(),
    );
    let scope = Scope {
        tenant: &t,
        base: "http://x/scim/v2/b",
    };
    let mut id = String::new();
    for i in 0..1000 {
        let w = engine
            .scim_create_user(scope, &json!({"userName": format!("u{i}@x.com"), "name": {"givenName": "G", "familyName": "F"}}))
            .expect("create");
        id = w.resource["id"].as_str().expect("id").to_owned();
    }
    let mut group = c.benchmark_group("engine over sqlite");
    group.bench_function("authenticate", |b| {
        b.iter(|| {
            black_box(
                engine
                    .authenticate("b", Some(&token), Some("127.0.0.1"))
                    .expect("auth"),
            )
        })
    });
    let proj = Projection::default();
    group.bench_function("get user by id", |b| {
        b.iter(|| black_box(engine.scim_get_user(scope, &id, &proj).expect("get")))
    });
    let q = ListQuery {
        filter: Some("userName eq \"u500@x.com\"".into()),
        ..ListQuery::default()
    };
    group.bench_function("filter userName eq", |b| {
        b.iter(|| black_box(engine.scim_list_users(scope, &q).expect("list")))
    });
    let mut n = 0u64;
    group.bench_function("create user", |b| {
        b.iter(|| {
            n += 1;
            let body = json!({"userName": format!("new{n}@x.com"), "name": {"givenName": "G", "familyName": "F"}});
            black_box(engine.scim_create_user(scope, &body).expect("create"))
        })
    });
    group.bench_function("session: authenticate + get user by id", |b| {
        b.iter(|| {
            let out = engine.scim_session(
                "b",
                Some(&token),
                Some("127.0.0.1"),
                "http://x/scim/v2/b",
                Access::Read,
                |s| s.get_user(&id, &proj),
            );
            black_box(out.result.expect("get"))
        })
    });
    group.finish();
}

criterion_group!(benches, filters, patches, engine_reads);
criterion_main!(benches);
