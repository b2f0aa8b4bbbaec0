//! The administrator's first workflow, end to end through the real binary
//! against a real store file, checked from the outside (exit codes, stdout)
//! and from the inside (the engine and the SQLite file).

use scimctl::engine::tokens::{Secret, fingerprint, hash};

use crate::support::*;

both_modes!(
    token_lifecycle_end_to_end,
    tokens_of_one_tenant_do_not_open_another,
    the_tenant_is_chosen_by_flag_env_file_or_being_the_only_one,
    tenant_create_without_id_gets_a_uuid,
    scim_enable_and_disable_switch_and_report_changes,
    users_add_creates_tenant_managed_then_links_as_self_managed,
    users_add_refuses_an_account_that_an_idp_manages,
    users_add_central,
    properties_and_groups,
    tenant_delete_needs_yes_and_removes_everything_of_the_tenant,
    url_is_one_line_and_follows_public_url,
);

fn verifies(env: &TestEnv, tenant: &str, token: &str) -> bool {
    let (e, t) = env.engine_tenant(tenant);
    e.verify_token(&t, &Secret::new(token.to_owned()))
        .expect("verify_token")
        .valid
}

fn fp(token: &str) -> String {
    fingerprint(&hash(token))
}

fn generate(env: &TestEnv, verb: &str) -> String {
    let out = env.ok(&["token", verb]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "token {verb} must print one line: {out:?}");
    assert_token_shape(lines[0]);
    lines[0].to_owned()
}

fn token_lifecycle_end_to_end(env: TestEnv) {
    env.tenant("Acme Hotels", "acme");
    env.ok(&["scim", "enable"]);
    assert_eq!(
        env.ok(&["url"]),
        "http://127.0.0.1:8080/scim/v2/acme\n",
        "url prints exactly the tenant URL"
    );

    // Held open across the CLI calls, as a running server would hold it.
    let (server, tenant) = env.engine_tenant("acme");
    let server_accepts = |tok: &str| {
        server
            .verify_token(&tenant, &Secret::new(tok.into()))
            .unwrap()
    };

    let t1 = generate(&env, "generate");
    assert!(verifies(&env, "acme", &t1));
    assert!(server_accepts(&t1).valid);

    // A second generate is refused, names regenerate and the existing token,
    // and changes nothing.
    let err = env.fail(&["token", "generate"], 6);
    assert!(err.contains("token regenerate"), "{err}");
    assert!(
        err.contains(&fp(&t1)),
        "the message names the fingerprint: {err}"
    );
    assert!(verifies(&env, "acme", &t1));
    assert_eq!(env.count("tokens"), 1);

    // Regenerate: the old token is dead the moment the command returns.
    let out = env.cmd(["token", "regenerate"]).output().unwrap();
    expect_success(&["token", "regenerate"], &out);
    let t2 = String::from_utf8(out.stdout).unwrap().trim_end().to_owned();
    assert_token_shape(&t2);
    assert_ne!(t1, t2);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&fp(&t1)),
        "says which token stopped working: {stderr}"
    );

    let old = server_accepts(&t1);
    assert!(!old.valid, "the old token still verifies after regenerate");
    assert_eq!(
        old.state,
        Some(scimctl::engine::model::TokenState::Superseded)
    );
    assert!(old.ended_at.is_some());
    assert!(server_accepts(&t2).valid);
    assert!(!verifies(&env, "acme", &t1));
    assert!(verifies(&env, "acme", &t2));

    // The same through `token verify`: from stdin and from an env variable.
    let verify = |tok: &str| {
        env.cmd(["token", "verify", "--token-stdin"])
            .write_stdin(format!("{tok}\n"))
            .output()
            .unwrap()
    };
    let out = verify(&t2);
    expect_success(&["token", "verify"], &out);
    let out = verify(&t1);
    let err = expect_failure(&["token", "verify"], &out, 4);
    assert!(err.contains("superseded"), "{err}");
    assert!(!err.contains(&t1), "the error line must not echo the token");
    let out = env
        .cmd(["token", "verify", "--token-env", "MY_TOKEN"])
        .env("MY_TOKEN", &t2)
        .output()
        .unwrap();
    expect_success(&["token", "verify", "--token-env"], &out);
    let out = env
        .cmd(["token", "verify", "--token-env", "MY_TOKEN"])
        .env("MY_TOKEN", "scim_not-a-token-of-this-tenant")
        .output()
        .unwrap();
    let err = expect_failure(&["token", "verify", "--token-env"], &out, 4);
    assert!(err.contains("unknown"), "{err}");

    // Revoke: nothing verifies any more.
    env.ok(&["token", "revoke"]);
    let revoked = server_accepts(&t2);
    assert!(!revoked.valid);
    assert_eq!(
        revoked.state,
        Some(scimctl::engine::model::TokenState::Revoked)
    );
    assert!(!server_accepts(&t1).valid);
    assert!(!verifies(&env, "acme", &t2));
    let err = expect_failure(&["token", "verify"], &verify(&t2), 4);
    assert!(err.contains("revoked"), "{err}");
    let status = env.json(&["token", "status"]);
    assert!(key(&status, "token").is_null(), "{status:#}");
    let err = env.fail(&["token", "revoke"], 5);
    assert!(err.contains("token generate"), "{err}");

    // After a revoke, generate works again.
    let t3 = generate(&env, "generate");
    assert!(server_accepts(&t3).valid);
    assert!(!server_accepts(&t2).valid);
    let live = env.count("tokens WHERE tenant_id = 'acme' AND state = 'active'");
    assert_eq!(live, 1);
}

