//! `tripline scan`: run rules over Python files.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use tripline_engine::{scan, DiscoveryOptions, ScanOptions, SuppressOptions};
use tripline_rule::{load_pattern, PathFilter, PathGlobs, RuleSet};

use crate::baseline::{self, BaselineArgs};
use crate::config::{load_rules, LoadedRules};
use crate::output::destination::OutputArgs;
use crate::output::fingerprint::fingerprints;
use crate::output::{Format, Scan};
use crate::progress;
use crate::selection;
use crate::terminal::report_diagnostics;
use crate::{output, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

#[derive(clap::Args)]
pub struct ScanArgs {
    /// Files and directories to scan. Directories are walked respecting
    /// .gitignore, skipping hidden entries and non-Python files; a file
    /// named here is always scanned.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,

    /// A rule file, or a directory of rule files (*.yaml, *.yml). Repeatable.
    /// Without it, the ruleset shipped in the binary runs.
    #[arg(
        short = 'c',
        long = "config",
        value_name = "FILE|DIR",
        conflicts_with = "pattern"
    )]
    configs: Vec<PathBuf>,

    /// Search for one pattern instead of running rules, printing each match
    /// with what its metavariables bound, e.g. -e 'subprocess.$F(..., shell=True, ...)'.
    #[arg(short = 'e', long = "pattern", value_name = "PATTERN")]
    pattern: Option<String>,

    /// Run only these rules: ids, id prefixes (`python.flask`), globs
    /// (`python.*.eval-*`) or Bandit ids (`B602`). Repeatable, or comma-separated.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    select: Vec<String>,

    /// Do not run these rules (same forms as --select). Repeatable, or comma-separated.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    skip: Vec<String>,

    /// Language of the -e pattern (only Python is supported).
    #[arg(long, value_name = "LANG", default_value = "python", value_parser = ["python", "py", "python3"])]
    lang: String,

    #[command(flatten)]
    output: OutputArgs,

    /// Only scan files whose path (relative to the scanned directory) or one
    /// of its components matches this glob. Repeatable.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,

    /// Skip files whose path or one of its components matches this glob. Repeatable.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,

    /// Number of files scanned in parallel (default: all cores).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Measure where the time goes: print the slowest rules and files
    /// (to stderr; with --format json, as the "time" object). A timed scan
    /// does not use the result cache.
    #[arg(long)]
    time: bool,

    /// Do not print the list of skipped files, nor a progress bar, to stderr.
    #[arg(short, long)]
    quiet: bool,

    /// Scan every file, without reading or writing the result cache.
    #[arg(long, env = "TRIPLINE_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    no_cache: bool,

    /// Where the result cache lives. Results are reused for files whose
    /// content and rules have not changed since they were last scanned.
    #[arg(
        long,
        value_name = "DIR",
        env = "TRIPLINE_CACHE_DIR",
        default_value = ".tripline_cache"
    )]
    cache_dir: PathBuf,

    /// Print to stderr how long the scan took and what the cache did.
    #[arg(short, long)]
    verbose: bool,

    /// Ignore suppression comments (`# nosec`, `# nosemgrep`, `# tripline:
    /// ignore`) and report every finding, for audits.
    #[arg(long, conflicts_with_all = ["require_reason", "report_unused_suppressions"])]
    no_suppress: bool,

    /// A suppression comment without `-- REASON` is itself a finding
    /// (tripline.suppression-without-reason).
    #[arg(long)]
    require_reason: bool,

    /// A suppression comment that suppresses no finding is itself a finding
    /// (tripline.unused-suppression).
    #[arg(long)]
    report_unused_suppressions: bool,

    #[command(flatten)]
    baseline: BaselineArgs,
}

/// How many of the slowest rules and files `--time` lists.
const TIMING_ROWS: usize = 10;

