//! Evaluating a filter against a resource: the ANY-value and
//! absent-as-null model of the module documentation.

use std::cmp::Ordering;

use serde_json::Value;

use super::resolution::{compare_target, element_sub, resolve};
use super::*;

/// The JSON at the resolved attribute (not yet descending into `sub`).
pub(super) fn attr_value<'v>(resource: &'v Value, r: &Resolved) -> Option<&'v Value> {
    let container = match r.extension {
        Some(ext) => resource.get(ext.id)?,
        None => resource,
    };
    container.get(r.attr.name)
}

/// Whether `f` holds for any value reached from `v` (each element when it
/// is an array, then its `sub` when given); nulls are not values.
pub(super) fn any_value(
    v: Option<&Value>,
    sub: Option<&str>,
    f: &mut impl FnMut(&Value) -> bool,
) -> bool {
    let mut one = |x: &Value| {
        let x = match sub {
            Some(s) => match x.get(s) {
                Some(y) => y,
                None => return false,
            },
            None => x,
        };
        !x.is_null() && f(x)
    };
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Array(items)) => items.iter().any(&mut one),
        Some(x) => one(x),
    }
}

pub(super) fn is_present(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => a.iter().any(is_present),
        Value::Object(o) => o.values().any(is_present),
        Value::Bool(_) | Value::Number(_) => true,
    }
}

/// A comparison of a path that reaches no value (see the module docs).
pub(super) fn compare_absent(op: CompareOp, lit: &Literal) -> bool {
    let null = matches!(lit, Literal::Null);
    match op {
        CompareOp::Eq => null,
        CompareOp::Ne => !null,
        _ => false,
    }
}

pub(super) fn compare_values(
    v: Option<&Value>,
    sub: Option<&str>,
    leaf: &AttrDef,
    op: CompareOp,
    lit: &Literal,
) -> bool {
    let mut seen = false;
    let hit = any_value(v, sub, &mut |x| {
        seen = true;
        compare_one(x, leaf, op, lit)
    });
    hit || (!seen && compare_absent(op, lit))
}

/// One (non-null) attribute value against the literal.
pub(super) fn compare_one(x: &Value, leaf: &AttrDef, op: CompareOp, lit: &Literal) -> bool {
    if let Literal::Null = lit {
        return op == CompareOp::Ne;
    }
    match leaf.ty {
        AttrType::String | AttrType::Reference | AttrType::Binary => match (x, lit) {
            (Value::String(a), Literal::String(b)) => compare_str(a, b, op, leaf.case_exact),
            _ => false,
        },
        AttrType::DateTime => match (x, lit) {
            (Value::String(a), Literal::String(b)) => compare_datetime(a, b, op),
            _ => false,
        },
        AttrType::Boolean => {
            let (Some(a), Some(b)) = (as_bool(x), literal_bool(lit)) else {
                return false;
            };
            match op {
                CompareOp::Eq => a == b,
                CompareOp::Ne => a != b,
                _ => false,
            }
        }
        AttrType::Integer | AttrType::Decimal => match (x, lit) {
            (Value::Number(a), Literal::Number(b)) if !op.is_substring() => {
                ordering_holds(op, compare_numbers(a, b))
            }
            _ => false,
        },
        AttrType::Complex => false,
    }
}

