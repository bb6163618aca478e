//! Scanning one file: read it, skip the rules whose required words it
//! lacks, parse it once, and evaluate each remaining rule's formula over
//! that one tree (patterns are matched as the formulas ask for them; see
//! [`crate::matches`]).

use std::collections::BTreeMap;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use regex::Regex;
use tripline_pattern::names::module_path;
use tripline_pattern::{Env, FileIndex, Match, SyntaxTree};
use tripline_rule::{Requirement, Rule, RuleSet};
use xxhash_rust::xxh3::xxh3_128;

use crate::discover::Target;
use crate::evaluate::{evaluate, FileContext};
use crate::matches::{Dispatch, LazyMatches};
use crate::report::{FileError, Finding, MetavarValue, Position};
use crate::suppress::{self, SuppressOptions};
use crate::words::{Present, Words};

/// The rule set prepared for scanning: how each pattern is dispatched, and
/// the words each rule and pattern needs.
pub struct Prepared<'r> {
    pub ruleset: &'r RuleSet,
    dispatch: Dispatch,
    /// The words a file must contain for each rule to run on it.
    requirements: Vec<Requirement>,
    /// Every required word, looked for in one pass per file.
    words: Words,
    /// Measure each rule (see [`FileTiming`]).
    pub timing: bool,
    /// How suppression comments are handled.
    pub suppress: SuppressOptions,
}

impl<'r> Prepared<'r> {
    pub fn new(ruleset: &'r RuleSet) -> Self {
        Self::with_restrictions(ruleset, true)
    }

    /// For `explain`: every pattern finds all its matches, not only those
    /// the conditions around it would keep, so that each step shows what it
    /// matched and what the next one removed.
    pub fn unrestricted(ruleset: &'r RuleSet) -> Self {
        Self::with_restrictions(ruleset, false)
    }

    fn with_restrictions(ruleset: &'r RuleSet, restrict: bool) -> Self {
        let requirements = ruleset
            .rules
            .iter()
            .map(|rule| Requirement::of(&rule.formula, &ruleset.patterns))
            .collect::<Vec<_>>();
        let words = Words::new(&requirements, &ruleset.patterns);
        Prepared {
            ruleset,
            dispatch: Dispatch::new(ruleset, &words, restrict),
            requirements,
            words,
            timing: false,
            suppress: SuppressOptions::default(),
        }
    }
}

impl Prepared<'_> {
    /// Which required words `text` contains.
    pub fn words_in(&self, text: &str) -> Present {
        self.words.present_in(text)
    }
}

/// The result of scanning one file.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub findings: Vec<Finding>,
    pub error: Option<FileError>,
    pub scanned: bool,
    pub syntax_errors: bool,
    pub bytes: u64,
    /// The [`content_hash`] of what was scanned, when a finding has a fix
    /// (the fix applies to that content only).
    pub hash: Option<u128>,
    pub timing: Option<FileTiming>,
}

/// Where one file's scan time went, with `--time`.
#[derive(Debug, Default)]
pub struct FileTiming {
    pub path: String,
    /// Reading, parsing and every rule.
    pub total: Duration,
    pub parse: Duration,
    /// Each rule that ran on the file (by index in the rule set): matching
    /// the patterns it needed and evaluating its formula.
    pub rules: Vec<(usize, Duration)>,
}

/// Scans one file: its content is `bytes` if the caller has read it
/// already, else it is read here.
pub fn scan_file(prepared: &Prepared<'_>, target: &Target, bytes: Option<Vec<u8>>) -> FileOutcome {
    let started = prepared.timing.then(Instant::now);
    let mut timing = prepared.timing.then(FileTiming::default);
    let mut outcome = read_and_scan(prepared, target, bytes, timing.as_mut());
    if let (Some(started), Some(timing)) = (started, timing) {
        outcome.timing = Some(FileTiming {
            path: target.path.display().to_string(),
            total: started.elapsed(),
            ..timing
        });
    }
    outcome
}

/// Scans `text` as the content of `target`, without reading the disk or
/// touching the result cache: for an editor's buffer, which is newer than
/// the file it will be saved to. Findings only (a buffer the editor holds
/// is text, so the read and encoding errors of a file cannot occur;
/// text with NUL bytes gives no findings).
pub fn scan_text(prepared: &Prepared<'_>, target: &Target, text: &str) -> Vec<Finding> {
    read_and_scan(prepared, target, Some(text.as_bytes().to_vec()), None).findings
}

