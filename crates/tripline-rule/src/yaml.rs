//! A YAML document as a tree of values that each know where they were
//! written, read with serde-saphyr's `Spanned`. Rules are converted from this
//! tree by hand (see `load.rs`) so that every problem, not just the first,
//! is reported at its line and column.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// One YAML value and the byte range it was written at.
#[derive(Debug, Clone)]
pub struct Yaml {
    pub value: Value,
    /// Byte offset of the value's first character in the file (for a block
    /// scalar, its first content character).
    pub offset: usize,
    /// Length in bytes of the scalar as written (0 for collections).
    pub len: usize,
}

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Yaml>),
    Map(Vec<(Yaml, Yaml)>),
}

impl Value {
    /// How the type is named in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// A YAML syntax error: message and byte offset.
#[derive(Debug)]
pub struct SyntaxError {
    pub message: String,
    pub offset: usize,
}

/// Parses one YAML document. Booleans are YAML 1.2's (`true`/`false`), so
/// an id like `y` or `no` stays a string, as it does for Semgrep.
pub fn parse(text: &str) -> Result<Yaml, SyntaxError> {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(spanned) => Ok(into_yaml(spanned, text)),
        Err(err) => {
            let offset = err.location().map_or(0, |l| {
                offset_of(text, l.line() as usize, l.column() as usize)
            });
            let message = plain_message(&err.to_string());
            Err(SyntaxError {
                message: limit_message(&message).unwrap_or(message),
                offset,
            })
        }
    }
}

/// The message without serde-saphyr's `line N column M:` prefix, since the
/// caller renders the place with miette.
fn plain_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or(rendered);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let first = match first.find(": ") {
        Some(i) if first.starts_with("line ") => &first[i + 2..],
        _ => first,
    };
    match first.rfind(" at line ") {
        Some(i) if first[i..].contains(", column ") => first[..i].to_string(),
        _ => first.to_string(),
    }
}

/// serde-saphyr's limits, which keep a hostile file from exhausting the
/// stack or memory, report themselves as `budget breached: Depth { .. }`;
/// this says what they mean for a rule file.
fn limit_message(message: &str) -> Option<String> {
    let breach = message.strip_prefix("budget breached: ")?;
    Some(if breach.starts_with("Depth") {
        "the YAML nests more than 64 levels deep, the limit for a rule file".to_owned()
    } else if breach.starts_with("Nodes") || breach.starts_with("Events") {
        "the YAML has too many values for one rule file (over 250,000): split it into several files"
            .to_owned()
    } else {
        format!("the YAML exceeds a limit for a rule file ({breach})")
    })
}

/// Byte offset of a 1-based line and column (columns count characters).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[line_start.min(text.len())..];
    line_start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn into_yaml(spanned: Spanned<Raw>, text: &str) -> Yaml {
    let location = spanned.referenced;
    let span = location.span();
    let offset = span.byte_offset().map_or_else(
        || offset_of(text, location.line() as usize, location.column() as usize),
        |o| o as usize,
    );
    let len = span.byte_len().unwrap_or(0) as usize;
    let value = match spanned.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f),
        Raw::Str(s) => Value::Str(s),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(|i| into_yaml(i, text)).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (into_yaml(k, text), into_yaml(v, text)))
                .collect(),
        ),
    };
    Yaml { value, offset, len }
}

/// What serde hands us, before spans are turned into offsets.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Raw, E> {
        Ok(Raw::Int(i))
    }
    fn visit_u64<E>(self, u: u64) -> Result<Raw, E> {
        Ok(i64::try_from(u).map_or(Raw::Float(u as f64), Raw::Int))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Raw, E> {
        Ok(Raw::Float(f))
    }
    fn visit_str<E>(self, s: &str) -> Result<Raw, E> {
        Ok(Raw::Str(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Raw, E> {
        Ok(Raw::Str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Raw::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

/// Maps an offset inside a string scalar's value to the byte in the YAML
/// file where that character was written, whatever the scalar's style:
/// plain, quoted (escapes counted) or block (`|`, `>`: indentation skipped).
pub fn value_offset_in_file(text: &str, scalar: &Yaml, value_offset: usize) -> usize {
    let start = scalar.offset.min(text.len());
    match text[start..].chars().next() {
        Some(quote @ ('"' | '\'')) => quoted_offset(text, start, quote, value_offset),
        _ => lines_offset(text, start, value_offset),
    }
}

/// Walks a quoted scalar, counting the value bytes each escape produces.
fn quoted_offset(text: &str, start: usize, quote: char, value_offset: usize) -> usize {
    let mut produced = 0;
    let mut chars = text[start + 1..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if produced >= value_offset {
            return start + 1 + i;
        }
        match (quote, c) {
            ('"', '\\') => {
                // One escape yields one character (of unknown width; count one byte).
                chars.next();
                produced += 1;
            }
            ('\'', '\'') if chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
                produced += 1;
            }
            (q, c) if c == q => return start + 1 + i,
            _ => produced += c.len_utf8(),
        }
    }
    text.len()
}

/// Plain and block scalars: the value is the scalar's lines with their
/// indentation removed, joined by one character (a newline or a space).
fn lines_offset(text: &str, start: usize, value_offset: usize) -> usize {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = start - line_start;
    let mut remaining = value_offset;
    let mut position = start;
    loop {
        let line_end = text[position..]
            .find('\n')
            .map_or(text.len(), |i| position + i);
        let line = &text[position..line_end];
        if remaining <= line.len() || line_end == text.len() {
            return position + remaining.min(line.len());
        }
        remaining -= line.len() + 1;
        // Next line: skip its indentation (at most the block's indent).
        let next = line_end + 1;
        let skip = text[next..]
            .bytes()
            .take(indent)
            .take_while(|b| *b == b' ')
            .count();
        position = next + skip;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_value<'a>(doc: &'a Yaml, key: &str) -> &'a Yaml {
        let Value::Map(entries) = &doc.value else {
            panic!()
        };
        &entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .unwrap()
            .1
    }

    #[test]
    fn block_scalar_offsets_skip_indentation() {
        let text = "pattern: |\n  foo(\n    $X)\n";
        let doc = parse(text).unwrap();
        let pattern = rule_value(&doc, "pattern");
        let Value::Str(value) = &pattern.value else {
            panic!()
        };
        let x = value.find("$X").unwrap();
        let at = value_offset_in_file(text, pattern, x);
        assert_eq!(&text[at..at + 2], "$X");
    }

    #[test]
    fn quoted_scalar_offsets_count_escapes() {
        let text = "pattern: \"a\\\"b $X\"\n";
        let doc = parse(text).unwrap();
        let pattern = rule_value(&doc, "pattern");
        let Value::Str(value) = &pattern.value else {
            panic!()
        };
        let at = value_offset_in_file(text, pattern, value.find('$').unwrap());
        assert_eq!(&text[at..at + 2], "$X");
    }

    #[test]
    fn plain_scalar_offsets() {
        let text = "pattern: foo($X)\n";
        let doc = parse(text).unwrap();
        let pattern = rule_value(&doc, "pattern");
        let at = value_offset_in_file(text, pattern, 4);
        assert_eq!(&text[at..at + 2], "$X");
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let err = parse("rules:\n  - id: [\n").unwrap_err();
        assert_eq!(err.offset, "rules:\n  - id: ".len());
        assert!(err.message.contains("unclosed"), "{}", err.message);
    }
}
