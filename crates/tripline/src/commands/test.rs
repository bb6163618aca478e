//! `tripline test`: each rule file `X.yaml` against its annotated fixture
//! `X.py`, and its fixes against `X.fixed.py` when there is one.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tripline_engine::fixtures::{test_rule_file, Expectation, FileOutcome, FixCheck, MismatchKind};
use tripline_rule::{unique_rule_files, Level};

use crate::output::diff;
use crate::terminal::{print, report_diagnostics};
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

#[derive(clap::Args)]
pub struct TestArgs {
    /// Rule files, or directories searched for *.yaml / *.yml.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Print the results as JSON.
    #[arg(long)]
    json: bool,
}

/// The JSON report.
#[derive(Serialize, Default)]
struct Report {
    passed: usize,
    failed: usize,
    /// Rule files with no fixture beside them (their rules are not counted).
    untested: Vec<String>,
    /// Rule files whose rules have fixes but whose fixture has no
    /// `X.fixed.py` beside it (allowed; the fixes are not tested).
    fixes_untested: Vec<String>,
    rule_files: Vec<RuleFileReport>,
}

#[derive(Serialize)]
struct RuleFileReport {
    rule_file: String,
    fixture: Option<String>,
    /// Errors that kept the rule file from loading.
    errors: Vec<String>,
    /// Annotations that name a rule this file does not define.
    unknown_ids: Vec<UnknownId>,
    rules: Vec<RuleReport>,
    /// The fixes checked against `X.fixed.py`; `null` when there is none.
    fix: Option<FixReport>,
}

#[derive(Serialize)]
struct FixReport {
    fixed_file: String,
    /// The fixture with its findings' fixes applied is `fixed_file`.
    passed: bool,
    /// When it did not pass: a unified diff from `fixed_file` (`-`) to
    /// what the fixes give (`+`).
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<String>,
}

#[derive(Serialize)]
struct UnknownId {
    line: usize,
    id: String,
}

#[derive(Serialize)]
struct RuleReport {
    id: String,
    passed: bool,
    mismatches: Vec<MismatchReport>,
    known_gaps: Vec<GapReport>,
}

#[derive(Serialize)]
struct MismatchReport {
    line: usize,
    /// `missing`: a `# ruleid:` line without a finding; `unexpected`: a
    /// finding on a line not annotated `# ruleid:`.
    kind: &'static str,
    code: String,
}

#[derive(Serialize)]
struct GapReport {
    line: usize,
    /// `todoruleid` or `todook`.
    annotation: &'static str,
    /// The rule now behaves as the annotation hopes: the annotation can become `ruleid`/`ok`.
    fixed: bool,
}

