//! tripline's engine: finds the Python files to scan, scans them in
//! parallel (each parsed once, all rules run over that one tree) and gathers
//! the findings in a deterministic order.
//!
//! With [`ScanOptions::cache`] set, results are kept per file and reused
//! while neither the file nor the rules change (see the `cache` module).
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

mod atomic;
pub mod autofix;
mod cache;
mod directive;
mod discover;
mod evaluate;
pub mod explain;
pub mod fixtures;
mod matches;
mod place;
mod ranges;
mod report;
mod scan;
mod sharing;
mod slots;
mod source;
mod suppress;
mod taint;
mod words;

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;
use tripline_rule::RuleSet;

pub use atomic::write_atomically;
pub use cache::CacheStats;
pub use discover::{discover, DiscoveryOptions, Target};
pub use report::{
    DataflowTrace, FileError, FileTime, Finding, MetavarValue, Position, RuleTime, ScanReport,
    Stats, Suppression, SuppressionKind, Timing, TraceLocation,
};
pub use scan::{interpolate, scan_text, Limits, LineIndex, Prepared, DEFAULT_TIMEOUT};
pub use source::DEFAULT_MAX_FILE_SIZE;
pub use suppress::{
    SuppressOptions, UNUSED as UNUSED_SUPPRESSION, WITHOUT_REASON as SUPPRESSION_WITHOUT_REASON,
};
pub use words::{Needed, Present, Words};

use cache::{Cache, Note};
use scan::{scan_file, FileOutcome, FileTiming};

/// How to scan.
#[derive(Debug, Default, Clone)]
pub struct ScanOptions {
    pub discovery: DiscoveryOptions,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
    /// Measure where the time goes ([`ScanReport::timing`]).
    pub timing: bool,
    /// The result cache directory; `None` scans every file.
    pub cache: Option<PathBuf>,
    /// How suppression comments are handled.
    pub suppress: SuppressOptions,
    /// Told how the scan advances (the CLI draws a progress bar with it).
    pub progress: Option<Arc<dyn Progress>>,
    /// Bounds on each file's scan (size, time).
    pub limits: Limits,
}

/// Hooks called as a scan advances, from any of its threads. The engine
/// draws nothing itself.
pub trait Progress: Send + Sync {
    /// The files to scan are known: there are `total` of them.
    fn start(&self, total: usize);
    /// One more file is done (scanned, or taken from the cache).
    fn advance(&self);
    /// Every file is done.
    fn finish(&self);
}

impl fmt::Debug for dyn Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Progress")
    }
}

/// Scans `paths` with `ruleset`. Never fails as a whole: files that cannot be
/// scanned are listed in [`ScanReport::errors`] and the scan goes on.
pub fn scan(ruleset: &RuleSet, paths: &[PathBuf], options: &ScanOptions) -> ScanReport {
    scan_started_at(ruleset, paths, options, SystemTime::now())
}

/// [`scan`], as if started at `started` (the cache trusts a file's stamp
/// only if the file changed clearly before the run started).
fn scan_started_at(
    ruleset: &RuleSet,
    paths: &[PathBuf],
    options: &ScanOptions,
    started: SystemTime,
) -> ScanReport {
    let clock = Instant::now();
    let (targets, walk_errors) = discover(paths, &options.discovery);
    // Prepared when the first file is scanned: a warm re-scan, where every
    // file's result comes from the cache, never needs the dispatch tables
    // and word automaton (a third of its instructions on Django).
    let prepared = OnceLock::new();
    let scan_target = |target: &Target, bytes: Option<Vec<u8>>| {
        let prepared = prepared.get_or_init(|| {
            let mut prepared = Prepared::new(ruleset);
            prepared.timing = options.timing;
            prepared.suppress = options.suppress;
            prepared.limits = options.limits;
            prepared
        });
        scan_file(prepared, target, bytes)
    };
    // Timings describe a scan, not the cache.
    let cache_dir = options.cache.as_deref().filter(|_| !options.timing);
    let cache = cache_dir.map(|dir| Cache::open(dir, ruleset, &options.suppress, started));
    let progress = options.progress.as_deref();
    if let Some(progress) = progress {
        progress.start(targets.len());
    }
    let run = || {
        targets
            .par_iter()
            .map(|t| {
                let done = survive_panics(t, || match &cache {
                    Some(cache) => cache.scan(t, options.limits.max_file_size, |bytes| {
                        scan_target(t, bytes)
                    }),
                    None => (scan_target(t, None), Note::Uncached),
                });
                if let Some(progress) = progress {
                    progress.advance();
                }
                done
            })
            .collect::<Vec<_>>()
    };
    let done = with_threads(options.jobs, run);

    let (outcomes, notes): (Vec<_>, Vec<_>) = done.into_iter().unzip();
    if let Some(progress) = progress {
        progress.finish();
    }

    let mut report = ScanReport {
        cache: cache.map(|cache| cache.save(notes)),
        ..ScanReport::default()
    };
    report.stats.rules = ruleset.rules.len();
    report.errors = walk_errors
        .into_iter()
        .map(|(path, message)| FileError::new(&path, "read", message))
        .collect();
    let mut timing = options.timing.then(|| TimingTally::new(ruleset));
    for (target, outcome) in targets.iter().zip(outcomes) {
        if let (Some(tally), Some(file)) = (&mut timing, &outcome.timing) {
            tally.add(&outcome, file);
        }
        if outcome.scanned {
            report.stats.files += 1;
            report.stats.bytes += outcome.bytes;
            report.stats.files_with_syntax_errors += usize::from(outcome.syntax_errors);
        }
        if let Some(error) = timeout_error(ruleset, target, &outcome, options.limits) {
            report.stats.files_timed_out += 1;
            report.errors.push(error);
        }
        if let Some(error) = outcome.error {
            report.stats.files_skipped += 1;
            report.errors.push(error);
        }
        if let (Some(hash), Some(finding)) = (outcome.hash, outcome.findings.first()) {
            report.hashes.insert(finding.path.clone(), hash);
        }
        report.findings.extend(outcome.findings);
    }
    report.findings.sort_by(|a, b| {
        (&a.path, a.start, a.end, &a.rule_id).cmp(&(&b.path, b.start, b.end, &b.rule_id))
    });
    report.errors.sort_by(|a, b| a.path.cmp(&b.path));
    report.count_findings();
    report.timing = timing.map(|tally| tally.finish(clock.elapsed()));
    report
}

