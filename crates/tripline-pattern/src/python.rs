//! What the matcher knows about tree-sitter-python's trees: the grammar,
//! the node kinds it treats specially, which children carry meaning, and the
//! value of a string literal.

use std::rc::Rc;
use std::sync::LazyLock;

use tree_sitter::Language;

use smallvec::SmallVec;

use crate::syntax::Node;

/// The tree-sitter-python grammar, shared by patterns and scanned code so
/// both produce the same node kinds.
pub fn language() -> Language {
    tree_sitter_python::LANGUAGE.into()
}

/// Node kind ids the matcher dispatches on, looked up once.
pub struct Kinds {
    pub module: u16,
    pub block: u16,
    pub expression_statement: u16,
    pub parenthesized_expression: u16,
    pub argument_list: u16,
    pub generator_expression: u16,
    pub keyword_argument: u16,
    pub string: u16,
    pub concatenated_string: u16,
    pub string_start: u16,
    pub string_content: u16,
    pub string_end: u16,
    pub interpolation: u16,
    pub escape_sequence: u16,
    pub function_definition: u16,
    pub class_definition: u16,
    pub lambda: u16,
    pub decorated_definition: u16,
    pub decorator: u16,
    pub dotted_name: u16,
    pub identifier: u16,
    pub call: u16,
    pub ellipsis: u16,
    pub binary_operator: u16,
    pub attribute: u16,
    /// The `,` token.
    pub comma: u16,
    /// Kinds whose children form a list where `...` may stand for any run.
    sequences: KindSet,
    /// Statement kinds, for multi-statement patterns that look into nested blocks.
    statements: KindSet,
    /// Kinds whose parts a pattern may leave out (see `Matcher::optional_parts`).
    optional_parts: KindSet,
    /// The pieces of a string literal, which are not expressions.
    string_pieces: KindSet,
    /// Kinds a constant can have (see [`is_constant`]).
    constants: KindSet,
}

pub static KINDS: LazyLock<Kinds> = LazyLock::new(|| {
    let language = language();
    let id = named_kind;
    let ids = KindSet::named;
    Kinds {
        module: id("module"),
        block: id("block"),
        expression_statement: id("expression_statement"),
        parenthesized_expression: id("parenthesized_expression"),
        argument_list: id("argument_list"),
        generator_expression: id("generator_expression"),
        keyword_argument: id("keyword_argument"),
        string: id("string"),
        concatenated_string: id("concatenated_string"),
        string_start: id("string_start"),
        string_content: id("string_content"),
        string_end: id("string_end"),
        interpolation: id("interpolation"),
        escape_sequence: id("escape_sequence"),
        function_definition: id("function_definition"),
        class_definition: id("class_definition"),
        lambda: id("lambda"),
        decorated_definition: id("decorated_definition"),
        decorator: id("decorator"),
        dotted_name: id("dotted_name"),
        identifier: id("identifier"),
        call: id("call"),
        ellipsis: id("ellipsis"),
        binary_operator: id("binary_operator"),
        attribute: id("attribute"),
        comma: language.id_for_node_kind(",", false),
        sequences: ids(&[
            "module",
            "block",
            "argument_list",
            "parameters",
            "lambda_parameters",
            "list",
            "tuple",
            "set",
            "dictionary",
            "expression_list",
            "pattern_list",
            "tuple_pattern",
            "list_pattern",
        ]),
        string_pieces: ids(&[
            "string_start",
            "string_content",
            "string_end",
            "escape_sequence",
            "interpolation",
            "format_specifier",
            "type_conversion",
        ]),
        constants: ids(&[
            "string",
            "concatenated_string",
            "integer",
            "float",
            "true",
            "false",
            "none",
            "unary_operator",
            "binary_operator",
            "conditional_expression",
        ]),
        optional_parts: ids(&[
            "function_definition",
            "class_definition",
            "if_statement",
            "for_statement",
            "while_statement",
        ]),
        statements: ids(&[
            "expression_statement",
            "return_statement",
            "pass_statement",
            "break_statement",
            "continue_statement",
            "raise_statement",
            "assert_statement",
            "delete_statement",
            "global_statement",
            "nonlocal_statement",
            "import_statement",
            "import_from_statement",
            "future_import_statement",
            "print_statement",
            "exec_statement",
            "type_alias_statement",
            "if_statement",
            "for_statement",
            "while_statement",
            "try_statement",
            "with_statement",
            "match_statement",
            "function_definition",
            "class_definition",
            "decorated_definition",
        ]),
    }
});

