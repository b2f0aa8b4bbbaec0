//! Planning: which store index answers a filter, and how the indexes rank.

use super::resolution::resolve;
use super::*;

/// Lower is more selective: Id > UserName > ExternalId > DisplayName > Email > Member.
pub(super) fn index_rank(k: &IndexKey) -> u8 {
    match k {
        IndexKey::Id(_) => 0,
        IndexKey::UserName(_) => 1,
        IndexKey::ExternalId(_) => 2,
        IndexKey::DisplayName(_) => 3,
        IndexKey::Email(_) => 4,
        IndexKey::Member(_) => 5,
    }
}

/// `value eq "x"` in a value filter, possibly as one `and` branch.
pub(super) fn conjunct_value_eq(f: &Filter) -> Option<&str> {
    match f {
        Filter::Compare {
            path,
            op: CompareOp::Eq,
            value: Literal::String(v),
        } if path.urn.is_none()
            && path.sub.is_none()
            && path.attr.eq_ignore_ascii_case("value") =>
        {
            Some(v)
        }
        Filter::And(a, b) => conjunct_value_eq(a).or_else(|| conjunct_value_eq(b)),
        _ => None,
    }
}

impl Filter {
    /// The best index lookup for this filter, if any.
    pub fn plan(&self, schema: &ResourceSchema) -> Option<IndexKey> {
        match self {
            Filter::Compare {
                path,
                op: CompareOp::Eq,
                value: Literal::String(v),
            } => {
                let r = resolve(schema, path)?;
                if r.extension.is_some() {
                    return None;
                }
                let user = schema.kind == ResourceKind::User;
                let group = schema.kind == ResourceKind::Group;
                match (r.attr.name, r.sub.map(|s| s.name)) {
                    ("id", None) => Some(IndexKey::Id(v.clone())),
                    ("userName", None) if user => Some(IndexKey::UserName(fold_case(v))),
                    ("externalId", None) => Some(IndexKey::ExternalId(v.clone())),
                    ("displayName", None) if group => Some(IndexKey::DisplayName(fold_case(v))),
                    ("emails", None | Some("value")) if user => Some(IndexKey::Email(fold_case(v))),
                    ("members", None | Some("value")) if group => Some(IndexKey::Member(v.clone())),
                    _ => None,
                }
            }
            Filter::ValuePath { attr, filter } => {
                let r = resolve(schema, attr)?;
                if r.extension.is_some() || r.sub.is_some() {
                    return None;
                }
                let v = conjunct_value_eq(filter)?;
                match r.attr.name {
                    "emails" if schema.kind == ResourceKind::User => {
                        Some(IndexKey::Email(fold_case(v)))
                    }
                    "members" if schema.kind == ResourceKind::Group => {
                        Some(IndexKey::Member(v.to_owned()))
                    }
                    _ => None,
                }
            }
            Filter::And(a, b) => match (a.plan(schema), b.plan(schema)) {
                (Some(x), Some(y)) => Some(if index_rank(&y) < index_rank(&x) {
                    y
                } else {
                    x
                }),
                (x, y) => x.or(y),
            },
            _ => None,
        }
    }
}
