//! The conformance suite of the `Store` / `Tx` traits. Every store
//! implementation must pass it unchanged: the checks only use the traits and
//! a factory, so a new store (PostgreSQL) is plugged in with one line,
//! `conformance!(postgres, postgres_subject);`.

use std::sync::Arc;

use time::{Duration, OffsetDateTime};

use scimctl::engine::EngineError;
use scimctl::engine::auth::NOTE_PREVIOUS_TOKEN;
use scimctl::engine::events::{Actor, Event, EventQuery, EventType};
use scimctl::engine::log::{LogCounters, LogQuery, LogRecord};
use scimctl::engine::model::*;
use scimctl::engine::store::sqlite::SqliteStore;
use scimctl::engine::store::{LogCut, LogScope, LogStat, Store, Tx, append, read, write};
use scimctl::engine::tokens::{fingerprint, hash};

/// A store under test, with a way to open it again (a new connection, a new
/// process) and whatever must live as long as it does (a temp directory).
pub struct Subject {
    pub store: Arc<dyn Store>,
    pub reopen: Box<dyn Fn() -> Arc<dyn Store>>,
    _keep: Box<dyn std::any::Any>,
}

pub type Factory = fn() -> Subject;

fn sqlite_subject() -> Subject {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("conformance.db");
    let store = SqliteStore::open(&path).expect("open a new SQLite store");
    let again = path.clone();
    Subject {
        store: Arc::new(store),
        reopen: Box::new(move || Arc::new(SqliteStore::open(&again).expect("reopen"))),
        _keep: Box::new(dir),
    }
}

fn postgres_subject() -> Subject {
    let (url, db) = crate::pg::fresh_database();
    let store = crate::pg::open(&url);
    Subject {
        store: Arc::new(store),
        reopen: Box::new(move || Arc::new(crate::pg::open(&url))),
        _keep: Box::new(db),
    }
}

/// One `#[test]` per check for a store factory.
macro_rules! conformance {
    ($name:ident, $factory:ident) => {
        mod $name {
            use super::*;
            const F: Factory = $factory;
            #[test]
            fn info() {
                check_info(F)
            }
            #[test]
            fn tenants() {
                check_tenants(F)
            }
            #[test]
            fn properties() {
                check_properties(F)
            }
            #[test]
            fn accounts() {
                check_accounts(F)
            }
            #[test]
            fn memberships() {
                check_memberships(F)
            }
            #[test]
            fn groups_assignments_members() {
                check_groups(F)
            }
            #[test]
            fn member_records_lookups_and_scans() {
                check_member_records(F)
            }
            #[test]
            fn group_lookups_and_scans() {
                check_group_scans(F)
            }
            #[test]
            fn delete_account_unlinks_everywhere() {
                check_delete_account(F)
            }
            #[test]
            fn touch_token_never_goes_back() {
                check_touch_token(F)
            }
            #[test]
            fn tokens_one_active_per_tenant() {
                check_tokens(F)
            }
            #[test]
            fn invitations_enqueue_once() {
                check_invitations(F)
            }
            #[test]
            fn invitation_delivery_claims_and_leases() {
                check_invitation_delivery(F)
            }
            #[test]
            fn invitation_claims_never_overlap_across_instances() {
                check_invitation_claims_concurrent(F)
            }
            #[test]
            fn audit_events() {
                check_audit(F)
            }
            #[test]
            fn delete_tenant_cascades() {
                check_delete_tenant(F)
            }
            #[test]
            fn failed_write_leaves_nothing() {
                check_atomicity(F)
            }
            #[test]
            fn committed_writes_survive_reopen() {
                check_durability(F)
            }
            #[test]
            fn concurrent_writers() {
                check_concurrency(F)
            }
            #[test]
            fn admin_keys() {
                check_admin_keys(F)
            }
            #[test]
            fn auth_stamp_moves_with_tenants_and_tokens() {
                check_auth_stamp(F)
            }
            #[test]
            fn auth_stamp_under_concurrent_writers() {
                check_auth_stamp_concurrency(F)
            }
            #[test]
            fn steps_fail_alone() {
                check_steps(F)
            }
            #[test]
            fn log_round_trip() {
                check_log_round_trip(F)
            }
            #[test]
            fn log_control_characters() {
                check_log_control_characters(F)
            }
            #[test]
            fn log_queries() {
                check_log_queries(F)
            }
            #[test]
            fn log_counters() {
                check_log_counters(F)
            }
            #[test]
            fn log_stats() {
                check_log_stats(F)
            }
            #[test]
            fn log_cuts() {
                check_log_cuts(F)
            }
            #[test]
            fn log_prune_cut() {
                check_log_prune_cut(F)
            }
            #[test]
            fn log_numbers_never_go_back() {
                check_log_numbers_never_go_back(F)
            }
            #[test]
            fn log_forget_tenant() {
                check_log_forget_tenant(F)
            }
            #[test]
            fn log_forget_departed() {
                check_log_forget_departed(F)
            }
            #[test]
            fn log_prune_tenants() {
                check_log_prune_tenants(F)
            }
            #[test]
            fn log_follow_misses_nothing() {
                check_log_follow_misses_nothing(F)
            }
            #[test]
            fn events_round_trip_and_queries() {
                check_events(F)
            }
            #[test]
            fn event_numbers_never_go_back() {
                check_event_numbers_never_go_back(F)
            }
            #[test]
            fn event_follow_misses_nothing() {
                check_event_follow_misses_nothing(F)
            }
            #[test]
            fn event_rolls_back_with_its_change() {
                check_event_atomicity(F)
            }
            #[test]
            fn webhooks() {
                check_webhooks(F)
            }
        }
    };
}

conformance!(sqlite, sqlite_subject);
conformance!(postgres, postgres_subject);

// ---- fixtures -------------------------------------------------------------

fn t0() -> OffsetDateTime {
    // Millisecond precision: what every store keeps.
    scimctl::engine::now()
}

fn at(base: OffsetDateTime, ms: i64) -> OffsetDateTime {
    base + Duration::milliseconds(ms)
}

fn tenant(id: &str, name: &str, created_at: OffsetDateTime) -> Tenant {
    Tenant {
        id: id.into(),
        name: name.into(),
        policy: Policy::Product,
        scim_enabled: false,
        created_at,
    }
}

fn property(id: &str, tenant_id: &str, name: &str, created_at: OffsetDateTime) -> Property {
    Property {
        id: id.into(),
        tenant_id: tenant_id.into(),
        name: name.into(),
        created_at,
    }
}

fn account(id: &str, namespace: &str, user_name: &str, t: OffsetDateTime) -> Account {
    Account {
        id: id.into(),
        namespace: namespace.into(),
        user_name: user_name.into(),
        given_name: Some("Given".into()),
        family_name: None,
        created_at: t,
        updated_at: t,
    }
}

fn membership(
    id: &str,
    tenant_id: &str,
    account_id: &str,
    managed_by: ManagedBy,
    t: OffsetDateTime,
) -> Membership {
    Membership {
        id: id.into(),
        tenant_id: tenant_id.into(),
        account_id: account_id.into(),
        kind: MemberKind::Property,
        managed_by,
        active: true,
        external_id: None,
        doc: None,
        version: 1,
        created_at: t,
        updated_at: t,
    }
}

fn group(id: &str, tenant_id: &str, name: &str, t: OffsetDateTime) -> Group {
    Group {
        id: id.into(),
        tenant_id: tenant_id.into(),
        display_name: name.into(),
        external_id: None,
        doc: None,
        version: 1,
        created_at: t,
        updated_at: t,
    }
}

fn token(id: &str, tenant_id: &str, state: TokenState, t: OffsetDateTime) -> TokenRecord {
    let h = hash(&format!("scim_secret-of-{id}"));
    TokenRecord {
        id: id.into(),
        tenant_id: tenant_id.into(),
        hash: h,
        fingerprint: fingerprint(&h),
        state,
        created_at: t,
        last_used_at: None,
        last_used_from: None,
        ended_at: None,
        grace_until: None,
    }
}

fn w<R>(s: &Subject, f: impl FnOnce(&dyn Tx) -> scimctl::engine::Result<R>) -> R {
    write(s.store.as_ref(), f).expect("write transaction")
}

fn r<R>(s: &Subject, f: impl FnOnce(&dyn Tx) -> scimctl::engine::Result<R>) -> R {
    read(s.store.as_ref(), f).expect("read transaction")
}

/// A write that the store must refuse (a uniqueness or reference rule).
fn refused(s: &Subject, what: &str, f: impl FnOnce(&dyn Tx) -> scimctl::engine::Result<()>) {
    assert!(
        write(s.store.as_ref(), f).is_err(),
        "the store accepted {what}"
    );
}

// ---- checks ---------------------------------------------------------------

fn check_info(f: Factory) {
    let s = f();
    let info = s.store.info();
    assert!(!info.kind.is_empty());
    assert!(!info.location.is_empty());
    assert!(info.schema_version >= 1);
}

/// A step that fails (or panics) is undone alone; the transaction's other
/// steps and writes commit; a step sees what earlier steps wrote.
fn check_steps(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("a", "A", t))?;
        tx.step(&mut |tx| tx.insert_tenant(&tenant("b", "B", t)))?;
        let dup = tx.step(&mut |tx| {
            tx.insert_tenant(&tenant("c", "C", t))?;
            // Refused: the name is B's. C goes with it.
            tx.insert_tenant(&tenant("d", "b", t))
        });
        assert!(dup.is_err(), "a duplicate tenant name inside a step");
        let panicked = tx.step(&mut |tx| {
            tx.insert_tenant(&tenant("e", "E", t))?;
            panic!("planted")
        });
        assert!(panicked.is_err(), "a panic inside a step is its error");
        tx.step(&mut |tx| {
            assert!(tx.tenant_by_id("b")?.is_some(), "a step sees earlier steps");
            assert!(
                tx.tenant_by_id("c")?.is_none(),
                "a failed step's writes are gone"
            );
            tx.insert_tenant(&tenant("f", "F", t))
        })
    });
    let ids: Vec<String> = r(&s, |tx| tx.tenants()).into_iter().map(|t| t.id).collect();
    let mut ids = ids;
    ids.sort();
    assert_eq!(ids, ["a", "b", "f"]);
}

fn check_tenants(f: Factory) {
    let s = f();
    let t = t0();
    assert!(r(&s, |tx| tx.tenants()).is_empty());
    let a = tenant("a", "Alpha Corp", t);
    let mut b = tenant("b", "Beta", at(t, 1));
    b.policy = Policy::Standard;
    b.scim_enabled = true;
    w(&s, |tx| {
        tx.insert_tenant(&b)?;
        tx.insert_tenant(&a)
    });

    assert_eq!(r(&s, |tx| tx.tenant_by_id("a")), Some(a.clone()));
    assert_eq!(
        r(&s, |tx| tx.tenant_by_id("b")),
        Some(b.clone()),
        "policy and flag round-trip"
    );
    assert_eq!(r(&s, |tx| tx.tenant_by_id("A")), None, "ids are exact");
    assert_eq!(r(&s, |tx| tx.tenant_by_id("zzz")), None);
    assert_eq!(r(&s, |tx| tx.tenant_by_name("alpha corp")), Some(a.clone()));
    assert_eq!(r(&s, |tx| tx.tenant_by_name("nope")), None);
    assert_eq!(
        r(&s, |tx| tx.tenants()),
        vec![a.clone(), b.clone()],
        "oldest first"
    );

    refused(&s, "a duplicate tenant id", |tx| {
        tx.insert_tenant(&tenant("a", "Other", t))
    });
    refused(&s, "a duplicate tenant name in another case", |tx| {
        tx.insert_tenant(&tenant("c", "ALPHA CORP", t))
    });

    let mut a2 = a.clone();
    a2.name = "Renamed".into();
    a2.scim_enabled = true;
    a2.policy = Policy::Standard;
    w(&s, |tx| tx.update_tenant(&a2));
    assert_eq!(r(&s, |tx| tx.tenant_by_id("a")), Some(a2.clone()));
    assert_eq!(r(&s, |tx| tx.tenant_by_name("renamed")), Some(a2.clone()));
    assert_eq!(
        r(&s, |tx| tx.tenant_by_name("alpha corp")),
        None,
        "the old name is free"
    );

    assert!(w(&s, |tx| tx.delete_tenant("b")));
    assert!(!w(&s, |tx| tx.delete_tenant("b")), "deleting twice");
    assert!(!w(&s, |tx| tx.delete_tenant("never")));
    assert_eq!(r(&s, |tx| tx.tenants()), vec![a2]);
}

fn check_properties(f: Factory) {
    let s = f();
    let t = t0();
    let p1 = property("p1", "t1", "Hotel Berlin", t);
    let p2 = property("p2", "t1", "Annex", t);
    let p3 = property("p3", "t2", "Hotel Berlin", t);
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        tx.insert_property(&p1)?;
        tx.insert_property(&p2)?;
        tx.insert_property(&p3)
    });
    assert_eq!(
        r(&s, |tx| tx.property_by_name("t1", "hotel berlin")),
        Some(p1.clone())
    );
    assert_eq!(
        r(&s, |tx| tx.property_by_name("t2", "hotel berlin")),
        Some(p3.clone())
    );
    assert_eq!(r(&s, |tx| tx.property_by_name("t1", "nope")), None);
    assert_eq!(r(&s, |tx| tx.properties("t1")), vec![p2, p1], "by name");
    assert_eq!(r(&s, |tx| tx.properties("t2")), vec![p3]);
    assert!(r(&s, |tx| tx.properties("t3")).is_empty());
    refused(&s, "a duplicate property name in one tenant", |tx| {
        tx.insert_property(&property("p4", "t1", "HOTEL BERLIN", t))
    });
    refused(&s, "a property of an unknown tenant", |tx| {
        tx.insert_property(&property("p5", "nope", "X", t))
    });
}

fn check_accounts(f: Factory) {
    let s = f();
    let t = t0();
    let a1 = account("a1", GLOBAL_NAMESPACE, "Jane.Doe@Example.com", t);
    let a2 = account("a2", "std-tenant", "Jane.Doe@Example.com", t);
    w(&s, |tx| {
        tx.insert_account(&a1)?;
        tx.insert_account(&a2)
    });
    assert_eq!(r(&s, |tx| tx.account_by_id("a1")), Some(a1.clone()));
    assert_eq!(r(&s, |tx| tx.account_by_id("zz")), None);
    assert_eq!(
        r(&s, |tx| tx.account_by_user_name(
            GLOBAL_NAMESPACE,
            "jane.doe@example.com"
        )),
        Some(a1.clone())
    );
    assert_eq!(
        r(&s, |tx| tx.account_by_user_name(
            "std-tenant",
            "jane.doe@example.com"
        )),
        Some(a2),
        "namespaces are separate"
    );
    assert_eq!(
        r(&s, |tx| tx
            .account_by_user_name("other", "jane.doe@example.com")),
        None
    );
    refused(&s, "a duplicate userName in one namespace", |tx| {
        tx.insert_account(&account("a3", GLOBAL_NAMESPACE, "JANE.DOE@example.COM", t))
    });

    let mut a1b = a1.clone();
    a1b.user_name = "jane@example.org".into();
    a1b.given_name = None;
    a1b.family_name = Some("Doe".into());
    a1b.updated_at = at(t, 5);
    w(&s, |tx| tx.update_account(&a1b));
    assert_eq!(r(&s, |tx| tx.account_by_id("a1")), Some(a1b.clone()));
    assert_eq!(
        r(&s, |tx| tx.account_by_user_name("", "jane@example.org")),
        Some(a1b)
    );
    assert_eq!(
        r(&s, |tx| tx.account_by_user_name("", "jane.doe@example.com")),
        None
    );
}