/// The id of the named node kind `name` (a grammar constant: a typo
/// fails every test).
fn named_kind(name: &str) -> u16 {
    let kind = language().id_for_node_kind(name, true);
    assert_ne!(kind, 0, "tree-sitter-python has no node kind `{name}`");
    kind
}

/// A set of node kinds, one bit per kind id: asked at nearly every node
/// the matcher visits.
pub(crate) struct KindSet {
    bits: Vec<u64>,
}

impl KindSet {
    /// The kinds with these names (named kinds, not tokens).
    pub(crate) fn named(names: &[&str]) -> Self {
        KindSet::of(names.iter().map(|name| named_kind(name)))
    }

    fn of(kinds: impl Iterator<Item = u16>) -> Self {
        let mut bits = Vec::new();
        for kind in kinds.map(usize::from) {
            if bits.len() <= kind / 64 {
                bits.resize(kind / 64 + 1, 0);
            }
            bits[kind / 64] |= 1 << (kind % 64);
        }
        KindSet { bits }
    }

    pub(crate) fn contains(&self, kind: u16) -> bool {
        let kind = usize::from(kind);
        self.bits
            .get(kind / 64)
            .is_some_and(|word| word & (1 << (kind % 64)) != 0)
    }
}

impl Kinds {
    pub fn is_sequence(&self, kind: u16) -> bool {
        self.sequences.contains(kind)
    }

    pub fn is_statement(&self, kind: u16) -> bool {
        self.statements.contains(kind)
    }

    pub fn is_string_piece(&self, kind: u16) -> bool {
        self.string_pieces.contains(kind)
    }

    /// Whether a constant expression (a literal, arithmetic on numbers, a
    /// string built from constants) can have this kind.
    pub fn can_be_constant(&self, kind: u16) -> bool {
        self.constants.contains(kind)
    }

    pub fn has_optional_parts(&self, kind: u16) -> bool {
        self.optional_parts.contains(kind)
    }

    pub fn is_string(&self, kind: u16) -> bool {
        kind == self.string || kind == self.concatenated_string
    }
}

/// The children that carry meaning: comments and other extras never do;
/// in a list-like node only the elements do (not brackets and commas);
/// elsewhere every token but commas does (operators and keywords count).
///
/// Most nodes have a handful of such children, kept on the stack: this is
/// asked at nearly every step of matching.
pub fn significant_children(node: Node<'_>) -> SmallVec<[Node<'_>; 8]> {
    let kinds = &*KINDS;
    let elements_only = kinds.is_sequence(node.kind_id());
    node.children()
        .filter(|child| {
            !child.is_extra()
                && if elements_only {
                    child.is_named()
                } else {
                    child.kind_id() != kinds.comma
                }
        })
        .collect()
}

/// How many nested parentheses [`unwrap_parens`] looks through: more are
/// written only to attack a tool, and looking through 20,000 of them at
/// each of 20,000 nodes would take seconds.
const MAX_PARENS_LOOKED_THROUGH: usize = 64;

