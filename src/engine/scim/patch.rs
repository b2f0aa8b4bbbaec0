//! SCIM PATCH (RFC 7644 §3.5.2) plus the dialect Microsoft Entra ID speaks.
//!
//! [`PatchRequest::parse`] turns a request body into typed operations;
//! [`apply`] runs them, in order, against a canonical resource (schema
//! attribute names, extension attributes under their URN key) and returns
//! the new resource or the first error. It works on a copy, so a failing
//! request never leaves a half-applied resource behind (RFC 7644 §3.5.2:
//! PATCH is atomic).
//!
//! Entra's dialect, accepted at all times (the `aadOptscim062020` flag does
//! not cover on-demand provisioning, so both shapes arrive):
//! * `op` in any letter case (`Add`, `Replace`, `Remove`);
//! * booleans as strings (`"True"`, `"false"`), via [`value::coerce`];
//! * path-less values with dotted keys (`name.givenName`), URN-qualified
//!   keys (`urn:…:enterprise:2.0:User:employeeNumber`) and bare extension
//!   URNs holding an object of that extension's attributes;
//! * `add`/`replace` on `emails[type eq "work"].value` creating the element
//!   from the filter's `eq` comparisons when none matches;
//! * `remove` on `members` with a `value` list removes exactly the listed
//!   members (the RFC would remove all of them);
//! * a single-valued complex attribute (`manager`) given as a one-element
//!   array, or as a bare id string;
//! * an unqualified extension attribute name (`manager`) when only one
//!   schema of the resource defines it.
//!
//! Choices where RFC 7644 is silent or Entra disagrees with it:
//! * `replace` with `null` (or a value that coerces to nothing, such as
//!   `[]`) removes the attribute; for a required attribute it is
//!   `invalidValue`. `add` with `null` is a no-op.
//! * `remove` whose value filter matches nothing succeeds without change:
//!   Entra sends deltas and never re-reads, so a member already gone must
//!   not fail the request forever.
//! * `remove` of a sub-attribute of multi-valued elements drops an element
//!   left empty, or left without its `value` (an email without an address
//!   means nothing). With a `value` in the operation, only elements whose
//!   sub-attribute equals it lose it (Entra sends the old value).
//! * A path-less `remove` is `noTarget`, except with an object value listing
//!   values of multi-valued attributes to remove (`{"members": [...]}`).
//! * `replace` of `attr[filter]` (no sub-attribute) merges the given
//!   sub-attributes into every matching element; no match is `noTarget`.
//!   `add` of the same creates an element from the filter's `eq` terms.
//! * readOnly attributes named by an explicit path are `mutability` errors;
//!   in path-less values they are skipped (`id`, `meta`, `schemas` silently,
//!   others reported in `ignored`), and readOnly sub-attributes inside values
//!   (`members[].display`) are dropped and reported in `ignored`.
//! * Attributes the schema does not define (including whole extensions the
//!   tenant's policy leaves out) are not errors: they are skipped and
//!   reported in [`PatchOutcome::ignored`].
//!
//! Not done here: userName rules and ownership (the caller applies the
//! product rules), `meta` (the caller bumps it when `changed`).

use std::collections::HashSet;
use std::fmt;

use serde_json::{Map, Value};

use super::filter::{CompareOp, Filter, Literal, PathExpr};
use super::schema::{
    AttrDef, AttrPath, AttrType, Mutability, PATCH_URN, ResourceSchema, SchemaDef,
};
use super::value::{CoerceError, coerce, coerce_element, coerce_single, identified_by_value};
use crate::engine::admin::users::{fold_case, same_folded};
use crate::engine::error::ScimType;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    Add,
    Replace,
    Remove,
}

impl OpKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OpKind::Add => "add",
            OpKind::Replace => "replace",
            OpKind::Remove => "remove",
        }
    }
}

/// One operation. `value` keeps the client's JSON; it is coerced against
/// the target attribute when applied.
#[derive(Debug, Clone, PartialEq)]
pub struct PatchOp {
    pub op: OpKind,
    pub path: Option<PathExpr>,
    pub value: Option<Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PatchRequest {
    pub ops: Vec<PatchOp>,
}

/// Why a PATCH was refused; maps onto a 400 with this `scimType`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchError {
    pub scim_type: ScimType,
    pub message: String,
}

impl PatchError {
    fn new(scim_type: ScimType, message: impl Into<String>) -> PatchError {
        PatchError {
            scim_type,
            message: message.into(),
        }
    }

    /// Names the operation (1-based, as an admin counts) in the message.
    fn at(mut self, index: usize) -> PatchError {
        self.message = format!("operation {}: {}", index + 1, self.message);
        self
    }
}

impl fmt::Display for PatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.scim_type)
    }
}

impl std::error::Error for PatchError {}

fn syntax(m: impl Into<String>) -> PatchError {
    PatchError::new(ScimType::InvalidSyntax, m)
}
fn no_target(m: impl Into<String>) -> PatchError {
    PatchError::new(ScimType::NoTarget, m)
}
fn mutability(m: impl Into<String>) -> PatchError {
    PatchError::new(ScimType::Mutability, m)
}
fn invalid_value(m: impl Into<String>) -> PatchError {
    PatchError::new(ScimType::InvalidValue, m)
}

/// The result of a successful PATCH.
#[derive(Debug, Clone, PartialEq)]
pub struct PatchOutcome {
    pub resource: Value,
    /// False when the resource is unchanged: the caller must then leave
    /// `meta.lastModified` and the version alone.
    pub changed: bool,
    /// Attribute paths in the request that the schema does not hold (or
    /// readOnly sub-attributes inside values), skipped. Deduplicated, in
    /// order of first appearance.
    pub ignored: Vec<String>,
}

/// A key looked up the way SCIM names are compared: exact first, then
/// ignoring case.
fn get_ci<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).or_else(|| {
        obj.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

impl PatchRequest {
    /// Parses a PATCH body (RFC 7644 §3.5.2), tolerant of letter case in
    /// keywords and keys.
    pub fn parse(body: &Value) -> Result<PatchRequest, PatchError> {
        let obj = body
            .as_object()
            .ok_or_else(|| syntax("the PATCH body must be a JSON object"))?;
        let is_patch = |v: &Value| {
            v.as_str()
                .is_some_and(|s| s.eq_ignore_ascii_case(PATCH_URN))
        };
        let schemas_ok = match get_ci(obj, "schemas") {
            Some(Value::Array(a)) => a.iter().any(is_patch),
            Some(v) => is_patch(v),
            None => false,
        };
        if !schemas_ok {
            return Err(syntax(format!("\"schemas\" must contain \"{PATCH_URN}\"")));
        }
        let ops = match get_ci(obj, "Operations") {
            Some(Value::Array(a)) if !a.is_empty() => a,
            _ => {
                return Err(syntax(
                    "\"Operations\" must be an array of one or more operations",
                ));
            }
        };
        let ops = ops
            .iter()
            .enumerate()
            .map(|(i, op)| PatchOp::parse(op).map_err(|e| e.at(i)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PatchRequest { ops })
    }
}

impl PatchOp {
    /// Parses one element of `Operations`.
    pub fn parse(v: &Value) -> Result<PatchOp, PatchError> {
        let o = v
            .as_object()
            .ok_or_else(|| syntax("each operation must be a JSON object"))?;
        let op = match get_ci(o, "op") {
            Some(Value::String(s)) if s.eq_ignore_ascii_case("add") => OpKind::Add,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("replace") => OpKind::Replace,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("remove") => OpKind::Remove,
            Some(other) => {
                return Err(syntax(format!(
                    "unknown \"op\" {other}; expected add, replace or remove"
                )));
            }
            None => return Err(syntax("missing \"op\"")),
        };
        let path = match get_ci(o, "path") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(PathExpr::parse(s.trim()).map_err(|e| {
                PatchError::new(ScimType::InvalidPath, format!("invalid path {s:?}: {e}"))
            })?),
            Some(other) => {
                return Err(PatchError::new(
                    ScimType::InvalidPath,
                    format!("\"path\" must be a string, got {other}"),
                ));
            }
        };
        let value = get_ci(o, "value").cloned();
        let op = PatchOp { op, path, value };
        op.check()?;
        Ok(op)
    }

    fn check(&self) -> Result<(), PatchError> {
        match self.op {
            OpKind::Add | OpKind::Replace if self.value.is_none() => Err(syntax(format!(
                "\"{}\" needs a \"value\"",
                self.op.as_str()
            ))),
            OpKind::Remove
                if self.path.is_none() && !matches!(self.value, Some(Value::Object(_))) =>
            {
                Err(no_target("\"remove\" needs a \"path\""))
            }
            _ => Ok(()),
        }
    }
}

/// Applies `req` to `resource` (canonical JSON) under `schema`. Atomic:
/// the first failing operation returns its error and nothing is applied.
pub fn apply(
    schema: &ResourceSchema,
    resource: &Value,
    req: &PatchRequest,
) -> Result<PatchOutcome, PatchError> {
    let Value::Object(original) = resource else {
        return Err(syntax("the resource to patch must be a JSON object"));
    };
    let mut work = original.clone();
    let mut cx = Cx {
        schema,
        ignored: Vec::new(),
    };
    for (i, op) in req.ops.iter().enumerate() {
        cx.op(&mut work, op).map_err(|e| e.at(i))?;
    }
    let changed = work != *original;
    let mut seen: HashSet<String> = HashSet::with_capacity(cx.ignored.len());
    let ignored: Vec<String> = cx
        .ignored
        .into_iter()
        .filter(|i| seen.insert(i.clone()))
        .collect();
    Ok(PatchOutcome {
        resource: Value::Object(work),
        changed,
        ignored,
    })
}

/// Adds `urn` to the resource's `schemas` when missing (RFC 7644 §3.5.2.1:
/// adding an extension attribute implies its schema). Creates `schemas`
/// with the core URN first if the resource has none.
pub fn merge_schemas(resource: &mut Map<String, Value>, core_urn: &str, urn: &str) {
    match resource.get_mut("schemas") {
        Some(Value::Array(a)) => {
            if !a
                .iter()
                .any(|s| s.as_str().is_some_and(|s| s.eq_ignore_ascii_case(urn)))
            {
                a.push(Value::String(urn.to_owned()));
            }
        }
        _ => {
            let mut list = vec![Value::String(core_urn.to_owned())];
            if !core_urn.eq_ignore_ascii_case(urn) {
                list.push(Value::String(urn.to_owned()));
            }
            resource.insert("schemas".into(), Value::Array(list));
        }
    }
}

fn drop_schema(resource: &mut Map<String, Value>, urn: &str) {
    if let Some(Value::Array(a)) = resource.get_mut("schemas") {
        a.retain(|s| !s.as_str().is_some_and(|s| s.eq_ignore_ascii_case(urn)));
    }
}

/// Moves a differently-cased key to the canonical `name`; true when the
/// attribute is present (and not null).
fn canonicalise(m: &mut Map<String, Value>, name: &str) -> bool {
    if !m.contains_key(name) {
        let Some(k) = m.keys().find(|k| k.eq_ignore_ascii_case(name)).cloned() else {
            return false;
        };
        if let Some(v) = m.remove(&k) {
            m.insert(name.to_owned(), v);
        }
    }
    m.get(name).is_some_and(|v| !v.is_null())
}

/// Takes a multi-valued attribute out of its container as a list (empty
/// when absent; a stray lone value becomes a one-element list).
fn take_list(c: &mut Map<String, Value>, name: &str) -> Vec<Value> {
    canonicalise(c, name);
    match c.remove(name) {
        Some(Value::Array(a)) => a,
        None | Some(Value::Null) => Vec::new(),
        Some(other) => vec![other],
    }
}

fn put_list(c: &mut Map<String, Value>, name: &str, list: Vec<Value>) {
    if !list.is_empty() {
        c.insert(name.to_owned(), Value::Array(list));
    }
}

/// Equality of two values of `def`, ignoring case where `def` is not
/// caseExact.
fn same_value(def: &AttrDef, a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) if !def.case_exact => same_folded(x, y),
        _ => a == b,
    }
}

fn check_immutable(def: &AttrDef, old: Option<&Value>, new: &Value) -> Result<(), PatchError> {
    if def.mutability == Mutability::Immutable
        && let Some(old) = old.filter(|v| !v.is_null())
        && !same_value(def, old, new)
    {
        return Err(mutability(format!(
            "attribute \"{}\" is immutable and already has a value",
            def.name
        )));
    }
    Ok(())
}

fn elem_value(e: &Value) -> Option<&Value> {
    e.get("value").filter(|v| !v.is_null())
}

