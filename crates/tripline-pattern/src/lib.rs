//! tripline's pattern language: Python code with holes.
//!
//! A pattern goes through three steps:
//! 1. [`template`]: the pest grammar (`grammar/pattern.pest`) finds the holes
//!    (`$X`, `$...X`, `...`, `<... P ...>`) and rewrites them into
//!    placeholders that tree-sitter-python accepts.
//! 2. [`tree`]: tree-sitter parses the result like ordinary Python, and the
//!    tree is turned into a [`PNode`] tree where placeholders are holes again.
//! 3. [`matcher`]: a pattern tree is matched against scanned code, node by
//!    node, producing metavariable environments ([`Env`]).
//!
//! ```
//! use tripline_pattern::Pattern;
//!
//! let pattern = Pattern::parse("subprocess.$F(..., shell=True, ...)").unwrap();
//! let matches = pattern.find_all_in("subprocess.run(cmd, shell=True)\n");
//! assert_eq!(matches, vec![(0, 31, vec![("F".to_string(), "run".to_string())])]);
//! ```

pub mod deadline;
mod dispatch;
mod env;
mod equality;
mod matcher;
mod memo;
pub mod names;
pub mod python;
mod syntax;
mod template;
mod tree;
mod types;

use std::fmt;
use std::ops::Range;

use regex::Regex;
pub use syntax::{Node, SyntaxTree};

pub use dispatch::{callee_names, exact_strings, start_texts, CalleePart, NodeNames};
pub use env::{Bound, Env};
pub use equality::same_code;
pub use matcher::{operand_chain, Accepts};
pub use names::FileIndex;
pub use template::is_regex_string;
pub use tree::{PNode, StrPattern};

use matcher::{Matcher, StatementMode};
pub use memo::Memo;
use python::KINDS;
use template::Template;

/// Largest compiled size of a regex in a rule; larger ones are rejected
/// with an error rather than slowing every scan.
pub const REGEX_SIZE_LIMIT: usize = 10 * 1024 * 1024;

/// A regex that does not compile, with the byte offset inside the regex
/// text where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexError {
    pub message: String,
    pub offset: usize,
}

/// Compiles a regex from a rule, with tripline's size limit. Syntax errors
/// say where in the regex they are. Each text is compiled once per
/// process: the compiled regex is shared (a clone is a reference count).
pub fn compile_regex(regex: &str) -> Result<Regex, RegexError> {
    static COMPILED: Memo<Result<Regex, RegexError>> = Memo::new();
    COMPILED.get_or_compile(regex, compile_new_regex, Result::is_ok)
}

/// Checks a regex's syntax only, saying where a mistake is.
pub fn check_regex_syntax(regex: &str) -> Result<(), RegexError> {
    parse_regex(regex).map(drop)
}

fn parse_regex(regex: &str) -> Result<regex_syntax::ast::Ast, RegexError> {
    regex_syntax::ast::parse::Parser::new()
        .parse(regex)
        .map_err(|err| RegexError {
            message: format!("invalid regex: {}", err.kind()),
            offset: err.span().start.offset,
        })
}

fn compile_new_regex(regex: &str) -> Result<Regex, RegexError> {
    let ast = parse_regex(regex)?;
    regex::RegexBuilder::new(&pcre_ascii(regex, &ast))
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|err| RegexError {
            message: match err {
                regex::Error::CompiledTooBig(limit) => format!(
                    "this regex is too large (its compiled form exceeds the limit of {limit} bytes); simplify it"
                ),
                other => format!("invalid regex: {}", other.to_string().lines().last().unwrap_or_default().trim_start_matches("error: ")),
            },
            offset: 0,
        })
}