/// Looks through redundant parentheses: `(x)` means `x`.
///
/// Asked millions of times per scan, nearly always of a node without
/// parentheses: that case is inlined at the caller.
#[inline]
pub fn unwrap_parens(node: Node<'_>) -> Node<'_> {
    if node.kind_id() == KINDS.parenthesized_expression {
        unwrap_parenthesized(node)
    } else {
        node
    }
}

fn unwrap_parenthesized(mut node: Node<'_>) -> Node<'_> {
    for _ in 0..MAX_PARENS_LOOKED_THROUGH {
        if node.kind_id() != KINDS.parenthesized_expression {
            break;
        }
        let mut inner = node.named_children().filter(|c| !c.is_extra());
        match (inner.next(), inner.next()) {
            (Some(only), None) => node = only,
            _ => break,
        }
    }
    node
}

/// The text of a node, lossily decoded (scanned files are checked to be
/// UTF-8 before parsing, so the loss never happens in practice).
pub fn text<'s>(node: Node<'_>, source: &'s [u8]) -> std::borrow::Cow<'s, str> {
    lossy_utf8(&source[node.byte_range()])
}

/// `bytes` as text, with invalid UTF-8 replaced. Valid text (all of it, in
/// a scanned file) is borrowed after a strict check, which is faster than
/// the lossy decoder's.
pub fn lossy_utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Whether an expression is a constant: a literal string (or a `+` of
/// them), a number or arithmetic on numbers (`0o700 | 0o077`), a boolean or
/// None.
pub fn is_constant(node: Node<'_>, source: &[u8]) -> bool {
    let node = unwrap_parens(node);
    match node.kind() {
        "true" | "false" | "none" => true,
        "string" | "concatenated_string" => {
            string_literal(node, source).is_some_and(|s| s.constant_value().is_some())
        }
        _ => is_numeric_constant(node, source, 0) || is_string_sum(node, source, 0),
    }
}

/// Deeper constant expressions than this are not folded.
const MAX_CONSTANT_DEPTH: usize = 64;

/// A number, or arithmetic on numbers.
pub fn is_numeric_constant(node: Node<'_>, source: &[u8], depth: usize) -> bool {
    let node = unwrap_parens(node);
    match node.kind() {
        "integer" | "float" => true,
        _ if depth > MAX_CONSTANT_DEPTH => false,
        "unary_operator" => node
            .child_by_field_name("argument")
            .is_some_and(|a| is_numeric_constant(a, source, depth + 1)),
        "binary_operator" => {
            let op = node
                .child_by_field_name("operator")
                .map(|o| text(o, source).into_owned());
            matches!(
                op.as_deref(),
                Some("+" | "-" | "*" | "/" | "//" | "%" | "**" | "|" | "&" | "^" | "<<" | ">>")
            ) && ["left", "right"].iter().all(|side| {
                node.child_by_field_name(side)
                    .is_some_and(|operand| is_numeric_constant(operand, source, depth + 1))
            })
        }
        _ => false,
    }
}

/// `"a" + "b" + ...`: a `+` of string literals.
fn is_string_sum(node: Node<'_>, source: &[u8], depth: usize) -> bool {
    let node = unwrap_parens(node);
    if KINDS.is_string(node.kind_id()) {
        return string_literal(node, source).is_some_and(|s| s.constant_value().is_some());
    }
    depth <= MAX_CONSTANT_DEPTH
        && node.kind_id() == KINDS.binary_operator
        && node
            .child_by_field_name("operator")
            .is_some_and(|o| text(o, source) == "+")
        && ["left", "right"].iter().all(|side| {
            node.child_by_field_name(side)
                .is_some_and(|operand| is_string_sum(operand, source, depth + 1))
        })
}

/// A piece of a string literal: literal text, or an f-string interpolation.
#[derive(Debug, Clone, PartialEq)]
pub enum StringPart<T> {
    Text(String),
    Interpolation(T),
}

/// A string literal reduced to what it means: whether it is an f-string,
/// and its pieces with escapes decoded and quotes, prefixes and implicit
/// concatenation gone.
#[derive(Debug, Clone)]
pub struct StringLiteral<'t> {
    pub formatted: bool,
    /// A bytes literal (`b"..."`), never equal to a str with the same text.
    pub bytes: bool,
    pub parts: Vec<StringPart<Node<'t>>>,
}

impl StringLiteral<'_> {
    /// The value of a string without interpolations.
    pub fn constant_value(&self) -> Option<String> {
        let mut value = String::new();
        for part in &self.parts {
            match part {
                StringPart::Text(t) => value.push_str(t),
                StringPart::Interpolation(_) => return None,
            }
        }
        Some(value)
    }
}

/// What matching a string literal mostly needs, without its nodes, so
/// that a file can keep it for each literal (see
/// [`FileIndex::string_value`](crate::FileIndex::string_value)).
#[derive(Debug)]
pub struct StringValue {
    pub formatted: bool,
    pub bytes: bool,
    /// The value, when the literal has no interpolation.
    pub value: Option<String>,
}

impl From<&StringLiteral<'_>> for StringValue {
    fn from(literal: &StringLiteral<'_>) -> Self {
        StringValue {
            formatted: literal.formatted,
            bytes: literal.bytes,
            value: literal.constant_value(),
        }
    }
}

/// A string literal's value as matching reads it: borrowed from the source
/// when the literal is written plainly (most are), else decoded.
#[derive(Debug)]
pub enum StringRef<'s> {
    /// One piece whose value is its text between the quotes.
    Plain {
        value: &'s str,
        formatted: bool,
        bytes: bool,
    },
    Decoded(Rc<StringValue>),
}

