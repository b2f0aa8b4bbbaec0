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

use super::schema::{
    AttrDef, AttrPath, AttrType, Mutability, ResourceKind, ResourceSchema, Resolved, Returned,
    Uniqueness,
};
use super::value::as_bool;

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
    ValuePath { attr: AttrPath, filter: Box<Filter> },
}

/// Bad filter input: where (byte offset into the input) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError {
    pub position: usize,
    pub message: String,
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
                    ("userName", None) if user => Some(IndexKey::UserName(v.to_lowercase())),
                    ("externalId", None) => Some(IndexKey::ExternalId(v.clone())),
                    ("displayName", None) if group => {
                        Some(IndexKey::DisplayName(v.to_lowercase()))
                    }
                    ("emails", None | Some("value")) if user => {
                        Some(IndexKey::Email(v.to_lowercase()))
                    }
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
                        Some(IndexKey::Email(v.to_lowercase()))
                    }
                    "members" if schema.kind == ResourceKind::Group => {
                        Some(IndexKey::Member(v.to_owned()))
                    }
                    _ => None,
                }
            }
            Filter::And(a, b) => match (a.plan(schema), b.plan(schema)) {
                (Some(x), Some(y)) => Some(if index_rank(&y) < index_rank(&x) { y } else { x }),
                (x, y) => x.or(y),
            },
            _ => None,
        }
    }
}