/// The regex with its word boundaries (`\b`, `\B`, `\b{start}`...) and
/// Perl classes (`\w`, `\d`, `\s` and their negations) made ASCII-only,
/// as they are in Semgrep's (PCRE) regexes: a letter outside ASCII is not
/// a word character for them, nor a digit outside `0-9`. This also keeps
/// the regexes fast: the regex crate's DFAs give up on a Unicode word
/// boundary in a text that is not all ASCII, and compiling the Unicode
/// `\w` (hundreds of ranges) was most of the time spent loading the
/// shipped rules.
fn pcre_ascii(regex: &str, ast: &regex_syntax::ast::Ast) -> String {
    use regex_syntax::ast::{
        visit, Assertion, AssertionKind, Ast, ClassPerl, ClassPerlKind, ClassSetItem, Visitor,
    };

    /// Each span to rewrite, and what it becomes.
    struct Ascii(Vec<(std::ops::Range<usize>, String)>);
    fn class_name(class: &ClassPerl) -> String {
        let name = match class.kind {
            ClassPerlKind::Word => "word",
            ClassPerlKind::Digit => "digit",
            ClassPerlKind::Space => "space",
        };
        // An ASCII class, as written inside brackets: `[:word:]`.
        format!("[:{}{name}:]", if class.negated { "^" } else { "" })
    }
    impl Visitor for Ascii {
        type Output = Vec<(std::ops::Range<usize>, String)>;
        type Err = std::convert::Infallible;
        fn finish(self) -> Result<Self::Output, Self::Err> {
            Ok(self.0)
        }
        fn visit_pre(&mut self, ast: &Ast) -> Result<(), Self::Err> {
            match ast {
                Ast::Assertion(assertion) => {
                    let Assertion { kind, span } = &**assertion;
                    let boundary = !matches!(
                        kind,
                        AssertionKind::StartLine
                            | AssertionKind::EndLine
                            | AssertionKind::StartText
                            | AssertionKind::EndText
                    );
                    if boundary {
                        self.0
                            .push((span.start.offset..span.end.offset, String::new()));
                    }
                }
                Ast::ClassPerl(class) => {
                    let span = class.span.start.offset..class.span.end.offset;
                    self.0.push((span, format!("[{}]", class_name(class))));
                }
                _ => {}
            }
            Ok(())
        }
        fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), Self::Err> {
            if let ClassSetItem::Perl(class) = item {
                let span = class.span.start.offset..class.span.end.offset;
                self.0.push((span, class_name(class)));
            }
            Ok(())
        }
    }
    let Ok(mut spans) = visit(ast, Ascii(Vec::new()));
    spans.sort_by_key(|(span, _)| span.start);
    let mut out = String::with_capacity(regex.len() + spans.len() * 8);
    let mut copied = 0;
    for (span, replacement) in spans {
        out.push_str(&regex[copied..span.start]);
        if replacement.is_empty() {
            out.push_str("(?-u:");
            out.push_str(&regex[span.clone()]);
            out.push(')');
        } else {
            out.push_str(&replacement);
        }
        copied = span.end;
    }
    out.push_str(&regex[copied..]);
    out
}

/// How deeply a pattern's syntax tree may nest (`f(g(x))` is five levels:
/// call, arguments, call, arguments, name). Matching recurses along the
/// pattern: a pattern of 800 nested calls overflowed the stack of a scan's
/// worker thread when matched against code as deep. No real pattern comes
/// near the limit.
pub const MAX_PATTERN_DEPTH: usize = 200;

/// The first node (in pre-order) deeper than `limit` in `tree`, if any.
fn deeper_than(tree: &SyntaxTree, limit: usize) -> Option<Node<'_>> {
    let mut depths = vec![0usize; tree.len()];
    for node in tree.nodes() {
        let depth = node.parent().map_or(0, |p| depths[p.id()] + 1);
        if depth > limit {
            return Some(node);
        }
        depths[node.id()] = depth;
    }
    None
}

/// A pattern that does not parse, with the byte offset in the pattern text
/// where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub message: String,
    pub offset: usize,
}

