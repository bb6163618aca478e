//! Taint rules in one file: their sources, sinks, sanitizers and
//! propagators are matched like search formulas ([`evaluate`]); when the
//! file has both a source and a sink match, the dataflow analysis
//! (`tripline_taint`) tells which sinks tainted data reaches, and each
//! becomes a finding at the sink, with the trace.

use std::collections::HashSet;
use std::ops::Range;

use tripline_rule::{Rule, Taint};
use tripline_taint::{
    analyze, Input, Matches, PropagatorMatch, SanitizerMatch, SinkMatch, SourceMatch, TaintedSink,
};

use crate::evaluate::{evaluate, Candidate, FileContext};
use crate::report::{DataflowTrace, Finding, TraceLocation};
use crate::scan::{finding, ScannedFile};

/// Characters of code a trace location shows at most.
const MAX_CONTENT: usize = 200;

/// The findings of a taint rule in a file: one per sink range that
/// tainted data reaches.
pub fn findings<'t>(
    rule: &Rule,
    taint: &Taint,
    file: &FileContext<'_, 't>,
    scanned: &ScannedFile<'_>,
) -> Vec<Finding> {
    let sources: Vec<SourceMatch<'_>> = taint
        .sources
        .iter()
        .flat_map(|source| {
            evaluate(&source.formula, file)
                .into_iter()
                .map(move |candidate| SourceMatch {
                    range: candidate.range,
                    label: &source.label,
                    exact: source.exact,
                    requires: source.requires.as_ref(),
                })
        })
        .collect();
    if sources.is_empty() {
        return Vec::new();
    }
    // The sinks' candidates are kept for the findings' metavariables.
    let sink_candidates: Vec<(Candidate<'t>, SinkMatch<'_>)> = taint
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
        .collect();
    if sink_candidates.is_empty() {
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
    let (candidates, sinks): (Vec<Candidate<'t>>, Vec<SinkMatch<'_>>) =
        sink_candidates.into_iter().unzip();
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
            let candidate = &candidates[tainted.sink];
            let mut found = finding(rule, candidate, scanned.path, scanned.text, scanned.lines);
            found.dataflow_trace = Some(trace(&tainted, &candidate.range, scanned));
            found
        })
        .collect()
}

fn trace(tainted: &TaintedSink, sink: &Range<usize>, scanned: &ScannedFile<'_>) -> DataflowTrace {
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
        source: location(&tainted.source),
        steps: tainted.steps.iter().map(location).collect(),
        sink: location(sink),
    }
}
