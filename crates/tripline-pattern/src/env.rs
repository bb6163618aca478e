//! Metavariable environments: what each `$X` is bound to in one match.

use std::ops::Range;
use std::sync::Arc;

use smallvec::SmallVec;

use crate::python;
use crate::syntax::Node;

use crate::equality::same_code;

/// What a metavariable is bound to.
#[derive(Debug, Clone)]
pub enum Bound<'t> {
    /// One node of the scanned code (`$X`).
    Node(Node<'t>),
    /// A run of list elements (`$...ARGS`); `at` is where an empty run sits.
    Nodes { nodes: Vec<Node<'t>>, at: usize },
    /// A stretch of text, as bound by a `pattern-regex` capture group.
    Text(Range<usize>),
}

impl Bound<'_> {
    /// The byte range of the bound code.
    pub fn range(&self) -> Range<usize> {
        match self {
            Bound::Node(node) => node.byte_range(),
            Bound::Nodes { nodes, at } => match (nodes.first(), nodes.last()) {
                (Some(first), Some(last)) => first.start_byte()..last.end_byte(),
                _ => *at..*at,
            },
            Bound::Text(range) => range.clone(),
        }
    }

    /// The bound code as written in the scanned file.
    pub fn text<'s>(&self, source: &'s [u8]) -> std::borrow::Cow<'s, str> {
        python::lossy_utf8(&source[self.range()])
    }

    /// True when both bind the same code (structurally for nodes: layout,
    /// comments, quote style and redundant parentheses do not matter).
    pub fn same_as(&self, other: &Bound<'_>, source: &[u8]) -> bool {
        match (self, other) {
            (Bound::Node(a), Bound::Node(b)) => same_code(*a, *b, source),
            (Bound::Nodes { nodes: a, .. }, Bound::Nodes { nodes: b, .. }) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_code(*x, *y, source))
            }
            _ => source[self.range()] == source[other.range()],
        }
    }
}

/// The metavariable bindings of one match, in the order they were bound.
#[derive(Debug, Clone, Default)]
pub struct Env<'t> {
    /// Inline up to two: most patterns bind one or two metavariables, and
    /// matches are cloned often (shared formulas, intersections).
    bindings: SmallVec<[(Arc<str>, Bound<'t>); 2]>,
    /// End of the last statement matched by a multi-statement pattern.
    pub(crate) sequence_end: Option<usize>,
}

impl<'t> Env<'t> {
    pub fn get(&self, name: &str) -> Option<&Bound<'t>> {
        self.bindings
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, b)| b)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Bound<'t>)> {
        self.bindings.iter().map(|(n, b)| (&**n, b))
    }

    pub fn is_empty(&self) -> bool {
        self.bindings.is_empty()
    }

    /// Binds `name`, or checks that it is already bound to the same code.
    /// Returns false (and leaves the environment as it was) on a conflict.
    pub fn bind(&mut self, name: &Arc<str>, value: Bound<'t>, source: &[u8]) -> bool {
        match self.get(name) {
            Some(existing) => existing.same_as(&value, source),
            None => {
                self.push(name, value);
                true
            }
        }
    }

    /// Binds `name`, which the caller knows is not bound yet.
    pub(crate) fn push(&mut self, name: &Arc<str>, value: Bound<'t>) {
        self.bindings.push((name.clone(), value));
    }

    /// Both environments together, if every name they share binds the same
    /// code in each.
    pub fn merge(&self, other: &Env<'t>, source: &[u8]) -> Option<Env<'t>> {
        let mut merged = self.clone();
        for (name, value) in &other.bindings {
            if !merged.bind(name, value.clone(), source) {
                return None;
            }
        }
        Some(merged)
    }

    /// True when every name both bind is bound to the same code.
    pub fn compatible(&self, other: &Env<'_>, source: &[u8]) -> bool {
        self.bindings.iter().all(|(name, value)| {
            other
                .bindings
                .iter()
                .find(|(n, _)| n == name)
                .is_none_or(|(_, v)| value.same_as(v, source))
        })
    }
}