fn check_memberships(f: Factory) {
    let s = f();
    let t = t0();
    let mut m1 = membership("m1", "t1", "a1", ManagedBy::Tenant, t);
    m1.external_id = Some("ext-1".into());
    let mut m2 = membership("m2", "t1", "a2", ManagedBy::Idp, at(t, 1));
    m2.external_id = Some("ext-2".into());
    let m3 = membership("m3", "t2", "a1", ManagedBy::SelfManaged, at(t, 2));
    let mut m4 = membership("m4", "t1", "a3", ManagedBy::SelfManaged, at(t, 3));
    m4.kind = MemberKind::Central;
    m4.active = false;
    m4.doc = Some(r#"{"title":"Boss"}"#.into());
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        for a in ["a1", "a2", "a3"] {
            tx.insert_account(&account(a, "", &format!("{a}@example.com"), t))?;
        }
        for m in [&m1, &m2, &m3, &m4] {
            tx.insert_membership(m)?;
        }
        Ok(())
    });

    assert_eq!(
        r(&s, |tx| tx.membership_by_id("t1", "m1")),
        Some(m1.clone())
    );
    assert_eq!(
        r(&s, |tx| tx.membership_by_id("t1", "m4")),
        Some(m4.clone()),
        "all fields round-trip"
    );
    assert_eq!(
        r(&s, |tx| tx.membership_by_id("t2", "m1")),
        None,
        "another tenant's member is not found"
    );
    assert_eq!(r(&s, |tx| tx.membership_of("t1", "a1")), Some(m1.clone()));
    assert_eq!(r(&s, |tx| tx.membership_of("t2", "a1")), Some(m3.clone()));
    assert_eq!(r(&s, |tx| tx.membership_of("t2", "a2")), None);
    assert_eq!(
        r(&s, |tx| tx.memberships_of_account("a1")),
        vec![m1.clone(), m3.clone()]
    );
    assert!(r(&s, |tx| tx.memberships_of_account("zz")).is_empty());
    assert_eq!(
        r(&s, |tx| tx.memberships_by_external_id("t1", "ext-1")),
        vec![m1.clone()]
    );
    assert!(r(&s, |tx| tx.memberships_by_external_id("t2", "ext-1")).is_empty());
    assert!(
        r(&s, |tx| tx.memberships_by_external_id("t1", "EXT-1")).is_empty(),
        "externalId is exact"
    );

    let counts = |tenant: &str| r(&s, |tx| tx.member_counts(tenant));
    assert_eq!(
        counts("t1"),
        MemberCounts {
            idp: 1,
            tenant: 1,
            self_managed: 1,
            total: 3
        }
    );
    assert_eq!(
        counts("t2"),
        MemberCounts {
            idp: 0,
            tenant: 0,
            self_managed: 1,
            total: 1
        }
    );
    assert_eq!(counts("none"), MemberCounts::default());

    refused(
        &s,
        "a second membership of one account in one tenant",
        |tx| tx.insert_membership(&membership("m5", "t1", "a1", ManagedBy::Tenant, t)),
    );
    refused(&s, "a membership in an unknown tenant", |tx| {
        tx.insert_membership(&membership("m6", "nope", "a2", ManagedBy::Tenant, t))
    });
    refused(&s, "a membership of an unknown account", |tx| {
        tx.insert_membership(&membership("m7", "t2", "nope", ManagedBy::Tenant, t))
    });

    let mut m1b = m1.clone();
    m1b.managed_by = ManagedBy::Idp;
    m1b.external_id = Some("new-ext".into());
    m1b.active = false;
    m1b.kind = MemberKind::Central;
    m1b.doc = Some("{}".into());
    m1b.version = 2;
    m1b.updated_at = at(t, 10);
    w(&s, |tx| tx.update_membership(&m1b));
    assert_eq!(
        r(&s, |tx| tx.membership_by_id("t1", "m1")),
        Some(m1b.clone())
    );
    assert!(r(&s, |tx| tx.memberships_by_external_id("t1", "ext-1")).is_empty());
    assert_eq!(
        r(&s, |tx| tx.memberships_by_external_id("t1", "new-ext")),
        vec![m1b]
    );
    assert_eq!(
        counts("t1"),
        MemberCounts {
            idp: 2,
            tenant: 0,
            self_managed: 1,
            total: 3
        }
    );

    assert!(
        !w(&s, |tx| tx.delete_membership("t2", "m1")),
        "scoped to its tenant"
    );
    assert!(w(&s, |tx| tx.delete_membership("t1", "m1")));
    assert!(!w(&s, |tx| tx.delete_membership("t1", "m1")));
    assert_eq!(r(&s, |tx| tx.membership_by_id("t1", "m1")), None);
    assert_eq!(r(&s, |tx| tx.memberships_of_account("a1")), vec![m3]);
    assert!(
        r(&s, |tx| tx.account_by_id("a1")).is_some(),
        "unlinking keeps the account"
    );
}

fn check_groups(f: Factory) {
    let s = f();
    let t = t0();
    let g1 = group("g1", "t1", "Front Desk", t);
    let g2 = group("g2", "t1", "Annex", t);
    let g3 = group("g3", "t2", "Front Desk", t);
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        for a in ["a1", "a2"] {
            tx.insert_account(&account(a, "", &format!("{a}@example.com"), t))?;
        }
        tx.insert_membership(&membership("m1", "t1", "a1", ManagedBy::Idp, t))?;
        tx.insert_membership(&membership("m2", "t1", "a2", ManagedBy::Idp, t))?;
        tx.insert_property(&property("p1", "t1", "Hotel", t))?;
        for g in [&g1, &g2, &g3] {
            tx.insert_group(g)?;
        }
        Ok(())
    });
    assert_eq!(r(&s, |tx| tx.group_by_id("t1", "g1")), Some(g1.clone()));
    assert_eq!(
        r(&s, |tx| tx.group_by_id("t2", "g1")),
        None,
        "another tenant's group is not found"
    );
    assert_eq!(
        r(&s, |tx| tx.group_by_name("t1", "front desk")),
        Some(g1.clone())
    );
    assert_eq!(
        r(&s, |tx| tx.group_by_name("t2", "front desk")),
        Some(g3.clone())
    );
    assert_eq!(
        r(&s, |tx| tx.groups("t1")),
        vec![g2.clone(), g1.clone()],
        "by name"
    );
    refused(&s, "a duplicate group name in one tenant", |tx| {
        tx.insert_group(&group("g4", "t1", "FRONT DESK", t))
    });

    let mut g1b = g1.clone();
    g1b.display_name = "Reception".into();
    g1b.external_id = Some("ext-g1".into());
    g1b.doc = Some("{}".into());
    g1b.version = 2;
    g1b.updated_at = at(t, 7);
    w(&s, |tx| tx.update_group(&g1b));
    assert_eq!(r(&s, |tx| tx.group_by_id("t1", "g1")), Some(g1b.clone()));
    assert_eq!(
        r(&s, |tx| tx.group_by_name("t1", "reception")),
        Some(g1b.clone())
    );
    assert_eq!(r(&s, |tx| tx.group_by_name("t1", "front desk")), None);

    // Assignments: typed values, each at most once.
    let wanted = [
        Assignment {
            kind: AssignmentKind::Property,
            value: "p1".into(),
        },
        Assignment {
            kind: AssignmentKind::Role,
            value: "clerk".into(),
        },
        Assignment {
            kind: AssignmentKind::Permission,
            value: "refund".into(),
        },
        Assignment {
            kind: AssignmentKind::Cashier,
            value: "till-3".into(),
        },
        Assignment {
            kind: AssignmentKind::LearningPath,
            value: "onboarding".into(),
        },
        Assignment {
            kind: AssignmentKind::GuestMessage,
            value: "welcome".into(),
        },
    ];
    for a in &wanted {
        assert!(w(&s, |tx| tx.add_assignment("g1", a)), "{a:?} is new");
        assert!(!w(&s, |tx| tx.add_assignment("g1", a)), "{a:?} twice");
    }
    let mut got = r(&s, |tx| tx.assignments("g1"));
    got.sort();
    let mut want = wanted.to_vec();
    want.sort();
    assert_eq!(got, want);
    assert!(r(&s, |tx| tx.assignments("g2")).is_empty());

    // Members.
    assert!(w(&s, |tx| tx.add_group_member("g1", "m1", None, t)));
    assert!(
        !w(&s, |tx| tx.add_group_member("g1", "m1", None, at(t, 1))),
        "already a member"
    );
    assert!(w(&s, |tx| tx.add_group_member("g1", "m2", None, at(t, 2))));
    assert!(w(&s, |tx| tx.add_group_member("g2", "m1", None, at(t, 3))));
    assert_eq!(
        r(&s, |tx| tx.group_members("g1")),
        ["m1", "m2"],
        "in the order added"
    );
    assert_eq!(r(&s, |tx| tx.groups_of_member("m1")), ["g1", "g2"]);
    assert!(r(&s, |tx| tx.groups_of_member("m9")).is_empty());
    assert!(w(&s, |tx| tx.remove_group_member("g1", "m1")));
    assert!(!w(&s, |tx| tx.remove_group_member("g1", "m1")));
    assert_eq!(r(&s, |tx| tx.group_members("g1")), ["m2"]);

    // Unlinking a member takes it out of its groups.
    assert!(w(&s, |tx| tx.delete_membership("t1", "m2")));
    assert!(r(&s, |tx| tx.group_members("g1")).is_empty());

    // Deleting a group: scoped to its tenant; its assignments and members go.
    assert!(!w(&s, |tx| tx.delete_group("t2", "g2")));
    assert!(w(&s, |tx| tx.delete_group("t1", "g2")));
    assert!(!w(&s, |tx| tx.delete_group("t1", "g2")));
    assert!(r(&s, |tx| tx.groups_of_member("m1")).is_empty());
    assert!(w(&s, |tx| tx.delete_group("t1", "g1")));
    assert!(r(&s, |tx| tx.assignments("g1")).is_empty());
    assert_eq!(r(&s, |tx| tx.groups("t1")), vec![]);
    assert_eq!(r(&s, |tx| tx.groups("t2")), vec![g3]);
}

fn check_tokens(f: Factory) {
    let s = f();
    let t = t0();
    let k1 = token("k1", "t1", TokenState::Active, t);
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        tx.insert_token(&k1)
    });
    assert_eq!(r(&s, |tx| tx.live_tokens("t1")), vec![k1.clone()]);
    assert_eq!(r(&s, |tx| tx.token_by_hash(&k1.hash)), Some(k1.clone()));
    assert_eq!(r(&s, |tx| tx.token_by_hash(&hash("scim_unknown"))), None);
    assert!(r(&s, |tx| tx.live_tokens("t2")).is_empty());

    // The store itself keeps one active token per tenant.
    refused(&s, "a second active token for one tenant", |tx| {
        tx.insert_token(&token("k2", "t1", TokenState::Active, at(t, 1)))
    });
    assert_eq!(r(&s, |tx| tx.live_tokens("t1")), vec![k1.clone()]);
    let mut dup = token("k9", "t2", TokenState::Revoked, t);
    dup.hash = k1.hash;
    refused(&s, "two tokens with one hash", |tx| tx.insert_token(&dup));
    refused(&s, "a token of an unknown tenant", |tx| {
        tx.insert_token(&token("k8", "nope", TokenState::Active, t))
    });
    w(&s, |tx| {
        tx.insert_token(&token("o1", "t2", TokenState::Active, t))
    });

    // Rotation with a grace period: previous + active are live, newest first.
    let mut k1p = k1.clone();
    k1p.state = TokenState::Previous;
    k1p.grace_until = Some(at(t, 60_000));
    k1p.ended_at = Some(at(t, 2));
    let mut k2 = token("k2", "t1", TokenState::Active, at(t, 2));
    k2.last_used_at = Some(at(t, 3));
    k2.last_used_from = Some("203.0.113.7".into());
    w(&s, |tx| {
        tx.update_token(&k1p)?;
        tx.insert_token(&k2)
    });
    assert_eq!(
        r(&s, |tx| tx.live_tokens("t1")),
        vec![k2.clone(), k1p.clone()]
    );

    // Superseded and revoked tokens are no longer live, but still known.
    let mut k1s = k1p.clone();
    k1s.state = TokenState::Superseded;
    k1s.grace_until = None;
    w(&s, |tx| tx.update_token(&k1s));
    assert_eq!(r(&s, |tx| tx.live_tokens("t1")), vec![k2.clone()]);
    assert_eq!(r(&s, |tx| tx.token_by_hash(&k1.hash)), Some(k1s));
    let mut k2b = k2.clone();
    k2b.last_used_at = Some(at(t, 9));
    k2b.last_used_from = Some("2001:db8::1".into());
    w(&s, |tx| tx.update_token(&k2b));
    assert_eq!(r(&s, |tx| tx.token_by_hash(&k2.hash)), Some(k2b.clone()));
    let mut k2r = k2b.clone();
    k2r.state = TokenState::Revoked;
    k2r.ended_at = Some(at(t, 10));
    w(&s, |tx| tx.update_token(&k2r));
    assert!(r(&s, |tx| tx.live_tokens("t1")).is_empty());
    assert_eq!(
        r(&s, |tx| tx.token_by_hash(&k2.hash)).map(|k| k.state),
        Some(TokenState::Revoked)
    );
    // With no active token left, a new one may be inserted.
    w(&s, |tx| {
        tx.insert_token(&token("k3", "t1", TokenState::Active, at(t, 11)))
    });
    assert_eq!(r(&s, |tx| tx.live_tokens("t1")).len(), 1);
    assert_eq!(
        r(&s, |tx| tx.live_tokens("t2")).len(),
        1,
        "the other tenant is untouched"
    );
}

fn check_invitations(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_account(&account("a1", "", "a1@example.com", t))?;
        tx.insert_membership(&membership("m1", "t1", "a1", ManagedBy::Idp, t))
    });
    let inv = Invitation {
        id: "i1".into(),
        tenant_id: "t1".into(),
        membership_id: "m1".into(),
        email: "a1@example.com".into(),
        enqueued_at: t,
        sent_at: None,
        delivery: Default::default(),
    };
    assert_eq!(r(&s, |tx| tx.invitation_for("m1")), None);
    assert!(w(&s, |tx| tx.enqueue_invitation(&inv)));
    assert_eq!(r(&s, |tx| tx.invitation_for("m1")), Some(inv.clone()));
    let again = Invitation {
        id: "i2".into(),
        enqueued_at: at(t, 5),
        sent_at: Some(at(t, 6)),
        ..inv.clone()
    };
    assert!(
        !w(&s, |tx| tx.enqueue_invitation(&again)),
        "one invitation per membership, ever"
    );
    assert_eq!(r(&s, |tx| tx.invitation_for("m1")), Some(inv));
    assert_eq!(r(&s, |tx| tx.invitation_for("m9")), None);
}

fn outbox(s: &Subject, t: OffsetDateTime, n: usize) {
    w(s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        for i in 1..=n {
            tx.insert_account(&account(
                &format!("a{i}"),
                "",
                &format!("u{i}@example.com"),
                t,
            ))?;
            tx.insert_membership(&membership(
                &format!("m{i}"),
                "t1",
                &format!("a{i}"),
                ManagedBy::Idp,
                t,
            ))?;
            tx.enqueue_invitation(&Invitation {
                id: format!("i{i}"),
                tenant_id: "t1".into(),
                membership_id: format!("m{i}"),
                email: format!("u{i}@example.com"),
                enqueued_at: at(t, i as i64),
                sent_at: None,
                delivery: Default::default(),
            })?;
        }
        Ok(())
    });
}

fn due_ids(s: &Subject, now: OffsetDateTime) -> Vec<String> {
    r(s, |tx| tx.due_invitations(now, 100))
        .into_iter()
        .map(|i| i.id)
        .collect()
}

