//! tripline's taint analysis: does data from a source reach a sink without
//! passing a sanitizer?
//!
//! The engine finds where a taint rule's sources, sinks, sanitizers and
//! propagators match in a file (byte ranges, [`Matches`]); this crate
//! follows the data between them. Each function (and the module's top
//! level) gets a control-flow graph ([`cfg`]); the tainted access paths
//! at each point ([`fact`]) are computed to a fixpoint over it
//! ([`analysis`]), one expression at a time ([`transfer`], [`calls`]).
//! Calls of functions and methods the file defines use their summary
//! (which parameters reach the return value, a sink, or another
//! parameter), computed when first needed.
//!
//! Every walk is iterative or bounded in depth, and the fixpoint checks
//! the matching deadline ([`tripline_pattern::deadline`]).

mod analysis;
mod calls;
pub mod cfg;
pub mod constant;
pub mod fact;
mod functions;
mod index;
mod transfer;

use std::ops::Range;

use tripline_pattern::Node;
use tripline_rule::{LabelExpression, TaintOptions};

pub use analysis::analyze;

/// The maps and sets of the analysis: keyed by names and byte ranges,
/// asked at every expression, where SipHash's DoS resistance buys nothing.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// Where a rule's taint parts matched in one file.
#[derive(Debug, Default)]
pub struct Matches<'r> {
    pub sources: Vec<SourceMatch<'r>>,
    pub sinks: Vec<SinkMatch<'r>>,
    pub sanitizers: Vec<SanitizerMatch>,
    pub propagators: Vec<PropagatorMatch>,
}

#[derive(Debug)]
pub struct SourceMatch<'r> {
    pub range: Range<usize>,
    pub label: &'r str,
    /// Only the matched expression is tainted, not those inside it.
    pub exact: bool,
    pub requires: Option<&'r LabelExpression>,
}

#[derive(Debug)]
pub struct SinkMatch<'r> {
    pub range: Range<usize>,
    /// Only the matched expression's own taint counts (else, for a call,
    /// that of its arguments).
    pub exact: bool,
    pub requires: Option<&'r LabelExpression>,
}

#[derive(Debug)]
pub struct SanitizerMatch {
    pub range: Range<usize>,
    pub by_side_effect: bool,
    pub exact: bool,
}

#[derive(Debug)]
pub struct PropagatorMatch {
    pub range: Range<usize>,
    /// What the propagator's `from` and `to` metavariables bound.
    pub from: Range<usize>,
    pub to: Range<usize>,
}

/// A sink that tainted data reaches, and how it got there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaintedSink {
    /// Index in [`Matches::sinks`].
    pub sink: usize,
    /// The source match the data came from (its index in
    /// [`Matches::sources`]).
    pub source: usize,
    /// Where it passed on the way, in order: the variables it was assigned
    /// to, the calls it went through.
    pub steps: Vec<Range<usize>>,
}

/// The options and matches the analysis of one file works with.
pub struct Input<'a, 'r, 't> {
    pub root: Node<'t>,
    pub source: &'a [u8],
    pub matches: &'a Matches<'r>,
    pub options: TaintOptions,
}

#[cfg(test)]
mod tests;
