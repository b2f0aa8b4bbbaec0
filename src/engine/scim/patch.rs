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

use std::fmt;

use serde_json::{Map, Value};

use super::filter::{CompareOp, Filter, Literal, PathExpr};
use super::schema::{
    AttrDef, AttrPath, AttrType, Mutability, PATCH_URN, ResourceSchema, SchemaDef,
};
use super::value::{CoerceError, coerce, coerce_single};

/// The `scimType` values a PATCH can fail with (RFC 7644 §3.12).
pub mod scim_type {
    pub const INVALID_SYNTAX: &str = "invalidSyntax";
    pub const INVALID_PATH: &str = "invalidPath";
    pub const NO_TARGET: &str = "noTarget";
    pub const MUTABILITY: &str = "mutability";
    pub const INVALID_VALUE: &str = "invalidValue";
}

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
    pub scim_type: &'static str,
    pub message: String,
}

impl PatchError {
    fn new(scim_type: &'static str, message: impl Into<String>) -> PatchError {
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
    PatchError::new(scim_type::INVALID_SYNTAX, m)
}
fn no_target(m: impl Into<String>) -> PatchError {
    PatchError::new(scim_type::NO_TARGET, m)
}
fn mutability(m: impl Into<String>) -> PatchError {
    PatchError::new(scim_type::MUTABILITY, m)
}
fn invalid_value(m: impl Into<String>) -> PatchError {
    PatchError::new(scim_type::INVALID_VALUE, m)
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
                PatchError::new(scim_type::INVALID_PATH, format!("invalid path {s:?}: {e}"))
            })?),
            Some(other) => {
                return Err(PatchError::new(
                    scim_type::INVALID_PATH,
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
    let mut ignored: Vec<String> = Vec::with_capacity(cx.ignored.len());
    for i in cx.ignored {
        if !ignored.contains(&i) {
            ignored.push(i);
        }
    }
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
        (Value::String(x), Value::String(y)) if !def.case_exact => {
            x == y || x.to_lowercase() == y.to_lowercase()
        }
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

/// Attributes whose elements are identified by their `value` alone: a
/// member is never listed twice.
fn identity_by_value(attr: &AttrDef) -> bool {
    attr.name == "members"
}

fn elem_value<'a>(e: &'a Value) -> Option<&'a Value> {
    e.get("value").filter(|v| !v.is_null())
}

/// An element of `attr` equal to `item` (for members: with the same value).
fn same_element(attr: &AttrDef, a: &Value, b: &Value) -> bool {
    if identity_by_value(attr) {
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
        match (&op.path, op.op) {
            (Some(p), OpKind::Remove) => self.remove_path(res, p, op.value.as_ref()),
            (Some(p), kind) => {
                self.set_path(res, p, op.value.as_ref().unwrap_or(&null), kind, true, None)
            }
            (None, OpKind::Remove) => self.remove_pathless(res, op.value.as_ref().unwrap_or(&null)),
            (None, kind) => self.set_pathless(res, op.value.as_ref().unwrap_or(&null), kind),
        }
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
                scim_type::INVALID_PATH,
                format!(
                    "a value filter needs a multi-valued complex attribute; \"{}\" is not one",
                    r.attr.name
                ),
            ));
        }
        let sub_name = match (&p.attr.sub, &p.sub) {
            (Some(_), Some(_)) => {
                return Err(PatchError::new(
                    scim_type::INVALID_PATH,
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
        let before = res.remove(ext.id);
        let (mut inner, had_attrs) = match &before {
            Some(Value::Object(m)) => (m.clone(), !m.is_empty()),
            _ => (Map::new(), false),
        };
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

    /// Coerces one element of a multi-valued attribute, dropping readOnly
    /// sub-attributes (reported as ignored).
    fn coerce_element(
        &mut self,
        attr: &AttrDef,
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
        let out = coerce_single(attr, item, &mut self.ignored)
            .map_err(|e| Self::coerce_err(e, Some(attr)))?;
        if let Some(e) = &out
            && identity_by_value(attr)
            && elem_value(e).is_none()
        {
            return Err(invalid_value(format!(
                "every \"{}\" value needs a \"value\" sub-attribute",
                attr.name
            )));
        }
        Ok(out)
    }

    fn coerce_elements(&mut self, attr: &AttrDef, v: &Value) -> Result<Vec<Value>, PatchError> {
        let items: Vec<&Value> = match v {
            Value::Null => Vec::new(),
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let Some(c) = self.coerce_element(attr, item)? {
                out.push(c);
            }
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
        list: &mut [Value],
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
                for (i, e) in list.iter_mut().enumerate() {
                    if i != *keep
                        && is_primary(e)
                        && let Some(o) = e.as_object_mut()
                    {
                        o.remove("primary");
                    }
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
        for item in items {
            if !list.iter().any(|e| same_element(attr, e, &item)) {
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
            if identity_by_value(attr) && elem_value(&elem).is_none() {
                return Err(invalid_value(format!(
                    "every \"{}\" value needs a \"value\" sub-attribute",
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
        Self::primary_rule(attr, &mut list, &touched)?;
        let mut i = 0;
        list.retain(|e| {
            let keep = !touched.contains(&i) || !e.as_object().is_some_and(Map::is_empty);
            i += 1;
            keep
        });
        put_list(c, attr.name, list);
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
            if identity_by_value(attr) && elem_value(&elem).is_none() {
                return Err(no_target(format!(
                    "no \"{}\" value matches the filter",
                    attr.name
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
        let mut list = take_list(c, attr.name);
        list.retain(|e| {
            !wanted.iter().any(|w| match (elem_value(w), vd) {
                (Some(wv), Some(vd)) => elem_value(e).is_some_and(|ev| same_value(vd, ev, wv)),
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
