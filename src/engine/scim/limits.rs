//! The documented caps on SCIM input, in one place: what one request may
//! cost the server (CPU, memory, time under the store's write lock). Each
//! check runs before any per-element work or store lookup, and refuses with
//! `EngineError::LimitExceeded` (400, reason `limit_exceeded`), whose
//! message names the limit and its value. README's "Limits" table quotes
//! these constants; keep them in step.

use std::time::Duration;

use serde_json::{Map, Value};

use super::schema::ResourceKind;
use crate::engine::error::{EngineError, Result};

/// Operations in one PATCH request.
pub const MAX_PATCH_OPERATIONS: usize = 1_000;
/// Group members in one request: a POST's or PUT's `members`, or the
/// member values of a PATCH summed over its operations.
pub const MAX_MEMBERS_PER_REQUEST: usize = 10_000;
/// Bytes of a `filter` (and of a PATCH `path`, which may hold one).
pub const MAX_FILTER_BYTES: usize = 4_096;
/// Nesting of parentheses, `not (…)` and `[…]` in a filter.
pub const MAX_FILTER_DEPTH: usize = 16;
/// Attribute expressions (`userName eq "x"`) in a filter.
pub const MAX_FILTER_TERMS: usize = 64;
/// Bytes of one string value of any attribute.
pub const MAX_VALUE_BYTES: usize = 4_096;
/// Bytes of a userName (an email address is at most 254).
pub const MAX_USER_NAME_BYTES: usize = 256;
/// Bytes of a User or Group resource as JSON, a Group's members excluded.
pub const MAX_RESOURCE_BYTES: usize = 64 * 1024;
/// Values of one multi-valued attribute (emails, phoneNumbers, …) other
/// than a Group's members.
pub const MAX_MULTI_VALUES: usize = 100;
/// How long a list whose filter no index answers may scan the tenant
/// before it is refused (reason `filter_too_costly`).
pub const SCAN_BUDGET: Duration = Duration::from_secs(2);

/// A number with thousands separators, as the messages print it.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The refusal of one limit: `message` says what the request has; the
/// limit's name and value are appended.
pub fn exceeded(limit: &'static str, max: usize, message: String) -> EngineError {
    EngineError::LimitExceeded {
        limit,
        max,
        message,
    }
}

/// A filter's length, checked before it is parsed.
pub fn check_filter(text: &str) -> Result<()> {
    if text.len() > MAX_FILTER_BYTES {
        return Err(exceeded(
            "filter length",
            MAX_FILTER_BYTES,
            format!(
                "the filter is {} bytes long; at most {} bytes are accepted",
                grouped(text.len()),
                grouped(MAX_FILTER_BYTES)
            ),
        ));
    }
    Ok(())
}

fn is_members_key(key: &str) -> bool {
    // `members`, or URN-qualified `urn:…:core:2.0:Group:members`.
    key.eq_ignore_ascii_case("members")
        || key
            .rsplit_once(':')
            .is_some_and(|(_, k)| k.eq_ignore_ascii_case("members"))
}

fn members_refused(n: usize) -> EngineError {
    exceeded(
        "members per request",
        MAX_MEMBERS_PER_REQUEST,
        format!(
            "the request lists {} group members; at most {} are accepted per request (send the rest in further PATCH requests)",
            grouped(n),
            grouped(MAX_MEMBERS_PER_REQUEST)
        ),
    )
}

/// How many values a multi-valued attribute's JSON holds.
fn value_count(v: &Value) -> usize {
    match v {
        Value::Array(a) => a.len(),
        Value::Null => 0,
        _ => 1,
    }
}

/// The members a resource body lists: top-level `members`, or inside the
/// core schema's URN container.
fn body_members(obj: &Map<String, Value>) -> usize {
    obj.iter()
        .map(|(k, v)| match v {
            _ if is_members_key(k) => value_count(v),
            Value::Object(inner) if k.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:")) => {
                inner
                    .iter()
                    .filter(|(k, _)| is_members_key(k))
                    .map(|(_, v)| value_count(v))
                    .sum()
            }
            _ => 0,
        })
        .sum()
}

