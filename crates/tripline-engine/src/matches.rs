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

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use tripline_pattern::python::{self, KINDS};
use tripline_pattern::{
    callee_names, exact_strings, start_texts, Bound, CalleePart, FileIndex, Match, Node, NodeNames,
    Pattern,
};
use tripline_rule::{Condition, Formula, RuleSet, Taint, Word};

use crate::evaluate::regex_accepts;
use crate::report::DataflowTrace;
use crate::sharing::SharedFormulas;
use crate::slots::Slots;
use crate::words::{Needed, Present, Words};

/// How each pattern is dispatched, worked out once per rule set.
pub struct Dispatch {
    /// Per pattern: the slot its matches are kept in. Patterns written the
    /// same way (same text, options and dispatch) share a slot, so a
    /// pattern that several rules use (a common `pattern-inside`, or a
    /// copied rule) is matched once per file, not once per rule.
    slots: Vec<usize>,
    slot_count: usize,
    /// Formulas that several rules share, evaluated once per file.
    formulas: SharedFormulas,
    /// Per pattern: `metavariable-regex` conditions its matches must pass
    /// (see [`Restrictions`]).
    filters: Vec<Vec<(String, Regex)>>,
    /// Per pattern: the ids of the words ([`Words`]) a file must contain
    /// for the pattern to match in it.
    words: Vec<Vec<usize>>,
    /// Per regex searched over the file's text, by address
    /// ([`Words::regex_needs`]): the words a file must contain for it to
    /// match.
    regexes: HashMap<usize, Needed>,
    /// Per pattern: the node kinds its root can match (`None`: any).
    kinds: Vec<Option<Vec<u16>>>,
    /// Per pattern: the names a node must be known by for the pattern to be
    /// tried on it (any one of them), hashed; `None`: every node of its kinds.
    names: Vec<Option<(NameKind, Vec<u64>)>>,
    /// Kinds of the nodes some pattern looks up by dotted name.
    dotted_kinds: Vec<bool>,
    /// Per [`NameKind::slot`]: every name hash some pattern looks up. Only
    /// these are indexed: most names in a file are asked for by no rule.
    requested: [NameSet; NAME_KINDS],
    /// Per bare-metavariable pattern (`$X`) whose `metavariable-regex`
    /// fixes how the node's text starts ([`start_texts`]): those texts, to
    /// find the only nodes it can match by searching the file's text.
    starts: Vec<Option<AhoCorasick>>,
}

/// Which names a node is indexed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NameKind {
    /// The dotted name a call's callee or a name spells or means
    /// ([`NodeNames`], for [`Pattern::root_name`]).
    Dotted,
    /// The texts a `metavariable-regex` sees of a call's callee or its
    /// attribute ([`callee_names`], for [`Restrictions`]).
    Callee(CalleePart),
    /// What a call's callee is an attribute of, as spelled or meant
    /// ([`NodeNames::receivers`], for [`Pattern::receiver_name`]).
    Receiver,
}

/// How many kinds of name there are.
const NAME_KINDS: usize = 4;

impl NameKind {
    fn slot(self) -> usize {
        match self {
            NameKind::Dotted => 0,
            NameKind::Callee(CalleePart::Whole) => 1,
            NameKind::Callee(CalleePart::Attribute) => 2,
            NameKind::Receiver => 3,
        }
    }
}

/// Names are looked up by a hash of their text: the index only narrows
/// which nodes a pattern is tried on, so a collision costs a failed try,
/// never a wrong match. The seed is random per process, so a file cannot
/// be written to make its names collide.
static NAME_HASHER: LazyLock<foldhash::fast::RandomState> = LazyLock::new(Default::default);

/// Nodes by the hash of a name they are known by, each list in tree order.
type NameIndex<'t> = HashMap<u64, Vec<Node<'t>>, foldhash::fast::FixedState>;

/// Name hashes (see [`name_hash`]).
type NameSet = std::collections::HashSet<u64, foldhash::fast::FixedState>;

/// Node ids already visited by a walk up the tree.
type Seen = std::collections::HashSet<usize, foldhash::fast::FixedState>;

fn name_hash(name: &str) -> u64 {
    NAME_HASHER.hash_one(name)
}

