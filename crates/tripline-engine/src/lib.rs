//! tripline's engine: finds the Python files to scan, scans them in
//! parallel (each parsed once, all rules run over that one tree) and gathers
//! the findings in a deterministic order.
//!
//! ```no_run
//! use tripline_engine::{scan, ScanOptions};
//! use tripline_rule::{load_file, RuleSet};
//!
//! let mut rules = RuleSet::default();
//! load_file("rules.yaml".as_ref(), &mut rules).unwrap();
//! let report = scan(&rules, &["src".into()], &ScanOptions::default());
//! println!("{} findings", report.findings.len());
//! ```

mod discover;
mod evaluate;
pub mod explain;
pub mod fixtures;
mod report;
mod scan;

use std::path::PathBuf;

use rayon::prelude::*;
use tripline_rule::RuleSet;

pub use discover::{discover, DiscoveryOptions, Target};
pub use report::{FileError, Finding, MetavarValue, Position, ScanReport, Stats};
pub use scan::{interpolate, LineIndex};

use scan::{scan_file, Prepared};

/// How to scan.
#[derive(Debug, Default, Clone)]
pub struct ScanOptions {
    pub discovery: DiscoveryOptions,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
}

/// Scans `paths` with `ruleset`. Never fails as a whole: files that cannot be
/// scanned are listed in [`ScanReport::errors`] and the scan goes on.
pub fn scan(ruleset: &RuleSet, paths: &[PathBuf], options: &ScanOptions) -> ScanReport {
    let (targets, walk_errors) = discover(paths, &options.discovery);
    let prepared = Prepared::new(ruleset);
    let run = || {
        targets
            .par_iter()
            .map(|t| scan_file(&prepared, t))
            .collect::<Vec<_>>()
    };
    let outcomes = match options.jobs {
        Some(jobs) => match rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build()
        {
            Ok(pool) => pool.install(run),
            Err(_) => run(),
        },
        None => run(),
    };

    let mut report = ScanReport::default();
    report.stats.rules = ruleset.rules.len();
    report.errors = walk_errors
        .into_iter()
        .map(|(path, message)| FileError {
            path: path.display().to_string(),
            kind: "read",
            message,
        })
        .collect();
    for outcome in outcomes {
        if outcome.scanned {
            report.stats.files += 1;
            report.stats.bytes += outcome.bytes;
            report.stats.files_with_syntax_errors += usize::from(outcome.syntax_errors);
        }
        if let Some(error) = outcome.error {
            report.stats.files_skipped += 1;
            report.errors.push(error);
        }
        report.findings.extend(outcome.findings);
    }
    report.findings.sort_by(|a, b| {
        (&a.path, a.start, a.end, &a.rule_id).cmp(&(&b.path, b.start, b.end, &b.rule_id))
    });
    report.errors.sort_by(|a, b| a.path.cmp(&b.path));
    report.stats.findings = report.findings.len();
    report
}
