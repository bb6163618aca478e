//! Required literals: the words a file must contain for a rule to possibly
//! match it (Semgrep's "required literals", as a formula). A file lacking
//! them cannot match, so it need not be matched at all.

use std::fmt;

use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};
use tripline_pattern::{Memo, Pattern};

use crate::model::{Condition, Formula};

/// The shortest literal run of a regex worth requiring: shorter ones
/// (`//`, `\.`) are in nearly every file and would only slow the
/// prefilter down.
const MIN_REGEX_WORD: usize = 3;

/// A word a file must contain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Word {
    /// Lowercase when `any_case`.
    pub text: String,
    /// Its ASCII letters may be in either case (the word comes from a
    /// case-insensitive part of a regex: `(?i)secret` is met by `SECRET`).
    pub any_case: bool,
}

impl Word {
    pub fn exact(text: &str) -> Self {
        Word {
            text: text.to_owned(),
            any_case: false,
        }
    }

    pub fn any_case(text: &str) -> Self {
        Word {
            text: text.to_ascii_lowercase(),
            any_case: true,
        }
    }

    /// Whether a file with this word always has `other` too.
    fn implies(&self, other: &Word) -> bool {
        (other.any_case || !self.any_case) && other.is_in(&self.text)
    }

    /// Whether `text` contains the word.
    pub fn is_in(&self, text: &str) -> bool {
        self.text.is_empty()
            || text
                .as_bytes()
                .windows(self.text.len())
                .any(|found| self.spelled_by(found))
    }

    /// Whether `found` (text the size of the word) spells it.
    pub fn spelled_by(&self, found: &[u8]) -> bool {
        if self.any_case {
            found.eq_ignore_ascii_case(self.text.as_bytes())
        } else {
            found == self.text.as_bytes()
        }
    }
}

/// Quoted, with characters beyond ASCII escaped: the Kelvin sign a
/// case-insensitive `k` also matches would look like a `K`.
impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", self.text.escape_default())?;
        if self.any_case {
            f.write_str(" (any case)")?;
        }
        Ok(())
    }
}

/// What a file must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    /// Nothing is known: any file may match.
    Nothing,
    /// This word must occur in the file.
    Literal(Word),
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
                    .iter()
                    .map(|identifier| Requirement::Literal(Word::exact(identifier)))
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
    /// as nearly every file has them. Case-insensitive letters make words
    /// of any case ([`Word::any_case`]).
    pub fn of_regex(regex: &Regex) -> Requirement {
        // Worked out once per text: the taint rules share their sources'
        // regexes, and preparing a scan asks for each regex twice (for its
        // rule, and for the words of the file's text it searches).
        static REQUIRED: Memo<Requirement> = Memo::new();
        REQUIRED.get_or_compile(
            regex.as_str(),
            |text| {
                regex_syntax::parse(text)
                    .map(|hir| Requirement::of_hir(&hir))
                    .unwrap_or(Requirement::Nothing)
            },
            |_| true,
        )
    }

    fn of_hir(hir: &Hir) -> Requirement {
        match hir.kind() {
            HirKind::Capture(capture) => Requirement::of_hir(&capture.sub),
            HirKind::Repetition(repetition) if repetition.min > 0 => {
                Requirement::of_hir(&repetition.sub)
            }
            HirKind::Alternation(alternatives) => {
                Requirement::any(alternatives.iter().map(Requirement::of_hir).collect())
            }
            HirKind::Concat(parts) => Requirement::of_concat(parts),
            _ if Piece::of(hir).is_some() => Requirement::of_concat(std::slice::from_ref(hir)),
            _ => Requirement::Nothing,
        }
    }

    /// Adjacent literal characters make one longer, more selective run. A
    /// repetition of one (`s+`) ends a run and starts the next: `pas+word`
    /// requires `pas` and `sword`.
    fn of_concat(parts: &[Hir]) -> Requirement {
        let mut required = Vec::new();
        let mut run = Run::default();
        for part in parts {
            if let Some(piece) = Piece::of(part) {
                run.push(piece, &mut required);
                continue;
            }
            if let HirKind::Repetition(repetition) = part.kind() {
                if let Some(piece) = Piece::of(&repetition.sub).filter(|_| repetition.min > 0) {
                    // The first copy ends what comes before; the last
                    // starts what comes after.
                    run.push(piece.clone(), &mut required);
                    required.push(run.finish());
                    run.push(piece, &mut required);
                    continue;
                }
            }
            required.push(run.finish());
            required.push(Requirement::of_hir(part));
        }
        required.push(run.finish());
        Requirement::all(required)
    }
    /// The words of a literal run, split at dots: a metavariable's regex
    /// may match the name it means through imports (`subprocess.call` for
    /// `call` after `from subprocess import call`), whose dots the file
    /// need not spell.
    fn of_run(run: &[u8], any_case: bool) -> Requirement {
        let Ok(run) = std::str::from_utf8(run) else {
            return Requirement::Nothing;
        };
        Requirement::all(
            run.split('.')
                .filter(|word| word.len() >= MIN_REGEX_WORD)
                .map(|word| {
                    Requirement::Literal(if any_case {
                        Word::any_case(word)
                    } else {
                        Word::exact(word)
                    })
                })
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
        // `a or (a and b)` is `a`, and `pas or pass` is `pas`: an
        // alternative that requires all another one does adds nothing.
        let words: Vec<Option<Vec<&Word>>> = flat.iter().map(Requirement::literals).collect();
        let implies = |i: usize, j: usize| match (&words[i], &words[j]) {
            (Some(mine), Some(theirs)) => theirs.iter().all(|w| mine.iter().any(|m| m.implies(w))),
            _ => false,
        };
        let redundant: Vec<bool> = (0..flat.len())
            .map(|i| (0..flat.len()).any(|j| j != i && implies(i, j) && (j < i || !implies(j, i))))
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
    fn literals(&self) -> Option<Vec<&Word>> {
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
            Requirement::Literal(word) => word.is_in(text),
            Requirement::All(parts) => parts.iter().all(|p| p.is_met_by(text)),
            Requirement::Any(parts) => parts.iter().any(|p| p.is_met_by(text)),
        }
    }

    /// Every word the requirement mentions.
    pub fn words(&self) -> Vec<&Word> {
        match self {
            Requirement::Nothing => Vec::new(),
            Requirement::Literal(word) => vec![word],
            Requirement::All(parts) | Requirement::Any(parts) => {
                parts.iter().flat_map(Requirement::words).collect()
            }
        }
    }
}

