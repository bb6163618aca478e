//! Baselines: the findings a project already has, recorded so that a scan
//! reports only new ones (`--write-baseline`, `--baseline`,
//! `--baseline-ref`; docs/baseline.md).
//!
//! A finding is recognised by its fingerprint (see
//! [`crate::output::fingerprint`]): rule, path, matched code, enclosing
//! function and occurrence index, never its line, so a baseline survives
//! lines inserted above a finding and edits elsewhere, while a new copy of
//! an old finding gets an occurrence index the baseline lacks and is
//! reported.

pub mod file;
pub mod git;

use std::collections::HashSet;
use std::path::PathBuf;

use tripline_engine::{Finding, ScanReport};

use crate::output::fingerprint::fingerprints;

/// `scan` options about baselines.
#[derive(clap::Args)]
pub struct BaselineArgs {
    /// Record the findings of this scan (those not suppressed) in FILE, to
    /// pass to --baseline later.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "baseline_ref"])]
    pub write_baseline: Option<PathBuf>,

    /// Report only findings that are not in this baseline file (written by
    /// --write-baseline); the others are counted as "in the baseline".
    #[arg(long, value_name = "FILE", conflicts_with = "baseline_ref")]
    pub baseline: Option<PathBuf>,

    /// Report only findings that were not there at this git commit (a
    /// branch, tag or hash): the tree at GIT_REF is scanned with the same
    /// rules and options, and its findings are the baseline.
    #[arg(long, value_name = "GIT_REF")]
    pub baseline_ref: Option<String>,
}

/// The baseline the options ask for, if any: read from `--baseline`, or
/// made by `scan`ning the tree of `--baseline-ref` (given the paths to
/// scan there).
pub fn load(
    args: &BaselineArgs,
    paths: &[PathBuf],
    scan: impl FnOnce(&[PathBuf]) -> ScanReport,
) -> Result<Option<Baseline>, String> {
    if let Some(path) = &args.baseline {
        return file::read(path).map(Some);
    }
    let Some(git_ref) = &args.baseline_ref else {
        return Ok(None);
    };
    let report = git::scan_at(git_ref, paths, scan)?;
    let prints = fingerprints(&report.findings);
    Ok(Some(Baseline::of(report.findings.iter().zip(&prints))))
}

/// The fingerprints of the findings a baseline holds.
#[derive(Debug, Default)]
pub struct Baseline {
    prints: HashSet<String>,
}

impl Baseline {
    /// The baseline of a scan: its findings that are not suppressed, as
    /// given with their fingerprints.
    pub fn of<'a>(findings: impl IntoIterator<Item = (&'a Finding, &'a String)>) -> Self {
        Baseline {
            prints: findings
                .into_iter()
                .filter(|(finding, _)| !finding.is_suppressed())
                .map(|(_, print)| print.clone())
                .collect(),
        }
    }

    /// Leaves out of `report` (and of `prints`, kept parallel to its
    /// findings) the findings this baseline has, counting them in
    /// `stats.baseline`. Suppressed findings stay: they are reported as
    /// suppressed whatever the baseline says.
    pub fn apply(&self, report: &mut ScanReport, prints: &mut Vec<String>) {
        let findings = std::mem::take(&mut report.findings);
        let before = findings.len();
        let kept: Vec<(Finding, String)> = findings
            .into_iter()
            .zip(std::mem::take(prints))
            .filter(|(finding, print)| finding.is_suppressed() || !self.prints.contains(print))
            .collect();
        (report.findings, *prints) = kept.into_iter().unzip();
        report.count_findings();
        report.stats.baseline = before - report.findings.len();
    }
}