impl StringRef<'_> {
    /// The value, when the literal has no interpolation.
    pub fn value(&self) -> Option<&str> {
        match self {
            StringRef::Plain { value, .. } => Some(value),
            StringRef::Decoded(decoded) => decoded.value.as_deref(),
        }
    }

    pub fn formatted(&self) -> bool {
        match self {
            StringRef::Plain { formatted, .. } => *formatted,
            StringRef::Decoded(decoded) => decoded.formatted,
        }
    }

    pub fn bytes(&self) -> bool {
        match self {
            StringRef::Plain { bytes, .. } => *bytes,
            StringRef::Decoded(decoded) => decoded.bytes,
        }
    }
}

/// A `string` node whose value is its text between the quotes, read
/// without copying: one piece of text (or none), no escape sequence, no
/// interpolation, no doubled brace. What [`string_literal`] would find in
/// such a string, it finds.
pub fn plain_string<'s>(node: Node<'_>, source: &'s [u8]) -> Option<StringRef<'s>> {
    let kinds = &*KINDS;
    if node.kind_id() != kinds.string {
        return None;
    }
    let mut children = node.children();
    let start = children
        .next()
        .filter(|c| c.kind_id() == kinds.string_start)?;
    let (content, end) = match children.next()? {
        content if content.kind_id() == kinds.string_content => (Some(content), children.next()?),
        end => (None, end),
    };
    if end.kind_id() != kinds.string_end || children.next().is_some() {
        return None;
    }
    let prefix = Prefix::of(start, source);
    let value = match content {
        Some(content) => std::str::from_utf8(&source[content.byte_range()]).ok()?,
        None => "",
    };
    decodes_to_itself(value, prefix.raw).then_some(StringRef::Plain {
        value,
        formatted: prefix.formatted,
        bytes: prefix.bytes,
    })
}

/// What the letters before a string's quote say (`rb"..."`), in either case.
struct Prefix {
    raw: bool,
    formatted: bool,
    bytes: bool,
}

impl Prefix {
    fn of(string_start: Node<'_>, source: &[u8]) -> Prefix {
        let letters = &source[string_start.byte_range()];
        let has = |letter: u8| letters.iter().any(|b| b.eq_ignore_ascii_case(&letter));
        Prefix {
            raw: has(b'r'),
            formatted: has(b'f'),
            bytes: has(b'b'),
        }
    }
}

/// Reads a `string` or `concatenated_string` node.
pub fn string_literal<'t>(node: Node<'t>, source: &[u8]) -> Option<StringLiteral<'t>> {
    let kinds = &*KINDS;
    let mut literal = StringLiteral {
        formatted: false,
        bytes: false,
        parts: Vec::new(),
    };
    if node.kind_id() == kinds.concatenated_string {
        for piece in node.named_children() {
            if piece.kind_id() == kinds.string {
                append_string(piece, source, &mut literal);
            }
        }
    } else if node.kind_id() == kinds.string {
        append_string(node, source, &mut literal);
    } else {
        return None;
    }
    Some(literal)
}

fn append_string<'t>(node: Node<'t>, source: &[u8], literal: &mut StringLiteral<'t>) {
    let kinds = &*KINDS;
    let mut raw = false;
    for child in node.children() {
        let kind = child.kind_id();
        if kind == kinds.string_start {
            let prefix = Prefix::of(child, source);
            raw = prefix.raw;
            literal.formatted |= prefix.formatted;
            literal.bytes |= prefix.bytes;
        } else if kind == kinds.string_content {
            push_text(literal, decode(&text(child, source), raw));
        } else if kind == kinds.interpolation {
            if let Some(expression) = child.child_by_field_name("expression") {
                literal.parts.push(StringPart::Interpolation(expression));
            }
        } else if kind == kinds.escape_sequence {
            // `{{` / `}}` in f-strings are escape sequences outside string_content.
            push_text(literal, decode(&text(child, source), raw));
        }
    }
}

fn push_text(literal: &mut StringLiteral<'_>, text: String) {
    match literal.parts.last_mut() {
        Some(StringPart::Text(previous)) => previous.push_str(&text),
        _ => literal.parts.push(StringPart::Text(text)),
    }
}

