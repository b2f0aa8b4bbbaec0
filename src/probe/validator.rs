//! `--full`: checks modelled on Microsoft's SCIM Validator (entra-behavior.md
//! §10), made with Entra's own request shapes: discovery, then a throwaway
//! user (create, filter, filter in other letter case, PATCH in both Entra
//! dialects, disable, delete) and a throwaway group (create, add member,
//! remove member, delete). Whatever was created is deleted at the end, also
//! when a check failed.

use std::time::Instant;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{Answer, Client, Steps, clip, form, list_problems};

const USER_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE_URN: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const ENTRA_GROUP_URN: &str =
    "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
const PATCH_URN: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const SPC_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

const NOT_COMPLIANT: &str = "the endpoint is not SCIM compliant as Entra requires: see the detail, and Microsoft's SCIM Validator (https://scimvalidator.microsoft.com) for the full picture";

/// The suite's checks, in order (for skipping them all).
pub const PLAN: [(&str, &str); 15] = [
    ("full.service_provider_config", "GET /ServiceProviderConfig"),
    ("full.resource_types", "GET /ResourceTypes"),
    ("full.schemas", "GET /Schemas"),
    ("full.user.create", "Create user"),
    ("full.user.filter", "Filter user by userName"),
    ("full.user.filter_case", "Filter userName, other case"),
    ("full.user.patch_entra", "PATCH user (Entra default)"),
    ("full.user.patch_flagged", "PATCH user (aadOptscim062020)"),
    ("full.group.create", "Create group"),
    ("full.group.add_member", "Add group member"),
    ("full.group.remove_member", "Remove group member"),
    ("full.group.delete", "Delete group"),
    ("full.user.disable", "Disable user"),
    ("full.user.delete", "Delete user"),
    ("full.cleanup", "Clean up"),
];

fn name(id: &str) -> &'static str {
    PLAN.iter()
        .find(|(i, _)| *i == id)
        .map_or("check", |(_, n)| n)
}

/// A check's verdict: Ok(detail) or Err(detail).
type Verdict = Result<String, String>;

fn record(steps: &mut Steps<'_>, id: &'static str, t: Instant, v: Verdict) -> bool {
    match v {
        Ok(d) => {
            steps.pass(id, name(id), t, d);
            true
        }
        Err(d) => {
            steps.fail(id, name(id), t, d, NOT_COMPLIANT.into());
            false
        }
    }
}

fn expect(a: &Answer, ok: &[StatusCode], what: &str) -> Result<(), String> {
    if ok.contains(&a.status) {
        Ok(())
    } else {
        let want: Vec<String> = ok.iter().map(|s| s.as_u16().to_string()).collect();
        Err(format!(
            "{what}: expected {}, got {}",
            want.join(" or "),
            a.summary()
        ))
    }
}

fn scim_json(a: &Answer) -> Result<Value, String> {
    if !a.is_scim_json() {
        return Err(format!(
            "Content-Type is {}, not application/scim+json",
            a.content_type.as_deref().unwrap_or("missing")
        ));
    }
    a.json()
        .ok_or_else(|| format!("the body is not JSON: {}", clip(a.text.trim(), 120)))
}

async fn call(c: &Client, m: Method, path: &str, body: Option<&Value>) -> Result<Answer, String> {
    let what = format!("{m} {path}");
    c.call(m, path, body)
        .await
        .map_err(|e| format!("{what}: {e}"))
}

fn patch(ops: Value) -> Value {
    json!({"schemas": [PATCH_URN], "Operations": ops})
}

