//! Required literals: the words a file must contain for a rule to possibly
//! match it (Semgrep's "required literals", as a formula). A file lacking
//! them cannot match, so it need not be matched at all.

use std::fmt;

use tripline_pattern::Pattern;

use crate::model::{Condition, Formula};

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
            Formula::Regex(_) => Requirement::Nothing,
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
                        _ => None,
                    }))
                    .collect(),
            ),
        }
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

    /// Whether `text` contains what is required.
    pub fn is_met_by(&self, text: &str) -> bool {
        self.is_met(&|word| text.contains(word))
    }

    /// Whether what is required is there, given which words are
    /// (`contains`): the scan finds them all in one pass first.
    pub fn is_met(&self, contains: &dyn Fn(&str) -> bool) -> bool {
        match self {
            Requirement::Nothing => true,
            Requirement::Literal(word) => contains(word),
            Requirement::All(parts) => parts.iter().all(|p| p.is_met(contains)),
            Requirement::Any(parts) => parts.iter().any(|p| p.is_met(contains)),
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
