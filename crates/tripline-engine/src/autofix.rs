//! Applying fixes: the `fix` of each finding replaces the code it matched.
//! `tripline scan --autofix` writes the result to the files
//! ([`plan`], then [`Fixed::write`]); `tripline test` compares it with
//! `X.fixed.py` ([`apply_edits`] on the fixture, in memory).
//!
//! A file is either written with all its applicable fixes or not at all,
//! and only when that is safe:
//!
//! - **Its content is what was scanned.** A finding's byte range refers to
//!   the content it was found in (scanned now, or taken from the result
//!   cache): the file is read again and its hash compared with the scan's,
//!   and read once more just before the write. A file changed in between
//!   is left alone and reported.
//! - **Fixes that overlap are not both applied.** Sorted by position, the
//!   first one wins; the others are reported (a later scan finds them
//!   again if they still apply).
//! - **The fixed file parses no worse.** It is parsed again, and if it has
//!   more syntax errors than the original, it is not written: a fix that
//!   breaks the code is worse than the finding.
//! - **Line endings stay as they are.** A fix written over several lines
//!   gets the file's line ending (`\r\n` in a CRLF file).

use std::fmt;
use std::io;
use std::ops::Range;
use std::path::Path;

use tripline_pattern::SyntaxTree;

use crate::report::{Finding, ScanReport};
use crate::scan::content_hash;

/// The prefix of the temporary file a fixed file is written through.
const TEMP_PREFIX: &str = ".tripline-fix-";

/// One replacement: the bytes `range` of a text become `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit<'a> {
    pub range: Range<usize>,
    pub replacement: &'a str,
}

impl<'a> Edit<'a> {
    /// The edit that applies a finding's fix, if it has one.
    pub fn of(finding: &'a Finding) -> Option<Self> {
        Some(Edit {
            range: finding.byte_range.clone(),
            replacement: finding.fix.as_deref()?,
        })
    }
}

/// What became of one edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditFate {
    /// Applied (or the same edit was, for another finding).
    Applied,
    /// Not applied: it overlaps an edit applied before it.
    Overlaps,
    /// Not applied: the replacement is the code already there.
    Unchanged,
    /// Not applied: its range is not within the text (the text is not the
    /// one the edit was computed on).
    OutsideText,
}

impl EditFate {
    /// Why an edit was not applied, for reports; `None` if it was.
    pub fn reason(self) -> Option<&'static str> {
        match self {
            EditFate::Applied => None,
            EditFate::Overlaps => Some("overlaps an earlier fix"),
            EditFate::Unchanged => Some("the fix leaves the code as it is"),
            EditFate::OutsideText => Some("the fix does not fit the file as it is now"),
        }
    }
}

/// A text with edits applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    /// What became of each edit, in the order they were given.
    pub fates: Vec<EditFate>,
}

/// Applies `edits` to `text`, in order of position (start, then end, then
/// the order given): an edit that overlaps one applied before it is
/// skipped, unless it is the very same edit (two rules may fix one match
/// alike). Line breaks in the replacements become the text's
/// ([`line_ending`]).
pub fn apply_edits(text: &str, edits: &[Edit<'_>]) -> Edited {
    let newline = line_ending(text);
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (edits[i].range.start, edits[i].range.end));
    let mut fates = vec![EditFate::Applied; edits.len()];
    let mut fixed = String::with_capacity(text.len());
    let mut copied = 0;
    let mut last: Option<&Edit<'_>> = None;
    for index in order {
        let edit = &edits[index];
        let Some(code) = text.get(edit.range.clone()) else {
            fates[index] = EditFate::OutsideText;
            continue;
        };
        if last == Some(edit) {
            continue;
        }
        fates[index] = if edit.range.start < copied {
            EditFate::Overlaps
        } else if code == edit.replacement {
            EditFate::Unchanged
        } else {
            fixed.push_str(&text[copied..edit.range.start]);
            fixed.push_str(&with_line_ending(edit.replacement, newline));
            copied = edit.range.end;
            last = Some(edit);
            EditFate::Applied
        };
    }
    fixed.push_str(&text[copied..]);
    Edited { text: fixed, fates }
}