impl PatternError {
    pub fn new(message: impl Into<String>, offset: usize) -> Self {
        PatternError {
            message: message.into(),
            offset,
        }
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for PatternError {}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    root: Root,
    /// The pattern as written, for explanations.
    source: String,
    pub options: MatchOptions,
}

/// Semgrep's `options` that change what a pattern matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MatchOptions {
    /// A variable assigned a literal once matches that literal, and `"a" +
    /// "b"` is the string `"ab"` (default on).
    pub constant_propagation: bool,
    /// A variable assigned once matches whatever it was assigned (default
    /// off; needs `constant_propagation`).
    pub symbolic_propagation: bool,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            constant_propagation: true,
            symbolic_propagation: false,
        }
    }
}

#[derive(Debug, Clone)]
enum Root {
    /// One expression or statement: matches wherever it occurs.
    Node(PNode),
    /// Several statements: matches a run of statements in one block.
    Statements(Vec<PNode>),
}

/// Metavariable bindings as `(name, text)`, for tests and examples.
pub type Bindings = Vec<(String, String)>;

/// One place a pattern matched: the byte range and the bindings.
#[derive(Debug, Clone)]
pub struct Match<'t> {
    pub range: Range<usize>,
    pub env: Env<'t>,
}

impl Pattern {
    /// Parses pattern text. Errors carry the offset in `text`.
    pub fn parse(text: &str) -> Result<Pattern, PatternError> {
        static PARSED: Memo<Result<Pattern, PatternError>> = Memo::new();
        PARSED.get_or_compile(text, Self::parse_new, |_| true)
    }