/// The claim/lease rules the delivery worker relies on: what is due, in
/// which order, and that every delivery column reads back as written.
fn check_invitation_delivery(f: Factory) {
    use scimctl::engine::store::{InvitationCounts, InvitationFilter};
    let s = f();
    let t = t0();
    outbox(&s, t, 3);
    assert_eq!(due_ids(&s, at(t, 10)), ["i1", "i2", "i3"], "oldest first");
    assert_eq!(
        r(&s, |tx| tx.due_invitations(at(t, 10), 1)).len(),
        1,
        "limit"
    );

    // A lease hides a row until it runs out (inclusive).
    let h1 = hash("inv_one");
    let mut i1 = r(&s, |tx| tx.invitation_by_id("i1")).expect("i1");
    i1.delivery = Delivery {
        attempts: 1,
        lease_until: Some(at(t, 100)),
        token_hash: Some(h1),
        token_expires_at: Some(at(t, 1000)),
        ..Default::default()
    };
    assert!(w(&s, |tx| tx.update_invitation(&i1)));
    assert_eq!(r(&s, |tx| tx.invitation_by_id("i1")), Some(i1.clone()));
    assert_eq!(due_ids(&s, at(t, 99)), ["i2", "i3"]);
    assert_eq!(due_ids(&s, at(t, 100)), ["i1", "i2", "i3"]);
    assert_eq!(
        r(&s, |tx| tx.invitation_by_token(&h1)).map(|i| i.id),
        Some("i1".into())
    );
    assert_eq!(r(&s, |tx| tx.invitation_by_token(&hash("inv_other"))), None);

    // A backoff hides a row until its next attempt.
    let mut i2 = r(&s, |tx| tx.invitation_by_id("i2")).expect("i2");
    i2.delivery.attempts = 1;
    i2.delivery.last_error = Some("451 try later".into());
    i2.delivery.next_attempt_at = Some(at(t, 50));
    assert!(w(&s, |tx| tx.update_invitation(&i2)));
    assert_eq!(due_ids(&s, at(t, 49)), ["i3"]);
    assert_eq!(due_ids(&s, at(t, 50)), ["i2", "i3"]);

    // Two rows never share a token.
    let mut dup = i2.clone();
    dup.delivery.token_hash = Some(h1);
    refused(&s, "a second row with the same token hash", |tx| {
        tx.update_invitation(&dup).map(|_| ())
    });

    // Sent and failed rows are never due again.
    i1.sent_at = Some(at(t, 20));
    i1.delivery.lease_until = None;
    assert!(w(&s, |tx| tx.update_invitation(&i1)));
    let mut i3 = r(&s, |tx| tx.invitation_by_id("i3")).expect("i3");
    i3.delivery.attempts = 1;
    i3.delivery.failed_at = Some(at(t, 30));
    i3.delivery.last_error = Some("550 no such user".into());
    assert!(w(&s, |tx| tx.update_invitation(&i3)));
    assert_eq!(r(&s, |tx| tx.invitation_by_id("i3")), Some(i3.clone()));
    assert_eq!(due_ids(&s, at(t, 10_000)), ["i2"]);

    let ids = |f: InvitationFilter, m: Option<&str>| -> Vec<String> {
        r(&s, |tx| tx.invitations("t1", f, m, 100))
            .into_iter()
            .map(|i| i.id)
            .collect()
    };
    assert_eq!(ids(InvitationFilter::All, None), ["i1", "i2", "i3"]);
    assert_eq!(ids(InvitationFilter::Pending, None), ["i2"]);
    assert_eq!(ids(InvitationFilter::Sent, None), ["i1"]);
    assert_eq!(ids(InvitationFilter::Failed, None), ["i3"]);
    assert_eq!(ids(InvitationFilter::All, Some("m2")), ["i2"]);
    assert!(ids(InvitationFilter::Sent, Some("m2")).is_empty());
    assert_eq!(
        r(&s, |tx| tx.invitation_counts("t1")),
        InvitationCounts {
            pending: 1,
            retrying: 1,
            failed: 1,
            sent: 1
        }
    );
    assert_eq!(
        r(&s, |tx| tx.invitation_counts("nobody")),
        InvitationCounts::default()
    );
    assert!(!w(&s, |tx| tx.update_invitation(&Invitation {
        id: "missing".into(),
        ..i1.clone()
    })));
}

/// Claims by two engines over two handles of one store (two `serve`
/// instances): every invitation is claimed exactly once while leased.
fn check_invitation_claims_concurrent(f: Factory) {
    use scimctl::engine::Engine;
    use scimctl::engine::invitations::DeliveryPolicy;
    let s = f();
    let t = t0();
    outbox(&s, t, 24);
    let policy = DeliveryPolicy {
        lease: Duration::minutes(5),
        link_lifetime: Duration::days(7),
        retry_base: Duration::seconds(60),
        max_attempts: 8,
    };
    let stores = [s.store.clone(), (s.reopen)()];
    let claimed: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = stores
            .iter()
            .map(|store| {
                let engine = Engine::new(store.clone(), "test");
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let batch = engine.claim_invitations(&policy, 3).expect("claim");
                        if batch.is_empty() {
                            return mine;
                        }
                        mine.extend(batch.into_iter().map(|c| c.invitation_id));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("claimer"))
            .collect()
    });
    let mut sorted = claimed.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 24, "every invitation claimed");
    assert_eq!(claimed.len(), 24, "none claimed twice: {claimed:?}");
    // Leased: nothing is due until the lease runs out.
    assert!(due_ids(&s, scimctl::engine::now()).is_empty());
    assert_eq!(
        due_ids(&s, scimctl::engine::now() + Duration::minutes(6)).len(),
        24
    );
}

fn check_audit(f: Factory) {
    let s = f();
    let t = t0();
    let ev = |tenant: Option<&str>, n: i64| AuditEvent {
        at: at(t, n),
        tenant_id: tenant.map(str::to_owned),
        actor: "cli:tester".into(),
        action: format!("action.{n}"),
        subject: (n % 2 == 0).then(|| format!("subject {n}")),
        detail: (n % 3 == 0).then(|| format!("detail {n}")),
    };
    let t1: Vec<AuditEvent> = (0..5).map(|n| ev(Some("t1"), n)).collect();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        for (i, e) in t1.iter().enumerate() {
            tx.insert_audit(e)?;
            if i == 2 {
                tx.insert_audit(&ev(Some("t2"), 100))?;
                tx.insert_audit(&ev(None, 101))?;
            }
        }
        Ok(())
    });
    assert_eq!(r(&s, |tx| tx.audit_events("t1", 100)), t1, "oldest first");
    assert_eq!(
        r(&s, |tx| tx.audit_events("t1", 2)),
        t1[3..].to_vec(),
        "the latest, oldest first"
    );
    assert_eq!(
        r(&s, |tx| tx.audit_events("t2", 100)),
        vec![ev(Some("t2"), 100)]
    );
    assert!(r(&s, |tx| tx.audit_events("t3", 100)).is_empty());
    // The trail outlives what it describes.
    assert!(w(&s, |tx| tx.delete_tenant("t1")));
    w(&s, |tx| tx.insert_audit(&ev(Some("t1"), 200)));
    assert_eq!(r(&s, |tx| tx.audit_events("t1", 100)).len(), 6);
}

fn check_delete_tenant(f: Factory) {
    let s = f();
    let t = t0();
    let inv = Invitation {
        id: "i1".into(),
        tenant_id: "t1".into(),
        membership_id: "m-only".into(),
        email: "only@example.com".into(),
        enqueued_at: t,
        sent_at: None,
        delivery: Default::default(),
    };
    let k1 = token("k1", "t1", TokenState::Active, t);
    let k2 = token("k2", "t1", TokenState::Superseded, t);
    let k3 = token("k3", "t2", TokenState::Active, t);
    let mut std_tenant = tenant("t1", "T1", t);
    std_tenant.policy = Policy::Standard;
    w(&s, |tx| {
        tx.insert_tenant(&std_tenant)?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        tx.insert_account(&account("only", "", "only@example.com", t))?;
        tx.insert_account(&account("shared", "", "shared@example.com", t))?;
        tx.insert_account(&account("ns", "t1", "ns-user", t))?;
        tx.insert_account(&account("other", "", "other@example.com", t))?;
        tx.insert_membership(&membership("m-only", "t1", "only", ManagedBy::Idp, t))?;
        tx.insert_membership(&membership(
            "m-shared1",
            "t1",
            "shared",
            ManagedBy::SelfManaged,
            t,
        ))?;
        tx.insert_membership(&membership(
            "m-shared2",
            "t2",
            "shared",
            ManagedBy::SelfManaged,
            t,
        ))?;
        tx.insert_membership(&membership("m-ns", "t1", "ns", ManagedBy::Idp, t))?;
        tx.insert_membership(&membership("m-other", "t2", "other", ManagedBy::Tenant, t))?;
        tx.insert_property(&property("p1", "t1", "Hotel", t))?;
        tx.insert_property(&property("p2", "t2", "Hotel", t))?;
        tx.insert_group(&group("g1", "t1", "Staff", t))?;
        tx.insert_group(&group("g2", "t2", "Staff", t))?;
        tx.add_assignment(
            "g1",
            &Assignment {
                kind: AssignmentKind::Property,
                value: "p1".into(),
            },
        )?;
        tx.add_assignment(
            "g2",
            &Assignment {
                kind: AssignmentKind::Property,
                value: "p2".into(),
            },
        )?;
        tx.add_group_member("g1", "m-only", None, t)?;
        tx.add_group_member("g1", "m-shared1", None, t)?;
        tx.add_group_member("g2", "m-shared2", None, t)?;
        tx.insert_token(&k1)?;
        tx.insert_token(&k2)?;
        tx.insert_token(&k3)?;
        tx.enqueue_invitation(&inv)?;
        tx.set_member_emails("t1", "m-only", &["only@example.com".into()])?;
        Ok(())
    });

    assert!(w(&s, |tx| tx.delete_tenant("t1")));

    r(&s, |tx| {
        assert_eq!(tx.tenant_by_id("t1")?, None);
        assert_eq!(tx.tenant_by_name("t1")?, None);
        assert!(tx.properties("t1")?.is_empty());
        assert!(tx.groups("t1")?.is_empty());
        assert_eq!(tx.group_by_id("t1", "g1")?, None);
        assert!(tx.assignments("g1")?.is_empty());
        assert!(tx.group_members("g1")?.is_empty());
        assert!(tx.groups_of_member("m-only")?.is_empty());
        assert!(tx.live_tokens("t1")?.is_empty());
        assert_eq!(tx.token_by_hash(&k1.hash)?, None);
        assert_eq!(tx.token_by_hash(&k2.hash)?, None);
        assert_eq!(tx.invitation_for("m-only")?, None);
        assert_eq!(tx.member_counts("t1")?, MemberCounts::default());
        assert_eq!(tx.membership_by_id("t1", "m-shared1")?, None);
        assert!(tx.members_by_email("t1", "only@example.com")?.is_empty());
        assert_eq!(tx.member_total("t1")?, 0);
        assert_eq!(tx.group_total("t1")?, 0);
        // Accounts no other tenant links go; a standard tenant's namespace goes.
        assert_eq!(tx.account_by_id("only")?, None, "orphan account kept");
        assert_eq!(tx.account_by_id("ns")?, None, "namespace account kept");
        // An account linked elsewhere survives, with its other links.
        assert!(
            tx.account_by_id("shared")?.is_some(),
            "a linked account was deleted"
        );
        assert_eq!(tx.memberships_of_account("shared")?.len(), 1);
        assert!(tx.account_by_id("other")?.is_some());
        // The other tenant is untouched.
        assert!(tx.tenant_by_id("t2")?.is_some());
        assert_eq!(tx.properties("t2")?.len(), 1);
        assert_eq!(tx.group_members("g2")?, ["m-shared2"]);
        assert_eq!(tx.assignments("g2")?.len(), 1);
        assert_eq!(tx.live_tokens("t2")?, vec![k3.clone()]);
        assert_eq!(tx.member_counts("t2")?.total, 2);
        Ok(())
    });
}

fn check_atomicity(f: Factory) {
    let s = f();
    let t = t0();

    // The closure's own error comes back unchanged, and nothing it wrote stays.
    let err = write(s.store.as_ref(), |tx| -> scimctl::engine::Result<()> {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_account(&account("a1", "", "a1@example.com", t))?;
        tx.insert_membership(&membership("m1", "t1", "a1", ManagedBy::Tenant, t))?;
        tx.insert_property(&property("p1", "t1", "P", t))?;
        tx.insert_group(&group("g1", "t1", "G", t))?;
        tx.add_assignment(
            "g1",
            &Assignment {
                kind: AssignmentKind::Role,
                value: "r".into(),
            },
        )?;
        tx.add_group_member("g1", "m1", None, t)?;
        tx.insert_token(&token("k1", "t1", TokenState::Active, t))?;
        tx.insert_audit(&AuditEvent {
            at: t,
            tenant_id: Some("t1".into()),
            actor: "x".into(),
            action: "y".into(),
            subject: None,
            detail: None,
        })?;
        Err(EngineError::NoTenants)
    })
    .unwrap_err();
    assert_eq!(err.reason(), "no_tenants");
    let nothing = |s: &Subject| {
        r(s, |tx| {
            assert!(tx.tenants()?.is_empty());
            assert_eq!(tx.account_by_id("a1")?, None);
            assert!(tx.memberships_of_account("a1")?.is_empty());
            assert!(tx.properties("t1")?.is_empty());
            assert!(tx.assignments("g1")?.is_empty());
            assert!(tx.group_members("g1")?.is_empty());
            assert_eq!(
                tx.token_by_hash(&token("k1", "t1", TokenState::Active, t).hash)?,
                None
            );
            assert!(tx.audit_events("t1", 10)?.is_empty());
            Ok(())
        })
    };
    nothing(&s);

    // A store error half-way (a duplicate) undoes the earlier writes too.
    w(&s, |tx| tx.insert_tenant(&tenant("keep", "Keep", t)));
    let res = write(s.store.as_ref(), |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("keep", "Duplicate", t))
    });
    assert!(res.is_err());
    assert_eq!(
        r(&s, |tx| tx.tenant_by_id("t1")),
        None,
        "half a transaction was committed"
    );
    assert_eq!(r(&s, |tx| tx.tenants()).len(), 1);

    // The store is usable after failures, and returns closure values.
    let v = w(&s, |tx| {
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        Ok(42)
    });
    assert_eq!(v, 42);
    assert_eq!(r(&s, |tx| Ok(tx.tenants()?.len())), 2);
}

fn check_durability(f: Factory) {
    let s = f();
    let t = t0();
    let a = tenant("t1", "T1", t);
    w(&s, |tx| tx.insert_tenant(&a));
    let _ = write(s.store.as_ref(), |tx| -> scimctl::engine::Result<()> {
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        Err(EngineError::NoTenants)
    });
    let other = (s.reopen)();
    let seen = read(other.as_ref(), |tx| tx.tenants()).unwrap();
    assert_eq!(
        seen,
        vec![a],
        "another connection sees exactly the committed state"
    );
    // And writes through the new one are seen by the first.
    write(other.as_ref(), |tx| {
        tx.insert_tenant(&tenant("t3", "T3", at(t, 1)))
    })
    .unwrap();
    assert_eq!(r(&s, |tx| tx.tenants()).len(), 2);
}

fn check_concurrency(f: Factory) {
    let s = f();
    let t = t0();
    let threads: Vec<_> = (0..4)
        .map(|n| {
            let store = Arc::clone(&s.store);
            std::thread::spawn(move || {
                for i in 0..15 {
                    write(store.as_ref(), |tx| {
                        // Check-then-insert is serialised by the write transaction.
                        let before = tx.tenants()?.len();
                        tx.insert_tenant(&tenant(&format!("t{n}-{i}"), &format!("T {n} {i}"), t))?;
                        assert_eq!(tx.tenants()?.len(), before + 1);
                        Ok(())
                    })
                    .unwrap();
                    read(store.as_ref(), |tx| tx.tenant_by_id(&format!("t{n}-{i}")))
                        .unwrap()
                        .expect("own write visible");
                }
            })
        })
        .collect();
    for th in threads {
        th.join().expect("a writer thread failed");
    }
    assert_eq!(r(&s, |tx| tx.tenants()).len(), 60);
}

/// A store that cannot tell (the trait's default, PostgreSQL's: every
/// request verifies its token in the database) answers None always, so the
/// engine never trusts a cached token; the stamp checks then have nothing
/// to hold it to.
fn cannot_tell(s: &Subject) -> bool {
    if s.store.auth_stamp().is_some() {
        return false;
    }
    w(s, |tx| tx.insert_tenant(&tenant("stamp", "Stamp", t0())));
    assert_eq!(s.store.auth_stamp(), None, "a stamp that comes and goes");
    true
}