/// Walks a JSON value: string lengths and array lengths, and adds its
/// size as JSON to `size`. A Group's members are neither walked nor
/// counted (their count has its own limit).
struct Walk {
    kind: ResourceKind,
    size: usize,
    /// The attribute path of the value being walked is `path[from..]`:
    /// one buffer grown and cut back as the walk goes, rather than a new
    /// string per attribute (which showed in request profiles).
    path: String,
    from: usize,
}

impl Walk {
    /// A walk of a value at attribute path `path` ("" at the top).
    fn new(kind: ResourceKind, path: &str) -> Walk {
        let mut buf = String::with_capacity(64);
        buf.push_str(path);
        Walk {
            kind,
            size: 0,
            path: buf,
            from: 0,
        }
    }

    fn current(&self) -> &str {
        &self.path[self.from..]
    }

    fn value(&mut self, v: &Value, depth: usize) -> Result<()> {
        match v {
            Value::Null => self.size += 4,
            Value::Bool(_) => self.size += 5,
            Value::Number(n) => self.size += n.to_string().len(),
            Value::String(s) => {
                let path = self.current();
                let max = if path.eq_ignore_ascii_case("userName") {
                    MAX_USER_NAME_BYTES
                } else {
                    MAX_VALUE_BYTES
                };
                if s.len() > max {
                    return Err(value_too_long(path, s.len(), max));
                }
                // userName's own check refuses every control character,
                // naming it.
                if s.contains('\0') && max != MAX_USER_NAME_BYTES {
                    return Err(nul_in_value(path));
                }
                self.size += s.len() + 2;
            }
            Value::Array(items) => {
                if items.len() > MAX_MULTI_VALUES {
                    let path = self.current();
                    return Err(exceeded(
                        "values per attribute",
                        MAX_MULTI_VALUES,
                        format!(
                            "attribute \"{path}\" has {} values; at most {} are accepted",
                            grouped(items.len()),
                            MAX_MULTI_VALUES
                        ),
                    ));
                }
                self.size += 2 + items.len();
                for item in items {
                    self.value(item, depth + 1)?;
                }
            }
            Value::Object(obj) => self.object(obj, depth)?,
        }
        self.check_size()
    }

    fn object(&mut self, obj: &Map<String, Value>, depth: usize) -> Result<()> {
        self.size += 2 + obj.len();
        for (k, sv) in obj {
            if depth == 0 && self.kind == ResourceKind::Group && is_members_key(k) {
                check_member_values(sv)?;
                continue;
            }
            let (len, from) = (self.path.len(), self.from);
            // A URN container's attributes are named without it.
            if depth == 0 || k.starts_with("urn:") || self.current().starts_with("urn:") {
                self.from = len;
            } else {
                self.path.push('.');
            }
            self.path.push_str(k);
            self.size += k.len() + 3;
            let walked = self.value(sv, depth + 1);
            self.path.truncate(len);
            self.from = from;
            walked?;
        }
        self.check_size()
    }

    fn check_size(&self) -> Result<()> {
        if self.size > MAX_RESOURCE_BYTES {
            return Err(exceeded(
                "resource size",
                MAX_RESOURCE_BYTES,
                format!(
                    "the {} resource is larger than {} bytes as JSON{}; at most {} bytes are accepted",
                    self.kind.name(),
                    grouped(MAX_RESOURCE_BYTES),
                    if self.kind == ResourceKind::Group {
                        " (its members not counted)"
                    } else {
                        ""
                    },
                    grouped(MAX_RESOURCE_BYTES)
                ),
            ));
        }
        Ok(())
    }
}

/// A member list's string values (`value`, `display` as the client sent
/// it, `$ref`): each at most `MAX_VALUE_BYTES`, since a member's display is
/// stored. Members are not counted in the resource's size.
fn check_member_values(v: &Value) -> Result<()> {
    let elements = match v {
        Value::Array(a) => a.as_slice(),
        other => std::slice::from_ref(other),
    };
    for e in elements {
        let Value::Object(o) = e else { continue };
        for (k, sv) in o {
            if let Value::String(s) = sv {
                if s.len() > MAX_VALUE_BYTES {
                    return Err(value_too_long(
                        &format!("members.{k}"),
                        s.len(),
                        MAX_VALUE_BYTES,
                    ));
                }
                if s.contains('\0') {
                    return Err(nul_in_value(&format!("members.{k}")));
                }
            }
        }
    }
    Ok(())
}

