//! The admin API (issue 8, items 1–2 foundation): admin keys made with
//! `scimctl admin-key`, and `/admin/v1` on a real `scimctl serve`, spoken to
//! with a real HTTP client. Each endpoint group's JSON is compared with the
//! CLI's `--output json` for the same command.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Method;
use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

both_stores!(
    async
    key_lifecycle_shown_once_stored_hashed_revoked_at_once,
    missing_and_wrong_credentials_are_401_with_the_reason,
    a_scoped_key_sees_its_tenant_only_and_others_as_missing,
    each_endpoint_group_answers_what_the_cli_prints,
    no_admin_key_or_token_in_the_server_log_at_trace,
    the_log_is_followed_as_a_stream_that_ends_at_shutdown,
);

const PUBLIC_URL: &str = "https://scim.example.com";
const PREFIX: &str = "scimadm_";

/// An admin API client with one key (or none).
struct Api {
    http: reqwest::Client,
    base: String,
    key: Option<String>,
}

impl Api {
    fn new(srv: &Server, key: Option<&str>) -> Api {
        // reqwest is built without a default TLS provider (scimctl picks ring).
        let _ = rustls::crypto::ring::default_provider().install_default();
        Api {
            http: reqwest::Client::builder()
                .no_proxy()
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .expect("HTTP client"),
            base: format!("{}/admin/v1", srv.origin()),
            key: key.map(str::to_owned),
        }
    }

    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Resp {
        let url = format!("{}{path}", self.base);
        let mut rb = self.http.request(method.clone(), &url);
        if let Some(k) = &self.key {
            rb = rb.header("Authorization", format!("Bearer {k}"));
        }
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        let res = rb.send().await.unwrap_or_else(|e| panic!("{url}: {e}"));
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        Resp {
            method: method.to_string(),
            url,
            status,
            headers,
            text: res.text().await.expect("body"),
        }
    }

    async fn get(&self, path: &str) -> Resp {
        self.call(Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> Resp {
        self.call(Method::POST, path, Some(body)).await
    }
}

/// Asserts a JSON success with `status`; returns the body.
fn ok(r: &Resp, status: u16) -> Value {
    assert_eq!(r.status, status, "{r}");
    assert_eq!(r.content_type(), Some("application/json"), "{r}");
    assert_eq!(r.header("cache-control"), Some("no-store"), "{r}");
    r.json()
}

/// Asserts an admin API error `{error, reason, kind, hint}`, its kind the
/// one its status stands for; returns `error; hint` as the CLI would print
/// it after `error: `.
fn err(r: &Resp, status: u16, reason: &str) -> String {
    assert_eq!(r.status, status, "{r}");
    assert_eq!(r.content_type(), Some("application/json"), "{r}");
    let v = r.json();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["error", "hint", "kind", "reason"], "{r}");
    let kind = match status {
        400 | 413 => "invalid",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        412 => "precondition_failed",
        429 | 503 => "store_unavailable",
        _ => "internal",
    };
    assert_eq!(str_key(&v, "kind"), kind, "{r}");
    assert_eq!(str_key(&v, "reason"), reason, "{r}");
    match opt_str_key(&v, "hint") {
        Some(h) => format!("{}; {h}", str_key(&v, "error")),
        None => str_key(&v, "error").to_owned(),
    }
}

/// `admin-key create NAME [ARGS]` in table mode: the key, checked to be the
/// only line on stdout and absent from stderr.
fn create_key(env: &TestEnv, name: &str, extra: &[&str]) -> String {
    let mut args = vec!["admin-key", "create", name];
    args.extend_from_slice(extra);
    let out = env.cmd(&args).output().unwrap();
    expect_success(&args, &out);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let key = stdout.trim_end().to_owned();
    assert_key_shape(&key);
    assert!(!stderr.contains(&key[PREFIX.len()..]), "{stderr}");
    assert!(stderr.contains("will not be shown again"), "{stderr}");
    key
}

fn assert_key_shape(k: &str) {
    assert!(k.starts_with(PREFIX), "{k}");
    assert_eq!(k.len(), PREFIX.len() + 43, "{k}");
    assert_eq!(
        URL_SAFE_NO_PAD.decode(&k[PREFIX.len()..]).unwrap().len(),
        32
    );
}

fn fingerprint(secret: &str) -> String {
    scimctl::engine::tokens::fingerprint(&scimctl::engine::tokens::hash(secret))
}

/// The CLI's one error line for `args` (which must fail with `code`).
fn cli_error(env: &TestEnv, args: &[&str], code: i32) -> String {
    let line = env.fail(args, code);
    line.trim_end()
        .strip_prefix("error: ")
        .unwrap_or_else(|| panic!("{line}"))
        .to_owned()
}

fn audit_actors(env: &TestEnv, action: &str) -> Vec<String> {
    assert!(!action.contains('\''), "{action}");
    env.query(&format!(
        "SELECT actor FROM audit_events WHERE action = '{action}' ORDER BY seq"
    ))
    .into_iter()
    .map(|r| r[0].clone().expect("an actor"))
    .collect()
}

/// A value's shape: objects with their keys, arrays by their first
/// element, leaves by type (null matches anything: an absent optional).
fn same_shape(a: &Value, b: &Value, at: &str) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let kx: Vec<_> = x.keys().collect();
            let ky: Vec<_> = y.keys().collect();
            assert_eq!(kx, ky, "keys differ at {at}");
            for (k, v) in x {
                same_shape(v, &y[k], &format!("{at}.{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if let (Some(p), Some(q)) = (x.first(), y.first()) {
                same_shape(p, q, &format!("{at}[0]"));
            }
        }
        (Value::Null, _) | (_, Value::Null) => {}
        (x, y) => assert_eq!(
            std::mem::discriminant(x),
            std::mem::discriminant(y),
            "types differ at {at}: {x} vs {y}"
        ),
    }
}