impl PathExpr {
    pub fn parse(input: &str) -> Result<PathExpr, FilterError> {
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
            return AttrPath::parse(text)
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
        let attr = AttrPath::parse(head).ok_or_else(|| err(start, bad_name_message(head)))?;
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

/// Parentheses, `not (…)` and `[…]` together may nest this deep.
const MAX_DEPTH: usize = 64;
/// Attribute expressions per filter; bounds the depth of `and`/`or` chains
/// (and so the recursion in printing, evaluating and dropping the AST).
const MAX_TERMS: usize = 1000;

const OPERATORS: &str = "eq, ne, co, sw, ew, gt, ge, lt, le, pr";

fn err(position: usize, message: impl Into<String>) -> FilterError {
    FilterError {
        position,
        message: message.into(),
    }
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

/// A sub-attribute name: no URN, no dot.
fn is_simple_name(s: &str) -> bool {
    AttrPath::parse(s).is_some_and(|p| p.urn.is_none() && p.sub.is_none())
}

enum OpWord {
    Cmp(CompareOp),
    Pr,
}

fn op_word(w: &str) -> Option<OpWord> {
    let &[a, b] = w.as_bytes() else {
        return None;
    };
    Some(
        match [a.to_ascii_lowercase(), b.to_ascii_lowercase()] {
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
        },
    )
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
            return Err(err(
                at,
                format!(
                    "the filter nests parentheses and brackets more than {MAX_DEPTH} levels deep"
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
            (Closer::Bracket(open), None) => Err(err(open, "missing \"]\" to close this \"[\"")),
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
        let path = AttrPath::parse(text).ok_or_else(|| err(start, bad_name_message(text)))?;
        self.terms += 1;
        if self.terms > MAX_TERMS {
            return Err(err(
                start,
                format!("the filter has more than {MAX_TERMS} expressions"),
            ));
        }
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
                                let lo = if b.get(i + 2) == Some(&b'\\') && b.get(i + 3) == Some(&b'u')
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
        let digits = b.get(at..at + 4).filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            return Err(err(esc_at, "\\u must be followed by four hex digits, e.g. \\u00e9"));
        };
        Ok(digits
            .iter()
            .fold(0, |acc, &d| acc * 16 + (d as char).to_digit(16).unwrap_or(0)))
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
                text.parse::<f64>().ok().and_then(serde_json::Number::from_f64)
            }
        } else {
            text.parse::<f64>().ok().and_then(serde_json::Number::from_f64)
        };
        let n = n.ok_or_else(|| err(start, format!("the number {} is too large", snippet(text))))?;
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

fn compare_str(a: &str, b: &str, op: CompareOp, exact: bool) -> bool {
    match op {
        CompareOp::Eq => str_eq(a, b, exact),
        CompareOp::Ne => !str_eq(a, b, exact),
        CompareOp::Co => {
            if exact {
                a.contains(b)
            } else if a.is_ascii() && b.is_ascii() {
                b.is_empty()
                    || a.as_bytes()
                        .windows(b.len())
                        .any(|w| w.eq_ignore_ascii_case(b.as_bytes()))
            } else {
                a.to_lowercase().contains(&b.to_lowercase())
            }
        }
        CompareOp::Sw => {
            if exact {
                a.starts_with(b)
            } else if a.is_ascii() && b.is_ascii() {
                a.len() >= b.len() && a.as_bytes()[..b.len()].eq_ignore_ascii_case(b.as_bytes())
            } else {
                a.to_lowercase().starts_with(&b.to_lowercase())
            }
        }
        CompareOp::Ew => {
            if exact {
                a.ends_with(b)
            } else if a.is_ascii() && b.is_ascii() {
                a.len() >= b.len()
                    && a.as_bytes()[a.len() - b.len()..].eq_ignore_ascii_case(b.as_bytes())
            } else {
                a.to_lowercase().ends_with(&b.to_lowercase())
            }
        }
        CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le => {
            let ord = if exact {
                a.cmp(b)
            } else if a.is_ascii() && b.is_ascii() {
                a.bytes()
                    .map(|c| c.to_ascii_lowercase())
                    .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
            } else {
                lower_chars(a).cmp(lower_chars(b))
            };
            ordering_holds(op, Some(ord))
        }
    }
}

fn lower_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(char::to_lowercase)
}

/// Equality, case-insensitive (Unicode lower case) unless `exact`;
/// allocation-free.
fn str_eq(a: &str, b: &str, exact: bool) -> bool {
    if exact {
        return a == b;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    lower_chars(a).eq(lower_chars(b))
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
            let leaf = match value_path {
                Some((attr, Some(def))) => Some((vp_sub(attr, def, path)?, path.to_string())),
                Some((_, None)) => None,
                None => resolve(schema, path).map(|r| (compare_target(&r).1, path.to_string())),
            };
            if let Some((leaf, name)) = leaf {
                check_operator(leaf, &name, *op)?;
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
    def.sub.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
}

/// The sub-attribute of `def` (reached by `attr[…]`) that `path` names.
fn vp_sub(attr: &AttrPath, def: &AttrDef, path: &AttrPath) -> Result<&'static AttrDef, FilterError> {
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
fn check_operator(leaf: &AttrDef, name: &str, op: CompareOp) -> Result<(), FilterError> {
    let o = op.as_str();
    let problem = match leaf.ty {
        AttrType::Boolean if op.is_ordering() || op.is_substring() => Some(format!(
            "\"{name}\" is a boolean attribute: compare it with eq or ne (e.g. {name} eq true), not \"{o}\""
        )),
        AttrType::Binary if op.is_ordering() || op.is_substring() => Some(format!(
            "\"{name}\" is a binary attribute: only eq and ne apply to it, not \"{o}\""
        )),
        AttrType::Integer | AttrType::Decimal if op.is_substring() => Some(format!(
            "\"{name}\" is a number: \"{o}\" applies only to text; use eq, ne, gt, ge, lt or le"
        )),
        AttrType::Complex => Some(format!(
            "\"{name}\" is a complex attribute: compare one of its sub-attributes ({}), e.g. {name}.{} {o} …",
            sub_names(leaf),
            leaf.sub.first().map_or("value", |s| s.name)
        )),
        _ => None,
    };
    problem.map_or(Ok(()), |m| Err(err(0, m)))
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
        } if path.urn.is_none() && path.sub.is_none() && path.attr.eq_ignore_ascii_case("value") => {
            Some(v)
        }
        Filter::And(a, b) => conjunct_value_eq(a).or_else(|| conjunct_value_eq(b)),
        _ => None,
    }
}
