//! Zero-downtime token rotation (issue 8, item 4): `token regenerate
//! --grace` keeps the previous token valid for the grace period, the log
//! says which token each request used, `token revoke --previous` ends it
//! early — against the real server in another process.

use std::time::Duration;

use crate::server::*;
use crate::support::*;

both_modes!(a_grace_period_must_be_sensible,);

both_modes!(
    async
    rotation_with_grace_keeps_both_tokens_until_the_previous_is_revoked,
    a_client_hammering_through_the_rotation_sees_no_401,
);

fn status(env: &TestEnv) -> serde_json::Value {
    env.json(&["--tenant", "acme", "token", "status"])
}

async fn rotation_with_grace_keeps_both_tokens_until_the_previous_is_revoked(env: TestEnv) {
    let old = scim_tenant(&env, "Acme", "acme", "product");
    let srv = Server::start(&env);
    srv.client("acme", &old).get("/Users").await.ok(200);

    let issued = env.json(&["--tenant", "acme", "token", "regenerate", "--grace", "1h"]);
    let new = str_key(&issued, "token").to_owned();
    assert_token_shape(&new);
    let until = time_key(&issued, "replaced_valid_until");
    let left = until - time::OffsetDateTime::now_utc();
    assert!(
        left > time::Duration::minutes(59) && left <= time::Duration::hours(1),
        "{left}"
    );

    // Both work during the grace period; the log tells them apart.
    let r_old = srv.client("acme", &old).get("/Users").await;
    r_old.ok(200);
    srv.client("acme", &new).get("/Users").await.ok(200);
    let rec = wait_for_log(&env, r_old.request_id());
    let note = str_key(&rec, "token_note");
    assert!(
        note.starts_with("used the previous token, accepted in its grace period until"),
        "{note}"
    );
    let s = status(&env);
    assert_eq!(
        str_key(&s["previous"], "fingerprint"),
        str_key(&issued, "replaced_fingerprint")
    );
    assert_eq!(
        str_key(&s["token"], "fingerprint"),
        str_key(&issued, "fingerprint")
    );
    let out = env.ok(&["--tenant", "acme", "token", "status"]);
    assert!(
        out.contains("previous token") && out.contains("token revoke --previous"),
        "{out}"
    );

    // Ending it early: the old token is refused at once, the new one works.
    env.ok(&["--tenant", "acme", "token", "revoke", "--previous"]);
    let r = srv.client("acme", &old).get("/Users").await;
    r.error(401, None, "invalid_token");
    srv.client("acme", &new).get("/Users").await.ok(200);
    assert!(status(&env)["previous"].is_null());
    let e = env.fail(&["--tenant", "acme", "token", "revoke", "--previous"], 5);
    assert!(e.contains("no previous token"), "{e}");
    wait_for_log(&env, r.request_id());
    let d = env.json(&["diagnose", "request", r.request_id()]);
    assert_eq!(str_key(&d["findings"][0], "code"), "revoked_token");

    // A second rotation ends any earlier previous token, and a grace period
    // runs out by itself.
    env.ok(&["--tenant", "acme", "token", "regenerate", "--grace", "1s"]);
    let newest = env
        .ok(&[
            "--tenant",
            "acme",
            "--quiet",
            "token",
            "regenerate",
            "--grace",
            "1s",
        ])
        .trim_end()
        .to_owned();
    srv.client("acme", &new)
        .get("/Users")
        .await
        .error(401, None, "invalid_token");
    tokio::time::sleep(Duration::from_millis(1300)).await;
    srv.client("acme", &newest).get("/Users").await.ok(200);
    assert!(
        status(&env)["previous"].is_null(),
        "expired grace is not shown"
    );
    srv.stop();
}