/// An element of `attr` equal to `item` (for members: with the same value).
fn same_element(attr: &AttrDef, a: &Value, b: &Value) -> bool {
    if identified_by_value(attr) {
        let vd = attr.sub_attr("value");
        return match (elem_value(a), elem_value(b), vd) {
            (Some(x), Some(y), Some(vd)) => same_value(vd, x, y),
            _ => false,
        };
    }
    a == b
}

/// An element left with nothing worth keeping after a sub-attribute was
/// removed: empty, or without the `value` that identifies it.
/// What identifies an element of `attr` in a hash set, when its identity
/// is its `value` (members): the value's text, folded unless caseExact, so
/// that two keys are equal exactly when `same_element` says so.
fn element_key(attr: &AttrDef, e: &Value) -> Option<String> {
    if !identified_by_value(attr) {
        return None;
    }
    let vd = attr.sub_attr("value")?;
    value_key(vd, elem_value(e)?)
}

/// `same_value`'s equality as a hash key, for string values.
fn value_key(def: &AttrDef, v: &Value) -> Option<String> {
    match v {
        Value::String(s) if def.case_exact => Some(s.clone()),
        Value::String(s) => Some(fold_case(s)),
        _ => None,
    }
}

fn is_hollow(attr: &AttrDef, e: &Value) -> bool {
    match e.as_object() {
        Some(o) => o.is_empty() || (attr.sub_attr("value").is_some() && !o.contains_key("value")),
        None => true,
    }
}

fn literal_json(l: &Literal) -> Option<Value> {
    match l {
        Literal::String(s) => Some(Value::String(s.clone())),
        Literal::Number(n) => Some(Value::Number(n.clone())),
        Literal::Bool(b) => Some(Value::Bool(*b)),
        Literal::Null => None,
    }
}

/// The element a value filter describes, when it is a conjunction of `eq`
/// comparisons on sub-attributes of `attr` (`type eq "work"`): what Entra
/// expects `add`/`replace` of `emails[type eq "work"].value` to create when
/// there is no work email yet.
fn eq_template(f: &Filter, attr: &AttrDef, out: &mut Map<String, Value>) -> bool {
    match f {
        Filter::Compare {
            path,
            op: CompareOp::Eq,
            value,
        } if path.urn.is_none() => {
            let name = match &path.sub {
                None => path.attr.as_str(),
                Some(s) if path.attr.eq_ignore_ascii_case(attr.name) => s.as_str(),
                Some(_) => return false,
            };
            let Some(sd) = attr.sub_attr(name) else {
                return false;
            };
            if sd.mutability == Mutability::ReadOnly {
                return false;
            }
            let Some(json) = literal_json(value) else {
                return false;
            };
            let Ok(Some(v)) = coerce_single(sd, &json, &mut Vec::new()) else {
                return false;
            };
            match out.get(sd.name) {
                Some(existing) if !same_value(sd, existing, &v) => false,
                _ => {
                    out.insert(sd.name.to_owned(), v);
                    true
                }
            }
        }
        Filter::And(a, b) => eq_template(a, attr, out) && eq_template(b, attr, out),
        _ => false,
    }
}

/// A PATCH path as text, for messages and the `ignored` list.
fn path_label(p: &PathExpr) -> String {
    let mut s = p.attr.to_string();
    if let Some(f) = &p.filter {
        s.push_str(&format!("[{f}]"));
    }
    if let Some(sub) = &p.sub {
        s.push('.');
        s.push_str(sub);
    }
    s
}

/// A path resolved against the schema.
struct Target<'p> {
    ext: Option<&'static SchemaDef>,
    attr: &'static AttrDef,
    sub: Option<&'static AttrDef>,
    filter: Option<&'p Filter>,
}

impl Target<'_> {
    fn name(&self) -> String {
        match self.sub {
            Some(s) => format!("{}.{}", self.attr.name, s.name),
            None => self.attr.name.to_owned(),
        }
    }
}

/// What a key of a path-less value object stands for.
enum Key {
    /// The resource envelope (`schemas`, `id`, `meta`): skipped silently.
    Envelope,
    /// A bare extension URN whose value is an object of its attributes.
    Extension(&'static SchemaDef),
    /// The core schema's URN whose value is an object of core attributes.
    Core,
    Path(PathExpr),
    /// Not an attribute path at all: ignored.
    Unknown,
}

struct Cx<'s> {
    schema: &'s ResourceSchema,
    ignored: Vec<String>,
}