/// Decodes Python escape sequences (`\n`, `\x41`, `\u00e9`, `\N{...}` is
/// kept as written); raw strings are returned unchanged.
pub fn decode(body: &str, raw: bool) -> String {
    if raw || !body.contains('\\') {
        return undouble_braces(body.to_owned());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(escaped) = chars.next() else {
            out.push('\\');
            break;
        };
        match escaped {
            '\n' => {}
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '0'..='7' => {
                let mut digits = escaped.to_string();
                while digits.len() < 3 && chars.peek().is_some_and(|d| d.is_digit(8)) {
                    digits.extend(chars.next());
                }
                push_code_point(&mut out, &digits, 8, &format!("\\{digits}"));
            }
            'x' | 'u' | 'U' => {
                let width = match escaped {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = (0..width)
                    .filter_map(|_| chars.next_if(|d| d.is_ascii_hexdigit()))
                    .collect();
                push_code_point(&mut out, &digits, 16, &format!("\\{escaped}{digits}"));
            }
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' | '\'' | '"' => out.push(escaped),
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    undouble_braces(out)
}

/// `{{` and `}}` read as one brace. Most text has neither, and is kept
/// as it is rather than copied twice.
fn undouble_braces(text: String) -> String {
    if has_doubled_braces(&text) {
        text.replace("{{", "{").replace("}}", "}")
    } else {
        text
    }
}

fn has_doubled_braces(text: &str) -> bool {
    text.contains("{{") || text.contains("}}")
}

/// Whether [`decode`] gives `body` back as it is: there is no escape to
/// read (or the string is raw) and no doubled brace.
fn decodes_to_itself(body: &str, raw: bool) -> bool {
    (raw || !body.contains('\\')) && !has_doubled_braces(body)
}

fn push_code_point(out: &mut String, digits: &str, radix: u32, fallback: &str) {
    match u32::from_str_radix(digits, radix)
        .ok()
        .and_then(char::from_u32)
    {
        Some(c) => out.push(c),
        None => out.push_str(fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::SyntaxTree;

    fn parse(code: &str) -> SyntaxTree {
        SyntaxTree::parse(code).unwrap()
    }

    fn first_expression(tree: &SyntaxTree) -> Node<'_> {
        tree.root().named_child(0).unwrap().named_child(0).unwrap()
    }

    #[test]
    fn string_values_ignore_quotes_prefixes_and_concatenation() {
        for code in [
            r#""ab""#,
            "'ab'",
            "'''ab'''",
            r#"u"ab""#,
            r#""a" 'b'"#,
            r#""\x61b""#,
        ] {
            let tree = parse(code);
            let literal = string_literal(first_expression(&tree), code.as_bytes()).unwrap();
            assert_eq!(literal.constant_value().as_deref(), Some("ab"), "{code}");
        }
    }

    /// A plainly written string is read from the source, with the value and
    /// flags decoding would give it; any other string is decoded.
    #[test]
    fn plain_strings_are_read_as_decoding_would() {
        let plain = [
            r#""ab""#,
            "''",
            "'''a\nb'''",
            r#"rb"\d+""#,
            r#"F'x'"#,
            r#"b"{x}""#,
            "'é'",
        ];
        let decoded = [
            r#""a\tb""#,
            r#""{{x}}""#,
            r#"f"a{x}""#,
            r#""a" "b""#,
            r#"f"{{""#,
        ];
        for code in plain.iter().chain(&decoded) {
            let tree = parse(code);
            let node = first_expression(&tree);
            let expected = StringValue::from(&string_literal(node, code.as_bytes()).unwrap());
            match plain_string(node, code.as_bytes()) {
                Some(found) => {
                    assert!(plain.contains(code), "{code} is not plain");
                    assert_eq!(found.value(), expected.value.as_deref(), "{code}");
                    assert_eq!(found.formatted(), expected.formatted, "{code}");
                    assert_eq!(found.bytes(), expected.bytes, "{code}");
                }
                None => assert!(decoded.contains(code), "{code} is plain"),
            }
        }
    }

    #[test]
    fn raw_strings_keep_backslashes() {
        let code = r#"r"\n""#;
        let tree = parse(code);
        let literal = string_literal(first_expression(&tree), code.as_bytes()).unwrap();
        assert_eq!(literal.constant_value().as_deref(), Some("\\n"));
    }

    #[test]
    fn f_strings_have_interpolations() {
        let code = r#"f"a{x}b""#;
        let tree = parse(code);
        let literal = string_literal(first_expression(&tree), code.as_bytes()).unwrap();
        assert!(literal.formatted);
        assert_eq!(literal.parts.len(), 3);
        assert_eq!(literal.constant_value(), None);
    }

    #[test]
    fn parentheses_are_transparent() {
        let code = "((x))";
        let tree = parse(code);
        assert_eq!(unwrap_parens(first_expression(&tree)).kind(), "identifier");
    }
}