async fn key_lifecycle_shown_once_stored_hashed_revoked_at_once(env: TestEnv) {
    env.tenant("Acme", "acme");
    let ops = create_key(&env, "ops", &[]);
    let issued = env.json(&["admin-key", "create", "CI-Job"]);
    let ci = str_key(&issued, "key").to_owned();
    assert_key_shape(&ci);
    assert_ne!(ops, ci);
    assert_eq!(str_key(&issued, "name"), "ci-job", "names are lower-cased");
    assert_eq!(str_key(&issued, "scope"), "operator");
    assert_eq!(str_key(&issued, "fingerprint"), fingerprint(&ci));
    assert_has_keys(
        &issued,
        &[
            "key",
            "name",
            "tenant_id",
            "scope",
            "fingerprint",
            "created_at",
        ],
    );

    // Listing never shows a key, in either format.
    let table = env.ok(&["admin-key", "list"]);
    let list = env.json(&["admin-key", "list"]);
    for k in [&ops, &ci] {
        assert!(!table.contains(&k[PREFIX.len()..]), "{table}");
        assert!(!list.to_string().contains(&k[PREFIX.len()..]), "{list}");
    }
    assert!(table.contains(&fingerprint(&ops)), "{table}");
    let entries = list.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    for e in entries {
        assert!(e.get("key").is_none(), "{e}");
        assert_eq!(str_key(e, "scope"), "operator");
        assert!(e["revoked_at"].is_null() && e["last_used_at"].is_null());
    }

    // Not in the store in clear: neither the key, nor its base64 body, nor
    // its bytes (nor those in hex, as PostgreSQL shows a bytea).
    let parts = env.store_contents();
    for k in [&ops, &ci] {
        let body = &k[PREFIX.len()..];
        let raw = URL_SAFE_NO_PAD.decode(body).unwrap();
        let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        for (what, f) in &parts {
            for needle in [k.as_bytes(), body.as_bytes(), &raw[..], hex.as_bytes()] {
                assert!(!contains(f, needle), "admin key bytes in {what}");
            }
        }
    }

    // A duplicate name is a conflict; an unknown one is not found.
    let line = cli_error(&env, &["admin-key", "create", "OPS"], 6);
    assert!(line.contains("\"ops\" already exists"), "{line}");
    cli_error(&env, &["admin-key", "revoke", "nobody"], 5);
    cli_error(&env, &["admin-key", "create", "has space"], 8);

    // Revoked while the server runs: refused on the very next request.
    let srv = Server::start(&env);
    let api = Api::new(&srv, Some(&ops));
    ok(&api.get("/tenants").await, 200);
    env.ok(&["admin-key", "revoke", "ops"]);
    let line = err(&api.get("/tenants").await, 401, "invalid_admin_key");
    assert!(
        line.starts_with("the admin key is unknown or revoked; "),
        "{line}"
    );
    assert_eq!(
        api.get("/tenants").await.header("www-authenticate"),
        Some("Bearer realm=\"scimctl-admin\"")
    );
    ok(&Api::new(&srv, Some(&ci)).get("/tenants").await, 200);

    let list = env.json(&["admin-key", "list"]);
    let ops_row = &list.as_array().unwrap()[0];
    assert_eq!(str_key(ops_row, "name"), "ops");
    assert!(ops_row["revoked_at"].is_string(), "{ops_row}");
    assert!(ops_row["last_used_at"].is_string(), "use is recorded");
    // Revoking again changes nothing and is not an error.
    let again = env.json(&["admin-key", "revoke", "ops"]);
    assert_eq!(again["revoked_at"], ops_row["revoked_at"]);

    assert_eq!(
        audit_actors(&env, "admin_key.create"),
        ["cli:tester", "cli:tester"]
    );
    assert_eq!(audit_actors(&env, "admin_key.revoke"), ["cli:tester"]);
    srv.stop();
}

