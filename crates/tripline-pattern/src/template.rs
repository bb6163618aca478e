//! The pest layer: turns pattern text with holes into Python that
//! tree-sitter-python parses, and remembers where each byte came from so
//! that a parse error can point into the pattern the user wrote.
//!
//! Holes become identifiers that start with [`PLACEHOLDER`] (`µ`), a letter
//! Python accepts in names and no real code uses by accident:
//!
//! | pattern        | Python text            |
//! |----------------|------------------------|
//! | `$X`           | `µX`                   |
//! | `$_`           | `µ_`                   |
//! | `$...ARGS`     | `µsARGS`               |
//! | `<... P ...>`  | `µd(P)`                |
//! | `(str $X)`     | `µtXµstr`              |
//! | `...` among parameters | `µe`           |
//! | `...` among dict entries | `**µe`       |
//! | `...` elsewhere | `...` (Python's own ellipsis) |

use std::sync::LazyLock;

use pest::iterators::Pair;
use pest::Parser;
use pest_derive::Parser;
use regex::Regex;

use crate::PatternError;

/// First character of every placeholder identifier.
pub const PLACEHOLDER: char = 'µ';

#[derive(Parser)]
#[grammar = "../../grammar/pattern.pest"]
struct TemplateParser;

/// Pattern text rewritten as parseable Python.
#[derive(Debug)]
pub struct Template {
    /// The Python text handed to tree-sitter.
    pub code: String,
    /// `(offset in code, offset in pattern)` at the start of every piece,
    /// in increasing order; see [`Template::source_offset`].
    pieces: Vec<(usize, usize)>,
}

impl Template {
    /// Rewrites `source` (the pattern as written) into Python.
    pub fn rewrite(source: &str) -> Result<Template, PatternError> {
        // Before pest, whose parser (like `emit`) recurses once per bracket.
        check_brackets(source)?;
        let mut pairs = TemplateParser::parse(Rule::pattern, source).map_err(|err| {
            let offset = match err.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            PatternError::new(
                "unbalanced brackets, quotes or `<... ...>` in the pattern",
                offset,
            )
        })?;
        let mut template = Template {
            code: String::with_capacity(source.len() + 16),
            pieces: Vec::new(),
        };
        let root = pairs.next().expect("pest always yields the `pattern` rule");
        for pair in root.into_inner() {
            template.emit(pair, Context::Plain);
        }
        Ok(template)
    }

    /// Maps an offset in [`Template::code`] back to the pattern as written.
    /// Offsets inside a placeholder map to the start of the hole.
    pub fn source_offset(&self, code_offset: usize) -> usize {
        let index = self
            .pieces
            .partition_point(|&(code, _)| code <= code_offset);
        match index.checked_sub(1).map(|i| self.pieces[i]) {
            Some((code, source)) => source + (code_offset - code),
            None => code_offset,
        }
    }

    fn push_verbatim(&mut self, text: &str, source_start: usize) {
        self.pieces.push((self.code.len(), source_start));
        self.code.push_str(text);
    }

    fn push_replacement(&mut self, text: &str, source_start: usize) {
        self.pieces.push((self.code.len(), source_start));
        self.code.push_str(text);
        // Everything after the replacement maps to its source start until the
        // next piece begins; a zero-length piece keeps later offsets exact.
        self.pieces.push((self.code.len(), source_start));
    }