fn tokens_of_one_tenant_do_not_open_another(env: TestEnv) {
    env.tenant("Alpha", "alpha");
    env.tenant("Beta", "beta");
    let a = generate_for(&env, "alpha");
    let b = generate_for(&env, "beta");
    assert!(verifies(&env, "alpha", &a));
    assert!(!verifies(&env, "alpha", &b));
    assert!(!verifies(&env, "beta", &a));
    let out = env
        .cmd(["--tenant", "beta", "token", "verify", "--token-stdin"])
        .write_stdin(a)
        .output()
        .unwrap();
    expect_failure(&["token", "verify"], &out, 4);
    // Regenerating one tenant's token leaves the other's alone.
    env.ok(&["--tenant", "alpha", "token", "regenerate"]);
    assert!(verifies(&env, "beta", &b));
}

fn generate_for(env: &TestEnv, tenant: &str) -> String {
    let t = env.ok(&["--tenant", tenant, "token", "generate"]);
    let t = t.trim_end().to_owned();
    assert_token_shape(&t);
    t
}

fn url_is_one_line_and_follows_public_url(env: TestEnv) {
    env.tenant("Acme", "acme");

    let out = env.cmd(["url"]).output().unwrap();
    expect_success(&["url"], &out);
    assert_eq!(out.stdout, b"http://127.0.0.1:8080/scim/v2/acme\n");
    assert!(out.stderr.is_empty(), "url must print nothing else");

    // Remotely the tenant URL is the server's (its own public URL, here
    // the local default): the client's public_url does not move where the
    // server listens, so it must not change what `url` prints.
    let base = |configured: &str| -> String {
        let b = if env.is_remote() {
            "http://127.0.0.1:8080"
        } else {
            configured
        };
        format!("{b}/scim/v2/acme")
    };
    let with_env = |v: &str| {
        let out = env
            .cmd(["url"])
            .env("SCIMCTL_PUBLIC_URL", v)
            .output()
            .unwrap();
        expect_success(&["url"], &out);
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        with_env("https://scim.example.com"),
        format!("{}\n", base("https://scim.example.com"))
    );
    assert_eq!(
        with_env("https://scim.example.com/base/"),
        format!("{}\n", base("https://scim.example.com/base")),
        "a trailing slash is not doubled"
    );

    env.write_config("public_url = \"https://file.example.com\"\n");
    assert_eq!(
        env.ok(&["url"]),
        format!("{}\n", base("https://file.example.com"))
    );
    // Environment beats the file.
    assert_eq!(
        with_env("https://env.example.com"),
        format!("{}\n", base("https://env.example.com"))
    );
    // The same URL everywhere it is shown.
    let show = env.json(&["tenant", "show"]);
    assert_eq!(
        str_key(&show, "tenant_url"),
        base("https://file.example.com")
    );
    let status = env.json(&["scim", "status"]);
    assert_eq!(
        str_key(&status, "tenant_url"),
        base("https://file.example.com")
    );
}