impl Dispatch {
    /// With `restrict`, patterns are narrowed by the conditions around them
    /// ([`Restrictions`]); without, each pattern finds all its matches, as
    /// `explain` shows them.
    pub fn new(ruleset: &RuleSet, words: &Words, restrict: bool) -> Self {
        let mut dotted_kinds = vec![false; python::language().node_kind_count()];
        let mut kinds = Vec::with_capacity(ruleset.patterns.len());
        let mut names = vec![None; ruleset.patterns.len()];
        for (index, pattern) in ruleset.patterns.iter().enumerate() {
            let root_kinds = pattern.root_kinds();
            if let (Some(root_kinds), Some(name)) = (&root_kinds, pattern.root_name()) {
                for &kind in root_kinds {
                    dotted_kinds[usize::from(kind)] = true;
                }
                names[index] = Some((NameKind::Dotted, vec![name_hash(name)]));
            } else if let Some(method) = pattern.method_name() {
                let part = NameKind::Callee(CalleePart::Attribute);
                names[index] = Some((part, vec![name_hash(method)]));
            } else if let Some(receiver) = pattern.receiver_name() {
                names[index] = Some((NameKind::Receiver, vec![name_hash(receiver)]));
            }
            kinds.push(root_kinds);
        }
        let mut restrictions = Restrictions {
            names,
            filters: vec![Vec::new(); ruleset.patterns.len()],
            patterns: &ruleset.patterns,
        };
        for rule in ruleset.rules.iter().filter(|_| restrict) {
            rule.formulas().for_each(|f| restrictions.visit(f, &[]));
        }
        let Restrictions { names, filters, .. } = restrictions;
        let starts = ruleset
            .patterns
            .iter()
            .zip(&filters)
            .map(|(pattern, filters)| {
                let root = pattern.root_metavariable()?;
                let texts = filters
                    .iter()
                    .filter(|(name, _)| name == root)
                    .filter_map(|(_, regex)| start_texts(regex.as_str()))
                    .min_by_key(Vec::len)?;
                AhoCorasick::new(texts).ok()
            })
            .collect();
        let mut shared = HashMap::new();
        let slots: Vec<usize> = ruleset
            .patterns
            .iter()
            .enumerate()
            .map(|(index, pattern)| {
                let filtered: Vec<(&str, &str)> = filters[index]
                    .iter()
                    .map(|(name, regex)| (name.as_str(), regex.as_str()))
                    .collect();
                let key = (
                    pattern.source(),
                    pattern.options,
                    &kinds[index],
                    &names[index],
                    filtered,
                );
                let next = shared.len();
                *shared.entry(key).or_insert(next)
            })
            .collect();
        let regexes = words.regex_needs();
        let words = ruleset
            .patterns
            .iter()
            .map(|pattern| {
                let required = pattern.identifiers();
                required
                    .iter()
                    .filter_map(|w| words.id(&Word::exact(w)))
                    .collect()
            })
            .collect();
        let slot_count = shared.len();
        drop(shared);
        let mut requested: [NameSet; NAME_KINDS] = Default::default();
        for (kind, hashes) in names.iter().flatten() {
            requested[kind.slot()].extend(hashes);
        }
        Dispatch {
            filters,
            words,
            regexes,
            formulas: SharedFormulas::new(ruleset, &slots),
            slot_count,
            slots,
            kinds,
            names,
            dotted_kinds,
            requested,
            starts,
        }
    }
}

/// What the `metavariable-regex` conditions of the enclosing `patterns:`
/// tell about the matches of each pattern in a positive position: every
/// finding such a pattern contributes to must pass them, so a match whose
/// metavariable fails one can be dropped at once ([`Restrictions::filters`]);
/// and when the regex allows only a few exact names for a call's callee
/// (`$CUR.$EXECUTE(...)` with `^(execute|executemany)$`), the pattern need
/// only be tried on calls of those names ([`Restrictions::names`]).
/// Negations are never restricted: a negation that matched less would
/// remove fewer findings.
struct Restrictions<'r> {
    names: Vec<Option<(NameKind, Vec<u64>)>>,
    filters: Vec<Vec<(String, Regex)>>,
    patterns: &'r [Pattern],
}