/// The line ending of a text: that of its first line, as Ruff decides it;
/// `\n` for a text of one line.
pub fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(at) if text[..at].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// `text` with each bare `\n` written as `newline` (a `\r\n` already there,
/// from code a metavariable bound in a CRLF file, stays as it is).
fn with_line_ending(text: &str, newline: &str) -> String {
    if newline == "\n" {
        return text.to_owned();
    }
    let mut converted = String::with_capacity(text.len());
    let mut previous = None;
    for c in text.chars() {
        if c == '\n' && previous != Some('\r') {
            converted.push_str(newline);
        } else {
            converted.push(c);
        }
        previous = Some(c);
    }
    converted
}

/// How many syntax errors tree-sitter sees in `text`: the nodes it had to
/// make up (missing) or could not place (errors). A text the parser gives
/// up on counts as having more than any other.
pub fn syntax_errors(text: &str) -> usize {
    SyntaxTree::parse(text).map_or(usize::MAX, |tree| {
        tree.nodes()
            .filter(|node| node.is_error() || node.is_missing())
            .count()
    })
}

/// Why a file's fixes are not written.
#[derive(Debug)]
pub enum Refusal {
    /// The file is no longer what was scanned.
    Changed,
    /// The file was not scanned as UTF-8 (its coding declaration names
    /// another encoding), and fixes are written in UTF-8 only.
    NotUtf8,
    /// The file cannot be read or written.
    Io(io::Error),
    /// The fixed code has more syntax errors than the original.
    SyntaxErrors { before: usize, after: usize },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Changed => f.write_str("it changed since it was scanned"),
            Refusal::NotUtf8 => f.write_str(
                "it is not UTF-8 (its coding declaration names another encoding), and tripline writes fixes only to UTF-8 files",
            ),
            Refusal::Io(err) => write!(f, "{err}"),
            Refusal::SyntaxErrors { before: 0, .. } => {
                f.write_str("the fixes would introduce syntax errors")
            }
            Refusal::SyntaxErrors { before, after } => write!(
                f,
                "the fixes would add syntax errors ({before} before, {after} after)"
            ),
        }
    }
}

/// A file's content and the same with its fixes applied.
#[derive(Debug)]
pub struct Fixed {
    pub original: String,
    pub edited: Edited,
}

impl Fixed {
    /// Whether the fixes change anything.
    pub fn changes(&self) -> bool {
        self.original != self.edited.text
    }

    /// Writes the fixed content to `path`, if it changes anything (see
    /// [`write_fixed`]).
    pub fn write(&self, path: &Path) -> Result<(), Refusal> {
        if !self.changes() {
            return Ok(());
        }
        write_fixed(path, self.original.as_bytes(), self.edited.text.as_bytes())
    }
}

/// The fixes of one file of a scan report.
#[derive(Debug)]
pub struct FilePlan {
    pub path: String,
    /// The findings whose fix is for this file, by index in the report
    /// (`edited.fates` follows the same order).
    pub findings: Vec<usize>,
    /// The fixed file, or why it cannot be fixed.
    pub outcome: Result<Fixed, Refusal>,
}

/// The fixes of the findings a user sees in `report` (not suppressed; a
/// baseline has already removed its own), one plan per file, in path
/// order. Reads each file; writes nothing.
pub fn plan(report: &ScanReport) -> Vec<FilePlan> {
    let fixable: Vec<(usize, &Finding)> = report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.is_suppressed() && f.fix.is_some())
        .collect();
    // Findings are sorted by path: each file's are consecutive.
    fixable
        .chunk_by(|(_, a), (_, b)| a.path == b.path)
        .map(|file| {
            let path = file[0].1.path.clone();
            let edits: Vec<Edit<'_>> = file.iter().filter_map(|(_, f)| Edit::of(f)).collect();
            let outcome = match report.hashes.get(&path) {
                Some(&hash) => fix_file(Path::new(&path), hash, &edits),
                // Only UTF-8 files have their content hash recorded.
                None => Err(Refusal::NotUtf8),
            };
            FilePlan {
                path,
                findings: file.iter().map(|(index, _)| *index).collect(),
                outcome,
            }
        })
        .collect()
}

