//! Every `--output json` shape parses and carries its documented keys with
//! the documented types. Scripts depend on these; a renamed key is a break.

use serde_json::Value;

use crate::support::*;

both_modes!(
    tenant_shapes,
    scim_url_and_token_shapes,
    token_age_warning_shape,
    users_properties_groups_shapes,
    json_errors_leave_stdout_empty,
);

fn assert_tenant_info(v: &Value, id: &str, name: &str) {
    assert_has_keys(
        v,
        &[
            "id",
            "name",
            "policy",
            "scim_enabled",
            "tenant_url",
            "created_at",
        ],
    );
    assert_eq!(str_key(v, "id"), id);
    assert_eq!(str_key(v, "name"), name);
    assert!(
        ["product", "standard"].contains(&str_key(v, "policy")),
        "{v:#}"
    );
    bool_key(v, "scim_enabled");
    assert_eq!(
        str_key(v, "tenant_url"),
        format!("http://127.0.0.1:8080/scim/v2/{id}")
    );
    time_key(v, "created_at");
}

fn assert_counts(v: &Value) -> (u64, u64, u64, u64) {
    assert_has_keys(v, &["idp", "tenant", "self", "total"]);
    let c = (
        u64_key(v, "idp"),
        u64_key(v, "tenant"),
        u64_key(v, "self"),
        u64_key(v, "total"),
    );
    assert_eq!(c.0 + c.1 + c.2, c.3, "counts add up: {v:#}");
    c
}

fn assert_token_info(v: &Value) -> String {
    assert_has_keys(
        v,
        &[
            "fingerprint",
            "state",
            "created_at",
            "age_days",
            "last_used_at",
            "last_used_from",
            "grace_until",
        ],
    );
    let fp = str_key(v, "fingerprint");
    assert_eq!(fp.len(), 8);
    assert!(fp.bytes().all(|b| b.is_ascii_hexdigit()), "{fp}");
    assert!(
        ["active", "previous", "superseded", "revoked"].contains(&str_key(v, "state")),
        "{v:#}"
    );
    time_key(v, "created_at");
    assert!(key(v, "age_days").is_i64(), "{v:#}");
    assert!(key(v, "last_used_at").is_null() || time_key(v, "last_used_at").year() > 2000);
    opt_str_key(v, "last_used_from");
    assert!(key(v, "grace_until").is_null() || time_key(v, "grace_until").year() > 2000);
    fp.to_owned()
}

fn assert_group_info(v: &Value) {
    assert_has_keys(
        v,
        &[
            "id",
            "tenant_id",
            "display_name",
            "external_id",
            "member_count",
            "properties",
            "roles",
            "permissions",
            "other",
            "created_at",
        ],
    );
    str_key(v, "id");
    str_key(v, "tenant_id");
    str_key(v, "display_name");
    opt_str_key(v, "external_id");
    u64_key(v, "member_count");
    for k in ["properties", "roles", "permissions", "other"] {
        assert!(
            array_key(v, k).iter().all(Value::is_string),
            "{k} holds strings: {v:#}"
        );
    }
    time_key(v, "created_at");
}

fn assert_property_info(v: &Value) {
    assert_has_keys(v, &["id", "tenant_id", "name", "created_at"]);
    str_key(v, "id");
    str_key(v, "tenant_id");
    str_key(v, "name");
    time_key(v, "created_at");
}

fn tenant_shapes(env: TestEnv) {
    let created = env.json(&["tenant", "create", "Acme Hotels", "--id", "acme"]);
    assert_tenant_info(&created, "acme", "Acme Hotels");
    assert_eq!(str_key(&created, "policy"), "product");
    assert!(!bool_key(&created, "scim_enabled"));
    let std = env.json(&[
        "tenant", "create", "Std", "--id", "std", "--policy", "standard",
    ]);
    assert_eq!(str_key(&std, "policy"), "standard");

    let list = env.json(&["tenant", "list"]);
    let list = list.as_array().expect("tenant list is an array");
    assert_eq!(list.len(), 2);
    assert_tenant_info(&list[0], "acme", "Acme Hotels");
    assert_tenant_info(&list[1], "std", "Std");
    assert_eq!(list[0], created, "list shows what create returned");

    let show = env.json(&["tenant", "show", "acme"]);
    assert_tenant_info(&show, "acme", "Acme Hotels");
    assert_has_keys(&show, &["members", "groups", "properties", "has_token"]);
    assert_eq!(assert_counts(key(&show, "members")), (0, 0, 0, 0));
    assert_eq!(u64_key(&show, "groups"), 0);
    assert_eq!(u64_key(&show, "properties"), 0);
    assert!(!bool_key(&show, "has_token"));

    let del = env.json(&["tenant", "delete", "std", "--yes"]);
    assert_has_keys(&del, &["deleted"]);
    assert_eq!(str_key(&del, "deleted"), "std");

    // An empty list is still JSON.
    env.json(&["tenant", "delete", "acme", "--yes"]);
    assert_eq!(env.json(&["tenant", "list"]), serde_json::json!([]));
}

