//! `tripline explain`: how one rule fared on one file, step by step: what
//! each pattern matched, which negation or condition removed a candidate,
//! and what was left. It runs the same evaluation steps as a scan
//! (`evaluate.rs`), only recording what each one did.

use tripline_pattern::names::module_path;
use tripline_pattern::{Match, SyntaxTree};
use tripline_rule::{Condition, Formula, NegationKind, Requirement, RuleSet};

use crate::evaluate::{self, evaluate, FileContext};
use crate::report::{Finding, Position};
use crate::scan::{self, LineIndex, Prepared};

/// What a rule did on one file.
#[derive(Debug)]
pub struct Explanation {
    pub rule_id: String,
    /// The literals a file must contain for the rule to run on it at all.
    pub requirement: Requirement,
    pub requirement_met: bool,
    /// The formula as a tree, with what each part matched.
    pub root: Step,
    pub findings: Vec<Finding>,
}

/// One part of a rule's formula.
#[derive(Debug)]
pub struct Step {
    /// The key and its pattern, e.g. `pattern-not: eval("...")`.
    pub label: String,
    /// What this part matched (for a `patterns` or `pattern-either`: what
    /// it produced).
    pub matched: Vec<Spot>,
    /// Candidates this part removed (negations and conditions).
    pub removed: Vec<Spot>,
    pub children: Vec<Step>,
}

/// A place in the file, with the code and bindings there.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub start: Position,
    pub end: Position,
    /// The first line of the matched code.
    pub code: String,
    /// `($NAME, code)` for each metavariable bound.
    pub bindings: Vec<(String, String)>,
}

/// Explains rule `rule_index` of `ruleset` on a file's `text`. With
/// `line`, only places that span that line are listed.
pub fn explain(
    ruleset: &RuleSet,
    rule_index: usize,
    path: &str,
    text: &str,
    line: Option<usize>,
) -> Option<Explanation> {
    let rule = ruleset.rules.get(rule_index)?;
    let prepared = Prepared::unrestricted(ruleset);
    let tree = SyntaxTree::parse(text)?;
    let lines = LineIndex::new(text);
    let requirement = rule.requirement(&ruleset.patterns);
    let explainer = Explainer {
        ruleset,
        text,
        lines: &lines,
        line,
    };
    let module = module_path(std::path::Path::new(path));
    let present = prepared.words_in(text);
    let (root, findings) = scan::with_file(
        &prepared,
        &tree,
        text,
        &present,
        module.as_deref(),
        |file| {
            let (root, _) = explainer.step(&rule.formula, "pattern", file);
            let findings: Vec<Finding> = evaluate(&rule.formula, file)
                .iter()
                .map(|c| scan::finding(rule, c, path, text, &lines))
                .filter(|f| line.is_none_or(|l| f.start.line <= l && l <= f.end.line))
                .collect();
            (root, findings)
        },
    );
    Some(Explanation {
        rule_id: rule.id.clone(),
        requirement_met: requirement.is_met_by(text),
        requirement,
        root,
        findings,
    })
}

struct Explainer<'a> {
    ruleset: &'a RuleSet,
    text: &'a str,
    lines: &'a LineIndex,
    line: Option<usize>,
}

