//! The support tools (issue 6): `diagnose user|request|tenant` for each
//! troubleshooting case of the vendor article, built through the real CLI
//! and the real server, and `users list|show`, `groups show` over the store.

use serde_json::{Value, json};

use crate::server::*;
use crate::support::*;

both_modes!(
    diagnose_refuses_what_it_cannot_know,
    users_list_filters_and_pages_in_email_order,
    groups_show_lists_members_and_assignments,
);

both_modes!(
    async
    diagnose_user_gives_the_verdict_and_fix_for_each_case_of_the_article,
    a_regenerated_token_and_a_failing_idp_show_in_diagnose_tenant,
);

/// `diagnose ARGS --output json` in tenant `acme`.
fn diagnose(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["--tenant", "acme", "diagnose"];
    all.extend_from_slice(args);
    env.json(&all)
}

/// The findings' codes, most important first.
fn codes(d: &Value) -> Vec<String> {
    array_key(d, "findings")
        .iter()
        .map(|f| str_key(f, "code").to_owned())
        .collect()
}

/// The first finding (the verdict): its code, severity and fix.
fn verdict(d: &Value) -> (String, String, String) {
    let f = &array_key(d, "findings")[0];
    (
        str_key(f, "code").to_owned(),
        str_key(f, "severity").to_owned(),
        opt_str_key(f, "fix").unwrap_or("").to_owned(),
    )
}