fn scim_url_and_token_shapes(env: TestEnv) {
    env.tenant("Acme", "acme");

    for (cmd, on) in [("enable", true), ("disable", false), ("enable", true)] {
        let v = env.json(&["scim", cmd]);
        assert_has_keys(&v, &["tenant_id", "scim_enabled", "changed"]);
        assert_eq!(str_key(&v, "tenant_id"), "acme");
        assert_eq!(bool_key(&v, "scim_enabled"), on);
        assert!(bool_key(&v, "changed"));
    }

    let url = env.json(&["url"]);
    assert_has_keys(&url, &["tenant_id", "tenant_url"]);
    assert_eq!(str_key(&url, "tenant_id"), "acme");
    assert_eq!(
        str_key(&url, "tenant_url"),
        "http://127.0.0.1:8080/scim/v2/acme"
    );

    let status = env.json(&["scim", "status"]);
    assert_has_keys(
        &status,
        &[
            "tenant_id",
            "tenant_name",
            "scim_enabled",
            "policy",
            "tenant_url",
            "token",
            "token_warning",
            "members",
        ],
    );
    assert_eq!(str_key(&status, "tenant_name"), "Acme");
    assert!(bool_key(&status, "scim_enabled"));
    assert_eq!(str_key(&status, "policy"), "product");
    assert!(key(&status, "token").is_null());
    assert_eq!(opt_str_key(&status, "token_warning"), None);
    assert_counts(key(&status, "members"));

    let ts = env.json(&["token", "status"]);
    assert_has_keys(
        &ts,
        &["tenant_id", "token", "previous", "max_age_days", "warning"],
    );
    assert!(key(&ts, "token").is_null());
    assert_eq!(u64_key(&ts, "max_age_days"), 90);

    let issued_keys = [
        "token",
        "fingerprint",
        "tenant_id",
        "tenant_url",
        "created_at",
        "replaced_fingerprint",
    ];
    let g = env.json(&["token", "generate"]);
    assert_has_keys(&g, &issued_keys);
    assert_token_shape(str_key(&g, "token"));
    let fp1 = str_key(&g, "fingerprint").to_owned();
    assert_eq!(fp1.len(), 8);
    assert_eq!(str_key(&g, "tenant_id"), "acme");
    assert_eq!(
        str_key(&g, "tenant_url"),
        "http://127.0.0.1:8080/scim/v2/acme"
    );
    time_key(&g, "created_at");
    assert_eq!(opt_str_key(&g, "replaced_fingerprint"), None);

    let r = env.json(&["token", "regenerate"]);
    assert_has_keys(&r, &issued_keys);
    assert_token_shape(str_key(&r, "token"));
    assert_ne!(str_key(&r, "token"), str_key(&g, "token"));
    assert_eq!(opt_str_key(&r, "replaced_fingerprint"), Some(fp1.as_str()));
    let fp2 = str_key(&r, "fingerprint").to_owned();
    assert!(time_key(&r, "created_at") >= time_key(&g, "created_at"));

    let ts = env.json(&["token", "status"]);
    assert_eq!(assert_token_info(key(&ts, "token")), fp2);
    assert_eq!(str_key(key(&ts, "token"), "state"), "active");
    assert!(key(&ts, "previous").is_null());
    assert_eq!(opt_str_key(&ts, "warning"), None);
    let status = env.json(&["scim", "status"]);
    assert_eq!(assert_token_info(key(&status, "token")), fp2);

    // verify: valid …
    let out = env
        .cmd(["token", "verify", "--token-stdin", "--output", "json"])
        .write_stdin(str_key(&r, "token").to_owned())
        .output()
        .unwrap();
    expect_success(&["token", "verify"], &out);
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert_has_keys(
        &v,
        &["tenant_id", "valid", "fingerprint", "state", "ended_at"],
    );
    assert!(bool_key(&v, "valid"));
    assert_eq!(str_key(&v, "fingerprint"), fp2);
    assert_eq!(opt_str_key(&v, "state"), Some("active"));
    assert!(key(&v, "ended_at").is_null());
    // … and invalid: the JSON still describes it, and the exit code says no.
    let out = env
        .cmd(["token", "verify", "--token-stdin", "--output", "json"])
        .write_stdin(str_key(&g, "token").to_owned())
        .output()
        .unwrap();
    expect_failure(&["token", "verify"], &out, 4);
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert!(!bool_key(&v, "valid"));
    assert_eq!(str_key(&v, "fingerprint"), fp1);
    assert_eq!(opt_str_key(&v, "state"), Some("superseded"));
    time_key(&v, "ended_at");

    let rv = env.json(&["token", "revoke"]);
    assert_has_keys(&rv, &["tenant_id", "revoked"]);
    assert_eq!(str_key(&rv, "tenant_id"), "acme");
    assert_eq!(key(&rv, "revoked"), &serde_json::json!([fp2]));
}

