//! Bad input: each gives one clear error line, the documented exit code, no
//! panic, and no partial write.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use serde_json::Value;

use crate::support::*;

both_modes!(
    unknown_tenant,
    duplicate_tenant_name_or_id,
    invalid_tenant_id_or_name,
    invalid_email_or_names_in_users_add,
    invalid_labels_for_properties_and_groups,
);

/// Everything a failed command could have touched, to compare before/after.
fn snapshot(env: &TestEnv) -> (Value, Vec<i64>) {
    let tenants = env.json(&["tenant", "list"]);
    let counts = [
        "tenants",
        "accounts",
        "memberships",
        "properties",
        "groups",
        "group_assignments",
        "tokens",
        "audit_events",
    ]
    .iter()
    .map(|t| env.count(t))
    .collect();
    (tenants, counts)
}

fn unknown_tenant(env: TestEnv) {
    env.tenant("Acme", "acme");
    let before = snapshot(&env);
    for args in [
        &["--tenant", "nope", "url"][..],
        &["--tenant", "nope", "scim", "enable"],
        &["--tenant", "nope", "scim", "status"],
        &["--tenant", "nope", "token", "generate"],
        &[
            "--tenant",
            "nope",
            "users",
            "add",
            "a@example.com",
            "--given-name",
            "A",
            "--family-name",
            "B",
        ],
        &["--tenant", "nope", "properties", "add", "P"],
        &["--tenant", "nope", "groups", "create", "G"],
        &["tenant", "show", "nope"],
        &["tenant", "delete", "nope", "--yes"],
    ] {
        let e = env.fail(args, 5);
        assert!(
            e.contains("tenant \"nope\" not found") && e.contains("tenant list"),
            "{e}"
        );
    }
    let out = env
        .cmd(["url"])
        .env("SCIMCTL_TENANT", "nope")
        .output()
        .unwrap();
    expect_failure(&["url"], &out, 5);
    env.write_config("tenant = \"nope\"\n");
    env.fail(&["token", "generate"], 5);
    assert_eq!(snapshot(&env), before, "a failed command wrote something");
}

fn duplicate_tenant_name_or_id(env: TestEnv) {
    env.tenant("Acme Hotels", "acme");
    let before = snapshot(&env);

    for name in ["ACME HOTELS", "acme hotels", "  Acme Hotels  "] {
        let e = env.fail(&["tenant", "create", name], 6);
        assert!(e.contains("already exists") && e.contains("name"), "{e}");
    }
    let e = env.fail(&["tenant", "create", "Other", "--id", "acme"], 6);
    assert!(e.contains("id \"acme\" already exists"), "{e}");
    // Names and ids share one namespace, since --tenant takes either: a name
    // that is another tenant's id (in any case), or an id that is another
    // tenant's name, would make one of them unreachable by --tenant.
    for name in ["acme", "ACME"] {
        let e = env.fail(&["tenant", "create", name, "--id", "other"], 6);
        assert!(e.contains("already exists"), "{e}");
    }
    assert_eq!(snapshot(&env), before, "a failed create wrote something");
    let out = env.ok(&["tenant", "create", "hotels"]);
    let uuid_id = out.trim_end().to_owned();
    let before = snapshot(&env);
    let e = env.fail(&["tenant", "create", "Other", "--id", "hotels"], 6);
    assert!(e.contains("name \"hotels\" already exists"), "{e}");
    assert_eq!(snapshot(&env), before, "a failed create wrote something");
    assert!(
        env.ok(&["--tenant", "hotels", "url"])
            .ends_with(&format!("/{uuid_id}\n"))
    );
}

fn invalid_tenant_id_or_name(env: TestEnv) {
    env.tenant("Acme", "acme");
    let before = snapshot(&env);
    let long = "a".repeat(65);
    for id in [
        "Upper",
        "has space",
        "slash/es",
        "",
        long.as_str(),
        "dot.ted",
        "ü",
    ] {
        let e = env.fail(&["tenant", "create", "New", "--id", id], 8);
        assert!(e.contains("invalid tenant id"), "{e}");
    }
    let long = "n".repeat(201);
    for name in ["", "   ", "bell\x07", long.as_str()] {
        let e = env.fail(&["tenant", "create", name], 8);
        assert!(e.contains("invalid tenant name"), "{e}");
    }
    assert_eq!(snapshot(&env), before);
}

fn invalid_email_or_names_in_users_add(env: TestEnv) {
    env.tenant("Acme", "acme");
    let before = snapshot(&env);
    for email in [
        "jane",
        "jane@",
        "@example.com",
        "jane@localhost",
        "jane doe@example.com",
        "Jane <jane@example.com>",
        "jane@example.com.",
        "",
    ] {
        let e = env.fail(
            &[
                "users",
                "add",
                email,
                "--given-name",
                "Jane",
                "--family-name",
                "Doe",
            ],
            8,
        );
        assert!(
            e.contains(&format!("\"{email}\" is not a valid email address")),
            "{e}"
        );
        assert!(
            e.contains("jane.doe@example.com"),
            "the message shows a valid example: {e}"
        );
    }
    for (g, f) in [("", "Doe"), ("Jane", "  "), ("Ja\nne", "Doe")] {
        env.fail(
            &[
                "users",
                "add",
                "jane@example.com",
                "--given-name",
                g,
                "--family-name",
                f,
            ],
            8,
        );
    }
    assert_eq!(snapshot(&env), before, "nothing was added");
}

fn invalid_labels_for_properties_and_groups(env: TestEnv) {
    env.tenant("Acme", "acme");
    let before = snapshot(&env);
    env.fail(&["properties", "add", "  "], 8);
    env.fail(&["groups", "create", ""], 8);
    env.fail(&["groups", "create", "tab\there"], 8);
    assert_eq!(snapshot(&env), before);
}

