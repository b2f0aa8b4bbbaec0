//! Zero-downtime token rotation (issue 8, item 4): `token regenerate
//! --grace` keeps the previous token valid for the grace period, the log
//! says which token each request used, `token revoke --previous` ends it
//! early — against the real server in another process.

use std::time::Duration;

use crate::server::*;
use crate::support::*;

fn status(env: &TestEnv) -> serde_json::Value {
    env.json(&["--tenant", "acme", "token", "status"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotation_with_grace_keeps_both_tokens_until_the_previous_is_revoked() {
    let env = TestEnv::new();
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

#[test]
fn a_grace_period_must_be_sensible() {
    let env = TestEnv::new();
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