#[test]
fn config_show_reports_every_source() {
    let env = TestEnv::new();
    let entry = |v: &serde_json::Value, k: &str| -> serde_json::Value {
        v.as_array()
            .unwrap()
            .iter()
            .find(|e| e["key"] == k)
            .unwrap_or_else(|| panic!("no {k} in {v:#}"))
            .clone()
    };

    let v = env.json(&["config", "show"]);
    for k in [
        "config_file",
        "store",
        "public_url",
        "tenant",
        "token_max_age_days",
    ] {
        assert_eq!(entry(&v, k)["source"]["kind"], "default", "{k}");
    }
    assert_eq!(
        entry(&v, "store")["value"],
        env.store().display().to_string(),
        "the default store is under XDG_DATA_HOME"
    );
    assert_eq!(entry(&v, "public_url")["value"], "http://127.0.0.1:8080");
    assert_eq!(entry(&v, "token_max_age_days")["value"], "90");
    assert_eq!(entry(&v, "output")["source"]["kind"], "flag");

    env.write_config(
        "public_url = \"https://file.example.com\"\ntenant = \"acme\"\ntoken_max_age_days = 30\n",
    );
    let out = env
        .cmd(["config", "show", "--output", "json", "--tenant", "beta"])
        .env("SCIMCTL_TENANT", "gamma")
        .env("SCIMCTL_PUBLIC_URL", "https://env.example.com")
        .output()
        .unwrap();
    expect_success(&["config", "show"], &out);
    let v = parse_json(&String::from_utf8(out.stdout).unwrap());
    let t = entry(&v, "tenant");
    assert_eq!(t["value"], "beta", "flag beats env and file");
    assert_eq!(t["source"]["kind"], "flag");
    let u = entry(&v, "public_url");
    assert_eq!(u["value"], "https://env.example.com");
    assert_eq!(u["source"]["kind"], "env");
    assert_eq!(u["source"]["name"], "SCIMCTL_PUBLIC_URL");
    let d = entry(&v, "token_max_age_days");
    assert_eq!(d["value"], "30");
    assert_eq!(d["source"]["kind"], "file");
    assert_eq!(
        entry(&v, "config_file")["value"],
        env.config_file().display().to_string()
    );

    // SCIMCTL_OUTPUT=json makes JSON the default; --output table beats it.
    let out = env
        .cmd(["config", "show"])
        .env("SCIMCTL_OUTPUT", "json")
        .output()
        .unwrap();
    expect_success(&["config", "show"], &out);
    parse_json(&String::from_utf8(out.stdout).unwrap());
    let out = env
        .cmd(["config", "show", "--output", "table"])
        .env("SCIMCTL_OUTPUT", "json")
        .output()
        .unwrap();
    expect_success(&["config", "show"], &out);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&table).is_err());
    assert!(
        table.contains("public_url") && table.contains("flag --output"),
        "{table}"
    );

    // config show needs no store.
    assert!(!env.store().exists(), "config show must not create a store");
}

fn the_tenant_is_chosen_by_flag_env_file_or_being_the_only_one(env: TestEnv) {
    let err = env.fail(&["url"], 5);
    assert!(err.contains("tenant create"), "{err}");

    env.tenant("Alpha Corp", "alpha");
    assert!(
        env.ok(&["url"]).ends_with("/scim/v2/alpha\n"),
        "the only tenant is the default"
    );

    env.tenant("Beta Corp", "beta");
    let err = env.fail(&["url"], 2);
    assert!(err.contains("--tenant"), "{err}");

    assert!(env.ok(&["--tenant", "beta", "url"]).ends_with("/beta\n"));
    assert!(
        env.ok(&["url", "--tenant", "beta"]).ends_with("/beta\n"),
        "global flag after the subcommand"
    );
    assert!(
        env.ok(&["--tenant", "BETA corp", "url"])
            .ends_with("/beta\n"),
        "by name, any case"
    );
    let by_env = |v: &str, args: &[&str]| {
        let out = env.cmd(args).env("SCIMCTL_TENANT", v).output().unwrap();
        expect_success(args, &out);
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(by_env("beta", &["url"]).ends_with("/beta\n"));
    assert!(
        by_env("beta", &["--tenant", "alpha", "url"]).ends_with("/alpha\n"),
        "flag beats env"
    );

    env.write_config("tenant = \"Beta Corp\"\n");
    assert!(env.ok(&["url"]).ends_with("/beta\n"), "config file tenant");
    assert!(
        by_env("alpha", &["url"]).ends_with("/alpha\n"),
        "env beats file"
    );
}

fn tenant_create_without_id_gets_a_uuid(env: TestEnv) {
    let out = env.ok(&["tenant", "create", "Gamma"]);
    let id = out.trim_end();
    assert_eq!(out.lines().count(), 1);
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{id:?}");
    assert_eq!(
        env.ok(&["url"]),
        format!("http://127.0.0.1:8080/scim/v2/{id}\n")
    );
    let list = env.json(&["tenant", "list"]);
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["name"], "Gamma");
    assert_eq!(list[0]["scim_enabled"], false);
}

