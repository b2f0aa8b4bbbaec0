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

use std::cmp::Ordering;
use std::fmt::{self, Write as _};

use serde_json::Value;

use super::limits;
use super::schema::{
    AttrDef, AttrPath, AttrType, Mutability, Resolved, ResourceKind, ResourceSchema, Returned,
    Uniqueness,
};
use super::value::as_bool;
use crate::engine::users::{fold_case, same_folded};

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

impl Filter {
    pub fn parse(input: &str) -> Result<Filter, FilterError> {
        check_length(input)?;
        let mut p = Parser::new(input);
        let f = p.parse_or("")?;
        p.expect_close(Closer::End)?;
        Ok(f)
    }

    /// Rejects what the RFC forbids given the schema: ordering operators on
    /// booleans or binaries, a value path on a non-complex attribute, etc.
    /// Undefined attributes are allowed (they evaluate as absent).
    ///
    /// The AST carries no source positions, so errors from here report
    /// position 0 and name the attribute in the message instead.
    pub fn validate(&self, schema: &ResourceSchema) -> Result<(), FilterError> {
        validate_node(self, schema, None)
    }

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

impl PathExpr {
    pub fn parse(input: &str) -> Result<PathExpr, FilterError> {
        check_length(input)?;
        let start = input.len() - input.trim_start().len();
        let end = input.trim_end().len();
        if start >= end {
            return Err(err(
                0,
                "the path is empty; write an attribute path such as name.givenName or \
                 emails[type eq \"work\"].value",
            ));
        }
        let text = &input[start..end];
        let Some(open) = text.find('[') else {
            return parse_attr_path(text)
                .map(|attr| PathExpr {
                    attr,
                    filter: None,
                    sub: None,
                })
                .ok_or_else(|| err(start, bad_path_message(text)));
        };
        let head = &text[..open];
        if head.is_empty() {
            return Err(err(
                start,
                "expected an attribute name before \"[\", e.g. emails[type eq \"work\"]",
            ));
        }
        let attr = parse_attr_path(head).ok_or_else(|| err(start, bad_name_message(head)))?;
        if attr.sub.is_some() {
            return Err(err(
                start,
                format!(
                    "a [filter] selects elements of a multi-valued attribute such as emails, \
                     not of the sub-attribute \"{}\"",
                    snippet(head)
                ),
            ));
        }
        let open = start + open;
        let mut p = Parser::new(input);
        p.pos = open + 1;
        p.depth = 1;
        p.in_bracket = true;
        let filter = p.parse_or("\"[\"")?;
        p.expect_close(Closer::Bracket(open))?;
        let rest = &input[p.pos.min(end)..end];
        let sub = if rest.is_empty() {
            None
        } else if let Some(name) = rest.strip_prefix('.') {
            if !is_simple_name(name) {
                return Err(err(
                    p.pos + 1,
                    format!(
                        "expected a sub-attribute name after \"].\", e.g. emails[type eq \"work\"].value; \
                         found \"{}\"",
                        snippet(name)
                    ),
                ));
            }
            Some(name.to_owned())
        } else {
            return Err(err(
                p.pos,
                format!(
                    "unexpected \"{}\" after the [filter]; expected \".subAttribute\" or the end of the path",
                    snippet(rest)
                ),
            ));
        };
        Ok(PathExpr {
            attr,
            filter: Some(filter),
            sub,
        })
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

// ---------------------------------------------------------------------------
// Parsing

/// Parentheses, `not (…)` and `[…]` together may nest this deep: the
/// parser's recursion is bounded by it.
const MAX_DEPTH: usize = limits::MAX_FILTER_DEPTH;
/// Attribute expressions per filter; bounds the depth of `and`/`or` chains
/// (and so the recursion in printing, evaluating and dropping the AST),
/// and the cost of evaluating the filter against one resource.
const MAX_TERMS: usize = limits::MAX_FILTER_TERMS;

const OPERATORS: &str = "eq, ne, co, sw, ew, gt, ge, lt, le, pr";

fn err(position: usize, message: impl Into<String>) -> FilterError {
    FilterError {
        position,
        message: message.into(),
        limit: None,
    }
}

fn over_limit(
    position: usize,
    limit: &'static str,
    max: usize,
    message: impl Into<String>,
) -> FilterError {
    FilterError {
        limit: Some((limit, max)),
        ..err(position, message)
    }
}

/// Input longer than any filter or path is allowed to be.
fn check_length(input: &str) -> Result<(), FilterError> {
    if input.len() > limits::MAX_FILTER_BYTES {
        return Err(over_limit(
            limits::MAX_FILTER_BYTES,
            "filter length",
            limits::MAX_FILTER_BYTES,
            format!(
                "the filter is {} bytes long; at most {} bytes are accepted",
                limits::grouped(input.len()),
                limits::grouped(limits::MAX_FILTER_BYTES)
            ),
        ));
    }
    Ok(())
}

/// Bytes that end a word: whitespace, brackets, parentheses and quotes.
fn is_delim(b: u8) -> bool {
    b.is_ascii_whitespace() || matches!(b, b'(' | b')' | b'[' | b']' | b'"')
}

/// A prefix of `s` short enough to quote in an error message.
fn snippet(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

fn bad_name_message(text: &str) -> String {
    format!(
        "\"{}\" is not a valid attribute name: a name starts with a letter and holds only letters, \
         digits, \"-\" and \"_\"; it may be prefixed by a schema URN and followed by \
         \".subAttribute\" (e.g. name.givenName)",
        snippet(text)
    )
}

fn bad_path_message(text: &str) -> String {
    format!(
        "\"{}\" is not a valid attribute path; expected e.g. name.givenName, \
         urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department or \
         emails[type eq \"work\"].value",
        snippet(text)
    )
}

/// `AttrPath::parse`, guarded: it slices the first four bytes to look for
/// `urn:`, which panics when byte 4 falls inside a multi-byte character.
/// Such input is never a valid path (names and URNs start with ASCII).
fn parse_attr_path(s: &str) -> Option<AttrPath> {
    if !s.is_char_boundary(4.min(s.len())) {
        return None;
    }
    AttrPath::parse(s)
}

/// A sub-attribute name: no URN, no dot.
fn is_simple_name(s: &str) -> bool {
    parse_attr_path(s).is_some_and(|p| p.urn.is_none() && p.sub.is_none())
}

enum OpWord {
    Cmp(CompareOp),
    Pr,
}

fn op_word(w: &str) -> Option<OpWord> {
    let &[a, b] = w.as_bytes() else {
        return None;
    };
    Some(match [a.to_ascii_lowercase(), b.to_ascii_lowercase()] {
        [b'e', b'q'] => OpWord::Cmp(CompareOp::Eq),
        [b'n', b'e'] => OpWord::Cmp(CompareOp::Ne),
        [b'c', b'o'] => OpWord::Cmp(CompareOp::Co),
        [b's', b'w'] => OpWord::Cmp(CompareOp::Sw),
        [b'e', b'w'] => OpWord::Cmp(CompareOp::Ew),
        [b'g', b't'] => OpWord::Cmp(CompareOp::Gt),
        [b'g', b'e'] => OpWord::Cmp(CompareOp::Ge),
        [b'l', b't'] => OpWord::Cmp(CompareOp::Lt),
        [b'l', b'e'] => OpWord::Cmp(CompareOp::Le),
        [b'p', b'r'] => OpWord::Pr,
        _ => return None,
    })
}

/// What must follow a complete (sub-)expression.
#[derive(Clone, Copy)]
enum Closer {
    End,
    /// `)` closing the `(` at this offset.
    Paren(usize),
    /// `]` closing the `[` at this offset.
    Bracket(usize),
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    terms: usize,
    in_bracket: bool,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            pos: 0,
            depth: 0,
            terms: 0,
            in_bracket: false,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        let b = self.src.as_bytes();
        while self.pos < b.len() && b[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn word_end(&self, from: usize) -> usize {
        let b = self.src.as_bytes();
        let mut i = from;
        while i < b.len() && !is_delim(b[i]) {
            i += 1;
        }
        i
    }

    /// Describes the token at `at` for an error message.
    fn found(&self, at: usize) -> String {
        match self.src.as_bytes().get(at) {
            None => "the end of the filter".to_owned(),
            Some(b'"') => "a quoted string".to_owned(),
            Some(&c) if is_delim(c) => format!("\"{}\"", c as char),
            Some(_) => format!("\"{}\"", snippet(&self.src[at..self.word_end(at)])),
        }
    }

    fn enter(&mut self, at: usize) -> Result<(), FilterError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(over_limit(
                at,
                "filter nesting depth",
                MAX_DEPTH,
                format!(
                    "the filter nests parentheses and brackets more than {MAX_DEPTH} levels deep; \
                     at most {MAX_DEPTH} are accepted"
                ),
            ));
        }
        Ok(())
    }

    /// Counts one attribute expression (at `at`) against `MAX_TERMS`.
    fn term(&mut self, at: usize) -> Result<(), FilterError> {
        self.terms += 1;
        if self.terms > MAX_TERMS {
            return Err(over_limit(
                at,
                "filter terms",
                MAX_TERMS,
                format!(
                    "the filter has more than {MAX_TERMS} attribute expressions; at most \
                     {MAX_TERMS} are accepted"
                ),
            ));
        }
        Ok(())
    }

    fn eat_keyword(&mut self, kw: &str) -> bool {
        self.skip_ws();
        let end = self.word_end(self.pos);
        if self.src[self.pos..end].eq_ignore_ascii_case(kw) {
            self.pos = end;
            true
        } else {
            false
        }
    }

    /// `or`-list; `after` names what precedes it, for error messages.
    fn parse_or(&mut self, after: &str) -> Result<Filter, FilterError> {
        let mut left = self.parse_and(after)?;
        while self.eat_keyword("or") {
            let right = self.parse_and("\"or\"")?;
            left = Filter::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn parse_and(&mut self, after: &str) -> Result<Filter, FilterError> {
        let mut left = self.parse_unary(after)?;
        while self.eat_keyword("and") {
            let right = self.parse_unary("\"and\"")?;
            left = Filter::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn parse_unary(&mut self, after: &str) -> Result<Filter, FilterError> {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            None if after.is_empty() => Err(err(
                start,
                "the filter is empty; write an expression such as userName eq \"bjensen\"",
            )),
            None => Err(err(
                start,
                format!(
                    "the filter ends after {after}; an expression such as userName eq \"bjensen\" \
                     must follow"
                ),
            )),
            Some(b'(') => {
                self.pos += 1;
                self.group(start)
            }
            Some(b')' | b']' | b'[' | b'"') => {
                let after = if after.is_empty() {
                    String::new()
                } else {
                    format!(" after {after}")
                };
                Err(err(
                    start,
                    format!(
                        "expected an attribute name{after} (e.g. userName eq \"bjensen\"), found {}",
                        self.found(start)
                    ),
                ))
            }
            Some(_) => {
                let end = self.word_end(start);
                if self.src[start..end].eq_ignore_ascii_case("not") {
                    self.pos = end;
                    self.skip_ws();
                    if self.peek() == Some(b'(') {
                        let open = self.pos;
                        self.pos += 1;
                        return Ok(Filter::Not(Box::new(self.group(open)?)));
                    }
                    // An attribute that happens to be called "not".
                }
                self.attr_expr(start, end)
            }
        }
    }

    /// After `(` at `open`: the group's content and its `)`.
    fn group(&mut self, open: usize) -> Result<Filter, FilterError> {
        self.enter(open)?;
        let f = self.parse_or("\"(\"")?;
        self.expect_close(Closer::Paren(open))?;
        self.depth -= 1;
        Ok(f)
    }

    fn expect_close(&mut self, closer: Closer) -> Result<(), FilterError> {
        self.skip_ws();
        let at = self.pos;
        match (closer, self.peek()) {
            (Closer::End, None) => Ok(()),
            (Closer::Paren(_), Some(b')')) | (Closer::Bracket(_), Some(b']')) => {
                self.pos += 1;
                Ok(())
            }
            (Closer::Paren(open), None | Some(b']')) => {
                Err(err(open, "missing \")\" to close this \"(\""))
            }
            (Closer::Bracket(open), None | Some(b')')) => {
                Err(err(open, "missing \"]\" to close this \"[\""))
            }
            (_, Some(b')')) => Err(err(at, "\")\" has no matching \"(\"")),
            (_, Some(b']')) => Err(err(at, "\"]\" has no matching \"[\"")),
            (closer, _) => {
                let tail = match closer {
                    Closer::End => "or the end of the filter",
                    Closer::Paren(_) => "or \")\"",
                    Closer::Bracket(_) => "or \"]\"",
                };
                Err(err(
                    at,
                    format!(
                        "unexpected {} after a complete expression; expected \"and\", \"or\" {tail}",
                        self.found(at)
                    ),
                ))
            }
        }
    }

    /// An attribute expression whose path is `src[start..end]`.
    fn attr_expr(&mut self, start: usize, end: usize) -> Result<Filter, FilterError> {
        let text = &self.src[start..end];
        let path = parse_attr_path(text).ok_or_else(|| err(start, bad_name_message(text)))?;
        self.term(start)?;
        self.pos = end;
        self.skip_ws();
        if self.peek() != Some(b'[') {
            return self.op_tail(path, text);
        }
        let open = self.pos;
        if self.in_bracket {
            return Err(err(
                open,
                "value filters cannot be nested: inside [...] name sub-attributes only, \
                 e.g. emails[type eq \"work\"]",
            ));
        }
        self.pos += 1;
        self.enter(open)?;
        self.in_bracket = true;
        let inner = self.parse_or("\"[\"")?;
        self.expect_close(Closer::Bracket(open))?;
        self.in_bracket = false;
        self.depth -= 1;
        // Entra's `attr[filter].sub op value`.
        let filter = if self.peek() == Some(b'.') {
            let s = self.pos + 1;
            let e = self.word_end(s);
            let name = &self.src[s..e];
            if !is_simple_name(name) {
                return Err(err(
                    s,
                    format!(
                        "expected a sub-attribute name after \"].\" (e.g. emails[type eq \"work\"].value eq \"x\"), \
                         found {}",
                        self.found(s)
                    ),
                ));
            }
            // The tail is an expression of its own, and an `or` before it
            // is grouped with it as `[(… or …) and tail]`: counted so that
            // the filter as printed is within the limits too (fuzzing
            // found a 64-term filter that printed as 65 terms).
            self.term(s)?;
            if matches!(inner, Filter::Or(..)) && self.depth + 2 > MAX_DEPTH {
                return Err(over_limit(
                    open,
                    "filter nesting depth",
                    MAX_DEPTH,
                    format!(
                        "the filter nests parentheses and brackets more than {MAX_DEPTH} levels \
                         deep (an \"or\" inside [...] followed by \".{name}\" counts as one); \
                         at most {MAX_DEPTH} are accepted"
                    ),
                ));
            }
            self.pos = e;
            let tail = self.op_tail(AttrPath::simple(name), name)?;
            Filter::And(Box::new(inner), Box::new(tail))
        } else {
            inner
        };
        Ok(Filter::ValuePath {
            attr: path,
            filter: Box::new(filter),
        })
    }

    /// The operator (and value) after the path `text`.
    fn op_tail(&mut self, path: AttrPath, text: &str) -> Result<Filter, FilterError> {
        self.skip_ws();
        let at = self.pos;
        let end = self.word_end(at);
        match op_word(&self.src[at..end]) {
            Some(OpWord::Pr) => {
                self.pos = end;
                Ok(Filter::Present(path))
            }
            Some(OpWord::Cmp(op)) => {
                self.pos = end;
                let value = self.literal(op, text)?;
                Ok(Filter::Compare { path, op, value })
            }
            None if text.eq_ignore_ascii_case("not") => Err(err(
                at,
                "\"not\" must be followed by a parenthesised expression, e.g. not (userName eq \"bjensen\")",
            )),
            None if at >= self.src.len() => Err(err(
                at,
                format!(
                    "expected an operator ({OPERATORS}) after \"{}\", but the filter ends there",
                    snippet(text)
                ),
            )),
            None => Err(err(
                at,
                format!(
                    "expected an operator ({OPERATORS}) after \"{}\", found {}",
                    snippet(text),
                    self.found(at)
                ),
            )),
        }
    }

    /// The JSON value after operator `op` (which follows path `text`).
    fn literal(&mut self, op: CompareOp, text: &str) -> Result<Literal, FilterError> {
        self.skip_ws();
        let at = self.pos;
        let op = op.as_str();
        match self.peek() {
            None => Err(err(
                at,
                format!(
                    "expected a value after \"{op}\" (a quoted string such as \"bjensen\", a number, \
                     true, false or null), but the filter ends there"
                ),
            )),
            Some(b'"') => self.string().map(Literal::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Literal::Number),
            Some(_) => {
                let end = self.word_end(at);
                let word = &self.src[at..end];
                let lit = if word.eq_ignore_ascii_case("true") {
                    Literal::Bool(true)
                } else if word.eq_ignore_ascii_case("false") {
                    Literal::Bool(false)
                } else if word.eq_ignore_ascii_case("null") {
                    Literal::Null
                } else if word.is_empty() {
                    return Err(err(
                        at,
                        format!(
                            "expected a value after \"{op}\" (a quoted string such as \"bjensen\", \
                             a number, true, false or null), found {}",
                            self.found(at)
                        ),
                    ));
                } else {
                    let word = snippet(word);
                    return Err(err(
                        at,
                        format!(
                            "expected a value after \"{op}\", found \"{word}\"; text values must be \
                             in double quotes, e.g. {} {op} \"{word}\"",
                            snippet(text)
                        ),
                    ));
                };
                self.pos = end;
                Ok(lit)
            }
        }
    }

    /// A JSON string starting at the current `"`.
    fn string(&mut self) -> Result<String, FilterError> {
        let open = self.pos;
        let b = self.src.as_bytes();
        let mut i = open + 1;
        let mut out = String::new();
        let mut from = i;
        loop {
            match b.get(i) {
                None => {
                    return Err(err(
                        open,
                        "this quoted string is never closed: add the closing double quote (\")",
                    ));
                }
                Some(b'"') => {
                    out.push_str(&self.src[from..i]);
                    self.pos = i + 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.src[from..i]);
                    let esc_at = i;
                    let c = match b.get(i + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let hi = self.hex4(i + 2, esc_at)?;
                            i += 4;
                            if (0xD800..0xDC00).contains(&hi) {
                                let lo = if b.get(i + 2) == Some(&b'\\')
                                    && b.get(i + 3) == Some(&b'u')
                                {
                                    self.hex4(i + 4, i + 2)?
                                } else {
                                    0
                                };
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(err(
                                        esc_at,
                                        "\\u escape: a high surrogate must be followed by a \\u escape \
                                         of a low surrogate",
                                    ));
                                }
                                i += 6;
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                    .unwrap_or('\u{FFFD}')
                            } else if (0xDC00..0xE000).contains(&hi) {
                                return Err(err(
                                    esc_at,
                                    "\\u escape: a low surrogate without a preceding high surrogate",
                                ));
                            } else {
                                char::from_u32(hi).unwrap_or('\u{FFFD}')
                            }
                        }
                        _ => {
                            return Err(err(
                                esc_at,
                                "invalid escape in a quoted string: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX",
                            ));
                        }
                    };
                    out.push(c);
                    i += 2;
                    from = i;
                }
                // Lenient: raw control characters are kept as they are.
                Some(_) => i += 1,
            }
        }
    }

    /// Four hex digits at `at`; `esc_at` is where the escape starts.
    fn hex4(&self, at: usize, esc_at: usize) -> Result<u32, FilterError> {
        let b = self.src.as_bytes();
        let digits = b
            .get(at..at + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            return Err(err(
                esc_at,
                "\\u must be followed by four hex digits, e.g. \\u00e9",
            ));
        };
        Ok(digits.iter().fold(0, |acc, &d| {
            acc * 16 + (d as char).to_digit(16).unwrap_or(0)
        }))
    }

    /// A JSON number at the current position.
    fn number(&mut self) -> Result<serde_json::Number, FilterError> {
        let b = self.src.as_bytes();
        let start = self.pos;
        let mut i = start;
        let digits = |i: &mut usize| {
            let s = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > s
        };
        let bad = |i: usize| {
            err(
                start,
                format!(
                    "\"{}\" is not a valid number; write numbers as in JSON, e.g. 42, -1.5 or 2e3",
                    snippet(&self.src[start..self.word_end(i)])
                ),
            )
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        if b.get(i) == Some(&b'0') {
            i += 1;
        } else if !digits(&mut i) {
            return Err(bad(i));
        }
        let mut integer = true;
        if b.get(i) == Some(&b'.') {
            i += 1;
            integer = false;
            if !digits(&mut i) {
                return Err(bad(i));
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            integer = false;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !digits(&mut i) {
                return Err(bad(i));
            }
        }
        if b.get(i).is_some_and(|&c| !is_delim(c)) {
            return Err(bad(i));
        }
        let text = &self.src[start..i];
        let n = if integer {
            if let Ok(v) = text.parse::<i64>() {
                Some(serde_json::Number::from(v))
            } else if let Ok(v) = text.parse::<u64>() {
                Some(serde_json::Number::from(v))
            } else {
                text.parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
            }
        } else {
            text.parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
        };
        let n =
            n.ok_or_else(|| err(start, format!("the number {} is too large", snippet(text))))?;
        self.pos = i;
        Ok(n)
    }
}

// ---------------------------------------------------------------------------
// Resolution against the schema

/// `schemas` is not in the attribute schema but every resource carries it
/// and RFC 7644 §3.4.2.2 filters on it (`schemas eq "urn:…:enterprise:2.0:User"`).
static SCHEMAS_DEF: AttrDef = AttrDef {
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
fn resolve(schema: &ResourceSchema, path: &AttrPath) -> Option<Resolved> {
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
fn compare_target(r: &Resolved) -> (Option<&'static str>, &'static AttrDef) {
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
fn element_sub(def: &AttrDef, path: &AttrPath) -> Option<&'static AttrDef> {
    if path.urn.is_some() || path.sub.is_some() {
        return None;
    }
    def.sub_attr(&path.attr)
}

// ---------------------------------------------------------------------------
// Evaluation

/// The JSON at the resolved attribute (not yet descending into `sub`).
fn attr_value<'v>(resource: &'v Value, r: &Resolved) -> Option<&'v Value> {
    let container = match r.extension {
        Some(ext) => resource.get(ext.id)?,
        None => resource,
    };
    container.get(r.attr.name)
}

/// Whether `f` holds for any value reached from `v` (each element when it
/// is an array, then its `sub` when given); nulls are not values.
fn any_value(v: Option<&Value>, sub: Option<&str>, f: &mut impl FnMut(&Value) -> bool) -> bool {
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

fn is_present(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => a.iter().any(is_present),
        Value::Object(o) => o.values().any(is_present),
        Value::Bool(_) | Value::Number(_) => true,
    }
}

/// A comparison of a path that reaches no value (see the module docs).
fn compare_absent(op: CompareOp, lit: &Literal) -> bool {
    let null = matches!(lit, Literal::Null);
    match op {
        CompareOp::Eq => null,
        CompareOp::Ne => !null,
        _ => false,
    }
}

fn compare_values(
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
fn compare_one(x: &Value, leaf: &AttrDef, op: CompareOp, lit: &Literal) -> bool {
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
fn literal_bool(lit: &Literal) -> Option<bool> {
    match lit {
        Literal::Bool(b) => Some(*b),
        Literal::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Literal::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// eq/ne/gt/ge/lt/le given how the attribute value compares to the literal.
fn ordering_holds(op: CompareOp, ord: Option<Ordering>) -> bool {
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

fn compare_numbers(a: &serde_json::Number, b: &serde_json::Number) -> Option<Ordering> {
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

fn compare_datetime(a: &str, b: &str, op: CompareOp) -> bool {
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
fn compare_str(a: &str, b: &str, op: CompareOp, exact: bool) -> bool {
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
fn str_eq(a: &str, b: &str, exact: bool) -> bool {
    if exact {
        return a == b;
    }
    same_folded(a, b)
}

// ---------------------------------------------------------------------------
// Validation

fn validate_node(
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

fn sub_names(def: &AttrDef) -> String {
    def.sub
        .iter()
        .map(|s| s.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sub-attribute of `def` (reached by `attr[…]`) that `path` names.
fn vp_sub(
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
fn check_operator(
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
fn check_literal(path: &AttrPath, op: CompareOp, value: &Literal) -> Result<(), FilterError> {
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

// ---------------------------------------------------------------------------
// Planning

/// Lower is more selective: Id > UserName > ExternalId > DisplayName > Email > Member.
fn index_rank(k: &IndexKey) -> u8 {
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
fn conjunct_value_eq(f: &Filter) -> Option<&str> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Policy;
    use crate::engine::scim::schema::{ENTERPRISE_URN, ResourceKind};
    use proptest::prelude::*;
    use serde_json::json;

    fn std_user() -> ResourceSchema {
        ResourceSchema::for_policy(ResourceKind::User, Policy::Standard)
    }
    fn prod_user() -> ResourceSchema {
        ResourceSchema::for_policy(ResourceKind::User, Policy::Product)
    }
    fn groups(policy: Policy) -> ResourceSchema {
        ResourceSchema::for_policy(ResourceKind::Group, policy)
    }

    fn p(s: &str) -> Filter {
        Filter::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn path(s: &str) -> AttrPath {
        AttrPath::parse(s).unwrap()
    }

    fn cmp(pa: &str, op: CompareOp, v: &str) -> Filter {
        Filter::Compare {
            path: path(pa),
            op,
            value: Literal::String(v.into()),
        }
    }

    fn and(a: Filter, b: Filter) -> Filter {
        Filter::And(Box::new(a), Box::new(b))
    }
    fn or(a: Filter, b: Filter) -> Filter {
        Filter::Or(Box::new(a), Box::new(b))
    }

    /// RFC 7643 §8.2-style full user (standard policy).
    fn bjensen() -> Value {
        json!({
            "schemas": [
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
            ],
            "id": "2819c223-7f76-453a-919d-413861904646",
            "externalId": "701984",
            "userName": "bjensen@example.com",
            "name": {
                "formatted": "Ms. Barbara J Jensen III",
                "familyName": "O'Malley",
                "givenName": "Barbara"
            },
            "displayName": "Babs Jensen",
            "title": "Tour Guide",
            "userType": "Employee",
            "active": true,
            "emails": [
                {"value": "bjensen@example.com", "type": "work", "primary": true},
                {"value": "babs@jensen.org", "type": "home"}
            ],
            "ims": [{"value": "someaimhandle", "type": "aim"}],
            "meta": {
                "resourceType": "User",
                "created": "2010-01-23T04:56:22Z",
                "lastModified": "2011-05-13T04:42:34Z",
                "version": "W/\"3694e05e9dff591\""
            },
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "701984",
                "department": "Tour Operations",
                "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith"}
            }
        })
    }

    /// A second user: an intern with no title, an xmpp IM and only a home email.
    fn jsmith() -> Value {
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "id": "c3a26dd3-27a0-4dec-a2ac-ce211e105f97",
            "userName": "Jsmith",
            "name": {"familyName": "Smith", "givenName": "John"},
            "userType": "Intern",
            "active": false,
            "emails": [{"value": "john@example.org", "type": "home"}],
            "ims": [{"value": "jsmith@foo.com", "type": "xmpp"}],
            "meta": {
                "resourceType": "User",
                "created": "2011-05-13T04:42:34Z",
                "lastModified": "2012-01-01T00:00:00+01:00"
            }
        })
    }

    /// Parses, validates, prints and re-parses, then evaluates.
    fn eval(filter: &str, resource: &Value, schema: &ResourceSchema) -> bool {
        let f = p(filter);
        f.validate(schema)
            .unwrap_or_else(|e| panic!("{filter}: {e}"));
        let printed = f.to_string();
        assert_eq!(
            Filter::parse(&printed).unwrap(),
            f,
            "round trip of {filter} via {printed}"
        );
        f.matches(resource, schema)
    }

    #[test]
    fn rfc_7644_examples_parse_and_evaluate() {
        let s = std_user();
        let (b, j) = (bjensen(), jsmith());
        let cases: &[(&str, bool, bool)] = &[
            (r#"userName eq "bjensen@example.com""#, true, false),
            (r#"userName eq "bjensen""#, false, false),
            (r#"name.familyName co "O'Malley""#, true, false),
            (r#"userName sw "J""#, false, true),
            (
                r#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#,
                false,
                true,
            ),
            ("title pr", true, false),
            (
                r#"meta.lastModified gt "2011-05-13T04:42:34Z""#,
                false,
                true,
            ),
            (r#"meta.lastModified ge "2011-05-13T04:42:34Z""#, true, true),
            (
                r#"meta.lastModified lt "2011-05-13T04:42:34Z""#,
                false,
                false,
            ),
            (
                r#"meta.lastModified le "2011-05-13T04:42:34Z""#,
                true,
                false,
            ),
            (r#"title pr and userType eq "Employee""#, true, false),
            (r#"title pr or userType eq "Intern""#, true, true),
            (
                r#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
                true,
                false,
            ),
            (
                r#"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#,
                true,
                false,
            ),
            (
                r#"userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")"#,
                false,
                false,
            ),
            (
                r#"userType ne "Employee" and not (emails co "example.com" or emails.value co "jensen.org")"#,
                false,
                true,
            ),
            (
                r#"userType eq "Employee" and (emails.type eq "work")"#,
                true,
                false,
            ),
            (
                r#"userType eq "Employee" and emails[type eq "work" and value co "@example.com"]"#,
                true,
                false,
            ),
            (
                r#"emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]"#,
                true,
                true,
            ),
            // RFC 7644 §3.4.2.2 operator examples.
            (
                r#"meta.lastModified gt "2011-05-13T06:42:34+02:00""#,
                false,
                true,
            ),
            (
                r#"meta.lastModified eq "2011-05-13T06:42:34+02:00""#,
                true,
                false,
            ),
            (r#"emails[type eq "work"]"#, true, false),
            (
                r#"emails[type eq "work" and value co "@EXAMPLE.com"]"#,
                true,
                false,
            ),
        ];
        for &(f, want_b, want_j) in cases {
            assert_eq!(eval(f, &b, &s), want_b, "{f} on bjensen");
            assert_eq!(eval(f, &j, &s), want_j, "{f} on jsmith");
        }
    }

    #[test]
    fn rfc_examples_have_the_expected_shape() {
        assert_eq!(
            p(r#"title pr and userType eq "Employee""#),
            and(
                Filter::Present(path("title")),
                cmp("userType", CompareOp::Eq, "Employee")
            )
        );
        // not > and > or.
        assert_eq!(
            p(r#"a eq "1" or b eq "2" and not (c pr)"#),
            or(
                cmp("a", CompareOp::Eq, "1"),
                and(
                    cmp("b", CompareOp::Eq, "2"),
                    Filter::Not(Box::new(Filter::Present(path("c"))))
                )
            )
        );
        assert_eq!(
            p(r#"emails[type eq "work" and value co "@example.com"]"#),
            Filter::ValuePath {
                attr: path("emails"),
                filter: Box::new(and(
                    cmp("type", CompareOp::Eq, "work"),
                    cmp("value", CompareOp::Co, "@example.com")
                )),
            }
        );
        let f =
            p("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"x\"");
        let Filter::Compare { path, .. } = f else {
            panic!()
        };
        assert_eq!(path.urn.as_deref(), Some(ENTERPRISE_URN));
        assert_eq!(
            (path.attr.as_str(), path.sub.as_deref()),
            ("manager", Some("value"))
        );
    }

    #[test]
    fn case_insensitive_names_operators_keywords_and_lenient_spacing() {
        let want = p(r#"userName eq "john" and title pr"#);
        for s in [
            r#"userName Eq "john" AND title PR"#,
            r#"  USERNAME   eQ   "john"   And   title   pr  "#,
            "userName\teq \"john\"\nand title pr",
        ] {
            let f = p(s);
            assert!(
                f.matches(&json!({"userName": "John", "title": "x"}), &std_user()),
                "{s}"
            );
            // Names keep their case; the structure is the same.
            assert_eq!(
                f.to_string().to_lowercase(),
                want.to_string().to_lowercase()
            );
        }
        assert_eq!(p("((userName pr))"), p("userName pr"));
        assert_eq!(p("not(userName pr)"), p("not (userName pr)"));
        assert_eq!(
            p(r#"emails [type eq "work"]"#),
            p(r#"emails[type eq "work"]"#)
        );
        assert!(
            p(r#"EMAILS[TYPE eq "WORK"].VALUE eq "BJENSEN@example.com""#)
                .matches(&bjensen(), &std_user())
        );
    }

    #[test]
    fn json_literals() {
        let lit = |s: &str| match p(&format!("x eq {s}")) {
            Filter::Compare { value, .. } => value,
            _ => unreachable!(),
        };
        assert_eq!(lit("true"), Literal::Bool(true));
        assert_eq!(lit("False"), Literal::Bool(false));
        assert_eq!(lit("null"), Literal::Null);
        assert_eq!(lit("42"), Literal::Number(42.into()));
        assert_eq!(lit("-7"), Literal::Number((-7).into()));
        assert_eq!(
            lit("18446744073709551615"),
            Literal::Number(u64::MAX.into())
        );
        assert_eq!(
            lit("1.5e3"),
            Literal::Number(serde_json::Number::from_f64(1500.0).unwrap())
        );
        assert_eq!(
            lit(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#),
            Literal::String("a\"b\\c/d\né😀".into())
        );
        assert_eq!(lit(r#""]) and ( [""#), Literal::String("]) and ( [".into()));
        assert_eq!(lit(r#""日本語""#), Literal::String("日本語".into()));
        assert_eq!(lit(r#""""#), Literal::String(String::new()));
    }

    #[test]
    fn printing_is_canonical_and_round_trips() {
        for (input, printed) in [
            (r#"userName Eq "x""#, r#"userName eq "x""#),
            ("(a pr or b pr) and c pr", "(a pr or b pr) and c pr"),
            ("a pr and (b pr and c pr)", "a pr and (b pr and c pr)"),
            ("a pr and b pr and c pr", "a pr and b pr and c pr"),
            ("a pr or (b pr or c pr)", "a pr or (b pr or c pr)"),
            ("a pr or b pr and c pr", "a pr or b pr and c pr"),
            (r#"not (a eq "\u0001\t")"#, r#"not (a eq "\u0001\t")"#),
            (
                r#"emails[type eq "work"].value eq "x""#,
                r#"emails[type eq "work" and value eq "x"]"#,
            ),
            ("x gt 1.50", "x gt 1.5"),
            ("not eq 1 and not (not pr)", "not eq 1 and not (not pr)"),
        ] {
            let f = p(input);
            assert_eq!(f.to_string(), printed, "{input}");
            assert_eq!(p(printed), f);
        }
    }

    #[test]
    fn entra_value_path_extension() {
        assert_eq!(
            p(r#"emails[type eq "work"].value eq "x""#),
            Filter::ValuePath {
                attr: path("emails"),
                filter: Box::new(and(
                    cmp("type", CompareOp::Eq, "work"),
                    cmp("value", CompareOp::Eq, "x")
                )),
            }
        );
        assert_eq!(
            p(r#"emails[type eq "work"].value pr"#),
            Filter::ValuePath {
                attr: path("emails"),
                filter: Box::new(and(
                    cmp("type", CompareOp::Eq, "work"),
                    Filter::Present(path("value"))
                )),
            }
        );
    }

    #[test]
    fn entra_shapes_under_both_policies() {
        let guid = "cf4d5e7e-4b8a-4b57-9d7c-8c6f1a3b2e10";
        let std_jane = json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "id": "u-1", "externalId": "jane", "userName": "jane@x.com",
            "name": {"givenName": "Jane", "familyName": "Doe"}, "active": true,
            "emails": [{"value": "Jane@X.com", "type": "work", "primary": true}],
            ENTERPRISE_URN: {"manager": {"value": "m-1"}}
        });
        let prod_jane = json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "id": "u-1", "externalId": "jane", "userName": "jane@x.com",
            "name": {"givenName": "Jane", "familyName": "Doe"}, "active": true,
            "emails": [{"value": "jane@x.com", "type": "work", "primary": true}]
        });
        let guid_filter = format!(r#"userName eq "{guid}""#);
        for (schema, jane, standard) in [
            (std_user(), &std_jane, true),
            (prod_user(), &prod_jane, false),
        ] {
            // Test Connection: a GUID, never email-validated, no match.
            assert!(!eval(&guid_filter, jane, &schema));
            assert_eq!(
                p(&guid_filter).plan(&schema),
                Some(IndexKey::UserName(guid.into()))
            );
            // Form-decoded case difference.
            assert!(eval(r#"userName eq "Jane@X.com""#, jane, &schema));
            assert_eq!(
                p(r#"userName eq "Jane@X.com""#).plan(&schema),
                Some(IndexKey::UserName("jane@x.com".into()))
            );
            // externalId is case-exact.
            assert!(eval(r#"externalId eq "jane""#, jane, &schema));
            assert!(!eval(r#"externalId eq "JANE""#, jane, &schema));
            assert_eq!(
                p(r#"externalId eq "JANE""#).plan(&schema),
                Some(IndexKey::ExternalId("JANE".into()))
            );
            // id is case-exact.
            assert!(eval(r#"id eq "u-1""#, jane, &schema));
            assert!(!eval(r#"id eq "U-1""#, jane, &schema));
            // Work email: both policies define emails (product derives it
            // from userName, and plans the lookup on userName's index).
            let f = r#"emails[type eq "work"].value eq "jane@x.com""#;
            assert!(eval(f, jane, &schema));
            assert_eq!(
                p(f).plan(&schema),
                Some(IndexKey::Email("jane@x.com".into()))
            );
            // Entra's manager check: unqualified enterprise attribute.
            let f = r#"id eq "u-1" and manager eq "m-1""#;
            assert_eq!(eval(f, jane, &schema), standard);
            assert_eq!(p(f).plan(&schema), Some(IndexKey::Id("u-1".into())));
        }

        let group = json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "id": "g-1", "externalId": "obj-1", "displayName": "Sales Team",
            "members": [{"value": "2819c223", "display": "Babs"}, {"value": "u-2"}]
        });
        for policy in [Policy::Product, Policy::Standard] {
            let g = groups(policy);
            assert!(eval(r#"displayName eq "sales team""#, &group, &g));
            assert!(!eval(r#"displayName eq "Sales""#, &group, &g));
            assert_eq!(
                p(r#"displayName eq "Sales Team""#).plan(&g),
                Some(IndexKey::DisplayName("sales team".into()))
            );
            assert!(eval(r#"externalId eq "obj-1""#, &group, &g));
            assert!(eval(r#"members[value eq "2819c223"]"#, &group, &g));
            assert!(
                !eval(r#"members[value eq "2819C223"]"#, &group, &g),
                "members.value is caseExact"
            );
            assert!(eval(r#"members.value eq "u-2""#, &group, &g));
            assert_eq!(
                p(r#"members[value eq "2819c223"]"#).plan(&g),
                Some(IndexKey::Member("2819c223".into()))
            );
            assert_eq!(
                p(r#"members.value eq "X""#).plan(&g),
                Some(IndexKey::Member("X".into()))
            );
            // userName/emails are not group attributes.
            assert_eq!(p(r#"userName eq "x""#).plan(&g), None);
            assert!(!eval(r#"userName eq "x""#, &group, &g));
        }
    }

    #[test]
    fn planner() {
        let s = std_user();
        let plan = |f: &str| p(f).plan(&s);
        assert_eq!(plan(r#"id eq "A""#), Some(IndexKey::Id("A".into())));
        assert_eq!(
            plan(r#"USERNAME eq "A""#),
            Some(IndexKey::UserName("a".into()))
        );
        assert_eq!(
            plan(r#"urn:ietf:params:scim:schemas:core:2.0:User:userName eq "A""#),
            Some(IndexKey::UserName("a".into()))
        );
        assert_eq!(
            plan(r#"emails[value eq "A@x"]"#),
            Some(IndexKey::Email("a@x".into()))
        );
        assert_eq!(
            plan(r#"emails.value eq "A@x""#),
            Some(IndexKey::Email("a@x".into()))
        );
        assert_eq!(
            plan(r#"emails eq "A@x""#),
            Some(IndexKey::Email("a@x".into()))
        );
        assert_eq!(
            plan(r#"emails[type eq "work" and value eq "A@x"]"#),
            Some(IndexKey::Email("a@x".into()))
        );
        assert_eq!(plan(r#"emails.type eq "work""#), None);
        assert_eq!(plan(r#"emails[type eq "work" or value eq "a"]"#), None);
        assert_eq!(
            plan(r#"displayName eq "x""#),
            None,
            "users' displayName is not indexed"
        );
        assert_eq!(
            plan(r#"emails.value eq "e" and externalId eq "x" and userName eq "u""#),
            Some(IndexKey::UserName("u".into()))
        );
        assert_eq!(
            plan(r#"title pr and (emails.value eq "e" and externalId eq "x")"#),
            Some(IndexKey::ExternalId("x".into()))
        );
        assert_eq!(plan(r#"id eq "a" or id eq "b""#), None);
        assert_eq!(plan(r#"not (id eq "a")"#), None);
        assert_eq!(plan(r#"id ne "a""#), None);
        assert_eq!(plan(r#"id sw "a""#), None);
        assert_eq!(plan("id eq 5"), None);
        assert_eq!(plan(r#"title eq "x""#), None);
        assert_eq!(
            plan(
                r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "x""#
            ),
            None
        );
        let g = groups(Policy::Standard);
        assert_eq!(
            p(r#"members[value eq "m"] and displayName eq "D""#).plan(&g),
            Some(IndexKey::DisplayName("d".into()))
        );
    }

    #[test]
    fn case_exactness_and_types() {
        let s = std_user();
        let (b, j) = (bjensen(), jsmith());
        assert!(eval(r#"userName eq "BJENSEN@EXAMPLE.COM""#, &b, &s));
        assert!(eval(r#"displayName eq "babs JENSEN""#, &b, &s));
        assert!(eval(r#"emails.value eq "BABS@jensen.org""#, &b, &s));
        assert!(eval(
            r#"id eq "2819c223-7f76-453a-919d-413861904646""#,
            &b,
            &s
        ));
        assert!(!eval(
            r#"id eq "2819C223-7F76-453A-919D-413861904646""#,
            &b,
            &s
        ));
        assert!(!eval(r#"externalId eq "701984 ""#, &b, &s));
        // Unicode case folding.
        let u = json!({"userName": "ÉLODIE@x.com", "displayName": "Straße"});
        assert!(eval(r#"userName eq "élodie@X.COM""#, &u, &s));
        assert!(eval(r#"userName sw "éLO""#, &u, &s));
        assert!(eval(r#"userName co "lodie@""#, &u, &s));
        assert!(eval(r#"userName ew "@X.com""#, &u, &s));
        assert!(eval(r#"displayName gt "STRASSE""#, &u, &s));
        // Booleans: eq/ne only; string booleans accepted on the literal side.
        assert!(eval("active eq true", &b, &s));
        assert!(eval("active ne true", &j, &s));
        assert!(eval(r#"active eq "False""#, &j, &s));
        assert!(!eval("active eq 1", &b, &s));
        // A string attribute never equals a non-string literal.
        assert!(!eval("externalId eq 701984", &b, &s));
        assert!(!eval("userName eq true", &b, &s));
        // Numbers compare numerically (no numeric core attribute: use elements).
        static NUM_SUB: [AttrDef; 1] = [AttrDef {
            name: "v",
            ty: AttrType::Decimal,
            ..SCHEMAS_DEF
        }];
        let def = AttrDef {
            name: "n",
            ty: AttrType::Complex,
            sub: &NUM_SUB,
            ..SCHEMAS_DEF
        };
        let el = json!({"v": 10});
        assert!(p("v gt 9.5").matches_element(&el, &def));
        assert!(p("v eq 10.0").matches_element(&el, &def));
        assert!(p("v le 10").matches_element(&el, &def));
        assert!(!p("v lt -1").matches_element(&el, &def));
        assert!(!p(r#"v eq "10""#).matches_element(&el, &def));
        assert!(p("v gt -1").matches_element(&json!({"v": u64::MAX}), &def));
        // pr: non-null, non-empty.
        let e = json!({"title": "", "nickName": null, "emails": [], "name": {"givenName": null}, "userType": "x"});
        for f in [
            "title pr",
            "nickName pr",
            "emails pr",
            "name pr",
            "name.givenName pr",
            "phoneNumbers pr",
        ] {
            assert!(!eval(f, &e, &s), "{f}");
        }
        assert!(eval("userType pr", &e, &s));
        assert!(eval("name pr", &b, &s));
        assert!(eval("emails pr", &b, &s));
        assert!(eval(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr",
            &b,
            &s
        ));
        assert!(eval(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value pr",
            &b,
            &s
        ));
        assert!(eval(
            r#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "26118915-6090-4610-87e4-49d8ca9f808d""#,
            &b,
            &s
        ));
        assert!(eval(r#"department eq "tour operations""#, &b, &s));
        assert!(!eval(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr",
            &j,
            &s
        ));
        // Datetimes compare chronologically; invalid text falls back to text.
        assert!(eval(
            r#"meta.created lt "2010-01-23T05:56:22+00:30""#,
            &b,
            &s
        ));
        assert!(eval(r#"meta.created sw "2010-01""#, &b, &s));
    }

    #[test]
    fn absent_and_undefined_attributes() {
        let s = std_user();
        let j = jsmith();
        // Defined but absent (jsmith has no title).
        assert!(!eval(r#"title eq "x""#, &j, &s));
        assert!(eval(r#"title ne "x""#, &j, &s), "ne on absent is true");
        assert!(eval("title eq null", &j, &s));
        assert!(!eval("title ne null", &j, &s));
        assert!(!eval(r#"title co "x""#, &j, &s));
        assert!(!eval(r#"title gt "a""#, &j, &s));
        assert!(!eval("title pr", &j, &s));
        assert!(eval("userType ne null", &j, &s));
        assert!(!eval("userType eq null", &j, &s));
        // Undefined in the schema: same as absent, and no validation error.
        assert!(!eval(r#"bogus eq "x""#, &j, &s));
        assert!(eval(r#"bogus ne "x""#, &j, &s));
        assert!(!eval("bogus pr", &j, &s));
        assert!(!eval(r#"bogus[type eq "x"]"#, &j, &s));
        assert!(!eval(r#"name.bogus eq "x""#, &j, &s));
        assert!(!eval(r#"urn:example:ext:1.0:User:thing eq "x""#, &j, &s));
        // Under product, standard attributes present in the JSON are still
        // undefined (emails is defined: the product derives it from userName).
        assert!(eval(r#"emails co "example""#, &bjensen(), &prod_user()));
        assert!(!eval("title pr", &bjensen(), &prod_user()));
        assert!(!eval(r#"nickName pr"#, &bjensen(), &prod_user()));
        // Multi-valued: ANY value.
        assert!(eval(r#"emails.type ne "work""#, &bjensen(), &s));
        assert!(eval(r#"emails.type eq "home""#, &bjensen(), &s));
        assert!(!eval(r#"emails.display pr"#, &bjensen(), &s));
    }

    #[test]
    fn value_filters_and_matches_element() {
        let s = std_user();
        let emails = s.resolve(&path("emails")).unwrap().attr;
        let el = json!({"value": "A@Example.com", "type": "work", "primary": true});
        assert!(p(r#"type eq "work" and value ew "example.COM""#).matches_element(&el, emails));
        assert!(p("primary eq true").matches_element(&el, emails));
        assert!(!p(r#"type eq "home""#).matches_element(&el, emails));
        assert!(p(r#"not (type eq "home")"#).matches_element(&el, emails));
        assert!(p(r#"display ne "x""#).matches_element(&el, emails));
        assert!(!p(r#"bogus eq "x""#).matches_element(&el, emails));
        let members = groups(Policy::Product)
            .resolve(&path("members"))
            .unwrap()
            .attr;
        assert!(p(r#"value eq "abc""#).matches_element(&json!({"value": "abc"}), members));
        assert!(!p(r#"value eq "ABC""#).matches_element(&json!({"value": "abc"}), members));
        // The not applies per element: a user whose only email is work does not match.
        let only_work = json!({"emails": [{"value": "a@x", "type": "work"}]});
        assert!(!eval(r#"emails[not (type eq "work")]"#, &only_work, &s));
        assert!(eval(r#"not (emails[type eq "home"])"#, &only_work, &s));
    }

    #[test]
    fn path_expressions() {
        let pe = |s: &str| PathExpr::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(
            pe("name.givenName"),
            PathExpr {
                attr: path("name.givenName"),
                filter: None,
                sub: None
            }
        );
        let x = pe("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
        assert_eq!(x.attr.urn.as_deref(), Some(ENTERPRISE_URN));
        assert_eq!(x.attr.attr, "department");
        let x = pe(r#"members[value eq "2819c223"]"#);
        assert_eq!(x.attr, path("members"));
        assert_eq!(x.filter, Some(cmp("value", CompareOp::Eq, "2819c223")));
        assert_eq!(x.sub, None);
        let x = pe(r#"emails[type eq "work"].value"#);
        assert_eq!(
            (x.attr.attr.as_str(), x.sub.as_deref()),
            ("emails", Some("value"))
        );
        assert_eq!(x.filter, Some(cmp("type", CompareOp::Eq, "work")));
        let x = pe(r#"addresses[type eq "work"].formatted"#);
        assert_eq!(x.sub.as_deref(), Some("formatted"));
        let x = pe(r#"emails[value eq "a]b" and type eq "work"]"#);
        assert_eq!(
            x.filter,
            Some(and(
                cmp("value", CompareOp::Eq, "a]b"),
                cmp("type", CompareOp::Eq, "work")
            ))
        );
        let x = pe(r#"  phoneNumbers[type eq "mobile"].value  "#);
        assert_eq!(x.sub.as_deref(), Some("value"));
        let x = pe(r#"urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work"]"#);
        assert_eq!(x.attr.attr, "emails");

        let bad = |s: &str| PathExpr::parse(s).unwrap_err();
        assert_eq!(bad("").position, 0);
        assert_eq!(bad("a.b.c").position, 0);
        assert_eq!(bad(r#"emails[type eq "work""#).position, 6);
        assert_eq!(bad(r#"emails[type eq "work"]x"#).position, 22);
        assert_eq!(bad(r#"emails[type eq "work"].va lue"#).position, 23);
        assert_eq!(bad(r#"emails[type eq "work"]."#).position, 23);
        assert_eq!(bad(r#"name.givenName[type eq "x"]"#).position, 0);
        assert_eq!(bad(r#"[type eq "x"]"#).position, 0);
        assert_eq!(bad(r#"emails[type[value eq "x"]]"#).position, 11);
    }

    #[test]
    fn errors_carry_positions_and_plain_messages() {
        let e = |s: &str| Filter::parse(s).unwrap_err();
        let x = e(r#"userName equals "x""#);
        assert_eq!(x.position, 9);
        assert!(
            x.message.contains(
                r#"expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) after "userName""#
            ),
            "{}",
            x.message
        );
        let x = e("userName");
        assert_eq!(x.position, 8);
        assert!(x.message.contains("ends there"));
        let x = e("userName eq");
        assert_eq!(x.position, 11);
        assert!(x.message.contains("expected a value after \"eq\""));
        let x = e("userName eq bjensen");
        assert_eq!(x.position, 12);
        assert!(
            x.message.contains(r#"userName eq "bjensen""#),
            "{}",
            x.message
        );
        let x = e(r#"userName eq "abc"#);
        assert_eq!(x.position, 12);
        assert!(x.message.contains("never closed"));
        let x = e(r#"(userName eq "x""#);
        assert_eq!(x.position, 0);
        assert!(x.message.contains("missing \")\""));
        assert_eq!(e(r#"userName eq "x")"#).position, 15);
        assert_eq!(e(r#"emails[type eq "work""#).position, 6);
        assert_eq!(e(r#"emails[type eq "work"]]"#).position, 22);
        assert_eq!(e(r#"(emails[type eq "work")]"#).position, 7);
        let x = e(r#"userName eq "x" foo"#);
        assert_eq!(x.position, 16);
        assert!(x.message.contains("unexpected \"foo\""));
        assert_eq!(e(r#"userName eq "x" and"#).position, 19);
        // "or" may be an attribute name, so the second one wants an operator.
        assert_eq!(e(r#"userName eq "x" or or"#).position, 21);
        assert_eq!(e("").position, 0);
        assert!(e("").message.contains("empty"));
        assert_eq!(e("   ").position, 3);
        assert_eq!(e("()").position, 1);
        assert_eq!(e("1abc eq 1").position, 0);
        assert_eq!(e("a.b.c eq 1").position, 0);
        assert_eq!(e("x eq 01").position, 5);
        assert_eq!(e("x eq 1.").position, 5);
        assert_eq!(e("x eq 1e999").position, 5);
        assert_eq!(e("x eq -").position, 5);
        assert_eq!(e(r#"x eq "\x""#).position, 6);
        assert_eq!(e(r#"x eq "\u12""#).position, 6);
        assert_eq!(e(r#"x eq "\ud800""#).position, 6);
        assert_eq!(e(r#"x eq "\udc00""#).position, 6);
        assert_eq!(e("not userName pr").position, 4);
        assert_eq!(e(r#"emails[type[value eq "x"]]"#).position, 11);
        assert_eq!(e(r#"emails[type eq "work"].1 eq "x""#).position, 23);
        assert_eq!(e("ünïcödé eq 1").position, 0);
        assert_eq!(e(r#"userName eq "x" ünï"#).position, 16);
        let d = MAX_DEPTH;
        let deep = format!("{}a pr{}", "(".repeat(d + 1), ")".repeat(d + 1));
        assert_eq!(e(&deep).position, d);
        assert_eq!(e(&deep).limit, Some(("filter nesting depth", d)));
        assert!(e(&deep).message.contains("at most 16"), "{}", e(&deep));
        let ok = format!("{}a pr{}", "(".repeat(d), ")".repeat(d));
        assert_eq!(p(&ok), p("a pr"));
        let many = vec!["a pr"; MAX_TERMS + 1].join(" and ");
        assert!(e(&many).message.contains("more than 64"));
        assert_eq!(e(&many).limit, Some(("filter terms", MAX_TERMS)));
        let long = format!("userName eq \"{}\"", "x".repeat(limits::MAX_FILTER_BYTES));
        assert_eq!(
            e(&long).limit,
            Some(("filter length", limits::MAX_FILTER_BYTES))
        );
        assert_eq!(e("a pr and").limit, None);
        // The longest chains allowed print, evaluate and drop without
        // exhausting a test thread's stack.
        for kw in [" or ", " and "] {
            let chain = Filter::parse(&vec![r#"userName eq "x""#; MAX_TERMS].join(kw)).unwrap();
            assert_eq!(p(&chain.to_string()), chain);
            assert!(chain.validate(&std_user()).is_ok());
            assert!(!chain.matches(&bjensen(), &std_user()));
            assert_eq!(chain.plan(&std_user()).is_some(), kw == " and ");
            let nested = Filter::ValuePath {
                attr: path("emails"),
                filter: Box::new(
                    Filter::parse(&vec![r#"value eq "x""#; MAX_TERMS - 1].join(kw)).unwrap(),
                ),
            };
            assert!(!nested.matches(&bjensen(), &std_user()));
        }
        // Display includes the position.
        assert_eq!(
            e("userName eq").to_string(),
            format!("{} (at position 11)", e("userName eq").message)
        );
    }

    #[test]
    fn validation_against_the_schema() {
        let s = std_user();
        let v = |f: &str| p(f).validate(&s);
        let x = v("active gt true").unwrap_err();
        assert!(x.message.contains("boolean"), "{}", x.message);
        assert!(v(r#"active co "t""#).is_err());
        assert!(v("active eq true").is_ok());
        assert!(v(r#"x509Certificates.value gt "a""#).is_err());
        assert!(v(r#"x509Certificates.value sw "a""#).is_err());
        assert!(v(r#"x509Certificates.value eq "a""#).is_ok());
        assert!(v(r#"userName gt "a""#).is_ok());
        assert!(v(r#"meta.created gt "2011-01-01T00:00:00Z""#).is_ok());
        assert!(
            v(r#"userName[value eq "x"]"#).is_err(),
            "value path on a simple attribute"
        );
        assert!(v(r#"name.givenName[value eq "x"]"#).is_err());
        assert!(
            v(r#"emails[bogus eq "x"]"#)
                .unwrap_err()
                .message
                .contains("no sub-attribute \"bogus\"")
        );
        assert!(v(r#"emails[bogus pr]"#).is_err());
        assert!(v(r#"emails[type.x eq "x"]"#).is_err());
        assert!(v(r#"emails[primary gt true]"#).is_err());
        assert!(v(r#"emails[TYPE eq "work"].VALUE eq "x""#).is_ok());
        assert!(
            v(r#"name[givenName eq "x"]"#).is_ok(),
            "single-valued complex"
        );
        assert!(v(r#"name eq "x""#).unwrap_err().message.contains("complex"));
        assert!(v(r#"emails co "x""#).is_ok(), "compares emails.value");
        assert!(v("name pr").is_ok());
        assert!(
            v(r#"bogus gt "x" and bogus[x eq "y"]"#).is_ok(),
            "undefined attributes are fine"
        );
        assert!(
            v("bogus gt true").is_err(),
            "booleans cannot be ordered anywhere"
        );
        assert!(v("userName co 5").is_err());
        assert!(v("userName gt null").is_err());
        assert!(v(r#"schemas eq "urn:x""#).is_ok());
        assert!(
            p(r#"emails[type eq "work"]"#)
                .validate(&prod_user())
                .is_ok()
        );
        assert!(
            p(r#"emails[bogus eq "work"]"#)
                .validate(&prod_user())
                .is_err(),
            "emails is defined under product (from userName), bogus is not"
        );
        assert!(
            p(r#"title eq "x""#).validate(&prod_user()).is_ok(),
            "undefined: no match"
        );
        assert!(
            p(r#"members[value eq "x"]"#)
                .validate(&groups(Policy::Product))
                .is_ok()
        );
        assert!(
            p(r#"members[display co "x"]"#)
                .validate(&groups(Policy::Product))
                .is_ok()
        );
        assert!(
            p(r#"members[id eq "x"]"#)
                .validate(&groups(Policy::Product))
                .is_err()
        );
    }

    // -- property tests ----------------------------------------------------

    const TOKENS: &[&str] = &[
        "userName",
        "emails",
        "name.givenName",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName",
        "eq",
        "EQ",
        "ne",
        "co",
        "sw",
        "ew",
        "gt",
        "ge",
        "lt",
        "le",
        "pr",
        "and",
        "OR",
        "not",
        "(",
        ")",
        "[",
        "]",
        "].",
        ".",
        "\"",
        "\"x\"",
        "\"\\u00e9\"",
        "\"\\ud83d\"",
        "\\",
        "1",
        "-2.5e3",
        "true",
        "null",
        "é",
        "💥",
        ":",
        "$ref",
        "type",
        "value",
        "\t",
        "",
    ];

    fn token_soup() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            (
                proptest::sample::select(TOKENS),
                proptest::sample::select(&[" ", "", "  "][..]),
            ),
            0..24,
        )
        .prop_map(|v| v.into_iter().map(|(t, s)| format!("{t}{s}")).collect())
    }

    fn name() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => "[a-zA-Z][a-zA-Z0-9_-]{0,7}",
            1 => Just("$ref".to_owned()),
            1 => proptest::sample::select(&["not", "and", "or", "pr", "eq", "true", "null", "urn"][..]).prop_map(str::to_owned),
        ]
    }

    fn attr_path(allow_urn: bool) -> impl Strategy<Value = AttrPath> {
        let urn = if allow_urn {
            proptest::option::weighted(
                0.2,
                proptest::sample::select(
                    &[
                        "urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        "urn:x-y:z",
                    ][..],
                ),
            )
            .boxed()
        } else {
            Just(None).boxed()
        };
        (urn, name(), proptest::option::weighted(0.3, name())).prop_map(|(urn, attr, sub)| {
            AttrPath {
                urn: urn.map(str::to_owned),
                attr,
                sub,
            }
        })
    }

    fn literal() -> impl Strategy<Value = Literal> {
        prop_oneof![
            any::<String>().prop_map(Literal::String),
            "[ -~]{0,6}".prop_map(Literal::String),
            any::<i64>().prop_map(|n| Literal::Number(n.into())),
            any::<u64>().prop_map(|n| Literal::Number(n.into())),
            any::<f64>()
                .prop_filter_map("finite", serde_json::Number::from_f64)
                .prop_map(Literal::Number),
            any::<bool>().prop_map(Literal::Bool),
            Just(Literal::Null),
        ]
    }

    fn op() -> impl Strategy<Value = CompareOp> {
        proptest::sample::select(
            &[
                CompareOp::Eq,
                CompareOp::Ne,
                CompareOp::Co,
                CompareOp::Sw,
                CompareOp::Ew,
                CompareOp::Gt,
                CompareOp::Ge,
                CompareOp::Lt,
                CompareOp::Le,
            ][..],
        )
    }

    /// Filters without value paths (what may appear inside `[...]`).
    fn simple_filter(depth: u32) -> impl Strategy<Value = Filter> {
        let leaf = prop_oneof![
            (attr_path(true), op(), literal()).prop_map(|(path, op, value)| Filter::Compare {
                path,
                op,
                value
            }),
            attr_path(true).prop_map(Filter::Present),
        ];
        leaf.prop_recursive(depth, 24, 2, |inner| {
            prop_oneof![
                (inner.clone(), inner.clone()).prop_map(|(a, b)| and(a, b)),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| or(a, b)),
                inner.prop_map(|x| Filter::Not(Box::new(x))),
            ]
        })
    }

    fn any_filter() -> impl Strategy<Value = Filter> {
        let leaf = prop_oneof![
            3 => simple_filter(0),
            1 => (attr_path(true), simple_filter(2)).prop_map(|(attr, f)| Filter::ValuePath { attr, filter: Box::new(f) }),
        ];
        leaf.prop_recursive(4, 32, 2, |inner| {
            prop_oneof![
                (inner.clone(), inner.clone()).prop_map(|(a, b)| and(a, b)),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| or(a, b)),
                inner.prop_map(|x| Filter::Not(Box::new(x))),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn parser_never_panics_on_arbitrary_input(s in any::<String>()) {
            if let Err(e) = Filter::parse(&s) {
                prop_assert!(e.position <= s.len());
            }
            let _ = PathExpr::parse(&s);
        }

        #[test]
        fn parser_never_panics_on_token_soup(s in token_soup()) {
            let schema = std_user();
            match Filter::parse(&s) {
                Ok(f) => {
                    let _ = f.validate(&schema);
                    let _ = f.matches(&bjensen(), &schema);
                    let _ = f.plan(&schema);
                    prop_assert_eq!(Filter::parse(&f.to_string()), Ok(f));
                }
                Err(e) => prop_assert!(e.position <= s.len()),
            }
            let _ = PathExpr::parse(&s);
        }

        #[test]
        fn print_then_parse_round_trips(f in any_filter()) {
            let printed = f.to_string();
            prop_assert_eq!(Filter::parse(&printed), Ok(f.clone()), "printed as {}", printed);
            // Evaluation never panics either.
            let schema = std_user();
            let _ = f.validate(&schema);
            let _ = f.matches(&bjensen(), &schema);
            let _ = f.plan(&schema);
        }
    }

    #[test]
    fn substring_operators_fold_unicode_case_on_both_sides() {
        let s = std_user();
        let u = json!({"userName": "ÉLODIE.Straße@Exemple.fr", "title": "ΟΔΟΣ"});
        for (f, want) in [
            (r#"userName co "élodie""#, true),
            (r#"userName sw "éLO""#, true),
            (r#"userName ew "EXEMPLE.FR""#, true),
            (r#"userName co "STRAßE""#, true),
            (r#"userName co "strasse""#, false),
            (r#"userName eq "élodie.straße@exemple.fr""#, true),
            (r#"userName gt "élodie""#, true),
            (r#"title eq "οδος""#, true),
            (r#"title co """#, true),
            (r#"userName sw "lodie""#, false),
            (r#"userName ew "fr.""#, false),
        ] {
            assert_eq!(eval(f, &u, &s), want, "{f}");
        }
        // caseExact attributes compare as written.
        let r = json!({"id": "AbC"});
        assert!(eval(r#"id co "bC""#, &r, &s));
        assert!(!eval(r#"id co "bc""#, &r, &s));
    }

    #[test]
    fn substring_operators_are_linear_in_their_input() {
        // 1 MiB of near-matches against a 4 KiB literal that differs only
        // at its end: a windowed compare does ~4 * 10^9 byte comparisons
        // (minutes unoptimised); folding once and a two-way search does a
        // few million. (No timing assertion: a regression hangs the test.)
        let hay = "a".repeat(1 << 20);
        let needle = format!("{}b", "A".repeat(4_000));
        for op in [CompareOp::Co, CompareOp::Sw, CompareOp::Ew] {
            assert!(!compare_str(&hay, &needle, op, false), "{op:?}");
            assert!(!compare_str(&hay, &needle, op, true), "{op:?}");
        }
        assert!(compare_str(&hay, &needle[..4_000], CompareOp::Co, false));
    }

    /// What a filter prints as parses back to the same filter, or the
    /// input was refused: the limits hold for the printed form too.
    #[track_caller]
    fn round_trips_or_is_refused(input: &str) {
        match Filter::parse(input) {
            Ok(f) => assert_eq!(Filter::parse(&f.to_string()).as_ref(), Ok(&f), "{input}"),
            Err(e) => assert!(e.limit.is_some(), "{input}: {e}"),
        }
    }

    #[test]
    fn fuzz_regression_a_value_path_tail_counts_as_a_term() {
        // fuzz/regressions/filter_parse: 63 terms plus
        // `emails[type eq "work"].value pr`, which printed as 65 terms.
        round_trips_or_is_refused(include_str!(
            "../../../fuzz/regressions/filter_parse/crash-c8c8e3a85eba9345e8e7922816403d6557e5745f"
        ));
        let mut terms = vec!["a pr"; MAX_TERMS - 2];
        terms.push(r#"emails[type eq "work"].value pr"#);
        let e = Filter::parse(&terms.join(" or ")).unwrap_err();
        assert_eq!(e.limit, Some(("filter terms", MAX_TERMS)));
        terms.remove(0);
        round_trips_or_is_refused(&terms.join(" or "));
        assert!(Filter::parse(&terms.join(" or ")).is_ok());
    }

    #[test]
    fn fuzz_regression_an_or_before_a_value_path_tail_counts_its_parentheses() {
        // `[a or b].c` prints as `[(a or b) and c]`: one level deeper.
        let at = |d: usize, f: &str| format!("{}{f}{}", "(".repeat(d), ")".repeat(d));
        let vp = r#"emails[type eq "work" or type eq "home"].value pr"#;
        let e = Filter::parse(&at(MAX_DEPTH - 1, vp)).unwrap_err();
        assert_eq!(e.limit, Some(("filter nesting depth", MAX_DEPTH)));
        round_trips_or_is_refused(&at(MAX_DEPTH - 2, vp));
        assert!(Filter::parse(&at(MAX_DEPTH - 2, vp)).is_ok());
        // Without the `or`, no parentheses are printed.
        round_trips_or_is_refused(&at(MAX_DEPTH - 1, r#"emails[type eq "work"].value pr"#));
        assert!(Filter::parse(&at(MAX_DEPTH - 1, r#"emails[type eq "work"].value pr"#)).is_ok());
    }
}