/// Scans one file with `scan`; if that panics (a bug in tripline), the
/// file is reported as not scanned and the scan goes on with the others.
fn survive_panics(
    target: &Target,
    scan: impl FnOnce() -> (FileOutcome, Note),
) -> (FileOutcome, Note) {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(scan)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let message = format!(
            "tripline failed on this file ({reason}); this is a bug, please report it with the file"
        );
        let outcome = FileOutcome {
            error: Some(FileError::new(&target.path, "internal", message)),
            ..FileOutcome::default()
        };
        (outcome, Note::Uncached)
    })
}

/// The report of a file whose rules did not all finish in time.
fn timeout_error(
    ruleset: &RuleSet,
    target: &Target,
    outcome: &FileOutcome,
    limits: Limits,
) -> Option<FileError> {
    if outcome.timed_out.is_empty() {
        return None;
    }
    let rules: Vec<String> = outcome
        .timed_out
        .iter()
        .map(|&i| ruleset.rules[i].id.clone())
        .collect();
    let limit = limits
        .timeout
        .map_or_else(String::new, |t| format!(" of {} s", t.as_secs_f64()));
    let message = match rules.len() {
        1 => format!("{} did not finish within the --timeout{limit}; its findings here are not reported", rules[0]),
        2 => format!(
            "{} and {} did not finish within the --timeout{limit}; their findings here are not reported",
            rules[0], rules[1]
        ),
        n => format!(
            "{} and {} more rules did not finish within the --timeout{limit}; their findings here are not reported",
            rules[0],
            n - 1
        ),
    };
    Some(FileError {
        rules,
        ..FileError::new(&target.path, "timeout", message)
    })
}

/// The stack of each scanning thread. Recursion is bounded (patterns nest
/// at most `tripline_pattern::MAX_PATTERN_DEPTH` deep, scanned code is
/// walked without recursion), but a debug build's frames are several times
/// larger than a release build's; the memory is only reserved, not used.
const THREAD_STACK: usize = 16 * 1024 * 1024;

/// Runs `work` on `jobs` threads (all cores if `None`).
fn with_threads<R: Send>(jobs: Option<usize>, work: impl FnOnce() -> R + Send) -> R {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .stack_size(THREAD_STACK)
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// What [`parse_only`] read.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ParseTotals {
    pub files: usize,
    pub bytes: u64,
    /// Syntax tree nodes, tokens included.
    pub nodes: usize,
}

/// Reads and parses every file a scan of `paths` would, into the syntax
/// tree the matcher works on, and nothing more: the floor a scan's time is
/// measured against (`tripline parse`, used by the benchmark in `bench/`).
pub fn parse_only(paths: &[PathBuf], options: &ScanOptions) -> ParseTotals {
    let (targets, _) = discover(paths, &options.discovery);
    let parse = |target: &Target| -> ParseTotals {
        let Ok(text) = std::fs::read_to_string(&target.path) else {
            return ParseTotals::default();
        };
        let nodes = tripline_pattern::SyntaxTree::parse(&text).map_or(0, |tree| tree.len());
        ParseTotals {
            files: 1,
            bytes: text.len() as u64,
            nodes,
        }
    };
    with_threads(options.jobs, || {
        targets
            .par_iter()
            .map(parse)
            .reduce(ParseTotals::default, |a, b| ParseTotals {
                files: a.files + b.files,
                bytes: a.bytes + b.bytes,
                nodes: a.nodes + b.nodes,
            })
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn target(path: &std::path::Path) -> Target {
        Target {
            path: path.to_path_buf(),
            relative: path.to_path_buf(),
        }
    }

    /// A bug that panics on one file costs that file only.
    #[test]
    fn a_panic_is_reported_for_its_file() {
        let (outcome, note) =
            survive_panics(&target("bad.py".as_ref()), || panic!("index out of bounds"));
        let error = outcome.error.unwrap();
        assert_eq!(error.kind, "internal");
        assert!(
            error.message.contains("index out of bounds"),
            "{}",
            error.message
        );
        assert!(matches!(note, Note::Uncached));
    }

    /// A file that disappears between discovery and reading is reported.
    #[test]
    fn a_file_that_vanished_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("gone.py");
        std::fs::write(&file, "eval(x)\n").unwrap();
        let ruleset = RuleSet::default();
        let prepared = Prepared::new(&ruleset);
        let found = target(&file);
        std::fs::remove_file(&file).unwrap();
        let outcome = scan_file(&prepared, &found, None);
        let error = outcome.error.unwrap();
        assert_eq!(error.kind, "read");
        assert!(
            error.message.starts_with("cannot read:"),
            "{}",
            error.message
        );
    }
}
