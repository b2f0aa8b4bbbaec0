//! How every face shows values to a person: times, yes/no, and text from
//! outside made safe for a terminal. Faces and the probe share these so a
//! time reads the same in a table, a dashboard modal and a check's detail.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Formats a time for tables: UTC, to the second.
pub fn when(t: time::OffsetDateTime) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]Z");
    t.format(&f).unwrap_or_else(|_| t.to_string())
}

pub fn yes_no(b: bool) -> String {
    if b { "yes".into() } else { "no".into() }
}

/// True for a character that must not reach a terminal as is: C0 and C1
/// controls and DEL (escape sequences, carriage returns that overwrite a
/// line), the line and paragraph separators, and the bidirectional
/// overrides, embeddings, isolates and marks that reorder what is shown.
fn unprintable(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Text from outside (log fields: paths, user agents, userNames) fit for a
/// terminal: every unprintable character shown as a visible escape like
/// `\u{1b}`; borrowed when there is none (the common case). Every face
/// that prints such text in a table or plain lines uses it; JSON output is
/// escaped by serde instead.
pub fn printable(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(unprintable) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unprintable(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        assert!(matches!(printable("GET /Users é"), Cow::Borrowed(_)));
        assert_eq!(
            printable("a\x1b[31mred\r\n\t\x7f\u{85}\u{9b}"),
            "a\\u{1b}[31mred\\u{d}\\u{a}\\u{9}\\u{7f}\\u{85}\\u{9b}"
        );
        assert_eq!(
            printable("x\u{202e}gpj.exe\u{2066}\u{2028}\u{200f}"),
            "x\\u{202e}gpj.exe\\u{2066}\\u{2028}\\u{200f}"
        );
        assert_eq!(printable("ß\u{200b}"), "ß\u{200b}");
    }
}
