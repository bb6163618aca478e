//! Compiled rules: what the engine runs.

use regex::Regex;
use std::fmt;
use std::sync::Arc;

use miette::NamedSource;
use tripline_pattern::Pattern;

use crate::literals::Requirement;
use crate::taint::Taint;

use crate::condition::Expression;
use crate::paths::PathFilter;

/// Every rule loaded for a scan, with their patterns gathered in one list so
/// the engine can match all of them in a single traversal of each file.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// All patterns of all rules; [`Formula::Pattern`] holds an index here.
    pub patterns: Vec<Pattern>,
}

/// One rule.
#[derive(Debug)]
pub struct Rule {
    /// Exactly as written in the YAML.
    pub id: String,
    /// May mention metavariables (`$FUNC`), replaced by the code they bound.
    pub message: String,
    pub severity: Severity,
    pub metadata: std::sync::Arc<serde_json::Value>,
    /// A search rule's formula. A taint rule has none of its own (an empty
    /// `pattern-either`, which matches nothing): its parts are in `taint`.
    pub formula: Formula,
    /// The sources, sinks, sanitizers and propagators of a `mode: taint`
    /// rule.
    pub taint: Option<Box<Taint>>,
    pub paths: PathFilter,
    /// The `fix:` template, kept for output.
    pub fix: Option<String>,
    /// The `fix-regex:` replacement, kept for output.
    pub fix_regex: Option<FixRegex>,
    /// The rule file it came from, and where its id is written there, for
    /// diagnostics that point at the rule.
    pub source: Arc<NamedSource<String>>,
    pub id_offset: usize,
}

impl Rule {
    /// The words a file must contain for the rule to find anything in it.
    pub fn requirement(&self, patterns: &[Pattern]) -> Requirement {
        match &self.taint {
            Some(taint) => taint.requirement(patterns),
            None => Requirement::of(&self.formula, patterns),
        }
    }

    /// Every formula the rule evaluates: its own, or its taint parts'.
    pub fn formulas(&self) -> Box<dyn Iterator<Item = &Formula> + '_> {
        match &self.taint {
            Some(taint) => Box::new(taint.formulas()),
            None => Box::new(std::iter::once(&self.formula)),
        }
    }

    /// Adds `offset` to every pattern index of the rule's formulas (see
    /// [`Formula::renumber_patterns`]).
    pub fn renumber_patterns(&mut self, offset: usize) {
        self.formula.renumber_patterns(offset);
        if let Some(taint) = &mut self.taint {
            taint
                .formulas_mut()
                .for_each(|f| f.renumber_patterns(offset));
        }
    }
}

/// The Bandit test ids a rule's `metadata.bandit` names (a string or a
/// list): `--select B602`, per-file ignores and `# nosec B602` all name
/// rules by them.
pub fn bandit_ids(metadata: &serde_json::Value) -> impl Iterator<Item = &str> {
    let (one, many) = match &metadata["bandit"] {
        serde_json::Value::String(id) => (Some(id.as_str()), None),
        serde_json::Value::Array(ids) => (None, Some(ids.iter().filter_map(|i| i.as_str()))),
        _ => (None, None),
    };
    one.into_iter().chain(many.into_iter().flatten())
}

