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

use tripline_pattern::python::{self, KINDS};
use tripline_pattern::{
    callee_names, exact_strings, CalleePart, FileIndex, Match, Node, NodeNames, Pattern,
};
use tripline_rule::{Condition, Formula, RuleSet};

/// How each pattern is dispatched, worked out once per rule set.
pub struct Dispatch {
    /// Per pattern: the node kinds its root can match (`None`: any).
    kinds: Vec<Option<Vec<u16>>>,
    /// Per pattern: the name its root must spell or mean, hashed.
    names: Vec<Option<u64>>,
    /// Kinds of the nodes some pattern looks up by name.
    named_kinds: Vec<bool>,
    /// Per pattern: the callee names a `metavariable-regex` of its rule
    /// allows, hashed (see [`callee_restrictions`]).
    callees: Vec<Option<(CalleePart, Vec<u64>)>>,
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
        let mut callees = vec![None; ruleset.patterns.len()];
        for rule in &ruleset.rules {
            callee_restrictions(&rule.formula, &[], &ruleset.patterns, &mut callees);
        }
        Dispatch {
            kinds,
            names,
            named_kinds,
            callees,
        }
    }
}

/// Finds call patterns whose callee (or callee attribute) is a
/// metavariable that a `metavariable-regex` of an enclosing `patterns:`
/// allows only a few exact names for (`$CUR.$EXECUTE(...)` with
/// `^(execute|executemany)$`): every finding such a pattern contributes to
/// must pass the regex, so the pattern need only be tried on calls of
/// those names. `allowed` holds the constraints of the enclosing
/// conjunctions. Negations are not restricted: a negation tried on fewer
/// calls would remove fewer findings.
fn callee_restrictions(
    formula: &Formula,
    allowed: &[(&str, Vec<String>)],
    patterns: &[Pattern],
    out: &mut [Option<(CalleePart, Vec<u64>)>],
) {
    match formula {
        Formula::Pattern(index) => {
            let Some((metavariable, part)) = patterns[*index].callee_metavariable() else {
                return;
            };
            let narrowest = allowed
                .iter()
                .filter(|(name, _)| *name == metavariable)
                .min_by_key(|(_, names)| names.len());
            if let Some((_, names)) = narrowest {
                out[*index] = Some((part, names.iter().map(|n| name_hash(n)).collect()));
            }
        }
        Formula::Regex(_) => {}
        Formula::Either(alternatives) => alternatives
            .iter()
            .for_each(|f| callee_restrictions(f, allowed, patterns, out)),
        Formula::All(conjunction) => {
            let mut inner = allowed.to_vec();
            for condition in &conjunction.conditions {
                if let Condition::Regex {
                    metavariable,
                    regex,
                    ..
                } = condition
                {
                    if let Some(names) = exact_strings(regex.as_str()) {
                        inner.push((metavariable.as_str(), names));
                    }
                }
            }
            for positive in &conjunction.positives {
                callee_restrictions(&positive.formula, &inner, patterns, out);
            }
            for negative in &conjunction.negatives {
                callee_restrictions(&negative.formula, &[], patterns, out);
            }
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
    by_callee: OnceCell<HashMap<(CalleePart, u64), Vec<Node<'t>>, NameHasher>>,
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
            by_callee: OnceCell::new(),
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
            by_callee: OnceCell::new(),
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
        if let Some((part, allowed)) = &self.dispatch.callees[index] {
            let by_callee = self.by_callee();
            let mut nodes: Vec<Node<'t>> = allowed
                .iter()
                .filter_map(|name| by_callee.get(&(*part, *name)))
                .flatten()
                .copied()
                .collect();
            nodes.sort_by_key(Node::id);
            nodes.dedup();
            nodes.into_iter().for_each(try_at);
            return out;
        }
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

    /// Calls, by the texts their callee and callee attribute are known by
    /// (see [`callee_names`]).
    fn by_callee(&self) -> &HashMap<(CalleePart, u64), Vec<Node<'t>>, NameHasher> {
        self.by_callee.get_or_init(|| {
            let mut index: HashMap<(CalleePart, u64), Vec<Node<'t>>, NameHasher> =
                HashMap::default();
            for &call in self.by_kind().of(KINDS.call) {
                for part in [CalleePart::Whole, CalleePart::Attribute] {
                    for name in callee_names(call, part, self.source, self.names) {
                        index
                            .entry((part, name_hash(&name)))
                            .or_default()
                            .push(call);
                    }
                }
            }
            index
        })
    }

    /// Nodes of the kinds some pattern dispatches by name, by the names
    /// they spell or mean.
    fn by_name(&self) -> &HashMap<u64, Vec<Node<'t>>, NameHasher> {
        self.by_name.get_or_init(|| {
            let mut index: HashMap<u64, Vec<Node<'t>>, NameHasher> = HashMap::default();
            let named_kinds = &self.dispatch.named_kinds;
            for node in self.scope.descendants() {
                let named_kind = named_kinds.get(usize::from(node.kind_id()));
                if !named_kind.is_some_and(|named| *named) || !node.is_named() {
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
        // Error nodes have a kind of their own beyond the grammar's; no
        // pattern has it.
        let indexed = |node: &Node<'t>| node.is_named() && usize::from(node.kind_id()) < kind_count;
        let mut starts = vec![0; kind_count + 1];
        for node in scope.descendants().filter(indexed) {
            starts[usize::from(node.kind_id()) + 1] += 1;
        }
        for kind in 0..kind_count {
            starts[kind + 1] += starts[kind];
        }
        let mut next = starts.clone();
        let mut nodes = vec![scope; starts[kind_count]];
        for node in scope.descendants().filter(indexed) {
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

#[cfg(test)]
mod tests {
    use tripline_pattern::SyntaxTree;
    use tripline_rule::{load_pattern, RuleSet};

    use super::*;

    fn matched_lines(pattern: &str, code: &str) -> Vec<usize> {
        let mut ruleset = RuleSet::default();
        assert!(load_pattern(pattern, &mut ruleset).is_empty());
        let tree = SyntaxTree::parse(code).unwrap();
        let names = FileIndex::build(tree.root(), code.as_bytes(), None);
        let dispatch = Dispatch::new(&ruleset);
        let matches = LazyMatches::new(&ruleset, &dispatch, tree.root(), code.as_bytes(), &names);
        matches
            .get(0)
            .iter()
            .map(|m| code[..m.range.start].matches('\n').count() + 1)
            .collect()
    }

    /// Error nodes have a kind beyond the grammar's; indexing a broken file
    /// must not trip over it.
    #[test]
    fn files_with_syntax_errors_are_indexed() {
        let code = "eval(x)\nclass\n";
        let tree = SyntaxTree::parse(code).unwrap();
        let kind_count = python::language().node_kind_count();
        assert!(tree
            .nodes()
            .any(|n| n.is_named() && usize::from(n.kind_id()) >= kind_count));
        assert_eq!(matched_lines("eval($X)", code), [1]);
        assert_eq!(matched_lines("$F($X)", code), [1]);
        assert!(!matched_lines("$X", code).is_empty());
    }

    /// Calls are found by the name they spell and by what it means.
    #[test]
    fn calls_dispatched_by_name_and_by_import() {
        let code = "import yaml as y\nfrom yaml import load\ny.load(a)\nload(b)\nyaml.load(c)\nother.load(d)\n";
        assert_eq!(matched_lines("yaml.load(...)", code), [3, 4, 5]);
    }
}
