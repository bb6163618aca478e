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
mod matches;
mod report;
mod scan;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tripline_rule::RuleSet;

pub use discover::{discover, DiscoveryOptions, Target};
pub use report::{
    FileError, FileTime, Finding, MetavarValue, Position, RuleTime, ScanReport, Stats, Timing,
};
pub use scan::{interpolate, LineIndex};

use scan::{scan_file, FileOutcome, FileTiming, Prepared};

/// How to scan.
#[derive(Debug, Default, Clone)]
pub struct ScanOptions {
    pub discovery: DiscoveryOptions,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
    /// Measure where the time goes ([`ScanReport::timing`]); each rule is
    /// then matched on its own, so the scan is slower.
    pub timing: bool,
}

/// Scans `paths` with `ruleset`. Never fails as a whole: files that cannot be
/// scanned are listed in [`ScanReport::errors`] and the scan goes on.
pub fn scan(ruleset: &RuleSet, paths: &[PathBuf], options: &ScanOptions) -> ScanReport {
    let started = Instant::now();
    let (targets, walk_errors) = discover(paths, &options.discovery);
    let mut prepared = Prepared::new(ruleset);
    prepared.timing = options.timing;
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
    let mut timing = options.timing.then(|| TimingTally::new(ruleset));
    for outcome in outcomes {
        if let (Some(tally), Some(file)) = (&mut timing, &outcome.timing) {
            tally.add(&outcome, file);
        }
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
    report.timing = timing.map(|tally| tally.finish(started.elapsed()));
    report
}

/// Sums the per-file timings of a scan.
struct TimingTally<'r> {
    ruleset: &'r RuleSet,
    /// Seconds and files, by rule index.
    rules: Vec<(f64, usize)>,
    files: Vec<FileTime>,
}

impl<'r> TimingTally<'r> {
    fn new(ruleset: &'r RuleSet) -> Self {
        TimingTally {
            ruleset,
            rules: vec![(0.0, 0); ruleset.rules.len()],
            files: Vec::new(),
        }
    }

    fn add(&mut self, outcome: &FileOutcome, file: &FileTiming) {
        for &(rule, duration) in &file.rules {
            self.rules[rule].0 += duration.as_secs_f64();
            self.rules[rule].1 += 1;
        }
        if outcome.scanned {
            self.files.push(FileTime {
                path: file.path.clone(),
                seconds: file.total.as_secs_f64(),
                parse_seconds: file.parse.as_secs_f64(),
            });
        }
    }

    fn finish(mut self, total: Duration) -> Timing {
        let mut rules: Vec<RuleTime> = self
            .rules
            .iter()
            .zip(&self.ruleset.rules)
            .filter(|((_, files), _)| *files > 0)
            .map(|(&(seconds, files), rule)| RuleTime {
                rule_id: rule.id.clone(),
                seconds,
                files,
            })
            .collect();
        let slowest_first = |a: f64, b: f64| b.total_cmp(&a);
        rules.sort_by(|a, b| slowest_first(a.seconds, b.seconds).then(a.rule_id.cmp(&b.rule_id)));
        self.files
            .sort_by(|a, b| slowest_first(a.seconds, b.seconds).then(a.path.cmp(&b.path)));
        Timing {
            total_seconds: total.as_secs_f64(),
            rules,
            files: self.files,
        }
    }
}
