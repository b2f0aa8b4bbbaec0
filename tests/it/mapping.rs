//! `scimctl mapping show` and `mapping check FILE` with the real binary over
//! the shipped Entra examples (`examples/entra/`), and `mapping show`
//! against what a real `scimctl serve` accepts.

use std::fs;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use scimctl::error::exit;

use crate::server::*;
use crate::support::*;

fn example(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "examples", "entra", name]
        .iter()
        .collect();
    assert!(p.is_file(), "missing example {}", p.display());
    p.to_str().unwrap().to_owned()
}

/// `(code, object, attribute)` of every finding, in report order.
fn findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["object"].as_str().unwrap().to_owned(),
                f["attribute"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn user(code: &str, attribute: &str) -> (String, String, String) {
    (code.into(), "User".into(), attribute.into())
}

fn group_info() -> (String, String, String) {
    ("group_mapping".into(), "Group".into(), String::new())
}

/// Runs `mapping check FILE --output json`, expecting `code`; returns the report.
fn check_json(env: &TestEnv, file: &str, code: i32) -> Value {
    let args = ["mapping", "check", file, "--output", "json"];
    let out = env.cmd(args).output().unwrap();
    if code == 0 {
        expect_success(&args, &out);
    } else {
        expect_failure(&args, &out, code);
    }
    parse_json(&String::from_utf8(out.stdout).unwrap())
}

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

#[test]
fn show_lists_the_supported_attributes_and_the_externalid_recommendation() {
    let env = TestEnv::new();
    let rows = env.json(&["mapping", "show"]);
    let got: Vec<(&str, &str, &str, bool, bool, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["object"].as_str().unwrap(),
                r["scim_attribute"].as_str().unwrap(),
                r["product_field"].as_str().unwrap(),
                r["required"].as_bool().unwrap(),
                r["recommended"].as_bool().unwrap(),
                r["entra_source"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "User",
                "userName",
                "Email",
                true,
                false,
                "userPrincipalName"
            ),
            (
                "User",
                "name.givenName",
                "FirstName",
                true,
                false,
                "givenName"
            ),
            (
                "User",
                "name.familyName",
                "LastName",
                true,
                false,
                "surname"
            ),
            (
                "User",
                "active",
                "Status",
                false,
                true,
                r#"Switch([IsSoftDeleted], , "False", "True", "True", "False")"#
            ),
            (
                "User",
                "externalId",
                "ExternalId",
                false,
                true,
                "mailNickname"
            ),
            ("Group", "displayName", "Name", true, false, "displayName"),
            ("Group", "members", "Members", false, false, "members"),
            (
                "Group",
                "externalId",
                "ExternalId",
                false,
                false,
                "objectId"
            ),
        ]
    );
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .all(|r| r["notes"].as_str().is_some_and(|n| !n.is_empty())),
        "{rows:#}"
    );

    let out = env.cmd(["mapping", "show"]).output().unwrap();
    expect_success(&["mapping", "show"], &out);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with(" OBJECT  SCIM ATTRIBUTE"), "{table}");
    let ext = table
        .lines()
        .find(|l| l.contains("externalId") && l.contains("User"))
        .unwrap();
    assert!(
        ext.contains("recommended") && ext.contains("mailNickname"),
        "{ext}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("Map mailNickname to externalId"),
        "{stderr}"
    );
    // Product knowledge: no store is opened or created.
    assert!(!env.store().exists());
}

#[test]
fn entras_default_mapping_lists_every_removal_and_keeps_externalid() {
    let env = TestEnv::new();
    let file = example("default-mapping.json");
    let r = check_json(&env, &file, 0);
    assert_eq!(r["file"], json!(file));
    assert_eq!(r["input"], "entra_schema");
    assert_eq!(r["passed"], true);
    assert_eq!(r["user_mapping"], "Provision Microsoft Entra ID Users");
    assert_eq!(
        (r["errors"].clone(), r["warnings"].clone()),
        (json!(0), json!(17))
    );
    let mut want: Vec<_> = [
        "displayName",
        "title",
        r#"emails[type eq "work"].value"#,
        "preferredLanguage",
        "name.formatted",
        r#"addresses[type eq "work"].formatted"#,
        r#"addresses[type eq "work"].streetAddress"#,
        r#"addresses[type eq "work"].locality"#,
        r#"addresses[type eq "work"].region"#,
        r#"addresses[type eq "work"].postalCode"#,
        r#"addresses[type eq "work"].country"#,
        r#"phoneNumbers[type eq "work"].value"#,
        r#"phoneNumbers[type eq "mobile"].value"#,
        r#"phoneNumbers[type eq "fax"].value"#,
    ]
    .iter()
    .map(|a| user("unsupported", a))
    .collect();
    for a in ["employeeNumber", "department", "manager"] {
        want.push(user("unsupported", &format!("{ENTERPRISE}:{a}")));
    }
    want.push(user("keep_externalid", "externalId"));
    want.push(group_info());
    assert_eq!(findings(&r), want);

    // Every finding says what is wrong and what to do in the portal.
    let f = &r["findings"][2];
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["source"], "[mail]");
    assert!(
        f["fix"].as_str().unwrap().starts_with(
            r#"In Provision Microsoft Entra ID Users, delete the mapping to emails[type eq "work"].value"#
        ),
        "{f:#}"
    );
    let keep = &r["findings"][17];
    assert_eq!(
        (keep["severity"].as_str(), keep["source"].as_str()),
        (Some("info"), Some("[mailNickname]"))
    );

    // The table: a section per severity, no errors, a summary on stderr.
    let out = env.cmd(["mapping", "check", &file]).output().unwrap();
    expect_success(&["mapping", "check"], &out);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("WARNINGS (17)\n"), "{stdout}");
    assert!(stdout.contains("\nINFO (2)\n"), "{stdout}");
    assert!(!stdout.contains("ERRORS"), "{stdout}");
    assert!(
        stdout.contains("  User title  (from [jobTitle])\n"),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "No errors in \"Provision Microsoft Entra ID Users\": 17 warnings to look at.\n"
    );
}