async fn diagnose_user_gives_the_verdict_and_fix_for_each_case_of_the_article(env: TestEnv) {
    let token = scim_tenant(&env, "Acme Hotels", "acme", "product");
    scim_tenant(&env, "Other Portfolio", "other", "product");
    env.ok(&["--tenant", "acme", "properties", "add", "Seaside"]);
    add_member(&env, "acme", "pre@acme.example", false);
    add_member(&env, "acme", "boss@acme.example", true);
    add_member(&env, "other", "shared@acme.example", false);
    add_member(&env, "acme", "shared@acme.example", false);
    add_member(&env, "other", "taken@other.example", false);
    let srv = Server::start(&env);
    let c = srv.client("acme", &token);

    // Not provisioned: nothing names the user anywhere.
    let d = diagnose(&env, &["user", "nobody@acme.example"]);
    let (code, severity, fix) = verdict(&d);
    assert_eq!(
        (code.as_str(), severity.as_str()),
        ("not_provisioned", "info")
    );
    assert!(fix.contains("assign the user"), "{fix}");
    assert!(!bool_key(key(&d, "facts"), "account_exists"));

    // Pending transfer, identical data: Entra matched the user by filter and
    // never wrote to it (the case the article warns about).
    assert_eq!(
        c.find_users("userName eq \"PRE@acme.example\"").await.len(),
        1
    );
    let r = c
        .get(&format!(
            "/Users?filter={}",
            form("userName eq \"pre@acme.example\"")
        ))
        .await;
    wait_for_log(&env, r.request_id());
    let d = diagnose(&env, &["user", "pre@acme.example"]);
    let (code, severity, fix) = verdict(&d);
    assert_eq!(
        (code.as_str(), severity.as_str()),
        ("pending_transfer", "warning")
    );
    assert!(fix.contains("mailNickname → externalId"), "{fix}");
    assert_eq!(str_key(&d["facts"]["member"], "managed_by"), "tenant");
    assert!(
        !array_key(&d, "recent").is_empty(),
        "the matching GETs are listed"
    );

    // A write transfers it; the request's diagnosis says so.
    let id = c
        .find_users("userName eq \"pre@acme.example\"")
        .await
        .remove(0);
    let r = c
        .patch(
            &format!("/Users/{id}"),
            &patch_op(json!([{"op": "Add", "path": "externalId", "value": "pre"}])),
        )
        .await;
    r.ok(200);
    let rid = r.request_id().to_owned();
    wait_for_log(&env, &rid);
    let d = diagnose(&env, &["request", &rid]);
    assert!(codes(&d).contains(&"transferred".to_owned()), "{d:#}");
    assert_eq!(str_key(&d["user"]["member"], "managed_by"), "idp");

    // Self-managed (accounts outside the tenant) and central users: 403.
    for (email, reason) in [
        ("shared@acme.example", "external_accounts"),
        ("boss@acme.example", "central_user"),
    ] {
        let d = diagnose(&env, &["user", email]);
        let (code, severity, fix) = verdict(&d);
        assert_eq!(
            (code.as_str(), severity.as_str()),
            (reason, "problem"),
            "{email}"
        );
        assert!(fix.contains("manage this user in the product"), "{fix}");
        let id = c
            .find_users(&format!("userName eq \"{email}\""))
            .await
            .remove(0);
        let r = c.delete(&format!("/Users/{id}")).await;
        r.error(403, None, reason);
        let rid = r.request_id().to_owned();
        wait_for_log(&env, &rid);
        let d = diagnose(&env, &["request", &rid]);
        assert_eq!(verdict(&d).0, reason);
    }
    // The self-managed user's other tenant is a count, never a name.
    let out = env.ok(&[
        "--tenant",
        "acme",
        "diagnose",
        "user",
        "shared@acme.example",
    ]);
    assert!(out.contains("also linked to 1 other tenant(s)"), "{out}");
    assert!(!out.contains("Other Portfolio"), "{out}");

    // Owned elsewhere: every create gets 409 "user already exists".
    let r = c
        .post("/Users", &entra_user("taken@other.example", "T", "O", None))
        .await;
    r.error(409, Some("uniqueness"), "uniqueness");
    let rid = r.request_id().to_owned();
    wait_for_log(&env, &rid);
    let d = diagnose(&env, &["user", "taken@other.example"]);
    let (code, _, fix) = verdict(&d);
    assert_eq!(code, "owned_elsewhere");
    assert!(fix.contains("another email address"), "{fix}");
    assert_eq!(u64_key(key(&d, "facts"), "other_tenants"), 1);
    assert_eq!(
        verdict(&diagnose(&env, &["request", &rid])).0,
        "owned_elsewhere"
    );

    // No group with a property: no sign-up email, until the group gets one.
    let uid = c.create_user("jane@acme.example").await;
    let gid = c.create_group("Front desk").await;
    c.patch(
        &format!("/Groups/{gid}"),
        &patch_op(json!([{"op": "Add", "path": "members", "value": [{"value": uid}]}])),
    )
    .await
    .no_content();
    let d = diagnose(&env, &["user", "jane@acme.example"]);
    let (code, _, fix) = verdict(&d);
    assert_eq!(code, "no_property_group");
    assert!(
        str_key(&d["findings"][0], "verdict").contains("Front desk"),
        "{d:#}"
    );
    assert!(fix.contains("scimctl groups assign"), "{fix}");
    env.ok(&[
        "--tenant",
        "acme",
        "groups",
        "assign",
        "Front desk",
        "--property",
        "Seaside",
    ]);
    let d = diagnose(&env, &["user", "jane@acme.example"]);
    assert_eq!(codes(&d), ["ok"]);
    assert_eq!(
        str_key(&d["facts"]["member"]["invitation"], "state"),
        "queued"
    );
    let props = &d["facts"]["member"]["groups"][0]["properties"];
    assert_eq!(props, &json!(["Seaside"]));
    let g = env.json(&["--tenant", "acme", "groups", "show", "front desk"]);
    assert_eq!(u64_key(&g["group"], "member_count"), 1);
    assert_eq!(str_key(&g["members"][0], "email"), "jane@acme.example");
    assert_eq!(str_key(&g["members"][0], "managed_by"), "idp");

    // Disabled with Entra's string boolean.
    c.patch(
        &format!("/Users/{uid}"),
        &patch_op(json!([{"op": "Replace", "path": "active", "value": "False"}])),
    )
    .await
    .ok(200);
    let (code, _, fix) = verdict(&diagnose(&env, &["user", "jane@acme.example"]));
    assert_eq!(code, "disabled");
    assert!(fix.contains("active=true"), "{fix}");

    // SCIM disabled comes first, whatever else is true.
    env.ok(&["--tenant", "acme", "scim", "disable"]);
    let d = diagnose(&env, &["user", "jane@acme.example"]);
    assert_eq!(codes(&d)[..2], ["scim_disabled", "disabled"]);
    assert!(verdict(&d).2.contains("scimctl scim enable"));
    let r = c.get("/Users").await;
    r.error(403, None, "scim_disabled");
    let rid = r.request_id().to_owned();
    wait_for_log(&env, &rid);
    assert_eq!(
        verdict(&diagnose(&env, &["request", &rid])).0,
        "scim_disabled"
    );

    // People get the same answer as a table, verdict and fix last.
    let out = env.ok(&["--tenant", "acme", "diagnose", "user", "jane@acme.example"]);
    let tail: Vec<&str> = out
        .lines()
        .filter(|l| !l.is_empty())
        .rev()
        .take(4)
        .collect();
    assert!(
        out.contains("verdict: [problem] SCIM provisioning is disabled"),
        "{out}"
    );
    assert!(tail.iter().any(|l| l.starts_with("  fix: ")), "{out}");
    assert!(out.contains("recent requests (newest last):"), "{out}");
    srv.stop();
}