pub async fn run(c: &Client, steps: &mut Steps<'_>) {
    discovery(c, steps).await;

    let tag = uuid::Uuid::new_v4().simple().to_string();
    let user_name = format!("scimctl-probe-{tag}@example.invalid");
    let group_name = format!("scimctl-probe-{tag}");

    let t = Instant::now();
    let created = create(c, "/Users", &entra_user(&user_name, &tag)).await;
    let mut user = created.as_ref().ok().map(|(id, _)| id.clone());
    record(
        steps,
        "full.user.create",
        t,
        created.map(|(id, d)| format!("201, id {id}{d}")),
    );

    let needs_user = "skipped: needs the user of 'Create user'";
    let user_checks: [&'static str; 4] = [
        "full.user.filter",
        "full.user.filter_case",
        "full.user.patch_entra",
        "full.user.patch_flagged",
    ];
    match &user {
        None => {
            for id in user_checks {
                steps.skip(id, name(id), needs_user.into());
            }
        }
        Some(uid) => {
            let t = Instant::now();
            let v = filter_finds(c, &user_name, uid).await;
            record(steps, "full.user.filter", t, v);
            let t = Instant::now();
            let v = filter_finds(c, &user_name.to_uppercase(), uid).await;
            record(steps, "full.user.filter_case", t, v);
            let t = Instant::now();
            let ops = json!([
                {"op": "Replace", "path": "name.givenName", "value": "Probe"},
                {"op": "Replace", "path": "name.familyName", "value": "Entra"}
            ]);
            let v = patch_user(c, uid, patch(ops), ("Probe", "Entra")).await;
            record(steps, "full.user.patch_entra", t, v);
            let t = Instant::now();
            let ops = json!([
                {"op": "replace", "value": {"name.givenName": "Flagged", "name.familyName": "Dialect"}}
            ]);
            let v = patch_user(c, uid, patch(ops), ("Flagged", "Dialect")).await;
            record(steps, "full.user.patch_flagged", t, v);
        }
    }

    let t = Instant::now();
    let created = create(c, "/Groups", &entra_group(&group_name)).await;
    let mut group = created.as_ref().ok().map(|(id, _)| id.clone());
    record(
        steps,
        "full.group.create",
        t,
        created.map(|(id, d)| format!("201, id {id}{d}")),
    );
    match (&group, &user) {
        (Some(gid), Some(uid)) => {
            let t = Instant::now();
            let ops =
                json!([{"op": "Add", "path": "members", "value": [{"$ref": null, "value": uid}]}]);
            let v = members_patch(c, gid, uid, patch(ops), true).await;
            record(steps, "full.group.add_member", t, v);
            let t = Instant::now();
            let ops = json!([{"op": "Remove", "path": "members", "value": [{"$ref": null, "value": uid}]}]);
            let v = members_patch(c, gid, uid, patch(ops), false).await;
            record(steps, "full.group.remove_member", t, v);
        }
        (g, _) => {
            let why = if g.is_none() {
                "skipped: needs the group of 'Create group'"
            } else {
                needs_user
            };
            for id in ["full.group.add_member", "full.group.remove_member"] {
                steps.skip(id, name(id), why.into());
            }
        }
    }
    match &group {
        Some(gid) => {
            let t = Instant::now();
            let v = delete(c, &format!("/Groups/{gid}")).await;
            if v.is_ok() {
                group = None;
            }
            record(steps, "full.group.delete", t, v);
        }
        None => steps.skip(
            "full.group.delete",
            name("full.group.delete"),
            "skipped: needs the group of 'Create group'".into(),
        ),
    }

    match &user {
        Some(uid) => {
            let t = Instant::now();
            let v = disable(c, uid, &user_name).await;
            record(steps, "full.user.disable", t, v);
            let t = Instant::now();
            let v = delete(c, &format!("/Users/{uid}")).await;
            if v.is_ok() {
                user = None;
            }
            record(steps, "full.user.delete", t, v);
        }
        None => {
            for id in ["full.user.disable", "full.user.delete"] {
                steps.skip(id, name(id), needs_user.into());
            }
        }
    }

    cleanup(c, steps, group, user).await;
}

