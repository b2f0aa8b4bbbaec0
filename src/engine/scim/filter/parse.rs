//! Parsing filters and PATCH paths: a recursive descent over the input
//! bytes, bounded in depth and terms before it recurses.

use super::*;

/// Parentheses, `not (…)` and `[…]` together may nest this deep: the
/// parser's recursion is bounded by it.
pub(super) const MAX_DEPTH: usize = limits::MAX_FILTER_DEPTH;
/// Attribute expressions per filter; bounds the depth of `and`/`or` chains
/// (and so the recursion in printing, evaluating and dropping the AST),
/// and the cost of evaluating the filter against one resource.
pub(super) const MAX_TERMS: usize = limits::MAX_FILTER_TERMS;

pub(super) const OPERATORS: &str = "eq, ne, co, sw, ew, gt, ge, lt, le, pr";

pub(super) fn err(position: usize, message: impl Into<String>) -> FilterError {
    FilterError {
        position,
        message: message.into(),
        limit: None,
    }
}

pub(super) fn over_limit(
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
pub(super) fn check_length(input: &str) -> Result<(), FilterError> {
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
pub(super) fn is_delim(b: u8) -> bool {
    b.is_ascii_whitespace() || matches!(b, b'(' | b')' | b'[' | b']' | b'"')
}

/// A prefix of `s` short enough to quote in an error message.
pub(super) fn snippet(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

pub(super) fn bad_name_message(text: &str) -> String {
    format!(
        "\"{}\" is not a valid attribute name: a name starts with a letter and holds only letters, \
         digits, \"-\" and \"_\"; it may be prefixed by a schema URN and followed by \
         \".subAttribute\" (e.g. name.givenName)",
        snippet(text)
    )
}

pub(super) fn bad_path_message(text: &str) -> String {
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
pub(super) fn parse_attr_path(s: &str) -> Option<AttrPath> {
    if !s.is_char_boundary(4.min(s.len())) {
        return None;
    }
    AttrPath::parse(s)
}

/// A sub-attribute name: no URN, no dot.
pub(super) fn is_simple_name(s: &str) -> bool {
    parse_attr_path(s).is_some_and(|p| p.urn.is_none() && p.sub.is_none())
}

pub(super) enum OpWord {
    Cmp(CompareOp),
    Pr,
}

pub(super) fn op_word(w: &str) -> Option<OpWord> {
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
pub(super) enum Closer {
    End,
    /// `)` closing the `(` at this offset.
    Paren(usize),
    /// `]` closing the `[` at this offset.
    Bracket(usize),
}

pub(super) struct Parser<'a> {
    pub(super) src: &'a str,
    pub(super) pos: usize,
    pub(super) depth: usize,
    pub(super) terms: usize,
    pub(super) in_bracket: bool,
}

impl<'a> Parser<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Parser {
            src,
            pos: 0,
            depth: 0,
            terms: 0,
            in_bracket: false,
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    pub(super) fn skip_ws(&mut self) {
        let b = self.src.as_bytes();
        while self.pos < b.len() && b[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    pub(super) fn word_end(&self, from: usize) -> usize {
        let b = self.src.as_bytes();
        let mut i = from;
        while i < b.len() && !is_delim(b[i]) {
            i += 1;
        }
        i
    }

    /// Describes the token at `at` for an error message.
    pub(super) fn found(&self, at: usize) -> String {
        match self.src.as_bytes().get(at) {
            None => "the end of the filter".to_owned(),
            Some(b'"') => "a quoted string".to_owned(),
            Some(&c) if is_delim(c) => format!("\"{}\"", c as char),
            Some(_) => format!("\"{}\"", snippet(&self.src[at..self.word_end(at)])),
        }
    }

    pub(super) fn enter(&mut self, at: usize) -> Result<(), FilterError> {
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
    pub(super) fn term(&mut self, at: usize) -> Result<(), FilterError> {
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

    pub(super) fn eat_keyword(&mut self, kw: &str) -> bool {
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
    pub(super) fn parse_or(&mut self, after: &str) -> Result<Filter, FilterError> {
        let mut left = self.parse_and(after)?;
        while self.eat_keyword("or") {
            let right = self.parse_and("\"or\"")?;
            left = Filter::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    pub(super) fn parse_and(&mut self, after: &str) -> Result<Filter, FilterError> {
        let mut left = self.parse_unary(after)?;
        while self.eat_keyword("and") {
            let right = self.parse_unary("\"and\"")?;
            left = Filter::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    pub(super) fn parse_unary(&mut self, after: &str) -> Result<Filter, FilterError> {
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
    pub(super) fn group(&mut self, open: usize) -> Result<Filter, FilterError> {
        self.enter(open)?;
        let f = self.parse_or("\"(\"")?;
        self.expect_close(Closer::Paren(open))?;
        self.depth -= 1;
        Ok(f)
    }

    pub(super) fn expect_close(&mut self, closer: Closer) -> Result<(), FilterError> {
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
    pub(super) fn attr_expr(&mut self, start: usize, end: usize) -> Result<Filter, FilterError> {
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
    pub(super) fn op_tail(&mut self, path: AttrPath, text: &str) -> Result<Filter, FilterError> {
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
    pub(super) fn literal(&mut self, op: CompareOp, text: &str) -> Result<Literal, FilterError> {
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
    pub(super) fn string(&mut self) -> Result<String, FilterError> {
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
    pub(super) fn hex4(&self, at: usize, esc_at: usize) -> Result<u32, FilterError> {
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
    pub(super) fn number(&mut self) -> Result<serde_json::Number, FilterError> {
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

impl Filter {
    pub fn parse(input: &str) -> Result<Filter, FilterError> {
        check_length(input)?;
        let mut p = Parser::new(input);
        let f = p.parse_or("")?;
        p.expect_close(Closer::End)?;
        Ok(f)
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