    fn parse_new(text: &str) -> Result<Pattern, PatternError> {
        let template = Template::rewrite(text)?;
        let at_source = |err: PatternError| PatternError {
            offset: template.source_offset(err.offset).min(text.len()),
            ..err
        };
        let tree = SyntaxTree::parse(&template.code)
            .ok_or_else(|| PatternError::new("the pattern could not be parsed", 0))?;
        let root = tree.root();
        if root.has_error() {
            return Err(syntax_error(root, &template, text));
        }
        if let Some(deep) = deeper_than(&tree, MAX_PATTERN_DEPTH) {
            return Err(PatternError::new(
                format!("this pattern nests too deeply (more than {MAX_PATTERN_DEPTH} levels)"),
                template.source_offset(deep.start_byte()).min(text.len()),
            ));
        }
        let statements: Vec<Node<'_>> = root.named_children().filter(|n| !n.is_extra()).collect();
        let source = template.code.as_bytes();
        let root = match statements.as_slice() {
            [] => return Err(PatternError::new("the pattern is empty", 0)),
            [only] => {
                let node = if only.kind_id() == KINDS.expression_statement
                    && only.named_child_count() == 1
                {
                    only.named_child(0).expect("counted one child")
                } else {
                    *only
                };
                Root::Node(tree::convert(node, source).map_err(at_source)?)
            }
            several => Root::Statements(
                several
                    .iter()
                    .map(|s| tree::convert(*s, source))
                    .collect::<Result<_, _>>()
                    .map_err(at_source)?,
            ),
        };
        Ok(Pattern {
            root,
            source: text.to_owned(),
            options: MatchOptions::default(),
        })
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The metavariables the pattern binds (without `$`), sorted.
    pub fn metavariables(&self) -> Vec<String> {
        let mut names = Vec::new();
        self.visit(&mut |node| match node {
            PNode::Metavar(name)
            | PNode::SeqMetavar(name)
            | PNode::TypedMetavar { name, .. }
            | PNode::Str(StrPattern::Metavar(name)) => {
                names.push(name.to_string());
            }
            _ => {}
        });
        names.sort();
        names.dedup();
        names
    }

    /// The identifiers the pattern spells out (names, attributes, keyword
    /// names): any code the pattern matches contains each of them, so a
    /// file without them can be skipped. Of a dotted name only the last part
    /// counts: `from . import db` makes `db.query` mean `app.db.query`
    /// without `app` being written. Sorted.
    pub fn identifiers(&self) -> Vec<String> {
        fn collect(node: &PNode, names: &mut Vec<String>) {
            match node {
                PNode::Code(code) if code.kind == KINDS.attribute && code.dotted.is_some() => {
                    if let Some(last) = code.dotted.as_deref().and_then(|d| d.rsplit('.').next()) {
                        names.push(last.to_owned());
                    }
                }
                PNode::Code(code) if code.kind == KINDS.identifier => {
                    names.extend(code.text.clone())
                }
                PNode::Code(code) => code.children.iter().for_each(|c| collect(&c.node, names)),
                // `(requests.Session $S)` is known only from a call or an
                // annotation naming the type, or an import of it. (Builtin
                // types such as `str` are also known from literals.)
                PNode::TypedMetavar { type_name, .. } if type_name.contains('.') => {
                    names.extend(type_name.rsplit('.').next().map(str::to_owned));
                }
                PNode::Deep(inner) => collect(inner, names),
                PNode::Str(StrPattern::Formatted(parts)) => {
                    for part in parts {
                        if let tree::FormatPart::Interpolation(inner) = part {
                            collect(inner, names);
                        }
                    }
                }
                _ => {}
            }
        }
        let mut names = Vec::new();
        match &self.root {
            Root::Node(node) => collect(node, &mut names),
            Root::Statements(nodes) => nodes.iter().for_each(|n| collect(n, &mut names)),
        }
        names.sort();
        names.dedup();
        names
    }

    fn visit(&self, visitor: &mut dyn FnMut(&PNode)) {
        match &self.root {
            Root::Node(node) => tree::visit(node, visitor),
            Root::Statements(nodes) => nodes.iter().for_each(|n| tree::visit(n, visitor)),
        }
    }

    /// Adds every match of the pattern at `node` (not inside it) to `out`.
    /// With `names` (the file's [`FileIndex`]), code matches what it means
    /// through imports and assignments, not only as spelled. A `<... P ...>`
    /// pattern is matched where P is, and the match is credited to every
    /// node around it up to `scope`, the node the search is confined to.
    /// `accepts`, if given, is asked about each binding as it is made
    /// ([`Matcher::accepts`]).
    pub fn matches_at<'t>(
        &self,
        node: Node<'t>,
        scope: Node<'t>,
        source: &[u8],
        names: Option<&FileIndex<'t>>,
        accepts: Option<&Accepts<'_, 't>>,
        out: &mut Vec<Match<'t>>,
    ) {
        let kinds = &*KINDS;
        let matcher = Matcher {
            source,
            names,
            options: self.options,
            accepts,
        };
        // Parentheses are looked through, so the parenthesised node would
        // only repeat the match of the node inside it.
        if node.kind_id() == kinds.parenthesized_expression || !node.is_named() || node.is_extra() {
            return;
        }
        match &self.root {
            Root::Node(PNode::Deep(inner)) => {
                let mut envs = Vec::new();
                matcher.node(inner, node, &Env::default(), &mut envs);
                let around = std::iter::successors(node.parent(), Node::parent)
                    .take_while(|a| scope.contains(*a))
                    .filter(|a| {
                        a.is_named()
                            && !a.is_extra()
                            && a.kind_id() != kinds.parenthesized_expression
                    });
                for target in std::iter::once(node).chain(around) {
                    out.extend(envs.iter().map(|env| Match {
                        range: target.byte_range(),
                        env: env.clone(),
                    }));
                }
            }
            Root::Node(pattern) => {
                if let PNode::Str(_) = pattern {
                    // A piece of `"a" "b"` is matched as part of the whole.
                    if node
                        .parent()
                        .is_some_and(|p| p.kind_id() == kinds.concatenated_string)
                    {
                        return;
                    }
                }
                let mut envs = Vec::new();
                matcher.node(pattern, node, &Env::default(), &mut envs);
                if envs.is_empty() {
                    return;
                }
                let range = with_parentheses(node).byte_range();
                out.extend(envs.into_iter().map(|env| Match {
                    range: range.clone(),
                    env,
                }));
            }
            Root::Statements(patterns) => {
                if node.kind_id() != kinds.block && node.kind_id() != kinds.module {
                    return;
                }
                let patterns: Vec<&PNode> = patterns.iter().collect();
                let children = python::significant_children(node);
                let mode = StatementMode {
                    open_end: true,
                    flat: false,
                    track_end: true,
                };
                for start in 0..children.len() {
                    let mut envs = Vec::new();
                    matcher.statements(
                        &patterns,
                        &children[start..],
                        &Env::default(),
                        mode,
                        &mut envs,
                    );
                    out.extend(envs.into_iter().map(|env| Match {
                        range: children[start].start_byte()
                            ..env.sequence_end.unwrap_or(children[start].end_byte()),
                        env,
                    }));
                }
            }
        }
    }

