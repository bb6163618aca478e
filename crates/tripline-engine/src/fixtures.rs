//! Rule fixtures: a rule file `X.yaml` is proven by `X.py` beside it,
//! annotated Semgrep-style. A comment line `# ruleid: a, b` says the next
//! code line must be flagged by rules `a` and `b`; `# ok: a` says it must not;
//! `# todoruleid:` and `# todook:` mark known misses and known false
//! positives, which are reported but do not fail.
//!
//! When `X.fixed.py` is beside the fixture, the rules' fixes are checked
//! too: `X.py` with the fixes of its findings applied (in memory, as
//! `tripline scan --autofix` would write it) must be `X.fixed.py`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::NamedSource;

use tripline_rule::{load_file, Level, PathFilter, RuleDiagnostic, RuleSet};

use crate::autofix::{apply_edits, Edit};
use crate::{scan, ScanOptions};

/// What an annotation says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Expectation {
    RuleId,
    Ok,
    TodoRuleId,
    TodoOk,
}

impl Expectation {
    fn parse(word: &str) -> Option<Expectation> {
        Some(match word {
            "ruleid" => Expectation::RuleId,
            "ok" => Expectation::Ok,
            "todoruleid" => Expectation::TodoRuleId,
            "todook" => Expectation::TodoOk,
            _ => return None,
        })
    }
}

/// One annotation: the 1-based code line it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub line: usize,
    pub rule_id: String,
    pub expectation: Expectation,
}

/// Reads the annotations of a fixture. An annotation comment applies to the
/// next line that is not itself an annotation.
pub fn annotations(text: &str) -> Vec<Annotation> {
    let mut found = Vec::new();
    let mut pending: Vec<(String, Expectation)> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        match parse_annotation_line(line) {
            Some(items) => pending.extend(items),
            None => found.extend(pending.drain(..).map(|(rule_id, expectation)| Annotation {
                line: index + 1,
                rule_id,
                expectation,
            })),
        }
    }
    found
}

/// `# ruleid: a, b` → `[(a, RuleId), (b, RuleId)]`; anything else → `None`.
fn parse_annotation_line(line: &str) -> Option<Vec<(String, Expectation)>> {
    let comment = line.trim_start().strip_prefix('#')?.trim_start();
    let (word, ids) = comment.split_once(':')?;
    let expectation = Expectation::parse(word.trim())?;
    Some(
        ids.split(',')
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(|id| (id.to_owned(), expectation))
            .collect(),
    )
}

/// Why a rule's fixture does not agree with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MismatchKind {
    /// `# ruleid:` above the line, but no finding there.
    Missing,
    /// A finding on a line not annotated `# ruleid:` for this rule.
    Unexpected,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub line: usize,
    pub kind: MismatchKind,
    /// The code on that line, for the report.
    pub code: String,
}

/// A known gap (`todoruleid`/`todook`) and whether it still holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownGap {
    pub line: usize,
    pub expectation: Expectation,
    /// For `todoruleid`: the rule now finds it; for `todook`: it no longer flags it.
    pub fixed: bool,
}

/// How one rule fared against its fixture.
#[derive(Debug, Clone)]
pub struct RuleOutcome {
    pub rule_id: String,
    pub mismatches: Vec<Mismatch>,
    pub known_gaps: Vec<KnownGap>,
}

impl RuleOutcome {
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// The result of testing one rule file.
#[derive(Debug)]
pub struct FileOutcome {
    pub rule_file: PathBuf,
    /// `None` when the rule file has no fixture beside it.
    pub fixture: Option<PathBuf>,
    pub diagnostics: Vec<RuleDiagnostic>,
    pub rules: Vec<RuleOutcome>,
    /// Annotations naming a rule the file does not define (a typo would
    /// otherwise silently test nothing): `(line, id)`.
    pub unknown_ids: Vec<(usize, String)>,
    /// The rules' fixes against `X.fixed.py`.
    pub fix: FixCheck,
}

/// How a rule file's fixes fared against `X.fixed.py`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixCheck {
    /// Nothing to check: no rule has a fix and there is no `X.fixed.py`,
    /// or the rules were not tested (no fixture, or errors).
    NothingToCheck,
    /// Rules have fixes, but there is no `X.fixed.py` to check them against.
    NoFixedFile,
    /// The fixture with its fixes applied (`actual`) and `X.fixed.py`
    /// (`expected`): the check passed if they are equal.
    Compared {
        fixed_file: PathBuf,
        expected: String,
        actual: String,
    },
}