/// `Store::auth_stamp`: the engine keeps verified tokens for as long as it
/// stays the same, so it must move with every change to what
/// authentication reads — here or in another process — and, to be of any
/// use, stay put over reads and over provisioning writes.
fn check_auth_stamp(f: Factory) {
    let s = f();
    let t = t0();
    if cannot_tell(&s) {
        return;
    }
    let stamp = |s: &Subject| s.store.auth_stamp().expect("the stamp of an idle store");
    let moved = |s: &Subject, before: u64, what: &str| {
        let now = stamp(s);
        assert_ne!(now, before, "the stamp did not move after {what}");
        now
    };
    let kept = |s: &Subject, before: u64, what: &str| {
        assert_eq!(stamp(s), before, "the stamp moved after {what}");
    };

    let v = stamp(&s);
    kept(&s, v, "nothing");
    w(&s, |tx| tx.insert_tenant(&tenant("t1", "T1", t)));
    let v = moved(&s, v, "a tenant was created");
    let k1 = token("k1", "t1", TokenState::Active, t);
    w(&s, |tx| tx.insert_token(&k1));
    let v = moved(&s, v, "a token was created");

    // Reads, provisioning writes and token use leave it.
    r(&s, |tx| tx.live_tokens("t1"));
    kept(&s, v, "a read");
    w(&s, |tx| {
        tx.insert_account(&account("a1", "", "a@example.com", t))?;
        tx.insert_membership(&membership("m1", "t1", "a1", ManagedBy::Idp, t))
    });
    kept(&s, v, "a member was written");
    w(&s, |tx| tx.touch_token("k1", at(t, 5), Some("192.0.2.1")));
    kept(&s, v, "a token's use was recorded");
    let _ = write(s.store.as_ref(), |tx| -> scimctl::engine::Result<()> {
        tx.insert_account(&account("a2", "", "b@example.com", t))?;
        Err(EngineError::NoTenants)
    });
    kept(&s, v, "a write rolled back");

    // Every change to a tenant or a token through this store.
    let mut k1r = k1.clone();
    k1r.state = TokenState::Revoked;
    k1r.ended_at = Some(at(t, 6));
    w(&s, |tx| tx.update_token(&k1r));
    let v = moved(&s, v, "a token was revoked");
    let mut t1 = tenant("t1", "T1", t);
    t1.scim_enabled = true;
    w(&s, |tx| tx.update_tenant(&t1));
    let v = moved(&s, v, "SCIM was turned on");

    // Another store over the same data (another process): its change is
    // seen at once, also when this store wrote after it, and the stamp
    // then stays put again.
    let other = (s.reopen)();
    write(other.as_ref(), |tx| {
        tx.insert_token(&token("k2", "t1", TokenState::Active, at(t, 7)))
    })
    .unwrap();
    let v = moved(&s, v, "another store created a token");
    write(other.as_ref(), |tx| {
        tx.update_token(&token("k2", "t1", TokenState::Revoked, at(t, 7)))
    })
    .unwrap();
    w(&s, |tx| {
        tx.insert_account(&account("a3", "", "c@example.com", t))
    });
    let v = moved(
        &s,
        v,
        "another store revoked a token and this one wrote a member",
    );
    w(&s, |tx| {
        tx.insert_account(&account("a4", "", "d@example.com", t))
    });
    kept(&s, v, "a member was written after another store's change");
    write(other.as_ref(), |tx| tx.delete_tenant("t1")).unwrap();
    let v = moved(&s, v, "another store deleted the tenant");
    w(&s, |tx| tx.insert_tenant(&tenant("t2", "T2", t)));
    let v = moved(&s, v, "a tenant was created again");
    w(&s, |tx| tx.delete_tenant("t2"));
    moved(&s, v, "a tenant was deleted");
}

/// The stamp stays honest while this store writes from several threads and
/// another store changes a token meanwhile: once all is quiet, it has
/// moved since before the other store's change.
fn check_auth_stamp_concurrency(f: Factory) {
    let s = f();
    let t = t0();
    if cannot_tell(&s) {
        return;
    }
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_token(&token("k1", "t1", TokenState::Active, t))
    });
    let other = (s.reopen)();
    for round in 0..5 {
        let before = s.store.auth_stamp().expect("stamp");
        let writers: Vec<_> = (0..3)
            .map(|n| {
                let store = Arc::clone(&s.store);
                std::thread::spawn(move || {
                    for i in 0..20 {
                        let id = format!("a{round}-{n}-{i}");
                        write(store.as_ref(), |tx| {
                            tx.insert_account(&account(&id, "", &format!("{id}@example.com"), t))
                        })
                        .unwrap();
                        let _ = store.auth_stamp();
                    }
                })
            })
            .collect();
        let mut k = token("k1", "t1", TokenState::Active, t);
        k.last_used_from = Some(format!("round {round}"));
        k.state = if round % 2 == 0 {
            TokenState::Revoked
        } else {
            TokenState::Active
        };
        write(other.as_ref(), |tx| tx.update_token(&k)).unwrap();
        for th in writers {
            th.join().expect("a writer thread failed");
        }
        let after = s.store.auth_stamp().expect("stamp once quiet");
        assert_ne!(
            after, before,
            "round {round}: another store's change went unseen"
        );
    }
}

fn check_member_records(f: Factory) {
    let s = f();
    let t = t0();
    // Created out of id order, so creation order and id order differ.
    let ids = ["m-c", "m-a", "m-e", "m-b", "m-d"];
    let mut want = Vec::new();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        for (i, id) in ids.iter().enumerate() {
            let a = account(&format!("a{i}"), "", &format!("User{i}@Example.com"), t);
            let mut m = membership(id, "t1", &a.id, ManagedBy::Idp, at(t, i as i64));
            m.external_id = Some(if i < 2 {
                "shared-ext".into()
            } else {
                format!("ext-{i}")
            });
            tx.insert_account(&a)?;
            tx.insert_membership(&m)?;
            want.push(MemberRecord {
                membership: m,
                account: a,
            });
        }
        // The same account in another tenant, with the same externalId.
        let mut other = membership("m-z", "t2", "a0", ManagedBy::SelfManaged, t);
        other.external_id = Some("shared-ext".into());
        tx.insert_membership(&other)
    });

    assert_eq!(r(&s, |tx| tx.member("t1", "m-c")), Some(want[0].clone()));
    assert_eq!(
        r(&s, |tx| tx.member("t2", "m-c")),
        None,
        "scoped to the tenant"
    );
    assert_eq!(
        r(&s, |tx| tx.member("t2", "m-z")).map(|m| m.account),
        Some(want[0].account.clone())
    );
    assert_eq!(
        r(&s, |tx| tx.members_by_user_name(
            "t1",
            "",
            "user3@example.com"
        )),
        vec![want[3].clone()]
    );
    assert!(
        r(&s, |tx| tx.members_by_user_name(
            "t1",
            "t1",
            "user3@example.com"
        ))
        .is_empty(),
        "namespace"
    );
    assert!(
        r(&s, |tx| tx.members_by_user_name(
            "t2",
            "",
            "user3@example.com"
        ))
        .is_empty()
    );
    assert_eq!(
        r(&s, |tx| tx.members_by_external_id("t1", "shared-ext")),
        vec![want[0].clone(), want[1].clone()],
        "creation order"
    );
    assert_eq!(
        r(&s, |tx| tx.members_by_external_id("t2", "shared-ext")).len(),
        1
    );
    assert_eq!(r(&s, |tx| tx.member_total("t1")), 5);
    assert_eq!(r(&s, |tx| tx.member_total("t2")), 1);
    assert_eq!(r(&s, |tx| tx.member_total("none")), 0);

    // Pages in creation order.
    let page = |offset, limit| -> Vec<String> {
        r(&s, |tx| tx.members_page("t1", offset, limit))
            .into_iter()
            .map(|m| m.membership.id)
            .collect()
    };
    assert_eq!(page(0, 2), ["m-c", "m-a"]);
    assert_eq!(page(2, 2), ["m-e", "m-b"]);
    assert_eq!(page(4, 2), ["m-d"]);
    assert!(page(5, 2).is_empty());
    assert_eq!(page(0, 100).len(), 5);
    assert_eq!(
        r(&s, |tx| tx.members_page("t1", 0, 1)),
        vec![want[0].clone()]
    );

    // Keyset scan in id order: every member exactly once.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let batch = r(&s, |tx| tx.members_after("t1", after.as_deref(), 2));
        assert!(batch.len() <= 2);
        if batch.is_empty() {
            break;
        }
        after = Some(batch.last().unwrap().membership.id.clone());
        seen.extend(batch.into_iter().map(|m| m.membership.id));
    }
    assert_eq!(seen, ["m-a", "m-b", "m-c", "m-d", "m-e"]);

    // The email index: replaced as a whole, scoped to the tenant.
    w(&s, |tx| {
        tx.set_member_emails(
            "t1",
            "m-a",
            &["work@example.com".into(), "home@example.com".into()],
        )?;
        tx.set_member_emails(
            "t1",
            "m-b",
            &["work@example.com".into(), "work@example.com".into()],
        )
    });
    let by_email = |tenant: &str, e: &str| -> Vec<String> {
        r(&s, |tx| tx.members_by_email(tenant, e))
            .into_iter()
            .map(|m| m.membership.id)
            .collect()
    };
    assert_eq!(by_email("t1", "work@example.com"), ["m-a", "m-b"]);
    assert_eq!(by_email("t1", "home@example.com"), ["m-a"]);
    assert!(by_email("t2", "work@example.com").is_empty());
    w(&s, |tx| {
        tx.set_member_emails("t1", "m-a", &["new@example.com".into()])
    });
    assert_eq!(by_email("t1", "work@example.com"), ["m-b"]);
    assert!(by_email("t1", "home@example.com").is_empty());
    assert_eq!(by_email("t1", "new@example.com"), ["m-a"]);
    w(&s, |tx| tx.set_member_emails("t1", "m-a", &[]));
    assert!(by_email("t1", "new@example.com").is_empty());
    // Unlinking a member drops its index entries.
    assert!(w(&s, |tx| tx.delete_membership("t1", "m-b")));
    assert!(by_email("t1", "work@example.com").is_empty());
    assert_eq!(r(&s, |tx| tx.member_total("t1")), 4);
}

fn check_group_scans(f: Factory) {
    let s = f();
    let t = t0();
    let ids = ["g-c", "g-a", "g-b"];
    let mut groups = Vec::new();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        for (i, id) in ids.iter().enumerate() {
            let mut g = group(id, "t1", &format!("Group {i}"), at(t, i as i64));
            g.external_id = Some(if i < 2 { "gx".into() } else { "gy".into() });
            tx.insert_group(&g)?;
            groups.push(g);
        }
        let mut other = group("g-z", "t2", "Group 0", t);
        other.external_id = Some("gx".into());
        tx.insert_group(&other)?;
        for a in ["a1", "a2"] {
            tx.insert_account(&account(a, "", &format!("{a}@example.com"), t))?;
        }
        tx.insert_membership(&membership("m1", "t1", "a1", ManagedBy::Idp, t))?;
        tx.insert_membership(&membership("m2", "t1", "a2", ManagedBy::Idp, t))?;
        tx.insert_membership(&membership("m3", "t2", "a1", ManagedBy::SelfManaged, t))?;
        tx.add_group_member("g-b", "m2", Some("Ann as sent"), t)?;
        tx.add_group_member("g-b", "m1", None, at(t, 1))?;
        tx.add_group_member("g-a", "m1", None, at(t, 2))?;
        tx.add_group_member("g-z", "m3", None, t)?;
        Ok(())
    });
    assert_eq!(
        r(&s, |tx| tx.groups_by_external_id("t1", "gx")),
        vec![groups[0].clone(), groups[1].clone()]
    );
    assert_eq!(
        r(&s, |tx| tx.groups_by_external_id("t1", "gy")),
        vec![groups[2].clone()]
    );
    assert!(r(&s, |tx| tx.groups_by_external_id("t1", "GX")).is_empty());
    assert_eq!(r(&s, |tx| tx.groups_by_external_id("t2", "gx")).len(), 1);

    let gids = |v: Vec<Group>| v.into_iter().map(|g| g.id).collect::<Vec<_>>();
    assert_eq!(
        gids(r(&s, |tx| tx.groups_with_member("t1", "m1"))),
        ["g-a", "g-b"]
    );
    assert!(
        r(&s, |tx| tx.groups_with_member("t2", "m1")).is_empty(),
        "scoped to the tenant"
    );
    assert_eq!(gids(r(&s, |tx| tx.groups_with_member("t2", "m3"))), ["g-z"]);

    assert_eq!(gids(r(&s, |tx| tx.groups_page("t1", 0, 2))), ["g-c", "g-a"]);
    assert_eq!(gids(r(&s, |tx| tx.groups_page("t1", 2, 2))), ["g-b"]);
    assert!(r(&s, |tx| tx.groups_page("t1", 3, 2)).is_empty());
    assert_eq!(
        gids(r(&s, |tx| tx.groups_after("t1", None, 2))),
        ["g-a", "g-b"]
    );
    assert_eq!(
        gids(r(&s, |tx| tx.groups_after("t1", Some("g-b"), 2))),
        ["g-c"]
    );
    assert!(r(&s, |tx| tx.groups_after("t1", Some("g-c"), 2)).is_empty());
    assert_eq!(r(&s, |tx| tx.group_total("t1")), 3);
    assert_eq!(r(&s, |tx| tx.group_total("t2")), 1);
    assert_eq!(r(&s, |tx| tx.group_total("none")), 0);

    let refs = r(&s, |tx| tx.group_member_refs("g-b"));
    assert_eq!(
        refs,
        vec![
            MemberRef {
                membership_id: "m2".into(),
                user_name: "a2@example.com".into(),
                display: Some("Ann as sent".into()),
            },
            MemberRef {
                membership_id: "m1".into(),
                user_name: "a1@example.com".into(),
                display: None,
            },
        ],
        "in the order added, each display as the client sent it"
    );
    // A member's display changes only when it differs, and only for a member.
    assert!(w(&s, |tx| tx.set_group_member_display(
        "g-b",
        "m1",
        Some("Bob")
    )));
    assert!(!w(&s, |tx| tx.set_group_member_display(
        "g-b",
        "m1",
        Some("Bob")
    )));
    assert!(w(&s, |tx| tx.set_group_member_display("g-b", "m2", None)));
    assert!(!w(&s, |tx| tx.set_group_member_display("g-b", "m2", None)));
    assert!(!w(&s, |tx| tx.set_group_member_display(
        "g-b",
        "m3",
        Some("x")
    )));
    // Adding an existing member leaves its display alone.
    assert!(!w(&s, |tx| tx.add_group_member(
        "g-b",
        "m1",
        Some("Other"),
        at(t, 5)
    )));
    let displays: Vec<Option<String>> = r(&s, |tx| tx.group_member_refs("g-b"))
        .into_iter()
        .map(|m| m.display)
        .collect();
    assert_eq!(displays, [None, Some("Bob".to_owned())]);
    assert!(r(&s, |tx| tx.group_member_refs("g-c")).is_empty());
}

fn check_delete_account(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        tx.insert_account(&account("a1", "", "a1@example.com", t))?;
        tx.insert_account(&account("a2", "", "a2@example.com", t))?;
        tx.insert_membership(&membership("m1", "t1", "a1", ManagedBy::SelfManaged, t))?;
        tx.insert_membership(&membership("m2", "t2", "a1", ManagedBy::SelfManaged, t))?;
        tx.insert_membership(&membership("m3", "t1", "a2", ManagedBy::Tenant, t))?;
        tx.insert_group(&group("g1", "t1", "G", t))?;
        tx.add_group_member("g1", "m1", None, t)?;
        tx.add_group_member("g1", "m3", None, t)?;
        Ok(())
    });
    assert!(w(&s, |tx| tx.delete_account("a1")));
    assert!(!w(&s, |tx| tx.delete_account("a1")));
    assert!(!w(&s, |tx| tx.delete_account("never")));
    r(&s, |tx| {
        assert_eq!(tx.account_by_id("a1")?, None);
        assert!(
            tx.memberships_of_account("a1")?.is_empty(),
            "links of a deleted account remain"
        );
        assert_eq!(tx.member("t2", "m2")?, None);
        assert_eq!(tx.group_members("g1")?, ["m3"]);
        assert_eq!(tx.member_counts("t1")?.total, 1);
        assert!(tx.account_by_id("a2")?.is_some());
        Ok(())
    });
}

fn check_touch_token(f: Factory) {
    let s = f();
    let t = t0();
    let k = token("k1", "t1", TokenState::Active, t);
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_token(&k)
    });
    let last = |s: &Subject| {
        let k = r(s, |tx| tx.token_by_hash(&k.hash)).unwrap();
        (k.last_used_at, k.last_used_from)
    };
    assert_eq!(last(&s), (None, None));
    w(&s, |tx| tx.touch_token("k1", at(t, 10), Some("192.0.2.1")));
    assert_eq!(last(&s), (Some(at(t, 10)), Some("192.0.2.1".into())));
    w(&s, |tx| tx.touch_token("k1", at(t, 20), None));
    assert_eq!(last(&s), (Some(at(t, 20)), None));
    // A late, older report does not move it back.
    w(&s, |tx| {
        tx.touch_token("k1", at(t, 15), Some("198.51.100.9"))
    });
    assert_eq!(last(&s), (Some(at(t, 20)), None));
    w(&s, |tx| tx.touch_token("unknown", at(t, 30), None));
    let k = r(&s, |tx| tx.token_by_hash(&k.hash)).unwrap();
    assert_eq!(k.state, TokenState::Active, "touching changes nothing else");
}

