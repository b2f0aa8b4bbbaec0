//! SCIM resources and stored records, both ways: canonical JSON built from a
//! member or group, and client JSON normalised (schema names, coerced types,
//! required attributes checked, unsupported ones reported as ignored) into
//! what the store keeps.

use std::collections::HashSet;

use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::limits;
use super::schema::{AttrPath, ENTERPRISE_URN, GROUP_URN, ResourceKind, ResourceSchema, USER_URN};
use super::value::coerce;
use crate::engine::admin::users::{check_email, fold_case, same_folded};
use crate::engine::error::{EngineError, Result, ScimType};
use crate::engine::model::{Group, MemberRecord, MemberRef, Policy};

/// `meta.version` and the `ETag` header: a weak tag of the row version.
pub fn version_tag(version: i64) -> String {
    format!("W/\"{version}\"")
}

pub(crate) fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_else(|_| t.to_string())
}

fn meta(
    kind: ResourceKind,
    created: OffsetDateTime,
    modified: OffsetDateTime,
    location: String,
    version: i64,
) -> Value {
    json!({
        "resourceType": kind.name(),
        "created": rfc3339(created),
        "lastModified": rfc3339(modified),
        "location": location,
        "version": version_tag(version),
    })
}

pub(crate) fn user_location(base: &str, id: &str) -> String {
    format!("{base}/Users/{id}")
}

pub(crate) fn group_location(base: &str, id: &str) -> String {
    format!("{base}/Groups/{id}")
}

/// The canonical User resource of a member. `groups` is only published
/// under the `standard` policy (pass `None` to leave it out).
pub(crate) fn user_json(
    policy: Policy,
    rec: &MemberRecord,
    groups: Option<&[Group]>,
    base: &str,
) -> Value {
    let m = &rec.membership;
    let a = &rec.account;
    let mut obj: Map<String, Value> = match (policy, &m.doc) {
        (Policy::Standard, Some(doc)) => serde_json::from_str(doc).unwrap_or_default(),
        _ => Map::new(),
    };
    let mut schemas = vec![Value::from(USER_URN)];
    if obj.contains_key(ENTERPRISE_URN) {
        schemas.push(ENTERPRISE_URN.into());
    }
    obj.insert("schemas".into(), Value::Array(schemas));
    obj.insert("id".into(), m.id.clone().into());
    if let Some(x) = &m.external_id {
        obj.insert("externalId".into(), x.clone().into());
    }
    obj.insert("userName".into(), a.user_name.clone().into());
    if policy == Policy::Product {
        // Okta stores `emails` and reads `emails[0].value`: the product's
        // one email is the userName.
        obj.insert(
            "emails".into(),
            json!([{"value": a.user_name, "type": "work", "primary": true}]),
        );
    }
    let name = obj
        .entry("name")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(n) = name {
        if let Some(g) = &a.given_name {
            n.insert("givenName".into(), g.clone().into());
        }
        if let Some(f) = &a.family_name {
            n.insert("familyName".into(), f.clone().into());
        }
    }
    if obj
        .get("name")
        .is_some_and(|n| n.as_object().is_some_and(Map::is_empty))
    {
        obj.remove("name");
    }
    if obj.get("active").is_some_and(Value::is_null) {
        obj.remove("active");
    } else {
        obj.insert("active".into(), m.active.into());
    }
    if let (Policy::Standard, Some(groups)) = (policy, groups)
        && !groups.is_empty()
    {
        let list = groups
            .iter()
            .map(|g| {
                json!({
                    "value": g.id,
                    "display": g.display_name,
                    "$ref": group_location(base, &g.id),
                    "type": "direct",
                })
            })
            .collect();
        obj.insert("groups".into(), Value::Array(list));
    }

    let modified = m.updated_at.max(a.updated_at);
    obj.insert(
        "meta".into(),
        meta(
            ResourceKind::User,
            m.created_at,
            modified,
            user_location(base, &m.id),
            m.version,
        ),
    );
    Value::Object(obj)
}