impl FixCheck {
    /// Whether the fixes gave `X.fixed.py`; `None` if nothing was compared.
    pub fn passed(&self) -> Option<bool> {
        match self {
            FixCheck::Compared {
                expected, actual, ..
            } => Some(expected == actual),
            _ => None,
        }
    }
}

/// The fixture of a rule file: `X.py` beside `X.yaml` / `X.yml`.
pub fn fixture_path(rule_file: &Path) -> Option<PathBuf> {
    let candidate = rule_file.with_extension("py");
    candidate.is_file().then_some(candidate)
}

/// What a rule file's fixture must become once fixed: `X.fixed.py` beside it.
fn fixed_path(fixture: &Path) -> Option<PathBuf> {
    let candidate = fixture.with_extension("fixed.py");
    candidate.is_file().then_some(candidate)
}

/// Warnings about a rule file's fixture, for `tripline validate`: there is
/// none, or it has no `# ruleid:` annotation (so it proves nothing).
pub fn fixture_warnings(rule_file: &Path, rule_text: &str) -> Vec<RuleDiagnostic> {
    let Some(fixture) = fixture_path(rule_file) else {
        let source = Arc::new(NamedSource::new(
            rule_file.display().to_string(),
            rule_text.to_owned(),
        ));
        let first_line = rule_text.find('\n').unwrap_or(rule_text.len());
        return vec![RuleDiagnostic::warning(
            "tripline::no-fixture",
            format!("no fixture {} beside this rule file", rule_file.with_extension("py").display()),
            &source,
        )
        .label(0, first_line, "untested rules")
        .help("add Python code with `# ruleid: <id>` above lines that must be flagged and `# ok: <id>` above lines that must not, then run `tripline test`")];
    };
    let text = std::fs::read_to_string(&fixture).unwrap_or_default();
    if annotations(&text)
        .iter()
        .any(|a| a.expectation == Expectation::RuleId)
    {
        return Vec::new();
    }
    let source = Arc::new(NamedSource::new(fixture.display().to_string(), text));
    vec![RuleDiagnostic::warning(
        "tripline::fixture-without-ruleid",
        "this fixture has no `# ruleid:` annotation, so it cannot show that the rule finds anything",
        &source,
    )
    .label(0, 1, "no `# ruleid:` in this file")
    .help("put `# ruleid: <id>` on the line above code the rule must flag")]
}

/// Loads one rule file and checks each of its rules against the fixture.
pub fn test_rule_file(rule_file: &Path) -> FileOutcome {
    let mut ruleset = RuleSet::default();
    let diagnostics = match load_file(rule_file, &mut ruleset) {
        Ok(diagnostics) => diagnostics,
        Err(err) => {
            return FileOutcome {
                rule_file: rule_file.to_path_buf(),
                fixture: None,
                diagnostics: vec![RuleDiagnostic::error(
                    "tripline::io",
                    format!("cannot read {}: {err}", rule_file.display()),
                    &Arc::new(NamedSource::new(
                        rule_file.display().to_string(),
                        String::new(),
                    )),
                )],
                rules: Vec::new(),
                unknown_ids: Vec::new(),
                fix: FixCheck::NothingToCheck,
            }
        }
    };
    let fixture = fixture_path(rule_file);
    let mut outcome = FileOutcome {
        rule_file: rule_file.to_path_buf(),
        fixture: fixture.clone(),
        rules: Vec::new(),
        diagnostics,
        unknown_ids: Vec::new(),
        fix: FixCheck::NothingToCheck,
    };
    let (Some(fixture), false) = (
        fixture,
        outcome.diagnostics.iter().any(|d| d.level == Level::Error),
    ) else {
        return outcome;
    };
    let text = std::fs::read_to_string(&fixture).unwrap_or_default();
    // A fixture proves the rule's patterns; where the rule applies
    // (`paths:`) is a property of the project, not of the fixture.
    for rule in &mut ruleset.rules {
        rule.paths = PathFilter::default();
    }
    let report = scan(
        &ruleset,
        std::slice::from_ref(&fixture),
        &ScanOptions::default(),
    );
    let expected = annotations(&text);
    let code_lines: Vec<&str> = text.lines().collect();
    for rule in &ruleset.rules {
        let found: BTreeSet<usize> = report
            .findings
            .iter()
            .filter(|f| f.rule_id == rule.id)
            .map(|f| f.start.line)
            .collect();
        let mut marks: BTreeMap<usize, Expectation> = BTreeMap::new();
        for annotation in expected.iter().filter(|a| a.rule_id == rule.id) {
            marks.insert(annotation.line, annotation.expectation);
        }
        outcome
            .rules
            .push(compare(&rule.id, &found, &marks, &code_lines));
    }
    outcome.unknown_ids = expected
        .iter()
        .filter(|a| !ruleset.rules.iter().any(|r| r.id == a.rule_id))
        .map(|a| (a.line, a.rule_id.clone()))
        .collect();
    let has_fixes = ruleset
        .rules
        .iter()
        .any(|r| r.fix.is_some() || r.fix_regex.is_some());
    outcome.fix = match fixed_path(&fixture) {
        Some(fixed_file) => {
            let edits: Vec<Edit<'_>> = report.active().filter_map(Edit::of).collect();
            FixCheck::Compared {
                expected: std::fs::read_to_string(&fixed_file).unwrap_or_default(),
                actual: apply_edits(&text, &edits).text,
                fixed_file,
            }
        }
        None if has_fixes => FixCheck::NoFixedFile,
        None => FixCheck::NothingToCheck,
    };
    outcome
}