fn admin_key(id: &str, name: &str, tenant_id: Option<&str>, t: OffsetDateTime) -> AdminKeyRecord {
    let h = hash(&format!("scimadm_{id}"));
    AdminKeyRecord {
        id: id.into(),
        name: name.into(),
        tenant_id: tenant_id.map(str::to_owned),
        hash: h,
        fingerprint: fingerprint(&h),
        created_at: t,
        last_used_at: None,
        revoked_at: None,
    }
}

fn check_admin_keys(f: Factory) {
    let s = f();
    let t = t0();
    let op = admin_key("a1", "ops", None, t);
    let scoped = admin_key("a2", "acme-bot", Some("t1"), at(t, 1));
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_admin_key(&scoped)?;
        tx.insert_admin_key(&op)
    });
    assert_eq!(
        r(&s, |tx| tx.admin_keys()),
        vec![op.clone(), scoped.clone()]
    );
    assert_eq!(r(&s, |tx| tx.admin_key_by_name("ops")), Some(op.clone()));
    assert_eq!(
        r(&s, |tx| tx.admin_key_by_hash(&scoped.hash)),
        Some(scoped.clone())
    );
    assert_eq!(r(&s, |tx| tx.admin_key_by_name("nobody")), None);
    assert_eq!(r(&s, |tx| tx.admin_key_by_hash(&hash("scimadm_x"))), None);

    refused(&s, "two admin keys with one name", |tx| {
        tx.insert_admin_key(&admin_key("a3", "ops", None, t))
    });
    let mut same_hash = admin_key("a4", "other", None, t);
    same_hash.hash = op.hash;
    refused(&s, "two admin keys with one hash", |tx| {
        tx.insert_admin_key(&same_hash)
    });
    refused(&s, "an admin key of an unknown tenant", |tx| {
        tx.insert_admin_key(&admin_key("a5", "ghost", Some("nope"), t))
    });

    // Only use and revocation change.
    let mut used = op.clone();
    used.last_used_at = Some(at(t, 5));
    used.revoked_at = Some(at(t, 6));
    used.name = "renamed".into();
    w(&s, |tx| tx.update_admin_key(&used));
    let got = r(&s, |tx| tx.admin_key_by_hash(&op.hash)).unwrap();
    assert_eq!(got.last_used_at, Some(at(t, 5)));
    assert_eq!(got.revoked_at, Some(at(t, 6)));
    assert_eq!(got.name, "ops", "update never renames");

    // A scoped key goes with its tenant; operator keys stay.
    w(&s, |tx| tx.delete_tenant("t1").map(|_| ()));
    assert_eq!(r(&s, |tx| tx.admin_key_by_name("acme-bot")), None);
    assert_eq!(r(&s, |tx| tx.admin_keys()).len(), 1);
}

// ---- the provisioning log -------------------------------------------------

/// A record with every optional field unset and every list empty.
fn log_rec(
    request_id: &str,
    at: OffsetDateTime,
    tenant_id: Option<&str>,
    status: u16,
) -> LogRecord {
    LogRecord {
        seq: 0,
        request_id: request_id.into(),
        at,
        tenant_id: tenant_id.map(str::to_owned),
        method: "GET".into(),
        path: "/scim/v2/Users".into(),
        query: None,
        status,
        scim_type: None,
        reason: None,
        detail: None,
        user_id: None,
        user_email: None,
        group_id: None,
        token_fingerprint: None,
        token_note: None,
        client_addr: None,
        user_agent: None,
        latency_us: 0,
        ignored_attributes: Vec::new(),
        transfers: Vec::new(),
        invitations: Vec::new(),
        request_body: None,
    }
}

/// A log-append transaction, as the engine's log writer runs them.
fn ap<R>(s: &Subject, f: impl FnOnce(&dyn Tx) -> scimctl::engine::Result<R>) -> R {
    append(s.store.as_ref(), f).expect("log append transaction")
}

/// Appends records in one batch; returns them with their sequence numbers.
fn log_append(s: &Subject, mut rs: Vec<LogRecord>) -> Vec<LogRecord> {
    ap(s, move |tx| {
        tx.insert_logs(&mut rs)?;
        Ok(rs)
    })
}

fn logs(s: &Subject, q: &LogQuery) -> Vec<LogRecord> {
    r(s, |tx| tx.log_records(q))
}

fn seqs(v: &[LogRecord]) -> Vec<i64> {
    v.iter().map(|r| r.seq).collect()
}

fn assert_increasing(v: &[i64], what: &str) {
    assert!(
        v.windows(2).all(|p| p[0] < p[1]),
        "{what}: sequence numbers not increasing: {v:?}"
    );
}

/// The whole log, forgotten records too, removed: one age cut beyond the
/// newest record, pruned at once. Returns how many records there were.
fn drain_log(s: &Subject) -> u64 {
    let cuts = r(s, |tx| {
        tx.log_cuts(Some(t0() + Duration::days(3650)), u64::MAX)
    });
    assert!(
        cuts.iter().all(|c| c.scope == LogScope::All),
        "keeping u64::MAX per tenant cuts none: {cuts:?}"
    );
    cuts.iter()
        .map(|c| ap(s, |tx| tx.prune_log_cut(c, u64::MAX)))
        .sum()
}

/// `purge_forgotten_log(limit)` called until it returns fewer than `limit`,
/// as the engine does; every call's work is at most `limit`. Returns the
/// work in all.
fn purge_all(s: &Subject, limit: u64) -> u64 {
    let mut total = 0;
    for _ in 0..1000 {
        let n = ap(s, |tx| tx.purge_forgotten_log(limit));
        assert!(n <= limit, "purge_forgotten_log({limit}) did {n}");
        total += n;
        if n < limit {
            return total;
        }
    }
    panic!("purge_forgotten_log never finished")
}

/// `insert_logs` numbers records in order, across batches too, and every
/// field of a record comes back as written: set, unset, empty, non-ASCII,
/// at its length limits. Another connection sees them; a failed append
/// leaves none.
fn check_log_round_trip(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t-ü", "Tenant Ü", t))
    });
    assert!(logs(&s, &LogQuery::default()).is_empty());
    assert!(log_append(&s, Vec::new()).is_empty(), "an empty batch");

    let mut full = log_rec("r-0190a1b2c3d4e5f6a7b8", at(t, -5000), Some("t1"), 409);
    full.method = "PATCH".into();
    full.path = "/scim/v2/Users/0190a1b2-c3d4-7e5f-a7b8-000000000001".into();
    full.query = Some(r#"filter=userName eq "jörg@beispiel.de"&count=5&x='y'"#.into());
    full.scim_type = Some("uniqueness".into());
    full.reason = Some("user_name_taken".into());
    // MAX_DETAIL bytes exactly, multi-byte characters across it.
    let detail = format!("{}{}", "é✓".repeat(200), "x".repeat(1024 - 1000));
    assert_eq!(detail.len(), scimctl::engine::log::MAX_DETAIL);
    full.detail = Some(detail);
    full.user_id = Some("0190a1b2-c3d4-7e5f-a7b8-000000000001".into());
    full.user_email = Some("Jörg.Müller@Beispiel.DE".into());
    full.group_id = Some("g-1".into());
    full.token_fingerprint = Some("ab12cd34".into());
    full.token_note = Some(format!(
        "{NOTE_PREVIOUS_TOKEN}, replaced at 2026-01-01T00:00:00Z"
    ));
    full.client_addr = Some("[2001:db8::1]:51234".into());
    full.user_agent = Some("Azure AD SCIM 2.0 / 日本語 \"quoted\"".into());
    full.latency_us = 12_345_678_901;
    full.ignored_attributes = vec![
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager".into(),
        "nickName".into(),
        String::new(),
    ];
    full.transfers = vec!["ann@example.com".into(), "Öz@example.com".into()];
    full.invitations = vec!["new@example.com".into()];
    // A body at its limit: JSON with quotes, escapes, line breaks.
    let mut body = String::from(r#"{"userName":"jörg@beispiel.de","note":"a \"b\"\n'c'","pad":""#);
    while body.len() + "ü\"}".len() <= scimctl::engine::log::MAX_BODY_LOGGED {
        body.push('ü');
    }
    body.push_str("\"}");
    assert!(body.len() <= scimctl::engine::log::MAX_BODY_LOGGED);
    full.request_body = Some(body);

    let minimal = log_rec("r-0190a1b2c3d4e5f6a7b9", at(t, -4000), None, 200);
    // Empty strings are values, not NULLs.
    let mut empty = log_rec("", at(t, -3000), Some("t-ü"), 204);
    empty.method = String::new();
    empty.path = String::new();
    empty.query = Some(String::new());
    empty.reason = Some(String::new());
    empty.user_email = Some(String::new());
    empty.transfers = vec![String::new()];

    let first = log_append(&s, vec![full, minimal, empty]);
    assert!(
        first[0].seq > 0,
        "a sequence number is set: {}",
        first[0].seq
    );
    assert_increasing(&seqs(&first), "one batch");

    // A batch larger than any one statement of the store.
    let second = log_append(
        &s,
        (0..77)
            .map(|i| {
                let mut r = log_rec(
                    &format!("batch-{i}"),
                    at(t, i),
                    (i % 3 != 0).then_some("t1"),
                    200 + (i % 5) as u16,
                );
                r.latency_us = i as u64;
                r
            })
            .collect(),
    );
    let mut all = first.clone();
    all.extend(second.iter().cloned());
    assert_increasing(&seqs(&all), "two batches");

    assert_eq!(
        logs(&s, &LogQuery::default()),
        all,
        "every field round-trips, oldest first"
    );
    let other = (s.reopen)();
    assert_eq!(
        read(other.as_ref(), |tx| tx.log_records(&LogQuery::default())).unwrap(),
        all,
        "another connection sees the committed records"
    );

    // A failed append writes nothing, and numbering goes on after it.
    let failed = append(s.store.as_ref(), |tx| -> scimctl::engine::Result<()> {
        tx.insert_logs(&mut [log_rec("lost", at(t, 100), Some("t1"), 200)])?;
        tx.add_log_counters(
            Some("t1"),
            &LogCounters {
                dropped: 1,
                ..LogCounters::default()
            },
        )?;
        Err(EngineError::NoTenants)
    });
    assert!(failed.is_err());
    assert_eq!(
        logs(&s, &LogQuery::default()),
        all,
        "half an append committed"
    );
    assert_eq!(
        r(&s, |tx| tx.log_counters(Some("t1"))),
        LogCounters::default()
    );
    let after = log_append(&s, vec![log_rec("after", at(t, 101), Some("t1"), 200)]);
    assert!(after[0].seq > all.last().unwrap().seq);
}

/// Line breaks, tabs and escape codes reach the log in values an IdP sent
/// (a refused create's userName, a filter's value): stored and found as
/// they are, never a failed batch. (NUL never reaches a store:
/// `LogRecord::bound` replaces it, as PostgreSQL's text cannot hold it.)
fn check_log_control_characters(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| tx.insert_tenant(&tenant("t1", "T1", t)));
    let mut rec = log_rec("r-ctl", t, Some("t1"), 400);
    rec.user_email = Some("Ann\u{1}\t\u{1b}[2J@Example.com".into());
    rec.query = Some("filter=userName eq \"a\u{1}b\"".into());
    rec.detail = Some("line 1\r\nline 2\u{1}\u{7f}\u{85}".into());
    rec.request_body = Some("{\"userName\":\"Ann\u{1}\"}".into());
    rec.transfers = vec!["x\u{1}y@example.com".into()];
    let rec = log_append(&s, vec![rec]).remove(0);
    assert_eq!(logs(&s, &LogQuery::default()), vec![rec.clone()]);
    let by_user = logs(
        &s,
        &LogQuery {
            user_email: Some("ANN\u{1}\t\u{1b}[2j@EXAMPLE.COM".into()),
            ..LogQuery::default()
        },
    );
    assert_eq!(
        by_user,
        vec![rec],
        "an email with control characters is found"
    );
    let prefix = logs(
        &s,
        &LogQuery {
            user_email: Some("ann".into()),
            ..LogQuery::default()
        },
    );
    assert!(prefix.is_empty(), "the email is matched whole");
}