async fn missing_and_wrong_credentials_are_401_with_the_reason(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "product");
    let srv = Server::start(&env);
    let none = Api::new(&srv, None);
    let line = err(&none.get("/tenants").await, 401, "invalid_admin_key");
    assert!(line.starts_with("no admin key was given; "), "{line}");
    // A SCIM token is no admin key, nor is a made-up one.
    let forged = format!("{PREFIX}{}", "A".repeat(43));
    for k in [token.as_str(), forged.as_str(), ""] {
        err(
            &Api::new(&srv, Some(k)).get("/tenants/acme").await,
            401,
            "invalid_admin_key",
        );
    }
    // Unknown paths under the prefix answer JSON, authenticated or not.
    let ops = create_key(&env, "ops", &[]);
    let api = Api::new(&srv, Some(&ops));
    for r in [
        api.get("/nope").await,
        none.get("/tenants/acme/nope").await,
        api.get("").await,
        api.get("/").await,
    ] {
        err(&r, 404, "not_found");
    }
    err(
        &api.call(Method::PUT, "/tenants", None).await,
        405,
        "method_not_allowed",
    );
    srv.stop();
}

/// Every tenant route, for the scope test: (method, path under the tenant, body).
fn tenant_routes() -> Vec<(Method, &'static str, Option<Value>)> {
    let g = Method::GET;
    let p = Method::POST;
    vec![
        (g.clone(), "", None),
        (p.clone(), "/scim/enable", None),
        (p.clone(), "/scim/disable", None),
        (g.clone(), "/scim/status", None),
        (
            p.clone(),
            "/scim/policy",
            Some(json!({"policy": "standard"})),
        ),
        (g.clone(), "/url", None),
        (p.clone(), "/token/generate", None),
        (p.clone(), "/token/regenerate", Some(json!({"grace": "1h"}))),
        (p.clone(), "/token/revoke", Some(json!({"previous": true}))),
        (g.clone(), "/token/status", None),
        (p.clone(), "/token/verify", Some(json!({"token": "scim_x"}))),
        (g.clone(), "/users", None),
        (g.clone(), "/users/jane@example.com", None),
        (
            p.clone(),
            "/users",
            Some(json!({"email": "x@example.com", "given_name": "X", "family_name": "Y"})),
        ),
        (g.clone(), "/groups", None),
        (g.clone(), "/groups/Staff", None),
        (p.clone(), "/groups", Some(json!({"name": "New"}))),
        (
            p.clone(),
            "/groups/Staff/assign",
            Some(json!({"roles": ["r"]})),
        ),
        (g.clone(), "/properties", None),
        (p.clone(), "/properties", Some(json!({"name": "Hotel"}))),
        (g.clone(), "/diagnose/user/jane@example.com", None),
        (g.clone(), "/diagnose/request/r-0123", None),
        (g.clone(), "/diagnose/tenant", None),
        (g.clone(), "/log", None),
        (g.clone(), "/log?follow=true", None),
        (Method::DELETE, "", None),
    ]
}