fn scim_enable_and_disable_switch_and_report_changes(env: TestEnv) {
    env.tenant("Acme", "acme");
    assert!(!bool_key(&env.json(&["tenant", "show"]), "scim_enabled"));
    let on = env.json(&["scim", "enable"]);
    assert!(bool_key(&on, "scim_enabled") && bool_key(&on, "changed"));
    let again = env.json(&["scim", "enable"]);
    assert!(bool_key(&again, "scim_enabled") && !bool_key(&again, "changed"));
    assert!(bool_key(&env.json(&["scim", "status"]), "scim_enabled"));
    let off = env.json(&["scim", "disable"]);
    assert!(!bool_key(&off, "scim_enabled") && bool_key(&off, "changed"));
    let (e, _) = env.engine_tenant("acme");
    assert!(!e.resolve_tenant(Some("acme")).unwrap().scim_enabled);
    let audit: Vec<(String, String)> = env
        .query("SELECT action, actor FROM audit_events WHERE tenant_id = 'acme' ORDER BY seq")
        .into_iter()
        .map(|r| (r[0].clone().unwrap(), r[1].clone().unwrap()))
        .collect();
    // The actor is the CLI's user locally, the admin key's name remotely.
    let who = env.actor();
    assert_eq!(
        audit,
        ["tenant.create", "scim.enable", "scim.disable"].map(|a| (a.to_owned(), who.clone()))
    );
}

fn managed_by(env: &TestEnv, tenant: &str, email: &str) -> Option<(String, String)> {
    // The test's own names, in SQL either store reads the same.
    assert!(!tenant.contains('\'') && !email.contains('\''));
    env.query(&format!(
        "SELECT m.managed_by, m.kind FROM memberships m JOIN accounts a ON a.id = m.account_id
         WHERE m.tenant_id = '{tenant}' AND a.user_name_lower = lower('{email}')"
    ))
    .into_iter()
    .next()
    .map(|r| (r[0].clone().unwrap(), r[1].clone().unwrap()))
}

fn users_add_creates_tenant_managed_then_links_as_self_managed(env: TestEnv) {
    env.tenant("Alpha", "alpha");
    env.tenant("Beta", "beta");

    let a = env.json(&[
        "--tenant",
        "alpha",
        "users",
        "add",
        "Jane.Doe@Example.com",
        "--given-name",
        "Jane",
        "--family-name",
        "Doe",
    ]);
    assert_eq!(str_key(&a, "managed_by"), "tenant");
    assert_eq!(str_key(&a, "kind"), "property");
    assert_eq!(str_key(&a, "tenant_id"), "alpha");
    assert_eq!(u64_key(&a, "other_tenants"), 0);
    assert!(!bool_key(&a, "linked_existing"));
    assert_eq!(
        managed_by(&env, "alpha", "jane.doe@example.com").unwrap().0,
        "tenant"
    );

    // The same person (any letter case) added to a second tenant: one
    // account, linked, and self-managed in both.
    let b = env.json(&[
        "--tenant",
        "beta",
        "users",
        "add",
        "JANE.DOE@example.com",
        "--given-name",
        "Jane",
        "--family-name",
        "Doe",
    ]);
    assert_eq!(str_key(&b, "managed_by"), "self");
    assert!(bool_key(&b, "linked_existing"));
    assert_eq!(u64_key(&b, "other_tenants"), 1);
    assert_eq!(
        str_key(&b, "email"),
        "Jane.Doe@Example.com",
        "the account keeps its spelling"
    );
    assert_ne!(
        str_key(&a, "id"),
        str_key(&b, "id"),
        "each tenant has its own member id"
    );
    assert_eq!(
        managed_by(&env, "alpha", "jane.doe@example.com").unwrap().0,
        "self"
    );
    assert_eq!(
        managed_by(&env, "beta", "jane.doe@example.com").unwrap().0,
        "self"
    );
    assert_eq!(env.count("accounts"), 1);
    for t in ["alpha", "beta"] {
        let show = env.json(&["--tenant", t, "tenant", "show"]);
        let m = key(&show, "members");
        assert_eq!(
            (
                u64_key(m, "self"),
                u64_key(m, "tenant"),
                u64_key(m, "total")
            ),
            (1, 0, 1),
            "{t}"
        );
    }

    // Table mode prints the member id as the only stdout line.
    let out = env.ok(&[
        "--tenant",
        "alpha",
        "users",
        "add",
        "bob@example.com",
        "--given-name",
        "Bob",
        "--family-name",
        "Smith",
    ]);
    assert_eq!(out.lines().count(), 1);
    assert!(uuid::Uuid::parse_str(out.trim_end()).is_ok(), "{out:?}");

    // Adding someone twice to one tenant is a conflict and changes nothing.
    let err = env.fail(
        &[
            "--tenant",
            "beta",
            "users",
            "add",
            "jane.doe@example.com",
            "--given-name",
            "J",
            "--family-name",
            "D",
        ],
        6,
    );
    assert!(
        err.contains("jane.doe@example.com") || err.contains("Jane.Doe@Example.com"),
        "{err}"
    );
    assert_eq!(env.count("memberships"), 3);
}