/// Every filter of `LogQuery`, alone and together: tenant (exact), errors
/// (status 400 and up), user email (lower-cased as Rust does, both sides),
/// request id (exact), since (inclusive), limit (the newest, oldest first),
/// after_seq (the oldest after it, up to limit). Records of no tenant show
/// only when no tenant is asked for.
fn check_log_queries(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))
    });
    let with_email = |mut r: LogRecord, e: &str| {
        r.user_email = Some(e.into());
        r
    };
    let mut group = log_rec("r-0190a1b2c3d4e5f70006", at(t, 40), Some("t1"), 500);
    group.group_id = Some("g-1".into());
    group.user_id = Some("u-1".into());
    group.path = "/scim/v2/Groups/g-1".into();
    let recs = log_append(
        &s,
        vec![
            // 0, 1: request ids that share their first 64 bits.
            with_email(
                log_rec("r-0190a1b2c3d4e5f60001", at(t, 0), Some("t1"), 200),
                "Ann@Example.com",
            ),
            with_email(
                log_rec("r-0190a1b2c3d4e5f60002", at(t, 10), Some("t2"), 404),
                "ann@example.com",
            ),
            log_rec("custom-request-3", at(t, 20), None, 401),
            with_email(
                log_rec("r-0190a1b2c3d4e5f70004", at(t, 30), Some("t1"), 400),
                "BOB@example.com",
            ),
            with_email(
                log_rec("r-0190a1b2c3d4e5f70005", at(t, 40), Some("t1"), 399),
                "ÅSA@Exämple.com",
            ),
            // 5: same time as 4.
            group,
            with_email(
                log_rec("r-0190a1b2c3d4e5f70007", at(t, 50), None, 200),
                "İrem@Example.com",
            ),
        ],
    );
    let got = |q: LogQuery| -> Vec<usize> {
        logs(&s, &q)
            .iter()
            .map(|g| {
                let i = recs
                    .iter()
                    .position(|x| x.seq == g.seq)
                    .expect("a known record");
                assert_eq!(g, &recs[i], "a query returns whole records");
                i
            })
            .collect()
    };
    let q = LogQuery::default;
    let tenant_q = |t: &str| LogQuery {
        tenant_id: Some(t.into()),
        ..q()
    };
    let user_q = |e: &str| LogQuery {
        user_email: Some(e.into()),
        ..q()
    };
    let request_q = |id: &str| LogQuery {
        request_id: Some(id.into()),
        ..q()
    };

    assert_eq!(got(q()), [0, 1, 2, 3, 4, 5, 6], "all, no tenant included");
    // Tenant: exact; records of no tenant belong to none.
    assert_eq!(got(tenant_q("t1")), [0, 3, 4, 5]);
    assert_eq!(got(tenant_q("t2")), [1]);
    assert!(got(tenant_q("T1")).is_empty(), "tenant ids are exact");
    assert!(
        got(tenant_q("")).is_empty(),
        "no tenant is not the tenant ''"
    );
    assert!(got(tenant_q("nope")).is_empty());
    // Errors: 400 and up (399 is not one).
    let errors = || LogQuery {
        errors_only: true,
        ..q()
    };
    assert_eq!(got(errors()), [1, 2, 3, 5]);
    assert_eq!(
        got(LogQuery {
            tenant_id: Some("t1".into()),
            ..errors()
        }),
        [3, 5]
    );
    // User email: case-insensitive (Unicode, as Rust lower-cases), whole.
    assert_eq!(got(user_q("ann@example.com")), [0, 1]);
    assert_eq!(got(user_q("ANN@EXAMPLE.COM")), [0, 1]);
    assert_eq!(
        got(LogQuery {
            tenant_id: Some("t1".into()),
            ..user_q("Ann@example.com")
        }),
        [0]
    );
    assert_eq!(got(user_q("åsa@exämple.com")), [4]);
    assert_eq!(got(user_q("ÅSA@EXÄMPLE.COM")), [4]);
    assert_eq!(got(user_q("İREM@EXAMPLE.COM")), [6]);
    assert_eq!(
        got(user_q("i\u{307}rem@example.com")),
        [6],
        "İ lower-cases to i + U+0307"
    );
    assert!(got(user_q("irem@example.com")).is_empty());
    assert!(got(user_q("ann@example")).is_empty(), "no prefix match");
    assert!(got(user_q("")).is_empty());
    assert_eq!(
        got(LogQuery {
            errors_only: true,
            ..user_q("bob@EXAMPLE.com")
        }),
        [3]
    );
    // Request id: exact, also where two ids share their first 64 bits.
    assert_eq!(got(request_q("r-0190a1b2c3d4e5f60002")), [1]);
    assert_eq!(got(request_q("r-0190a1b2c3d4e5f60001")), [0]);
    assert!(
        got(request_q("r-0190A1B2C3D4E5F60001")).is_empty(),
        "case matters"
    );
    assert!(
        got(request_q("r-0190a1b2c3d4e5f6")).is_empty(),
        "no prefix match"
    );
    assert!(got(request_q("r-0190a1b2c3d4e5f60003")).is_empty());
    assert_eq!(got(request_q("custom-request-3")), [2]);
    assert!(got(request_q("CUSTOM-REQUEST-3")).is_empty());
    assert_eq!(
        got(LogQuery {
            limit: 1,
            ..request_q("r-0190a1b2c3d4e5f70004")
        }),
        [3],
        "how Engine::log_record asks"
    );
    assert!(
        got(LogQuery {
            tenant_id: Some("t2".into()),
            ..request_q("r-0190a1b2c3d4e5f70004")
        })
        .is_empty()
    );
    // Since: inclusive, to the millisecond.
    let since = |ms: i64| LogQuery {
        since: Some(at(t, ms)),
        ..q()
    };
    assert_eq!(got(since(30)), [3, 4, 5, 6]);
    assert_eq!(got(since(31)), [4, 5, 6]);
    assert_eq!(got(since(-1000)), [0, 1, 2, 3, 4, 5, 6]);
    assert!(got(since(51)).is_empty());
    assert_eq!(
        got(LogQuery {
            tenant_id: Some("t1".into()),
            ..since(40)
        }),
        [4, 5]
    );
    // Limit: the newest that match, oldest first; 0 is all.
    let limit = |n: u32| LogQuery { limit: n, ..q() };
    assert_eq!(got(limit(2)), [5, 6]);
    assert_eq!(got(limit(0)), [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(got(limit(100)), [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(
        got(LogQuery {
            tenant_id: Some("t1".into()),
            ..limit(1)
        }),
        [5]
    );
    assert_eq!(
        got(LogQuery {
            errors_only: true,
            ..limit(3)
        }),
        [2, 3, 5]
    );
    // After a sequence number: what follows it, oldest first; with a
    // limit, the oldest `limit` of those (the next page, not the newest).
    let after = |i: usize| LogQuery {
        after_seq: Some(recs[i].seq),
        ..q()
    };
    assert_eq!(got(after(2)), [3, 4, 5, 6]);
    assert_eq!(
        got(LogQuery {
            limit: 2,
            ..after(2)
        }),
        [3, 4]
    );
    assert_eq!(
        got(LogQuery {
            limit: 2,
            ..after(4)
        }),
        [5, 6]
    );
    assert!(got(after(6)).is_empty());
    assert_eq!(
        got(LogQuery {
            after_seq: Some(0),
            ..q()
        }),
        [0, 1, 2, 3, 4, 5, 6]
    );
    assert_eq!(
        got(LogQuery {
            tenant_id: Some("t1".into()),
            ..after(0)
        }),
        [3, 4, 5]
    );
    assert_eq!(
        got(LogQuery {
            errors_only: true,
            limit: 1,
            ..after(0)
        }),
        [1]
    );
    assert_eq!(
        got(LogQuery {
            since: Some(at(t, 40)),
            ..after(0)
        }),
        [4, 5, 6]
    );
    // All of them at once.
    assert_eq!(
        got(LogQuery {
            tenant_id: Some("t1".into()),
            errors_only: true,
            user_email: Some("bob@example.com".into()),
            request_id: Some("r-0190a1b2c3d4e5f70004".into()),
            since: Some(at(t, 30)),
            after_seq: Some(recs[0].seq),
            limit: 5,
        }),
        [3]
    );
}

/// Counters add up per tenant and in the aggregate (None), apart; their
/// times keep the newer; zero when none were added.
fn check_log_counters(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))
    });
    let get = |id: Option<&str>| r(&s, |tx| tx.log_counters(id));
    assert_eq!(get(None), LogCounters::default());
    assert_eq!(get(Some("t1")), LogCounters::default());
    let add = |id: Option<&str>, c: LogCounters| ap(&s, |tx| tx.add_log_counters(id, &c));

    add(
        Some("t1"),
        LogCounters {
            dropped: 2,
            dropped_last_at: Some(at(t, 1)),
            ..LogCounters::default()
        },
    );
    assert_eq!(
        get(Some("t1")),
        LogCounters {
            dropped: 2,
            dropped_last_at: Some(at(t, 1)),
            ..LogCounters::default()
        }
    );
    add(
        Some("t1"),
        LogCounters {
            dropped: 3,
            dropped_last_at: Some(at(t, 5)),
            ..LogCounters::default()
        },
    );
    let t1 = LogCounters {
        dropped: 5,
        dropped_last_at: Some(at(t, 5)),
        ..LogCounters::default()
    };
    assert_eq!(get(Some("t1")), t1, "twice is the sum, the newer time");
    // An older time (a clock stepped back) or none keeps the newer one.
    add(
        Some("t1"),
        LogCounters {
            dropped: 1,
            dropped_last_at: Some(at(t, 2)),
            ..LogCounters::default()
        },
    );
    add(
        Some("t1"),
        LogCounters {
            dropped: 1,
            ..LogCounters::default()
        },
    );
    let t1 = LogCounters { dropped: 7, ..t1 };
    assert_eq!(get(Some("t1")), t1);

    // The aggregate, both counters, apart from the tenants'.
    let agg = LogCounters {
        dropped: 1,
        dropped_last_at: Some(at(t, 3)),
        unknown_tenant: 4,
        unknown_tenant_last_at: Some(at(t, 4)),
    };
    add(None, agg.clone());
    add(
        None,
        LogCounters {
            dropped: 0,
            dropped_last_at: None,
            unknown_tenant: 6,
            unknown_tenant_last_at: Some(at(t, 9)),
        },
    );
    let agg = LogCounters {
        unknown_tenant: 10,
        unknown_tenant_last_at: Some(at(t, 9)),
        ..agg
    };
    assert_eq!(get(None), agg);
    assert_eq!(get(Some("t1")), t1, "the aggregate is not a tenant's");
    assert_eq!(get(Some("t2")), LogCounters::default());
    assert_eq!(get(Some("T1")), LogCounters::default(), "ids are exact");
    // Several in one transaction, as a batch writes them.
    ap(&s, |tx| {
        tx.add_log_counters(
            Some("t2"),
            &LogCounters {
                dropped: 1,
                dropped_last_at: Some(at(t, 7)),
                ..LogCounters::default()
            },
        )?;
        tx.add_log_counters(
            Some("t2"),
            &LogCounters {
                dropped: 1,
                dropped_last_at: Some(at(t, 6)),
                ..LogCounters::default()
            },
        )
    });
    assert_eq!(
        get(Some("t2")),
        LogCounters {
            dropped: 2,
            dropped_last_at: Some(at(t, 7)),
            ..LogCounters::default()
        }
    );
    // Large counts keep their value.
    add(
        Some("t2"),
        LogCounters {
            dropped: 1 << 40,
            ..LogCounters::default()
        },
    );
    assert_eq!(get(Some("t2")).dropped, (1 << 40) + 2);
    let other = (s.reopen)();
    assert_eq!(
        read(other.as_ref(), |tx| tx.log_counters(None)).unwrap(),
        agg,
        "another connection sees them"
    );
}

/// `log_stats`: one tenant's records since a time (inclusive), counted by
/// the UTC hour they fall in, status, reason and whether the token note
/// starts with NOTE_PREVIOUS_TOKEN; buckets in hour order.
fn check_log_stats(f: Factory) {
    let s = f();
    let now = t0();
    let h0 = (now - Duration::hours(5))
        .replace_minute(0)
        .and_then(|t| t.replace_second(0))
        .and_then(|t| t.replace_nanosecond(0))
        .unwrap();
    let h1 = h0 + Duration::hours(1);
    let h3 = h0 + Duration::hours(3);
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", now))?;
        tx.insert_tenant(&tenant("t2", "T2", now))?;
        tx.insert_tenant(&tenant("t3", "T3", now))
    });
    let mins = |m: i64| Duration::minutes(m);
    let refused = |id: &str, at: OffsetDateTime, note: Option<String>| {
        let mut r = log_rec(id, at, Some("t1"), 401);
        r.reason = Some("invalid_token".into());
        r.token_note = note;
        r
    };
    let with_reason = |mut r: LogRecord, reason: &str| {
        r.reason = Some(reason.into());
        r
    };
    let stale = format!("{NOTE_PREVIOUS_TOKEN}, replaced at 2026-01-01T00:00:00Z");
    log_append(
        &s,
        vec![
            log_rec("before", h0 - Duration::milliseconds(1), Some("t1"), 200),
            log_rec("a", h0, Some("t1"), 200),
            log_rec("b", h0 + mins(10), Some("t1"), 200),
            log_rec("other-tenant", h0 + mins(15), Some("t2"), 200),
            log_rec("no-tenant", h0 + mins(20), None, 401),
            refused("c", h0 + mins(30), Some(stale.clone())),
            refused("d", h0 + mins(35), Some(NOTE_PREVIOUS_TOKEN.into())),
            refused("e", h0 + mins(40), Some("the token was revoked".into())),
            refused("f", h0 + mins(45), None),
            refused(
                "g",
                h0 + mins(50),
                Some(format!("not {NOTE_PREVIOUS_TOKEN}")),
            ),
            log_rec("h", h1 - Duration::milliseconds(1), Some("t1"), 200),
            with_reason(log_rec("i", h1, Some("t1"), 404), "not_found"),
            with_reason(log_rec("j", h1 + mins(1), Some("t1"), 404), "not_found"),
            log_rec("k", h1 + mins(2), Some("t1"), 500),
            log_rec("l", h3 + mins(1), Some("t1"), 200),
        ],
    );
    let stat = |hour, status, reason: Option<&str>, stale_token, count| LogStat {
        hour,
        status,
        reason: reason.map(str::to_owned),
        stale_token,
        count,
    };
    let stats = |tenant: &str, since: OffsetDateTime| {
        let mut v = r(&s, |tx| tx.log_stats(tenant, since));
        assert!(
            v.windows(2).all(|p| p[0].hour <= p[1].hour),
            "buckets in hour order: {v:?}"
        );
        v.sort_by_key(|s| (s.hour, s.status, s.reason.clone(), s.stale_token));
        v
    };
    assert_eq!(
        stats("t1", h0),
        vec![
            stat(h0, 200, None, false, 3),
            stat(h0, 401, Some("invalid_token"), false, 3),
            stat(h0, 401, Some("invalid_token"), true, 2),
            stat(h1, 404, Some("not_found"), false, 2),
            stat(h1, 500, None, false, 1),
            stat(h3, 200, None, false, 1),
        ]
    );
    // From the middle of an hour: the bucket is still the hour's.
    assert_eq!(
        stats("t1", h0 + mins(35)),
        vec![
            stat(h0, 200, None, false, 1),
            stat(h0, 401, Some("invalid_token"), false, 3),
            stat(h0, 401, Some("invalid_token"), true, 1),
            stat(h1, 404, Some("not_found"), false, 2),
            stat(h1, 500, None, false, 1),
            stat(h3, 200, None, false, 1),
        ]
    );
    assert_eq!(
        stats("t1", h1 + mins(1)),
        vec![
            stat(h1, 404, Some("not_found"), false, 1),
            stat(h1, 500, None, false, 1),
            stat(h3, 200, None, false, 1),
        ]
    );
    assert_eq!(stats("t2", h0), vec![stat(h0, 200, None, false, 1)]);
    assert!(stats("t3", h0).is_empty(), "a tenant with no records");
    assert!(stats("nope", h0).is_empty());
    assert!(stats("t1", now + Duration::hours(1)).is_empty());
}

/// Ten records at `base` + i seconds: t1 has 0 2 4 6 9, t2 3 7, no tenant
/// 1 5 8; tenant t3 has none.
fn retention_fixture(s: &Subject, base: OffsetDateTime) -> Vec<LogRecord> {
    w(s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", base))?;
        tx.insert_tenant(&tenant("t2", "T2", base))?;
        tx.insert_tenant(&tenant("t3", "T3", base))
    });
    let owner = |i: i64| match i {
        0 | 2 | 4 | 6 | 9 => Some("t1"),
        3 | 7 => Some("t2"),
        _ => None,
    };
    log_append(
        s,
        (0..10)
            .map(|i| log_rec(&format!("rec-{i}"), at(base, i * 1000), owner(i), 200))
            .collect(),
    )
}

fn tenant_cuts(cuts: &[LogCut]) -> Vec<(i64, i64)> {
    let mut v: Vec<(i64, i64)> = cuts
        .iter()
        .filter_map(|c| match c.scope {
            LogScope::Tenant(n) => Some((c.upto_seq, n)),
            _ => None,
        })
        .collect();
    v.sort();
    v
}

fn no_tenant_cuts(cuts: &[LogCut]) -> Vec<i64> {
    cuts.iter()
        .filter(|c| c.scope == LogScope::NoTenant)
        .map(|c| c.upto_seq)
        .collect()
}

fn all_cuts(cuts: &[LogCut]) -> Vec<i64> {
    cuts.iter()
        .filter(|c| c.scope == LogScope::All)
        .map(|c| c.upto_seq)
        .collect()
}

