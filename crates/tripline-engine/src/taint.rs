//! Taint rules in one file: their sources, sinks, sanitizers and
//! propagators are matched like search formulas ([`evaluate`]); when the
//! file has both a source and a sink match, the dataflow analysis
//! (`tripline_taint`) tells which sinks tainted data reaches, and each
//! becomes a finding at the sink, with the trace.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use tripline_rule::{Rule, Taint};
use tripline_taint::{
    analyze, Input, Matches, PropagatorMatch, SanitizerMatch, SinkMatch, SourceMatch, TaintedSink,
};

use crate::evaluate::{evaluate, Candidate, FileContext};
use crate::matches::TaintedMatch;
use crate::report::{DataflowTrace, Finding, TraceLocation};
use crate::scan::{finding, ScannedFile};

/// Characters of code a trace location shows at most.
const MAX_CONTENT: usize = 200;

/// The findings of a taint rule in a file: one per sink range that
/// tainted data reaches.
pub fn findings(
    rule: &Rule,
    taint: &Taint,
    file: &FileContext<'_, '_>,
    scanned: &ScannedFile<'_>,
) -> Vec<Finding> {
    file.matches
        .taint(taint, || tainted_sinks(taint, file, scanned))
        .into_iter()
        .map(|(candidate, trace)| {
            let mut found = finding(rule, &candidate, scanned.path, scanned.text, scanned.lines);
            found.dataflow_trace = Some(trace);
            found
        })
        .collect()
}

/// The sinks tainted data reaches, each once, with the bindings of the
/// sink and of the source, and the trace.
fn tainted_sinks<'t>(
    taint: &Taint,
    file: &FileContext<'_, 't>,
    scanned: &ScannedFile<'_>,
) -> Vec<TaintedMatch<'t>> {
    // Sinks first: they are usually calls found by name, cheaper to match
    // than sources (a view's parameters), and most files have none.
    let (candidates, sinks): (Vec<Candidate<'t>>, Vec<SinkMatch<'_>>) = taint
        .sinks
        .iter()
        .flat_map(|sink| {
            evaluate(&sink.formula, file)
                .into_iter()
                .map(move |candidate| {
                    let range = candidate.range.clone();
                    let matched = SinkMatch {
                        range,
                        exact: sink.exact,
                        requires: sink.requires.as_ref(),
                    };
                    (candidate, matched)
                })
        })
        .unzip();
    if sinks.is_empty() {
        return Vec::new();
    }
    // The candidates are kept for the findings' metavariables: those of
    // the sink, and of the source the data came from.
    let (source_candidates, sources): (Vec<Candidate<'t>>, Vec<SourceMatch<'_>>) = taint
        .sources
        .iter()
        .flat_map(|source| {
            evaluate(&source.formula, file)
                .into_iter()
                .map(move |candidate| {
                    let matched = SourceMatch {
                        range: candidate.range.clone(),
                        label: &source.label,
                        exact: source.exact,
                        requires: source.requires.as_ref(),
                    };
                    (candidate, matched)
                })
        })
        .unzip();
    if sources.is_empty() {
        return Vec::new();
    }
    let sanitizers = taint
        .sanitizers
        .iter()
        .flat_map(|sanitizer| {
            evaluate(&sanitizer.formula, file)
                .into_iter()
                .map(|candidate| SanitizerMatch {
                    range: candidate.range,
                    by_side_effect: sanitizer.by_side_effect,
                    exact: sanitizer.exact,
                })
        })
        .collect();
    let propagators = taint
        .propagators
        .iter()
        .flat_map(|propagator| {
            evaluate(&propagator.formula, file)
                .into_iter()
                .filter_map(|candidate| {
                    let from = candidate.env.get(&propagator.from)?.range();
                    let to = candidate.env.get(&propagator.to)?.range();
                    Some(PropagatorMatch {
                        range: candidate.range.clone(),
                        from,
                        to,
                    })
                })
        })
        .collect();
    let matches = Matches {
        sources,
        sinks,
        sanitizers,
        propagators,
    };
    let input = Input {
        root: file.root,
        source: file.source,
        matches: &matches,
        options: taint.options,
    };
    let mut reported: HashSet<Range<usize>> = HashSet::new();
    analyze(&input)
        .into_iter()
        .filter(|tainted| reported.insert(matches.sinks[tainted.sink].range.clone()))
        .map(|tainted| {
            let sink = &candidates[tainted.sink];
            let source = &source_candidates[tainted.source];
            // As in Semgrep, the message may name the source's
            // metavariables too; the sink's win where both bind a name.
            let mut env = sink.env.clone();
            for (name, bound) in source.env.iter() {
                env.bind(&Arc::from(name), bound.clone(), file.source);
            }
            let candidate = Candidate {
                range: sink.range.clone(),
                env,
            };
            let trace = trace(&tainted, &source.range, &sink.range, scanned);
            (candidate, trace)
        })
        .collect()
}

fn trace(
    tainted: &TaintedSink,
    source: &Range<usize>,
    sink: &Range<usize>,
    scanned: &ScannedFile<'_>,
) -> DataflowTrace {
    let location = |range: &Range<usize>| {
        let text = scanned.text.get(range.clone()).unwrap_or_default();
        let first_line = text.lines().next().unwrap_or_default();
        TraceLocation {
            start: scanned.lines.position(scanned.text, range.start),
            end: scanned.lines.position(scanned.text, range.end),
            content: first_line.chars().take(MAX_CONTENT).collect(),
        }
    };
    DataflowTrace {
        source: location(source),
        steps: tainted.steps.iter().map(location).collect(),
        sink: location(sink),
    }
}