    /// Parses `code` and returns every match as `(start, end, bindings)`,
    /// bindings as `(name, text)`. Meant for tests and examples; the engine
    /// matches all patterns in one traversal instead.
    pub fn find_all_in(&self, code: &str) -> Vec<(usize, usize, Bindings)> {
        let Some(tree) = SyntaxTree::parse(code) else {
            return Vec::new();
        };
        let source = code.as_bytes();
        let names = FileIndex::build(tree.root(), source, None);
        let mut found = Vec::new();
        for node in tree.nodes() {
            let mut matches = Vec::new();
            self.matches_at(node, tree.root(), source, Some(&names), None, &mut matches);
            for m in matches {
                let bindings = m
                    .env
                    .iter()
                    .map(|(name, bound)| (name.to_string(), bound.text(source).into_owned()))
                    .collect();
                let entry = (m.range.start, m.range.end, bindings);
                if !found.contains(&entry) {
                    found.push(entry);
                }
            }
        }
        found
    }
}

/// Whether code is a constant for the file's names: a literal, arithmetic
/// on numbers, or a string built only from constants (`f"{TABLE}"`).
pub fn is_constant_expression<'t>(node: Node<'t>, source: &[u8], names: &FileIndex<'t>) -> bool {
    let matcher = Matcher {
        source,
        names: Some(names),
        options: MatchOptions::default(),
        accepts: None,
    };
    python::is_constant(node, source) || matcher.constant_string(node, 0)
}

/// The node with the redundant parentheses around it: as in Semgrep, a
/// match of `a != b` in `(a != b)` is reported with its parentheses.
fn with_parentheses(node: Node<'_>) -> Node<'_> {
    let mut outer = node;
    while let Some(parent) = outer.parent() {
        if parent.kind_id() != KINDS.parenthesized_expression
            || python::unwrap_parens(parent) != node
        {
            break;
        }
        outer = parent;
    }
    outer
}

/// The first syntax error in a parsed pattern, described with the pattern
/// text as the user wrote it (not the placeholders tree-sitter saw).
fn syntax_error(root: Node<'_>, template: &Template, pattern: &str) -> PatternError {
    let Some(node) = root.descendants().find(|n| n.is_missing() || n.is_error()) else {
        return PatternError::new("this pattern is not valid Python", 0);
    };
    let start = template.source_offset(node.start_byte()).min(pattern.len());
    if node.is_missing() {
        return PatternError::new(
            format!(
                "this pattern is not valid Python: `{}` is missing here",
                node.kind()
            ),
            start,
        );
    }
    let end = template
        .source_offset(node.end_byte())
        .clamp(start, pattern.len());
    let shown: String = pattern[start..end].chars().take(40).collect();
    PatternError::new(
        format!(
            "this pattern is not valid Python: unexpected `{}`",
            shown.trim()
        ),
        start,
    )
}

#[cfg(test)]
mod tests;