/// At most this many spellings of one run are looked for (each
/// case-insensitive `s` or `k` doubles them); a longer run is cut.
const MAX_SPELLINGS: usize = 8;

/// One character of a literal run (or a run of literal bytes), as the
/// regex lets it be spelled.
#[derive(Clone)]
struct Piece {
    /// Its spellings: one, or for a case-insensitive letter the letter
    /// (lowercase) and the characters beyond ASCII its case folds to (`ſ`
    /// for `s`, the Kelvin sign for `k`).
    spellings: Vec<Vec<u8>>,
    /// Whether its letters may be in any case; `None` if it has none.
    any_case: Option<bool>,
}

impl Piece {
    fn of(hir: &Hir) -> Option<Piece> {
        match hir.kind() {
            HirKind::Literal(literal) => Some(Piece {
                any_case: literal
                    .0
                    .iter()
                    .any(u8::is_ascii_alphabetic)
                    .then_some(false),
                spellings: vec![literal.0.to_vec()],
            }),
            HirKind::Class(Class::Unicode(class)) => Piece::letter(
                class
                    .iter()
                    .flat_map(|range| range.start()..=range.end())
                    .take(4)
                    .map(|c| c.to_string().into_bytes()),
            ),
            HirKind::Class(Class::Bytes(class)) => Piece::letter(
                class
                    .iter()
                    .flat_map(|range| range.start()..=range.end())
                    .take(4)
                    .map(|b| vec![b]),
            ),
            _ => None,
        }
    }

    /// A class that is one ASCII letter in both cases, and maybe
    /// characters beyond ASCII.
    fn letter(members: impl Iterator<Item = Vec<u8>>) -> Option<Piece> {
        let members: Vec<Vec<u8>> = members.collect();
        if members.len() > 3 {
            return None;
        }
        let (ascii, others): (Vec<Vec<u8>>, Vec<Vec<u8>>) =
            members.into_iter().partition(|m| m.is_ascii());
        match ascii.as_slice() {
            [upper, lower]
                if upper[..] == [lower[0].to_ascii_uppercase()]
                    && lower[..] == [upper[0].to_ascii_lowercase()]
                    && upper != lower =>
            {
                Some(Piece {
                    spellings: std::iter::once(lower.clone()).chain(others).collect(),
                    any_case: Some(true),
                })
            }
            _ => None,
        }
    }
}

/// Text every match of a regex contains, gathered piece by piece.
#[derive(Default)]
struct Run {
    /// Its spellings: more than one when a letter folds beyond ASCII.
    spellings: Vec<Vec<u8>>,
    /// Whether its letters may be in any case; `None` while it has none.
    any_case: Option<bool>,
}

impl Run {
    /// Adds a piece; first ends the run (into `required`) when the piece's
    /// letters are not matched the same way, or when it would have too many
    /// spellings.
    fn push(&mut self, piece: Piece, required: &mut Vec<Requirement>) {
        let Piece {
            spellings: choices,
            any_case,
        } = piece;
        let clash = matches!((self.any_case, any_case), (Some(a), Some(b)) if a != b);
        if clash || self.spellings.len() * choices.len() > MAX_SPELLINGS {
            required.push(self.finish());
        }
        if any_case.is_some() {
            self.any_case = any_case;
        }
        if self.spellings.is_empty() {
            self.spellings.push(Vec::new());
        }
        self.spellings = self
            .spellings
            .iter()
            .flat_map(|start| choices.iter().map(move |c| [start.as_slice(), c].concat()))
            .collect();
    }

    /// What the run requires; it is left empty.
    fn finish(&mut self) -> Requirement {
        let any_case = self.any_case.take().unwrap_or(false);
        let spellings = std::mem::take(&mut self.spellings);
        Requirement::any(
            spellings
                .iter()
                .map(|spelling| Requirement::of_run(spelling, any_case))
                .collect(),
        )
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
            Requirement::Literal(word) => write!(f, "{word}"),
            Requirement::All(parts) => join(f, parts, "and"),
            Requirement::Any(parts) => join(f, parts, "or"),
        }
    }
}