fn users_add_refuses_an_account_that_an_idp_manages(env: TestEnv) {
    env.tenant("Alpha", "alpha");
    env.tenant("Beta", "beta");
    env.ok(&[
        "--tenant",
        "alpha",
        "users",
        "add",
        "sam@example.com",
        "--given-name",
        "Sam",
        "--family-name",
        "Lee",
    ]);
    // The SCIM endpoint is not here yet: make Alpha's IdP own the account.
    let n = env.exec("UPDATE memberships SET managed_by = 'idp' WHERE tenant_id = 'alpha'");
    assert_eq!(n, 1);

    let err = env.fail(
        &[
            "--tenant",
            "beta",
            "users",
            "add",
            "SAM@example.com",
            "--given-name",
            "Sam",
            "--family-name",
            "Lee",
        ],
        9,
    );
    assert!(err.contains("identity provider"), "{err}");
    assert_eq!(
        managed_by(&env, "beta", "sam@example.com"),
        None,
        "no link was made"
    );
    assert_eq!(
        managed_by(&env, "alpha", "sam@example.com").unwrap().0,
        "idp",
        "the IdP keeps the account"
    );
    assert_eq!(env.count("memberships"), 1);
}

fn users_add_central(env: TestEnv) {
    env.tenant("Alpha", "alpha");
    let c = env.json(&[
        "users",
        "add",
        "boss@example.com",
        "--given-name",
        "Big",
        "--family-name",
        "Boss",
        "--central",
    ]);
    assert_eq!(str_key(&c, "kind"), "central");
    assert_eq!(str_key(&c, "managed_by"), "tenant");
    assert_eq!(
        managed_by(&env, "alpha", "boss@example.com"),
        Some(("tenant".into(), "central".into()))
    );
    let p = env.json(&[
        "users",
        "add",
        "p@example.com",
        "--given-name",
        "P",
        "--family-name",
        "Q",
    ]);
    assert_eq!(str_key(&p, "kind"), "property");
}

