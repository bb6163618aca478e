//! The matches of patterns in a file, computed when a formula first asks
//! for them.
//!
//! Most rules match nothing in most files, and a `patterns:` whose first
//! positive part has no match in a file needs none of its other parts
//! there. So rather than running every pattern up front, each pattern is
//! matched the first time evaluation asks for it, and remembered. Matching
//! one pattern does not walk the tree: the file's nodes are indexed once by
//! kind (and, for calls and dotted names, by the name they spell or mean),
//! so a pattern visits only the nodes its root can match.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use tripline_pattern::{python, FileIndex, Match, Node, NodeNames, Pattern};
use tripline_rule::RuleSet;

/// How each pattern is dispatched, worked out once per rule set.
pub struct Dispatch {
    /// Per pattern: the node kinds its root can match (`None`: any).
    kinds: Vec<Option<Vec<u16>>>,
    /// Per pattern: the name its root must spell or mean, hashed.
    names: Vec<Option<u64>>,
    /// Kinds of the nodes some pattern looks up by name.
    named_kinds: Vec<bool>,
}

/// Names are looked up by a hash of their text: the index only narrows
/// which nodes a pattern is tried on, so a collision costs a failed try,
/// never a wrong match.
type NameHasher = BuildHasherDefault<DefaultHasher>;

fn name_hash(name: &str) -> u64 {
    NameHasher::default().hash_one(name)
}

impl Dispatch {
    pub fn new(ruleset: &RuleSet) -> Self {
        let mut named_kinds = vec![false; python::language().node_kind_count()];
        let mut kinds = Vec::with_capacity(ruleset.patterns.len());
        let mut names = Vec::with_capacity(ruleset.patterns.len());
        for pattern in &ruleset.patterns {
            let root_kinds = pattern.root_kinds();
            let root_name = root_kinds.as_ref().and(pattern.root_name());
            if let (Some(root_kinds), Some(_)) = (&root_kinds, root_name) {
                for &kind in root_kinds {
                    named_kinds[usize::from(kind)] = true;
                }
            }
            kinds.push(root_kinds);
            names.push(root_name.map(name_hash));
        }
        Dispatch {
            kinds,
            names,
            named_kinds,
        }
    }
}

/// The matches of a rule set's patterns inside one node (the whole file,
/// or what a metavariable bound), computed on demand.
pub struct LazyMatches<'a, 't> {
    patterns: &'a [Pattern],
    dispatch: &'a Dispatch,
    scope: Node<'t>,
    source: &'a [u8],
    names: &'a FileIndex<'t>,
    by_kind: OnceCell<KindIndex<'t>>,
    by_name: OnceCell<HashMap<u64, Vec<Node<'t>>, NameHasher>>,
    matches: Vec<OnceCell<Vec<Match<'t>>>>,
}

impl<'a, 't> LazyMatches<'a, 't> {
    pub fn new(
        ruleset: &'a RuleSet,
        dispatch: &'a Dispatch,
        scope: Node<'t>,
        source: &'a [u8],
        names: &'a FileIndex<'t>,
    ) -> Self {
        LazyMatches {
            patterns: &ruleset.patterns,
            dispatch,
            scope,
            source,
            names,
            by_kind: OnceCell::new(),
            by_name: OnceCell::new(),
            matches: (0..ruleset.patterns.len())
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// The same patterns, searched only inside `node`.
    pub fn within(&self, node: Node<'t>) -> LazyMatches<'a, 't> {
        LazyMatches {
            scope: node,
            by_kind: OnceCell::new(),
            by_name: OnceCell::new(),
            matches: self.matches.iter().map(|_| OnceCell::new()).collect(),
            ..*self
        }
    }

    /// Every match of the pattern (by index in the rule set) in the scope,
    /// in the order of the nodes they are at.
    pub fn get(&self, pattern: usize) -> &[Match<'t>] {
        self.matches[pattern].get_or_init(|| self.compute(pattern))
    }

    fn compute(&self, index: usize) -> Vec<Match<'t>> {
        let pattern = &self.patterns[index];
        let mut out = Vec::new();
        let mut try_at = |node: Node<'t>| {
            pattern.matches_at(node, self.scope, self.source, Some(self.names), &mut out);
        };
        match (&self.dispatch.kinds[index], self.dispatch.names[index]) {
            (None, _) => self
                .scope
                .descendants()
                .filter(Node::is_named)
                .for_each(try_at),
            (Some(kinds), Some(name)) => self
                .by_name()
                .get(&name)
                .into_iter()
                .flatten()
                .filter(|node| kinds.contains(&node.kind_id()))
                .for_each(|node| try_at(*node)),
            (Some(kinds), None) => {
                let index = self.by_kind();
                match kinds.as_slice() {
                    [kind] => index.of(*kind).iter().for_each(|node| try_at(*node)),
                    _ => {
                        // Several kinds: visit their nodes in tree order.
                        let mut nodes: Vec<Node<'t>> =
                            kinds.iter().flat_map(|k| index.of(*k)).copied().collect();
                        nodes.sort_by_key(Node::id);
                        nodes.into_iter().for_each(try_at);
                    }
                }
            }
        }
        out
    }

    fn by_kind(&self) -> &KindIndex<'t> {
        self.by_kind.get_or_init(|| KindIndex::new(self.scope))
    }

    /// Nodes of the kinds some pattern dispatches by name, by the names
    /// they spell or mean.
    fn by_name(&self) -> &HashMap<u64, Vec<Node<'t>>, NameHasher> {
        self.by_name.get_or_init(|| {
            let mut index: HashMap<u64, Vec<Node<'t>>, NameHasher> = HashMap::default();
            let named_kinds = &self.dispatch.named_kinds;
            for node in self.scope.descendants() {
                if !named_kinds[usize::from(node.kind_id())] || !node.is_named() {
                    continue;
                }
                for name in NodeNames::of(node, self.source, Some(self.names)).iter() {
                    index.entry(name_hash(name)).or_default().push(node);
                }
            }
            index
        })
    }
}

/// The named nodes of a subtree grouped by kind, each group in tree order.
struct KindIndex<'t> {
    /// `nodes[starts[k]..starts[k + 1]]` have kind `k`.
    starts: Vec<usize>,
    nodes: Vec<Node<'t>>,
}

impl<'t> KindIndex<'t> {
    /// Two passes (count, then place), so one allocation holds every node.
    fn new(scope: Node<'t>) -> Self {
        let kind_count = python::language().node_kind_count();
        let mut starts = vec![0; kind_count + 1];
        for node in scope.descendants().filter(Node::is_named) {
            starts[usize::from(node.kind_id()) + 1] += 1;
        }
        for kind in 0..kind_count {
            starts[kind + 1] += starts[kind];
        }
        let mut next = starts.clone();
        let mut nodes = vec![scope; starts[kind_count]];
        for node in scope.descendants().filter(Node::is_named) {
            let slot = &mut next[usize::from(node.kind_id())];
            nodes[*slot] = node;
            *slot += 1;
        }
        KindIndex { starts, nodes }
    }

    fn of(&self, kind: u16) -> &[Node<'t>] {
        let kind = usize::from(kind);
        match (self.starts.get(kind), self.starts.get(kind + 1)) {
            (Some(&start), Some(&end)) => &self.nodes[start..end],
            _ => &[],
        }
    }
}