async fn discovery(c: &Client, steps: &mut Steps<'_>) {
    let t = Instant::now();
    let v = async {
        let a = call(c, Method::GET, "/ServiceProviderConfig", None).await?;
        expect(&a, &[StatusCode::OK], "GET /ServiceProviderConfig")?;
        let b = scim_json(&a)?;
        let has = |k: &str| {
            b.get("schemas")
                .and_then(Value::as_array)
                .is_some_and(|s| s.iter().any(|x| x == k))
        };
        if !has(SPC_URN) {
            return Err(format!("schemas lacks {SPC_URN}"));
        }
        let supported = |k: &str| {
            b.get(k)
                .and_then(|x| x.get("supported"))
                .and_then(Value::as_bool)
        };
        match (supported("patch"), supported("filter")) {
            (Some(true), Some(true)) => Ok("200; patch and filter supported".to_owned()),
            (p, f) => Err(format!(
                "patch.supported is {}, filter.supported is {}: Entra needs both",
                p.map_or("missing".into(), |x| x.to_string()),
                f.map_or("missing".into(), |x| x.to_string())
            )),
        }
    }
    .await;
    record(steps, "full.service_provider_config", t, v);

    for (id, path, key, want) in [
        (
            "full.resource_types",
            "/ResourceTypes",
            "name",
            ["User", "Group"],
        ),
        ("full.schemas", "/Schemas", "id", [USER_URN, GROUP_URN]),
    ] {
        let t = Instant::now();
        let v = async {
            let a = call(c, Method::GET, path, None).await?;
            expect(&a, &[StatusCode::OK], &format!("GET {path}"))?;
            let p = list_problems(&a, None);
            if !p.is_empty() {
                return Err(p.join("; "));
            }
            let b = a.json().unwrap_or_default();
            let found: Vec<&str> = b["Resources"]
                .as_array()
                .map(|r| {
                    r.iter()
                        .filter_map(|x| x.get(key).and_then(Value::as_str))
                        .collect()
                })
                .unwrap_or_default();
            let missing: Vec<&str> = want
                .iter()
                .copied()
                .filter(|w| !found.contains(w))
                .collect();
            if missing.is_empty() {
                Ok(format!("200, ListResponse with {}", found.join(", ")))
            } else {
                Err(format!("missing {}", missing.join(", ")))
            }
        }
        .await;
        record(steps, id, t, v);
    }
}

/// POST; on 201 with an id, the id and a note.
async fn create(c: &Client, path: &str, body: &Value) -> Result<(String, String), String> {
    let a = call(c, Method::POST, path, Some(body)).await?;
    // An id answered with a wrong status still has to be cleaned up, so
    // only a missing id is fatal here.
    let b = a.json().unwrap_or_default();
    let id = b.get("id").and_then(Value::as_str).map(str::to_owned);
    expect(&a, &[StatusCode::CREATED], &format!("POST {path}"))
        .and_then(|()| scim_json(&a).map(|_| ()))
        .and_then(|()| id.clone().ok_or_else(|| "201 without an id".to_owned()))
        .map(|id| (id, String::new()))
        .map_err(|e| match &id {
            Some(id) => format!("{e} (created id {id}, deleted at cleanup)"),
            None => e,
        })
}

