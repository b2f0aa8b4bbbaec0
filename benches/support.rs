//! The support tools over a tenant of 100,000 members (issue 6: `users
//! list` under 200 ms): the engine calls behind `users list` (first page,
//! a deep page, a search, a filter), `users show`, `diagnose user` and
//! `diagnose tenant`, on a real SQLite store filled through the engine.
//!
//! `cargo bench --bench support` (SCIMCTL_BENCH_MEMBERS=N to change the size).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

use scimctl::engine::Engine;
use scimctl::engine::admin::members::MemberQuery;
use scimctl::engine::admin::users::NewMember;
use scimctl::engine::model::{ManagedBy, Policy};
use scimctl::engine::scim::users::Scope;

fn members() -> usize {
    std::env::var("SCIMCTL_BENCH_MEMBERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn support(c: &mut Criterion) {
    let n = members();
    let dir = tempfile::tempdir().expect("tempdir");
    let engine = Engine::open_sqlite(&dir.path().join("b.db"), "bench").expect("open");
    let t = engine
        .create_tenant("Bench", Some("bench"), Policy::Product)
        .expect("tenant");
    engine.set_scim_enabled(&t, true).expect("enable");
    let scope = Scope {
        tenant: &t,
        base: "http://bench/scim/v2/bench",
    };
    let started = Instant::now();
    // One in a hundred is a pre-SCIM member the tenant's admins created.
    for i in 0..n {
        let email = format!("user{i:06}@bench.example.com");
        if i % 100 == 0 {
            engine
                .add_member(
                    &t,
                    &NewMember {
                        email: &email,
                        given_name: "Pre",
                        family_name: "Existing",
                        central: false,
                    },
                )
                .expect("add");
        } else {
            engine
                .scim_create_user(
                    scope,
                    &json!({"userName": email, "name": {"givenName": "Bench", "familyName": format!("User{i}")}}),
                )
                .expect("create");
        }
    }
    eprintln!("filled {n} members in {:.1?}", started.elapsed());

    let mut g = c.benchmark_group(format!("support tools at {n} members"));
    g.sample_size(20).measurement_time(Duration::from_secs(5));
    let lists = [
        ("users list (first page of 50)", MemberQuery::default()),
        (
            "users list --after (middle page)",
            MemberQuery {
                after: Some(format!("user{:06}@bench.example.com", n / 2)),
                ..MemberQuery::default()
            },
        ),
        (
            "users list --search (substring, any case)",
            MemberQuery {
                search: Some("User4242".into()),
                ..MemberQuery::default()
            },
        ),
        (
            "users list --pending-transfer",
            MemberQuery {
                pending_transfer: true,
                ..MemberQuery::default()
            },
        ),
        (
            "users list --managed-by idp --limit 1000",
            MemberQuery {
                managed_by: Some(ManagedBy::Idp),
                limit: 1000,
                ..MemberQuery::default()
            },
        ),
    ];
    for (name, q) in lists {
        g.bench_function(name, |b| {
            b.iter(|| black_box(engine.list_members(&t, &q).expect("list")))
        });
    }
    let email = format!("user{:06}@bench.example.com", n / 3);
    g.bench_function("users show", |b| {
        b.iter(|| black_box(engine.user_facts(&t, &email).expect("show")))
    });
    g.bench_function("diagnose user", |b| {
        b.iter(|| black_box(engine.diagnose_user(&t, &email).expect("diagnose")))
    });
    g.bench_function("diagnose tenant", |b| {
        b.iter(|| black_box(engine.diagnose_tenant(&t, 90).expect("diagnose")))
    });
    g.finish();
}

criterion_group!(benches, support);
criterion_main!(benches);
