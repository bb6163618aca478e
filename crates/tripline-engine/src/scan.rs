//! Scanning one file: read it, skip the rules whose required words it
//! lacks, parse it once, and evaluate each remaining rule's formula over
//! that one tree (patterns are matched as the formulas ask for them; see
//! [`crate::matches`]).

use std::collections::BTreeMap;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use regex::Regex;
use tripline_pattern::names::module_path;
use tripline_pattern::{deadline, Env, FileIndex, Match, SyntaxTree};
use tripline_rule::{Rule, RuleSet};
use xxhash_rust::xxh3::xxh3_128;

use crate::discover::Target;
use crate::evaluate::{evaluate, FileContext};
use crate::matches::{Dispatch, LazyMatches};
use crate::report::{FileError, Finding, MetavarValue, Position};
use crate::source::{self, Unreadable};
use crate::suppress::{self, SuppressOptions};
use crate::taint;
use crate::words::{Needed, Present, Words};

/// The rule set prepared for scanning: how each pattern is dispatched, and
/// the words each rule and pattern needs.
pub struct Prepared<'r> {
    pub ruleset: &'r RuleSet,
    dispatch: Dispatch,
    /// The words a file must contain for each rule to run on it.
    requirements: Vec<Needed>,
    /// Every required word, looked for in one pass per file.
    words: Words,
    /// Measure each rule (see [`FileTiming`]).
    pub timing: bool,
    /// How suppression comments are handled.
    pub suppress: SuppressOptions,
    /// Bounds on each file's scan.
    pub limits: Limits,
}

/// Bounds on one file's scan, so that no file can hold up or exhaust a
/// whole scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Larger files are reported and skipped (`--max-file-size`).
    pub max_file_size: u64,
    /// Time for one file, from reading it to its last rule (`--timeout`);
    /// `None`: no limit. Rules that have not finished by then are
    /// reported, and the findings of the others kept.
    pub timeout: Option<Duration>,
}

/// The default of `--timeout`: the slowest file of the CPython standard
/// library takes well under a second.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: source::DEFAULT_MAX_FILE_SIZE,
            timeout: Some(DEFAULT_TIMEOUT),
        }
    }
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
            .map(|rule| rule.requirement(&ruleset.patterns))
            .collect::<Vec<_>>();
        let words = Words::new(&requirements, ruleset);
        Prepared {
            ruleset,
            dispatch: Dispatch::new(ruleset, &words, restrict),
            requirements: requirements.iter().map(|r| words.needed(r)).collect(),
            words,
            timing: false,
            suppress: SuppressOptions::default(),
            limits: Limits::default(),
        }
    }
}

