//! Required literals: the words a file must contain for a rule to possibly
//! match it (Semgrep's "required literals", as a formula). A file lacking
//! them cannot match, so it need not be matched at all.

use std::fmt;

use regex::Regex;
use regex_syntax::hir::{Hir, HirKind};
use tripline_pattern::Pattern;

use crate::model::{Condition, Formula};

/// The shortest literal run of a regex worth requiring: shorter ones
/// (`//`, `\.`) are in nearly every file and would only slow the
/// prefilter down.
const MIN_REGEX_WORD: usize = 3;

/// What a file must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    /// Nothing is known: any file may match.
    Nothing,
    /// This identifier must occur in the file.
    Literal(String),
    /// All of these.
    All(Vec<Requirement>),
    /// At least one of these.
    Any(Vec<Requirement>),
}

impl Requirement {
    /// The requirement of a formula: the identifiers its positive patterns
    /// spell out (negations never add one).
    pub fn of(formula: &Formula, patterns: &[Pattern]) -> Requirement {
        match formula {
            Formula::Pattern(index) => Requirement::all(
                patterns[*index]
                    .identifiers()
                    .into_iter()
                    .map(Requirement::Literal)
                    .collect(),
            ),
            Formula::Regex(regex) => Requirement::of_regex(regex),
            Formula::Either(alternatives) => Requirement::any(
                alternatives
                    .iter()
                    .map(|f| Requirement::of(f, patterns))
                    .collect(),
            ),
            Formula::All(conjunction) => Requirement::all(
                conjunction
                    .positives
                    .iter()
                    .map(|p| Requirement::of(&p.formula, patterns))
                    .chain(conjunction.conditions.iter().filter_map(|c| match c {
                        Condition::Pattern { formula, .. } => {
                            Some(Requirement::of(formula, patterns))
                        }
                        // The bound code (or the name it means through the
                        // file's imports) must match the regex, and both
                        // are spelled in the file.
                        Condition::Regex { regex, .. } => Some(Requirement::of_regex(regex)),
                        Condition::Comparison { .. } => None,
                    }))
                    .collect(),
            ),
        }
    }

    /// The text every match of `regex` contains: runs of literal
    /// characters, through concatenations, alternations and repetitions
    /// of at least one. Runs shorter than [`MIN_REGEX_WORD`] are dropped,
    /// as nearly every file has them; case-insensitive parts are classes,
    /// not literals, so they require nothing.
    pub fn of_regex(regex: &Regex) -> Requirement {
        regex_syntax::parse(regex.as_str())
            .map(|hir| Requirement::of_hir(&hir))
            .unwrap_or(Requirement::Nothing)
    }

    fn of_hir(hir: &Hir) -> Requirement {
        match hir.kind() {
            HirKind::Literal(literal) => Requirement::of_run(&literal.0),
            HirKind::Capture(capture) => Requirement::of_hir(&capture.sub),
            HirKind::Repetition(repetition) if repetition.min > 0 => {
                Requirement::of_hir(&repetition.sub)
            }
            HirKind::Alternation(alternatives) => {
                Requirement::any(alternatives.iter().map(Requirement::of_hir).collect())
            }
            HirKind::Concat(parts) => {
                // Adjacent literals make one longer, more selective run.
                let mut required = Vec::new();
                let mut run = Vec::new();
                for part in parts {
                    match part.kind() {
                        HirKind::Literal(literal) => run.extend_from_slice(&literal.0),
                        _ => {
                            required.push(Requirement::of_run(&std::mem::take(&mut run)));
                            required.push(Requirement::of_hir(part));
                        }
                    }
                }
                required.push(Requirement::of_run(&run));
                Requirement::all(required)
            }
            _ => Requirement::Nothing,
        }
    }