/// Reads the file at `path`, checks that it is the content scanned (its
/// hash is `hash`), applies `edits` and checks the result parses no worse.
pub fn fix_file(path: &Path, hash: u128, edits: &[Edit<'_>]) -> Result<Fixed, Refusal> {
    let bytes = std::fs::read(path).map_err(Refusal::Io)?;
    if content_hash(&bytes) != hash {
        return Err(Refusal::Changed);
    }
    // It was scanned, so it is UTF-8; a file that is not has changed.
    let original = String::from_utf8(bytes).map_err(|_| Refusal::Changed)?;
    let edited = apply_edits(&original, edits);
    if edited.text != original {
        let (before, after) = (syntax_errors(&original), syntax_errors(&edited.text));
        if after > before {
            return Err(Refusal::SyntaxErrors { before, after });
        }
    }
    Ok(Fixed { original, edited })
}

/// Writes `fixed` to `path` if the file still holds `original`, the bytes
/// the fixes were applied to: the last check before the file is replaced
/// (atomically, keeping its permissions; see [`crate::atomic`]). What
/// changes it between this check and the rename, a few system calls
/// later, is lost: no file system offers better without locks that
/// editors do not take.
pub fn write_fixed(path: &Path, original: &[u8], fixed: &[u8]) -> Result<(), Refusal> {
    let current = std::fs::read(path).map_err(Refusal::Io)?;
    if current != original {
        return Err(Refusal::Changed);
    }
    crate::atomic::replace_atomically(path, TEMP_PREFIX, fixed).map_err(Refusal::Io)
}

#[cfg(test)]
mod tests {
    use std::fs;

    use tripline_rule::RuleSet;

    use super::*;
    use crate::{scan_text, Prepared, Target};

    fn edit(range: Range<usize>, replacement: &str) -> Edit<'_> {
        Edit { range, replacement }
    }

    /// `code` with the fixes of `rule`'s findings applied.
    fn fixed_by(rule: &str, code: &str) -> String {
        let mut rules = RuleSet::default();
        let diagnostics = tripline_rule::load_str("rule.yaml", rule, &mut rules);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let target = Target {
            path: "a.py".into(),
            relative: "a.py".into(),
        };
        let findings = scan_text(&Prepared::new(&rules), &target, code);
        assert!(!findings.is_empty(), "the rule finds nothing in {code:?}");
        let edits: Vec<Edit<'_>> = findings.iter().filter_map(Edit::of).collect();
        apply_edits(code, &edits).text
    }

    #[test]
    fn overlapping_edits_are_applied_by_position_and_the_first_wins() {
        let text = "abcdefgh";
        let edits = [
            edit(2..5, "X"),
            edit(0..3, "Y"),
            edit(4..6, "Z"),
            edit(6..8, "W"),
        ];
        let edited = apply_edits(text, &edits);
        assert_eq!(edited.text, "YdZW");
        assert_eq!(
            edited.fates,
            [
                EditFate::Overlaps,
                EditFate::Applied,
                EditFate::Applied,
                EditFate::Applied
            ]
        );
        // The same edits in another order: the same outcome.
        let reversed: Vec<Edit<'_>> = edits.iter().rev().cloned().collect();
        assert_eq!(apply_edits(text, &reversed).text, "YdZW");
    }

    #[test]
    fn the_same_edit_twice_is_applied_once_and_a_no_op_is_not_applied() {
        let edited = apply_edits("eval(x)", &[edit(5..6, "y"), edit(5..6, "y")]);
        assert_eq!(edited.text, "eval(y)");
        assert_eq!(edited.fates, [EditFate::Applied, EditFate::Applied]);
        let edited = apply_edits("eval(x)", &[edit(5..6, "x")]);
        assert_eq!(edited.fates, [EditFate::Unchanged]);
    }

    #[test]
    fn an_edit_outside_the_text_is_not_applied() {
        let edited = apply_edits("é = 1", &[edit(1..2, "x"), edit(3..40, "y")]);
        assert_eq!(edited.text, "é = 1");
        assert_eq!(edited.fates, [EditFate::OutsideText, EditFate::OutsideText]);
    }

    #[test]
    fn line_breaks_of_a_fix_follow_the_file() {
        let crlf = "if x:\r\n    a = 1\r\n";
        let at = crlf.find("a = 1").unwrap();
        let edited = apply_edits(crlf, &[edit(at..at + 5, "a = 2\n    b = 3")]);
        assert_eq!(edited.text, "if x:\r\n    a = 2\r\n    b = 3\r\n");
        // A `\r\n` already in the fix (bound code) is not doubled.
        let edited = apply_edits(crlf, &[edit(at..at + 5, "a = (2,\r\n 3)")]);
        assert_eq!(edited.text, "if x:\r\n    a = (2,\r\n 3)\r\n");
        let lf = "if x:\n    a = 1\n";
        let edited = apply_edits(lf, &[edit(at - 1..at + 4, "a = 2\n    b = 3")]);
        assert_eq!(edited.text, "if x:\n    a = 2\n    b = 3\n");
        assert_eq!(line_ending("one line"), "\n");
    }

    #[test]
    fn syntax_errors_are_counted() {
        assert_eq!(syntax_errors("x = 1\n"), 0);
        assert!(syntax_errors("x = (\n") > 0);
        assert!(syntax_errors("def f(:\n    pass\nx = [\n") > syntax_errors("def f(:\n    pass\n"));
    }

    /// A rule file with one rule, `pattern`, whose fix is `fix` (the YAML
    /// lines of a `fix` or `fix-regex` key).
    fn rule(pattern: &str, fix: &str) -> String {
        format!(
            "rules:\n  - id: r\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: {pattern}\n{fix}"
        )
    }

    #[test]
    fn a_multi_line_template_is_indented_like_the_line_of_the_match() {
        let rule = rule(
            "os.system($CMD)",
            "    fix: |-\n      subprocess.run(\n          $CMD,\n\n          check=True,\n      )\n",
        );
        let code = "def f():\n    if x:\n        os.system(\n            cmd)\n";
        assert_eq!(
            fixed_by(&rule, code),
            "def f():\n    if x:\n        subprocess.run(\n            cmd,\n\n            check=True,\n        )\n"
        );
        // Code bound over several lines keeps its own indentation.
        let code = "def f():\n    os.system(a +\n              b)\n";
        assert_eq!(
            fixed_by(&rule, code),
            "def f():\n    subprocess.run(\n        a +\n              b,\n\n        check=True,\n    )\n"
        );
        // In a CRLF file, with CRLF line breaks.
        let code = "def f():\r\n\tos.system(cmd)\r\n";
        assert_eq!(
            fixed_by(&rule, code),
            "def f():\r\n\tsubprocess.run(\r\n\t    cmd,\r\n\r\n\t    check=True,\r\n\t)\r\n"
        );
    }

    #[test]
    fn fix_regex_replaces_count_times_with_numbered_and_named_groups() {
        let rule = |fix: &str| rule("configure(...)", &format!("    fix-regex:\n{fix}"));
        let code = "configure(a.load, b.load)\n";
        let once = rule(
            "      regex: (\\w+)\\.load\n      replacement: '\\1.safe_load'\n      count: 1\n",
        );
        assert_eq!(fixed_by(&once, code), "configure(a.safe_load, b.load)\n");
        let all =
            rule("      regex: (?P<obj>\\w+)\\.load\n      replacement: '${obj}.safe_load'\n");
        assert_eq!(
            fixed_by(&all, code),
            "configure(a.safe_load, b.safe_load)\n"
        );
        let numbered =
            rule("      regex: (\\w+)\\.load\n      replacement: '$1.safe_load'\n      count: 2\n");
        assert_eq!(
            fixed_by(&numbered, code),
            "configure(a.safe_load, b.safe_load)\n"
        );
    }

    /// A file in a scratch directory.
    fn file(content: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.py");
        fs::write(&path, content).unwrap();
        (dir, path)
    }

    #[test]
    fn a_fix_that_breaks_the_syntax_is_refused() {
        let code = "x = eval(a)\n";
        let (_dir, path) = file(code);
        let at = code.find("eval(a)").unwrap();
        let breaking = [edit(at..at + 7, "eval(a")];
        match fix_file(&path, content_hash(code.as_bytes()), &breaking) {
            Err(Refusal::SyntaxErrors { before: 0, after }) => assert!(after > 0),
            other => panic!("not refused for its syntax: {other:?}"),
        }
        // The same fix in a file already broken elsewhere, that it breaks
        // no further, is applied.
        let broken = "def f(:\n    pass\nx = eval(a)\n";
        let (_dir, path) = file(broken);
        let at = broken.find("eval(a)").unwrap();
        let fine = [edit(at..at + 7, "ast.literal_eval(a)")];
        let fixed = fix_file(&path, content_hash(broken.as_bytes()), &fine).unwrap();
        assert!(fixed.edited.text.ends_with("x = ast.literal_eval(a)\n"));
        let worse = Refusal::SyntaxErrors {
            before: 1,
            after: 3,
        };
        assert_eq!(
            worse.to_string(),
            "the fixes would add syntax errors (1 before, 3 after)"
        );
    }

    #[test]
    fn a_file_changed_since_it_was_scanned_is_not_fixed() {
        let (_dir, path) = file("x = eval(a)\n");
        let scanned = content_hash(b"x = eval(b)\n");
        assert!(matches!(
            fix_file(&path, scanned, &[edit(4..11, "y")]),
            Err(Refusal::Changed)
        ));
    }

    #[test]
    fn a_file_changed_after_its_fixes_were_computed_is_not_written() {
        let (_dir, path) = file("x = eval(a)\n");
        let read = fs::read(&path).unwrap();
        // Another program writes the file after tripline read it.
        fs::write(&path, "edited by someone else\n").unwrap();
        let result = write_fixed(&path, &read, b"fixed\n");
        assert!(matches!(result, Err(Refusal::Changed)), "{result:?}");
        assert_eq!(fs::read(&path).unwrap(), b"edited by someone else\n");
        // Unchanged, it is written.
        let read = fs::read(&path).unwrap();
        write_fixed(&path, &read, b"fixed\n").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"fixed\n");
    }

    #[test]
    fn a_plan_fixes_the_reported_findings_of_each_file() {
        let mut rules = RuleSet::default();
        let eval = rule("eval($X)", "    fix: ast.literal_eval($X)\n");
        tripline_rule::load_str("rule.yaml", &eval, &mut rules);
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.py");
        fs::write(&a, "eval(x)\neval(y)  # nosec\n").unwrap();
        fs::write(dir.path().join("b.py"), "print(1)\n").unwrap();
        let report = crate::scan(&rules, &[dir.path().to_path_buf()], &Default::default());
        let plans = plan(&report);
        assert_eq!(plans.len(), 1, "only a.py has findings");
        let plan = &plans[0];
        assert_eq!(plan.path, a.display().to_string());
        assert_eq!(plan.findings.len(), 1, "the suppressed one is left alone");
        let fixed = plan.outcome.as_ref().unwrap();
        assert_eq!(fixed.edited.text, "ast.literal_eval(x)\neval(y)  # nosec\n");
        fixed.write(&a).unwrap();
        assert_eq!(fs::read_to_string(&a).unwrap(), fixed.edited.text);
    }
}
