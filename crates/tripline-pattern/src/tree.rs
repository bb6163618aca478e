//! Pattern trees: the tree-sitter tree of a rewritten pattern, turned into
//! an owned tree whose placeholders are holes again.

use std::sync::Arc;

use crate::syntax::Node;
use regex::Regex;

use crate::python::{self, StringPart, KINDS};
use crate::template::PLACEHOLDER;
use crate::PatternError;

/// One node of a pattern.
#[derive(Debug, Clone)]
pub enum PNode {
    /// `$X`: any one node; the same name must bind equal code.
    Metavar(Arc<str>),
    /// `$_`: any one node, binds nothing.
    Anonymous,
    /// `$...X`: any run of list elements, bound as a sequence.
    SeqMetavar(Arc<str>),
    /// `(str $X)`: like `$X`, but only code known to be of that type.
    TypedMetavar { name: Arc<str>, type_name: String },
    /// `...`: any run of elements, or any one expression.
    Ellipsis,
    /// `<... P ...>`: P matches the node or anything inside it.
    Deep(Box<PNode>),
    /// A string literal pattern.
    Str(StrPattern),
    /// Ordinary code, compared node by node.
    Code(Box<CodeNode>),
}

/// A code node of a pattern, with the children that carry meaning
/// (see [`python::significant_children`]).
#[derive(Debug, Clone)]
pub struct CodeNode {
    pub kind: u16,
    pub kind_name: &'static str,
    /// The token text, for leaves (identifiers, numbers, operators).
    pub text: Option<String>,
    pub children: Vec<PChild>,
    /// For a name or attribute chain without holes (`subprocess.call`): its
    /// dotted text, compared with what code names resolve to through imports.
    pub dotted: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PChild {
    pub field: Option<&'static str>,
    pub node: PNode,
}

/// What a string literal in a pattern stands for.
#[derive(Debug, Clone)]
pub enum StrPattern {
    /// `"..."`: any string without interpolations.
    Any,
    /// `"=~/re/"`: a string without interpolations whose value matches.
    Regex(Regex),
    /// `"$X"`: any string, bound to `$X`.
    Metavar(Arc<str>),
    /// A string with exactly this value, however it is quoted; a bytes
    /// pattern only matches bytes literals and a str pattern only strs.
    Value { value: String, bytes: bool },
    /// An f-string: its pieces, where `...` text stands for any run of pieces.
    Formatted(Vec<FormatPart>),
}

#[derive(Debug, Clone)]
pub enum FormatPart {
    AnyText,
    Text(String),
    Interpolation(PNode),
}

/// Calls `visitor` on `node` and every node inside it (including the
/// interpolations of f-string patterns), parents first.
pub fn visit(node: &PNode, visitor: &mut dyn FnMut(&PNode)) {
    visitor(node);
    match node {
        PNode::Deep(inner) => visit(inner, visitor),
        PNode::Code(code) => code.children.iter().for_each(|c| visit(&c.node, visitor)),
        PNode::Str(StrPattern::Formatted(parts)) => {
            for part in parts {
                if let FormatPart::Interpolation(inner) = part {
                    visit(inner, visitor);
                }
            }
        }
        _ => {}
    }
}

/// Converts a parsed pattern node.
pub fn convert(node: Node<'_>, source: &[u8]) -> Result<PNode, PatternError> {
    let kinds = &*KINDS;
    let kind = node.kind_id();
    if kind == kinds.parenthesized_expression {
        let inner = python::unwrap_parens(node);
        if inner != node {
            return convert(inner, source);
        }
    }
    if kind == kinds.identifier {
        if let Some(hole) = hole(&python::text(node, source)) {
            return Ok(hole);
        }
    }
    if kind == kinds.ellipsis {
        return Ok(PNode::Ellipsis);
    }
    // `...` or `$...X` standing alone as a statement is the hole itself.
    if kind == kinds.expression_statement && node.named_child_count() == 1 {
        let only = node.named_child(0).expect("counted one child");
        let converted = convert(only, source)?;
        if matches!(converted, PNode::Ellipsis | PNode::SeqMetavar(_)) {
            return Ok(converted);
        }
    }
    // `µd(P)` is `<... P ...>`.
    if kind == kinds.call {
        if let (Some(function), Some(arguments)) = (
            node.child_by_field_name("function"),
            node.child_by_field_name("arguments"),
        ) {
            if python::text(function, source) == format!("{PLACEHOLDER}d") {
                let inner: Vec<Node<'_>> = arguments
                    .named_children()
                    .filter(|c| !c.is_extra())
                    .collect();
                let [only] = inner.as_slice() else {
                    return Err(PatternError::new(
                        "`<... ...>` must hold exactly one expression",
                        node.start_byte(),
                    ));
                };
                return Ok(PNode::Deep(Box::new(convert(*only, source)?)));
            }
        }
    }
    if kinds.is_string(kind) {
        return convert_string(node, source);
    }
    // `**µe` among dictionary entries is `...`.
    if node.kind() == "dictionary_splat" && node.named_child_count() == 1 {
        if let PNode::Ellipsis = convert(node.named_child(0).expect("counted"), source)? {
            return Ok(PNode::Ellipsis);
        }
    }
    let children = python::significant_children(node);
    let mut converted = Vec::with_capacity(children.len());
    for child in children {
        converted.push(PChild {
            field: child.field_name(),
            node: convert(child, source)?,
        });
    }
    let text = (node.child_count() == 0).then(|| python::text(node, source).into_owned());
    let dotted = dotted_name(kind, text.as_deref(), &converted);
    Ok(PNode::Code(Box::new(CodeNode {
        kind,
        kind_name: node.kind(),
        text,
        children: converted,
        dotted,
    })))
}

/// `subprocess.call` for an attribute chain of plain names, `eval` for a name.
fn dotted_name(kind: u16, text: Option<&str>, children: &[PChild]) -> Option<String> {
    if kind == KINDS.identifier {
        return text.map(str::to_owned);
    }
    if kind != KINDS.attribute {
        return None;
    }
    let part = |field: &str| {
        children
            .iter()
            .find(|c| c.field == Some(field))
            .and_then(|c| match &c.node {
                PNode::Code(code) => code.dotted.clone(),
                _ => None,
            })
    };
    Some(format!("{}.{}", part("object")?, part("attribute")?))
}

/// The hole an identifier placeholder stands for, if it is one.
fn hole(identifier: &str) -> Option<PNode> {
    let rest = identifier.strip_prefix(PLACEHOLDER)?;
    Some(match rest {
        "_" => PNode::Anonymous,
        "e" => PNode::Ellipsis,
        _ if rest.starts_with('s') && rest.len() > 1 => PNode::SeqMetavar(Arc::from(&rest[1..])),
        _ if rest.starts_with('t') && rest.contains(PLACEHOLDER) => {
            let (name, type_name) = rest[1..].split_once(PLACEHOLDER)?;
            PNode::TypedMetavar {
                name: Arc::from(name),
                type_name: type_name.replace(PLACEHOLDER, "."),
            }
        }
        _ if rest.starts_with(|c: char| c.is_ascii_uppercase() || c == '_') => {
            PNode::Metavar(Arc::from(rest))
        }
        _ => return None,
    })
}

fn convert_string(node: Node<'_>, source: &[u8]) -> Result<PNode, PatternError> {
    let literal = python::string_literal(node, source).expect("called on string kinds");
    if literal.formatted {
        let mut parts = Vec::new();
        for part in literal.parts {
            parts.push(match part {
                StringPart::Text(text) if text == "..." => FormatPart::AnyText,
                StringPart::Text(text) => FormatPart::Text(restore_dollars(&text)),
                StringPart::Interpolation(expression) => {
                    FormatPart::Interpolation(convert(expression, source)?)
                }
            });
        }
        return Ok(PNode::Str(StrPattern::Formatted(parts)));
    }
    let value = literal.constant_value().unwrap_or_default();
    if value == "..." {
        return Ok(PNode::Str(StrPattern::Any));
    }
    if let Some(regex) = value.strip_prefix("=~/") {
        return string_regex(regex, node, source).map(|r| PNode::Str(StrPattern::Regex(r)));
    }
    if let Some(PNode::Metavar(name)) = hole(&value) {
        return Ok(PNode::Str(StrPattern::Metavar(name)));
    }
    Ok(PNode::Str(StrPattern::Value {
        value: restore_dollars(&value),
        bytes: literal.bytes,
    }))
}

/// Inside a string that is not just `"$X"`, a rewritten `$X` was literal text.
fn restore_dollars(text: &str) -> String {
    text.replace(PLACEHOLDER, "$")
}

/// Compiles the regex of a `"=~/re/flags"` string (flags: `i`, `m`, `s`, `x`).
fn string_regex(body: &str, node: Node<'_>, source: &[u8]) -> Result<Regex, PatternError> {
    let Some(end) = body.rfind('/') else {
        return Err(PatternError::new(
            "a `\"=~/regex/\"` string must end with `/`",
            node.start_byte(),
        ));
    };
    let (regex, flags) = (&body[..end], &body[end + 1..]);
    if let Some(bad) = flags.chars().find(|c| !"imsx".contains(*c)) {
        return Err(PatternError::new(
            format!("unknown regex flag `{bad}` (allowed: i, m, s, x)"),
            node.start_byte(),
        ));
    }
    let inline = if flags.is_empty() {
        String::new()
    } else {
        format!("(?{flags})")
    };
    crate::compile_regex(&format!("{inline}{regex}")).map_err(|err| {
        // Point into the regex text, which starts just after `=~/`. The
        // regex is the string's value: where the literal spells it with
        // escapes (`\"`, `\\`) before the problem, offsets in the two
        // differ, so point at the start of the regex instead.
        let literal = python::text(node, source);
        let regex_start = literal.find("=~/").map_or(0, |i| i + 3);
        let in_regex = err.offset.saturating_sub(inline.len());
        let written = literal.get(regex_start..regex_start + in_regex);
        let in_regex = if written == regex.get(..in_regex) {
            in_regex
        } else {
            0
        };
        PatternError::new(err.message, node.start_byte() + regex_start + in_regex)
    })
}