/// `log_cuts`: by age, one cut of every record older than `before`; by
/// count, one per tenant with more than `keep` records, at its newest
/// record beyond them, and the same for the records of no tenant; none
/// for a tenant within `keep`. A tenant's key is the same in every call.
fn check_log_cuts(f: Factory) {
    let s = f();
    let base = t0() - Duration::days(10);
    assert!(
        r(&s, |tx| tx.log_cuts(Some(t0()), 0)).is_empty(),
        "an empty log has no cuts"
    );
    let recs = retention_fixture(&s, base);
    let seq = |i: usize| recs[i].seq;
    let cuts = |before: Option<OffsetDateTime>, keep: u64| r(&s, |tx| tx.log_cuts(before, keep));

    assert!(cuts(None, 100).is_empty());
    assert!(cuts(None, 5).is_empty(), "t1 has exactly 5");
    assert!(cuts(None, u64::MAX).is_empty());

    let keep2 = cuts(None, 2);
    assert_eq!(keep2.len(), 2, "{keep2:?}");
    let t1 = tenant_cuts(&keep2);
    assert_eq!(t1.len(), 1, "t2 keeps its 2: {keep2:?}");
    assert_eq!(t1[0].0, seq(4), "t1's newest beyond 2 (6, 9)");
    assert_eq!(no_tenant_cuts(&keep2), [seq(1)]);

    let keep0 = cuts(None, 0);
    assert_eq!(keep0.len(), 3, "{keep0:?}");
    let tenants = tenant_cuts(&keep0);
    assert_eq!(
        tenants.iter().map(|c| c.0).collect::<Vec<_>>(),
        [seq(7), seq(9)]
    );
    assert_ne!(tenants[0].1, tenants[1].1, "one key per tenant");
    assert_eq!(tenants[1].1, t1[0].1, "t1's key is the same in both");
    assert_eq!(no_tenant_cuts(&keep0), [seq(8)]);

    // By age: exactly the records older than `before` are within the cut.
    let within = |before: OffsetDateTime| {
        let c = cuts(Some(before), 100);
        assert!(tenant_cuts(&c).is_empty() && no_tenant_cuts(&c).is_empty());
        let upto = all_cuts(&c);
        assert!(upto.len() <= 1, "{c:?}");
        recs.iter()
            .enumerate()
            .filter(|(_, r)| upto.first().is_some_and(|&u| r.seq <= u))
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    assert_eq!(within(at(base, 5000)), [0, 1, 2, 3, 4]);
    assert_eq!(within(at(base, 5001)), [0, 1, 2, 3, 4, 5]);
    assert_eq!(within(at(base, 9000)), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(within(at(base, 9001)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert!(within(at(base, 0)).is_empty(), "nothing older");
    assert!(within(base - Duration::days(1)).is_empty());
    let c = cuts(Some(at(base, 9001)), 100);
    assert_eq!(all_cuts(&c), [seq(9)], "everything: up to the newest");

    // Both at once.
    let both = cuts(Some(at(base, 3000)), 2);
    assert_eq!(both.len(), 3, "{both:?}");
    let all = all_cuts(&both);
    assert_eq!(all.len(), 1);
    assert!(seq(2) <= all[0] && all[0] < seq(3));
    assert_eq!(tenant_cuts(&both), t1);
    assert_eq!(no_tenant_cuts(&both), [seq(1)]);
}

/// Sequence numbers never go back, not even when retention or a forgotten
/// tenant removes the newest records (a `log --follow` past them would
/// otherwise miss what comes next).
fn check_log_numbers_never_go_back(f: Factory) {
    let s = f();
    let base = t0() - Duration::days(10);
    w(&s, |tx| tx.insert_tenant(&tenant("t1", "T1", base)));
    let first = log_append(
        &s,
        (0..3)
            .map(|i| log_rec(&format!("old-{i}"), at(base, i), None, 200))
            .collect(),
    );
    let high = first.last().unwrap().seq;
    // Retention by age removes all of them.
    for cut in r(&s, |tx| tx.log_cuts(Some(t0()), u64::MAX)) {
        while ap(&s, |tx| tx.prune_log_cut(&cut, 100)) > 0 {}
    }
    assert!(logs(&s, &LogQuery::default()).is_empty());
    let next = log_append(&s, vec![log_rec("new-0", t0(), Some("t1"), 200)]);
    assert!(next[0].seq > high, "{} after {high}", next[0].seq);
    // A forgotten tenant's records, the newest, removed.
    let high = next[0].seq;
    ap(&s, |tx| tx.forget_log_tenant("t1"));
    while ap(&s, |tx| tx.purge_forgotten_log(100)) > 0 {}
    let after = log_append(
        &s,
        vec![
            log_rec("new-1", t0(), None, 200),
            log_rec("new-2", t0(), None, 200),
        ],
    );
    assert!(after[0].seq > high, "{} after {high}", after[0].seq);
    assert_eq!(after[1].seq, after[0].seq + 1);
    // And from another connection too.
    let again = (s.reopen)();
    let more = append(again.as_ref(), |tx| {
        let mut rs = vec![log_rec("new-3", t0(), None, 200)];
        tx.insert_logs(&mut rs)?;
        Ok(rs)
    })
    .expect("append");
    assert!(more[0].seq > after[1].seq);
}

/// `prune_log_cut` removes at most `limit` of the cut's records, oldest
/// first, only of its scope, and fewer than `limit` once the cut is done;
/// records appended after the cut was taken stay.
fn check_log_prune_cut(f: Factory) {
    let s = f();
    let base = t0() - Duration::days(10);
    let recs = retention_fixture(&s, base);
    let left = |q: LogQuery| -> Vec<String> {
        logs(&s, &q)
            .into_iter()
            .map(|r| r.request_id.trim_start_matches("rec-").to_owned())
            .collect()
    };
    let of = |t: &str| LogQuery {
        tenant_id: Some(t.into()),
        ..LogQuery::default()
    };
    let cuts = r(&s, |tx| tx.log_cuts(None, 2));
    let t1_cut = *cuts
        .iter()
        .find(|c| matches!(c.scope, LogScope::Tenant(_)))
        .expect("t1's cut");
    let none_cut = *cuts
        .iter()
        .find(|c| c.scope == LogScope::NoTenant)
        .expect("the cut of no tenant");
    assert_eq!(t1_cut.upto_seq, recs[4].seq);

    // Appended after the cuts were taken: not theirs.
    let late = log_append(
        &s,
        vec![
            log_rec("rec-10", at(base, 10_000), Some("t1"), 200),
            log_rec("rec-11", at(base, 11_000), None, 200),
        ],
    );
    assert!(late[0].seq > recs[9].seq);

    let prune = |c: &LogCut, limit: u64| ap(&s, |tx| tx.prune_log_cut(c, limit));
    // Record 0 (t1's) is within the cut's number too, not within its scope.
    assert_eq!(prune(&none_cut, 100), 1);
    assert_eq!(
        left(LogQuery::default()),
        ["0", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
        "only records of no tenant"
    );
    assert_eq!(prune(&none_cut, 100), 0);

    assert_eq!(prune(&t1_cut, 2), 2, "at most the limit");
    assert_eq!(left(of("t1")), ["4", "6", "9", "10"], "oldest first");
    assert_eq!(prune(&t1_cut, 2), 1, "fewer once done");
    assert_eq!(left(of("t1")), ["6", "9", "10"]);
    assert_eq!(prune(&t1_cut, 2), 0);
    assert_eq!(left(of("t2")), ["3", "7"], "another tenant's stay");
    assert_eq!(
        left(LogQuery::default()),
        ["3", "5", "6", "7", "8", "9", "10", "11"]
    );

    // By age: every scope's, oldest first, in chunks.
    let age = r(&s, |tx| tx.log_cuts(Some(at(base, 8000)), u64::MAX));
    let [age] = age.as_slice() else {
        panic!("one age cut: {age:?}")
    };
    log_append(
        &s,
        vec![log_rec("rec-12", at(base, 12_000), Some("t2"), 200)],
    );
    assert_eq!(prune(age, 3), 3);
    assert_eq!(left(LogQuery::default()), ["7", "8", "9", "10", "11", "12"]);
    assert_eq!(prune(age, 3), 1);
    assert_eq!(prune(age, 3), 0);
    assert_eq!(left(LogQuery::default()), ["8", "9", "10", "11", "12"]);
    assert_eq!(left(of("t2")), ["12"]);
    assert_eq!(left(of("t1")), ["9", "10"]);
    assert_eq!(drain_log(&s), 5);
    assert!(logs(&s, &LogQuery::default()).is_empty());
}

/// `forget_log_tenant`: at once, no query finds the tenant's records (not
/// even as records of no tenant), its counters and statistics are gone,
/// and the same id starts empty; `purge_forgotten_log` then removes the
/// records and the key, at most `limit` per call.
fn check_log_forget_tenant(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))
    });
    log_append(
        &s,
        vec![
            log_rec("a1", at(t, 0), Some("t1"), 200),
            log_rec("b1", at(t, 1), Some("t2"), 200),
            log_rec("a2", at(t, 2), Some("t1"), 500),
            log_rec("n1", at(t, 3), None, 200),
            log_rec("a3", at(t, 4), Some("t1"), 200),
            log_rec("b2", at(t, 5), Some("t2"), 200),
        ],
    );
    let one = LogCounters {
        dropped: 1,
        dropped_last_at: Some(t),
        ..LogCounters::default()
    };
    ap(&s, |tx| {
        tx.add_log_counters(Some("t1"), &one)?;
        tx.add_log_counters(Some("t2"), &one)?;
        tx.add_log_counters(None, &one)
    });
    let ids =
        |q: LogQuery| -> Vec<String> { logs(&s, &q).into_iter().map(|r| r.request_id).collect() };
    let of = |t: &str| LogQuery {
        tenant_id: Some(t.into()),
        ..LogQuery::default()
    };
    let by_request = |id: &str| LogQuery {
        request_id: Some(id.into()),
        ..LogQuery::default()
    };

    ap(&s, |tx| tx.forget_log_tenant("t1"));
    assert!(ids(of("t1")).is_empty(), "forgotten at once");
    assert_eq!(ids(LogQuery::default()), ["b1", "n1", "b2"]);
    assert!(ids(by_request("a2")).is_empty());
    assert!(
        ids(LogQuery {
            errors_only: true,
            ..LogQuery::default()
        })
        .is_empty()
    );
    assert_eq!(
        r(&s, |tx| tx.log_counters(Some("t1"))),
        LogCounters::default()
    );
    assert_eq!(r(&s, |tx| tx.log_counters(Some("t2"))), one);
    assert_eq!(r(&s, |tx| tx.log_counters(None)), one);
    assert!(r(&s, |tx| tx.log_stats("t1", at(t, -1000))).is_empty());
    let cuts = r(&s, |tx| tx.log_cuts(None, 0));
    assert_eq!(
        (tenant_cuts(&cuts).len(), no_tenant_cuts(&cuts).len()),
        (1, 1),
        "a forgotten tenant has no cut of its own: {cuts:?}"
    );
    // Twice, or a tenant the log never had: nothing more happens.
    ap(&s, |tx| tx.forget_log_tenant("t1"));
    ap(&s, |tx| tx.forget_log_tenant("never"));
    assert_eq!(ids(of("t2")), ["b1", "b2"]);

    // The same id again starts empty.
    log_append(&s, vec![log_rec("a4", at(t, 6), Some("t1"), 200)]);
    assert_eq!(ids(of("t1")), ["a4"]);
    assert_eq!(ids(LogQuery::default()), ["b1", "n1", "b2", "a4"]);
    assert_eq!(
        r(&s, |tx| tx.log_stats("t1", at(t, -1000)))
            .iter()
            .map(|s| s.count)
            .sum::<u64>(),
        1
    );
    assert_eq!(
        r(&s, |tx| tx.log_counters(Some("t1"))),
        LogCounters::default()
    );

    // Purged: three records and the key, two at a time.
    assert_eq!(purge_all(&s, 2), 4, "3 records and 1 key");
    assert_eq!(ap(&s, |tx| tx.purge_forgotten_log(2)), 0);
    assert_eq!(ids(LogQuery::default()), ["b1", "n1", "b2", "a4"]);
    assert_eq!(drain_log(&s), 4, "the forgotten records are gone");
}

/// `forget_departed_log_tenants` forgets every tenant of the log the store
/// no longer has (deleting a tenant alone leaves its log), counters of
/// such tenants included; returns how many tenants of the log it forgot.
fn check_log_forget_departed(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        for id in ["t1", "t2", "t3"] {
            tx.insert_tenant(&tenant(id, &id.to_uppercase(), t))?;
        }
        Ok(())
    });
    log_append(
        &s,
        vec![
            log_rec("a1", at(t, 0), Some("t1"), 200),
            log_rec("b1", at(t, 1), Some("t2"), 200),
            log_rec("b2", at(t, 2), Some("t2"), 200),
            log_rec("c1", at(t, 3), Some("t3"), 200),
            log_rec("n1", at(t, 4), None, 200),
            log_rec("b3", at(t, 5), Some("t2"), 200),
            log_rec("a2", at(t, 6), Some("t1"), 200),
        ],
    );
    let one = LogCounters {
        dropped: 1,
        dropped_last_at: Some(t),
        ..LogCounters::default()
    };
    ap(&s, |tx| {
        for id in [Some("t1"), Some("t2"), Some("t4"), None] {
            tx.add_log_counters(id, &one)?;
        }
        Ok(())
    });
    let ids =
        |q: LogQuery| -> Vec<String> { logs(&s, &q).into_iter().map(|r| r.request_id).collect() };
    let of = |t: &str| LogQuery {
        tenant_id: Some(t.into()),
        ..LogQuery::default()
    };
    assert_eq!(r(&s, |tx| tx.log_counters(Some("t4"))), one);
    assert_eq!(
        ap(&s, |tx| tx.forget_departed_log_tenants()),
        0,
        "every tenant of the log is the store's"
    );
    assert_eq!(
        r(&s, |tx| tx.log_counters(Some("t4"))),
        LogCounters::default(),
        "counters of a tenant the store does not have go, records or not"
    );

    w(&s, |tx| {
        assert!(tx.delete_tenant("t2")?);
        assert!(tx.delete_tenant("t3")?);
        Ok(())
    });
    assert_eq!(
        ids(of("t2")),
        ["b1", "b2", "b3"],
        "deleting a tenant leaves its log"
    );

    assert_eq!(ap(&s, |tx| tx.forget_departed_log_tenants()), 2);
    assert!(ids(of("t2")).is_empty());
    assert!(ids(of("t3")).is_empty());
    assert_eq!(ids(LogQuery::default()), ["a1", "n1", "a2"]);
    assert_eq!(
        r(&s, |tx| tx.log_counters(Some("t2"))),
        LogCounters::default()
    );
    assert_eq!(r(&s, |tx| tx.log_counters(Some("t1"))), one);
    assert_eq!(
        r(&s, |tx| tx.log_counters(None)),
        one,
        "the aggregate stays"
    );
    assert_eq!(ap(&s, |tx| tx.forget_departed_log_tenants()), 0, "once");

    // Re-created: starts empty, and is not departed.
    w(&s, |tx| tx.insert_tenant(&tenant("t2", "T2 again", t)));
    log_append(&s, vec![log_rec("b4", at(t, 7), Some("t2"), 200)]);
    assert_eq!(ap(&s, |tx| tx.forget_departed_log_tenants()), 0);
    assert_eq!(ids(of("t2")), ["b4"]);

    assert_eq!(purge_all(&s, 3), 6, "4 records and 2 keys");
    assert_eq!(drain_log(&s), 4);
}

/// `prune_log_tenants` removes the keys of tenants with no records left
/// (not their counters, not a forgotten tenant's, whose key purge removes).
fn check_log_prune_tenants(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))
    });
    let recs = log_append(
        &s,
        vec![
            log_rec("a1", at(t, 0), Some("t1"), 200),
            log_rec("n1", at(t, 1), None, 200),
            log_rec("a2", at(t, 2), Some("t1"), 200),
            log_rec("b1", at(t, 3), Some("t2"), 200),
            log_rec("a3", at(t, 4), Some("t1"), 200),
            log_rec("n2", at(t, 5), None, 200),
        ],
    );
    let one = LogCounters {
        dropped: 1,
        dropped_last_at: Some(t),
        ..LogCounters::default()
    };
    ap(&s, |tx| tx.add_log_counters(Some("t1"), &one));
    let ids =
        |q: LogQuery| -> Vec<String> { logs(&s, &q).into_iter().map(|r| r.request_id).collect() };
    let of = |t: &str| LogQuery {
        tenant_id: Some(t.into()),
        ..LogQuery::default()
    };
    assert_eq!(
        ap(&s, |tx| tx.prune_log_tenants()),
        0,
        "every key has records"
    );

    // All of t1's records go.
    let cuts = r(&s, |tx| tx.log_cuts(None, 0));
    let t1_cut = cuts
        .iter()
        .find(|c| matches!(c.scope, LogScope::Tenant(_)) && c.upto_seq == recs[4].seq)
        .expect("t1's cut");
    assert_eq!(ap(&s, |tx| tx.prune_log_cut(t1_cut, 10)), 3);
    assert!(ids(of("t1")).is_empty());
    let cuts = r(&s, |tx| tx.log_cuts(None, 0));
    assert_eq!(tenant_cuts(&cuts).len(), 1, "only t2 has records: {cuts:?}");

    assert_eq!(ap(&s, |tx| tx.prune_log_tenants()), 1, "t1's key");
    assert_eq!(ap(&s, |tx| tx.prune_log_tenants()), 0);
    assert_eq!(
        r(&s, |tx| tx.log_counters(Some("t1"))),
        one,
        "counters stay"
    );
    assert_eq!(ids(of("t2")), ["b1"]);
    assert_eq!(ids(LogQuery::default()), ["n1", "b1", "n2"]);

    // t1 comes back with a record of its own.
    log_append(&s, vec![log_rec("a4", at(t, 6), Some("t1"), 200)]);
    assert_eq!(ids(of("t1")), ["a4"]);
    assert_eq!(ap(&s, |tx| tx.prune_log_tenants()), 0);

    // A forgotten tenant's key, records left, is purge's to remove.
    ap(&s, |tx| tx.forget_log_tenant("t2"));
    assert_eq!(ap(&s, |tx| tx.prune_log_tenants()), 0);
    assert_eq!(purge_all(&s, 100), 2, "1 record and 1 key");
    assert_eq!(ap(&s, |tx| tx.prune_log_tenants()), 0);
    assert_eq!(ids(LogQuery::default()), ["n1", "n2", "a4"]);
}