impl<'r> Restrictions<'r> {
    /// `allowed` holds the regex conditions of the enclosing conjunctions.
    fn visit(&mut self, formula: &Formula, allowed: &[(&str, &Regex)]) {
        match formula {
            Formula::Pattern(index) => self.restrict(*index, allowed),
            Formula::Regex(_) => {}
            Formula::Either(alternatives) => {
                alternatives.iter().for_each(|f| self.visit(f, allowed));
            }
            Formula::All(conjunction) => {
                let mut inner = allowed.to_vec();
                for condition in &conjunction.conditions {
                    if let Condition::Regex {
                        metavariable,
                        regex,
                        ..
                    } = condition
                    {
                        inner.push((metavariable.as_str(), regex));
                    }
                }
                for positive in &conjunction.positives {
                    self.visit(&positive.formula, &inner);
                }
                for negative in &conjunction.negatives {
                    self.visit(&negative.formula, &[]);
                }
            }
        }
    }

    fn restrict(&mut self, index: usize, allowed: &[(&str, &Regex)]) {
        let pattern = &self.patterns[index];
        let bound = pattern.metavariables();
        self.filters[index] = allowed
            .iter()
            .filter(|(name, _)| bound.iter().any(|b| b == name))
            .map(|(name, regex)| ((*name).to_owned(), (*regex).clone()))
            .collect();
        let Some((metavariable, part)) = pattern.callee_metavariable() else {
            return;
        };
        let narrowest = allowed
            .iter()
            .filter(|(name, _)| *name == metavariable)
            .filter_map(|(_, regex)| exact_strings(regex.as_str()))
            .min_by_key(Vec::len);
        if let Some(names) = narrowest {
            let hashes = names.iter().map(|n| name_hash(n)).collect();
            self.names[index] = Some((NameKind::Callee(part), hashes));
        }
    }
}

/// The matches of a rule set's patterns inside one node (the whole file,
/// or what a metavariable bound), computed on demand.
pub struct LazyMatches<'a, 't> {
    patterns: &'a [Pattern],
    dispatch: &'a Dispatch,
    scope: Node<'t>,
    text: &'a str,
    source: &'a [u8],
    names: &'a FileIndex<'t>,
    /// The required words in the file.
    present: &'a Present,
    by_kind: OnceCell<KindIndex<'t>>,
    /// By [`NameKind::slot`].
    by_name: [OnceCell<NameIndex<'t>>; NAME_KINDS],
    /// By [`Dispatch::slots`].
    matches: Slots<Vec<Match<'t>>>,
    /// The results of shared formulas, by [`SharedFormulas::id`].
    formulas: Slots<Vec<Match<'t>>>,
    /// The tainted sinks of shared taint analyses, by
    /// [`SharedFormulas::taint_id`].
    taint: Slots<Vec<TaintedMatch<'t>>>,
}

/// A sink that tainted data reaches (with the bindings of the sink and of
/// the source), and how the data got there.
pub type TaintedMatch<'t> = (Match<'t>, DataflowTrace);

impl<'a, 't> LazyMatches<'a, 't> {
    pub fn new(
        ruleset: &'a RuleSet,
        dispatch: &'a Dispatch,
        scope: Node<'t>,
        text: &'a str,
        names: &'a FileIndex<'t>,
        present: &'a Present,
    ) -> Self {
        LazyMatches {
            patterns: &ruleset.patterns,
            dispatch,
            scope,
            text,
            source: text.as_bytes(),
            names,
            present,
            by_kind: OnceCell::new(),
            by_name: Default::default(),
            matches: Slots::new(dispatch.slot_count),
            formulas: Slots::new(dispatch.formulas.count()),
            taint: Slots::new(dispatch.formulas.taint_count()),
        }
    }

    /// The same patterns, searched only inside `node`.
    pub fn within(&self, node: Node<'t>) -> LazyMatches<'a, 't> {
        LazyMatches {
            scope: node,
            by_kind: OnceCell::new(),
            by_name: Default::default(),
            matches: self.matches.empty_like(),
            formulas: self.formulas.empty_like(),
            taint: self.taint.empty_like(),
            ..*self
        }
    }

    /// Every match of the pattern (by index in the rule set) in the scope,
    /// in the order of the nodes they are at.
    pub fn get(&self, pattern: usize) -> &[Match<'t>] {
        self.matches
            .get_or_init(self.dispatch.slots[pattern], || self.compute(pattern))
    }

