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
        // A conflict is found before anything is copied, and the merged
        // bindings are allocated once, at their final size.
        let mut added = 0;
        for (name, value) in &other.bindings {
            match self.get(name) {
                Some(existing) if !existing.same_as(value, source) => return None,
                Some(_) => {}
                None => added += 1,
            }
        }
        let mut bindings = SmallVec::with_capacity(self.bindings.len() + added);
        bindings.extend(self.bindings.iter().cloned());
        bindings.extend(
            other
                .bindings
                .iter()
                .filter(|(name, _)| self.get(name).is_none())
                .cloned(),
        );
        Some(Env {
            bindings,
            sequence_end: self.sequence_end,
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::SyntaxTree;

    #[test]
    fn merging_keeps_both_bindings_unless_a_shared_name_disagrees() {
        let code = "f(a, b, a)\n";
        let tree = SyntaxTree::parse(code).expect("parses");
        let names: Vec<Node<'_>> = tree
            .root()
            .descendants()
            .filter(|n| n.kind() == "identifier")
            .collect();
        let [f, a, b, a_again] = names[..] else {
            panic!("four names, got {names:?}");
        };
        fn env<'t>(bindings: &[(&str, Node<'t>)], source: &[u8]) -> Env<'t> {
            let mut env = Env::default();
            for (name, node) in bindings {
                assert!(env.bind(&Arc::from(*name), Bound::Node(*node), source));
            }
            env
        }
        let texts = |env: &Env<'_>| -> Vec<String> {
            env.iter()
                .map(|(n, b)| format!("{n}={}", b.text(code.as_bytes())))
                .collect()
        };
        let left = env(&[("F", f), ("X", a)], code.as_bytes());
        // A name both bind to the same code (here, another `a`) is kept once;
        // the new names follow, in their order.
        let right = env(&[("Y", b), ("X", a_again), ("Z", f)], code.as_bytes());
        let merged = left.merge(&right, code.as_bytes()).expect("compatible");
        assert_eq!(texts(&merged), ["F=f", "X=a", "Y=b", "Z=f"]);
        // A name bound to different code makes the merge fail.
        let conflicting = env(&[("X", b)], code.as_bytes());
        assert!(left.merge(&conflicting, code.as_bytes()).is_none());
        assert!(!left.compatible(&conflicting, code.as_bytes()));
    }
}