    /// The words of a literal run, split at dots: a metavariable's regex
    /// may match the name it means through imports (`subprocess.call` for
    /// `call` after `from subprocess import call`), whose dots the file
    /// need not spell.
    fn of_run(run: &[u8]) -> Requirement {
        let Ok(run) = std::str::from_utf8(run) else {
            return Requirement::Nothing;
        };
        Requirement::all(
            run.split('.')
                .filter(|word| word.len() >= MIN_REGEX_WORD)
                .map(|word| Requirement::Literal(word.to_owned()))
                .collect(),
        )
    }

    pub(crate) fn all(parts: Vec<Requirement>) -> Requirement {
        let mut flat = Vec::new();
        for part in parts {
            match part {
                Requirement::Nothing => {}
                Requirement::All(inner) => flat.extend(inner),
                other => {
                    if !flat.contains(&other) {
                        flat.push(other);
                    }
                }
            }
        }
        match flat.len() {
            0 => Requirement::Nothing,
            1 => flat.pop().expect("one element"),
            _ => Requirement::All(flat),
        }
    }

    pub(crate) fn any(parts: Vec<Requirement>) -> Requirement {
        if parts.contains(&Requirement::Nothing) {
            return Requirement::Nothing;
        }
        let mut flat = Vec::new();
        for part in parts {
            match part {
                Requirement::Any(inner) => flat.extend(inner),
                other => {
                    if !flat.contains(&other) {
                        flat.push(other);
                    }
                }
            }
        }
        // `a or (a and b)` is `a`: an alternative that requires more than
        // another one adds nothing.
        let words: Vec<Option<Vec<&String>>> = flat.iter().map(Requirement::literals).collect();
        let redundant: Vec<bool> = (0..flat.len())
            .map(|i| {
                (0..flat.len()).any(|j| {
                    j != i
                        && match (&words[i], &words[j]) {
                            (Some(mine), Some(theirs)) => {
                                theirs.iter().all(|w| mine.contains(w))
                                    && (theirs.len() < mine.len() || j < i)
                            }
                            _ => false,
                        }
                })
            })
            .collect();
        let mut kept: Vec<Requirement> = flat
            .into_iter()
            .zip(redundant)
            .filter(|(_, redundant)| !redundant)
            .map(|(r, _)| r)
            .collect();
        match kept.len() {
            0 => Requirement::Nothing,
            1 => kept.pop().expect("one element"),
            _ => Requirement::Any(kept),
        }
    }

    /// The words of a literal or an `and` of literals.
    fn literals(&self) -> Option<Vec<&String>> {
        match self {
            Requirement::Literal(word) => Some(vec![word]),
            Requirement::All(parts) => parts
                .iter()
                .map(|p| match p {
                    Requirement::Literal(word) => Some(word),
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    }

    /// Whether `text` contains what is required. (A scan finds all the
    /// words of all the rules in one pass instead: see the engine's
    /// `Words`.)
    pub fn is_met_by(&self, text: &str) -> bool {
        match self {
            Requirement::Nothing => true,
            Requirement::Literal(word) => text.contains(word.as_str()),
            Requirement::All(parts) => parts.iter().all(|p| p.is_met_by(text)),
            Requirement::Any(parts) => parts.iter().any(|p| p.is_met_by(text)),
        }
    }

    /// Every word the requirement mentions.
    pub fn words(&self) -> Vec<&str> {
        match self {
            Requirement::Nothing => Vec::new(),
            Requirement::Literal(word) => vec![word.as_str()],
            Requirement::All(parts) | Requirement::Any(parts) => {
                parts.iter().flat_map(Requirement::words).collect()
            }
        }
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, parts: &[Requirement], word: &str| {
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    write!(f, " {word} ")?;
                }
                match part {
                    Requirement::All(_) | Requirement::Any(_) => write!(f, "({part})")?,
                    _ => write!(f, "{part}")?,
                }
            }
            Ok(())
        };
        match self {
            Requirement::Nothing => f.write_str("(none: every file is matched)"),
            Requirement::Literal(word) => write!(f, "{word:?}"),
            Requirement::All(parts) => join(f, parts, "and"),
            Requirement::Any(parts) => join(f, parts, "or"),
        }
    }
}