/// A NUL character (U+0000) in a value: no name, id or text means one, and
/// PostgreSQL's text cannot hold it, so both stores refuse it alike.
fn nul_in_value(attr: &str) -> EngineError {
    EngineError::ScimInvalid {
        scim_type: crate::engine::ScimType::InvalidValue,
        message: format!(
            "attribute \"{attr}\" holds a NUL character (U+0000), which no value may hold; remove it"
        ),
    }
}

pub(crate) fn value_too_long(attr: &str, len: usize, max: usize) -> EngineError {
    exceeded(
        if max == MAX_USER_NAME_BYTES {
            "userName length"
        } else {
            "attribute value length"
        },
        max,
        format!(
            "attribute \"{attr}\" is {} bytes long; at most {} bytes are accepted",
            grouped(len),
            grouped(max)
        ),
    )
}

/// A User or Group body (POST, PUT, or a PATCH's result): the member count
/// first, then every value's length, every attribute's value count and the
/// resource's size.
pub fn check_resource(kind: ResourceKind, body: &Value) -> Result<()> {
    let Value::Object(obj) = body else {
        return Ok(()); // normalisation refuses it with a clearer message
    };
    if kind == ResourceKind::Group {
        let n = body_members(obj);
        if n > MAX_MEMBERS_PER_REQUEST {
            return Err(members_refused(n));
        }
    }
    Walk::new(kind, "").value(body, 0)
}

/// A normalised resource (what a write will store, read-only attributes
/// dropped): value lengths, value counts and size, a Group's members left
/// out. Catches what a PATCH builds up over several operations.
pub fn check_normalised(kind: ResourceKind, obj: &Map<String, Value>) -> Result<()> {
    Walk::new(kind, "").object(obj, 0)
}

/// The members a PATCH operation's value lists, for `path` (None: a
/// path-less value object).
fn op_members(path: Option<&str>, value: Option<&Value>) -> usize {
    let Some(value) = value else { return 0 };
    match path {
        Some(p) => {
            let head = p.split(['[', '.']).next().unwrap_or(p).trim();
            if is_members_key(head) {
                value_count(value)
            } else {
                0
            }
        }
        None => value.as_object().map_or(0, body_members),
    }
}