pub fn run(args: &TestArgs) -> u8 {
    let mut unreadable = Vec::new();
    let files = unique_rule_files(&args.paths, &mut unreadable);
    for (path, err) in &unreadable {
        eprintln!("error: cannot read {}: {err}", path.display());
    }
    if files.is_empty() {
        if unreadable.is_empty() {
            eprintln!("error: no rule files (*.yaml, *.yml) found");
        }
        return EXIT_ERROR;
    }
    let outcomes: Vec<FileOutcome> = files.iter().map(|f| test_rule_file(f)).collect();
    let report = summarize(&outcomes);
    if args.json {
        let mut text = serde_json::to_string_pretty(&report).expect("the report serializes");
        text.push('\n');
        print(&text);
    } else {
        for outcome in &outcomes {
            report_diagnostics(&outcome.diagnostics);
        }
        print(&render(&report));
    }
    if !unreadable.is_empty() {
        EXIT_ERROR
    } else if report.passed + report.failed == 0 {
        eprintln!("error: nothing was tested: no rule file has a fixture (X.py beside X.yaml)");
        EXIT_ERROR
    } else if report.failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn summarize(outcomes: &[FileOutcome]) -> Report {
    let mut report = Report::default();
    for outcome in outcomes {
        let rule_file = outcome.rule_file.display().to_string();
        let errors: Vec<String> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .map(|d| match d.line_column() {
                Some((line, column)) => format!("{}:{line}:{column}: {}", d.file_name(), d.message),
                None => format!("{}: {}", d.file_name(), d.message),
            })
            .collect();
        if !errors.is_empty() || !outcome.unknown_ids.is_empty() {
            report.failed += 1;
        } else if outcome.fixture.is_none() {
            report.untested.push(rule_file.clone());
        }
        let rules: Vec<RuleReport> = outcome
            .rules
            .iter()
            .map(|rule| RuleReport {
                id: rule.rule_id.clone(),
                passed: rule.passed(),
                mismatches: rule
                    .mismatches
                    .iter()
                    .map(|m| MismatchReport {
                        line: m.line,
                        kind: match m.kind {
                            MismatchKind::Missing => "missing",
                            MismatchKind::Unexpected => "unexpected",
                        },
                        code: m.code.clone(),
                    })
                    .collect(),
                known_gaps: rule
                    .known_gaps
                    .iter()
                    .map(|g| GapReport {
                        line: g.line,
                        annotation: match g.expectation {
                            Expectation::TodoOk => "todook",
                            _ => "todoruleid",
                        },
                        fixed: g.fixed,
                    })
                    .collect(),
            })
            .collect();
        report.passed += rules.iter().filter(|r| r.passed).count();
        report.failed += rules.iter().filter(|r| !r.passed).count();
        let fix = fix_report(outcome);
        match &fix {
            Some(fix) if fix.passed => report.passed += 1,
            Some(_) => report.failed += 1,
            None if outcome.fix == FixCheck::NoFixedFile => {
                report.fixes_untested.push(rule_file.clone());
            }
            None => {}
        }
        report.rule_files.push(RuleFileReport {
            rule_file,
            fixture: outcome.fixture.as_ref().map(|f| f.display().to_string()),
            errors,
            unknown_ids: outcome
                .unknown_ids
                .iter()
                .map(|(line, id)| UnknownId {
                    line: *line,
                    id: id.clone(),
                })
                .collect(),
            rules,
            fix,
        });
    }
    report
}

/// The fix check of a rule file, when one was made: it counts as one test.
fn fix_report(outcome: &FileOutcome) -> Option<FixReport> {
    let FixCheck::Compared {
        fixed_file,
        expected,
        actual,
    } = &outcome.fix
    else {
        return None;
    };
    let fixed_file = fixed_file.display().to_string();
    let passed = expected == actual;
    let fixture = outcome
        .fixture
        .as_deref()
        .unwrap_or(Path::new("the fixture"))
        .display()
        .to_string();
    Some(FixReport {
        diff: (!passed)
            .then(|| diff::unified(expected, actual, &fixed_file, &format!("{fixture} (fixed)"))),
        fixed_file,
        passed,
    })
}

/// Per rule PASS/FAIL with each mismatch at `fixture:line`, then the closing
/// `N passed, M failed` line.
fn render(report: &Report) -> String {
    let mut out = String::new();
    for file in &report.rule_files {
        let fixture = file.fixture.as_deref().unwrap_or_default();
        if !file.errors.is_empty() {
            let _ = writeln!(
                out,
                "FAIL {}: the rule file has errors (shown above)",
                file.rule_file
            );
            continue;
        }
        if file.fixture.is_none() {
            let _ = writeln!(
                out,
                "---- {}: no fixture beside it; not tested",
                file.rule_file
            );
            continue;
        }
        if !file.unknown_ids.is_empty() {
            let _ = writeln!(
                out,
                "FAIL {}: annotations name rules it does not define",
                file.rule_file
            );
            for unknown in &file.unknown_ids {
                let _ = writeln!(
                    out,
                    "  {fixture}:{}: no rule `{}` in {}",
                    unknown.line, unknown.id, file.rule_file
                );
            }
        }
        for rule in &file.rules {
            let _ = writeln!(
                out,
                "{} {}",
                if rule.passed { "PASS" } else { "FAIL" },
                rule.id
            );
            for mismatch in &rule.mismatches {
                let what = match mismatch.kind {
                    "missing" => format!("expected {} here, not found", rule.id),
                    _ => format!("{} found, not expected", rule.id),
                };
                let _ = writeln!(
                    out,
                    "  {fixture}:{}: {what}\n      {}",
                    mismatch.line, mismatch.code
                );
            }
            for gap in &rule.known_gaps {
                let state = match (gap.annotation, gap.fixed) {
                    ("todoruleid", false) => "known miss, still missed".to_owned(),
                    ("todoruleid", true) => "now found: change `todoruleid` to `ruleid`".to_owned(),
                    (_, false) => "known false positive, still reported".to_owned(),
                    (_, true) => "no longer reported: change `todook` to `ok`".to_owned(),
                };
                let _ = writeln!(
                    out,
                    "  {fixture}:{}: {} {}: {state}",
                    gap.line, gap.annotation, rule.id
                );
            }
        }
        if let Some(fix) = &file.fix {
            render_fix(&mut out, fix, fixture);
        } else if report.fixes_untested.contains(&file.rule_file) {
            let _ = writeln!(
                out,
                "---- {}: fixes not tested (no .fixed.py beside {fixture})",
                file.rule_file
            );
        }
    }
    if !report.untested.is_empty() {
        let count = report.untested.len();
        let _ = writeln!(
            out,
            "{count} rule {} without a fixture",
            if count == 1 { "file" } else { "files" }
        );
    }
    let _ = writeln!(out, "{} passed, {} failed", report.passed, report.failed);
    out
}

/// `PASS fixes X.fixed.py`, or `FAIL` with the diff, indented.
fn render_fix(out: &mut String, fix: &FixReport, fixture: &str) {
    if fix.passed {
        let _ = writeln!(out, "PASS fixes {}", fix.fixed_file);
        return;
    }
    let _ = writeln!(
        out,
        "FAIL fixes {}: {fixture} with its fixes applied differs from it",
        fix.fixed_file
    );
    for line in fix.diff.as_deref().unwrap_or_default().lines() {
        let _ = writeln!(out, "    {line}");
    }
}
