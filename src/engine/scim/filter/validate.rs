//! Validating a parsed filter against a schema: names, operators and
//! literals a resource of that type can match.

use super::parse::err;
use super::resolution::{compare_target, resolve};
use super::*;

pub(super) fn validate_node(
    f: &Filter,
    schema: &ResourceSchema,
    value_path: Option<(&AttrPath, Option<&'static AttrDef>)>,
) -> Result<(), FilterError> {
    match f {
        Filter::Compare { path, op, value } => {
            match value_path {
                Some((attr, Some(def))) => {
                    let leaf = vp_sub(attr, def, path)?;
                    check_operator(leaf, || format!("{attr}.{path}"), *op)?;
                }
                Some((_, None)) => {}
                None => {
                    if let Some(r) = resolve(schema, path) {
                        check_operator(compare_target(&r).1, || path.to_string(), *op)?;
                    }
                }
            }
            check_literal(path, *op, value)
        }
        Filter::Present(path) => {
            if let Some((attr, Some(def))) = value_path {
                vp_sub(attr, def, path)?;
            }
            Ok(())
        }
        Filter::And(a, b) | Filter::Or(a, b) => {
            validate_node(a, schema, value_path)?;
            validate_node(b, schema, value_path)
        }
        Filter::Not(x) => validate_node(x, schema, value_path),
        Filter::ValuePath { attr, filter } => {
            if let Some((outer, _)) = value_path {
                return Err(err(
                    0,
                    format!("value filters cannot be nested: \"{attr}[…]\" inside \"{outer}[…]\""),
                ));
            }
            let def = match resolve(schema, attr) {
                None => None,
                Some(r) if r.sub.is_none() && r.attr.ty == AttrType::Complex => Some(r.attr),
                Some(_) => {
                    return Err(err(
                        0,
                        format!(
                            "\"{attr}\" is not a complex attribute, so it cannot take a [filter]; \
                             filters in brackets select elements of attributes such as emails or members"
                        ),
                    ));
                }
            };
            validate_node(filter, schema, Some((attr, def)))
        }
    }
}

pub(super) fn sub_names(def: &AttrDef) -> String {
    def.sub
        .iter()
        .map(|s| s.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sub-attribute of `def` (reached by `attr[…]`) that `path` names.
pub(super) fn vp_sub(
    attr: &AttrPath,
    def: &AttrDef,
    path: &AttrPath,
) -> Result<&'static AttrDef, FilterError> {
    if path.urn.is_some() || path.sub.is_some() {
        return Err(err(
            0,
            format!(
                "inside {attr}[…] write just a sub-attribute name of {attr} ({}), not \"{path}\"",
                sub_names(def)
            ),
        ));
    }
    def.sub_attr(&path.attr).ok_or_else(|| {
        err(
            0,
            format!(
                "\"{attr}\" has no sub-attribute \"{}\"; it has {}",
                path.attr,
                sub_names(def)
            ),
        )
    })
}

/// Whether `op` applies to the type of `leaf` (RFC 7644 §3.4.2.2).
/// `name` (the path as written) is only built for an error.
pub(super) fn check_operator(
    leaf: &AttrDef,
    name: impl FnOnce() -> String,
    op: CompareOp,
) -> Result<(), FilterError> {
    let bad = match leaf.ty {
        AttrType::Boolean | AttrType::Binary => op.is_ordering() || op.is_substring(),
        AttrType::Integer | AttrType::Decimal => op.is_substring(),
        AttrType::Complex => true,
        _ => false,
    };
    if !bad {
        return Ok(());
    }
    let name = name();
    let o = op.as_str();
    let message = match leaf.ty {
        AttrType::Boolean => format!(
            "\"{name}\" is a boolean attribute: compare it with eq or ne (e.g. {name} eq true), not \"{o}\""
        ),
        AttrType::Binary => {
            format!("\"{name}\" is a binary attribute: only eq and ne apply to it, not \"{o}\"")
        }
        AttrType::Complex => format!(
            "\"{name}\" is a complex attribute: compare one of its sub-attributes ({}), e.g. {name}.{} {o} …",
            sub_names(leaf),
            leaf.sub.first().map_or("value", |s| s.name)
        ),
        _ => format!(
            "\"{name}\" is a number: \"{o}\" applies only to text; use eq, ne, gt, ge, lt or le"
        ),
    };
    Err(err(0, message))
}

/// Literals an operator cannot use, whatever the attribute.
pub(super) fn check_literal(
    path: &AttrPath,
    op: CompareOp,
    value: &Literal,
) -> Result<(), FilterError> {
    let o = op.as_str();
    if op.is_ordering() && matches!(value, Literal::Bool(_) | Literal::Null) {
        return Err(err(
            0,
            format!(
                "\"{path} {o}\" needs a string, number or date to compare with; true, false and null \
                 cannot be ordered"
            ),
        ));
    }
    if op.is_substring() && !matches!(value, Literal::String(_)) {
        return Err(err(
            0,
            format!("\"{o}\" needs a quoted string, e.g. {path} {o} \"text\""),
        ));
    }
    Ok(())
}

impl Filter {
    /// Rejects what the RFC forbids given the schema: ordering operators on
    /// booleans or binaries, a value path on a non-complex attribute, etc.
    /// Undefined attributes are allowed (they evaluate as absent).
    ///
    /// The AST carries no source positions, so errors from here report
    /// position 0 and name the attribute in the message instead.
    pub fn validate(&self, schema: &ResourceSchema) -> Result<(), FilterError> {
        validate_node(self, schema, None)
    }
}