async fn a_regenerated_token_and_a_failing_idp_show_in_diagnose_tenant(env: TestEnv) {
    let old = scim_tenant(&env, "Acme Hotels", "acme", "product");
    add_member(&env, "acme", "pre@acme.example", false);
    let fresh = env
        .ok(&["--tenant", "acme", "--quiet", "token", "regenerate"])
        .trim_end()
        .to_owned();
    let srv = Server::start(&env);
    let c = srv.client("acme", &fresh);
    c.create_user("ok@acme.example").await;

    // The IdP still has the old token: every request of its cycle is 401.
    let stale = srv.client("acme", &old);
    let mut last = String::new();
    for _ in 0..12 {
        let r = stale.get("/Users").await;
        r.error(401, None, "invalid_token");
        last = r.request_id().to_owned();
    }
    wait_for_log(&env, &last);
    let d = diagnose(&env, &["request", &last]);
    let (code, severity, fix) = verdict(&d);
    assert_eq!(
        (code.as_str(), severity.as_str()),
        ("stale_token", "problem")
    );
    assert!(fix.contains("Secret Token"), "{fix}");

    let d = diagnose(&env, &["tenant"]);
    assert_eq!(u64_key(&d, "stale_token_requests"), 12);
    assert_eq!(u64_key(&d, "requests_24h"), 13);
    assert_eq!(u64_key(&d, "errors_24h"), 12);
    let hourly = array_key(&d, "hourly");
    assert_eq!(hourly.len(), 24);
    let summed: u64 = hourly.iter().map(|h| u64_key(h, "requests")).sum();
    assert_eq!(summed, 13);
    assert_eq!(
        u64_key(&hourly[23], "requests"),
        13,
        "this hour is the last"
    );
    assert_eq!(
        d["errors_by_reason"],
        json!([{"reason": "invalid_token", "count": 12}])
    );
    let c = codes(&d);
    // Most calls fail on credentials: Entra would quarantine the job.
    assert_eq!(c[..2], ["stale_token", "quarantine_risk"], "{c:?}");
    assert!(c.contains(&"pending_transfers".to_owned()), "{c:?}");
    assert_eq!(u64_key(&d, "pending_transfers"), 1);
    assert_eq!(d["pending_transfer_sample"], json!(["pre@acme.example"]));

    let out = env.ok(&["--tenant", "acme", "diagnose", "tenant"]);
    assert!(out.contains("12 request(s) in 24 h"), "{out}");
    assert!(out.contains("invalid_token  12"), "{out}");
    srv.stop();
}

fn diagnose_refuses_what_it_cannot_know(env: TestEnv) {
    env.tenant("Acme", "acme");
    let e = env.fail(&["diagnose", "request", "r-0000"], 5);
    assert!(
        e.contains("no request \"r-0000\" in the provisioning log"),
        "{e}"
    );
    assert!(e.contains("scimctl log"), "{e}");
    let e = env.fail(&["diagnose", "user", "not-an-email"], 8);
    assert!(e.contains("not-an-email"), "{e}");
    let d = env.json(&["diagnose", "tenant"]);
    assert_eq!(verdict(&d).0, "scim_disabled");
    assert!(codes(&d).contains(&"no_token".to_owned()));
}