fn a_grace_period_must_be_sensible(env: TestEnv) {
    env.tenant("Acme", "acme");
    env.ok(&["scim", "enable"]);
    env.ok(&["--quiet", "token", "generate"]);
    let e = env.fail(&["token", "regenerate", "--grace", "31d"], 8);
    assert!(e.contains("at most 30 days"), "{e}");
    let e = env.fail(&["token", "regenerate", "--grace", "0s"], 8);
    assert!(e.contains("more than 0"), "{e}");
    // clap's own usage error (code 2, and the duration hint).
    let out = env
        .cmd(["token", "regenerate", "--grace", "soon"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("write a duration such as 30s"), "{stderr}");
    // Nothing changed: the one token is still the active one, no previous.
    let s = env.json(&["token", "status"]);
    assert!(s["previous"].is_null());
}

/// The README's CI recipe, end to end, while an IdP hammers the endpoint:
/// regenerate with a grace period, switch the client to the new token,
/// test-connection with it, revoke the previous one — the client never
/// sees a 401 while it switches within the grace.
async fn a_client_hammering_through_the_rotation_sees_no_401(env: TestEnv) {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::{Arc, Mutex};

    let old = scim_tenant(&env, "Acme", "acme", "product");
    let srv = Server::start(&env);
    let current = Arc::new(Mutex::new(old.clone()));
    let stop = Arc::new(AtomicBool::new(false));
    let (ok, refused) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let base = srv.tenant_url("acme");
    let hammer = {
        let (current, stop, ok, refused) =
            (current.clone(), stop.clone(), ok.clone(), refused.clone());
        tokio::spawn(async move {
            let _ = rustls::crypto::ring::default_provider().install_default();
            let http = reqwest::Client::builder().no_proxy().build().unwrap();
            while !stop.load(Ordering::Relaxed) {
                let token = current.lock().unwrap().clone();
                let r = http
                    .get(format!("{base}/Users?count=1"))
                    .bearer_auth(&token)
                    .timeout(Duration::from_secs(10))
                    .send()
                    .await
                    .unwrap();
                match r.status().as_u16() {
                    200 => ok.fetch_add(1, Ordering::Relaxed),
                    401 => refused.fetch_add(1, Ordering::Relaxed),
                    s => panic!("unexpected status {s}"),
                };
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;

    // 1. New token, the old one valid for an hour.
    let issued = env.json(&["--tenant", "acme", "token", "regenerate", "--grace", "1h"]);
    let new = str_key(&issued, "token").to_owned();
    tokio::time::sleep(Duration::from_millis(200)).await;
    // 2. The IdP gets the new token (here: the hammering client switches).
    *current.lock().unwrap() = new.clone();
    // 3. test-connection with the new token, from stdin.
    let out = env
        .cmd([
            "--tenant",
            "acme",
            "test-connection",
            "--token-stdin",
            "--url",
            &srv.tenant_url("acme"),
        ])
        .write_stdin(new.clone())
        .output()
        .unwrap();
    expect_success(&["test-connection"], &out);
    // 4. The previous token ends.
    env.ok(&["--tenant", "acme", "token", "revoke", "--previous"]);
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    hammer.await.unwrap();

    assert!(ok.load(Ordering::Relaxed) > 10, "the client kept working");
    assert_eq!(
        refused.load(Ordering::Relaxed),
        0,
        "no 401 during the rotation"
    );
    let r = srv.client("acme", &old).get("/Users").await;
    r.error(401, None, "invalid_token");
    srv.client("acme", &new).get("/Users").await.ok(200);
    srv.stop();
}

// ---- the token cache: a change is seen on the very next request --------
//
// `serve` keeps verified tokens in memory (engine/auth.rs); these tests
// change a tenant's token or SCIM switch from another process (the CLI on
// the same store file) and through the server's own admin API, and check
// that the very next request — a read, a read with a body, a write, each
// taking its own path through the cache — is refused. Each request kind is
// the first after a change in some rounds, so that each path's own check
// of the store's stamp is what refuses it; and in some rounds the server
// commits something else between the change and that request.

use serde_json::{Value, json};

/// The request kinds, each of which consults the cache its own way: a GET
/// in its read transaction, `.search` and writes before reading the body.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Get,
    Search,
    Patch,
    Create,
}

const KINDS: [Kind; 4] = [Kind::Get, Kind::Search, Kind::Patch, Kind::Create];

/// What happens between a change and the request that must see it.
#[derive(Clone, Copy, Debug)]
enum Between {
    Nothing,
    /// Another tenant's IdP writes through the same server (its token
    /// check reads the stamp first).
    ScimWrite,
    /// An admin adds a member to another tenant through the same server:
    /// a commit of the server's own, with no stamp read before it, that
    /// must not pass the change off as its own.
    AdminWrite,
}

/// How a change is made.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Via {
    /// The CLI on the store file: another process.
    Cli,
    /// The admin API of the server that answers the SCIM requests.
    AdminApi,
}

/// A change to tenant acme that its current token must not survive.
#[derive(Clone, Copy, Debug)]
enum Change {
    Regenerate,
    Revoke,
    Generate,
    Disable,
    Enable,
    Delete,
}

/// The server, another tenant's client, an operator key, and the user the
/// requests are about.
struct Probe {
    // Before `env`: the server goes before its store's directory.
    srv: Server,
    env: TestEnv,
    other: Scim,
    http: reqwest::Client,
    admin_key: String,
    user: String,
    /// Requests sent, for unique names and alternating values.
    n: u32,
}

impl Probe {
    /// Tenants acme and beta with SCIM on; returns acme's token too.
    async fn start() -> (Probe, String) {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let env = TestEnv::new();
        let token = scim_tenant(&env, "Acme", "acme", "product");
        let beta = scim_tenant(&env, "Beta", "beta", "product");
        let admin_key = env
            .ok(&["--quiet", "admin-key", "create", "rotation-ops"])
            .trim_end()
            .to_owned();
        // Failed authentications are the point here: no budget for them.
        let srv = Server::start_with(&env, &[], &[("SCIMCTL_AUTH_FAILURES_PER_MINUTE", "0")]);
        let user = srv
            .client("acme", &token)
            .create_user("cached@acme.example")
            .await;
        let probe = Probe {
            other: srv.client("beta", &beta),
            http: reqwest::Client::builder().no_proxy().build().unwrap(),
            env,
            srv,
            admin_key,
            user,
            n: 0,
        };
        (probe, token)
    }

    async fn send(&mut self, token: &str, kind: Kind) -> Resp {
        let c = self.srv.client("acme", token);
        self.n += 1;
        let user = &self.user;
        match kind {
            Kind::Get => c.get(&format!("/Users/{user}")).await,
            Kind::Search => {
                let body = json!({
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                    "filter": "userName eq \"cached@acme.example\""
                });
                c.post("/Users/.search", &body).await
            }
            Kind::Patch => {
                let value = if self.n.is_multiple_of(2) {
                    "True"
                } else {
                    "False"
                };
                let op = json!([{"op": "Replace", "path": "active", "value": value}]);
                c.patch(&format!("/Users/{user}"), &patch_op(op)).await
            }
            Kind::Create => {
                let name = format!("new{}@acme.example", self.n);
                c.post("/Users", &entra_user(&name, "New", "User", None))
                    .await
            }
        }
    }

    /// Every kind succeeds with `token`, twice (so it is cached).
    async fn accepted(&mut self, token: &str) {
        for _ in 0..2 {
            for kind in KINDS {
                let r = self.send(token, kind).await;
                assert!(r.status < 300, "{kind:?} with a valid token:\n{r}");
            }
        }
    }

    /// After `what` and `between`: `first`, then every other kind, is
    /// refused with `status` and `reason`.
    async fn refused(
        &mut self,
        token: &str,
        (what, between): (&str, Between),
        first: Kind,
        (status, reason): (u16, &str),
    ) {
        self.n += 1;
        match between {
            Between::Nothing => {}
            Between::ScimWrite => {
                let name = format!("other{}@beta.example", self.n);
                self.other.create_user(&name).await;
            }
            Between::AdminWrite => {
                let body = json!({"email": format!("admin{}@beta.example", self.n),
                    "given_name": "A", "family_name": "B"});
                self.admin(reqwest::Method::POST, "/tenants/beta/users", body)
                    .await;
            }
        }
        let r = self.send(token, first).await;
        assert_eq!(
            r.status, status,
            "the first request ({first:?}) after {what}, then {between:?}, was not refused:\n{r}"
        );
        r.error(status, None, reason);
        for kind in KINDS {
            let r = self.send(token, kind).await;
            assert_eq!(r.status, status, "{kind:?} after {what}:\n{r}");
        }
    }

    async fn admin(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = format!("{}/admin/v1{path}", self.srv.origin());
        let r = self
            .http
            .request(method, &url)
            .bearer_auth(&self.admin_key)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        assert!(status.is_success(), "{url}: {status} {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// Makes `change` to tenant acme; returns the new token, if it made one.
    async fn change(&self, change: Change, via: Via) -> Option<String> {
        use reqwest::Method;
        let (args, method, path): (&[&str], Method, &str) = match change {
            Change::Regenerate => (&["token", "regenerate"], Method::POST, "/token/regenerate"),
            Change::Revoke => (&["token", "revoke"], Method::POST, "/token/revoke"),
            Change::Generate => (&["token", "generate"], Method::POST, "/token/generate"),
            Change::Disable => (&["scim", "disable"], Method::POST, "/scim/disable"),
            Change::Enable => (&["scim", "enable"], Method::POST, "/scim/enable"),
            Change::Delete => (&["tenant", "delete", "acme", "--yes"], Method::DELETE, ""),
        };
        let token = match via {
            Via::Cli => {
                let mut all = vec!["--tenant", "acme", "--quiet"];
                all.extend_from_slice(args);
                Some(self.env.ok(&all).trim_end().to_owned())
            }
            Via::AdminApi => {
                let path = format!("/tenants/acme{path}");
                let v = self.admin(method, &path, json!({})).await;
                v.get("token").and_then(Value::as_str).map(str::to_owned)
            }
        };
        token.filter(|t| t.starts_with("scim_"))
    }
}

async fn changes_apply_on_the_very_next_request(via: Via) {
    let (mut p, mut token) = Probe::start().await;
    let betweens = [Between::Nothing, Between::AdminWrite, Between::ScimWrite];
    for (round, first) in KINDS.into_iter().cycle().take(12).enumerate() {
        let between = betweens[round % 3];
        // Regenerated: the old token is refused, the new one works.
        p.accepted(&token).await;
        let new = p.change(Change::Regenerate, via).await.expect("new token");
        let what = format!("a regenerate ({via:?})");
        p.refused(&token, (&what, between), first, (401, "invalid_token"))
            .await;
        token = new;

        // Revoked, then a new token.
        p.accepted(&token).await;
        p.change(Change::Revoke, via).await;
        let what = format!("a revoke ({via:?})");
        p.refused(&token, (&what, between), first, (401, "invalid_token"))
            .await;
        token = p.change(Change::Generate, via).await.expect("new token");

        // SCIM turned off, then on again.
        p.accepted(&token).await;
        p.change(Change::Disable, via).await;
        let what = format!("SCIM turned off ({via:?})");
        p.refused(&token, (&what, between), first, (403, "scim_disabled"))
            .await;
        p.change(Change::Enable, via).await;
    }

    // The tenant deleted: its token is refused like any other.
    p.accepted(&token).await;
    p.change(Change::Delete, via).await;
    let what = format!("the tenant was deleted ({via:?})");
    p.refused(
        &token,
        (&what, Between::AdminWrite),
        Kind::Get,
        (401, "invalid_token"),
    )
    .await;
    p.srv.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_by_another_process_applies_to_the_very_next_request() {
    changes_apply_on_the_very_next_request(Via::Cli).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_through_the_admin_api_applies_to_the_very_next_request() {
    changes_apply_on_the_very_next_request(Via::AdminApi).await;
}
