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

criterion_group!(benches, filters, patches);
criterion_main!(benches);