impl Cx<'_> {
    fn op(&mut self, res: &mut Map<String, Value>, op: &PatchOp) -> Result<(), PatchError> {
        op.check()?;
        let null = Value::Null;
        if let Some(p) = &op.path
            && let Some((urn, key)) = self.schema_named(p)
        {
            return self.whole_schema(res, urn, key, op.op, op.value.as_ref().unwrap_or(&null));
        }
        match (&op.path, op.op) {
            (Some(p), OpKind::Remove) => self.remove_path(res, p, op.value.as_ref()),
            (Some(p), kind) => {
                self.set_path(res, p, op.value.as_ref().unwrap_or(&null), kind, true, None)
            }
            (None, OpKind::Remove) => self.remove_pathless(res, op.value.as_ref().unwrap_or(&null)),
            (None, kind) => self.set_pathless(res, op.value.as_ref().unwrap_or(&null), kind),
        }
    }

    /// A path that names a whole schema of the resource (an extension's
    /// URN, or the core schema's) rather than an attribute.
    fn schema_named(&self, p: &PathExpr) -> Option<(String, Key)> {
        if p.filter.is_some() || p.sub.is_some() || p.attr.sub.is_some() || p.attr.urn.is_none() {
            return None;
        }
        let urn = path_label(p);
        match self.classify(&urn, None) {
            k @ (Key::Core | Key::Extension(_)) => Some((urn, k)),
            _ => None,
        }
    }

    /// `add`/`replace` with an extension's URN as the path takes an object
    /// of that extension's attributes and merges it in, as for a complex
    /// attribute (RFC 7644 §3.5.2.1, §3.5.2.3); `remove` removes every
    /// attribute of the extension. The core schema cannot be removed whole.
    fn whole_schema(
        &mut self,
        res: &mut Map<String, Value>,
        urn: String,
        key: Key,
        kind: OpKind,
        value: &Value,
    ) -> Result<(), PatchError> {
        let (kind, value) = match (kind, key) {
            (OpKind::Remove, Key::Core) => {
                return Err(no_target(format!(
                    "\"remove\" of the core schema {urn} would remove the whole resource; name the attributes to remove, or DELETE the resource"
                )));
            }
            (OpKind::Remove, _) => (OpKind::Replace, &Value::Null),
            (kind, _) => (kind, value),
        };
        let mut keys = Map::new();
        keys.insert(urn, value.clone());
        self.set_keys(res, &keys, kind, None)
    }

    // ----- resolution -------------------------------------------------

    fn resolve<'p>(&self, p: &'p PathExpr) -> Result<Option<Target<'p>>, PatchError> {
        let base = AttrPath {
            urn: p.attr.urn.clone(),
            attr: p.attr.attr.clone(),
            sub: None,
        };
        let resolved = self.schema.resolve(&base).or_else(|| {
            // An unqualified name that only an extension defines (Entra's
            // `manager`): RFC 7644 §3.10 lets the server resolve it when
            // unambiguous.
            if base.urn.is_some() {
                return None;
            }
            let mut hits = self.schema.extensions.iter().filter_map(|e| {
                let q = AttrPath {
                    urn: Some(e.id.to_owned()),
                    ..base.clone()
                };
                self.schema.resolve(&q)
            });
            let first = hits.next()?;
            hits.next().is_none().then_some(first)
        });
        let Some(r) = resolved else {
            return Ok(None);
        };
        if p.filter.is_some() && !(r.attr.multi && r.attr.ty == AttrType::Complex) {
            return Err(PatchError::new(
                ScimType::InvalidPath,
                format!(
                    "a value filter needs a multi-valued complex attribute; \"{}\" is not one",
                    r.attr.name
                ),
            ));
        }
        let sub_name = match (&p.attr.sub, &p.sub) {
            (Some(_), Some(_)) => {
                return Err(PatchError::new(
                    ScimType::InvalidPath,
                    format!("invalid path \"{}\"", path_label(p)),
                ));
            }
            (a, b) => a.as_deref().or(b.as_deref()),
        };
        let sub = match sub_name {
            None => None,
            Some(n) => match r.attr.sub_attr(n) {
                Some(s) => Some(s),
                None => return Ok(None),
            },
        };
        Ok(Some(Target {
            ext: r.extension,
            attr: r.attr,
            sub,
            filter: p.filter.as_ref(),
        }))
    }

    fn classify(&self, key: &str, within: Option<&'static SchemaDef>) -> Key {
        if within.is_none() {
            if ["schemas", "id", "meta"]
                .iter()
                .any(|e| key.eq_ignore_ascii_case(e))
            {
                return Key::Envelope;
            }
            if key.eq_ignore_ascii_case(self.schema.core.id) {
                return Key::Core;
            }
            if let Some(ext) = self.schema.extension(key) {
                return Key::Extension(ext);
            }
        }
        match PathExpr::parse(key) {
            Ok(mut p) => {
                if let Some(ext) = within
                    && p.attr.urn.is_none()
                {
                    p.attr.urn = Some(ext.id.to_owned());
                }
                Key::Path(p)
            }
            Err(_) => Key::Unknown,
        }
    }

    fn ignore_key(&mut self, label: String, v: &Value) {
        // A URN the resource type knows but the policy leaves out: list its
        // attributes, as resource normalisation does.
        match v {
            Value::Object(o) if self.schema.accepts_urn(&label) && !o.is_empty() => {
                self.ignored
                    .extend(o.keys().map(|k| format!("{label}:{k}")));
            }
            _ => self.ignored.push(label),
        }
    }

    /// Runs `f` on the attribute container of `ext` (the resource itself for
    /// core attributes), keeping the extension object and `schemas` in step:
    /// an extension that gains attributes is listed in `schemas`, one that
    /// loses its last attribute is removed from both.
    fn in_container<R>(
        &mut self,
        res: &mut Map<String, Value>,
        ext: Option<&'static SchemaDef>,
        f: impl FnOnce(&mut Self, &mut Map<String, Value>) -> Result<R, PatchError>,
    ) -> Result<R, PatchError> {
        let Some(ext) = ext else {
            return f(self, res);
        };
        canonicalise(res, ext.id);
        // `before` keeps whatever is there that is not a non-empty object
        // (null, `{}`), to put back untouched when nothing is written.
        let (mut inner, before) = match res.remove(ext.id) {
            Some(Value::Object(m)) if !m.is_empty() => (m, None),
            other => (Map::new(), other),
        };
        let had_attrs = !inner.is_empty();
        let out = f(self, &mut inner)?;
        if !inner.is_empty() {
            res.insert(ext.id.to_owned(), Value::Object(inner));
            merge_schemas(res, self.schema.core.id, ext.id);
        } else if had_attrs {
            drop_schema(res, ext.id);
        } else if let Some(b) = before {
            res.insert(ext.id.to_owned(), b);
        }
        Ok(out)
    }

    // ----- coercion ---------------------------------------------------

    fn coerce_err(e: CoerceError, parent: Option<&AttrDef>) -> PatchError {
        let name = match parent {
            Some(p) if p.name != e.attr => format!("{}.{}", p.name, e.attr),
            _ => e.attr,
        };
        invalid_value(format!("attribute \"{name}\": {}", e.message))
    }

    /// Coerces a value of a non-complex (or sub-) attribute.
    fn coerce_leaf(
        &mut self,
        def: &AttrDef,
        v: &Value,
        parent: Option<&AttrDef>,
    ) -> Result<Option<Value>, PatchError> {
        coerce(def, v, &mut self.ignored).map_err(|e| Self::coerce_err(e, parent))
    }

    /// Coerces element `index` of a multi-valued attribute, dropping
    /// readOnly sub-attributes (reported as ignored).
    fn coerce_element(
        &mut self,
        attr: &AttrDef,
        index: usize,
        item: &Value,
    ) -> Result<Option<Value>, PatchError> {
        let stripped;
        let item = match item {
            Value::Object(o) if attr.ty == AttrType::Complex => {
                let mut m = Map::new();
                for (k, v) in o {
                    match attr.sub_attr(k) {
                        Some(sd) if sd.mutability == Mutability::ReadOnly => {
                            self.ignored.push(format!("{}.{}", attr.name, sd.name));
                        }
                        _ => {
                            m.insert(k.clone(), v.clone());
                        }
                    }
                }
                stripped = Value::Object(m);
                &stripped
            }
            other => other,
        };
        coerce_element(attr, index, item, &mut self.ignored)
            .map_err(|e| Self::coerce_err(e, Some(attr)))
    }

    /// The elements an `add`/`replace` gives a multi-valued attribute: an
    /// array, or one lone element (RFC 7644 §3.5.2.1); null is none. A
    /// null or empty element is refused, so that `replace members [null]`
    /// cannot empty a group.
    fn coerce_elements(&mut self, attr: &AttrDef, v: &Value) -> Result<Vec<Value>, PatchError> {
        let items: Vec<&Value> = match v {
            Value::Null => Vec::new(),
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            out.extend(self.coerce_element(attr, i, item)?);
        }
        Ok(out)
    }

    /// Merges the sub-attributes in `value` into the complex value `target`.
    /// For `replace`, a null sub-attribute removes it; for `add` it is
    /// skipped.
    fn merge(
        &mut self,
        attr: &AttrDef,
        target: &mut Map<String, Value>,
        value: &Map<String, Value>,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        for (k, v) in value {
            let Some(sd) = attr.sub_attr(k) else {
                self.ignored.push(format!("{}.{k}", attr.name));
                continue;
            };
            if sd.mutability == Mutability::ReadOnly {
                self.ignored.push(format!("{}.{}", attr.name, sd.name));
                continue;
            }
            let present = canonicalise(target, sd.name);
            match self.coerce_leaf(sd, v, Some(attr))? {
                None => {
                    if kind == OpKind::Add {
                        continue;
                    }
                    if sd.required {
                        return Err(invalid_value(format!(
                            "attribute \"{}.{}\" is required",
                            attr.name, sd.name
                        )));
                    }
                    if present && sd.mutability == Mutability::Immutable {
                        return Err(mutability(format!(
                            "attribute \"{}.{}\" is immutable",
                            attr.name, sd.name
                        )));
                    }
                    target.remove(sd.name);
                }
                Some(nv) => {
                    check_immutable(sd, target.get(sd.name), &nv)?;
                    target.insert(sd.name.to_owned(), nv);
                }
            }
        }
        Ok(())
    }

    /// RFC 7643 §2.4: at most one `primary: true`. When an element written
    /// by this operation is primary, the others stop being primary.
    fn primary_rule(
        attr: &AttrDef,
        list: &mut Vec<Value>,
        touched: &[usize],
    ) -> Result<(), PatchError> {
        if attr.sub_attr("primary").is_none() {
            return Ok(());
        }
        let is_primary = |e: &Value| e.get("primary") == Some(&Value::Bool(true));
        let primaries: Vec<usize> = touched
            .iter()
            .copied()
            .filter(|&i| is_primary(&list[i]))
            .collect();
        match primaries.as_slice() {
            [] => Ok(()),
            [keep] => {
                let mut emptied = false;
                for (i, e) in list.iter_mut().enumerate() {
                    if i != *keep
                        && is_primary(e)
                        && let Some(o) = e.as_object_mut()
                    {
                        o.remove("primary");
                        emptied |= o.is_empty();
                    }
                }
                if emptied {
                    // An element that was nothing but `primary: true`.
                    list.retain(|e| !e.as_object().is_some_and(Map::is_empty));
                }
                Ok(())
            }
            _ => Err(invalid_value(format!(
                "at most one \"{}\" value may be primary",
                attr.name
            ))),
        }
    }

    // ----- add / replace ----------------------------------------------

    fn set_pathless(
        &mut self,
        res: &mut Map<String, Value>,
        value: &Value,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        let Value::Object(obj) = value else {
            return Err(syntax(format!(
                "\"{}\" without a path needs an object of attributes as its value",
                kind.as_str()
            )));
        };
        self.set_keys(res, obj, kind, None)
    }

    fn set_keys(
        &mut self,
        res: &mut Map<String, Value>,
        obj: &Map<String, Value>,
        kind: OpKind,
        within: Option<&'static SchemaDef>,
    ) -> Result<(), PatchError> {
        for (key, v) in obj {
            let label = match within {
                Some(ext) => format!("{}:{key}", ext.id),
                None => key.clone(),
            };
            match self.classify(key, within) {
                Key::Envelope => {}
                Key::Core => match v {
                    Value::Object(o) => self.set_keys(res, o, kind, None)?,
                    Value::Null => {}
                    _ => {
                        return Err(invalid_value(format!(
                            "\"{key}\" must hold an object of attributes"
                        )));
                    }
                },
                Key::Extension(ext) => match v {
                    Value::Object(o) => self.set_keys(res, o, kind, Some(ext))?,
                    Value::Null if kind == OpKind::Replace => {
                        // Replacing the extension with null clears it.
                        for a in ext.attributes {
                            let p = PathExpr {
                                attr: AttrPath {
                                    urn: Some(ext.id.to_owned()),
                                    attr: a.name.to_owned(),
                                    sub: None,
                                },
                                filter: None,
                                sub: None,
                            };
                            self.set_path(res, &p, &Value::Null, kind, false, None)?;
                        }
                    }
                    Value::Null => {}
                    _ => {
                        return Err(invalid_value(format!(
                            "\"{key}\" must hold an object of attributes"
                        )));
                    }
                },
                Key::Path(p) => self.set_path(res, &p, v, kind, false, Some(label))?,
                Key::Unknown => self.ignore_key(label, v),
            }
        }
        Ok(())
    }

    /// `add`/`replace` at `p`. `explicit` is false for keys of a path-less
    /// value, where readOnly attributes are skipped rather than refused.
    fn set_path(
        &mut self,
        res: &mut Map<String, Value>,
        p: &PathExpr,
        value: &Value,
        kind: OpKind,
        explicit: bool,
        label: Option<String>,
    ) -> Result<(), PatchError> {
        let Some(t) = self.resolve(p)? else {
            let label = label.unwrap_or_else(|| path_label(p));
            self.ignore_key(label, value);
            return Ok(());
        };
        let read_only = t.attr.mutability == Mutability::ReadOnly
            || t.sub.is_some_and(|s| s.mutability == Mutability::ReadOnly);
        if read_only {
            if explicit {
                return Err(mutability(format!(
                    "attribute \"{}\" is readOnly",
                    t.name()
                )));
            }
            self.ignored.push(label.unwrap_or_else(|| t.name()));
            return Ok(());
        }
        self.in_container(res, t.ext, |cx, c| cx.set_in(c, &t, value, kind))
    }

    fn set_in(
        &mut self,
        c: &mut Map<String, Value>,
        t: &Target<'_>,
        value: &Value,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        let attr = t.attr;
        match (t.filter, t.sub) {
            (None, None) if attr.multi => self.set_multi(c, attr, value, kind),
            (None, None) if attr.ty == AttrType::Complex => self.set_complex(c, attr, value, kind),
            (None, None) => self.set_simple(c, attr, value, kind),
            (None, Some(sd)) if !attr.multi => self.set_complex_sub(c, attr, sd, value, kind),
            (f, Some(sd)) => self.set_elements_sub(c, attr, f, sd, value, kind),
            (Some(f), None) => self.set_elements(c, attr, f, value, kind),
        }
    }

    /// `replace` with no value: removes, unless required.
    fn clear(c: &mut Map<String, Value>, attr: &AttrDef) -> Result<(), PatchError> {
        if attr.required {
            return Err(invalid_value(format!(
                "attribute \"{}\" is required and cannot be set to null",
                attr.name
            )));
        }
        if canonicalise(c, attr.name) && attr.mutability == Mutability::Immutable {
            return Err(mutability(format!(
                "attribute \"{}\" is immutable",
                attr.name
            )));
        }
        c.remove(attr.name);
        Ok(())
    }

    fn set_simple(
        &mut self,
        c: &mut Map<String, Value>,
        attr: &AttrDef,
        value: &Value,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        match self.coerce_leaf(attr, value, None)? {
            None if kind == OpKind::Replace => Self::clear(c, attr),
            None => Ok(()),
            Some(v) => {
                canonicalise(c, attr.name);
                check_immutable(attr, c.get(attr.name), &v)?;
                c.insert(attr.name.to_owned(), v);
                Ok(())
            }
        }
    }

    /// Single-valued complex (`name`, `manager`): the given sub-attributes
    /// are merged in, others kept (RFC 7644 §3.5.2.1, §3.5.2.3).
    fn set_complex(
        &mut self,
        c: &mut Map<String, Value>,
        attr: &AttrDef,
        value: &Value,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        // Entra sends `manager` as `[{"value": id, "$ref": …}]`, and
        // sometimes as the bare id.
        let wrapped;
        let value = match value {
            Value::Array(a) if a.is_empty() => &Value::Null,
            Value::Array(a) if a.len() == 1 => &a[0],
            Value::String(s) if attr.sub_attr("value").is_some() => {
                wrapped = serde_json::json!({ "value": s });
                &wrapped
            }
            v => v,
        };
        match value {
            Value::Null if kind == OpKind::Replace => Self::clear(c, attr),
            Value::Null => Ok(()),
            Value::Object(o) => {
                let present = canonicalise(c, attr.name);
                let mut cur = match c.remove(attr.name) {
                    Some(Value::Object(m)) => m,
                    _ => Map::new(),
                };
                self.merge(attr, &mut cur, o, kind)?;
                if !cur.is_empty() {
                    c.insert(attr.name.to_owned(), Value::Object(cur));
                } else if present && attr.required {
                    return Err(invalid_value(format!(
                        "attribute \"{}\" is required",
                        attr.name
                    )));
                }
                Ok(())
            }
            other => Err(invalid_value(format!(
                "attribute \"{}\": expected an object, got {other}",
                attr.name
            ))),
        }
    }

    /// `name.givenName`, `manager.value`.
    fn set_complex_sub(
        &mut self,
        c: &mut Map<String, Value>,
        attr: &AttrDef,
        sd: &AttrDef,
        value: &Value,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        let mut v = Map::new();
        v.insert(sd.name.to_owned(), value.clone());
        self.set_complex(c, attr, &Value::Object(v), kind)
    }

    fn set_multi(
        &mut self,
        c: &mut Map<String, Value>,
        attr: &AttrDef,
        value: &Value,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        let items = self.coerce_elements(attr, value)?;
        if items.is_empty() {
            return match kind {
                OpKind::Replace => Self::clear(c, attr),
                _ => Ok(()),
            };
        }
        let mut list = match kind {
            OpKind::Add => take_list(c, attr.name),
            _ => {
                canonicalise(c, attr.name);
                c.remove(attr.name);
                Vec::new()
            }
        };
        let mut touched = Vec::new();
        // Members (identified by value) are looked up in a set: adding
        // 10,000 to a group of 100,000 costs their sum, not their product.
        // Other attributes hold at most `limits::MAX_MULTI_VALUES` values.
        let mut keys: HashSet<String> = list.iter().filter_map(|e| element_key(attr, e)).collect();
        for item in items {
            let dup = match element_key(attr, &item) {
                Some(k) => !keys.insert(k),
                None => list.iter().any(|e| same_element(attr, e, &item)),
            };
            if !dup {
                list.push(item);
                touched.push(list.len() - 1);
            }
        }
        Self::primary_rule(attr, &mut list, &touched)?;
        put_list(c, attr.name, list);
        Ok(())
    }

    /// `addresses[type eq "work"]` with an object: merged into every match;
    /// `add` with no match creates the element the filter describes.
    fn set_elements(
        &mut self,
        c: &mut Map<String, Value>,
        attr: &AttrDef,
        f: &Filter,
        value: &Value,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        let value = match value {
            Value::Array(a) if a.len() == 1 => &a[0],
            Value::Array(a) if a.is_empty() => &Value::Null,
            v => v,
        };
        let obj = match value {
            Value::Object(o) => o,
            Value::Null if kind == OpKind::Replace => {
                let mut list = take_list(c, attr.name);
                list.retain(|e| !f.matches_element(e, attr));
                put_list(c, attr.name, list);
                return Ok(());
            }
            Value::Null => return Ok(()),
            other => {
                return Err(invalid_value(format!(
                    "attribute \"{}\": expected an object, got {other}",
                    attr.name
                )));
            }
        };
        let mut list = take_list(c, attr.name);
        let matches: Vec<usize> = (0..list.len())
            .filter(|&i| f.matches_element(&list[i], attr))
            .collect();
        let touched = if matches.is_empty() {
            let mut base = Map::new();
            if kind == OpKind::Replace || !eq_template(f, attr, &mut base) {
                return Err(no_target(format!(
                    "no \"{}\" value matches [{f}]",
                    attr.name
                )));
            }
            self.merge(attr, &mut base, obj, OpKind::Add)?;
            let elem = Value::Object(base);
            if is_hollow(attr, &elem) {
                return Err(no_target(format!(
                    "no \"{}\" value matches [{f}], and the filter and value do not make a whole one (a value is missing)",
                    attr.name
                )));
            }
            list.push(elem);
            vec![list.len() - 1]
        } else {
            for &i in &matches {
                if let Value::Object(e) = &mut list[i] {
                    self.merge(attr, e, obj, kind)?;
                }
            }
            matches
        };
        // A replace with nulls may hollow out an element: it goes.
        let mut kept = Vec::with_capacity(list.len());
        let mut still_touched = Vec::with_capacity(touched.len());
        let touched: HashSet<usize> = touched.into_iter().collect();
        for (i, e) in list.into_iter().enumerate() {
            if touched.contains(&i) {
                if is_hollow(attr, &e) {
                    continue;
                }
                still_touched.push(kept.len());
            }
            kept.push(e);
        }
        Self::primary_rule(attr, &mut kept, &still_touched)?;
        put_list(c, attr.name, kept);
        Ok(())
    }

    /// `emails[type eq "work"].value` (or `emails.value`, every element):
    /// sets the sub-attribute on every match; with no match, creates the
    /// element the filter describes (Entra); `null` with `replace` removes it.
    fn set_elements_sub(
        &mut self,
        c: &mut Map<String, Value>,
        attr: &AttrDef,
        f: Option<&Filter>,
        sd: &AttrDef,
        value: &Value,
        kind: OpKind,
    ) -> Result<(), PatchError> {
        let Some(nv) = self.coerce_leaf(sd, value, Some(attr))? else {
            if kind == OpKind::Replace {
                if sd.required {
                    return Err(invalid_value(format!(
                        "attribute \"{}.{}\" is required",
                        attr.name, sd.name
                    )));
                }
                return self.remove_elements_sub(c, attr, f, sd, None);
            }
            return Ok(());
        };
        let mut list = take_list(c, attr.name);
        let matches: Vec<usize> = (0..list.len())
            .filter(|&i| f.is_none_or(|f| f.matches_element(&list[i], attr)))
            .collect();
        let touched = if matches.is_empty() {
            let mut base = Map::new();
            if let Some(f) = f
                && !eq_template(f, attr, &mut base)
            {
                return Err(no_target(format!(
                    "no \"{}\" value matches [{f}], and the filter does not describe one to create",
                    attr.name
                )));
            }
            base.insert(sd.name.to_owned(), nv);
            let elem = Value::Object(base);
            if is_hollow(attr, &elem) {
                return Err(no_target(format!(
                    "no \"{}\" value to set \"{}\" on, and none can be created without a value",
                    attr.name, sd.name
                )));
            }
            list.push(elem);
            vec![list.len() - 1]
        } else {
            for &i in &matches {
                if let Value::Object(e) = &mut list[i] {
                    canonicalise(e, sd.name);
                    check_immutable(sd, e.get(sd.name), &nv)?;
                    e.insert(sd.name.to_owned(), nv.clone());
                }
            }
            matches
        };
        Self::primary_rule(attr, &mut list, &touched)?;
        put_list(c, attr.name, list);
        Ok(())
    }

    // ----- remove -----------------------------------------------------

    fn remove_path(
        &mut self,
        res: &mut Map<String, Value>,
        p: &PathExpr,
        value: Option<&Value>,
    ) -> Result<(), PatchError> {
        let Some(t) = self.resolve(p)? else {
            self.ignored.push(path_label(p));
            return Ok(());
        };
        let leaf = t.sub.unwrap_or(t.attr);
        if t.attr.mutability == Mutability::ReadOnly || leaf.mutability == Mutability::ReadOnly {
            return Err(mutability(format!(
                "attribute \"{}\" is readOnly",
                t.name()
            )));
        }
        let whole = t.sub.is_none() && t.filter.is_none();
        if leaf.required && (whole || t.sub.is_some()) {
            return Err(mutability(format!(
                "attribute \"{}\" is required and cannot be removed",
                t.name()
            )));
        }
        let value = value.filter(|v| !v.is_null());
        self.in_container(res, t.ext, |cx, c| cx.remove_in(c, &t, value))
    }

    fn remove_in(
        &mut self,
        c: &mut Map<String, Value>,
        t: &Target<'_>,
        value: Option<&Value>,
    ) -> Result<(), PatchError> {
        let attr = t.attr;
        match (t.filter, t.sub) {
            (None, None) if attr.multi && value.is_some() => {
                self.remove_listed(c, attr, value.unwrap_or(&Value::Null))
            }
            (None, None) => {
                let present = canonicalise(c, attr.name);
                if present && attr.mutability == Mutability::Immutable {
                    return Err(mutability(format!(
                        "attribute \"{}\" is immutable",
                        attr.name
                    )));
                }
                c.remove(attr.name);
                Ok(())
            }
            (None, Some(sd)) if !attr.multi => {
                canonicalise(c, attr.name);
                if let Some(Value::Object(o)) = c.get_mut(attr.name) {
                    if canonicalise(o, sd.name) && sd.mutability == Mutability::Immutable {
                        return Err(mutability(format!(
                            "attribute \"{}.{}\" is immutable",
                            attr.name, sd.name
                        )));
                    }
                    o.remove(sd.name);
                    if o.is_empty() {
                        c.remove(attr.name);
                    }
                }
                Ok(())
            }
            (f, Some(sd)) => self.remove_elements_sub(c, attr, f, sd, value),
            (Some(f), None) => {
                let mut list = take_list(c, attr.name);
                list.retain(|e| !f.matches_element(e, attr));
                put_list(c, attr.name, list);
                Ok(())
            }
        }
    }

    /// Entra's `{"op":"Remove","path":"members","value":[{"value":"id"}]}`:
    /// removes exactly the listed values, never all of them. Items with a
    /// `value` (or bare strings) match on it; others must equal an element.
    fn remove_listed(
        &mut self,
        c: &mut Map<String, Value>,
        attr: &AttrDef,
        value: &Value,
    ) -> Result<(), PatchError> {
        let items: Vec<&Value> = match value {
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        let vd = attr.sub_attr("value");
        let mut scratch = Vec::new();
        let mut wanted: Vec<Value> = Vec::with_capacity(items.len());
        for item in items {
            let item = match (item, vd) {
                (Value::String(s), Some(_)) => serde_json::json!({ "value": s }),
                _ => item.clone(),
            };
            if let Some(v) = coerce_single(attr, &item, &mut scratch)
                .map_err(|e| Self::coerce_err(e, Some(attr)))?
            {
                wanted.push(v);
            }
        }
        // Values with a text key are looked up in a set (linear in the list
        // and the request); the rest (non-string values, elements without
        // a value) are compared one by one, as before.
        let mut keyed: HashSet<String> = HashSet::new();
        let mut others: Vec<Value> = Vec::new();
        for w in wanted {
            match (elem_value(&w), vd) {
                (Some(wv), Some(vd)) => match value_key(vd, wv) {
                    Some(k) => {
                        keyed.insert(k);
                    }
                    None => others.push(w),
                },
                _ => others.push(w),
            }
        }
        let mut list = take_list(c, attr.name);
        list.retain(|e| {
            let ev = elem_value(e);
            let by_key = match (ev, vd) {
                (Some(ev), Some(vd)) => value_key(vd, ev).is_some_and(|k| keyed.contains(&k)),
                _ => false,
            };
            !by_key
                && !others.iter().any(|w| match (elem_value(w), vd) {
                    (Some(wv), Some(vd)) => ev.is_some_and(|ev| same_value(vd, ev, wv)),
                    _ => e == w,
                })
        });
        put_list(c, attr.name, list);
        Ok(())
    }

    /// Removes `sd` from the elements matching `f` (all without a filter);
    /// with `value`, only where `sd` equals it. Elements left hollow go.
    fn remove_elements_sub(
        &mut self,
        c: &mut Map<String, Value>,
        attr: &AttrDef,
        f: Option<&Filter>,
        sd: &AttrDef,
        value: Option<&Value>,
    ) -> Result<(), PatchError> {
        // Entra may send the old value along (`"value": "old@example.com"`);
        // then only an element still holding it loses it.
        let only = match value {
            None => None,
            Some(v) => {
                let v = match v {
                    Value::Array(a) if a.len() == 1 => &a[0],
                    v => v,
                };
                let v = match v {
                    Value::Object(o) => get_ci(o, sd.name).unwrap_or(&Value::Null),
                    v => v,
                };
                self.coerce_leaf(sd, v, Some(attr))?
            }
        };
        let mut list = take_list(c, attr.name);
        let mut keep = Vec::with_capacity(list.len());
        for mut e in list.drain(..) {
            let hit = f.is_none_or(|f| f.matches_element(&e, attr));
            if let (true, Value::Object(o)) = (hit, &mut e)
                && canonicalise(o, sd.name)
                && only
                    .as_ref()
                    .is_none_or(|w| o.get(sd.name).is_some_and(|x| same_value(sd, x, w)))
            {
                if sd.mutability == Mutability::Immutable {
                    return Err(mutability(format!(
                        "attribute \"{}.{}\" is immutable",
                        attr.name, sd.name
                    )));
                }
                o.remove(sd.name);
                if is_hollow(attr, &e) {
                    continue;
                }
            }
            keep.push(e);
        }
        put_list(c, attr.name, keep);
        Ok(())
    }

    /// A path-less `remove` whose value lists values of multi-valued
    /// attributes to remove (`{"members": [{"value": "id"}]}`).
    fn remove_pathless(
        &mut self,
        res: &mut Map<String, Value>,
        value: &Value,
    ) -> Result<(), PatchError> {
        let Value::Object(obj) = value else {
            return Err(no_target("\"remove\" needs a \"path\""));
        };
        self.remove_keys(res, obj, None)
    }

    fn remove_keys(
        &mut self,
        res: &mut Map<String, Value>,
        obj: &Map<String, Value>,
        within: Option<&'static SchemaDef>,
    ) -> Result<(), PatchError> {
        for (key, v) in obj {
            let label = match within {
                Some(ext) => format!("{}:{key}", ext.id),
                None => key.clone(),
            };
            let p = match self.classify(key, within) {
                Key::Envelope => continue,
                Key::Core => match v {
                    Value::Object(o) => {
                        self.remove_keys(res, o, None)?;
                        continue;
                    }
                    _ => return Err(no_target("\"remove\" needs a \"path\"")),
                },
                Key::Extension(ext) => match v {
                    Value::Object(o) => {
                        self.remove_keys(res, o, Some(ext))?;
                        continue;
                    }
                    _ => return Err(no_target("\"remove\" needs a \"path\"")),
                },
                Key::Unknown => {
                    self.ignore_key(label, v);
                    continue;
                }
                Key::Path(p) => p,
            };
            let Some(t) = self.resolve(&p)? else {
                self.ignore_key(label, v);
                continue;
            };
            if !t.attr.multi || t.sub.is_some() || t.filter.is_some() || v.is_null() {
                return Err(no_target(format!(
                    "\"remove\" without a path may only list values of multi-valued attributes; \"{key}\" needs a path"
                )));
            }
            if t.attr.mutability == Mutability::ReadOnly {
                return Err(mutability(format!(
                    "attribute \"{}\" is readOnly",
                    t.name()
                )));
            }
            self.in_container(res, t.ext, |cx, c| cx.remove_listed(c, t.attr, v))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Policy;
    use crate::engine::scim::schema::{ENTERPRISE_URN, GROUP_URN, ResourceKind, USER_URN};
    use serde_json::json;

    const BABS: &str = "2819c223-7f76-453a-919d-413861904646";
    const JAMES: &str = "08e1d05d-121c-4561-8b96-473d93df9210";
    const OTHER: &str = "902c246b-6245-4190-8e05-00816be7344a";

    fn standard() -> ResourceSchema {
        ResourceSchema::for_policy(ResourceKind::User, Policy::Standard)
    }
    fn product() -> ResourceSchema {
        ResourceSchema::for_policy(ResourceKind::User, Policy::Product)
    }
    fn group_schema(policy: Policy) -> ResourceSchema {
        ResourceSchema::for_policy(ResourceKind::Group, policy)
    }
    fn both() -> [(Policy, ResourceSchema); 2] {
        [(Policy::Product, product()), (Policy::Standard, standard())]
    }

    fn body(ops: Value) -> Value {
        json!({ "schemas": [PATCH_URN], "Operations": ops })
    }

    fn run(schema: &ResourceSchema, res: &Value, ops: Value) -> Result<PatchOutcome, PatchError> {
        let before = serde_json::to_string(res).unwrap();
        let req = PatchRequest::parse(&body(ops))?;
        let out = apply(schema, res, &req);
        assert_eq!(serde_json::to_string(res).unwrap(), before, "input changed");
        out
    }

    #[track_caller]
    fn ok(schema: &ResourceSchema, res: &Value, ops: Value) -> PatchOutcome {
        match run(schema, res, ops) {
            Ok(o) => o,
            Err(e) => panic!("unexpected error: {e}"),
        }
    }

    #[track_caller]
    fn fails(schema: &ResourceSchema, res: &Value, ops: Value) -> &'static str {
        match run(schema, res, ops) {
            Ok(o) => panic!("expected an error, got {}", o.resource),
            Err(e) => e.scim_type.as_str(),
        }
    }

    fn meta() -> Value {
        json!({"resourceType": "User", "version": "W/\"3\""})
    }

    /// A `standard` user, RFC 7643 §8.2-like.
    fn std_user() -> Value {
        json!({
            "schemas": [USER_URN],
            "id": "u1",
            "userName": "bjensen@example.com",
            "name": {"givenName": "Barbara", "familyName": "Jensen"},
            "active": true,
            "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}],
            "addresses": [
                {"type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood",
                 "region": "CA", "postalCode": "91608", "country": "USA", "primary": true},
                {"type": "home", "streetAddress": "456 Hollywood Blvd", "locality": "Hollywood",
                 "region": "CA", "postalCode": "91608", "country": "USA"}
            ],
            "meta": meta()
        })
    }

    /// What a user looks like under either policy (only product attributes).
    fn plain_user() -> Value {
        json!({
            "schemas": [USER_URN],
            "id": "u1",
            "userName": "bjensen@example.com",
            "name": {"givenName": "Barbara", "familyName": "Jensen"},
            "active": true,
            "externalId": "bjensen",
            "meta": meta()
        })
    }

    fn group() -> Value {
        json!({
            "schemas": [GROUP_URN],
            "id": "g1",
            "displayName": "Tour Guides",
            "members": [
                {"value": BABS, "display": "Babs Jensen", "$ref": format!("https://example.com/v2/Users/{BABS}")},
                {"value": OTHER, "display": "Mandy Pepperidge"}
            ],
            "meta": {"resourceType": "Group"}
        })
    }

    fn with(mut v: Value, key: &str, x: Value) -> Value {
        v[key] = x;
        v
    }
    fn without(mut v: Value, key: &str) -> Value {
        v.as_object_mut().unwrap().remove(key);
        v
    }

    // ----- parsing ----------------------------------------------------

    #[test]
    fn parse_accepts_any_letter_case_and_rejects_malformed_bodies() {
        let b = json!({
            "schemas": ["URN:ietf:params:scim:api:messages:2.0:patchop"],
            "operations": [
                {"op": "Add", "path": "members", "value": []},
                {"op": "REPLACE", "path": "name.givenName", "value": "x"},
                {"Op": "remove", "Path": "emails[type eq \"work\"].value"},
            ]
        });
        let req = PatchRequest::parse(&b).unwrap();
        let kinds: Vec<OpKind> = req.ops.iter().map(|o| o.op).collect();
        assert_eq!(kinds, [OpKind::Add, OpKind::Replace, OpKind::Remove]);
        let p = req.ops[2].path.as_ref().unwrap();
        assert_eq!(p.attr.attr, "emails");
        assert_eq!(p.sub.as_deref(), Some("value"));
        assert!(p.filter.is_some());

        let err = |b: Value| PatchRequest::parse(&b).unwrap_err().scim_type.as_str();
        let op = |o: Value| body(json!([o]));
        assert_eq!(err(json!([])), "invalidSyntax");
        assert_eq!(
            err(json!({"Operations": [{"op": "add", "value": {}}]})),
            "invalidSyntax"
        );
        assert_eq!(
            err(json!({"schemas": [USER_URN], "Operations": [{"op": "add", "value": {}}]})),
            "invalidSyntax"
        );
        assert_eq!(err(body(json!([]))), "invalidSyntax");
        assert_eq!(err(json!({"schemas": [PATCH_URN]})), "invalidSyntax");
        assert_eq!(
            err(op(json!({"op": "merge", "path": "x", "value": 1}))),
            "invalidSyntax"
        );
        assert_eq!(err(op(json!({"path": "x", "value": 1}))), "invalidSyntax");
        assert_eq!(
            err(op(json!({"op": 1, "path": "x", "value": 1}))),
            "invalidSyntax"
        );
        assert_eq!(
            err(op(json!({"op": "add", "path": "displayName"}))),
            "invalidSyntax"
        );
        assert_eq!(
            err(op(json!({"op": "replace", "path": "displayName"}))),
            "invalidSyntax"
        );
        assert_eq!(err(op(json!({"op": "remove"}))), "noTarget");
        assert_eq!(err(op(json!({"op": "Remove", "value": "x"}))), "noTarget");
        assert_eq!(
            err(op(
                json!({"op": "add", "path": "emails[type eq", "value": 1})
            )),
            "invalidPath"
        );
        assert_eq!(
            err(op(json!({"op": "add", "path": "a.b.c", "value": 1}))),
            "invalidPath"
        );
        assert_eq!(
            err(op(json!({"op": "add", "path": 7, "value": 1}))),
            "invalidPath"
        );
        let e = PatchRequest::parse(&body(
            json!([{"op": "add", "path": "x", "value": 1}, {"op": "nope"}]),
        ))
        .unwrap_err();
        assert!(e.message.starts_with("operation 2:"), "{}", e.message);
    }

    // ----- RFC 7644 §3.5.2 examples (standard policy) -----------------

    #[test]
    fn rfc_add_member_to_group() {
        let g = group_schema(Policy::Standard);
        let res = with(group(), "members", json!([{"value": OTHER}]));
        let out = ok(
            &g,
            &res,
            json!([{
                "op": "add", "path": "members",
                "value": [{"display": "Babs Jensen",
                           "$ref": format!("https://example.com/v2/Users/{BABS}"),
                           "value": BABS}]
            }]),
        );
        // The member reads back as sent, display included.
        assert_eq!(
            out.resource["members"],
            json!([{"value": OTHER}, {"value": BABS, "display": "Babs Jensen", "$ref": format!("https://example.com/v2/Users/{BABS}")}])
        );
        assert!(out.changed);
        assert!(out.ignored.is_empty(), "{:?}", out.ignored);
    }

    #[test]
    fn rfc_add_attributes_without_path() {
        let out = ok(
            &standard(),
            &std_user(),
            json!([{
                "op": "add",
                "value": {"emails": [{"value": "babs@jensen.org", "type": "home"}], "nickname": "Babs"}
            }]),
        );
        let mut want = std_user();
        want["emails"] = json!([
            {"value": "bjensen@example.com", "type": "work", "primary": true},
            {"value": "babs@jensen.org", "type": "home"}
        ]);
        want["nickName"] = json!("Babs");
        assert_eq!(out.resource, want);
        assert!(out.ignored.is_empty());
    }

    #[test]
    fn rfc_remove_single_member() {
        let g = group_schema(Policy::Standard);
        let out = ok(
            &g,
            &group(),
            json!([{"op": "remove", "path": format!("members[value eq \"{BABS}\"]")}]),
        );
        assert_eq!(
            out.resource["members"],
            json!([{"value": OTHER, "display": "Mandy Pepperidge"}])
        );
    }

    #[test]
    fn rfc_remove_all_members() {
        let g = group_schema(Policy::Standard);
        let out = ok(&g, &group(), json!([{"op": "remove", "path": "members"}]));
        assert_eq!(out.resource, without(group(), "members"));
    }

    #[test]
    fn rfc_remove_emails_with_compound_filter() {
        let res = with(
            std_user(),
            "emails",
            json!([
                {"value": "bjensen@example.com", "type": "work", "primary": true},
                {"value": "babs@example.org", "type": "work"},
                {"value": "babs@jensen.org", "type": "home"}
            ]),
        );
        let out = ok(
            &standard(),
            &res,
            json!([{
                "op": "remove", "path": "emails[type eq \"work\" and value ew \"example.com\"]"
            }]),
        );
        assert_eq!(
            out.resource["emails"],
            json!([{"value": "babs@example.org", "type": "work"}, {"value": "babs@jensen.org", "type": "home"}])
        );
    }

    #[test]
    fn rfc_remove_member_and_add_another() {
        let g = group_schema(Policy::Standard);
        let out = ok(
            &g,
            &group(),
            json!([
                {"op": "remove", "path": format!("members[value eq \"{BABS}\"]")},
                {"op": "add", "path": "members",
                 "value": [{"display": "James Smith", "$ref": format!("https://example.com/v2/Users/{JAMES}"), "value": JAMES}]}
            ]),
        );
        assert_eq!(
            out.resource["members"],
            json!([
                {"value": OTHER, "display": "Mandy Pepperidge"},
                {"value": JAMES, "display": "James Smith", "$ref": format!("https://example.com/v2/Users/{JAMES}")}
            ])
        );
    }

    #[test]
    fn rfc_remove_all_members_then_add_two() {
        let g = group_schema(Policy::Standard);
        let out = ok(
            &g,
            &group(),
            json!([
                {"op": "remove", "path": "members"},
                {"op": "add", "path": "members", "value": [
                    {"display": "Babs Jensen", "$ref": format!("https://example.com/v2/Users/{BABS}"), "value": BABS},
                    {"display": "James Smith", "$ref": format!("https://example.com/v2/Users/{JAMES}"), "value": JAMES}
                ]}
            ]),
        );
        assert_eq!(
            out.resource["members"],
            json!([
                {"value": BABS, "display": "Babs Jensen", "$ref": format!("https://example.com/v2/Users/{BABS}")},
                {"value": JAMES, "display": "James Smith", "$ref": format!("https://example.com/v2/Users/{JAMES}")}
            ])
        );
    }

    #[test]
    fn rfc_replace_members() {
        let g = group_schema(Policy::Standard);
        let out = ok(
            &g,
            &group(),
            json!([{
                "op": "replace", "path": "members",
                "value": [
                    {"display": "Babs Jensen", "$ref": format!("https://example.com/v2/Users/{BABS}"), "value": BABS},
                    {"display": "James Smith", "$ref": format!("https://example.com/v2/Users/{JAMES}"), "value": JAMES}
                ]
            }]),
        );
        assert_eq!(
            out.resource,
            with(
                group(),
                "members",
                json!([
                    {"value": BABS, "display": "Babs Jensen", "$ref": format!("https://example.com/v2/Users/{BABS}")},
                    {"value": JAMES, "display": "James Smith", "$ref": format!("https://example.com/v2/Users/{JAMES}")}
                ])
            )
        );
    }

    #[test]
    fn rfc_replace_address_by_filter() {
        let out = ok(
            &standard(),
            &std_user(),
            json!([{
                "op": "replace", "path": "addresses[type eq \"work\"]",
                "value": {
                    "type": "work", "streetAddress": "911 Universal City Plaza", "locality": "Hollywood",
                    "region": "CA", "postalCode": "91608", "country": "US",
                    "formatted": "911 Universal City Plaza\nHollywood, CA 91608 US", "primary": true
                }
            }]),
        );
        let mut want = std_user();
        want["addresses"][0] = json!({
            "type": "work", "streetAddress": "911 Universal City Plaza", "locality": "Hollywood",
            "region": "CA", "postalCode": "91608", "country": "US",
            "formatted": "911 Universal City Plaza\nHollywood, CA 91608 US", "primary": true
        });
        assert_eq!(out.resource, want);
        // No work address of another type: the RFC's noTarget.
        let e = fails(
            &standard(),
            &std_user(),
            json!([{
                "op": "replace", "path": "addresses[type eq \"other\"]", "value": {"locality": "X"}
            }]),
        );
        assert_eq!(e, "noTarget");
    }

    #[test]
    fn rfc_replace_street_address_by_filter() {
        let out = ok(
            &standard(),
            &std_user(),
            json!([{
                "op": "replace", "path": "addresses[type eq \"work\"].streetAddress", "value": "1010 Broadway Ave"
            }]),
        );
        let mut want = std_user();
        want["addresses"][0]["streetAddress"] = json!("1010 Broadway Ave");
        assert_eq!(out.resource, want);
    }

    #[test]
    fn rfc_replace_without_path() {
        let res = with(std_user(), "nickName", json!("Barb"));
        let out = ok(
            &standard(),
            &res,
            json!([{
                "op": "replace",
                "value": {
                    "emails": [
                        {"value": "bjensen@example.com", "type": "work", "primary": true},
                        {"value": "babs@jensen.org", "type": "home"}
                    ],
                    "nickname": "Babs"
                }
            }]),
        );
        let mut want = std_user();
        want["emails"] = json!([
            {"value": "bjensen@example.com", "type": "work", "primary": true},
            {"value": "babs@jensen.org", "type": "home"}
        ]);
        want["nickName"] = json!("Babs");
        assert_eq!(out.resource, want);
    }

    #[test]
    fn rfc_errors() {
        let s = standard();
        let u = std_user();
        let f = |ops: Value| fails(&s, &u, ops);
        assert_eq!(
            f(json!([{"op": "replace", "path": "id", "value": "x"}])),
            "mutability"
        );
        assert_eq!(
            f(json!([{"op": "replace", "path": "meta.lastModified", "value": "x"}])),
            "mutability"
        );
        assert_eq!(
            f(json!([{"op": "add", "path": "groups", "value": [{"value": "g"}]}])),
            "mutability"
        );
        assert_eq!(
            f(json!([{"op": "remove", "path": "userName"}])),
            "mutability"
        );
        assert_eq!(f(json!([{"op": "remove", "path": "id"}])), "mutability");
        assert_eq!(
            f(json!([{"op": "replace", "path": "userName", "value": null}])),
            "invalidValue"
        );
        assert_eq!(
            f(json!([{"op": "replace", "path": "active", "value": "yes"}])),
            "invalidValue"
        );
        assert_eq!(
            f(json!([{"op": "replace", "path": "active", "value": [true]}])),
            "invalidValue"
        );
        assert_eq!(
            f(json!([{"op": "add", "path": "emails", "value": ["a@b"]}])),
            "invalidValue"
        );
        assert_eq!(
            f(json!([{"op": "add", "path": "name", "value": "Babs"}])),
            "invalidValue"
        );
        assert_eq!(f(json!([{"op": "add", "value": "Babs"}])), "invalidSyntax");
        assert_eq!(
            f(json!([{"op": "replace", "path": "userName[value eq \"x\"]", "value": "y"}])),
            "invalidPath"
        );
        assert_eq!(
            f(json!([{"op": "add", "path": "emails[type ne \"work\"].value", "value": "x@y"}])),
            "noTarget"
        );
        assert_eq!(
            f(json!([{"op": "add", "path": "emails", "value": [
                {"value": "a@x", "primary": true}, {"value": "b@x", "primary": "True"}]}])),
            "invalidValue"
        );
        let g = group_schema(Policy::Standard);
        let gr = group();
        let f = |ops: Value| fails(&g, &gr, ops);
        assert_eq!(
            f(json!([{"op": "remove", "path": "displayName"}])),
            "mutability"
        );
        assert_eq!(
            f(json!([{"op": "remove", "path": "members.value"}])),
            "mutability"
        );
        assert_eq!(
            f(
                json!([{"op": "replace", "path": format!("members[value eq \"{BABS}\"].value"), "value": JAMES}])
            ),
            "mutability"
        );
        // A member's display is the client's: it may change it.
        assert_eq!(
            ok(
                &g,
                &gr,
                json!([{"op": "replace", "path": format!("members[value eq \"{BABS}\"].display"), "value": "B"}])
            )
            .resource["members"][0]["display"],
            "B"
        );
        assert_eq!(
            f(json!([{"op": "add", "path": "members", "value": [{"type": "User"}]}])),
            "invalidValue"
        );
        // A malformed member list never empties the group.
        for bad in [
            json!([null]),
            json!({}),
            json!([{}]),
            json!([{"value": null}]),
            json!([{"display": "x"}]),
        ] {
            assert_eq!(
                f(json!([{"op": "replace", "path": "members", "value": bad}])),
                "invalidValue",
                "{bad}"
            );
        }
    }

    #[test]
    fn add_replaces_single_values_and_skips_duplicates() {
        let s = standard();
        let out = ok(
            &s,
            &std_user(),
            json!([
                {"op": "add", "path": "userName", "value": "babs@example.com"},
                {"op": "add", "path": "emails", "value": {"value": "bjensen@example.com", "type": "work", "primary": true}},
                {"op": "add", "path": "name", "value": {"middleName": "Jane"}}
            ]),
        );
        let mut want = std_user();
        want["userName"] = json!("babs@example.com");
        want["name"]["middleName"] = json!("Jane");
        assert_eq!(out.resource, want);
    }

    #[test]
    fn primary_moves_to_the_new_value() {
        let out = ok(
            &standard(),
            &std_user(),
            json!([
                {"op": "add", "path": "emails", "value": [{"value": "babs@jensen.org", "type": "home", "primary": "True"}]}
            ]),
        );
        assert_eq!(
            out.resource["emails"],
            json!([
                {"value": "bjensen@example.com", "type": "work"},
                {"value": "babs@jensen.org", "type": "home", "primary": true}
            ])
        );
        let out = ok(
            &standard(),
            &std_user(),
            json!([
                {"op": "replace", "path": "addresses[type eq \"home\"].primary", "value": true}
            ]),
        );
        assert_eq!(out.resource["addresses"][0].get("primary"), None);
        assert_eq!(out.resource["addresses"][1]["primary"], json!(true));
    }

    #[test]
    fn null_replace_removes_and_null_add_is_a_no_op() {
        let s = standard();
        let res = with(std_user(), "title", json!("Tour Guide"));
        let out = ok(
            &s,
            &res,
            json!([{"op": "replace", "path": "title", "value": null}]),
        );
        assert_eq!(out.resource, std_user());
        let out = ok(
            &s,
            &res,
            json!([{"op": "add", "path": "title", "value": null}]),
        );
        assert!(!out.changed);
        let out = ok(
            &s,
            &res,
            json!([{"op": "replace", "value": {"title": null, "name": {"givenName": null}}}]),
        );
        let mut want = std_user();
        want["name"] = json!({"familyName": "Jensen"});
        assert_eq!(out.resource, want);
        // Required under product.
        let e = fails(
            &product(),
            &plain_user(),
            json!([{"op": "replace", "path": "name.givenName", "value": null}]),
        );
        assert_eq!(e, "invalidValue");
        let e = fails(
            &product(),
            &plain_user(),
            json!([{"op": "remove", "path": "name.givenName"}]),
        );
        assert_eq!(e, "mutability");
        let e = fails(
            &product(),
            &plain_user(),
            json!([{"op": "remove", "path": "name"}]),
        );
        assert_eq!(e, "mutability");
        // Not required under standard.
        let out = ok(
            &s,
            &plain_user(),
            json!([{"op": "remove", "path": "name.givenName"}]),
        );
        assert_eq!(out.resource["name"], json!({"familyName": "Jensen"}));
    }

    #[test]
    fn readonly_keys_in_pathless_values_are_skipped() {
        let s = standard();
        let out = ok(
            &s,
            &std_user(),
            json!([{
                "op": "replace",
                "value": {"id": "other", "meta": {"version": "x"}, "schemas": ["x"], "groups": [{"value": "g"}], "title": "Boss"}
            }]),
        );
        assert_eq!(out.resource, with(std_user(), "title", json!("Boss")));
        assert_eq!(out.ignored, ["groups"]);
    }

    #[test]
    fn unknown_attributes_are_ignored_and_reported() {
        let s = standard();
        let out = ok(
            &s,
            &std_user(),
            json!([
                {"op": "add", "path": "favouriteColour", "value": "blue"},
                {"op": "replace", "value": {"shoeSize": 44, "name.nickname": "B", "urn:example:ext:1.0:User:x": 1}},
                {"op": "remove", "path": "urn:example:ext:1.0:User:y"},
                {"op": "add", "path": "emails", "value": {"value": "b@x", "label": "?"}}
            ]),
        );
        assert_eq!(
            out.ignored,
            [
                "favouriteColour",
                // Keys of a value object come in key order.
                "name.nickname",
                "shoeSize",
                "urn:example:ext:1.0:User:x",
                "urn:example:ext:1.0:User:y",
                "emails.label"
            ]
        );
        assert_eq!(out.resource["emails"][1], json!({"value": "b@x"}));
    }

    #[test]
    fn extension_attributes_keep_schemas_in_step() {
        let s = standard();
        let out = ok(
            &s,
            &std_user(),
            json!([
                {"op": "add", "path": format!("{ENTERPRISE_URN}:department"), "value": "Tour Operations"}
            ]),
        );
        assert_eq!(out.resource["schemas"], json!([USER_URN, ENTERPRISE_URN]));
        assert_eq!(
            out.resource[ENTERPRISE_URN],
            json!({"department": "Tour Operations"})
        );
        let back = ok(
            &s,
            &out.resource,
            json!([{"op": "remove", "path": format!("{ENTERPRISE_URN}:department")}]),
        );
        assert_eq!(back.resource, std_user());
        // A bare extension URN holding an object, and an unqualified name.
        let out = ok(
            &s,
            &std_user(),
            json!([
                {"op": "add", "value": {ENTERPRISE_URN: {"employeeNumber": "701984", "manager": {"value": "m1", "displayName": "Boss"}}}},
                {"op": "replace", "path": "department", "value": "Sales"}
            ]),
        );
        assert_eq!(
            out.resource[ENTERPRISE_URN],
            json!({"employeeNumber": "701984", "manager": {"value": "m1"}, "department": "Sales"})
        );
        assert_eq!(out.ignored, ["manager.displayName"]);
        // Replacing the extension with null clears it.
        let back = ok(
            &s,
            &out.resource,
            json!([{"op": "replace", "value": {ENTERPRISE_URN: null}}]),
        );
        assert_eq!(back.resource, std_user());
    }

    #[test]
    fn pathless_remove_lists_values() {
        let g = group_schema(Policy::Standard);
        let out = ok(
            &g,
            &group(),
            json!([{"op": "remove", "value": {"members": [{"value": BABS}]}}]),
        );
        assert_eq!(
            out.resource["members"],
            json!([{"value": OTHER, "display": "Mandy Pepperidge"}])
        );
        assert_eq!(
            fails(
                &g,
                &group(),
                json!([{"op": "remove", "value": {"displayName": "x"}}])
            ),
            "noTarget"
        );
    }

    #[test]
    fn attribute_names_are_case_insensitive_and_written_canonically() {
        let s = standard();
        let out = ok(
            &s,
            &std_user(),
            json!([
                {"op": "replace", "path": "NAME.GIVENNAME", "value": "Babs"},
                {"op": "add", "path": "EMAILS[TYPE eq \"home\"].VALUE", "value": "babs@jensen.org"},
                {"op": "replace", "value": {"DisplayName": "Babs", "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:Department": "Ops"}}
            ]),
        );
        assert_eq!(out.resource["name"]["givenName"], json!("Babs"));
        assert_eq!(
            out.resource["emails"][1],
            json!({"type": "home", "value": "babs@jensen.org"})
        );
        assert_eq!(out.resource["displayName"], json!("Babs"));
        assert_eq!(out.resource[ENTERPRISE_URN], json!({"department": "Ops"}));
    }

    #[test]
    fn immutable_sub_attributes_are_set_once() {
        let g = group_schema(Policy::Standard);
        let path = format!("members[value eq \"{BABS}\"].type");
        let out = ok(
            &g,
            &group(),
            json!([{"op": "add", "path": path, "value": "User"}]),
        );
        assert_eq!(out.resource["members"][0]["type"], json!("User"));
        let again = ok(
            &g,
            &out.resource,
            json!([{"op": "replace", "path": path, "value": "User"}]),
        );
        assert!(!again.changed);
        assert_eq!(
            fails(
                &g,
                &out.resource,
                json!([{"op": "replace", "path": path, "value": "Group"}])
            ),
            "mutability"
        );
        assert_eq!(
            fails(&g, &out.resource, json!([{"op": "remove", "path": path}])),
            "mutability"
        );
    }

    #[test]
    fn replace_of_a_missing_attribute_adds_it_and_filtered_null_removes() {
        let s = standard();
        let out = ok(
            &s,
            &plain_user(),
            json!([
                {"op": "replace", "path": "nickName", "value": "Babs"},
                {"op": "replace", "path": "name", "value": {"middleName": "J"}},
                {"op": "replace", "path": "emails", "value": {"value": "b@x.org", "type": "home"}}
            ]),
        );
        let mut want = plain_user();
        want["nickName"] = json!("Babs");
        want["name"]["middleName"] = json!("J");
        want["emails"] = json!([{"value": "b@x.org", "type": "home"}]);
        assert_eq!(out.resource, want);
        let out = ok(
            &s,
            &std_user(),
            json!([
                {"op": "replace", "path": "addresses[type eq \"home\"]", "value": null},
                {"op": "remove", "path": "emails"}
            ]),
        );
        let mut want = without(std_user(), "emails");
        want["addresses"].as_array_mut().unwrap().pop();
        assert_eq!(out.resource, want);
    }

    // ----- Entra ID shapes (entra-behavior.md §3-4), both policies -----

    #[test]
    fn entra_capitalised_replace_ops() {
        for (_, s) in both() {
            let out = ok(
                &s,
                &plain_user(),
                json!([
                    {"op": "Replace", "path": "userName", "value": "babs@example.com"},
                    {"op": "Replace", "path": "name.familyName", "value": "Jensen-Smith"},
                    {"op": "Replace", "path": "externalId", "value": "babs"}
                ]),
            );
            let mut want = plain_user();
            want["userName"] = json!("babs@example.com");
            want["name"]["familyName"] = json!("Jensen-Smith");
            want["externalId"] = json!("babs");
            assert_eq!(out.resource, want);
            assert!(out.changed && out.ignored.is_empty());
        }
    }

    #[test]
    fn entra_string_booleans_disable_and_restore() {
        for (_, s) in both() {
            for v in [json!("False"), json!("false"), json!(false), json!("FALSE")] {
                let out = ok(
                    &s,
                    &plain_user(),
                    json!([{"op": "Replace", "path": "active", "value": v}]),
                );
                assert_eq!(out.resource, with(plain_user(), "active", json!(false)));
            }
            let off = with(plain_user(), "active", json!(false));
            let out = ok(
                &s,
                &off,
                json!([{"op": "replace", "value": {"active": "True"}}]),
            );
            assert_eq!(out.resource, plain_user());
        }
    }

    #[test]
    fn entra_pathless_replace_with_dotted_and_urn_keys() {
        let ops = json!([{
            "op": "replace",
            "value": {
                "displayName": "Babs Jensen",
                "name.givenName": "Babs",
                "name.familyName": "Jensen",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "701984",
                "urn:ietf:params:scim:schemas:core:2.0:User:externalId": "babs"
            }
        }]);
        let out = ok(&standard(), &plain_user(), ops.clone());
        let mut want = plain_user();
        want["displayName"] = json!("Babs Jensen");
        want["name"]["givenName"] = json!("Babs");
        want["externalId"] = json!("babs");
        want[ENTERPRISE_URN] = json!({"employeeNumber": "701984"});
        want["schemas"] = json!([USER_URN, ENTERPRISE_URN]);
        assert_eq!(out.resource, want);
        assert!(out.ignored.is_empty());

        let out = ok(&product(), &plain_user(), ops);
        let mut want = plain_user();
        want["name"]["givenName"] = json!("Babs");
        want["externalId"] = json!("babs");
        assert_eq!(out.resource, want);
        assert_eq!(
            out.ignored,
            [
                "displayName",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"
            ]
        );
    }

    #[test]
    fn product_ignores_the_enterprise_extension_attribute_by_attribute() {
        let out = ok(
            &product(),
            &plain_user(),
            json!([{
                "op": "add",
                "value": {
                    ENTERPRISE_URN: {"department": "Ops", "manager": {"value": "m1"}},
                    USER_URN: {"name": {"givenName": "Babs"}, "nickName": "B"}
                }
            }]),
        );
        let mut want = plain_user();
        want["name"]["givenName"] = json!("Babs");
        assert_eq!(out.resource, want);
        assert_eq!(
            out.ignored,
            [
                "nickName".to_owned(),
                format!("{ENTERPRISE_URN}:department"),
                format!("{ENTERPRISE_URN}:manager")
            ]
        );
    }

    #[test]
    fn entra_work_email_created_when_absent() {
        for op in ["Add", "Replace"] {
            let ops = json!([{"op": op, "path": "emails[type eq \"work\"].value", "value": "babs@example.com"}]);
            let out = ok(&standard(), &plain_user(), ops.clone());
            assert_eq!(
                out.resource,
                with(
                    plain_user(),
                    "emails",
                    json!([{"type": "work", "value": "babs@example.com"}])
                )
            );
            // Under product the patch applies to the resource (which the
            // engine then writes with only userName as the email).
            let out = ok(&product(), &plain_user(), ops);
            assert_eq!(
                out.resource,
                with(
                    plain_user(),
                    "emails",
                    json!([{"type": "work", "value": "babs@example.com"}])
                )
            );
        }
        // Existing work email: updated in place, primary kept.
        let out = ok(
            &standard(),
            &std_user(),
            json!([
                {"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "babs@example.com"},
                {"op": "Replace", "path": "name.familyName", "value": "Smith"}
            ]),
        );
        assert_eq!(
            out.resource["emails"],
            json!([{"value": "babs@example.com", "type": "work", "primary": true}])
        );
        assert_eq!(out.resource["name"]["familyName"], json!("Smith"));
    }

    #[test]
    fn entra_other_filtered_paths() {
        let ops = json!([
            {"op": "Add", "path": "addresses[type eq \"work\"].formatted", "value": "1 Main St"},
            {"op": "Add", "path": "phoneNumbers[type eq \"mobile\"].value", "value": "+1 555 0100"},
            {"op": "Replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Ops"}
        ]);
        let out = ok(&standard(), &plain_user(), ops.clone());
        let mut want = plain_user();
        want["addresses"] = json!([{"type": "work", "formatted": "1 Main St"}]);
        want["phoneNumbers"] = json!([{"type": "mobile", "value": "+1 555 0100"}]);
        want[ENTERPRISE_URN] = json!({"department": "Ops"});
        want["schemas"] = json!([USER_URN, ENTERPRISE_URN]);
        assert_eq!(out.resource, want);
        let out = ok(&product(), &plain_user(), ops);
        assert_eq!(out.resource, plain_user());
        assert_eq!(out.ignored.len(), 3);
    }

    #[test]
    fn entra_remove_filtered_email_value_with_old_value() {
        // Microsoft's SCIMReferenceCode sends it so: the value names what should go.
        let s = standard();
        let out = ok(
            &s,
            &std_user(),
            json!([
                {"op": "Remove", "path": "emails[type eq \"work\"].value", "value": "updated@example.org"}
            ]),
        );
        assert!(
            !out.changed,
            "a stale value removes nothing, and never sets it"
        );
        let out = ok(
            &s,
            &std_user(),
            json!([
                {"op": "Remove", "path": "emails[type eq \"work\"].value", "value": "BJensen@example.com"}
            ]),
        );
        assert_eq!(out.resource, without(std_user(), "emails"));
        let out = ok(
            &s,
            &std_user(),
            json!([{"op": "remove", "path": "emails[type eq \"work\"].value"}]),
        );
        assert_eq!(out.resource, without(std_user(), "emails"));
        let out = ok(
            &product(),
            &plain_user(),
            json!([{"op": "remove", "path": "emails[type eq \"work\"].value"}]),
        );
        assert!(!out.changed);
    }

    #[test]
    fn entra_manager_reference() {
        let ops = json!([{
            "op": "Add", "path": "manager",
            "value": [{"$ref": "https://example.com/scim/v2/Users/m1", "value": "m1"}]
        }]);
        let out = ok(&standard(), &plain_user(), ops.clone());
        assert_eq!(
            out.resource[ENTERPRISE_URN],
            json!({"manager": {"value": "m1", "$ref": "https://example.com/scim/v2/Users/m1"}})
        );
        let out2 = ok(
            &standard(),
            &out.resource,
            json!([{
                "op": "Replace", "path": format!("{ENTERPRISE_URN}:manager"), "value": "m2"
            }]),
        );
        assert_eq!(
            out2.resource[ENTERPRISE_URN]["manager"],
            json!({"value": "m2", "$ref": "https://example.com/scim/v2/Users/m1"})
        );
        let out3 = ok(
            &standard(),
            &out2.resource,
            json!([{"op": "Remove", "path": format!("{ENTERPRISE_URN}:manager")}]),
        );
        assert_eq!(out3.resource, plain_user());
        let out = ok(&product(), &plain_user(), ops);
        assert!(!out.changed);
        assert_eq!(out.ignored, ["manager"]);
    }

    #[test]
    fn entra_soft_delete_rename_and_disable_in_one_request() {
        // The caller decides about the rename; the engine applies both.
        for (_, s) in both() {
            let out = ok(
                &s,
                &plain_user(),
                json!([
                    {"op": "Replace", "path": "userName", "value": "4f3a2b1cbjensen@example.com"},
                    {"op": "Replace", "path": "active", "value": "False"}
                ]),
            );
            assert_eq!(
                out.resource["userName"],
                json!("4f3a2b1cbjensen@example.com")
            );
            assert_eq!(out.resource["active"], json!(false));
        }
    }

    #[test]
    fn entra_group_member_removal_with_value_list() {
        for p in [Policy::Product, Policy::Standard] {
            let g = group_schema(p);
            let res = with(
                group(),
                "members",
                json!([{"value": BABS}, {"value": JAMES}, {"value": OTHER}]),
            );
            let out = ok(
                &g,
                &res,
                json!([{
                    "op": "Remove", "path": "members",
                    "value": [{"value": BABS}, {"value": OTHER}, {"value": "not-a-member"}]
                }]),
            );
            assert_eq!(out.resource["members"], json!([{"value": JAMES}]));
            // Removing the last listed member leaves the group empty, not failing.
            let out2 = ok(
                &g,
                &out.resource,
                json!([{"op": "Remove", "path": "members", "value": [{"value": JAMES}]}]),
            );
            assert_eq!(out2.resource, without(group(), "members"));
            // An empty list removes nothing (never all).
            let out3 = ok(
                &g,
                &res,
                json!([{"op": "Remove", "path": "members", "value": []}]),
            );
            assert!(!out3.changed);
            // The flagged shape.
            let out4 = ok(
                &g,
                &res,
                json!([{"op": "remove", "path": format!("members[value eq \"{JAMES}\"]")}]),
            );
            assert_eq!(
                out4.resource["members"],
                json!([{"value": BABS}, {"value": OTHER}])
            );
            // Already gone: success, no change (Entra never re-reads).
            let out5 = ok(
                &g,
                &out4.resource,
                json!([{"op": "remove", "path": format!("members[value eq \"{JAMES}\"]")}]),
            );
            assert!(!out5.changed);
        }
    }

    #[test]
    fn entra_group_replace_display_name_and_add_members() {
        for p in [Policy::Product, Policy::Standard] {
            let g = group_schema(p);
            let out = ok(
                &g,
                &group(),
                json!([
                    {"op": "Replace", "path": "displayName", "value": "Guides"},
                    {"op": "Add", "path": "members", "value": [{"value": JAMES}, {"value": BABS}]}
                ]),
            );
            let mut want = group();
            want["displayName"] = json!("Guides");
            want["members"]
                .as_array_mut()
                .unwrap()
                .push(json!({"value": JAMES}));
            assert_eq!(out.resource, want);
        }
    }

    #[test]
    fn entra_fifty_members_in_one_operation() {
        for p in [Policy::Product, Policy::Standard] {
            let g = group_schema(p);
            let mut values: Vec<Value> = (0..50)
                .map(|i| json!({"value": format!("user-{i:02}")}))
                .collect();
            values.push(json!({"value": "user-07"}));
            values.push(json!({"value": BABS}));
            let out = ok(
                &g,
                &group(),
                json!([{"op": "Add", "path": "members", "value": values}]),
            );
            let members = out.resource["members"].as_array().unwrap();
            assert_eq!(members.len(), 52);
            let ids: std::collections::BTreeSet<&str> = members
                .iter()
                .map(|m| m["value"].as_str().unwrap())
                .collect();
            assert_eq!(ids.len(), 52);
        }
    }

    #[test]
    fn no_op_changes_report_unchanged() {
        for (_, s) in both() {
            let u = plain_user();
            for ops in [
                json!([{"op": "Replace", "path": "active", "value": "True"}]),
                json!([{"op": "Replace", "path": "name.givenName", "value": "Barbara"}]),
                json!([{"op": "replace", "value": {"name.familyName": "Jensen", "externalId": "bjensen"}}]),
                json!([{"op": "Add", "path": "userName", "value": "bjensen@example.com"}]),
                json!([{"op": "remove", "path": "title"}]),
            ] {
                let out = ok(&s, &u, ops.clone());
                assert!(!out.changed, "{ops}");
                assert_eq!(out.resource, u);
            }
        }
        let g = group_schema(Policy::Product);
        let out = ok(
            &g,
            &group(),
            json!([{"op": "Add", "path": "members", "value": [{"value": BABS}]}]),
        );
        assert!(!out.changed);
    }

    #[test]
    fn failing_op_in_the_middle_leaves_the_input_untouched() {
        for (_, s) in both() {
            let u = plain_user();
            let before = serde_json::to_vec(&u).unwrap();
            let req = PatchRequest::parse(&body(json!([
                {"op": "Replace", "path": "active", "value": "False"},
                {"op": "Replace", "path": "id", "value": "stolen"},
                {"op": "Replace", "path": "name.givenName", "value": "X"}
            ])))
            .unwrap();
            let e = apply(&s, &u, &req).unwrap_err();
            assert_eq!(e.scim_type, ScimType::Mutability);
            assert!(e.message.starts_with("operation 2:"), "{}", e.message);
            assert_eq!(serde_json::to_vec(&u).unwrap(), before);
        }
    }

    // ----- properties -------------------------------------------------

    mod props {
        use super::*;
        use proptest::prelude::*;

        const SCIM_TYPES: [&str; 5] = [
            "invalidSyntax",
            "invalidPath",
            "noTarget",
            "mutability",
            "invalidValue",
        ];

        fn any_op() -> impl Strategy<Value = String> {
            prop::sample::select(vec![
                "add", "Add", "REPLACE", "replace", "remove", "Remove", "merge",
            ])
            .prop_map(str::to_owned)
        }

        fn any_path() -> impl Strategy<Value = Option<String>> {
            prop::option::weighted(
                0.85,
                prop::sample::select(vec![
                    "userName",
                    "active",
                    "displayName",
                    "externalId",
                    "id",
                    "meta.version",
                    "name",
                    "name.givenName",
                    "name.familyName",
                    "name.bogus",
                    "emails",
                    "emails.value",
                    "emails[type eq \"work\"].value",
                    "emails[type eq \"home\"]",
                    "emails[type ne \"work\"].value",
                    "emails[value co \"@\"].primary",
                    "addresses[type eq \"work\"].streetAddress",
                    "phoneNumbers",
                    "groups",
                    "nickName",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                    "manager.value",
                    "userName[value eq \"x\"]",
                    "emails[type eq",
                    "nosuch",
                ])
                .prop_map(str::to_owned),
            )
        }

        fn any_value() -> impl Strategy<Value = Option<Value>> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                prop::sample::select(vec!["True", "false", "x@example.com", "", "work", "Babs"])
                    .prop_map(|s| Value::String(s.to_owned())),
                (-5i64..5).prop_map(Value::from),
            ];
            let obj = prop::collection::btree_map(
                prop::sample::select(vec![
                    "value",
                    "type",
                    "primary",
                    "givenName",
                    "familyName",
                    "display",
                    "bogus",
                    "name.givenName",
                    "active",
                    "id",
                    "emails",
                    "department",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                ])
                .prop_map(str::to_owned),
                leaf.clone(),
                0..4,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect()));
            let v = prop_oneof![
                leaf,
                obj.clone(),
                prop::collection::vec(obj, 0..3).prop_map(Value::Array),
            ];
            prop::option::weighted(0.9, v)
        }

        fn any_request() -> impl Strategy<Value = Value> {
            prop::collection::vec((any_op(), any_path(), any_value()), 1..5).prop_map(|ops| {
                let ops: Vec<Value> = ops
                    .into_iter()
                    .map(|(op, path, value)| {
                        let mut o = Map::new();
                        o.insert("op".into(), Value::String(op));
                        if let Some(p) = path {
                            o.insert("path".into(), Value::String(p));
                        }
                        if let Some(v) = value {
                            o.insert("value".into(), v);
                        }
                        Value::Object(o)
                    })
                    .collect();
                body(Value::Array(ops))
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// A failing PATCH leaves the stored resource byte-identical,
            /// and a request with a failing operation never half-applies.
            #[test]
            fn failing_patch_leaves_input_identical(req in any_request(), at in 0usize..5, standard_policy in any::<bool>()) {
                let s = if standard_policy { standard() } else { product() };
                let u = if standard_policy { std_user() } else { plain_user() };
                let stored = serde_json::to_string(&u).unwrap();
                if let Ok(parsed) = PatchRequest::parse(&req) {
                    match apply(&s, &u, &parsed) {
                        Err(e) => prop_assert!(SCIM_TYPES.contains(&e.scim_type.as_str())),
                        Ok(o) => prop_assert_eq!(o.changed, o.resource != u),
                    }
                    prop_assert_eq!(&serde_json::to_string(&u).unwrap(), &stored);
                    // Insert an operation that always fails: the whole request fails.
                    let mut ops = parsed.ops.clone();
                    let bad = PatchOp::parse(&json!({"op": "remove", "path": "userName"})).unwrap();
                    ops.insert(at.min(ops.len()), bad);
                    let failed = apply(&s, &u, &PatchRequest { ops }).is_err();
                    prop_assert!(failed);
                    prop_assert_eq!(&serde_json::to_string(&u).unwrap(), &stored);
                }
            }

            /// A successful PATCH yields a resource that agrees with the
            /// schema: known attributes only, canonical names, JSON types
            /// matching the definitions, at most one primary.
            #[test]
            fn applied_patch_agrees_with_schema(ops in prop::collection::vec(valid_op(), 1..6), standard_policy in any::<bool>()) {
                let s = if standard_policy { standard() } else { product() };
                let u = if standard_policy { std_user() } else { plain_user() };
                let req = PatchRequest::parse(&body(Value::Array(ops))).unwrap();
                match apply(&s, &u, &req) {
                    Ok(o) => conforms(&s, &o.resource).map_err(TestCaseError::fail)?,
                    Err(e) => prop_assert!(SCIM_TYPES.contains(&e.scim_type.as_str()), "{}", e),
                }
            }
        }

        /// Operations that are well-formed for a user: right-ish types
        /// (including Entra's string booleans and dotted keys), any policy.
        fn valid_op() -> impl Strategy<Value = Value> {
            let s = || {
                prop::sample::select(vec!["Babs", "x@example.com", "work", "home"])
                    .prop_map(|s| json!(s))
            };
            let b = || {
                prop_oneof![
                    any::<bool>().prop_map(Value::Bool),
                    prop::sample::select(vec!["True", "False", "false"]).prop_map(|s| json!(s))
                ]
            };
            let email = (
                s(),
                prop::sample::select(vec!["work", "home", "other"]),
                b(),
            )
                .prop_map(|(v, t, p)| json!({"value": v, "type": t, "primary": p}));
            let kind = || prop::sample::select(vec!["add", "Replace"]);
            prop_oneof![
                (kind(), prop::sample::select(vec!["displayName", "nickName", "title", "externalId", "name.givenName", "name.middleName",
                    "emails[type eq \"work\"].value", "emails[type eq \"home\"].display",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "manager.value"]), s())
                    .prop_map(|(k, p, v)| json!({"op": k, "path": p, "value": v})),
                (kind(), prop::sample::select(vec!["active", "emails[type eq \"work\"].primary", "emails.primary"]), b())
                    .prop_map(|(k, p, v)| json!({"op": k, "path": p, "value": v})),
                (kind(), prop::collection::vec(email, 0..3))
                    .prop_map(|(k, v)| json!({"op": k, "path": "emails", "value": v})),
                (kind(), s(), s(), b())
                    .prop_map(|(k, g, d, a)| json!({"op": k, "value": {"name.givenName": g, "displayName": d, "active": a,
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": {"value": d}, "costCenter": g}}})),
                (kind(), s()).prop_map(|(k, v)| json!({"op": k, "path": "name", "value": {"familyName": v, "formatted": v}})),
                prop::sample::select(vec!["emails", "emails[type eq \"work\"]", "emails[type eq \"home\"].value", "title",
                    "name.middleName", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "addresses", "nosuch"])
                    .prop_map(|p| json!({"op": "remove", "path": p})),
            ]
        }

        fn check_type(def: &AttrDef, v: &Value, at: &str) -> Result<(), String> {
            let fine = match def.ty {
                AttrType::Boolean => v.is_boolean(),
                AttrType::String | AttrType::Reference | AttrType::Binary | AttrType::DateTime => {
                    v.is_string()
                }
                AttrType::Integer => v.is_i64(),
                AttrType::Decimal => v.is_number(),
                AttrType::Complex => {
                    let o = v.as_object().ok_or(format!("{at}: not an object: {v}"))?;
                    if o.is_empty() {
                        return Err(format!("{at}: empty object"));
                    }
                    for (k, sv) in o {
                        let sd = def
                            .sub_attr(k)
                            .ok_or(format!("{at}.{k}: not in the schema"))?;
                        if sd.name != k {
                            return Err(format!("{at}.{k}: not the canonical name {}", sd.name));
                        }
                        check_type(sd, sv, &format!("{at}.{k}"))?;
                    }
                    true
                }
            };
            if fine {
                Ok(())
            } else {
                Err(format!("{at}: {v} is not a {}", def.ty.as_str()))
            }
        }

        fn check_attr(def: &AttrDef, v: &Value, at: &str) -> Result<(), String> {
            if !def.multi {
                return check_type(def, v, at);
            }
            let a = v
                .as_array()
                .ok_or(format!("{at}: multi-valued but not an array"))?;
            if a.is_empty() {
                return Err(format!("{at}: empty array"));
            }
            let primaries = a
                .iter()
                .filter(|e| e.get("primary") == Some(&Value::Bool(true)))
                .count();
            if primaries > 1 {
                return Err(format!("{at}: {primaries} primary values"));
            }
            a.iter().try_for_each(|e| check_type(def, e, at))
        }

        fn conforms(s: &ResourceSchema, res: &Value) -> Result<(), String> {
            let o = res.as_object().ok_or("not an object")?;
            for (k, v) in o {
                if k == "schemas" {
                    let list = v.as_array().ok_or("schemas is not an array")?;
                    for (ek, _) in o.iter().filter(|(ek, _)| s.extension(ek).is_some()) {
                        if !list.iter().any(|x| x == ek) {
                            return Err(format!("schemas lacks {ek}"));
                        }
                    }
                    continue;
                }
                if let Some(ext) = s.extension(k) {
                    let eo = v.as_object().ok_or(format!("{k}: not an object"))?;
                    if eo.is_empty() {
                        return Err(format!("{k}: empty extension"));
                    }
                    for (ak, av) in eo {
                        let def = ext
                            .attributes
                            .iter()
                            .find(|a| a.name == ak)
                            .ok_or(format!("{k}:{ak}: unknown"))?;
                        check_attr(def, av, ak)?;
                    }
                    continue;
                }
                let def = s.core_attr(k).ok_or(format!("{k}: not in the schema"))?;
                if def.name != k {
                    return Err(format!("{k}: not the canonical name {}", def.name));
                }
                check_attr(def, v, k)?;
            }
            for def in s.core.attributes.iter().filter(|d| d.required) {
                if !o.contains_key(def.name) {
                    return Err(format!("required {} missing", def.name));
                }
            }
            Ok(())
        }
    }

    fn members_of(v: &Value) -> Vec<String> {
        v["members"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|m| m["value"].as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn member_adds_and_removes_at_scale_keep_order_and_skip_repeats() {
        let g = group_schema(Policy::Product);
        // A big group: 20,000 members; add 10,000 of which half are there.
        let have: Vec<Value> = (0..20_000)
            .map(|i| json!({"value": format!("m{i:05}")}))
            .collect();
        let res = with(group(), "members", Value::Array(have));
        let add: Vec<Value> = (15_000..25_000)
            .rev()
            .map(|i| json!({"value": format!("m{i:05}")}))
            .chain([json!({"value": "m24999"}), json!({"value": BABS})])
            .collect();
        let out = ok(
            &g,
            &res,
            json!([{"op": "add", "path": "members", "value": add}]),
        );
        let ids = members_of(&out.resource);
        assert_eq!(ids.len(), 25_001);
        assert_eq!(ids[19_999], "m19999");
        // New ones follow in the order given, each once.
        assert_eq!(ids[20_000], "m24999");
        assert_eq!(ids[20_001], "m24998");
        assert_eq!(ids[25_000], BABS);
        // Remove a listed 10,000 (some absent), as Entra sends them.
        let remove: Vec<Value> = (10_000..20_000)
            .map(|i| json!({"value": format!("m{i:05}")}))
            .chain([json!({"value": "absent"}), json!("m00001")])
            .collect();
        let out = ok(
            &g,
            &out.resource,
            json!([{"op": "remove", "path": "members", "value": remove}]),
        );
        let ids = members_of(&out.resource);
        assert_eq!(ids.len(), 25_001 - 10_000 - 1);
        assert_eq!(&ids[..3], ["m00000", "m00002", "m00003"]);
        assert_eq!(ids[9_998], "m09999");
        assert_eq!(ids[9_999], "m24999");
    }

    #[test]
    fn listed_removes_fold_case_where_the_attribute_is_not_case_exact() {
        // emails.value is not caseExact: removing "B@X.com" removes b@x.com.
        let res = with(
            std_user(),
            "emails",
            json!([{"value": "b@x.com"}, {"value": "Élodie@x.fr"}, {"value": "keep@x.com"}]),
        );
        let out = ok(
            &standard(),
            &res,
            json!([{"op": "remove", "path": "emails", "value": [{"value": "B@X.com"}, {"value": "ÉLODIE@X.FR"}]}]),
        );
        assert_eq!(out.resource["emails"], json!([{"value": "keep@x.com"}]));
        // members.value is caseExact: a differently-cased id is another id.
        let out = ok(
            &group_schema(Policy::Product),
            &group(),
            json!([{"op": "remove", "path": "members", "value": [{"value": BABS.to_uppercase()}]}]),
        );
        assert_eq!(members_of(&out.resource), [BABS, OTHER]);
    }
}