/// Whether `name` names the rule `id`: the id itself, or a prefix of it
/// ending at a dot (`python.flask` names `python.flask.debug-enabled`).
pub fn names_rule(name: &str, id: &str) -> bool {
    id.strip_prefix(name)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// Severity as written in the rule: Semgrep's levels and the CVSS-like ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Low,
    Warning,
    Medium,
    Error,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 7] = [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "INFO",
            Severity::Low => "LOW",
            Severity::Warning => "WARNING",
            Severity::Medium => "MEDIUM",
            Severity::Error => "ERROR",
            Severity::High => "HIGH",
            Severity::Critical => "CRITICAL",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        Severity::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The boolean structure of a search-mode rule.
#[derive(Debug)]
pub enum Formula {
    /// Index into [`RuleSet::patterns`].
    Pattern(usize),
    /// `pattern-regex`: a regex over the whole file; named groups bind
    /// metavariables.
    Regex(Regex),
    /// `pattern-either`: any of these.
    Either(Vec<Formula>),
    /// `patterns`: all of these, minus the negations, filtered by conditions.
    All(Conjunction),
}

impl Formula {
    /// Every regex searched over the file's text (`pattern-regex` and
    /// `pattern-not-regex`) at any depth of the formula, in the order
    /// written.
    pub fn file_regexes(&self) -> Vec<&Regex> {
        match self {
            Formula::Pattern(_) => Vec::new(),
            Formula::Regex(regex) => vec![regex],
            Formula::Either(alternatives) => alternatives
                .iter()
                .flat_map(Formula::file_regexes)
                .collect(),
            Formula::All(conjunction) => {
                let nested = conjunction.conditions.iter().filter_map(|c| match c {
                    Condition::Pattern { formula, .. } => Some(formula),
                    _ => None,
                });
                conjunction
                    .positives
                    .iter()
                    .map(|p| &p.formula)
                    .chain(conjunction.negatives.iter().map(|n| &n.formula))
                    .chain(nested)
                    .flat_map(Formula::file_regexes)
                    .collect()
            }
        }
    }

    /// Adds `offset` to every pattern index, for a formula whose patterns
    /// moved `offset` places down [`RuleSet::patterns`].
    pub fn renumber_patterns(&mut self, offset: usize) {
        match self {
            Formula::Pattern(index) => *index += offset,
            Formula::Regex(_) => {}
            Formula::Either(alternatives) => {
                alternatives
                    .iter_mut()
                    .for_each(|f| f.renumber_patterns(offset));
            }
            Formula::All(conjunction) => {
                let Conjunction {
                    positives,
                    negatives,
                    conditions,
                    focus: _,
                } = conjunction;
                positives
                    .iter_mut()
                    .for_each(|p| p.formula.renumber_patterns(offset));
                negatives
                    .iter_mut()
                    .for_each(|n| n.formula.renumber_patterns(offset));
                for condition in conditions {
                    if let Condition::Pattern { formula, .. } = condition {
                        formula.renumber_patterns(offset);
                    }
                }
            }
        }
    }
}

#[derive(Debug, Default)]
pub struct Conjunction {
    pub positives: Vec<Positive>,
    pub negatives: Vec<Negative>,
    pub conditions: Vec<Condition>,
    /// `focus-metavariable` items, names without `$`: the finding's range
    /// becomes what they bound. The names of one item are alternatives (one
    /// finding each); several items narrow to where all their ranges overlap.
    pub focus: Vec<Vec<String>>,
}

#[derive(Debug)]
pub struct Positive {
    pub formula: Formula,
    /// `pattern-inside`: a match must lie inside one of these; it does not
    /// become a finding itself.
    pub inside: bool,
}

#[derive(Debug)]
pub struct Negative {
    pub formula: Formula,
    pub kind: NegationKind,
}

/// How a negation removes a candidate match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NegationKind {
    /// `pattern-not`: same range.
    Not,
    /// `pattern-not-inside`: the candidate lies inside a match.
    NotInside,
    /// `pattern-not-regex`: the candidate lies inside a regex match, or a
    /// regex match lies inside the candidate.
    NotRegex,
}

/// A filter on the metavariables of a candidate match.
#[derive(Debug)]
pub enum Condition {
    /// `metavariable-regex`: the bound code matches the regex (from the start,
    /// as Semgrep does).
    Regex {
        metavariable: String,
        regex: Regex,
        /// The regex as written in the rule (`regex` adds the anchor).
        written: String,
    },
    /// `metavariable-comparison` (and the `where:` extension, which names
    /// no metavariable): the expression holds for the bindings.
    Comparison {
        expression: Expression,
        /// The metavariable `strip` applies to.
        metavariable: Option<String>,
        /// Read a string literal metavariable without its quotes, as a
        /// number when it is one.
        strip: bool,
    },
    /// `metavariable-pattern`: the formula matches inside what the
    /// metavariable bound; its bindings join the candidate's.
    Pattern {
        metavariable: String,
        formula: Formula,
    },
}

/// `fix-regex`: the matched code with `regex` replaced by `replacement`
/// (`count` times, or everywhere).
#[derive(Debug)]
pub struct FixRegex {
    pub regex: Regex,
    pub replacement: String,
    pub count: Option<usize>,
}