/// The canonical Group resource; `members: None` leaves them out (as for
/// `excludedAttributes=members`, without reading them).
pub(crate) fn group_json(g: &Group, members: Option<&[MemberRef]>, base: &str) -> Value {
    let mut obj = Map::new();
    obj.insert("schemas".into(), json!([GROUP_URN]));
    obj.insert("id".into(), g.id.clone().into());
    if let Some(x) = &g.external_id {
        obj.insert("externalId".into(), x.clone().into());
    }
    obj.insert("displayName".into(), g.display_name.clone().into());
    if let Some(members) = members {
        let list = members
            .iter()
            .map(|m| {
                let mut e = Map::new();
                e.insert("value".into(), m.membership_id.clone().into());
                if let Some(d) = &m.display {
                    e.insert("display".into(), d.clone().into());
                }
                e.insert("$ref".into(), user_location(base, &m.membership_id).into());
                e.insert("type".into(), "User".into());
                Value::Object(e)
            })
            .collect();
        obj.insert("members".into(), Value::Array(list));
    }
    obj.insert(
        "meta".into(),
        meta(
            ResourceKind::Group,
            g.created_at,
            g.updated_at,
            group_location(base, &g.id),
            g.version,
        ),
    );
    Value::Object(obj)
}

fn invalid(scim_type: ScimType, message: String) -> EngineError {
    EngineError::ScimInvalid { scim_type, message }
}

/// Normalises a client body into canonical form for `schema`: schema names,
/// coerced values, extension attributes under their URN. Read-only
/// attributes (`id`, `meta`, `groups`) are dropped silently; attributes the
/// tenant's schema does not hold are dropped and listed in `ignored`.
pub fn normalize(
    schema: &ResourceSchema,
    body: &Value,
    ignored: &mut Vec<String>,
) -> Result<Map<String, Value>> {
    let Value::Object(input) = body else {
        return Err(invalid(
            ScimType::InvalidSyntax,
            format!(
                "the request body must be a JSON object with the {} attributes",
                schema.kind.name()
            ),
        ));
    };
    let mut out = Map::new();
    for (key, v) in input {
        if key.eq_ignore_ascii_case("schemas") {
            check_schemas(schema, v)?;
            continue;
        }
        if key.eq_ignore_ascii_case("id") || key.eq_ignore_ascii_case("meta") {
            continue;
        }
        // An extension's container: `"urn:…:enterprise:2.0:User": {…}`.
        if key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:")) && v.is_object() {
            if let Some(ext) = schema.extension(key) {
                let mut ext_out = Map::new();
                if let Value::Object(attrs) = v {
                    for (k, sv) in attrs {
                        match ext
                            .attributes
                            .iter()
                            .find(|a| a.name.eq_ignore_ascii_case(k))
                        {
                            Some(def) => {
                                if let Some(c) = coerce(def, sv, ignored).map_err(coerce_err)? {
                                    ext_out.insert(def.name.to_owned(), c);
                                }
                            }
                            None => ignored.push(format!("{}:{k}", ext.id)),
                        }
                    }
                }
                if !ext_out.is_empty() {
                    out.insert(ext.id.to_owned(), Value::Object(ext_out));
                }
                continue;
            }
            if let Value::Object(attrs) = v {
                if !key.eq_ignore_ascii_case(schema.core.id) {
                    ignored.extend(attrs.keys().map(|k| format!("{key}:{k}")));
                    continue;
                }
                // The core schema's URN as a container: merge its attributes.
                for (k, sv) in attrs {
                    put_core(schema, k, sv, &mut out, ignored)?;
                }
                continue;
            }
        }
        // A URN-qualified attribute name: `urn:…:User:userName`.
        if key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:")) {
            match AttrPath::parse(key).and_then(|p| schema.resolve(&p).map(|r| (p, r))) {
                Some((p, r)) if p.sub.is_none() => {
                    if let Some(c) = coerce(r.attr, v, ignored).map_err(coerce_err)? {
                        match r.extension {
                            Some(ext) => {
                                let slot = out
                                    .entry(ext.id)
                                    .or_insert_with(|| Value::Object(Map::new()));
                                if let Value::Object(m) = slot {
                                    m.insert(r.attr.name.to_owned(), c);
                                }
                            }
                            None => {
                                out.insert(r.attr.name.to_owned(), c);
                            }
                        }
                    }
                }
                _ => ignored.push(key.clone()),
            }
            continue;
        }
        put_core(schema, key, v, &mut out, ignored)?;
    }
    Ok(out)
}

fn put_core(
    schema: &ResourceSchema,
    key: &str,
    v: &Value,
    out: &mut Map<String, Value>,
    ignored: &mut Vec<String>,
) -> Result<()> {
    match schema.core_attr(key) {
        Some(def) if def.name == "id" || def.name == "meta" => {}
        // Read-only attributes the server computes (a User's groups).
        Some(def) if def.mutability == super::schema::Mutability::ReadOnly => {}
        Some(def) => {
            if let Some(c) = coerce(def, v, ignored).map_err(coerce_err)? {
                out.insert(def.name.to_owned(), c);
            }
        }
        None => {
            if !v.is_null() {
                ignored.push(key.to_owned());
            }
        }
    }
    Ok(())
}