    fn emit(&mut self, pair: Pair<'_, Rule>, context: Context) {
        let start = pair.as_span().start();
        match pair.as_rule() {
            Rule::metavar => {
                let name = &pair.as_str()[1..];
                self.push_replacement(&format!("{PLACEHOLDER}{name}"), start);
                self.mark_end(pair.as_span().end());
            }
            Rule::seq_metavar => {
                let name = &pair.as_str()[4..];
                self.push_replacement(&format!("{PLACEHOLDER}s{name}"), start);
                self.mark_end(pair.as_span().end());
            }
            Rule::ellipsis => {
                let replacement = match context {
                    // `from $M import ...`: any names.
                    Context::Plain if self.code.trim_end().ends_with(" import") => "µe",
                    Context::Plain => "...",
                    Context::Parameters => "µe",
                    Context::DictEntries => "**µe",
                };
                self.push_replacement(replacement, start);
                self.mark_end(pair.as_span().end());
            }
            Rule::deep => {
                self.push_replacement(&format!("{PLACEHOLDER}d("), start);
                let end = pair.as_span().end();
                for inner in pair.into_inner() {
                    self.emit(inner, Context::Plain);
                }
                self.push_replacement(")", end.saturating_sub(4));
                self.mark_end(end);
            }
            Rule::annotated_metavar if self.code.trim_end().ends_with("lambda") => {
                // `lambda $X: body` is a parameter and a body, not a type.
                let mut inner = pair.clone().into_inner();
                if let Some(metavar) = inner.next() {
                    self.emit(metavar.clone(), context);
                    let after = metavar.as_span().end();
                    self.push_verbatim(&pair.as_str()[after - start..], after);
                }
            }
            Rule::annotated_metavar | Rule::typed_metavar => {
                // `(str $X)` and `$X: str` → `µtXµstr` (dots of a dotted type
                // become `µ`).
                let end = pair.as_span().end();
                let (mut name, mut type_name) = (String::new(), String::new());
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::metavar => name = part.as_str()[1..].to_owned(),
                        _ => type_name = part.as_str().replace('.', "µ"),
                    }
                }
                self.push_replacement(
                    &format!("{PLACEHOLDER}t{name}{PLACEHOLDER}{type_name}"),
                    start,
                );
                self.mark_end(end);
            }
            Rule::group => {
                let inner = pair
                    .into_inner()
                    .next()
                    .expect("a group holds one bracket pair");
                self.emit_bracketed(inner);
            }
            Rule::string => self.emit_string(pair),
            _ => self.push_verbatim(pair.as_str(), start),
        }
    }

    /// After a replacement, source offsets resume at the end of the hole.
    fn mark_end(&mut self, source_end: usize) {
        self.pieces.push((self.code.len(), source_end));
    }

    fn emit_bracketed(&mut self, pair: Pair<'_, Rule>) {
        let span = pair.as_span();
        let text = span.as_str();
        let (open, close) = (&text[..1], &text[text.len() - 1..]);
        let context = match pair.as_rule() {
            Rule::paren if self.follows_def_name() => Context::Parameters,
            Rule::brace if has_top_level_colon(&pair) => Context::DictEntries,
            _ => Context::Plain,
        };
        self.push_verbatim(open, span.start());
        for inner in pair.into_inner() {
            self.emit(inner, context);
        }
        self.push_verbatim(close, span.end() - 1);
    }

    /// Rewrites the metavariables of a string literal, unless the string is a
    /// `"=~/regex/"`, whose `$` belongs to the regex.
    fn emit_string(&mut self, pair: Pair<'_, Rule>) {
        let start = pair.as_span().start();
        if is_regex_string(pair.as_str()) {
            self.push_verbatim(pair.as_str(), start);
            return;
        }
        let mut cursor = start;
        let whole = pair.as_str();
        let holes: Vec<Pair<'_, Rule>> = pair
            .into_inner()
            .flat_map(|p| p.into_inner())
            .filter(|p| matches!(p.as_rule(), Rule::metavar | Rule::seq_metavar))
            .collect();
        for hole in holes {
            let hole_start = hole.as_span().start();
            self.push_verbatim(&whole[cursor - start..hole_start - start], cursor);
            cursor = hole.as_span().end();
            self.emit(hole, Context::Plain);
        }
        self.push_verbatim(&whole[cursor - start..], cursor);
    }

    /// True when the code written so far ends in `def NAME`, so the next
    /// parenthesis opens a parameter list.
    fn follows_def_name(&self) -> bool {
        static DEF_NAME: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?:^|\s)def\s+\w+\s*$").expect("valid regex"));
        DEF_NAME.is_match(&self.code)
    }
}

/// How deep brackets and `<... ...>` may nest in a pattern: parsing the
/// template recurses once per level (and the pattern's syntax tree is then
/// bounded by [`crate::MAX_PATTERN_DEPTH`]).
const MAX_BRACKET_DEPTH: usize = 100;

/// Finds the first bracket or quote that is never closed (or closed
/// wrongly), for an error that points at it rather than at the end of the
/// pattern, and brackets nested deeper than [`MAX_BRACKET_DEPTH`].
fn check_brackets(source: &str) -> Result<(), PatternError> {
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut deep_operators = 0_usize;
    let mut chars = source.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if open.len() + deep_operators > MAX_BRACKET_DEPTH {
            return Err(PatternError::new(
                format!("this pattern nests too deeply: brackets and `<... ...>` more than {MAX_BRACKET_DEPTH} levels deep"),
                offset,
            ));
        }
        match c {
            '<' if source[offset..].starts_with("<...") => deep_operators += 1,
            '.' if source[offset..].starts_with("...>") => {
                deep_operators = deep_operators.saturating_sub(1);
            }
            '#' => while chars.next_if(|&(_, c)| c != '\n').is_some() {},
            '"' | '\'' => {
                let triple = source[offset..].starts_with(&c.to_string().repeat(3));
                let quote = if triple {
                    c.to_string().repeat(3)
                } else {
                    c.to_string()
                };
                let body_start = offset + quote.len();
                let mut end = None;
                let mut escaped = false;
                for (i, d) in source[body_start..].char_indices() {
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if source[body_start + i..].starts_with(&quote) {
                        end = Some(body_start + i + quote.len());
                        break;
                    } else if d == '\n' && !triple {
                        break;
                    }
                }
                let Some(end) = end else {
                    return Err(PatternError::new("this string is never closed", offset));
                };
                while chars.next_if(|&(i, _)| i < end).is_some() {}
            }
            '(' | '[' | '{' => open.push((c, offset)),
            ')' | ']' | '}' => {
                let expected = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match open.pop() {
                    Some((opener, _)) if opener == expected => {}
                    Some((opener, at)) => {
                        return Err(PatternError::new(
                            format!("`{c}` does not close the `{opener}` at byte {at}"),
                            offset,
                        ))
                    }
                    None => return Err(PatternError::new(format!("`{c}` closes nothing"), offset)),
                }
            }
            _ => {}
        }
    }
    match open.pop() {
        Some((opener, at)) => Err(PatternError::new(
            format!("this `{opener}` is never closed"),
            at,
        )),
        None => Ok(()),
    }
}

