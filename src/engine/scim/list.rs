//! Query parameters of list and read requests (RFC 7644 §3.4.2, §3.9):
//! pagination, sorting, and projection with `attributes` /
//! `excludedAttributes` honouring each attribute's `returned`. A projected
//! path may carry a value filter, as Microsoft's reference tests send
//! (`attributes=emails[type eq "work"]`): only the matching values are
//! returned (or, in `excludedAttributes`, left out).

use std::cmp::Ordering;

use serde_json::{Map, Value, json};

use super::filter::{Filter, IndexKey, PathExpr};
use super::schema::{AttrPath, LIST_URN, Mutability, ResourceSchema, Returned};
use crate::engine::admin::users::fold_case;
use crate::engine::error::{EngineError, Result, ScimType};

/// Page size when the client gives no `count`, and the most one page holds
/// (advertised as `filter.maxResults`).
pub const DEFAULT_COUNT: u64 = 100;
pub const MAX_COUNT: u64 = 1000;

/// A list or search request as the client wrote it.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub filter: Option<String>,
    pub start_index: Option<i64>,
    pub count: Option<i64>,
    pub sort_by: Option<String>,
    pub sort_order: Option<String>,
    pub attributes: Option<String>,
    pub excluded_attributes: Option<String>,
    /// How long an unindexed scan may run; None is `limits::SCAN_BUDGET`.
    /// Never set from a request (tests set zero to see the refusal).
    pub scan_budget: Option<std::time::Duration>,
}

impl ListQuery {
    /// The scan budget in force for this query.
    pub fn scan_budget(&self) -> std::time::Duration {
        self.scan_budget.unwrap_or(super::limits::SCAN_BUDGET)
    }
}

/// How a list was answered; tests and `--explain`-style tools assert on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// No filter: a page straight from the store.
    All,
    /// A store index gave the candidates; the filter ran on those only.
    Index(IndexKey),
    /// No index applies: a paginated scan of the tenant's resources.
    Scan,
}

#[derive(Debug, Clone)]
pub struct ListPage {
    pub total: u64,
    pub start_index: u64,
    pub resources: Vec<Value>,
    pub plan: Plan,
}

impl ListPage {
    /// The `ListResponse` message.
    pub fn to_json(&self) -> Value {
        json!({
            "schemas": [LIST_URN],
            "totalResults": self.total,
            "startIndex": self.start_index,
            "itemsPerPage": self.resources.len(),
            "Resources": self.resources,
        })
    }
}

/// `startIndex` (1-based, < 1 → 1) and `count` (negative → 0, capped).
pub fn window(q: &ListQuery) -> (u64, u64) {
    let start = q.start_index.unwrap_or(1).max(1) as u64;
    let count = match q.count {
        None => DEFAULT_COUNT,
        Some(c) => (c.max(0) as u64).min(MAX_COUNT),
    };
    (start, count)
}

/// The comma-separated entries of a projection list; a comma inside a
/// value filter (`emails[value eq "a,b"]`) does not separate.
fn entries(list: &str) -> Vec<&str> {
    let (mut out, mut start, mut depth, mut quoted, mut escaped) =
        (Vec::new(), 0, 0u32, false, false);
    for (i, c) in list.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth = depth.saturating_sub(1),
            ',' if !quoted && depth == 0 => {
                out.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&list[start..]);
    out
}

/// A projected attribute with a value filter: `emails[type eq "work"]`,
/// optionally narrowed to a sub-attribute (`….value`).
#[derive(Debug, Clone)]
struct ValueFilter {
    attr: String,
    filter: Filter,
}

