//! Clients other than Entra (issue 19): Microsoft's reference tools,
//! Okta, strict RFC 7644 checkers — through a real `serve` and a real
//! HTTP client, asserting the exact JSON returned.

use serde_json::Value;

use crate::server::*;
use crate::support::*;

/// The endpoint segment in any letter case and a trailing slash before
/// the query reach the same endpoint as the canonical path, and the log
/// keeps the path as sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lenient_paths_reach_the_canonical_endpoints() {
    let env = TestEnv::new();
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
#[test]
fn a_flag_beats_the_environment_between_store_and_server() {
    let env = TestEnv::new();
    env.tenant("Acme", "acme");
    env.tenant("Beta", "beta");
    let key = env
        .ok(&["admin-key", "create", "acme-ci", "--tenant", "acme"])
        .trim_end()
        .to_owned();
    let srv = Server::start(&env);
    let store = env.store().display().to_string();
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

/// A `scheme://` store is an error naming the supported form; nothing is
/// created (it once became a directory called `postgres:`).
#[test]
fn a_store_url_this_build_does_not_support_is_refused() {
    let env = TestEnv::new();
    for url in ["postgres://scim@db.example:5432/scim", "mysql://x/y"] {
        let (code, out, err) = run_with(&env, &["--store", url, "tenant", "list"], &[]);
        assert_ne!(code, 0, "{err}");
        assert!(out.is_empty());
        assert_one_error_line(&err);
        assert!(err.contains("this build does not support"), "{err}");
        assert!(err.contains("path of a SQLite file"), "{err}");
    }
    let (code, _, err) = run_with(
        &env,
        &["tenant", "list"],
        &[("SCIMCTL_STORE", "postgres://scim@db/scim")],
    );
    assert_ne!(code, 0);
    assert!(err.contains("env SCIMCTL_STORE"), "{err}");
    let made: Vec<_> = std::fs::read_dir(env.root())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(':'))
        .collect();
    assert!(made.is_empty(), "{made:?}");
}
