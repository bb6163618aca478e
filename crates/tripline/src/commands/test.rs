//! `tripline test`: each rule file `X.yaml` against its annotated fixture `X.py`.

use std::fmt::Write;
use std::path::PathBuf;

use serde::Serialize;
use tripline_engine::fixtures::{test_rule_file, Expectation, FileOutcome, MismatchKind};
use tripline_rule::{unique_rule_files, Level};

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
        });
    }
    report
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
