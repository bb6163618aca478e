//! Where a finding sits in its file's syntax tree: the functions and
//! classes around it, and the statement it starts in.
//!
//! Both are about identity rather than position. The enclosing name goes
//! into the baseline fingerprint, so a finding keeps its identity when
//! lines are inserted above it; the statement decides which suppression
//! comments apply to it, so `# nosec` at the end of a call written over
//! several lines covers a finding on its first line.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::rc::Rc;

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

/// The places of the findings of one file. What each node's place is,
/// once known, is remembered: findings nested 100,000 deep (hostile input)
/// then cost one walk up the tree in all, not one each.
pub struct Places<'a, 't> {
    root: Node<'t>,
    source: &'a [u8],
    lines: &'a LineIndex,
    /// By node id: the innermost statement at or above the node, and the
    /// names of the functions and classes around it.
    known: RefCell<HashMap<usize, Around<'t>>>,
}

#[derive(Clone)]
struct Around<'t> {
    statement: Option<Node<'t>>,
    enclosing: Option<Rc<str>>,
}

impl<'a, 't> Places<'a, 't> {
    pub fn new(root: Node<'t>, source: &'a [u8], lines: &'a LineIndex) -> Self {
        Places {
            root,
            source,
            lines,
            known: RefCell::new(HashMap::new()),
        }
    }

    /// The place of the code starting at byte `offset`.
    pub fn at(&self, offset: usize) -> Place {
        let around = self.around(self.root.innermost(&(offset..offset + 1)));
        let line = self.lines.line(offset);
        Place {
            enclosing: around.enclosing.map(|names| names.to_string()),
            statement: around.statement.map_or(line..=line, |statement| {
                self.lines.line(statement.start_byte())..=self.lines.line(header_end(statement))
            }),
        }
    }

    /// What is around `node`: walks up to the first node already known
    /// (or the root), then records every node of the walk.
    fn around(&self, node: Node<'t>) -> Around<'t> {
        let mut walk = Vec::new();
        let mut current = Some(node);
        let mut above = Around {
            statement: None,
            enclosing: None,
        };
        while let Some(here) = current {
            if let Some(known) = self.known.borrow().get(&here.id()) {
                above = known.clone();
                break;
            }
            walk.push(here);
            current = here.parent();
        }
        let mut known = self.known.borrow_mut();
        for here in walk.into_iter().rev() {
            if is_statement(here.kind()) {
                above.statement = Some(here);
            }
            if matches!(here.kind(), "function_definition" | "class_definition") {
                if let Some(name) = here.child_by_field_name("name") {
                    let name = String::from_utf8_lossy(&self.source[name.byte_range()]);
                    above.enclosing = Some(match &above.enclosing {
                        Some(outer) => Rc::from(format!("{outer}.{name}")),
                        None => Rc::from(name.as_ref()),
                    });
                }
            }
            known.insert(here.id(), above.clone());
        }
        above
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
        Places::new(tree.root(), text.as_bytes(), &LineIndex::new(text)).at(offset)
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