fn properties_and_groups(env: TestEnv) {
    env.tenant("Acme", "acme");

    let out = env.ok(&["properties", "add", "Hotel Berlin"]);
    let berlin = out.trim_end().to_owned();
    assert!(uuid::Uuid::parse_str(&berlin).is_ok(), "{out:?}");
    let paris = env.json(&["properties", "add", "Hotel Paris"]);
    assert_eq!(str_key(&paris, "name"), "Hotel Paris");
    let list = env.json(&["properties", "list"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| str_key(p, "name"))
        .collect();
    assert_eq!(names, ["Hotel Berlin", "Hotel Paris"]);
    assert_eq!(list[0]["id"], berlin.as_str());
    let err = env.fail(&["properties", "add", "hotel BERLIN"], 6);
    assert!(err.contains("properties list"), "{err}");
    assert_eq!(env.count("properties"), 2);

    let out = env.ok(&["groups", "create", "Front Desk"]);
    let gid = out.trim_end().to_owned();
    assert!(uuid::Uuid::parse_str(&gid).is_ok(), "{out:?}");
    env.fail(&["groups", "create", "front desk"], 6);

    let g = env.json(&[
        "groups",
        "assign",
        "front DESK",
        "--property",
        "hotel berlin",
        "--role",
        "clerk",
        "--permission",
        "checkin",
        "--permission",
        "refund",
    ]);
    assert_eq!(str_key(&g, "id"), gid);
    assert_eq!(key(&g, "properties"), &serde_json::json!(["Hotel Berlin"]));
    assert_eq!(key(&g, "roles"), &serde_json::json!(["clerk"]));
    assert_eq!(
        key(&g, "permissions"),
        &serde_json::json!(["checkin", "refund"])
    );

    // Assigning again is idempotent; by id works too.
    let g2 = env.json(&[
        "groups",
        "assign",
        &gid,
        "--role",
        "clerk",
        "--property",
        "Hotel Paris",
    ]);
    assert_eq!(
        key(&g2, "properties"),
        &serde_json::json!(["Hotel Berlin", "Hotel Paris"])
    );
    assert_eq!(key(&g2, "roles"), &serde_json::json!(["clerk"]));

    // All or nothing: an unknown property refuses the role given with it.
    let err = env.fail(
        &[
            "groups",
            "assign",
            "Front Desk",
            "--role",
            "manager",
            "--property",
            "Hotel Rome",
        ],
        5,
    );
    assert!(
        err.contains("Hotel Rome") && err.contains("properties add"),
        "{err}"
    );
    env.fail(&["groups", "assign", "Front Desk"], 8);
    env.fail(&["groups", "assign", "Back Office", "--role", "x"], 5);

    let groups = env.json(&["groups", "list"]);
    let groups = groups.as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(
        key(&groups[0], "roles"),
        &serde_json::json!(["clerk"]),
        "manager was not added"
    );
    assert_eq!(u64_key(&groups[0], "member_count"), 0);

    let table = env.ok(&["groups", "list"]);
    assert!(
        table.contains("Front Desk") && table.contains("clerk") && table.contains("Hotel Berlin"),
        "{table}"
    );

    let show = env.json(&["tenant", "show"]);
    assert_eq!(u64_key(&show, "groups"), 1);
    assert_eq!(u64_key(&show, "properties"), 2);
}

fn tenant_delete_needs_yes_and_removes_everything_of_the_tenant(env: TestEnv) {
    env.tenant("Alpha", "alpha");
    env.tenant("Beta", "beta");
    let add = |t: &str, email: &str| {
        env.ok(&[
            "--tenant",
            t,
            "users",
            "add",
            email,
            "--given-name",
            "A",
            "--family-name",
            "B",
        ]);
    };
    add("alpha", "only-alpha@example.com");
    add("alpha", "shared@example.com");
    add("beta", "shared@example.com");
    env.ok(&["--tenant", "alpha", "properties", "add", "Hotel"]);
    env.ok(&["--tenant", "alpha", "groups", "create", "Staff"]);
    env.ok(&[
        "--tenant",
        "alpha",
        "groups",
        "assign",
        "Staff",
        "--property",
        "Hotel",
        "--role",
        "r",
    ]);
    env.ok(&["--tenant", "alpha", "token", "generate"]);
    let before = env.json(&["tenant", "list"]);

    let err = env.fail(&["tenant", "delete", "alpha"], 2);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(env.json(&["tenant", "list"]), before, "nothing was deleted");
    assert_eq!(env.count("memberships"), 3);

    let show = env.json(&["tenant", "show", "alpha"]);
    assert_eq!(str_key(&show, "name"), "Alpha");
    assert!(bool_key(&show, "has_token"));

    let del = env.json(&["tenant", "delete", "ALPHA", "--yes"]);
    assert_eq!(str_key(&del, "deleted"), "alpha");
    let list = env.json(&["tenant", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], "beta");
    env.fail(&["tenant", "show", "alpha"], 5);
    env.fail(&["tenant", "delete", "alpha", "--yes"], 5);

    for table in [
        "properties",
        "groups",
        "group_assignments",
        "tokens",
        "memberships",
    ] {
        let n = env.count(&format!(
            "{table} WHERE {}",
            match table {
                "group_assignments" => "group_id NOT IN (SELECT id FROM groups)",
                _ => "tenant_id = 'alpha'",
            }
        ));
        assert_eq!(n, 0, "{table} rows of the deleted tenant remain");
    }
    // The account only Alpha had is gone; the shared one stays, still in Beta.
    let accounts: Vec<String> = env
        .query("SELECT user_name FROM accounts ORDER BY user_name")
        .into_iter()
        .map(|r| r[0].clone().unwrap())
        .collect();
    assert_eq!(accounts, ["shared@example.com"]);
    assert!(managed_by(&env, "beta", "shared@example.com").is_some());
    // With one tenant left it is the default again.
    assert!(env.ok(&["url"]).ends_with("/beta\n"));
}
