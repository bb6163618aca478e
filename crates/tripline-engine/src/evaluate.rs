//! Formula evaluation: combining the matches of a rule's patterns with
//! Semgrep's semantics for `patterns`, `pattern-either`, `pattern-inside`,
//! `pattern-not*`, `metavariable-regex` and `focus-metavariable`.

use std::ops::Range;
use std::sync::Arc;

use regex::Regex;
use tripline_pattern::{Bound, Env, Match};
use tripline_rule::{Condition, Conjunction, Formula, NegationKind, Positive};

/// What evaluation needs to know about one file.
pub struct FileContext<'a, 't> {
    pub source: &'a [u8],
    pub text: &'a str,
    /// The matches of every pattern of the rule set in this file, by pattern index.
    pub pattern_matches: &'a [Vec<Match<'t>>],
}

/// A candidate finding: a range and its bindings.
pub type Candidate<'t> = Match<'t>;

/// Every match of `formula` in the file, deduplicated by range and sorted.
pub fn evaluate<'t>(formula: &Formula, file: &FileContext<'_, 't>) -> Vec<Candidate<'t>> {
    let mut candidates = formula_matches(formula, file);
    candidates.sort_by_key(|c| (c.range.start, c.range.end));
    candidates.dedup_by_key(|c| c.range.clone());
    candidates
}

/// Every match of `formula`, before deduplication.
pub fn formula_matches<'t>(formula: &Formula, file: &FileContext<'_, 't>) -> Vec<Candidate<'t>> {
    match formula {
        Formula::Pattern(index) => file.pattern_matches[*index].clone(),
        Formula::Regex(regex) => regex_matches(regex, file.text),
        Formula::Either(alternatives) => alternatives
            .iter()
            .flat_map(|f| formula_matches(f, file))
            .collect(),
        Formula::All(conjunction) => conjunction_matches(conjunction, file),
    }
}

/// `pattern-regex`: each match of the regex in the whole file; named and
/// numbered groups bind metavariables (`(?P<HOST>...)` binds `$HOST`).
fn regex_matches<'t>(regex: &Regex, text: &str) -> Vec<Candidate<'t>> {
    let names: Vec<Option<Arc<str>>> = regex
        .capture_names()
        .enumerate()
        .map(|(i, name)| match (i, name) {
            (0, _) => None,
            (_, Some(name)) => Some(Arc::from(name)),
            (i, None) => Some(Arc::from(i.to_string())),
        })
        .collect();
    regex
        .captures_iter(text)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            let mut env = Env::default();
            for (i, name) in names.iter().enumerate() {
                if let (Some(name), Some(group)) = (name, captures.get(i)) {
                    env.bind(name, Bound::Text(group.range()), text.as_bytes());
                }
            }
            Some(Match {
                range: whole.range(),
                env,
            })
        })
        .collect()
}

fn conjunction_matches<'t>(
    conjunction: &Conjunction,
    file: &FileContext<'_, 't>,
) -> Vec<Candidate<'t>> {
    let mut positives = ordered_positives(conjunction);
    let Some(first) = positives.next() else {
        return Vec::new();
    };
    let mut current = formula_matches(&first.formula, file);
    for positive in positives {
        if current.is_empty() {
            return current;
        }
        let others = formula_matches(&positive.formula, file);
        current = intersect(&current, &others, positive.inside, file.source);
    }
    for negative in &conjunction.negatives {
        if current.is_empty() {
            break;
        }
        let removing = formula_matches(&negative.formula, file);
        current = negate(current, &removing, negative.kind, file.source).0;
    }
    for condition in &conjunction.conditions {
        current = filter(current, condition, file.source).0;
    }
    focus(current, &conjunction.focus)
}

/// The positives in evaluation order: plain ones decide the ranges;
/// `pattern-inside` only constrains them, unless there is nothing else.
pub fn ordered_positives(conjunction: &Conjunction) -> impl Iterator<Item = &Positive> {
    let (plain, inside): (Vec<_>, Vec<_>) = conjunction.positives.iter().partition(|p| !p.inside);
    plain.into_iter().chain(inside)
}

/// Candidates that lie inside (or, unless `inside`, contain) a match of the
/// next positive, with both environments merged; the smaller range is kept.
pub fn intersect<'t>(
    current: &[Candidate<'t>],
    others: &[Candidate<'t>],
    inside: bool,
    source: &[u8],
) -> Vec<Candidate<'t>> {
    let mut next = Vec::new();
    for candidate in current {
        for other in others {
            let kept = if contains(&other.range, &candidate.range) {
                &candidate.range
            } else if !inside && contains(&candidate.range, &other.range) {
                &other.range
            } else {
                continue;
            };
            if let Some(env) = candidate.env.merge(&other.env, source) {
                next.push(Match {
                    range: kept.clone(),
                    env,
                });
            }
        }
    }
    next
}

/// Splits candidates into those a negation keeps and those it removes:
/// `pattern-not` removes the same range, `pattern-not-inside` and
/// `pattern-not-regex` a range inside a match; metavariables must agree.
pub fn negate<'t>(
    current: Vec<Candidate<'t>>,
    removing: &[Candidate<'t>],
    kind: NegationKind,
    source: &[u8],
) -> (Vec<Candidate<'t>>, Vec<Candidate<'t>>) {
    current.into_iter().partition(|candidate| {
        !removing.iter().any(|n| {
            let hit = match kind {
                NegationKind::Not => n.range == candidate.range,
                NegationKind::NotInside | NegationKind::NotRegex => {
                    contains(&n.range, &candidate.range)
                }
            };
            hit && candidate.env.compatible(&n.env, source)
        })
    })
}

/// Splits candidates into those that meet a condition and those that do not.
pub fn filter<'t>(
    current: Vec<Candidate<'t>>,
    condition: &Condition,
    source: &[u8],
) -> (Vec<Candidate<'t>>, Vec<Candidate<'t>>) {
    current
        .into_iter()
        .partition(|candidate| holds(condition, &candidate.env, source))
}

/// `focus-metavariable`: each candidate's range becomes what the names bound.
pub fn focus<'t>(current: Vec<Candidate<'t>>, names: &[String]) -> Vec<Candidate<'t>> {
    if names.is_empty() {
        return current;
    }
    current
        .into_iter()
        .flat_map(|candidate| {
            names
                .iter()
                .filter_map(|name| candidate.env.get(name).map(Bound::range))
                .map(|range| Match {
                    range,
                    env: candidate.env.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn holds(condition: &Condition, env: &Env<'_>, source: &[u8]) -> bool {
    match condition {
        Condition::Regex {
            metavariable,
            regex,
            ..
        } => env
            .get(metavariable)
            .is_some_and(|bound| regex.is_match(&bound.text(source))),
    }
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}
