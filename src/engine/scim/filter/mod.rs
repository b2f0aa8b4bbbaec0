//! SCIM filters (RFC 7644 §3.4.2.2): parse, print, validate against a
//! schema, evaluate against a resource, and plan an index lookup.
//!
//! The parser is a hand-written recursive descent over the input bytes
//! (all delimiters are ASCII, so every slice it takes falls on a UTF-8
//! boundary). Precedence, loosest first: `or`, `and`, `not (…)`, then
//! attribute expressions; `(…)` groups. Both `and` and `or` are
//! left-associative. Attribute names, operators and logical keywords are
//! case-insensitive; names keep the case they were written in.
//!
//! Evaluation model: a path reaches a set of values (every element of a
//! multi-valued attribute, or of the sub-attribute named in each element);
//! JSON nulls and missing keys are not values. A comparison matches if it
//! matches ANY reached value. When the path reaches no value at all (the
//! attribute is absent, null, empty, or not defined by the schema), the
//! attribute is treated as the single value `null`:
//! * `eq null` matches, `eq <anything else>` does not;
//! * `ne null` does not match, `ne <anything else>` DOES match;
//! * `co sw ew gt ge lt le` and `pr` do not match.
//!
//! The `ne`-on-absent choice: RFC 7644 defines `ne` as "the attribute and
//! operator value are not identical", and a user without a `userType` is
//! not an "Employee", so `userType ne "Employee"` should include them. It
//! also keeps `x ne v` equal to `not (x eq v)` for single-valued
//! attributes, and is consistent with `eq null` matching absent attributes
//! (so `ne null` means "has a value"). RFC 7644 §3.4.2.2 requires only that
//! `pr` and the other comparisons on an undefined attribute find "no value".
//!
//! This file holds the types and their public methods; `parse`, `resolution`,
//! `eval`, `validate` and `plan` hold each stage's workings.

use std::fmt::{self, Write as _};

use super::limits;
use super::schema::{
    AttrDef, AttrPath, AttrType, Mutability, Resolved, ResourceKind, ResourceSchema, Returned,
    Uniqueness,
};
use super::value::as_bool;
use crate::engine::admin::users::{fold_case, same_folded};

/// Attribute operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompareOp {
    Eq,
    Ne,
    Co,
    Sw,
    Ew,
    Gt,
    Ge,
    Lt,
    Le,
}

/// A JSON literal on the right of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    String(String),
    Number(serde_json::Number),
    Bool(bool),
    Null,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// `attrPath op value`
    Compare {
        path: AttrPath,
        op: CompareOp,
        value: Literal,
    },
    /// `attrPath pr`
    Present(AttrPath),
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    /// `attr[valFilter]`: some element of the multi-valued complex `attr`
    /// matches `filter`, whose paths name sub-attributes of `attr`.
    /// Entra's `emails[type eq "work"].value eq "x"` parses to
    /// `emails[type eq "work" and value eq "x"]`.
    ValuePath {
        attr: AttrPath,
        filter: Box<Filter>,
    },
}

/// Bad filter input: where (byte offset into the input) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError {
    pub position: usize,
    pub message: String,
    /// Set when the filter is refused for one of the documented caps
    /// (`limits`): the limit's name and value.
    pub limit: Option<(&'static str, usize)>,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at position {})", self.message, self.position)
    }
}

/// An index the store can answer a filter (or one `and` branch of it) with.
/// Values that are compared case-insensitively are lower-cased here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexKey {
    Id(String),
    UserName(String),
    ExternalId(String),
    DisplayName(String),
    Email(String),
    /// Groups that have this member id.
    Member(String),
}

/// A PATCH path (RFC 7644 §3.5.2): `attrPath` or `valuePath [subAttr]`.
/// Without a filter, `attr` may carry its own `.sub`; with one, `attr.sub`
/// is None and `sub` holds what follows `]`.
#[derive(Debug, Clone, PartialEq)]
pub struct PathExpr {
    pub attr: AttrPath,
    pub filter: Option<Filter>,
    pub sub: Option<String>,
}

impl CompareOp {
    /// The operator as written in a filter (lower case).
    pub fn as_str(self) -> &'static str {
        match self {
            CompareOp::Eq => "eq",
            CompareOp::Ne => "ne",
            CompareOp::Co => "co",
            CompareOp::Sw => "sw",
            CompareOp::Ew => "ew",
            CompareOp::Gt => "gt",
            CompareOp::Ge => "ge",
            CompareOp::Lt => "lt",
            CompareOp::Le => "le",
        }
    }

    fn is_ordering(self) -> bool {
        matches!(
            self,
            CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le
        )
    }

    fn is_substring(self) -> bool {
        matches!(self, CompareOp::Co | CompareOp::Sw | CompareOp::Ew)
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Filter::Compare { path, op, value } => {
                write!(f, "{path} {} ", op.as_str())?;
                write_literal(f, value)
            }
            Filter::Present(path) => write!(f, "{path} pr"),
            Filter::And(a, b) => {
                // `and` is left-associative and binds tighter than `or`.
                write_operand(f, a, matches!(**a, Filter::Or(..)))?;
                f.write_str(" and ")?;
                write_operand(f, b, matches!(**b, Filter::Or(..) | Filter::And(..)))
            }
            Filter::Or(a, b) => {
                write_operand(f, a, false)?;
                f.write_str(" or ")?;
                write_operand(f, b, matches!(**b, Filter::Or(..)))
            }
            Filter::Not(x) => write!(f, "not ({x})"),
            Filter::ValuePath { attr, filter } => write!(f, "{attr}[{filter}]"),
        }
    }
}

fn write_operand(f: &mut fmt::Formatter<'_>, x: &Filter, parens: bool) -> fmt::Result {
    if parens {
        write!(f, "({x})")
    } else {
        write!(f, "{x}")
    }
}

fn write_literal(f: &mut fmt::Formatter<'_>, v: &Literal) -> fmt::Result {
    match v {
        Literal::String(s) => write_json_string(f, s),
        Literal::Number(n) => write!(f, "{n}"),
        Literal::Bool(b) => write!(f, "{b}"),
        Literal::Null => f.write_str("null"),
    }
}

fn write_json_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_char('"')?;
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // Escapes are ASCII, so `from..i` is on char boundaries.
        f.write_str(&s[from..i])?;
        if esc.is_empty() {
            write!(f, "\\u{b:04x}")?;
        } else {
            f.write_str(esc)?;
        }
        from = i + 1;
    }
    f.write_str(&s[from..])?;
    f.write_char('"')
}

mod eval;
mod parse;
mod plan;
mod resolution;
mod validate;

#[cfg(test)]
mod tests;