fn token_age_warning_shape(env: TestEnv) {
    if env.is_remote() {
        // Remotely the age limit is the server's setting (it computes the
        // warning): given in the config file `serve` reads when it starts.
        env.write_config("token_max_age_days = 0\n");
    }
    env.tenant("Acme", "acme");
    env.ok(&["token", "generate"]);
    let out = env
        .cmd(["token", "status", "--output", "json"])
        .env("SCIMCTL_TOKEN_MAX_AGE_DAYS", "0")
        .output()
        .unwrap();
    expect_success(&["token", "status"], &out);
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(u64_key(&v, "max_age_days"), 0);
    let w = opt_str_key(&v, "warning").expect("a warning past the limit");
    assert!(w.contains("regenerate"), "{w}");
    // In table mode the warning goes to stderr, even with --quiet.
    let out = env
        .cmd(["token", "status", "--quiet"])
        .env("SCIMCTL_TOKEN_MAX_AGE_DAYS", "0")
        .output()
        .unwrap();
    expect_success(&["token", "status"], &out);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("warning: ") && stderr.contains("regenerate"),
        "{stderr}"
    );
    let out = env
        .cmd(["scim", "status", "--output", "json"])
        .env("SCIMCTL_TOKEN_MAX_AGE_DAYS", "0")
        .output()
        .unwrap();
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert!(opt_str_key(&v, "token_warning").is_some(), "{v:#}");
}

fn users_properties_groups_shapes(env: TestEnv) {
    env.tenant("Acme", "acme");

    let u = env.json(&[
        "users",
        "add",
        "jane@example.com",
        "--given-name",
        "Jane",
        "--family-name",
        "Doe",
    ]);
    assert_has_keys(
        &u,
        &[
            "tenant_id",
            "id",
            "email",
            "kind",
            "managed_by",
            "other_tenants",
            "linked_existing",
        ],
    );
    assert_eq!(str_key(&u, "tenant_id"), "acme");
    str_key(&u, "id");
    assert_eq!(str_key(&u, "email"), "jane@example.com");
    assert_eq!(str_key(&u, "kind"), "property");
    assert_eq!(str_key(&u, "managed_by"), "tenant");
    assert_eq!(u64_key(&u, "other_tenants"), 0);
    assert!(!bool_key(&u, "linked_existing"));

    let p = env.json(&["properties", "add", "Hotel Berlin"]);
    assert_property_info(&p);
    assert_eq!(str_key(&p, "tenant_id"), "acme");
    let list = env.json(&["properties", "list"]);
    let list = list.as_array().expect("properties list is an array");
    assert_eq!(list.len(), 1);
    assert_property_info(&list[0]);
    assert_eq!(list[0], p);

    let g = env.json(&["groups", "create", "Front Desk"]);
    assert_group_info(&g);
    assert_eq!(str_key(&g, "display_name"), "Front Desk");
    assert_eq!(opt_str_key(&g, "external_id"), None);
    let a = env.json(&[
        "groups",
        "assign",
        "Front Desk",
        "--property",
        "Hotel Berlin",
        "--role",
        "clerk",
    ]);
    assert_group_info(&a);
    assert_eq!(key(&a, "properties"), &serde_json::json!(["Hotel Berlin"]));
    let list = env.json(&["groups", "list"]);
    let list = list.as_array().expect("groups list is an array");
    assert_eq!(list.len(), 1);
    assert_group_info(&list[0]);
    assert_eq!(list[0], a);

    let show = env.json(&["tenant", "show"]);
    assert_eq!(assert_counts(key(&show, "members")), (0, 1, 0, 1));
}

#[test]
fn config_show_shape() {
    let env = TestEnv::new();
    let v = env.json(&["config", "show"]);
    let entries = v.as_array().expect("config show is an array");
    let keys: Vec<&str> = entries.iter().map(|e| str_key(e, "key")).collect();
    for k in [
        "config_file",
        "store",
        "public_url",
        "tenant",
        "output",
        "token_max_age_days",
    ] {
        assert!(keys.contains(&k), "config show lacks {k}: {v:#}");
    }
    for e in entries {
        assert_has_keys(e, &["key", "value", "source"]);
        opt_str_key(e, "value");
        let src = key(e, "source");
        let kind = str_key(src, "kind");
        assert!(["flag", "env", "file", "default"].contains(&kind), "{e:#}");
        if kind != "default" {
            str_key(src, "name");
        }
    }
}

fn json_errors_leave_stdout_empty(env: TestEnv) {
    env.tenant("Acme", "acme");
    for args in [
        &["tenant", "show", "nope", "--output", "json"][..],
        &["token", "revoke", "--output", "json"],
        &["tenant", "create", "ACME", "--output", "json"],
    ] {
        let out = env.cmd(args).output().unwrap();
        assert!(!out.status.success());
        assert!(
            out.stdout.is_empty(),
            "stdout of a failure: {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_one_error_line(&String::from_utf8(out.stderr).unwrap());
    }
}