fn read_and_scan(
    prepared: &Prepared<'_>,
    target: &Target,
    bytes: Option<Vec<u8>>,
    mut timing: Option<&mut FileTiming>,
) -> FileOutcome {
    let fail = |kind, message: String| FileOutcome {
        error: Some(FileError {
            path: target.path.display().to_string(),
            kind,
            message,
        }),
        ..FileOutcome::default()
    };
    let bytes = match bytes.map_or_else(|| std::fs::read(&target.path), Ok) {
        Ok(bytes) => bytes,
        Err(err) => return fail("read", format!("cannot read: {err}")),
    };
    if bytes.contains(&0) {
        return fail(
            "binary",
            "contains NUL bytes; not a Python source file".to_owned(),
        );
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            return fail(
                "encoding",
                format!(
                    "not valid UTF-8 (first bad byte at offset {})",
                    err.utf8_error().valid_up_to()
                ),
            )
        }
    };
    let present = prepared.words_in(&text);
    let rules: Vec<usize> = (0..prepared.ruleset.rules.len())
        .filter(|&i| prepared.ruleset.rules[i].paths.allows(&target.relative))
        // A rule whose required words are not in the file cannot match it.
        .filter(|&i| prepared.words.meets(&prepared.requirements[i], &present))
        .collect();
    let mut outcome = FileOutcome {
        scanned: true,
        bytes: text.len() as u64,
        ..FileOutcome::default()
    };
    if rules.is_empty() && !prepared.suppress.needs_parse(&text) {
        // No rule can match: the file is not even parsed.
        return outcome;
    }
    let parsing = timing.is_some().then(Instant::now);
    let Some(tree) = SyntaxTree::parse(&text) else {
        return fail("parse", "the parser gave up on this file".to_owned());
    };
    outcome.syntax_errors = tree.root().has_error();
    if let (Some(timing), Some(parsing)) = (timing.as_deref_mut(), parsing) {
        timing.parse = parsing.elapsed();
    }
    let lines = LineIndex::new(&text);
    let path = target.path.display().to_string();
    let file = ScannedFile {
        tree: &tree,
        text: &text,
        lines: &lines,
        path: &path,
    };
    outcome.findings = find(prepared, &rules, &file, &present, target, timing);
    suppress::annotate(&mut outcome.findings, &file, &prepared.suppress);
    if outcome.findings.iter().any(|f| f.fix.is_some()) {
        outcome.hash = Some(content_hash(text.as_bytes()));
    }
    outcome
}

/// The hash that identifies a file's content: the result cache keys its
/// entries with it, and a fix is only written to a file that still has
/// the content it was computed on. XXH3-128: fast, and 128 bits make an
/// accidental collision out of the question (it is not meant to resist a
/// forger, who could as well edit the file).
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// A parsed file and what findings are reported against: its line starts
/// (computed once, for every finding) and its path as shown.
pub struct ScannedFile<'a> {
    pub tree: &'a SyntaxTree,
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub path: &'a str,
}

/// Runs the given rules over a parsed file; with `timing`, records how
/// long each rule took.
fn find(
    prepared: &Prepared<'_>,
    rules: &[usize],
    scanned: &ScannedFile<'_>,
    present: &Present,
    target: &Target,
    mut timing: Option<&mut FileTiming>,
) -> Vec<Finding> {
    let ScannedFile {
        tree,
        text,
        lines,
        path,
    } = *scanned;
    let module = module_path(&target.relative);
    with_file(prepared, tree, text, present, module.as_deref(), |file| {
        let mut findings = Vec::new();
        for &index in rules {
            let started = timing.is_some().then(Instant::now);
            let rule = &prepared.ruleset.rules[index];
            for candidate in evaluate(&rule.formula, file) {
                findings.push(finding(rule, &candidate, path, text, lines));
            }
            if let (Some(timing), Some(started)) = (timing.as_deref_mut(), started) {
                timing.rules.push((index, started.elapsed()));
            }
        }
        findings
    })
}

/// Sets up evaluation over a parsed file (its names, and its patterns'
/// matches, computed on demand) and hands it to `use_file` (the matches
/// borrow the tree, so they cannot outlive it). `present` are the required
/// words in the file ([`Prepared::words_in`]); `module` is the file's
/// dotted module path, for relative imports.
pub fn with_file<'t, R>(
    prepared: &Prepared<'_>,
    tree: &'t SyntaxTree,
    text: &str,
    present: &Present,
    module: Option<&str>,
    use_file: impl FnOnce(&FileContext<'_, 't>) -> R,
) -> R {
    let source = text.as_bytes();
    let names = FileIndex::build(tree.root(), source, module);
    let matches = LazyMatches::new(
        prepared.ruleset,
        &prepared.dispatch,
        tree.root(),
        text,
        &names,
        present,
    );
    use_file(&FileContext {
        source,
        text,
        names: &names,
        root: tree.root(),
        matches: &matches,
    })
}