fn users_list_filters_and_pages_in_email_order(env: TestEnv) {
    env.tenant("Acme", "acme");
    env.tenant("Other", "other");
    for e in [
        "dora@x.com",
        "Alice@x.com",
        "carl@x.com",
        "bob@x.com",
        "eve@x.com",
    ] {
        add_member(&env, "acme", e, false);
    }
    add_member(&env, "acme", "zed@x.com", true);
    add_member(&env, "other", "shared@x.com", false);
    add_member(&env, "acme", "shared@x.com", false);
    add_member(&env, "other", "hidden@x.com", false);

    // Pages of 3 join up to the whole tenant, in email order, nothing twice.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut args = vec!["--tenant", "acme", "users", "list", "--limit", "3"];
        if let Some(a) = &after {
            args.extend(["--after", a.as_str()]);
        }
        let page = env.json(&args);
        assert_eq!(u64_key(&page, "total"), 7);
        seen.extend(
            array_key(&page, "members")
                .iter()
                .map(|m| str_key(m, "email").to_owned()),
        );
        match opt_str_key(&page, "next") {
            Some(n) => after = Some(n.to_owned()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        [
            "Alice@x.com",
            "bob@x.com",
            "carl@x.com",
            "dora@x.com",
            "eve@x.com",
            "shared@x.com",
            "zed@x.com"
        ]
    );

    let emails = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--tenant", "acme", "users", "list"];
        all.extend_from_slice(args);
        array_key(&env.json(&all), "members")
            .iter()
            .map(|m| str_key(m, "email").to_owned())
            .collect()
    };
    assert_eq!(emails(&["--managed-by", "self"]), ["shared@x.com"]);
    assert_eq!(emails(&["--search", "ALI"]), ["Alice@x.com"]);
    assert_eq!(
        emails(&["--search", "pre existing", "--limit", "2"]).len(),
        2
    );
    // Central users are not pending a transfer: SCIM never writes them.
    assert_eq!(emails(&["--pending-transfer"]).len(), 5);
    assert!(emails(&["--inactive"]).is_empty());
    let e = env.fail(
        &[
            "--tenant",
            "acme",
            "users",
            "list",
            "--pending-transfer",
            "--managed-by",
            "idp",
        ],
        8,
    );
    assert!(e.contains("--pending-transfer"), "{e}");

    // The table names the next page.
    let out = env
        .cmd(["--tenant", "acme", "users", "list", "--limit", "2"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "2 of 7 member(s) shown. Next page: scimctl users list --after bob@x.com --limit 2"
        ),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.lines().next().unwrap().contains("MANAGED BY"),
        "{stdout}"
    );

    // users show: the facts, other tenants as a count; a non-member is 5.
    let s = env.json(&["--tenant", "acme", "users", "show", "SHARED@x.com"]);
    assert_eq!(u64_key(&s, "other_tenants"), 1);
    assert_eq!(str_key(&s["member"], "managed_by"), "self");
    assert_eq!(str_key(&s["member"]["invitation"], "state"), "pending");
    let e = env.fail(&["--tenant", "acme", "users", "show", "hidden@x.com"], 5);
    assert!(e.contains("scimctl diagnose user"), "{e}");
}

fn groups_show_lists_members_and_assignments(env: TestEnv) {
    env.tenant("Acme", "acme");
    env.ok(&["properties", "add", "Seaside"]);
    env.ok(&["groups", "create", "Front desk"]);
    let (engine, t) = env.engine_tenant("acme");
    let d = engine.group_detail(&t, "front DESK", 0).unwrap();
    assert_eq!(d.group.display_name, "Front desk");
    assert!(d.members.is_empty());
    let out = env.cmd(["groups", "show", "Front desk"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("no property"), "{stderr}");
    env.ok(&[
        "groups",
        "assign",
        "Front desk",
        "--property",
        "Seaside",
        "--role",
        "clerk",
    ]);
    let g = env.json(&["groups", "show", "front desk"]);
    assert_eq!(g["group"]["properties"], json!(["Seaside"]));
    assert_eq!(g["group"]["roles"], json!(["clerk"]));
    let e = env.fail(&["groups", "show", "Back office"], 5);
    assert!(e.contains("Back office"), "{e}");
}