    /// The matches of `formula`: computed by `evaluate`, or, when another
    /// rule has the same formula, the result it already computed.
    pub fn formula(
        &self,
        formula: &Formula,
        evaluate: impl FnOnce() -> Vec<Match<'t>>,
    ) -> Vec<Match<'t>> {
        match self.dispatch.formulas.id(formula) {
            Some(id) => self.formulas.get_or_init(id, evaluate).clone(),
            None => evaluate(),
        }
    }

    /// The tainted sinks of a taint rule: computed by `analyze`, or, when
    /// another rule has the same parts, the result it already computed.
    pub fn taint(
        &self,
        taint: &Taint,
        analyze: impl FnOnce() -> Vec<TaintedMatch<'t>>,
    ) -> Vec<TaintedMatch<'t>> {
        match self.dispatch.formulas.taint_id(taint) {
            Some(id) => self.taint.get_or_init(id, analyze).clone(),
            None => analyze(),
        }
    }

    /// The formula's matches if another rule has the same formula and its
    /// result is known already.
    pub fn formula_if_known(&self, formula: &Formula) -> Option<Vec<Match<'t>>> {
        let id = self.dispatch.formulas.id(formula)?;
        self.formulas.get(id).cloned()
    }

    /// The matches of the pattern that can lie around a range of `around`:
    /// those at its nodes only ([`Around`]), unless every match is known
    /// already. In the order of [`LazyMatches::get`], as a subsequence of
    /// it that keeps every match containing one of the ranges.
    pub fn get_around(&self, index: usize, around: &Around<'t>) -> Cow<'_, [Match<'t>]> {
        let pattern = &self.patterns[index];
        if let Some(known) = self.matches.get(self.dispatch.slots[index]) {
            return Cow::Borrowed(known);
        }
        if pattern.credits_ancestors() || !self.has_words(index) {
            return Cow::Borrowed(self.get(index));
        }
        let kinds = &self.dispatch.kinds[index];
        let mut nodes: Vec<Node<'t>> = around
            .nodes
            .iter()
            .filter(|node| kinds.as_ref().is_none_or(|k| k.contains(&node.kind_id())))
            .copied()
            .collect();
        if let Some(named) = self.named_nodes(index) {
            nodes.retain(|node| named.binary_search_by_key(&node.id(), Node::id).is_ok());
        }
        let mut out = Vec::new();
        for node in nodes {
            self.try_at(index, node, &mut out);
        }
        Cow::Owned(out)
    }

    /// The nodes around each of `ranges`, for [`LazyMatches::get_around`]:
    /// where a match containing one of them can be found.
    pub fn around(&self, ranges: impl Iterator<Item = Range<usize>>) -> Around<'t> {
        let mut nodes = Vec::new();
        let mut seen = Seen::default();
        for range in ranges {
            self.add_around(self.scope.innermost(&range), &mut nodes, &mut seen);
        }
        Around::new(nodes)
    }

    /// The nodes around each of `ranges` and inside it: where a match that
    /// contains one of them or lies inside one can be found. `None` when
    /// that is a large part of the scope, where trying every node of the
    /// pattern's kinds is cheaper.
    pub fn near(&self, ranges: impl Iterator<Item = Range<usize>>) -> Option<Around<'t>> {
        let inner: Vec<Node<'t>> = ranges.map(|r| self.scope.innermost(&r)).collect();
        let inside: usize = inner.iter().map(Node::subtree_size).sum();
        if inside.saturating_mul(4) > self.scope.subtree_size() {
            return None;
        }
        let mut nodes = Vec::with_capacity(inside);
        let mut seen = Seen::default();
        for node in inner {
            nodes.extend(node.descendants());
            self.add_around(node, &mut nodes, &mut seen);
        }
        Some(Around::new(nodes))
    }

    /// `node` and every node around it in the scope, up to the first one
    /// `seen` before (its ancestors were added with it): candidates nested
    /// 20,000 deep cost 20,000 steps, not 20,000 walks to the root.
    fn add_around(&self, mut node: Node<'t>, nodes: &mut Vec<Node<'t>>, seen: &mut Seen) {
        while seen.insert(node.id()) {
            nodes.push(node);
            // A match at a parenthesised node spans its parentheses.
            if node.kind_id() == KINDS.parenthesized_expression {
                nodes.push(python::unwrap_parens(node));
            }
            match node.parent() {
                Some(parent) if self.scope.contains(parent) => node = parent,
                _ => break,
            }
        }
    }

    /// The nodes a name-dispatched pattern is tried at, in tree order;
    /// `None` if the pattern is not dispatched by name.
    fn named_nodes(&self, index: usize) -> Option<Vec<Node<'t>>> {
        let (name_kind, names) = self.dispatch.names[index].as_ref()?;
        let kinds = &self.dispatch.kinds[index];
        let by_name = self.by_name(*name_kind);
        let mut nodes: Vec<Node<'t>> = names
            .iter()
            .filter_map(|name| by_name.get(name))
            .flatten()
            .copied()
            .filter(|node| kinds.as_ref().is_none_or(|k| k.contains(&node.kind_id())))
            .collect();
        if names.len() > 1 {
            // Several names: visit their nodes once each, in tree order.
            nodes.sort_by_key(Node::id);
            nodes.dedup();
        }
        Some(nodes)
    }

    /// Adds the matches of the pattern at `node` that pass its filters.
    fn try_at(&self, index: usize, node: Node<'t>, out: &mut Vec<Match<'t>>) {
        let pattern = &self.patterns[index];
        let filters = &self.dispatch.filters[index];
        if filters.is_empty() {
            pattern.matches_at(node, self.scope, self.source, Some(self.names), None, out);
            return;
        }
        let accepts = |name: &str, bound: &Bound<'t>| {
            filters
                .iter()
                .filter(|(filtered, _)| filtered == name)
                .all(|(_, regex)| regex_accepts(regex, bound, self.text, self.names))
        };
        // Before matching, some bindings are known to be one of a few
        // nodes: a bare `$X` binds the node itself, `$F(...)` the callee of
        // a call (without symbolic propagation, which could bind it through
        // a variable), and `$NAME` in `$F(..., $NAME=$VALUE, ...)` the name
        // of one of the call's keyword arguments. If the filters accept
        // none of them, the node cannot match.
        let accepted = |name: &str, bound: Node<'t>| accepts(name, &Bound::Node(bound));
        if let Some(name) = pattern.root_metavariable() {
            if !accepted(name, node) {
                return;
            }
        }
        if let Some((name, CalleePart::Whole)) = pattern.callee_metavariable() {
            let callee = node.child_by_field_name("function");
            if !pattern.options.symbolic_propagation
                && !callee.is_some_and(|callee| accepted(name, python::unwrap_parens(callee)))
            {
                return;
            }
        }
        let keyword_names = || {
            let arguments = node.child_by_field_name("arguments");
            arguments
                .into_iter()
                .flat_map(|list| list.named_children())
                .filter(|argument| argument.kind_id() == KINDS.keyword_argument)
                .filter_map(|argument| argument.child_by_field_name("name"))
        };
        if pattern
            .keyword_metavariables()
            .any(|name| !keyword_names().any(|keyword| accepted(name, keyword)))
        {
            return;
        }
        pattern.matches_at(
            node,
            self.scope,
            self.source,
            Some(self.names),
            Some(&accepts),
            out,
        );
    }

    /// Whether matching the pattern is cheap: it is only tried on nodes
    /// found by name (a callee's dotted name, or names a condition allows),
    /// or the file lacks its words.
    pub fn is_cheap(&self, index: usize) -> bool {
        self.dispatch.names[index].is_some() || !self.has_words(index)
    }

    /// Whether the pattern is a bare `$X`: it matches every node.
    pub fn is_bare_metavariable(&self, index: usize) -> bool {
        self.patterns[index].root_metavariable().is_some()
    }

    /// Whether the pattern's matches in the scope have been computed.
    #[cfg(test)]
    pub fn is_matched(&self, index: usize) -> bool {
        self.matches.get(self.dispatch.slots[index]).is_some()
    }

    /// Whether `regex` (searched over the file's text) may match: whether
    /// the file has its literal text.
    pub fn regex_may_match(&self, regex: &Regex) -> bool {
        self.dispatch
            .regexes
            .get(&(std::ptr::from_ref(regex) as usize))
            .is_none_or(|needed| self.present.meets(needed))
    }

    /// Whether the file has the words the pattern needs.
    fn has_words(&self, index: usize) -> bool {
        self.dispatch.words[index]
            .iter()
            .all(|&word| self.present.has(word))
    }

    fn compute(&self, index: usize) -> Vec<Match<'t>> {
        if !self.has_words(index) {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut try_at = |node: Node<'t>| self.try_at(index, node, &mut out);
        if let Some(nodes) = self.named_nodes(index) {
            nodes.into_iter().for_each(try_at);
            return out;
        }
        let kinds = &self.dispatch.kinds[index];
        if let Some(starts) = &self.dispatch.starts[index] {
            self.nodes_starting_with(starts)
                .filter(|node| kinds.as_ref().is_none_or(|k| k.contains(&node.kind_id())))
                .for_each(try_at);
            return out;
        }
        match kinds {
            None => self
                .scope
                .descendants()
                .filter(Node::is_named)
                .for_each(try_at),
            Some(kinds) => {
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

    /// The named nodes of the scope that start where one of `starts`
    /// occurs in its text, in tree order.
    fn nodes_starting_with(&self, starts: &AhoCorasick) -> impl Iterator<Item = Node<'t>> + '_ {
        let range = self.scope.byte_range();
        let mut offsets: Vec<usize> = starts
            .find_overlapping_iter(&self.source[range.clone()])
            .map(|hit| range.start + hit.start())
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        offsets
            .into_iter()
            .flat_map(|offset| self.scope.starting_at(offset))
            .filter(Node::is_named)
    }

    fn by_kind(&self) -> &KindIndex<'t> {
        self.by_kind.get_or_init(|| KindIndex::new(self.scope))
    }

    /// The nodes that can have names of this kind, by those names: calls
    /// and dotted names (for [`NameKind::Dotted`]), or calls.
    fn by_name(&self, kind: NameKind) -> &NameIndex<'t> {
        self.by_name[kind.slot()].get_or_init(|| {
            let mut index = NameIndex::default();
            let requested = &self.dispatch.requested[kind.slot()];
            let mut add = |node: Node<'t>, name: &str| {
                let hash = name_hash(name);
                if requested.contains(&hash) {
                    index.entry(hash).or_default().push(node);
                }
            };
            match kind {
                NameKind::Dotted => {
                    let dotted_kinds = &self.dispatch.dotted_kinds;
                    let candidates = self.scope.descendants().filter(|node| {
                        node.is_named()
                            && dotted_kinds
                                .get(usize::from(node.kind_id()))
                                .is_some_and(|dotted| *dotted)
                    });
                    for node in candidates {
                        for name in NodeNames::of(node, self.source, Some(self.names)).iter() {
                            add(node, name);
                        }
                    }
                }
                NameKind::Callee(part) => {
                    for &call in self.by_kind().of(KINDS.call) {
                        for name in callee_names(call, part, self.source, self.names) {
                            add(call, &name);
                        }
                    }
                }
                NameKind::Receiver => {
                    for &call in self.by_kind().of(KINDS.call) {
                        let names = NodeNames::of(call, self.source, Some(self.names));
                        for receiver in names.receivers() {
                            add(call, receiver);
                        }
                    }
                }
            }
            index
        })
    }
}