async fn a_scoped_key_sees_its_tenant_only_and_others_as_missing(env: TestEnv) {
    scim_tenant(&env, "Acme", "acme", "product");
    let other_token = scim_tenant(&env, "Other", "other", "product");
    env.ok(&["--tenant", "other", "groups", "create", "Staff"]);
    let op = create_key(&env, "op", &[]);
    let scoped = create_key(&env, "acme-admin", &["--tenant", "Acme"]);
    // Only the --tenant flag scopes a key, never a default from the environment.
    let out = env
        .cmd(["admin-key", "create", "env-key", "--output", "json"])
        .env("SCIMCTL_TENANT", "acme")
        .output()
        .unwrap();
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(str_key(&v, "scope"), "operator");
    let list = env.json(&["admin-key", "list"]);
    let row = &list.as_array().unwrap()[1];
    assert_eq!(
        (str_key(row, "scope"), str_key(row, "tenant_id")),
        ("tenant", "acme")
    );

    let srv = Server::start(&env);
    let api = Api::new(&srv, Some(&scoped));
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|t| str_key(t, "id").to_owned())
            .collect()
    };
    assert_eq!(ids(&ok(&api.get("/tenants").await, 200)), ["acme"]);
    assert_eq!(
        ids(&ok(&Api::new(&srv, Some(&op)).get("/tenants").await, 200)),
        ["acme", "other"]
    );
    // A key learns its own scope from whoami, not from a probe for a 403.
    assert_eq!(
        ok(&api.get("/whoami").await, 200),
        json!({"name": "acme-admin", "tenant_id": "acme"})
    );
    assert_eq!(
        ok(&Api::new(&srv, Some(&op)).get("/whoami").await, 200),
        json!({"name": "op", "tenant_id": null})
    );
    err(
        &Api::new(&srv, None).get("/whoami").await,
        401,
        "invalid_admin_key",
    );

    // Every tenant route: another tenant is exactly as absent as no tenant.
    for (method, sub, body) in tenant_routes() {
        for key in ["other", "Other"] {
            let r = api
                .call(
                    method.clone(),
                    &format!("/tenants/{key}{sub}"),
                    body.clone(),
                )
                .await;
            let seen = err(&r, 404, "tenant_not_found");
            let missing = api
                .call(
                    method.clone(),
                    &format!("/tenants/{key}-x{sub}"),
                    body.clone(),
                )
                .await;
            let absent = err(&missing, 404, "tenant_not_found");
            assert_eq!(
                seen,
                absent.replace(&format!("{key}-x"), key),
                "{method} {sub}"
            );
        }
    }
    // Nothing of the other tenant changed: SCIM still on, the token still valid.
    srv.client("other", &other_token)
        .get("/Users")
        .await
        .ok(200);
    assert_eq!(
        env.json(&["--tenant", "other", "groups", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Its own tenant works; what concerns all tenants needs an operator key.
    ok(&api.get("/tenants/acme/scim/status").await, 200);
    ok(&api.get("/tenants/Acme/url").await, 200);
    ok(&api.get("/mapping").await, 200);
    for r in [
        api.post("/tenants", json!({"name": "New"})).await,
        api.call(Method::DELETE, "/tenants/acme", None).await,
        api.get("/log").await,
        api.get("/log?follow=true").await,
        api.get("/diagnose/request/r-0123").await,
    ] {
        let line = err(&r, 403, "operator_key_required");
        assert!(line.contains("scoped to one tenant"), "{line}");
    }
    assert_eq!(env.json(&["tenant", "list"]).as_array().unwrap().len(), 2);
    srv.stop();
}

async fn each_endpoint_group_answers_what_the_cli_prints(env: TestEnv) {
    env.write_config(&format!("public_url = \"{PUBLIC_URL}\"\n"));
    let key = create_key(&env, "ops", &[]);
    let srv = Server::start(&env);
    let api = Api::new(&srv, Some(&key));
    let t = |sub: &str| format!("/tenants/acme{sub}");

    // tenants: create via the API (one tenant), via the CLI (another): same shape.
    let created = ok(
        &api.post("/tenants", json!({"name": "Acme", "id": "acme"}))
            .await,
        201,
    );
    let cli_created = env.json(&["tenant", "create", "Beta", "--id", "beta"]);
    same_shape(&created, &cli_created, "tenant create");
    assert_eq!(
        str_key(&created, "tenant_url"),
        format!("{PUBLIC_URL}/scim/v2/acme")
    );
    // Reads: equal to the CLI's output, value for value.
    let reads: Vec<(String, Vec<&str>)> = vec![
        ("/tenants".into(), vec!["tenant", "list"]),
        (t(""), vec!["tenant", "show", "acme"]),
        (t("/url"), vec!["--tenant", "acme", "url"]),
        ("/mapping".into(), vec!["mapping", "show"]),
    ];
    for (path, args) in &reads {
        assert_eq!(ok(&api.get(path).await, 200), env.json(args), "{path}");
    }

    // scim
    let on = ok(&api.post(&t("/scim/enable"), json!({})).await, 200);
    assert_eq!(
        on,
        json!({"tenant_id": "acme", "scim_enabled": true, "changed": true})
    );
    let cli_on = env.json(&["--tenant", "beta", "scim", "enable"]);
    same_shape(&on, &cli_on, "scim enable");
    let off = ok(&api.post(&t("/scim/disable"), json!({})).await, 200);
    assert_eq!(off["scim_enabled"], false);
    ok(&api.post(&t("/scim/enable"), json!({})).await, 200);

    // token: generated through the API, it works on the SCIM endpoint;
    // regenerated through the API, the old one is refused at once.
    let gen_r = api.call(Method::POST, &t("/token/generate"), None).await;
    let generated = ok(&gen_r, 201);
    let cli_gen = env.json(&["--tenant", "beta", "token", "generate"]);
    same_shape(&generated, &cli_gen, "token generate");
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(
        serde_json::from_str::<serde_json::Map<String, Value>>(&gen_r.text)
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>(),
        keys(&cli_gen),
        "the same fields in the same order"
    );
    let old = str_key(&generated, "token").to_owned();
    assert_token_shape(&old);
    srv.client("acme", &old).get("/Users").await.ok(200);
    let twice = api.post(&t("/token/generate"), json!({})).await;
    assert_eq!(
        err(&twice, 409, "token_exists"),
        cli_error(&env, &["--tenant", "beta", "token", "generate"], 6)
            .replace("\"Beta\"", "\"Acme\"")
            .replacen(
                str_key(&cli_gen, "fingerprint"),
                str_key(&generated, "fingerprint"),
                1
            )
    );
    let regen = ok(&api.post(&t("/token/regenerate"), json!({})).await, 201);
    let new = str_key(&regen, "token").to_owned();
    assert_eq!(str_key(&regen, "replaced_fingerprint"), fingerprint(&old));
    srv.client("acme", &old)
        .get("/Users")
        .await
        .error(401, None, "invalid_token");
    srv.client("acme", &new).get("/Users").await.ok(200);
    // With a grace period, then ending it: the CLI's revoke --previous shape.
    let graced = ok(
        &api.post(&t("/token/regenerate"), json!({"grace": "1h"}))
            .await,
        201,
    );
    assert!(graced["replaced_valid_until"].is_string(), "{graced}");
    let status = ok(&api.get(&t("/token/status")).await, 200);
    assert_eq!(status, env.json(&["--tenant", "acme", "token", "status"]));
    assert!(status["previous"].is_object(), "{status}");
    let revoked = ok(
        &api.post(&t("/token/revoke"), json!({"previous": true}))
            .await,
        200,
    );
    assert_eq!(
        revoked,
        json!({"tenant_id": "acme", "revoked": [fingerprint(&new)]})
    );
    let bad_grace = api
        .post(&t("/token/regenerate"), json!({"grace": "40d"}))
        .await;
    let line = err(&bad_grace, 400, "invalid_value");
    let cli_line = cli_error(
        &env,
        &["--tenant", "beta", "token", "regenerate", "--grace", "40d"],
        8,
    );
    assert_eq!(line, cli_line);
    assert_eq!(
        ok(&api.get(&t("/scim/status")).await, 200),
        env.json(&["--tenant", "acme", "scim", "status"])
    );

    // users
    let added = ok(
        &api.post(
            &t("/users"),
            json!({"email": "jane@example.com", "given_name": "Jane", "family_name": "Doe"}),
        )
        .await,
        201,
    );
    let cli_added = env.json(&[
        "--tenant",
        "beta",
        "users",
        "add",
        "joe@example.com",
        "--given-name",
        "Joe",
        "--family-name",
        "Bloggs",
    ]);
    same_shape(&added, &cli_added, "users add");
    ok(
        &api.post(
            &t("/users"),
            json!({"email": "zed@example.com", "given_name": "Zed", "family_name": "Z", "central": true}),
        )
        .await,
        201,
    );
    for (q, args) in [
        ("", vec![]),
        ("?limit=1", vec!["--limit", "1"]),
        (
            "?limit=1&after=jane%40example.com",
            vec!["--limit", "1", "--after", "jane@example.com"],
        ),
        ("?search=ZED", vec!["--search", "ZED"]),
        (
            "?managed_by=tenant&inactive=false",
            vec!["--managed-by", "tenant"],
        ),
    ] {
        let mut cli = vec!["--tenant", "acme", "users", "list"];
        cli.extend(args);
        assert_eq!(
            ok(&api.get(&t(&format!("/users{q}"))).await, 200),
            env.json(&cli),
            "{q}"
        );
    }
    assert_eq!(
        ok(&api.get(&t("/users/jane@example.com")).await, 200),
        env.json(&["--tenant", "acme", "users", "show", "jane@example.com"])
    );
    // Invalid input: the CLI's reason and wording.
    let r = api
        .post(
            &t("/users"),
            json!({"email": "not-an-email", "given_name": "A", "family_name": "B"}),
        )
        .await;
    assert_eq!(
        err(&r, 400, "invalid_email"),
        cli_error(
            &env,
            &[
                "--tenant",
                "acme",
                "users",
                "add",
                "not-an-email",
                "--given-name",
                "A",
                "--family-name",
                "B"
            ],
            8
        )
    );
    let r = api.get(&t("/users/nobody@example.com")).await;
    assert_eq!(
        err(&r, 404, "user_not_found"),
        cli_error(
            &env,
            &["--tenant", "acme", "users", "show", "nobody@example.com"],
            5
        )
    );
    err(&api.get(&t("/users?limit=0")).await, 400, "invalid_value");
    err(
        &api.get(&t("/users?managed_by=martians")).await,
        400,
        "invalid_value",
    );
    err(
        &api.get(&t("/users?color=red")).await,
        400,
        "invalid_request",
    );
    err(
        &api.call(Method::POST, &t("/users"), None).await,
        400,
        "invalid_request",
    );

    // properties and groups
    let prop = ok(
        &api.post(&t("/properties"), json!({"name": "Hotel"})).await,
        201,
    );
    same_shape(
        &prop,
        &env.json(&["--tenant", "beta", "properties", "add", "Inn"]),
        "properties add",
    );
    assert_eq!(
        ok(&api.get(&t("/properties")).await, 200),
        env.json(&["--tenant", "acme", "properties", "list"])
    );
    let group = ok(
        &api.post(&t("/groups"), json!({"name": "Staff"})).await,
        201,
    );
    same_shape(
        &group,
        &env.json(&["--tenant", "beta", "groups", "create", "Crew"]),
        "groups create",
    );
    let dup = api.post(&t("/groups"), json!({"name": "staff"})).await;
    assert_eq!(
        err(&dup, 409, "group_exists"),
        cli_error(&env, &["--tenant", "acme", "groups", "create", "staff"], 6)
    );
    let assigned = ok(
        &api.post(
            &t("/groups/Staff/assign"),
            json!({"properties": ["Hotel"], "roles": ["manager"]}),
        )
        .await,
        200,
    );
    assert_eq!(assigned["properties"], json!(["Hotel"]));
    assert_eq!(assigned["roles"], json!(["manager"]));
    assert_eq!(
        ok(&api.get(&t("/groups")).await, 200),
        env.json(&["--tenant", "acme", "groups", "list"])
    );
    assert_eq!(
        ok(&api.get(&t("/groups/staff?limit=5")).await, 200),
        env.json(&[
            "--tenant", "acme", "groups", "show", "staff", "--limit", "5"
        ])
    );
    let r = api
        .post(&t("/groups/Nope/assign"), json!({"roles": ["x"]}))
        .await;
    err(&r, 404, "group_not_found");

    // diagnose and log: a failed SCIM request to look at.
    let scim = srv.client("acme", str_key(&graced, "token"));
    let failed = scim.get("/Users/not-a-user").await;
    failed.error(404, None, "not_found");
    let rid = failed.request_id().to_owned();
    wait_for_log(&env, &rid);
    let log = ok(
        &api.get(&t(&format!("/log?errors=true&request={rid}")))
            .await,
        200,
    );
    let cli_log = log_lines(&env, &["--tenant", "acme", "--errors", "--request", &rid]);
    assert_eq!(log.as_array().unwrap(), &cli_log);
    assert_eq!(cli_log.len(), 1);
    let all = ok(&api.get("/log?since=1h&limit=500").await, 200);
    assert!(all.as_array().unwrap().len() >= cli_log.len());
    err(&api.get(&t("/log?since=soon")).await, 400, "invalid_value");
    assert_eq!(
        ok(&api.get(&t(&format!("/diagnose/request/{rid}"))).await, 200),
        env.json(&["diagnose", "request", &rid])
    );
    let r = api
        .get(&format!("/tenants/beta/diagnose/request/{rid}"))
        .await;
    err(&r, 404, "request_not_found");
    let du = ok(&api.get(&t("/diagnose/user/jane@example.com")).await, 200);
    let cli_du = env.json(&["--tenant", "acme", "diagnose", "user", "jane@example.com"]);
    assert_eq!(du, cli_du);
    let dt = ok(&api.get(&t("/diagnose/tenant")).await, 200);
    let cli_dt = env.json(&["--tenant", "acme", "diagnose", "tenant"]);
    same_shape(&dt, &cli_dt, "diagnose tenant");

    // tenant delete: the DELETE is the confirmation.
    let deleted = ok(&api.call(Method::DELETE, "/tenants/acme", None).await, 200);
    assert_eq!(deleted, json!({"deleted": "acme"}));
    assert_eq!(deleted.as_object().unwrap().len(), 1);
    same_shape(
        &deleted,
        &env.json(&["tenant", "delete", "beta", "--yes"]),
        "tenant delete",
    );
    err(&api.get(&t("")).await, 404, "tenant_not_found");

    // Every state change through the API is audited under the key's name.
    for action in ["scim.enable", "token.generate", "group.create", "user.add"] {
        let actors = audit_actors(&env, action);
        assert!(
            actors.contains(&"admin:ops".to_owned()),
            "{action}: {actors:?}"
        );
        assert!(
            actors.contains(&"cli:tester".to_owned()),
            "{action}: {actors:?}"
        );
    }
    assert_eq!(
        audit_actors(&env, "token.regenerate"),
        ["admin:ops", "admin:ops"]
    );
    let assigns = audit_actors(&env, "group.assign");
    assert!(
        !assigns.is_empty() && assigns.iter().all(|a| a == "admin:ops"),
        "{assigns:?}"
    );
    assert_eq!(
        audit_actors(&env, "tenant.create"),
        ["admin:ops", "cli:tester"]
    );
    srv.stop();
}

async fn no_admin_key_or_token_in_the_server_log_at_trace(env: TestEnv) {
    env.tenant("Acme", "acme");
    let key = create_key(&env, "ops", &[]);
    let srv = Server::start_with(&env, &["-vvv"], &[]);
    let api = Api::new(&srv, Some(&key));
    ok(&api.post("/tenants/acme/scim/enable", json!({})).await, 200);
    let issued = ok(
        &api.post("/tenants/acme/token/generate", json!({})).await,
        201,
    );
    let token = str_key(&issued, "token").to_owned();
    let regen = ok(
        &api.post("/tenants/acme/token/regenerate", json!({})).await,
        201,
    );
    let token2 = str_key(&regen, "token").to_owned();
    srv.client("acme", &token2).get("/Users").await.ok(200);
    err(
        &Api::new(&srv, Some(&format!("{key}x")))
            .get("/tenants")
            .await,
        401,
        "invalid_admin_key",
    );
    let stderr = srv.stop();
    assert!(
        stderr.contains("/admin/v1/tenants/acme/token/generate"),
        "access log"
    );
    assert!(
        stderr.contains("DEBUG") || stderr.contains("TRACE"),
        "verbose"
    );
    for secret in [&key, &token, &token2] {
        let body = secret.split_once('_').unwrap().1;
        assert!(
            !stderr.contains(body),
            "secret bytes in the server's stderr"
        );
    }
    assert!(!stderr.to_lowercase().contains("authorization: bearer"));
}

#[test]
fn a_store_of_the_previous_version_upgrades() {
    let env = TestEnv::new();
    // The store as the previous version made it: migration 0001 only.
    std::fs::create_dir_all(env.store().parent().unwrap()).unwrap();
    {
        let c = rusqlite::Connection::open(env.store()).unwrap();
        c.execute_batch(include_str!(
            "../../src/engine/store/sqlite/migrations/0001_init.sql"
        ))
        .unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.execute(
            "INSERT INTO tenants (id, name, name_lower, policy, scim_enabled, created_at) VALUES ('old', 'Old', 'old', 'product', 1, 0)",
            [],
        )
        .unwrap();
    }
    let list = env.json(&["tenant", "list"]);
    assert_eq!(str_key(&list[0], "id"), "old", "data survives the upgrade");
    let v: i64 = env
        .sql()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, scimctl::engine::store::sqlite::SCHEMA_VERSION);
    let k = env.json(&["admin-key", "create", "ops", "--tenant", "old"]);
    assert_eq!(str_key(&k, "tenant_id"), "old");
    assert_eq!(env.count("admin_keys"), 1);
    // A scoped key goes with its tenant.
    env.ok(&["tenant", "delete", "old", "--yes"]);
    assert_eq!(env.count("admin_keys"), 0);
}

/// Reads a followed log until a line satisfies `want`, or fails after 10 s.
async fn next_line(
    res: &mut reqwest::Response,
    pending: &mut String,
    want: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        while let Some(i) = pending.find('\n') {
            let line: String = pending.drain(..=i).collect();
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(&line).expect("a JSON line");
            if want(&v) {
                return v;
            }
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let chunk = tokio::time::timeout(left, res.chunk())
            .await
            .expect("the record arrives within 10 s")
            .expect("the stream stays open")
            .expect("the stream has not ended");
        pending.push_str(std::str::from_utf8(&chunk).unwrap());
    }
}

/// `log?follow=true` (what `scimctl log --follow` uses remotely): the
/// matching history first, then each new record as the server writes it,
/// filters applied; the stream ends when the server shuts down, which does
/// not wait for it. `since` takes an RFC 3339 time as well as a duration,
/// `after` a sequence number.
async fn the_log_is_followed_as_a_stream_that_ends_at_shutdown(env: TestEnv) {
    let token = scim_tenant(&env, "Acme", "acme", "product");
    let key = create_key(&env, "ops", &[]);
    let srv = Server::start(&env);
    let scim = srv.client("acme", &token);
    let first = scim.get("/Users?count=1").await;
    first.ok(200);
    wait_for_log(&env, first.request_id());

    let api = Api::new(&srv, Some(&key));
    let mut res = api
        .http
        .get(format!(
            "{}/tenants/acme/log?follow=true&errors=true&limit=5",
            api.base
        ))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "application/x-ndjson"
    );
    assert_eq!(res.headers()["cache-control"].to_str().unwrap(), "no-store");
    let mut pending = String::new();
    // A failed request arrives; the successful one before it does not (errors=true).
    let bad = scim.with_token(Some("scim_wrong")).get("/Users").await;
    let v = next_line(&mut res, &mut pending, |_| true).await;
    assert_eq!(str_key(&v, "request_id"), bad.request_id());
    assert_eq!(v["status"], 401);
    assert_eq!(str_key(&v, "reason"), "invalid_token");

    // The same record through since (RFC 3339) and after.
    let seq = v["seq"].as_i64().unwrap();
    let since = form(str_key(&v, "at"));
    let back = ok(
        &api.get(&format!(
            "/tenants/acme/log?since={since}&after={}",
            seq - 1
        ))
        .await,
        200,
    );
    let ids: Vec<&str> = back
        .as_array()
        .unwrap()
        .iter()
        .map(|r| str_key(r, "request_id"))
        .collect();
    assert_eq!(ids, [bad.request_id()]);

    // Shutdown ends the stream, and the server stops at once.
    let started = std::time::Instant::now();
    srv.stop();
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let rest = tokio::time::timeout(std::time::Duration::from_secs(5), async {
        while let Ok(Some(_)) = res.chunk().await {}
    })
    .await;
    assert!(rest.is_ok(), "the stream ends with the server");
}
