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