async fn filter_finds(c: &Client, user_name: &str, uid: &str) -> Verdict {
    let filter = format!("userName eq \"{user_name}\"");
    let path = format!("/Users?filter={}", form(&filter));
    let a = call(c, Method::GET, &path, None).await?;
    expect(
        &a,
        &[StatusCode::OK],
        &format!("GET /Users?filter={filter}"),
    )?;
    let p = list_problems(&a, Some(1));
    if !p.is_empty() {
        return Err(format!("{filter}: {}", p.join("; ")));
    }
    let b = a.json().unwrap_or_default();
    let ids: Vec<&str> = b["Resources"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|x| x.get("id").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    if ids == [uid] {
        Ok(format!("{filter} → 1 result, the user"))
    } else {
        Err(format!("{filter} → ids {ids:?}, expected [{uid:?}]"))
    }
}

async fn get_user(c: &Client, uid: &str) -> Result<Value, String> {
    let a = call(c, Method::GET, &format!("/Users/{uid}"), None).await?;
    expect(&a, &[StatusCode::OK], &format!("GET /Users/{uid}"))?;
    scim_json(&a)
}

async fn patch_user(c: &Client, uid: &str, body: Value, want: (&str, &str)) -> Verdict {
    let a = call(c, Method::PATCH, &format!("/Users/{uid}"), Some(&body)).await?;
    expect(&a, &[StatusCode::OK, StatusCode::NO_CONTENT], "PATCH")?;
    let u = get_user(c, uid).await?;
    let got = (
        u["name"]["givenName"].as_str().unwrap_or_default(),
        u["name"]["familyName"].as_str().unwrap_or_default(),
    );
    if got == want {
        Ok(format!(
            "{}; read back name {} {}",
            a.status, want.0, want.1
        ))
    } else {
        Err(format!(
            "{} but read back name {:?} {:?}, expected {} {}",
            a.status, got.0, got.1, want.0, want.1
        ))
    }
}

async fn members_patch(c: &Client, gid: &str, uid: &str, body: Value, present: bool) -> Verdict {
    let a = call(c, Method::PATCH, &format!("/Groups/{gid}"), Some(&body)).await?;
    expect(&a, &[StatusCode::NO_CONTENT, StatusCode::OK], "PATCH")?;
    let g = call(c, Method::GET, &format!("/Groups/{gid}"), None).await?;
    expect(&g, &[StatusCode::OK], &format!("GET /Groups/{gid}"))?;
    let g = scim_json(&g)?;
    let has = g["members"]
        .as_array()
        .is_some_and(|m| m.iter().any(|x| x["value"] == uid));
    match (has, present) {
        (true, true) => Ok(format!("{}; the user is a member", a.status)),
        (false, false) => Ok(format!("{}; the user is no longer a member", a.status)),
        (false, true) => Err(format!("{} but the user is not a member", a.status)),
        (true, false) => Err(format!("{} but the user is still a member", a.status)),
    }
}

async fn disable(c: &Client, uid: &str, user_name: &str) -> Verdict {
    // Entra's default dialect: a string boolean.
    let body = patch(json!([{"op": "Replace", "path": "active", "value": "False"}]));
    let a = call(c, Method::PATCH, &format!("/Users/{uid}"), Some(&body)).await?;
    expect(
        &a,
        &[StatusCode::OK, StatusCode::NO_CONTENT],
        "PATCH active \"False\"",
    )?;
    let u = get_user(c, uid).await?;
    if u["active"] != json!(false) {
        return Err(format!("{} but read back active {}", a.status, u["active"]));
    }
    // A disabled user must still be found by Entra's matching filter.
    filter_finds(c, user_name, uid)
        .await
        .map(|_| {
            format!(
                "{}; read back active false; still found by filter",
                a.status
            )
        })
        .map_err(|e| format!("disabled, but the filter no longer finds it: {e}"))
}

async fn delete(c: &Client, path: &str) -> Verdict {
    let a = call(c, Method::DELETE, path, None).await?;
    expect(&a, &[StatusCode::NO_CONTENT], &format!("DELETE {path}"))?;
    let g = call(c, Method::GET, path, None).await?;
    if g.status == StatusCode::NOT_FOUND {
        Ok("204; then GET 404".into())
    } else {
        Err(format!("204, but then GET answered {}", g.summary()))
    }
}

/// Deletes what the checks left behind.
async fn cleanup(c: &Client, steps: &mut Steps<'_>, group: Option<String>, user: Option<String>) {
    let t = Instant::now();
    let mut left = Vec::new();
    let mut done = Vec::new();
    for (path, id) in [("/Groups", group), ("/Users", user)] {
        let Some(id) = id else { continue };
        let p = format!("{path}/{id}");
        match c.call(Method::DELETE, &p, None).await {
            Ok(a) if a.status.is_success() || a.status == StatusCode::NOT_FOUND => done.push(p),
            Ok(a) => left.push(format!("{p} ({})", a.summary())),
            Err(e) => left.push(format!("{p} ({e})")),
        }
    }
    let (id, nm) = ("full.cleanup", name("full.cleanup"));
    if !left.is_empty() {
        steps.fail(
            id,
            nm,
            t,
            format!("could not delete {}", left.join(", ")),
            "delete these throwaway resources by hand (their names start with scimctl-probe-)"
                .into(),
        );
    } else if done.is_empty() {
        steps.pass(id, nm, t, "nothing left behind".into());
    } else {
        steps.pass(id, nm, t, format!("deleted leftovers {}", done.join(", ")));
    }
}

/// The create body Microsoft publishes for Entra.
fn entra_user(user_name: &str, tag: &str) -> Value {
    json!({
        "schemas": [USER_URN, ENTERPRISE_URN],
        "externalId": format!("scimctl-probe-{tag}"),
        "userName": user_name,
        "active": true,
        "emails": [{"primary": true, "type": "work", "value": user_name}],
        "meta": {"resourceType": "User"},
        "name": {"formatted": "Scimctl Probe", "familyName": "Probe", "givenName": "Scimctl"},
        "roles": []
    })
}

fn entra_group(name: &str) -> Value {
    json!({
        "schemas": [GROUP_URN, ENTRA_GROUP_URN],
        "externalId": uuid::Uuid::new_v4().to_string(),
        "displayName": name,
        "meta": {"resourceType": "Group"}
    })
}
