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