fn assert_untouched(path: &Path, before: &[u8], mode_before: u32) {
    assert_eq!(
        fs::read(path).unwrap(),
        before,
        "{} was modified",
        path.display()
    );
    assert_eq!(
        mode(path),
        mode_before,
        "the mode of {} was changed",
        path.display()
    );
    // SQLite's own companions of the refused file (a log file of a store
    // that was valid before may legitimately exist).
    for c in &with_companions(path)[1..4] {
        assert!(!c.exists(), "{} was left behind", c.display());
    }
}

#[test]
fn unwritable_store_locations() {
    let env = TestEnv::new();
    let file = env.path("file.txt");
    fs::write(&file, "a plain file\n").unwrap();
    let under_file = env.path("file.txt/sub/store.db");
    let dir = env.path("a-directory");
    fs::create_dir(&dir).unwrap();
    for store in [
        under_file.as_path(),
        Path::new("/proc/scimctl-test/x.db"),
        Path::new("/proc/scimctl-test.db"),
        dir.as_path(),
    ] {
        for args in [&["tenant", "list"][..], &["tenant", "create", "Acme"]] {
            let mut all = vec!["--store", store.to_str().unwrap()];
            all.extend_from_slice(args);
            let e = env.fail(&all, 7);
            assert!(e.contains("--store") && e.contains("SCIMCTL_STORE"), "{e}");
            // Through the environment too.
            let out = env.cmd(args).env("SCIMCTL_STORE", store).output().unwrap();
            expect_failure(args, &out, 7);
        }
    }
    assert_eq!(fs::read(&file).unwrap(), b"a plain file\n");
    assert!(
        fs::read_dir(&dir).unwrap().next().is_none(),
        "nothing written in the directory"
    );
    assert!(!env.store().exists(), "no store was made elsewhere");
}

#[test]
fn store_that_is_not_a_sqlite_database() {
    let env = TestEnv::new();
    let junk = env.path("notes.txt");
    let text = "Dear diary,\nthis is not a database.\n".repeat(200);
    fs::write(&junk, &text).unwrap();
    fs::set_permissions(&junk, fs::Permissions::from_mode(0o644)).unwrap();
    for args in [
        &["tenant", "list"][..],
        &["tenant", "create", "Acme"],
        &["scim", "status"],
        &["token", "generate"],
    ] {
        let mut all = vec!["--store", junk.to_str().unwrap()];
        all.extend_from_slice(args);
        let e = env.fail(&all, 7);
        assert!(
            e.contains("not a SQLite database") && e.contains("notes.txt"),
            "{e}"
        );
        assert_untouched(&junk, text.as_bytes(), 0o644);
    }
}

#[test]
fn store_that_is_another_programs_sqlite_database() {
    let env = TestEnv::new();
    let other = env.path("other.db");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
            .unwrap();
    }
    fs::set_permissions(&other, fs::Permissions::from_mode(0o644)).unwrap();
    let before = fs::read(&other).unwrap();
    let e = env.fail(
        &[
            "--store",
            other.to_str().unwrap(),
            "tenant",
            "create",
            "Acme",
        ],
        7,
    );
    assert!(e.contains("another program"), "{e}");
    assert_untouched(&other, &before, 0o644);
    let tables: i64 = rusqlite::Connection::open(&other)
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        tables, 1,
        "scimctl added tables to another program's database"
    );
}

#[test]
fn a_store_of_schema_version_1_is_upgraded_in_place() {
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    env.ok(&[
        "users",
        "add",
        "pre@x.com",
        "--given-name",
        "P",
        "--family-name",
        "E",
    ]);
    // What version 1 looked like: no owner index, no admin keys, no
    // events, no webhooks.
    let db = env.sql();
    db.execute_batch(
        "DROP INDEX memberships_owner; DROP TABLE admin_keys; DROP TABLE events; DROP TABLE webhook_deliveries; DROP TABLE webhook_endpoints; PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(db);
    let list = env.json(&["users", "list", "--managed-by", "tenant"]);
    assert_eq!(u64_key(&list, "total"), 1);
    let db = env.sql();
    let version: i64 = db
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, scimctl::engine::store::sqlite::SCHEMA_VERSION);
    let indexes: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'memberships_owner'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexes, 1, "the migration ran");
}

#[test]
fn store_written_by_a_newer_schema_version() {
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    env.sql().pragma_update(None, "user_version", 999).unwrap();
    let before = fs::read(env.store()).unwrap();
    let mode_before = mode(&env.store());
    for args in [
        &["tenant", "list"][..],
        &["tenant", "create", "Beta"],
        &["url"],
        &["token", "generate"],
    ] {
        let e = env.fail(args, 7);
        assert!(e.contains("newer") && e.contains("999"), "{e}");
        assert!(e.contains("upgrade scimctl"), "{e}");
        assert_untouched(&env.store(), &before, mode_before);
    }
    // The same through the engine.
    let err = scimctl::engine::Engine::open_sqlite(&env.store(), "test")
        .err()
        .expect("a newer store must be refused");
    assert_eq!(err.reason(), "store_newer_schema");
    assert_untouched(&env.store(), &before, mode_before);
}

#[test]
fn a_store_another_process_is_writing_is_busy_not_broken() {
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    let holder = env.sql();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    // Readers are not held up by a writer …
    let list = env.json(&["tenant", "list"]);
    assert_eq!(list[0]["id"], "acme");
    // … and a writer gives up after the busy timeout with its own message.
    let e = env.fail(&["scim", "enable"], 7);
    assert!(e.contains("busy") && e.contains("retry"), "{e}");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    env.ok(&["scim", "enable"]);
}