fn compare(
    rule_id: &str,
    found: &BTreeSet<usize>,
    marks: &BTreeMap<usize, Expectation>,
    code: &[&str],
) -> RuleOutcome {
    let code_at = |line: usize| {
        code.get(line - 1)
            .map_or(String::new(), |l| l.trim().to_owned())
    };
    let mut outcome = RuleOutcome {
        rule_id: rule_id.to_owned(),
        mismatches: Vec::new(),
        known_gaps: Vec::new(),
    };
    let lines: BTreeSet<usize> = found.iter().chain(marks.keys()).copied().collect();
    for line in lines {
        let flagged = found.contains(&line);
        match (marks.get(&line), flagged) {
            (Some(Expectation::RuleId), false) => outcome.mismatches.push(Mismatch {
                line,
                kind: MismatchKind::Missing,
                code: code_at(line),
            }),
            (None | Some(Expectation::Ok), true) => outcome.mismatches.push(Mismatch {
                line,
                kind: MismatchKind::Unexpected,
                code: code_at(line),
            }),
            (Some(expectation @ (Expectation::TodoRuleId | Expectation::TodoOk)), _) => {
                outcome.known_gaps.push(KnownGap {
                    line,
                    expectation: *expectation,
                    fixed: (*expectation == Expectation::TodoRuleId) == flagged,
                });
            }
            _ => {}
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_apply_to_the_next_code_line() {
        let text = "# ruleid: a, b\n# ok: c\nx = 1\ny = 2\n    # todoruleid: a\n    z = 3\n";
        let found = annotations(text);
        let summary: Vec<(usize, &str, Expectation)> = found
            .iter()
            .map(|a| (a.line, a.rule_id.as_str(), a.expectation))
            .collect();
        assert_eq!(
            summary,
            [
                (3, "a", Expectation::RuleId),
                (3, "b", Expectation::RuleId),
                (3, "c", Expectation::Ok),
                (6, "a", Expectation::TodoRuleId)
            ]
        );
    }

    #[test]
    fn ordinary_comments_are_not_annotations() {
        assert!(annotations("# okay: this is prose\n# rule: x\nx = 1\n").is_empty());
    }

    #[test]
    fn compare_reports_misses_and_unexpected_findings() {
        let found: BTreeSet<usize> = [2, 4, 6].into();
        let marks: BTreeMap<usize, Expectation> = [
            (2, Expectation::RuleId),
            (3, Expectation::RuleId),
            (4, Expectation::Ok),
            (6, Expectation::TodoOk),
        ]
        .into();
        let code = ["a", "b", "c", "d", "e", "f"];
        let outcome = compare("r", &found, &marks, &code);
        let mismatches: Vec<(usize, MismatchKind)> = outcome
            .mismatches
            .iter()
            .map(|m| (m.line, m.kind.clone()))
            .collect();
        assert_eq!(
            mismatches,
            [(3, MismatchKind::Missing), (4, MismatchKind::Unexpected)]
        );
        assert_eq!(outcome.known_gaps.len(), 1);
        assert!(!outcome.known_gaps[0].fixed);
    }
}