fn coerce_err(e: super::value::CoerceError) -> EngineError {
    invalid(ScimType::InvalidValue, e.to_string())
}

fn check_schemas(schema: &ResourceSchema, v: &Value) -> Result<()> {
    let Value::Array(list) = v else {
        return Err(invalid(
            ScimType::InvalidSyntax,
            "\"schemas\" must be an array of schema URNs".into(),
        ));
    };
    for urn in list {
        let Some(u) = urn.as_str() else {
            return Err(invalid(
                ScimType::InvalidSyntax,
                "\"schemas\" must be an array of schema URNs".into(),
            ));
        };
        if !schema.accepts_urn(u) {
            return Err(invalid(
                ScimType::InvalidValue,
                format!(
                    "schema {u:?} is not supported for {}; use {}",
                    schema.kind.endpoint(),
                    schema.core.id
                ),
            ));
        }
    }
    Ok(())
}

/// Checks the required attributes (and required sub-attributes of present
/// or required complex attributes) of the core schema.
pub(crate) fn check_required(schema: &ResourceSchema, obj: &Map<String, Value>) -> Result<()> {
    for def in schema.core.attributes {
        let v = obj.get(def.name);
        if def.required && v.is_none_or(is_empty) {
            return Err(invalid(
                ScimType::InvalidValue,
                format!("attribute \"{}\" is required", def.name),
            ));
        }
        if let Some(Value::Object(sub)) = v {
            for sd in def.sub.iter().filter(|s| s.required) {
                if sub.get(sd.name).is_none_or(is_empty) {
                    return Err(invalid(
                        ScimType::InvalidValue,
                        format!("attribute \"{}.{}\" is required", def.name, sd.name),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// What a User write stores.
#[derive(Debug, Clone, PartialEq)]
pub struct UserWrite {
    pub user_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    /// None: the client sent no `active` (only under `standard`; the
    /// product policy defaults it to true). The product's own status then
    /// stays as it was (true for a new user), and the resource reads
    /// without `active`, as written.
    pub active: Option<bool>,
    pub external_id: Option<String>,
    /// Standard policy: the rest of the resource as canonical JSON.
    pub doc: Option<String>,
    pub emails_lower: Vec<String>,
}

fn str_of<'a>(obj: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    obj.get(k).and_then(Value::as_str)
}

/// The userName rules of both policies: at most `MAX_USER_NAME_BYTES`,
/// and no control characters (C0, DEL, C1), which would end up in every
/// table and log line that prints the name.
pub(crate) fn check_user_name(name: &str) -> Result<()> {
    if name.len() > limits::MAX_USER_NAME_BYTES {
        return Err(limits::value_too_long(
            "userName",
            name.len(),
            limits::MAX_USER_NAME_BYTES,
        ));
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(invalid(
            ScimType::InvalidValue,
            format!(
                "userName contains the control character U+{:04X}; send the name without control characters (tabs, line breaks, escape codes)",
                c as u32
            ),
        ));
    }
    Ok(())
}

/// What the provisioning log lists when a `product` user is written with an
/// email other than its userName.
pub const PRODUCT_OTHER_EMAILS: &str =
    "emails other than userName (under the product policy the email is userName)";

/// Turns a normalised User into what is stored, enforcing the policy's
/// userName rule (an email under `product`).
pub fn user_write(
    policy: Policy,
    schema: &ResourceSchema,
    mut obj: Map<String, Value>,
    ignored: &mut Vec<String>,
) -> Result<UserWrite> {
    check_required(schema, &obj)?;
    let raw = str_of(&obj, "userName")
        .unwrap_or_default()
        .trim()
        .to_owned();
    check_user_name(&raw)?;
    let user_name = match policy {
        Policy::Product => check_email(&raw).map_err(|_| {
            invalid(ScimType::InvalidValue,
                format!("userName {raw:?} must be the user's email address (map userName to the user's email or userPrincipalName)"),
            )
        })?,
        Policy::Standard => raw,
    };
    let name = obj.get("name").and_then(Value::as_object);
    let given_name = name
        .and_then(|n| n.get("givenName"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let family_name = name
        .and_then(|n| n.get("familyName"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let active = match (policy, obj.get("active").and_then(Value::as_bool)) {
        (Policy::Product, a) => Some(a.unwrap_or(true)),
        (Policy::Standard, a) => a,
    };
    let external_id = str_of(&obj, "externalId").map(str::to_owned);
    let emails: Vec<&str> = match obj.get("emails") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|e| e.get("value").and_then(Value::as_str))
            .collect(),
        _ => Vec::new(),
    };
    let emails_lower = match policy {
        // The product's one email is userName, found by its index: an
        // `emails` filter is planned as a userName lookup.
        Policy::Product => {
            if emails.iter().any(|e| !same_folded(e, &user_name)) {
                ignored.push(PRODUCT_OTHER_EMAILS.into());
            }
            Vec::new()
        }
        Policy::Standard => emails.into_iter().map(fold_case).collect(),
    };
    let doc = match policy {
        Policy::Product => None,
        Policy::Standard => {
            for k in ["userName", "active", "externalId", "schemas"] {
                obj.remove(k);
            }
            // A user written without `active` keeps `"active": null` in its
            // document (the column holds the product's status), so that it
            // reads back without one.
            if active.is_none() {
                obj.insert("active".into(), Value::Null);
            }
            // Written straight into a string (`Display` goes through `fmt`).
            (!obj.is_empty()).then(|| {
                let doc = Value::Object(obj);
                serde_json::to_string(&doc).unwrap_or_else(|_| doc.to_string())
            })
        }
    };
    Ok(UserWrite {
        user_name,
        given_name,
        family_name,
        active,
        external_id,
        doc,
        emails_lower,
    })
}

/// What a Group write stores.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupWrite {
    pub display_name: String,
    pub external_id: Option<String>,
    /// Members in the order given, without repeats.
    pub members: Vec<MemberWrite>,
}

/// A member as a client writes it: the user's id and the `display` it
/// sent, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberWrite {
    pub id: String,
    pub display: Option<String>,
}

pub fn group_write(schema: &ResourceSchema, obj: &Map<String, Value>) -> Result<GroupWrite> {
    check_required(schema, obj)?;
    let display_name = str_of(obj, "displayName")
        .unwrap_or_default()
        .trim()
        .to_owned();
    let mut members: Vec<MemberWrite> = Vec::new();
    if let Some(Value::Array(list)) = obj.get("members") {
        // Deduplicated in linear time, first occurrence kept.
        let mut seen: HashSet<&str> = HashSet::with_capacity(list.len());
        for m in list {
            let Some(id) = m.get("value").and_then(Value::as_str) else {
                return Err(invalid(
                    ScimType::InvalidValue,
                    "every member needs a \"value\": the id of a user of this tenant".into(),
                ));
            };
            if seen.insert(id) {
                members.push(MemberWrite {
                    id: id.to_owned(),
                    display: m.get("display").and_then(Value::as_str).map(str::to_owned),
                });
            }
        }
    }
    Ok(GroupWrite {
        display_name,
        external_id: str_of(obj, "externalId").map(str::to_owned),
        members,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn users(p: Policy) -> ResourceSchema {
        ResourceSchema::for_policy(ResourceKind::User, p)
    }

    #[test]
    fn product_keeps_five_attributes_and_reports_the_rest() {
        let s = users(Policy::Product);
        let body = json!({
            "schemas": [USER_URN, ENTERPRISE_URN],
            "externalId": "jdoe",
            "userName": "Jane@Example.com",
            "active": "True",
            "displayName": "Jane Doe",
            "emails": [{"primary": true, "type": "work", "value": "jane@example.com"}],
            "name": {"formatted": "Jane Doe", "givenName": "Jane", "familyName": "Doe"},
            "roles": [],
            "title": null,
            ENTERPRISE_URN: {"department": "Sales"},
            "meta": {"resourceType": "User"}
        });
        let mut ignored = vec![];
        let obj = normalize(&s, &body, &mut ignored).unwrap();
        let w = user_write(Policy::Product, &s, obj, &mut ignored).unwrap();
        assert_eq!(w.user_name, "Jane@Example.com");
        assert_eq!(w.given_name.as_deref(), Some("Jane"));
        assert_eq!(w.active, Some(true));
        assert_eq!(w.external_id.as_deref(), Some("jdoe"));
        assert_eq!(w.doc, None);
        for x in ["displayName", "name.formatted", "roles"] {
            assert!(ignored.iter().any(|i| i == x), "{x} in {ignored:?}");
        }
        // The email equal to userName (letter case aside) is the product's
        // one email, not ignored; another one is.
        assert!(!ignored.iter().any(|i| i.contains("emails")), "{ignored:?}");
        let other = json!({"userName": "jane@example.com", "name": {"givenName": "J", "familyName": "D"},
            "emails": [{"value": "jane.doe@example.org", "primary": true}]});
        let mut ig = vec![];
        let obj = normalize(&s, &other, &mut ig).unwrap();
        let w = user_write(Policy::Product, &s, obj, &mut ig).unwrap();
        assert_eq!(w.user_name, "jane@example.com");
        assert!(w.emails_lower.is_empty());
        assert_eq!(ig, [PRODUCT_OTHER_EMAILS]);
        assert!(
            ignored.iter().any(|i| i.ends_with(":department")),
            "{ignored:?}"
        );
    }

    #[test]
    fn product_requires_email_and_names() {
        let s = users(Policy::Product);
        let mut ig = vec![];
        let no_email = json!({"userName": "jdoe", "name": {"givenName": "J", "familyName": "D"}});
        let e = user_write(
            Policy::Product,
            &s,
            normalize(&s, &no_email, &mut ig).unwrap(),
            &mut vec![],
        )
        .unwrap_err();
        assert_eq!(e.scim_type().map(ScimType::as_str), Some("invalidValue"));
        let no_given = json!({"userName": "j@x.com", "name": {"familyName": "D"}});
        let e = user_write(
            Policy::Product,
            &s,
            normalize(&s, &no_given, &mut ig).unwrap(),
            &mut vec![],
        )
        .unwrap_err();
        assert!(e.to_string().contains("name.givenName"), "{e}");
    }

    #[test]
    fn standard_keeps_everything_in_the_doc() {
        let s = users(Policy::Standard);
        let mut ig = vec![];
        let body = json!({"userName": "bjensen", "emails": [{"value": "B@x.com", "type": "work"}], ENTERPRISE_URN: {"department": "R&D"}});
        let w = user_write(
            Policy::Standard,
            &s,
            normalize(&s, &body, &mut ig).unwrap(),
            &mut ig,
        )
        .unwrap();
        assert_eq!(w.emails_lower, vec!["b@x.com"]);
        let doc: Value = serde_json::from_str(w.doc.as_deref().unwrap()).unwrap();
        assert_eq!(doc[ENTERPRISE_URN]["department"], "R&D");
        assert!(ig.is_empty(), "{ig:?}");
    }

    #[test]
    fn unknown_schema_urn_is_refused() {
        let s = users(Policy::Standard);
        let e = normalize(&s, &json!({"schemas": ["urn:x:y"]}), &mut vec![]).unwrap_err();
        assert_eq!(e.scim_type().map(ScimType::as_str), Some("invalidValue"));
        let e = normalize(&s, &json!([1]), &mut vec![]).unwrap_err();
        assert_eq!(e.scim_type().map(ScimType::as_str), Some("invalidSyntax"));
    }

    #[test]
    fn group_members_are_deduplicated_in_first_order() {
        let s = ResourceSchema::for_policy(ResourceKind::Group, Policy::Product);
        let ids: Vec<String> = (0..10_000).map(|i| format!("m{}", i % 7_000)).collect();
        let members: Vec<Value> = ids.iter().rev().map(|i| json!({"value": i})).collect();
        let body = json!({"displayName": "g", "members": members});
        let w = group_write(&s, &normalize(&s, &body, &mut vec![]).unwrap()).unwrap();
        assert_eq!(w.members.len(), 7_000);
        assert_eq!(w.members[0].id, "m2999");
        assert_eq!(w.members[2_999].id, "m0");
        assert_eq!(w.members[3_000].id, "m6999");
    }

    #[test]
    fn user_names_are_bounded_and_printable_under_both_policies() {
        for p in [Policy::Product, Policy::Standard] {
            let s = users(p);
            let write = |name: &str| {
                let body = json!({"userName": name, "name": {"givenName": "J", "familyName": "D"}});
                user_write(
                    p,
                    &s,
                    normalize(&s, &body, &mut vec![]).unwrap(),
                    &mut vec![],
                )
            };
            let long = format!("{}@example.com", "a".repeat(250));
            let e = write(&long).unwrap_err();
            assert_eq!(e.reason(), "limit_exceeded", "{p:?}");
            assert!(e.to_string().contains("\"userName\" is 262 bytes"), "{e}");
            assert!(e.to_string().contains("at most 256 bytes"), "{e}");
            for bad in [
                "jane\u{0}@x.com",
                "ja\u{1b}[31mne@x.com",
                "jane\u{7f}@x.com",
                "ja\u{85}ne@x.com",
            ] {
                let e = write(bad).unwrap_err();
                assert_eq!(
                    e.scim_type().map(ScimType::as_str),
                    Some("invalidValue"),
                    "{bad:?}"
                );
                assert!(e.to_string().contains("control character"), "{e}");
            }
            assert!(write("élodie@exemple.fr").is_ok(), "{p:?}");
        }
    }
}