/// Where an `...` stands, which decides what it is rewritten to.
#[derive(Clone, Copy)]
enum Context {
    Plain,
    Parameters,
    DictEntries,
}

fn has_top_level_colon(brace: &Pair<'_, Rule>) -> bool {
    brace
        .clone()
        .into_inner()
        .any(|p| p.as_rule() == Rule::text && p.as_str().contains(':'))
}

/// A string literal whose content is `=~/regex/flags`.
pub fn is_regex_string(literal: &str) -> bool {
    let body = literal.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let body = body.trim_start_matches(['"', '\'']);
    body.starts_with("=~/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(pattern: &str) -> String {
        Template::rewrite(pattern).unwrap().code
    }

    #[test]
    fn metavariables_become_placeholders() {
        assert_eq!(code("$X + $_"), "µX + µ_");
        assert_eq!(code("f($...ARGS)"), "f(µsARGS)");
    }

    #[test]
    fn ellipsis_depends_on_context() {
        assert_eq!(code("f(...)"), "f(...)");
        assert_eq!(code("def $F(...): ..."), "def µF(µe): ...");
        assert_eq!(code("{'a': 1, ...}"), "{'a': 1, **µe}");
        assert_eq!(code("{..., 1}"), "{..., 1}");
        assert_eq!(code("x = [...]"), "x = [...]");
        assert_eq!(code("from $M import ..."), "from µM import µe");
    }

    #[test]
    fn typed_metavariables_become_placeholders() {
        assert_eq!(code("f((str $X))"), "f(µtXµstr)");
        assert_eq!(
            code("f((requests.Session $S), 1)"),
            "f(µtSµrequestsµSession, 1)"
        );
        assert_eq!(code("(not $X)"), "(not µX)");
        assert_eq!(code("f($Q: str, 1)"), "f(µtQµstr, 1)");
        assert_eq!(code("f(lambda $X: y)"), "f(lambda µX: y)");
        assert_eq!(code("{$K: str}"), "{µK: str}");
    }

    #[test]
    fn deep_expression_becomes_a_call() {
        assert_eq!(code("foo(<... $X ...>)"), "foo(µd( µX ))");
    }

    #[test]
    fn strings_keep_their_text_but_not_their_metavariables() {
        assert_eq!(code("f\"{$X}\""), "f\"{µX}\"");
        assert_eq!(code("'$X'"), "'µX'");
        assert_eq!(code("'=~/^a$B/'"), "'=~/^a$B/'");
        assert_eq!(code("'...'"), "'...'");
        assert_eq!(
            code("x = '# not a comment'  # $X"),
            "x = '# not a comment'  # $X"
        );
    }

    #[test]
    fn a_string_prefix_after_a_word_still_starts_a_string() {
        // Words are taken whole unless a quote follows them, where the
        // last letters may be a prefix.
        assert_eq!(code("open(rb'$X', fr\"{$Y}\")"), "open(rb'µX', fr\"{µY}\")");
        assert_eq!(code("call_1(b'$X')"), "call_1(b'µX')");
        assert_eq!(code("print_b '$X'"), "print_b 'µX'");
    }

    #[test]
    fn lowercase_dollar_is_left_for_the_python_parser_to_reject() {
        assert_eq!(code("$x"), "$x");
    }

    #[test]
    fn offsets_map_back_to_the_pattern() {
        let t = Template::rewrite("f($X, 1)").unwrap();
        // code: "f(µX, 1)": '1' is at byte 7 in code (µ is two bytes), 6 in source.
        assert_eq!(&t.code[7..8], "1");
        assert_eq!(t.source_offset(7), 6);
        assert_eq!(t.source_offset(0), 0);
    }

    #[test]
    fn unbalanced_brackets_are_an_error_at_the_bracket() {
        let err = Template::rewrite("foo(\n  bar(x)\n").unwrap_err();
        assert_eq!(
            (err.offset, err.message.as_str()),
            (3, "this `(` is never closed")
        );
        let err = Template::rewrite("f(x])").unwrap_err();
        assert_eq!(err.offset, 3);
        let err = Template::rewrite("f('x)").unwrap_err();
        assert_eq!(
            (err.offset, err.message.as_str()),
            (2, "this string is never closed")
        );
    }
}