#[test]
fn the_articles_final_mapping_passes_clean() {
    let env = TestEnv::new();
    let file = example("article-final.json");
    let r = check_json(&env, &file, 0);
    assert_eq!(r["passed"], true);
    assert_eq!(
        (r["errors"].clone(), r["warnings"].clone()),
        (json!(0), json!(0))
    );
    // The Group mapping is named, and was checked too.
    assert_eq!(findings(&r), [group_info()]);
    assert!(
        r["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Provision Microsoft Entra ID Groups, enabled"),
        "{r:#}"
    );

    let out = env.cmd(["mapping", "check", &file]).output().unwrap();
    expect_success(&["mapping", "check"], &out);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("INFO (1)\n"), "{stdout}");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("The mapping is clean")
    );
}

#[test]
fn a_missing_given_name_fails_with_exit_10_and_the_fix() {
    let env = TestEnv::new();
    let file = example("missing-given-name.json");
    let r = check_json(&env, &file, i32::from(exit::CHECK_FAILED));
    assert_eq!(r["passed"], false);
    assert_eq!(r["errors"], 1);
    // An older export: "Azure Active Directory" names, Groups disabled.
    assert_eq!(r["user_mapping"], "Provision Azure Active Directory Users");
    assert_eq!(
        findings(&r),
        [user("required_missing", "name.givenName"), group_info()]
    );
    let f = &r["findings"][0];
    assert_eq!(f["severity"], "error");
    assert_eq!(
        f["fix"],
        "In Provision Azure Active Directory Users, Add New Mapping: Mapping type Direct, Source attribute givenName, Target attribute name.givenName, then Save."
    );

    let args = ["mapping", "check", &file];
    let out = env.cmd(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let e = expect_failure(&args, &out, i32::from(exit::CHECK_FAILED));
    assert!(
        stdout.starts_with("ERRORS (1)\n  User name.givenName\n"),
        "{stdout}"
    );
    assert!(stdout.contains("(Provision Azure Active Directory Groups, disabled)"));
    assert!(
        e.contains(
            "missing-given-name.json has 1 error (required mapping missing: name.givenName)"
        ) && e.contains("download the schema again"),
        "{e}"
    );
}

#[test]
fn a_plain_list_is_checked_for_what_it_can_say() {
    let env = TestEnv::new();
    let r = check_json(&env, &example("attributes.txt"), 0);
    assert_eq!(r["input"], "attribute_list");
    assert_eq!(r["user_mapping"], Value::Null);
    assert_eq!(
        findings(&r),
        [
            user("unsupported", "displayName"),
            user("keep_externalid", "externalId"),
            ("list_input".into(), "User".into(), String::new()),
        ]
    );

    // A list missing required names fails like an export does.
    let list = env.path("short.txt");
    fs::write(&list, "userName\n# no names yet\ntitle\n").unwrap();
    let r = check_json(&env, list.to_str().unwrap(), i32::from(exit::CHECK_FAILED));
    assert_eq!(
        findings(&r),
        [
            user("required_missing", "name.givenName"),
            user("required_missing", "name.familyName"),
            user("unsupported", "title"),
            user("active_missing", "active"),
            user("externalid_missing", "externalId"),
            ("list_input".into(), "User".into(), String::new()),
        ]
    );
}

/// The article's export, changed by `f`, written into the environment.
fn variant(env: &TestEnv, name: &str, f: impl FnOnce(&mut Vec<Value>)) -> String {
    let text = fs::read_to_string(example("article-final.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let maps = doc["synchronizationRules"][0]["objectMappings"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["sourceObjectName"] == "User")
        .unwrap();
    let mut list = maps["attributeMappings"].as_array().unwrap().clone();
    f(&mut list);
    maps["attributeMappings"] = Value::Array(list);
    let p = env.path(name);
    fs::write(&p, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    p.to_str().unwrap().to_owned()
}

fn source(attr: &str) -> Value {
    json!({"expression": format!("[{attr}]"), "name": attr, "type": "Attribute", "parameters": []})
}

#[test]
fn username_source_and_matching_attribute_are_checked() {
    let env = TestEnv::new();
    // userName from mailNickname, matched on externalId first.
    let file = variant(&env, "nickname.json", |maps| {
        for m in maps.iter_mut() {
            match m["targetAttributeName"].as_str() {
                Some("userName") => {
                    m["source"] = source("mailNickname");
                    m["matchingPriority"] = json!(2);
                }
                Some("externalId") => m["matchingPriority"] = json!(1),
                _ => {}
            }
        }
    });
    let r = check_json(&env, &file, i32::from(exit::CHECK_FAILED));
    assert_eq!(
        findings(&r),
        [
            user("username_not_email", "userName"),
            user("matching_not_username", "externalId"),
            group_info(),
        ]
    );
    assert_eq!(r["findings"][0]["source"], "[mailNickname]");
    let e = env.fail(&["mapping", "check", &file], i32::from(exit::CHECK_FAILED));
    assert!(
        e.contains("2 errors (username not email: userName, matching not username: externalId)"),
        "{e}"
    );

    // userName from mail, no externalId: passes, with the recommendation.
    let file = variant(&env, "mail.json", |maps| {
        maps.retain(|m| m["targetAttributeName"] != "externalId");
        maps[0]["source"] = source("mail");
    });
    let r = check_json(&env, &file, 0);
    assert_eq!(
        findings(&r),
        [user("externalid_missing", "externalId"), group_info()]
    );
    assert!(
        r["findings"][0]["fix"]
            .as_str()
            .unwrap()
            .contains("Source attribute mailNickname, Target attribute externalId"),
        "{r:#}"
    );
}

#[test]
fn unreadable_or_foreign_files_are_refused_naming_what_was_expected() {
    let env = TestEnv::new();
    let missing = env.path("nope.json");
    let e = env.fail(
        &["mapping", "check", missing.to_str().unwrap()],
        i32::from(exit::USAGE),
    );
    assert!(
        e.contains("cannot read")
            && e.contains("nope.json")
            && e.contains("Review your schema here"),
        "{e}"
    );
    let e = env.fail(
        &["mapping", "check", env.root().to_str().unwrap()],
        i32::from(exit::USAGE),
    );
    assert!(e.contains("cannot read"), "{e}");

    let cases: [(&str, &[u8], &str); 6] = [
        ("empty.json", b"  \n", "it is empty"),
        (
            "cut.json",
            b"{\"synchronizationRules\": [",
            "not valid JSON",
        ),
        (
            "user.json",
            br#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "a@b.c"}"#,
            "no \"synchronizationRules\"",
        ),
        (
            "shape.json",
            br#"{"synchronizationRules": [{"objectMappings": [{"sourceObjectName": "User"}]}]}"#,
            "targetObjectName",
        ),
        ("prose.txt", b"Please map the usual fields.\n", "line 1"),
        ("binary.bin", &[0xff, 0xfe, 0x00, 0x41], "not UTF-8"),
    ];
    for (name, body, says) in cases {
        let p = env.path(name);
        fs::write(&p, body).unwrap();
        let e = env.fail(
            &["mapping", "check", p.to_str().unwrap()],
            i32::from(exit::INVALID),
        );
        assert!(
            e.contains(name) && e.contains(says) && e.contains("Review your schema here"),
            "{name}: {e}"
        );
    }
}

/// What `mapping show` calls supported and required is what the endpoint
/// stores and refuses: a real `scimctl serve`, a product tenant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_agrees_with_the_endpoint() {
    let env = TestEnv::new();
    let token = scim_tenant(&env, "Acme", "acme", "product");
    let rows = env.json(&["mapping", "show"]);
    let users: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["object"] == "User")
        .collect();
    let value = |attr: &str| match attr {
        "userName" => json!("jane@acme.example"),
        "active" => json!(false),
        "externalId" => json!("jane"),
        other => json!(format!("v-{other}")),
    };
    // A body with every supported attribute, and nothing else.
    let body = |skip: Option<&str>| {
        let mut obj = Map::new();
        for r in &users {
            let attr = r["scim_attribute"].as_str().unwrap();
            if Some(attr) == skip {
                continue;
            }
            match attr.split_once('.') {
                Some((parent, sub)) => {
                    let slot = obj.entry(parent).or_insert_with(|| json!({}));
                    slot[sub] = value(attr);
                }
                None => {
                    obj.insert(attr.to_owned(), value(attr));
                }
            }
        }
        Value::Object(obj)
    };
    let server = Server::start(&env);
    let c = server.client("acme", &token);
    for r in users.iter().filter(|r| r["required"] == true) {
        let attr = r["scim_attribute"].as_str().unwrap();
        c.post("/Users", &body(Some(attr)))
            .await
            .error(400, Some("invalidValue"), "invalid_value");
    }
    let created = c.post("/Users", &body(None)).await.ok(201);
    for r in &users {
        let attr = r["scim_attribute"].as_str().unwrap();
        let stored = match attr.split_once('.') {
            Some((p, s)) => &created[p][s],
            None => &created[attr],
        };
        assert_eq!(stored, &value(attr), "{attr} in {created:#}");
    }
    server.stop();
}