/// Parses a projection list into plain paths (a filtered entry as its
/// attribute, or `attr.sub`) and the value filters.
fn paths(list: Option<&str>, what: &str) -> Result<(Vec<AttrPath>, Vec<ValueFilter>)> {
    let Some(list) = list.filter(|s| !s.trim().is_empty()) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let bad = |p: &str, why: String| EngineError::ScimInvalid {
        scim_type: ScimType::InvalidPath,
        message: format!("{what} names {p:?}, which is not an attribute path{why}"),
    };
    let (mut plain, mut filtered) = (Vec::new(), Vec::new());
    for p in entries(list) {
        let p = p.trim();
        if !p.contains('[') {
            plain.push(AttrPath::parse(p).ok_or_else(|| bad(p, String::new()))?);
            continue;
        }
        let e = PathExpr::parse(p).map_err(|e| bad(p, format!(": {}", e.message)))?;
        let Some(filter) = e.filter else {
            return Err(bad(p, String::new()));
        };
        if what == "excludedAttributes" && e.sub.is_some() {
            return Err(EngineError::ScimInvalid {
                scim_type: ScimType::InvalidPath,
                message: format!(
                    "excludedAttributes names {p:?}: a value filter there leaves out whole values (emails[type eq \"work\"]), not one sub-attribute of them"
                ),
            });
        }
        plain.push(AttrPath {
            urn: e.attr.urn.clone(),
            attr: e.attr.attr.clone(),
            sub: e.sub,
        });
        filtered.push(ValueFilter {
            attr: e.attr.attr,
            filter,
        });
    }
    Ok((plain, filtered))
}

/// Which attributes a response carries.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    attributes: Vec<AttrPath>,
    excluded: Vec<AttrPath>,
    /// Value filters of `attributes`: only matching values are returned.
    only: Vec<ValueFilter>,
    /// Value filters of `excludedAttributes`: matching values are left out.
    without: Vec<ValueFilter>,
}

impl Projection {
    pub fn parse(attributes: Option<&str>, excluded: Option<&str>) -> Result<Projection> {
        let (attributes, only) = paths(attributes, "attributes")?;
        let (excluded_all, without) = paths(excluded, "excludedAttributes")?;
        // A filtered exclusion leaves the attribute in, minus its matches.
        let excluded = excluded_all
            .into_iter()
            .filter(|p| {
                p.sub.is_some() || !without.iter().any(|w| w.attr.eq_ignore_ascii_case(&p.attr))
            })
            .collect();
        let p = Projection {
            attributes,
            excluded,
            only,
            without,
        };
        if !p.attributes.is_empty() && !p.excluded.is_empty() {
            return Err(EngineError::ScimInvalid {
                scim_type: ScimType::InvalidSyntax,
                message: "attributes and excludedAttributes cannot be used together".into(),
            });
        }
        Ok(p)
    }

    pub fn from_query(q: &ListQuery) -> Result<Projection> {
        Projection::parse(q.attributes.as_deref(), q.excluded_attributes.as_deref())
    }

    /// Whether the response will carry the top-level attribute `name`, so
    /// the caller can skip reading what is not shown (a group's members).
    pub fn includes(&self, schema: &ResourceSchema, name: &str) -> bool {
        let same = |p: &AttrPath| {
            schema
                .resolve(p)
                .is_some_and(|r| r.attr.name.eq_ignore_ascii_case(name))
        };
        if !self.attributes.is_empty() {
            return self.attributes.iter().any(same);
        }
        !self.excluded.iter().any(|p| p.sub.is_none() && same(p))
    }

    /// Applies the projection to a canonical resource.
    pub fn apply(&self, schema: &ResourceSchema, resource: Value) -> Value {
        if self.is_default() {
            return self.apply_default(schema, resource);
        }
        self.apply_asked(schema, resource)
    }

    /// No `attributes` or `excludedAttributes` asked for (nearly every
    /// request).
    fn is_default(&self) -> bool {
        self.attributes.is_empty()
            && self.excluded.is_empty()
            && self.only.is_empty()
            && self.without.is_empty()
    }