pub fn run(args: &ScanArgs) -> u8 {
    let discovery = match discovery(&args.include, &args.exclude) {
        Ok(discovery) => discovery,
        Err(code) => return code,
    };
    let destinations = match args.output.destinations() {
        Ok(destinations) => destinations,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_ERROR;
        }
    };
    for path in &args.paths {
        if let Err(err) = std::fs::metadata(path) {
            eprintln!("error: cannot scan {}: {err}", path.display());
            return EXIT_ERROR;
        }
    }
    let loaded = match &args.pattern {
        Some(pattern) => {
            let mut ruleset = RuleSet::default();
            let diagnostics = load_pattern(pattern, &mut ruleset);
            LoadedRules {
                ruleset,
                diagnostics,
                unreadable: Vec::new(),
            }
        }
        None => load_rules(&args.configs),
    };
    report_diagnostics(&loaded.diagnostics);
    for (path, err) in &loaded.unreadable {
        eprintln!("error: cannot read rules from {}: {err}", path.display());
    }
    if loaded.has_errors() {
        eprintln!("error: the rules have errors; nothing was scanned");
        return EXIT_ERROR;
    }
    let mut loaded = loaded;
    if let Err(message) = select_rules(&mut loaded.ruleset.rules, &args.select, &args.skip) {
        eprintln!("error: {message}");
        return EXIT_ERROR;
    }

    let options = ScanOptions {
        discovery,
        jobs: args.jobs.map(usize::from),
        timing: args.time,
        // An ad-hoc pattern is rarely run twice unchanged: caching its results
        // would only push the rules' cache files out.
        cache: (!args.no_cache && args.pattern.is_none()).then(|| args.cache_dir.clone()),
        progress: progress::wanted(args.quiet)
            .then(|| Arc::new(progress::Bar::new()) as Arc<dyn tripline_engine::Progress>),
        suppress: SuppressOptions {
            disabled: args.no_suppress,
            require_reason: args.require_reason,
            report_unused: args.report_unused_suppressions,
        },
    };
    // The tree at --baseline-ref is scanned as the working tree will be,
    // without the cache (its files are temporary) or a progress bar.
    let scan_ref = |paths: &[PathBuf]| {
        let options = ScanOptions {
            cache: None,
            progress: None,
            timing: false,
            ..options.clone()
        };
        scan(&loaded.ruleset, paths, &options)
    };
    let baseline = match baseline::load(&args.baseline, &args.paths, scan_ref) {
        Ok(baseline) => baseline,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_ERROR;
        }
    };
    let (started, started_at) = (Instant::now(), SystemTime::now());
    let mut report = scan(&loaded.ruleset, &args.paths, &options);
    let finished_at = SystemTime::now();
    let mut prints = fingerprints(&report.findings);
    if let Some(path) = &args.baseline.write_baseline {
        if let Err(message) = baseline::file::write(path, &report.findings, &prints) {
            eprintln!("error: {message}");
            return EXIT_ERROR;
        }
    }
    if let Some(baseline) = &baseline {
        baseline.apply(&mut report, &mut prints);
    }
    if args.verbose {
        eprintln!("{}", verbose_summary(&report, started));
    }
    if let Some(error) = report.cache.as_ref().and_then(|c| c.error.as_ref()) {
        if !args.quiet {
            eprintln!(
                "warning: cannot write the result cache in {}: {error} (--no-cache turns it off)",
                args.cache_dir.display()
            );
        }
    }
    let format = args.output.format();
    if format == Format::Text && !args.quiet {
        for error in &report.errors {
            eprintln!("warning: skipped {}: {}", error.path, error.message);
        }
    }
    let mut rules: Vec<&tripline_rule::Rule> = loaded.ruleset.rules.iter().collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    let written = args.output.write(
        &destinations,
        &Scan {
            report: &report,
            fingerprints: prints,
            rules,
            started: started_at,
            finished: finished_at,
        },
    );
    // JSON carries the timings itself; every other format leaves them to stderr.
    if let (Some(timing), false) = (&report.timing, format == Format::Json) {
        eprint!("{}", output::timing::render(timing, TIMING_ROWS));
    }
    if !written {
        return EXIT_ERROR;
    }
    if report.stats.findings == 0 {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}

/// The `--verbose` line: time taken, and what the cache did.
fn verbose_summary(report: &tripline_engine::ScanReport, started: Instant) -> String {
    let files = report.stats.files + report.stats.files_skipped;
    let mut line = format!(
        "tripline: {files} files in {:.2}s",
        started.elapsed().as_secs_f64()
    );
    match &report.cache {
        None => line.push_str("; cache off"),
        Some(cache) => line.push_str(&format!(
            "; cache {}: {} reused ({} after a content check), {} scanned and stored{}",
            cache.file.display(),
            cache.reused,
            cache.checked,
            cache.stored,
            if cache.written { "" } else { ", not rewritten" },
        )),
    }
    line
}

/// Applies `--select` / `--skip`; a `--select` that names no rule is an error
/// (it is almost always a typo).
pub fn select_rules(
    rules: &mut Vec<tripline_rule::Rule>,
    select: &[String],
    skip: &[String],
) -> Result<(), String> {
    let (select, skip) = (selection::parse_all(select)?, selection::parse_all(skip)?);
    if let Some(unknown) = select.iter().find(|s| !rules.iter().any(|r| s.matches(r))) {
        return Err(format!(
            "--select {}: no rule matches it (see `tripline rules list`)",
            unknown.text()
        ));
    }
    selection::apply(rules, &select, &skip);
    Ok(())
}

/// The files to scan from `--include` and `--exclude`; a bad glob is
/// reported, and gives the exit code.
pub fn discovery(include: &[String], exclude: &[String]) -> Result<DiscoveryOptions, u8> {
    match (globs(include, "--include"), globs(exclude, "--exclude")) {
        (Ok(include), Ok(exclude)) => Ok(DiscoveryOptions {
            filter: PathFilter { include, exclude },
        }),
        (Err(message), _) | (_, Err(message)) => {
            eprintln!("error: {message}");
            Err(EXIT_ERROR)
        }
    }
}

fn globs(patterns: &[String], flag: &str) -> Result<Option<PathGlobs>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    PathGlobs::new(patterns)
        .map(Some)
        .map_err(|err| format!("{flag} {:?}: {}", patterns[err.index], err.message))
}