pub fn finding(
    rule: &Rule,
    candidate: &Match<'_>,
    path: &str,
    text: &str,
    lines: &LineIndex,
) -> Finding {
    let source = text.as_bytes();
    let metavars = candidate
        .env
        .iter()
        .map(|(name, bound)| {
            let range = bound.range();
            (
                format!("${name}"),
                MetavarValue {
                    text: bound.text(source).into_owned(),
                    start: lines.position(text, range.start),
                    end: lines.position(text, range.end),
                },
            )
        })
        .collect::<BTreeMap<_, _>>();
    Finding {
        rule_id: rule.id.clone(),
        path: path.to_owned(),
        start: lines.position(text, candidate.range.start),
        end: lines.position(text, candidate.range.end),
        message: interpolate(&rule.message, &candidate.env, source),
        severity: rule.severity,
        metadata: rule.metadata.clone(),
        metavars,
        lines: lines.full_lines(text, candidate.range.clone()).to_owned(),
        fix: fix(rule, candidate, text),
        byte_range: candidate.range.clone(),
        // Both filled in once the file's findings are known (see `suppress`).
        enclosing: None,
        suppressed: None,
    }
}

/// The fix a rule suggests for a match: its `fix:` template with the
/// metavariables filled in, or the matched code rewritten by `fix-regex`.
fn fix(rule: &Rule, candidate: &Match<'_>, text: &str) -> Option<String> {
    if let Some(template) = &rule.fix {
        let indented =
            indent_continuation_lines(template, indentation_at(text, candidate.range.start));
        return Some(interpolate(&indented, &candidate.env, text.as_bytes()));
    }
    let fix = rule.fix_regex.as_ref()?;
    let matched = &text[candidate.range.clone()];
    Some(
        fix.regex
            .replacen(matched, fix.count.unwrap_or(0), fix.replacement.as_str())
            .into_owned(),
    )
}

/// The spaces and tabs that start the line holding byte `offset`.
fn indentation_at(text: &str, offset: usize) -> &str {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// A `fix:` template written over several lines, as Semgrep applies it:
/// the first line replaces the match where it starts, so it sits at the
/// match's column already; each later line gets `indent`, the indentation
/// of the line the match starts on, so a template written at column 0
/// lands at the code's depth. Empty lines stay empty (no trailing
/// spaces). Done before the metavariables are filled in: code a
/// metavariable bound over several lines keeps its own indentation.
fn indent_continuation_lines(template: &str, indent: &str) -> String {
    if indent.is_empty() {
        return template.to_owned();
    }
    let mut lines = template.split('\n');
    let mut indented = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        indented.push('\n');
        if !line.is_empty() {
            indented.push_str(indent);
        }
        indented.push_str(line);
    }
    indented
}

/// Replaces `$NAME`, `$...NAME` and `$1` (a `pattern-regex` group) in a
/// message or fix by what it bound; unbound names stay as written.
pub fn interpolate(message: &str, env: &Env<'_>, source: &[u8]) -> String {
    static METAVARIABLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\$(?:\.\.\.)?([A-Z_][A-Z0-9_]*|[0-9]+)").expect("valid regex")
    });
    METAVARIABLE
        .replace_all(message, |captures: &regex::Captures<'_>| {
            match env.get(&captures[1]) {
                Some(bound) => bound.text(source).into_owned(),
                None => captures[0].to_owned(),
            }
        })
        .into_owned()
}

/// Line starts of a file, for turning byte offsets into lines and columns.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        Position {
            line: line + 1,
            col: text
                .get(start..offset)
                .map_or(offset - start, |s| s.chars().count())
                + 1,
        }
    }

    /// The byte offset of a 1-based line and character column (the
    /// inverse of [`LineIndex::position`]); clamped to the text.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line.saturating_sub(1)) else {
            return text.len();
        };
        let skip = position.col.saturating_sub(1);
        text[start..]
            .char_indices()
            .nth(skip)
            .map_or(text.len(), |(i, _)| start + i)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The whole lines a range touches, without the final newline.
    pub fn full_lines<'a>(&self, text: &'a str, range: std::ops::Range<usize>) -> &'a str {
        let first = self.starts.partition_point(|&s| s <= range.start) - 1;
        let start = self.starts[first];
        let end = text[range.end.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i);
        text[start..end].trim_end_matches('\r')
    }
}