impl Prepared<'_> {
    /// Which required words `text` (with its dotted `module` path) contains.
    pub fn words_in(&self, text: &str, module: Option<&str>) -> Present {
        self.words.present_in(text, module)
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
    /// The [`content_hash`] of the file's bytes as scanned, when a finding
    /// has a fix (the fix applies to that content only) and the file is
    /// UTF-8 (fixes are not written in other encodings).
    pub hash: Option<u128>,
    pub timing: Option<FileTiming>,
    /// The rules (by index in the rule set) that did not finish within
    /// [`Limits::timeout`]; their findings in this file are not reported.
    pub timed_out: Vec<usize>,
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
    let deadline = prepared.limits.timeout.map(|t| Instant::now() + t);
    let fail = |Unreadable { kind, message }| FileOutcome {
        error: Some(FileError::new(&target.path, kind, message)),
        ..FileOutcome::default()
    };
    let bytes = match bytes.map_or_else(
        || source::read(&target.path, prepared.limits.max_file_size),
        Ok,
    ) {
        Ok(bytes) => bytes,
        Err(unreadable) => return fail(unreadable),
    };
    // Fixes apply to the file's bytes, at the offsets of the text: only
    // where the two agree, in a UTF-8 file (where a lone `\r` read as a line
    // end keeps its offset).
    let fixable_hash = content_hash(&bytes);
    let (text, fixable_hash) = match source::decode(bytes) {
        Ok(decoded) => (
            decoded.text,
            decoded.encoding.is_none().then_some(fixable_hash),
        ),
        Err(unreadable) => return fail(unreadable),
    };
    let module = module_path(&target.relative);
    let present = prepared.words_in(&text, module.as_deref());
    let rules: Vec<usize> = (0..prepared.ruleset.rules.len())
        .filter(|&i| prepared.ruleset.rules[i].paths.allows(&target.relative))
        // A rule whose required words are not in the file cannot match it.
        .filter(|&i| present.meets(&prepared.requirements[i]))
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
        return fail(Unreadable {
            kind: "parse",
            message: "the parser gave up on this file".to_owned(),
        });
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
    let found = deadline::run_until(deadline, || {
        find(prepared, &rules, &file, &present, module.as_deref(), timing)
    });
    outcome.findings = found.findings;
    outcome.timed_out = found.timed_out;
    suppress::annotate(&mut outcome.findings, &file, &prepared.suppress);
    if outcome.findings.iter().any(|f| f.fix.is_some()) {
        outcome.hash = fixable_hash;
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

/// What the rules found in a file, and which rules ran out of time.
struct Found {
    findings: Vec<Finding>,
    timed_out: Vec<usize>,
}

/// Runs the given rules over a parsed file; with `timing`, records how
/// long each rule took. When the matching deadline passes (see
/// [`deadline`]), the rule that was running and those after it are listed
/// as timed out: the running rule's findings are incomplete and dropped.
fn find(
    prepared: &Prepared<'_>,
    rules: &[usize],
    scanned: &ScannedFile<'_>,
    present: &Present,
    module: Option<&str>,
    mut timing: Option<&mut FileTiming>,
) -> Found {
    let ScannedFile {
        tree,
        text,
        lines,
        path,
    } = *scanned;
    with_file(prepared, tree, text, present, module, |file| {
        let mut findings = Vec::new();
        for (position, &index) in rules.iter().enumerate() {
            let started = timing.is_some().then(Instant::now);
            let rule = &prepared.ruleset.rules[index];
            let found = match &rule.taint {
                Some(parts) => taint::findings(rule, parts, file, scanned),
                None => evaluate(&rule.formula, file)
                    .iter()
                    .map(|candidate| finding(rule, candidate, path, text, lines))
                    .collect(),
            };
            if let (Some(timing), Some(started)) = (timing.as_deref_mut(), started) {
                timing.rules.push((index, started.elapsed()));
            }
            if deadline::passed() {
                return Found {
                    findings,
                    timed_out: rules[position..].to_vec(),
                };
            }
            findings.extend(found);
        }
        Found {
            findings,
            timed_out: Vec::new(),
        }
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
        // Filled in by `taint` for a taint rule.
        dataflow_trace: None,
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

/// The most source a finding carries in its `lines` (see
/// [`LineIndex::full_lines`]).
pub const MAX_FINDING_LINES: usize = 4096;

/// Line starts of a file, for turning byte offsets into lines and columns.
pub struct LineIndex {
    starts: Vec<usize>,
    /// Whether each line is ASCII only: there a column is a byte count, and
    /// finding one costs nothing however long the line (minified code).
    ascii: Vec<bool>,
}

impl LineIndex {
    /// A UTF-8 byte order mark is not part of the first line: columns count
    /// from after it, as editors show them.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![if text.starts_with('\u{feff}') { 3 } else { 0 }];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let ascii = (0..starts.len())
            .map(|line| {
                let end = starts.get(line + 1).copied().unwrap_or(text.len());
                text.as_bytes()[starts[line].min(end)..end].is_ascii()
            })
            .collect();
        LineIndex { starts, ascii }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[line].min(offset);
        let col = match text.get(start..offset) {
            Some(before) if !self.ascii[line] => before.chars().count(),
            _ => offset - start,
        };
        Position {
            line: line + 1,
            col: col + 1,
        }
    }

    /// The byte offset of a 1-based line and character column (the
    /// inverse of [`LineIndex::position`]); clamped to the text.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line.saturating_sub(1)) else {
            return text.len();
        };
        let skip = position.col.saturating_sub(1);
        if self.ascii.get(position.line.saturating_sub(1)) == Some(&true) {
            return (start + skip).min(text.len());
        }
        text[start..]
            .char_indices()
            .nth(skip)
            .map_or(text.len(), |(i, _)| start + i)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The whole lines a range touches, without the final newline: what a
    /// finding shows of the code. At most [`MAX_FINDING_LINES`] bytes of
    /// them, cut after a whole line (nothing, if the first line is longer):
    /// each finding holds a copy, and 20,000 findings on one line of
    /// minified code must not copy that line 20,000 times.
    pub fn full_lines<'a>(&self, text: &'a str, range: std::ops::Range<usize>) -> &'a str {
        let line_of = |offset: usize| {
            self.starts
                .partition_point(|&s| s <= offset)
                .saturating_sub(1)
        };
        let start = self.starts[line_of(range.start)].min(range.start);
        let end = self
            .starts
            .get(line_of(range.end.min(text.len())) + 1)
            .map_or(text.len(), |next| next - 1)
            .max(start);
        let mut lines = &text[start..end];
        if lines.len() > MAX_FINDING_LINES {
            let cut = lines.as_bytes()[..MAX_FINDING_LINES]
                .iter()
                .rposition(|&b| b == b'\n')
                .unwrap_or(0);
            lines = &lines[..cut];
        }
        lines.trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}eval(x)\ny = 1\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(text, 3), Position { line: 1, col: 1 });
        assert_eq!(lines.position(text, 0), Position { line: 1, col: 1 });
        assert_eq!(lines.position(text, 11), Position { line: 2, col: 1 });
        assert_eq!(lines.offset(text, Position { line: 1, col: 1 }), 3);
        assert_eq!(lines.line(0), 1);
        assert_eq!(lines.full_lines(text, 3..10), "eval(x)");
    }

    #[test]
    fn columns_count_characters() {
        let text = "s = 'é'; eval(s)\r\n";
        let lines = LineIndex::new(text);
        let eval = text.find("eval").unwrap();
        assert_eq!(lines.position(text, eval), Position { line: 1, col: 10 });
        assert_eq!(lines.full_lines(text, eval..eval + 4), "s = 'é'; eval(s)");
    }

    #[test]
    fn a_finding_carries_at_most_a_few_kilobytes_of_whole_lines() {
        let text = format!(
            "a = 1\nb = 2\n{}\nc = 3\n",
            "x".repeat(MAX_FINDING_LINES + 1)
        );
        let lines = LineIndex::new(&text);
        let c = text.find("c = 3").unwrap();
        assert_eq!(lines.full_lines(&text, c..c + 5), "c = 3");
        // The match ends on its line's newline: the next line is shown too.
        assert_eq!(lines.full_lines(&text, 0..6), "a = 1\nb = 2");
        assert_eq!(lines.full_lines(&text, 0..c), "a = 1\nb = 2");
        assert_eq!(lines.full_lines(&text, 12..14), "");
    }
}