impl Explainer<'_> {
    /// The step for `formula` written under `key`, and its matches.
    fn step<'t>(
        &self,
        formula: &Formula,
        key: &str,
        file: &FileContext<'_, 't>,
    ) -> (Step, Vec<Match<'t>>) {
        let named = |what: &str| {
            if key == "pattern" {
                what.to_owned()
            } else {
                format!("{key}: {what}")
            }
        };
        match formula {
            Formula::Pattern(index) => {
                let matches = evaluate::formula_matches(formula, file);
                let label = format!("{key}: {}", self.ruleset.patterns[*index].source().trim());
                (self.leaf(label, &matches), matches)
            }
            Formula::Regex(regex) => {
                let matches = evaluate::formula_matches(formula, file);
                let key = if key == "pattern" {
                    "pattern-regex"
                } else {
                    key
                };
                (
                    self.leaf(format!("{key}: {}", regex.as_str()), &matches),
                    matches,
                )
            }
            Formula::Either(alternatives) => {
                let mut children = Vec::new();
                let mut all = Vec::new();
                for alternative in alternatives {
                    let (child, matches) = self.step(alternative, "pattern", file);
                    children.push(child);
                    all.extend(matches);
                }
                let mut step = self.leaf(named("pattern-either"), &all);
                step.children = children;
                (step, all)
            }
            Formula::All(conjunction) => {
                let source = file.source;
                let mut children = Vec::new();
                let mut current: Option<Vec<Match<'t>>> = None;
                for positive in evaluate::ordered_positives(conjunction) {
                    let key = if positive.inside {
                        "pattern-inside"
                    } else {
                        "pattern"
                    };
                    let (child, matches) = self.step(&positive.formula, key, file);
                    children.push(child);
                    current = Some(match current {
                        None => matches,
                        Some(so_far) => {
                            evaluate::intersect(&so_far, &matches, positive.inside, source)
                        }
                    });
                }
                let mut current = current.unwrap_or_default();
                for negative in &conjunction.negatives {
                    let key = match negative.kind {
                        NegationKind::Not => "pattern-not",
                        NegationKind::NotInside => "pattern-not-inside",
                        NegationKind::NotRegex => "pattern-not-regex",
                    };
                    let (mut child, removing) = self.step(&negative.formula, key, file);
                    let (kept, removed) =
                        evaluate::negate(current, &removing, negative.kind, source);
                    child.removed = self.spots(&removed);
                    children.push(child);
                    current = kept;
                }
                for condition in &conjunction.conditions {
                    let (kept, removed) = evaluate::filter(current, condition, file);
                    let (label, children_of_condition) = match condition {
                        Condition::Regex {
                            metavariable,
                            written,
                            ..
                        } => (format!("metavariable-regex: ${metavariable} matches /{written}/ from its start"), Vec::new()),
                        Condition::Comparison {
                            expression,
                            metavariable: Some(name),
                            ..
                        } => (format!("metavariable-comparison: {} (reading ${name})", expression.text), Vec::new()),
                        Condition::Comparison { expression, .. } => (format!("where: {}", expression.text), Vec::new()),
                        Condition::Pattern { metavariable, formula } => {
                            // Shown over the whole file; a scan looks only inside
                            // what the metavariable bound.
                            let (inner, _) = self.step(formula, "pattern", file);
                            (format!("metavariable-pattern: inside ${metavariable}"), vec![inner])
                        }
                    };
                    children.push(Step {
                        label,
                        matched: Vec::new(),
                        removed: self.spots(&removed),
                        children: children_of_condition,
                    });
                    current = kept;
                }
                if !conjunction.focus.is_empty() {
                    current = evaluate::focus(current, &conjunction.focus);
                    let names: Vec<String> = conjunction
                        .focus
                        .iter()
                        .map(|item| {
                            item.iter()
                                .map(|n| format!("${n}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        })
                        .collect();
                    children.push(self.leaf(
                        format!("focus-metavariable: {}", names.join("; then ")),
                        &current,
                    ));
                }
                let mut step = self.leaf(named("patterns"), &current);
                step.children = children;
                (step, current)
            }
        }
    }

    fn leaf(&self, label: String, matches: &[Match<'_>]) -> Step {
        Step {
            label,
            matched: self.spots(matches),
            removed: Vec::new(),
            children: Vec::new(),
        }
    }

    /// The places of `matches`, in order, once each, limited to the line asked about.
    fn spots(&self, matches: &[Match<'_>]) -> Vec<Spot> {
        let source = self.text.as_bytes();
        let mut spots: Vec<Spot> = Vec::new();
        for m in matches {
            let start = self.lines.position(self.text, m.range.start);
            let end = self.lines.position(self.text, m.range.end);
            if self.line.is_some_and(|l| l < start.line || l > end.line) {
                continue;
            }
            let spot = Spot {
                start,
                end,
                code: self.text[m.range.clone()]
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
                bindings: m
                    .env
                    .iter()
                    .map(|(name, bound)| (format!("${name}"), bound.text(source).into_owned()))
                    .collect(),
            };
            if !spots.contains(&spot) {
                spots.push(spot);
            }
        }
        spots.sort_by_key(|s| (s.start, s.end));
        spots
    }
}
