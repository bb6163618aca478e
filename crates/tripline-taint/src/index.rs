//! The engine's matches, indexed for the questions the analysis asks of
//! every expression it evaluates: is it a source, a sanitizer, a sink?

use std::ops::Range;

use tripline_pattern::Node;

use crate::analysis::nodes_for;
use crate::{HashMap, HashSet, Matches};

pub struct MatchIndex {
    /// Sources by the range they matched.
    pub sources_at: HashMap<Range<usize>, Vec<usize>>,
    /// Sources (not `exact`) that matched a statement or a block: every
    /// expression inside is tainted.
    pub region_sources: Vec<usize>,
    /// Sinks by the id of the nodes they matched.
    pub sinks_at: HashMap<usize, Vec<usize>>,
    /// The ranges of the sanitizers not by side effect.
    pub sanitized: HashSet<Range<usize>>,
    /// Those sanitizers (not `exact`) that matched a statement or a block:
    /// they clean every expression inside, not only a value. A sanitizer
    /// matching an expression (`len(...)`) cleans its value only, so a
    /// sink inside it (`len(db.execute(q))`) still sees its argument's
    /// taint.
    pub region_sanitizers: Vec<Range<usize>>,
}

impl MatchIndex {
    pub fn new(root: Node<'_>, matches: &Matches<'_>) -> Self {
        let mut sources_at: HashMap<Range<usize>, Vec<usize>> = HashMap::default();
        let mut region_sources = Vec::new();
        for (i, source) in matches.sources.iter().enumerate() {
            sources_at.entry(source.range.clone()).or_default().push(i);
            if !source.exact && is_region(root, &source.range) {
                region_sources.push(i);
            }
        }
        let mut sinks_at: HashMap<usize, Vec<usize>> = HashMap::default();
        for (i, sink) in matches.sinks.iter().enumerate() {
            for node in nodes_for(root, &sink.range) {
                sinks_at.entry(node.id()).or_default().push(i);
            }
        }
        let cleaning = matches.sanitizers.iter().filter(|s| !s.by_side_effect);
        let sanitized = cleaning.clone().map(|s| s.range.clone()).collect();
        let region_sanitizers = cleaning
            .filter(|s| !s.exact && is_region(root, &s.range))
            .map(|s| s.range.clone())
            .collect();
        MatchIndex {
            sources_at,
            region_sources,
            sinks_at,
            sanitized,
            region_sanitizers,
        }
    }
}

/// Whether a match covers a statement or a block rather than an
/// expression.
fn is_region(root: Node<'_>, range: &Range<usize>) -> bool {
    nodes_for(root, range).iter().any(|n| {
        n.kind().ends_with("statement")
            || n.kind().ends_with("clause")
            || matches!(
                n.kind(),
                "block"
                    | "module"
                    | "function_definition"
                    | "class_definition"
                    | "decorated_definition"
            )
    })
}

/// Whether `outer` contains `inner`.
pub fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}