    /// `apply_asked` for the default projection, in place: it then only
    /// drops what the schema does not return by default (and extension
    /// containers left empty) and keeps every other value as it is, so
    /// the resource is not rebuilt object by object (which showed in
    /// profiles). A test holds it to `apply_asked`.
    fn apply_default(&self, schema: &ResourceSchema, mut resource: Value) -> Value {
        let Value::Object(obj) = &mut resource else {
            return resource;
        };
        obj.retain(|k, v| {
            if k == "schemas" {
                return true;
            }
            if let Some(ext) = schema.extension(k) {
                let Value::Object(attrs) = v else {
                    return false;
                };
                attrs.retain(|a, _| self.keep_in_extension(schema, ext.id, a));
                return !attrs.is_empty();
            }
            let path = AttrPath::simple(k);
            let Some(def) = schema.resolve(&path).map(|r| r.attr) else {
                return true;
            };
            if def.returned == Returned::Never || def.mutability == Mutability::WriteOnly {
                return false;
            }
            def.returned == Returned::Always || self.keep(schema, &path)
        });
        resource
    }

    /// Applies asked-for attributes or exclusions, rebuilding the resource.
    fn apply_asked(&self, schema: &ResourceSchema, resource: Value) -> Value {
        let Value::Object(obj) = resource else {
            return resource;
        };
        let mut out = Map::new();
        for (k, v) in obj {
            if k == "schemas" {
                out.insert(k, v);
                continue;
            }
            if let Some(ext) = schema.extension(&k) {
                // Extension container: project its attributes one by one.
                if let Value::Object(attrs) = v {
                    let kept: Map<String, Value> = attrs
                        .into_iter()
                        .filter(|(a, _)| self.keep_in_extension(schema, ext.id, a))
                        .collect();
                    if !kept.is_empty() {
                        out.insert(k, Value::Object(kept));
                    }
                }
                continue;
            }
            let path = AttrPath::simple(&k);
            let Some(def) = schema.resolve(&path).map(|r| r.attr) else {
                out.insert(k, v);
                continue;
            };
            if def.returned == Returned::Never || def.mutability == Mutability::WriteOnly {
                continue;
            }
            if def.returned == Returned::Always {
                out.insert(k, v);
                continue;
            }
            if !self.keep(schema, &path) {
                continue;
            }
            // Sub-attribute selection: `attributes=name.givenName`.
            let subs: Vec<&AttrPath> = self
                .attributes
                .iter()
                .filter(|p| p.sub.is_some() && p.urn.is_none() && p.attr.eq_ignore_ascii_case(&k))
                .collect();
            let whole = self
                .attributes
                .iter()
                .any(|p| p.sub.is_none() && p.attr.eq_ignore_ascii_case(&k));
            let excluded_subs: Vec<&AttrPath> = self
                .excluded
                .iter()
                .filter(|p| p.sub.is_some() && p.attr.eq_ignore_ascii_case(&k))
                .collect();
            let pick = |item: Value| -> Value {
                let Value::Object(m) = item else { return item };
                Value::Object(
                    m.into_iter()
                        .filter(|(sk, _)| {
                            let named = |p: &&AttrPath| {
                                p.sub.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(sk))
                            };
                            (whole || subs.is_empty() || subs.iter().any(named))
                                && !excluded_subs.iter().any(named)
                        })
                        .collect(),
                )
            };
            let only: Vec<&Filter> = self
                .only
                .iter()
                .filter(|f| f.attr.eq_ignore_ascii_case(&k))
                .map(|f| &f.filter)
                .collect();
            let without: Vec<&Filter> = self
                .without
                .iter()
                .filter(|f| f.attr.eq_ignore_ascii_case(&k))
                .map(|f| &f.filter)
                .collect();
            let wanted = |item: &Value| {
                (only.is_empty() || only.iter().any(|f| f.matches_element(item, def)))
                    && !without.iter().any(|f| f.matches_element(item, def))
            };
            let v = match v {
                Value::Array(items) if !only.is_empty() || !without.is_empty() => {
                    let items: Vec<Value> = items.into_iter().filter(wanted).map(pick).collect();
                    // No value matched: the attribute is left out.
                    if items.is_empty() {
                        continue;
                    }
                    Value::Array(items)
                }
                Value::Array(items) => Value::Array(items.into_iter().map(pick).collect()),
                other => pick(other),
            };
            out.insert(k, v);
        }
        Value::Object(out)
    }

    /// `keep` for attribute `attr` of the extension `urn`.
    fn keep_in_extension(&self, schema: &ResourceSchema, urn: &str, attr: &str) -> bool {
        self.keep(
            schema,
            &AttrPath {
                urn: Some(urn.to_owned()),
                attr: attr.to_owned(),
                sub: None,
            },
        )
    }

    fn keep(&self, schema: &ResourceSchema, path: &AttrPath) -> bool {
        let Some(r) = schema.resolve(path) else {
            return self.attributes.is_empty();
        };
        let same = |p: &AttrPath| {
            schema
                .resolve(p)
                .is_some_and(|q| std::ptr::eq(q.attr, r.attr))
        };
        if r.attr.returned == Returned::Always {
            return true;
        }
        if !self.attributes.is_empty() {
            return self.attributes.iter().any(same);
        }
        if r.attr.returned == Returned::Request {
            return false;
        }
        !self.excluded.iter().any(|p| p.sub.is_none() && same(p))
    }
}

