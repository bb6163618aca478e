//! `--autofix` and `--dry-run`: the fixes of the findings the scan
//! reports, written to the files or shown as a diff. The engine's
//! `autofix` module decides what is safe to write; this module asks it,
//! and tells the user what was done and what was not, on stderr.

use std::collections::HashSet;
use std::path::Path;

use tripline_engine::autofix::{self, FilePlan, Fixed};
use tripline_engine::ScanReport;

use crate::output::diff;
use crate::output::text::plural;
use crate::terminal::print;

#[derive(clap::Args)]
pub struct AutofixArgs {
    /// Apply the fixes of the reported findings (those neither suppressed
    /// nor in the baseline) to the files. Fixed findings no longer make
    /// the scan fail; those left unfixed still do.
    #[arg(short = 'a', long)]
    autofix: bool,

    /// Write nothing: print the fixes --autofix would make as a unified
    /// diff on stdout, in place of the --format output (--output and the
    /// other report files are still written). Implies --autofix.
    #[arg(long, visible_alias = "dryrun")]
    dry_run: bool,
}

impl AutofixArgs {
    /// Whether fixes are applied or shown.
    pub fn enabled(&self) -> bool {
        self.autofix || self.dry_run
    }

    /// Whether the fixes are only shown.
    pub fn dry_run(&self) -> bool {
        self.dry_run
    }
}

/// Applies the fixes of `report`'s reported findings, or with `--dry-run`
/// prints them as a diff; says on stderr what was fixed and what was not,
/// and why. Returns the findings fixed, by index in the report (none with
/// `--dry-run`: nothing changed).
pub fn run(args: &AutofixArgs, report: &ScanReport) -> HashSet<usize> {
    let mut fixed = HashSet::new();
    let mut files = 0;
    let mut diffs = String::new();
    for plan in autofix::plan(report) {
        let fixes = match &plan.outcome {
            Ok(fixes) => fixes,
            Err(refusal) => {
                eprintln!("warning: {}: not fixed: {refusal}", plan.path);
                continue;
            }
        };
        report_skipped(report, &plan, fixes);
        if !fixes.changes() {
            continue;
        }
        if args.dry_run {
            let text = &fixes.edited.text;
            diffs.push_str(&diff::unified(
                &fixes.original,
                text,
                &plan.path,
                &plan.path,
            ));
        } else if let Err(refusal) = fixes.write(Path::new(&plan.path)) {
            eprintln!("warning: {}: not fixed: {refusal}", plan.path);
            continue;
        }
        files += 1;
        let applied = plan.findings.iter().zip(&fixes.edited.fates);
        fixed.extend(
            applied
                .filter(|(_, f)| f.reason().is_none())
                .map(|(i, _)| *i),
        );
    }
    print(&diffs);
    let (findings, verb) = (
        fixed.len(),
        if args.dry_run { "Would fix" } else { "Fixed" },
    );
    eprintln!(
        "{verb} {findings} {} in {files} {}",
        plural(findings, "finding", "findings"),
        plural(files, "file", "files"),
    );
    if args.dry_run {
        HashSet::new()
    } else {
        fixed
    }
}

/// One line per finding of the file whose fix is not applied, with why.
fn report_skipped(report: &ScanReport, plan: &FilePlan, fixes: &Fixed) {
    for (&index, fate) in plan.findings.iter().zip(&fixes.edited.fates) {
        if let Some(reason) = fate.reason() {
            let finding = &report.findings[index];
            eprintln!(
                "warning: {}:{}:{}: {}: fix skipped: {reason}",
                finding.path, finding.start.line, finding.start.col, finding.rule_id
            );
        }
    }
}