fn get_ci<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).or_else(|| {
        obj.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// A PATCH body, before it is parsed: the operation count, the members its
/// values list, each path's length, and each value's strings and arrays.
pub fn check_patch(kind: ResourceKind, body: &Value) -> Result<()> {
    let Some(Value::Array(ops)) = body.as_object().and_then(|o| get_ci(o, "Operations")) else {
        return Ok(()); // the parser refuses it with a clearer message
    };
    if ops.len() > MAX_PATCH_OPERATIONS {
        return Err(exceeded(
            "operations per PATCH",
            MAX_PATCH_OPERATIONS,
            format!(
                "the PATCH request has {} operations; at most {} are accepted per request",
                grouped(ops.len()),
                grouped(MAX_PATCH_OPERATIONS)
            ),
        ));
    }
    let mut members = 0usize;
    for op in ops {
        let Some(o) = op.as_object() else { continue };
        let path = get_ci(o, "path").and_then(Value::as_str);
        if let Some(p) = path
            && p.len() > MAX_FILTER_BYTES
        {
            return Err(exceeded(
                "path length",
                MAX_FILTER_BYTES,
                format!(
                    "a PATCH path is {} bytes long; at most {} bytes are accepted",
                    grouped(p.len()),
                    grouped(MAX_FILTER_BYTES)
                ),
            ));
        }
        if kind == ResourceKind::Group {
            members = members.saturating_add(op_members(path, get_ci(o, "value")));
        }
    }
    if members > MAX_MEMBERS_PER_REQUEST {
        return Err(members_refused(members));
    }
    for op in ops {
        let Some(o) = op.as_object() else { continue };
        let Some(v) = get_ci(o, "value") else {
            continue;
        };
        let path = get_ci(o, "path").and_then(Value::as_str).map(str::trim);
        let members_op = path.is_some_and(|p| op_members(Some(p), Some(v)) > 0);
        if kind == ResourceKind::Group && members_op {
            // Counted above; not part of the resource's size.
            check_member_values(v)?;
            continue;
        }
        // A value's size counts against the resource it will be part of.
        match path {
            Some(p) => {
                let attr = p.split('[').next().unwrap_or(p);
                Walk::new(kind, attr).value(v, 1)?
            }
            None => Walk::new(kind, "").value(v, 0)?,
        }
    }
    Ok(())
}

/// The refusal of a list whose unindexed scan ran past its time budget.
pub fn scan_refused(kind: ResourceKind, filter: Option<&str>, budget: Duration) -> EngineError {
    let (noun, keys) = match kind {
        ResourceKind::User => (
            "users",
            "userName eq \"…\", externalId eq \"…\", id eq \"…\" or emails.value eq \"…\"",
        ),
        ResourceKind::Group => (
            "groups",
            "displayName eq \"…\", externalId eq \"…\", id eq \"…\" or members.value eq \"…\"",
        ),
    };
    let what = match filter {
        Some(f) => format!("the filter {:?} matches no index", snippet(f)),
        None => "sorting without a filter".to_owned(),
    };
    EngineError::FilterTooCostly {
        message: format!(
            "{what}, and scanning the tenant's {noun} for it ran past the {} ms budget; filter on {keys} (the filters an identity provider sends), alone or joined with \"and\"",
            budget.as_millis()
        ),
    }
}

fn snippet(s: &str) -> String {
    const MAX: usize = 200;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reason(e: &EngineError) -> &'static str {
        e.reason()
    }

    #[test]
    fn a_long_value_is_named_by_its_attribute_path() {
        let long = json!("x".repeat(MAX_VALUE_BYTES + 1));
        let ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        let named = |e: EngineError| {
            let m = e.to_string();
            m.split('"').nth(1).unwrap_or_default().to_owned()
        };
        let body = |v: Value| check_resource(ResourceKind::User, &v).unwrap_err();
        assert_eq!(
            named(body(json!({"name": {"givenName": long}}))),
            "name.givenName"
        );
        assert_eq!(
            named(body(json!({"emails": [{"value": long}]}))),
            "emails.value"
        );
        assert_eq!(
            named(body(json!({ent: {"employeeNumber": long}}))),
            "employeeNumber"
        );
        assert_eq!(
            named(body(json!({ent: {"manager": {"displayName": long}}}))),
            "manager.displayName"
        );
        assert_eq!(
            named(body(json!({"name": {"familyName": "F"}, "title": long}))),
            "title"
        );
        let patch = |path: Option<&str>, value: Value| {
            let op = match path {
                Some(p) => json!({"op": "add", "path": p, "value": value}),
                None => json!({"op": "add", "value": value}),
            };
            check_patch(ResourceKind::User, &json!({"Operations": [op]})).unwrap_err()
        };
        assert_eq!(
            named(patch(Some("name"), json!({"givenName": long}))),
            "name.givenName"
        );
        assert_eq!(
            named(patch(
                Some("emails[type eq \"work\"]"),
                json!([{"value": long}])
            )),
            "emails.value"
        );
        assert_eq!(
            named(patch(None, json!({"name.givenName": long}))),
            "name.givenName"
        );
        let mut obj = Map::new();
        obj.insert("name".into(), json!({"givenName": long}));
        assert_eq!(
            named(check_normalised(ResourceKind::User, &obj).unwrap_err()),
            "name.givenName"
        );
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(65_536), "65,536");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn too_many_operations_name_the_limit() {
        let ops: Vec<Value> = (0..1_500)
            .map(|_| json!({"op": "replace", "path": "active", "value": true}))
            .collect();
        let e = check_patch(ResourceKind::User, &json!({"Operations": ops})).unwrap_err();
        assert_eq!(reason(&e), "limit_exceeded");
        assert_eq!(
            e.scim_type().map(crate::engine::ScimType::as_str),
            Some("invalidValue")
        );
        assert!(e.to_string().contains("1,500 operations"), "{e}");
        assert!(e.to_string().contains("at most 1,000"), "{e}");
        let ok: Vec<Value> = (0..1_000)
            .map(|_| json!({"op": "replace", "path": "active", "value": true}))
            .collect();
        assert!(check_patch(ResourceKind::User, &json!({"Operations": ok})).is_ok());
    }

    #[test]
    fn members_are_summed_over_operations() {
        let list = |n: usize| -> Value {
            (0..n)
                .map(|i| json!({"value": format!("m{i}")}))
                .collect::<Vec<_>>()
                .into()
        };
        let body = json!({"Operations": [
            {"op": "add", "path": "members", "value": list(6_000)},
            {"op": "remove", "path": "members", "value": list(4_001)},
        ]});
        let e = check_patch(ResourceKind::Group, &body).unwrap_err();
        assert!(e.to_string().contains("10,001 group members"), "{e}");
        let body = json!({"Operations": [
            {"op": "add", "value": {"members": list(10_000)}},
        ]});
        assert!(check_patch(ResourceKind::Group, &body).is_ok());
        let e = check_resource(
            ResourceKind::Group,
            &json!({"displayName": "g", "members": list(10_001)}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("at most 10,000"), "{e}");
    }

    #[test]
    fn long_values_name_the_attribute() {
        let long = "x".repeat(MAX_VALUE_BYTES + 1);
        let e = check_resource(
            ResourceKind::User,
            &json!({"userName": "a@b.co", "name": {"givenName": long}}),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("\"name.givenName\" is 4,097 bytes"),
            "{e}"
        );
        let e =
            check_resource(ResourceKind::User, &json!({"userName": "u".repeat(257)})).unwrap_err();
        assert!(e.to_string().contains("at most 256 bytes"), "{e}");
        let e = check_patch(
            ResourceKind::User,
            &json!({"Operations": [{"op": "add", "path": "emails[type eq \"work\"].value", "value": "x".repeat(5000)}]}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("\"emails\""), "{e}");
    }

    #[test]
    fn big_resources_and_long_lists_are_refused() {
        let emails: Vec<Value> = (0..101)
            .map(|i| json!({"value": format!("{i}@x.co")}))
            .collect();
        let e = check_resource(ResourceKind::User, &json!({"emails": emails})).unwrap_err();
        assert!(e.to_string().contains("\"emails\" has 101 values"), "{e}");
        let mut big = Map::new();
        for i in 0..40 {
            big.insert(format!("k{i}"), Value::String("y".repeat(2_000)));
        }
        let e = check_resource(ResourceKind::User, &Value::Object(big)).unwrap_err();
        assert!(e.to_string().contains("65,536 bytes"), "{e}");
        // A member's display is stored as sent: bounded like any value,
        // in a body and in a PATCH.
        let long = "d".repeat(MAX_VALUE_BYTES + 1);
        let members = json!([{"value": "u1", "display": long}]);
        let e = check_resource(
            ResourceKind::Group,
            &json!({"displayName": "g", "members": members}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("members.display"), "{e}");
        let patch = json!({"Operations": [{"op": "add", "path": "members", "value": members}]});
        let e = check_patch(ResourceKind::Group, &patch).unwrap_err();
        assert!(e.to_string().contains("members.display"), "{e}");
        let short = json!([{"value": "u1", "display": "d".repeat(MAX_VALUE_BYTES)}]);
        let patch = json!({"Operations": [{"op": "add", "path": "members", "value": short}]});
        assert!(check_patch(ResourceKind::Group, &patch).is_ok());
    }

    #[test]
    fn long_filters_are_refused_before_parsing() {
        assert!(check_filter(&"a".repeat(MAX_FILTER_BYTES)).is_ok());
        let e = check_filter(&"a".repeat(MAX_FILTER_BYTES + 1)).unwrap_err();
        assert!(e.to_string().contains("4,097 bytes"), "{e}");
    }
}