/// A sort key: the attribute's value (a multi-valued attribute's primary
/// or first value), lower-cased unless `caseExact`.
fn sort_key(schema: &ResourceSchema, path: &AttrPath, r: &Value) -> Option<Value> {
    let res = schema.resolve(path)?;
    let container = match res.extension {
        Some(ext) => r.get(ext.id)?,
        None => r,
    };
    let mut v = container.get(res.attr.name)?;
    if let Value::Array(items) = v {
        v = items
            .iter()
            .find(|i| i.get("primary").and_then(Value::as_bool) == Some(true))
            .or_else(|| items.first())?;
    }
    let sub = res
        .sub
        .map(|s| s.name)
        .or_else(|| (res.attr.ty == super::schema::AttrType::Complex).then_some("value"));
    if let Some(s) = sub {
        v = v.get(s)?;
    }
    Some(match v {
        Value::String(s) if !res.leaf().case_exact => Value::String(fold_case(s)),
        other => other.clone(),
    })
}

fn cmp_values(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => Ordering::Equal,
    }
}

/// Sorts resources by `sortBy` (RFC 7644 §3.4.2.3); resources without a
/// value go last in either order.
pub fn sort(schema: &ResourceSchema, q: &ListQuery, resources: &mut Vec<Value>) -> Result<()> {
    sort_with(schema, q, resources, |v| v)
}

