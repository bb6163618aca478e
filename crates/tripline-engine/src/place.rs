//! Where a finding sits in its file's syntax tree: the functions and
//! classes around it, and the statement it starts in.
//!
//! Both are about identity rather than position. The enclosing name goes
//! into the baseline fingerprint, so a finding keeps its identity when
//! lines are inserted above it; the statement decides which suppression
//! comments apply to it, so `# nosec` at the end of a call written over
//! several lines covers a finding on its first line.

use std::ops::RangeInclusive;

use tripline_pattern::Node;

use crate::scan::LineIndex;

/// A finding's place in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// `Class.method`, outermost first; `None` at module level.
    pub enclosing: Option<String>,
    /// The 1-based lines of the innermost statement containing the start of
    /// the finding; for a compound statement (`if`, `with`, `def`...) only
    /// its header, up to the colon, never its body.
    pub statement: RangeInclusive<usize>,
}

/// The place of the code starting at byte `offset`.
pub fn place(root: Node<'_>, source: &[u8], lines: &LineIndex, offset: usize) -> Place {
    let innermost = root.innermost(&(offset..offset + 1));
    let mut names = Vec::new();
    let mut statement = None;
    let mut node = Some(innermost);
    while let Some(current) = node {
        if statement.is_none() && is_statement(current.kind()) {
            statement = Some(lines.line(current.start_byte())..=lines.line(header_end(current)));
        }
        if matches!(current.kind(), "function_definition" | "class_definition") {
            if let Some(name) = current.child_by_field_name("name") {
                names.push(String::from_utf8_lossy(&source[name.byte_range()]).into_owned());
            }
        }
        node = current.parent();
    }
    names.reverse();
    let line = lines.line(offset);
    Place {
        enclosing: (!names.is_empty()).then(|| names.join(".")),
        statement: statement.unwrap_or(line..=line),
    }
}

fn is_statement(kind: &str) -> bool {
    kind.ends_with("_statement")
        || matches!(
            kind,
            "function_definition" | "class_definition" | "decorated_definition"
        )
}

/// The last byte of a statement's header: the colon before its first
/// block for a compound statement, its end otherwise.
fn header_end(statement: Node<'_>) -> usize {
    if statement.kind() == "decorated_definition" {
        if let Some(definition) = statement.child_by_field_name("definition") {
            return header_end(definition);
        }
    }
    let mut before_block = None;
    for child in statement.children() {
        if child.kind() == "block" {
            if let Some(colon) = before_block {
                return colon;
            }
        }
        before_block = Some(child.start_byte());
    }
    statement
        .end_byte()
        .saturating_sub(1)
        .max(statement.start_byte())
}

#[cfg(test)]
mod tests {
    use tripline_pattern::SyntaxTree;

    use super::*;

    fn place_of(text: &str, needle: &str) -> Place {
        let tree = SyntaxTree::parse(text).unwrap();
        let offset = text.find(needle).unwrap();
        place(tree.root(), text.as_bytes(), &LineIndex::new(text), offset)
    }

    #[test]
    fn the_enclosing_name_joins_classes_and_functions_outermost_first() {
        let text = "class C:\n    def m(self):\n        def inner():\n            eval(x)\n";
        assert_eq!(
            place_of(text, "eval").enclosing.as_deref(),
            Some("C.m.inner")
        );
        assert_eq!(place_of("eval(x)\n", "eval").enclosing, None);
        let decorated = "@app.route('/')\ndef view():\n    eval(x)\n";
        assert_eq!(
            place_of(decorated, "eval").enclosing.as_deref(),
            Some("view")
        );
    }

    #[test]
    fn a_statement_spans_all_its_lines_but_a_compound_one_only_its_header() {
        let call = "x = 1\nsubprocess.call(\n    cmd,\n    shell=True)\n";
        assert_eq!(place_of(call, "subprocess").statement, 2..=4);
        let with = "with open(\n    p) as f:\n    f.read()\n    g()\n";
        assert_eq!(place_of(with, "open").statement, 1..=2);
        assert_eq!(place_of(with, "f.read").statement, 3..=3);
        let def = "@dec\ndef f(a,\n      b):\n    pass\n";
        assert_eq!(place_of(def, "dec").statement, 1..=3);
    }
}
