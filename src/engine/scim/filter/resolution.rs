//! Resolving a filter's attribute paths against a schema, with the
//! leniencies clients rely on.

use super::*;

/// `schemas` is not in the attribute schema but every resource carries it
/// and RFC 7644 §3.4.2.2 filters on it (`schemas eq "urn:…:enterprise:2.0:User"`).
pub(super) static SCHEMAS_DEF: AttrDef = AttrDef {
    name: "schemas",
    ty: AttrType::Reference,
    multi: true,
    required: true,
    case_exact: false,
    mutability: Mutability::ReadOnly,
    returned: Returned::Always,
    uniqueness: Uniqueness::None,
    canonical: &[],
    reference_types: &["uri"],
    sub: &[],
    description: "The schema URIs of the resource.",
    alias: None,
    derived_from: None,
};

/// `ResourceSchema::resolve`, plus two leniencies: an unqualified name that
/// the core schema lacks is looked up in the extensions (Entra filters on
/// `manager eq "…"`, an enterprise attribute), and `schemas`.
pub(super) fn resolve(schema: &ResourceSchema, path: &AttrPath) -> Option<Resolved> {
    if let Some(r) = schema.resolve(path) {
        return Some(r);
    }
    if path.urn.is_none() {
        for ext in schema.extensions {
            if let Some(attr) = ext
                .attributes
                .iter()
                .find(|a| a.name.eq_ignore_ascii_case(&path.attr))
            {
                let sub = match &path.sub {
                    None => None,
                    Some(s) => Some(attr.sub_attr(s)?),
                };
                return Some(Resolved {
                    extension: Some(ext),
                    attr,
                    sub,
                });
            }
        }
    }
    let core_or_none = path
        .urn
        .as_deref()
        .is_none_or(|u| u.eq_ignore_ascii_case(schema.core.id));
    if core_or_none && path.sub.is_none() && path.attr.eq_ignore_ascii_case("schemas") {
        return Some(Resolved {
            extension: None,
            attr: &SCHEMAS_DEF,
            sub: None,
        });
    }
    None
}

/// What a comparison on a resolved path compares: the named sub-attribute,
/// or, for a complex attribute named alone (`emails co "x"`,
/// `manager eq "id"`), its `value` sub-attribute.
pub(super) fn compare_target(r: &Resolved) -> (Option<&'static str>, &'static AttrDef) {
    match r.sub {
        Some(s) => (Some(s.name), s),
        None if r.attr.ty == AttrType::Complex => match r.attr.sub_attr("value") {
            Some(v) => (Some(v.name), v),
            None => (None, r.attr),
        },
        None => (None, r.attr),
    }
}

/// The sub-attribute a path inside `def[…]` names.
pub(super) fn element_sub(def: &AttrDef, path: &AttrPath) -> Option<&'static AttrDef> {
    if path.urn.is_some() || path.sub.is_some() {
        return None;
    }
    def.sub_attr(&path.attr)
}