/// Sorts items by `sortBy` applied to the resource each one carries.
pub fn sort_with<T>(
    schema: &ResourceSchema,
    q: &ListQuery,
    items: &mut Vec<T>,
    resource: impl Fn(&T) -> &Value,
) -> Result<()> {
    let Some(by) = q.sort_by.as_deref().filter(|s| !s.trim().is_empty()) else {
        return Ok(());
    };
    let path = AttrPath::parse(by.trim()).ok_or_else(|| EngineError::ScimInvalid {
        scim_type: ScimType::InvalidPath,
        message: format!("sortBy {by:?} is not an attribute path"),
    })?;
    let descending = match q.sort_order.as_deref().map(str::trim) {
        None | Some("") => false,
        Some(o) if o.eq_ignore_ascii_case("ascending") => false,
        Some(o) if o.eq_ignore_ascii_case("descending") => true,
        Some(o) => {
            return Err(EngineError::ScimInvalid {
                scim_type: ScimType::InvalidValue,
                message: format!("sortOrder {o:?} must be \"ascending\" or \"descending\""),
            });
        }
    };
    let mut keyed: Vec<(Option<Value>, T)> = items
        .drain(..)
        .map(|t| (sort_key(schema, &path, resource(&t)), t))
        .collect();
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (Some(x), Some(y)) => {
            let o = cmp_values(x, y);
            if descending { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    items.extend(keyed.into_iter().map(|(_, t)| t));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Policy;
    use crate::engine::scim::schema::ResourceKind;

    fn schema() -> ResourceSchema {
        ResourceSchema::for_policy(ResourceKind::User, Policy::Standard)
    }

    fn user() -> Value {
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "id": "1", "userName": "bjensen", "active": true,
            "name": {"givenName": "Barbara", "familyName": "Jensen"},
            "emails": [{"value": "b@x.com", "type": "work"}],
            "meta": {"resourceType": "User"}
        })
    }

    #[test]
    fn attributes_keep_only_what_is_asked_plus_always() {
        let p = Projection::parse(Some("userName,name.givenName"), None).unwrap();
        let out = p.apply(&schema(), user());
        assert_eq!(
            out,
            json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "1", "userName": "bjensen", "name": {"givenName": "Barbara"}})
        );
    }

    #[test]
    fn excluded_attributes_drop_them() {
        let p = Projection::parse(None, Some("emails,name.familyName")).unwrap();
        let out = p.apply(&schema(), user());
        assert!(out.get("emails").is_none());
        assert_eq!(out["name"], json!({"givenName": "Barbara"}));
        assert_eq!(out["meta"]["resourceType"], "User");
        let g = ResourceSchema::for_policy(ResourceKind::Group, Policy::Product);
        let p = Projection::parse(None, Some("members")).unwrap();
        assert!(!p.includes(&g, "members"));
        assert!(p.includes(&g, "displayName"));
    }

    #[test]
    fn the_default_projection_in_place_equals_the_general_one() {
        let p = Projection::default();
        let mut u = user();
        u["password"] = json!("secret");
        u["nickName"] = json!("Babs");
        u["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] =
            json!({"employeeNumber": "7", "manager": {"value": "2"}});
        u["urn:ietf:params:scim:schemas:extension:enterprise:2.0:Other"] = json!("x");
        u["unknownThing"] = json!({"a": [1, {"b": 2}]});
        for policy in [Policy::Standard, Policy::Product] {
            for kind in [ResourceKind::User, ResourceKind::Group] {
                let schema = ResourceSchema::for_policy(kind, policy);
                let group = json!({"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g", "displayName": "G",
                    "members": [{"value": "1", "display": "B", "$ref": "x"}], "meta": {"resourceType": "Group"}});
                for r in [u.clone(), group, json!("not an object")] {
                    assert_eq!(
                        p.apply_default(&schema, r.clone()),
                        p.apply_asked(&schema, r.clone()),
                        "{policy:?} {kind:?} {r}"
                    );
                }
            }
        }
        assert!(p.apply(&schema(), u).get("password").is_none());
    }

    #[test]
    fn both_lists_is_an_error() {
        assert!(Projection::parse(Some("a"), Some("b")).is_err());
        assert!(Projection::parse(Some("a b"), None).is_err());
    }

    #[test]
    fn window_clamps() {
        let q = |s, c| ListQuery {
            start_index: s,
            count: c,
            ..Default::default()
        };
        assert_eq!(window(&q(None, None)), (1, DEFAULT_COUNT));
        assert_eq!(window(&q(Some(0), Some(-5))), (1, 0));
        assert_eq!(window(&q(Some(7), Some(100_000))), (7, MAX_COUNT));
    }

    #[test]
    fn sorting_is_case_insensitive_and_missing_last() {
        let mut v = vec![
            json!({"userName": "b"}),
            json!({}),
            json!({"userName": "A"}),
        ];
        let q = ListQuery {
            sort_by: Some("userName".into()),
            ..Default::default()
        };
        sort(&schema(), &q, &mut v).unwrap();
        assert_eq!(
            v,
            vec![
                json!({"userName": "A"}),
                json!({"userName": "b"}),
                json!({})
            ]
        );
        let q = ListQuery {
            sort_by: Some("userName".into()),
            sort_order: Some("descending".into()),
            ..Default::default()
        };
        sort(&schema(), &q, &mut v).unwrap();
        assert_eq!(v[0], json!({"userName": "b"}));
        assert_eq!(v[2], json!({}));
    }
}