/// Nodes that a match containing some ranges can be found at: the
/// smallest node around each range and every node around that, in tree
/// order ([`LazyMatches::around`]); with [`LazyMatches::near`], also the
/// nodes inside it. A match found at a node lies within it (or its
/// parentheses), so a match containing a range is found at one of the
/// nodes around it, and a match inside a range at one of the nodes inside.
pub struct Around<'t> {
    nodes: Vec<Node<'t>>,
}

impl<'t> Around<'t> {
    fn new(mut nodes: Vec<Node<'t>>) -> Self {
        nodes.sort_by_key(Node::id);
        nodes.dedup();
        Around { nodes }
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
        let words = Words::new([], &ruleset);
        let present = words.present_in(code, None);
        let dispatch = Dispatch::new(&ruleset, &words, true);
        let matches = LazyMatches::new(&ruleset, &dispatch, tree.root(), code, &names, &present);
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

    /// A method call with any receiver is found by the method's name.
    #[test]
    fn calls_dispatched_by_method_name() {
        let code = "qs.extra(a)\nextra(b)\nx.y.extra(c)\n(qs).extra(d)\nqs.other(e)\n";
        assert_eq!(matched_lines("$QS.extra(...)", code), [1, 3, 4]);
        assert_eq!(matched_lines("$QS.y.extra(...)", code), [3]);
    }

    /// A call of any attribute of a module is found by what the callee
    /// is an attribute of, as spelled or meant through an import.
    #[test]
    fn calls_dispatched_by_receiver() {
        let code = "import requests.api as ra\nfrom requests import api\nfrom requests.api import get\nrequests.api.get(a)\nra.post(b)\napi.put(c)\nget(d)\n(requests . api).head(e)\nrequests.get(f)\nother.api.get(g)\nrequests.api.x.get(h)\n";
        assert_eq!(
            matched_lines("requests.api.$VERB(...)", code),
            [4, 5, 6, 7, 8]
        );
        assert_eq!(matched_lines("requests.$F(...)", code), [9]);
    }
}