/// A follower reads `after_seq` its last record's: it must never miss a
/// record, so a record becomes visible only with every record of a lower
/// sequence number. Here one append holds its transaction open after its
/// insert while others (this store and another over the same data) append
/// and a follower polls.
fn check_log_follow_misses_nothing(f: Factory) {
    let s = f();
    let t = t0();
    w(&s, |tx| tx.insert_tenant(&tenant("t1", "T1", t)));
    let other = (s.reopen)();
    let (inserted_tx, inserted) = std::sync::mpsc::channel();
    let holder = {
        let store = Arc::clone(&s.store);
        std::thread::spawn(move || {
            append(store.as_ref(), |tx| {
                let mut rs = vec![log_rec("held", t, Some("t1"), 200)];
                tx.insert_logs(&mut rs)?;
                inserted_tx.send(()).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(400));
                Ok(rs[0].seq)
            })
            .unwrap()
        })
    };
    inserted.recv().unwrap();
    let writers: Vec<_> = [Arc::clone(&s.store), Arc::clone(&other)]
        .into_iter()
        .enumerate()
        .map(|(n, store)| {
            std::thread::spawn(move || {
                (0..5)
                    .flat_map(|i| {
                        let rs = vec![
                            log_rec(&format!("w{n}-{i}-a"), at(t, 1), Some("t1"), 200),
                            log_rec(&format!("w{n}-{i}-b"), at(t, 1), None, 200),
                        ];
                        let rs = append(store.as_ref(), move |tx| {
                            let mut rs = rs;
                            tx.insert_logs(&mut rs)?;
                            Ok(rs)
                        })
                        .unwrap();
                        seqs(&rs)
                    })
                    .collect::<Vec<i64>>()
            })
        })
        .collect();

    let mut followed: Vec<i64> = Vec::new();
    let mut snapshots: Vec<Vec<i64>> = Vec::new();
    let follow = |followed: &mut Vec<i64>, snapshots: &mut Vec<Vec<i64>>| {
        let all = seqs(&logs(&s, &LogQuery::default()));
        snapshots.push(all);
        let new = logs(
            &s,
            &LogQuery {
                after_seq: Some(followed.last().copied().unwrap_or(0)),
                ..LogQuery::default()
            },
        );
        followed.extend(seqs(&new));
    };
    while !(holder.is_finished() && writers.iter().all(|w| w.is_finished())) {
        follow(&mut followed, &mut snapshots);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let held = holder.join().unwrap();
    let mut written = vec![held];
    for w in writers {
        let own = w.join().unwrap();
        assert_increasing(&own, "one writer's appends");
        written.extend(own);
    }
    follow(&mut followed, &mut snapshots);
    let mut all = written.clone();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 21, "every record has its own number");
    assert_eq!(
        followed, all,
        "the follower saw every record, once, in order"
    );
    for snap in &snapshots {
        let top = snap.last().copied().unwrap_or(0);
        let want: Vec<i64> = all.iter().copied().filter(|&q| q <= top).collect();
        assert_eq!(
            snap, &want,
            "a record visible before one with a lower number"
        );
    }
}

fn event(tenant: &str, kind: EventType, at: OffsetDateTime, n: i64) -> Event {
    Event {
        seq: 0,
        id: format!("e-{tenant}-{n}"),
        kind,
        tenant_id: tenant.into(),
        at,
        actor: match n % 2 {
            0 => Actor::Idp {
                request_id: format!("r-{n}"),
            },
            _ => Actor::Admin {
                name: "cli:tester".into(),
            },
        },
        data: serde_json::json!({"user": {"id": format!("u{n}"), "userName": format!("ü{n}@x")}, "n": n}),
    }
}

fn events(s: &Subject, q: &EventQuery) -> Vec<Event> {
    r(s, |tx| tx.events(q))
}

fn event_seqs(v: &[Event]) -> Vec<i64> {
    v.iter().map(|e| e.seq).collect()
}

fn check_events(f: Factory) {
    let s = f();
    let t = t0();
    assert_eq!(r(&s, |tx| tx.last_event_seq()), 0, "no event yet");
    let kinds = [
        EventType::UserCreated,
        EventType::GroupCreated,
        EventType::UserUpdated,
        EventType::GroupMemberAdded,
    ];
    let written: Vec<Event> = w(&s, |tx| {
        let mut out = Vec::new();
        for n in 0..8 {
            let tenant = if n % 4 == 3 { "t2" } else { "t1" };
            let mut e = event(tenant, kinds[n as usize % 4], at(t, n), n);
            tx.insert_event(&mut e)?;
            out.push(e);
        }
        Ok(out)
    });
    let numbers = event_seqs(&written);
    assert_increasing(&numbers, "numbers given in insert order");
    assert!(numbers[0] > 0);
    assert_eq!(r(&s, |tx| tx.last_event_seq()), numbers[7]);
    // Every field reads back as written.
    let all = events(&s, &EventQuery::default());
    assert_eq!(all, written, "all, oldest first, as written");
    let t1: Vec<Event> = written
        .iter()
        .filter(|e| e.tenant_id == "t1")
        .cloned()
        .collect();
    let q1 = EventQuery {
        tenant_id: Some("t1".into()),
        ..Default::default()
    };
    assert_eq!(events(&s, &q1), t1);
    // The newest `limit`, oldest first; with `after`, the oldest after it.
    let newest = events(
        &s,
        &EventQuery {
            limit: 2,
            ..q1.clone()
        },
    );
    assert_eq!(newest, t1[t1.len() - 2..].to_vec());
    let after = events(
        &s,
        &EventQuery {
            after: Some(t1[1].seq),
            limit: 2,
            ..q1.clone()
        },
    );
    assert_eq!(after, t1[2..4].to_vec());
    let typed = events(
        &s,
        &EventQuery {
            types: vec![EventType::GroupCreated, EventType::UserUpdated],
            ..Default::default()
        },
    );
    assert_eq!(
        typed,
        written
            .iter()
            .filter(|e| matches!(e.kind, EventType::GroupCreated | EventType::UserUpdated))
            .cloned()
            .collect::<Vec<_>>()
    );
    assert!(
        events(
            &s,
            &EventQuery {
                tenant_id: Some("t3".into()),
                ..Default::default()
            }
        )
        .is_empty()
    );
    // Retention: the oldest go, in bounded chunks.
    assert_eq!(w(&s, |tx| tx.prune_events(at(t, 3), 2)), 2);
    assert_eq!(w(&s, |tx| tx.prune_events(at(t, 3), 2)), 1);
    assert_eq!(w(&s, |tx| tx.prune_events(at(t, 3), 2)), 0);
    assert_eq!(
        event_seqs(&events(&s, &EventQuery::default())),
        numbers[3..].to_vec()
    );
}

fn check_event_numbers_never_go_back(f: Factory) {
    let s = f();
    let t = t0();
    let numbers = w(&s, |tx| {
        let mut out = Vec::new();
        for n in 0..3 {
            let mut e = event("t1", EventType::UserCreated, at(t, n), n);
            tx.insert_event(&mut e)?;
            out.push(e.seq);
        }
        Ok(out)
    });
    // Retention past every event keeps the newest, whose number the next
    // one counts from; reopened, the store gives a higher number still.
    assert_eq!(w(&s, |tx| tx.prune_events(at(t, 10), 10)), 2);
    assert_eq!(
        event_seqs(&events(&s, &EventQuery::default())),
        [numbers[2]]
    );
    let again = (s.reopen)();
    let next = write(again.as_ref(), |tx| {
        assert_eq!(
            tx.last_event_seq()?,
            numbers[2],
            "the high-water mark stays"
        );
        let mut e = event("t1", EventType::UserCreated, t, 9);
        tx.insert_event(&mut e)?;
        Ok(e.seq)
    })
    .unwrap();
    assert!(next > numbers[2], "{next} after {numbers:?}");
}

fn check_event_atomicity(f: Factory) {
    let s = f();
    let t = t0();
    let failed = write(s.store.as_ref(), |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        let mut e = event("t1", EventType::TenantCreated, t, 1);
        tx.insert_event(&mut e)?;
        Err::<(), _>(EngineError::Internal("the change failed".into()))
    });
    assert!(failed.is_err());
    assert!(
        events(&s, &EventQuery::default()).is_empty(),
        "no event without its change"
    );
    // A step that fails takes its event with it; the others keep theirs.
    w(&s, |tx| {
        for n in 0..3 {
            let _ = tx.step(&mut |tx| {
                let mut e = event("t1", EventType::UserCreated, t, n);
                tx.insert_event(&mut e)?;
                match n {
                    1 => Err(EngineError::Internal("this one fails".into())),
                    _ => Ok(()),
                }
            });
        }
        Ok(())
    });
    let ids: Vec<String> = events(&s, &EventQuery::default())
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, ["e-t1-0", "e-t1-2"]);
}

fn check_event_follow_misses_nothing(f: Factory) {
    let s = f();
    let t = t0();
    let other = (s.reopen)();
    let writers: Vec<_> = [
        Arc::clone(&s.store),
        Arc::clone(&other),
        Arc::clone(&s.store),
    ]
    .into_iter()
    .enumerate()
    .map(|(n, store)| {
        std::thread::spawn(move || {
            (0..8)
                .map(|i| {
                    write(store.as_ref(), |tx| {
                        let mut e = event("t1", EventType::UserUpdated, t, (n * 100 + i) as i64);
                        tx.insert_event(&mut e)?;
                        // Held a while: the others queue behind it.
                        std::thread::sleep(std::time::Duration::from_millis(3));
                        Ok(e.seq)
                    })
                    .unwrap()
                })
                .collect::<Vec<i64>>()
        })
    })
    .collect();
    let mut followed: Vec<i64> = Vec::new();
    let follow = |followed: &mut Vec<i64>| {
        let new = events(
            &s,
            &EventQuery {
                after: Some(followed.last().copied().unwrap_or(0)),
                ..EventQuery::default()
            },
        );
        followed.extend(event_seqs(&new));
    };
    while !writers.iter().all(|w| w.is_finished()) {
        follow(&mut followed);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let mut all = Vec::new();
    for w in writers {
        let own = w.join().unwrap();
        assert_increasing(&own, "one writer's events");
        all.extend(own);
    }
    follow(&mut followed);
    all.sort();
    assert_eq!(all.len(), 24);
    assert_eq!(
        followed, all,
        "the follower saw every event, once, in order"
    );
}

// ---- webhooks ---------------------------------------------------------------

fn endpoint(id: &str, tenant_id: &str, t: OffsetDateTime) -> scimctl::engine::webhooks::Endpoint {
    scimctl::engine::webhooks::Endpoint {
        id: id.into(),
        tenant_id: tenant_id.into(),
        url: format!("https://hooks.example.com/{id}"),
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
        types: vec![
            scimctl::engine::events::EventType::UserCreated,
            scimctl::engine::events::EventType::GroupDeleted,
        ],
        enabled: true,
        disabled_reason: None,
        cursor: 7,
        consecutive_failures: 0,
        lease_owner: None,
        lease_until: None,
        created_at: t,
    }
}

fn delivery(
    id: &str,
    e: &scimctl::engine::webhooks::Endpoint,
    next: OffsetDateTime,
    t: OffsetDateTime,
) -> scimctl::engine::webhooks::Delivery {
    use scimctl::engine::webhooks::{Delivery, DeliveryKind, DeliveryStatus};
    Delivery {
        id: id.into(),
        endpoint_id: e.id.clone(),
        tenant_id: e.tenant_id.clone(),
        kind: DeliveryKind::Event,
        message_id: format!("msg-{id}"),
        event_seq: Some(8),
        event_type: "user.created".into(),
        body: r#"{"type":"user.created","data":{"é":"\u0000 ünïcode"}}"#.into(),
        status: DeliveryStatus::Pending,
        attempts: 0,
        next_attempt_at: next,
        first_attempt_at: None,
        last_attempt_at: None,
        last_status: None,
        last_error: None,
        response_excerpt: None,
        created_at: t,
    }
}

/// Endpoints and deliveries round-trip every column; updates write what
/// they say; pending deliveries come soonest due first; deliveries newest
/// first, by tenant, endpoint and status; removing an endpoint or its
/// tenant removes its deliveries.
fn check_webhooks(f: Factory) {
    use scimctl::engine::webhooks::{DeliveryKind, DeliveryQuery, DeliveryStatus};
    let s = f();
    let t = t0();
    let e1 = endpoint("e1", "t1", t);
    let mut e2 = endpoint("e2", "t2", at(t, 1));
    e2.types.clear();
    w(&s, |tx| {
        tx.insert_tenant(&tenant("t1", "T1", t))?;
        tx.insert_tenant(&tenant("t2", "T2", t))?;
        tx.insert_webhook(&e1)?;
        tx.insert_webhook(&e2)
    });
    assert_eq!(r(&s, |tx| tx.webhook("e1")), Some(e1.clone()));
    assert_eq!(r(&s, |tx| tx.webhook("nope")), None);
    assert_eq!(r(&s, |tx| tx.webhooks(None)), vec![e1.clone(), e2.clone()]);
    assert_eq!(r(&s, |tx| tx.webhooks(Some("t2"))), vec![e2.clone()]);

    let mut changed = e1.clone();
    changed.enabled = false;
    changed.disabled_reason = Some("5 in a row".into());
    changed.cursor = 99;
    changed.consecutive_failures = 5;
    changed.lease_owner = Some("serve-1-abc".into());
    changed.lease_until = Some(at(t, 60_000));
    changed.url = "https://ignored.example.com".into();
    w(&s, |tx| tx.update_webhook(&changed));
    let mut want = changed.clone();
    want.url = e1.url.clone();
    assert_eq!(r(&s, |tx| tx.webhook("e1")), Some(want));

    let d1 = delivery("d1", &e1, at(t, 500), t);
    let mut d2 = delivery("d2", &e1, at(t, 100), at(t, 10));
    d2.kind = DeliveryKind::Test;
    d2.event_seq = None;
    let mut d3 = delivery("d3", &e2, at(t, 100), at(t, 20));
    d3.status = DeliveryStatus::Failed;
    w(&s, |tx| {
        tx.insert_delivery(&d1)?;
        tx.insert_delivery(&d2)?;
        tx.insert_delivery(&d3)
    });
    assert_eq!(r(&s, |tx| tx.delivery("d1")), Some(d1.clone()));
    assert_eq!(
        r(&s, |tx| tx.pending_deliveries("e1")),
        vec![d2.clone(), d1.clone()]
    );
    assert_eq!(r(&s, |tx| tx.pending_deliveries("e2")), vec![]);
    let q = |tenant: Option<&str>, endpoint: Option<&str>, failed_only, limit| DeliveryQuery {
        tenant_id: tenant.map(str::to_owned),
        endpoint_id: endpoint.map(str::to_owned),
        failed_only,
        limit,
    };
    let ids = |v: Vec<scimctl::engine::webhooks::Delivery>| -> Vec<String> {
        v.into_iter().map(|d| d.id).collect()
    };
    assert_eq!(
        ids(r(&s, |tx| tx.deliveries(&q(None, None, false, 0)))),
        ["d3", "d2", "d1"]
    );
    assert_eq!(
        ids(r(&s, |tx| tx.deliveries(&q(Some("t1"), None, false, 1)))),
        ["d2"]
    );
    assert_eq!(
        ids(r(&s, |tx| tx.deliveries(&q(None, Some("e2"), false, 0)))),
        ["d3"]
    );
    assert_eq!(
        ids(r(&s, |tx| tx.deliveries(&q(None, None, true, 0)))),
        ["d3"]
    );

    let mut done = d1.clone();
    done.status = DeliveryStatus::Succeeded;
    done.attempts = 3;
    done.first_attempt_at = Some(at(t, 1_000));
    done.last_attempt_at = Some(at(t, 3_000));
    done.next_attempt_at = at(t, 4_000);
    done.last_status = Some(204);
    done.last_error = Some("HTTP 500 — earlier".into());
    done.response_excerpt = Some("ok".into());
    w(&s, |tx| tx.update_delivery(&done));
    assert_eq!(r(&s, |tx| tx.delivery("d1")), Some(done));
    assert_eq!(r(&s, |tx| tx.pending_deliveries("e1")), vec![d2]);

    // Only finished ones, only before the cut.
    assert_eq!(w(&s, |tx| tx.prune_deliveries(at(t, 15), 10)), 1);
    assert_eq!(r(&s, |tx| tx.delivery("d1")), None);
    assert!(r(&s, |tx| tx.delivery("d2")).is_some());
    assert_eq!(w(&s, |tx| tx.prune_deliveries(at(t, 25), 10)), 1);
    w(&s, |tx| tx.insert_delivery(&d3));
    assert!(w(&s, |tx| tx.delete_webhook("e1")));
    assert!(!w(&s, |tx| tx.delete_webhook("e1")));
    assert_eq!(r(&s, |tx| tx.delivery("d1")), None);
    assert_eq!(
        ids(r(&s, |tx| tx.deliveries(&q(None, None, false, 0)))),
        ["d3"]
    );
    w(&s, |tx| tx.delete_tenant("t2"));
    assert_eq!(r(&s, |tx| tx.webhooks(None)), vec![]);
    assert_eq!(r(&s, |tx| tx.delivery("d3")), None);
}