/// A boolean literal; like PATCH values, `"True"`/`"false"` strings count.
pub(super) fn literal_bool(lit: &Literal) -> Option<bool> {
    match lit {
        Literal::Bool(b) => Some(*b),
        Literal::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Literal::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// eq/ne/gt/ge/lt/le given how the attribute value compares to the literal.
pub(super) fn ordering_holds(op: CompareOp, ord: Option<Ordering>) -> bool {
    let Some(ord) = ord else {
        return false;
    };
    match op {
        CompareOp::Eq => ord == Ordering::Equal,
        CompareOp::Ne => ord != Ordering::Equal,
        CompareOp::Gt => ord == Ordering::Greater,
        CompareOp::Ge => ord != Ordering::Less,
        CompareOp::Lt => ord == Ordering::Less,
        CompareOp::Le => ord != Ordering::Greater,
        CompareOp::Co | CompareOp::Sw | CompareOp::Ew => false,
    }
}

pub(super) fn compare_numbers(a: &serde_json::Number, b: &serde_json::Number) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return Some(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (a.as_u64(), b.as_u64()) {
        return Some(x.cmp(&y));
    }
    // One is a u64 above i64::MAX and the other negative, or a float.
    match (a.as_u64(), b.as_i64()) {
        (Some(_), Some(y)) if a.as_i64().is_none() && y < 0 => return Some(Ordering::Greater),
        _ => {}
    }
    match (a.as_i64(), b.as_u64()) {
        (Some(x), Some(_)) if b.as_i64().is_none() && x < 0 => return Some(Ordering::Less),
        _ => {}
    }
    a.as_f64()?.partial_cmp(&b.as_f64()?)
}

pub(super) fn compare_datetime(a: &str, b: &str, op: CompareOp) -> bool {
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;
    if !op.is_substring()
        && let (Ok(x), Ok(y)) = (
            OffsetDateTime::parse(a, &Rfc3339),
            OffsetDateTime::parse(b, &Rfc3339),
        )
    {
        return ordering_holds(op, Some(x.cmp(&y)));
    }
    // Not RFC 3339 on one side (or a substring operator): compare the text.
    compare_str(a, b, op, false)
}

/// String comparison, case-insensitive (by `fold_case`) unless `exact`.
/// Linear in the lengths of both sides: each is folded once, then
/// `str::contains` (two-way search), `starts_with` or `ends_with`, so a
/// long attribute value and a long literal cost their length, not their
/// product.
pub(super) fn compare_str(a: &str, b: &str, op: CompareOp, exact: bool) -> bool {
    if let CompareOp::Eq | CompareOp::Ne = op {
        return str_eq(a, b, exact) == (op == CompareOp::Eq);
    }
    let folded;
    let (a, b) = if exact {
        (a, b)
    } else {
        folded = (fold_case(a), fold_case(b));
        (folded.0.as_str(), folded.1.as_str())
    };
    match op {
        CompareOp::Co => a.contains(b),
        CompareOp::Sw => a.starts_with(b),
        CompareOp::Ew => a.ends_with(b),
        CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le => {
            ordering_holds(op, Some(a.cmp(b)))
        }
        CompareOp::Eq | CompareOp::Ne => false,
    }
}

/// Equality, case-insensitive (by `fold_case`) unless `exact`.
pub(super) fn str_eq(a: &str, b: &str, exact: bool) -> bool {
    if exact {
        return a == b;
    }
    same_folded(a, b)
}

impl Filter {
    /// Evaluates against a resource in canonical JSON form (schema names,
    /// extension attributes under their URN key).
    pub fn matches(&self, resource: &Value, schema: &ResourceSchema) -> bool {
        match self {
            Filter::Compare { path, op, value } => {
                let Some(r) = resolve(schema, path) else {
                    return compare_absent(*op, value);
                };
                let (sub, leaf) = compare_target(&r);
                compare_values(attr_value(resource, &r), sub, leaf, *op, value)
            }
            Filter::Present(path) => match resolve(schema, path) {
                Some(r) => any_value(
                    attr_value(resource, &r),
                    r.sub.map(|s| s.name),
                    &mut is_present,
                ),
                None => false,
            },
            Filter::And(a, b) => a.matches(resource, schema) && b.matches(resource, schema),
            Filter::Or(a, b) => a.matches(resource, schema) || b.matches(resource, schema),
            Filter::Not(x) => !x.matches(resource, schema),
            Filter::ValuePath { attr, filter } => {
                let Some(r) = resolve(schema, attr) else {
                    return false;
                };
                if r.sub.is_some() || r.attr.ty != AttrType::Complex {
                    return false;
                }
                match attr_value(resource, &r) {
                    Some(Value::Array(items)) => {
                        items.iter().any(|e| filter.matches_element(e, r.attr))
                    }
                    Some(v @ Value::Object(_)) => filter.matches_element(v, r.attr),
                    _ => false,
                }
            }
        }
    }

    /// Evaluates a value filter against one element of the multi-valued
    /// complex attribute `def`.
    pub fn matches_element(&self, element: &Value, def: &AttrDef) -> bool {
        match self {
            Filter::Compare { path, op, value } => match element_sub(def, path) {
                Some(sd) => compare_values(element.get(sd.name), None, sd, *op, value),
                None => compare_absent(*op, value),
            },
            Filter::Present(path) => match element_sub(def, path) {
                Some(sd) => any_value(element.get(sd.name), None, &mut is_present),
                None => false,
            },
            Filter::And(a, b) => a.matches_element(element, def) && b.matches_element(element, def),
            Filter::Or(a, b) => a.matches_element(element, def) || b.matches_element(element, def),
            Filter::Not(x) => !x.matches_element(element, def),
            // Value paths do not nest (the parser rejects them).
            Filter::ValuePath { .. } => false,
        }
    }
}
