//! `tripline scan`: run rules over Python files, with the settings of the
//! project's configuration file (`settings` merges them with the flags),
//! and with `--autofix` apply the fixes of what it found (`autofix`).

mod autofix;
mod limits;
mod settings;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use tripline_engine::{scan, DiscoveryOptions, Limits, ScanOptions, SuppressOptions};
use tripline_rule::{load_pattern, RuleSet, Severity};

use crate::baseline::{self, BaselineArgs};
use crate::output::destination::OutputArgs;
use crate::output::fingerprint::fingerprints;
use crate::output::{Format, Scan};
use crate::progress;
use crate::project_config::discover::{self, ConfigError};
use crate::project_config::ProjectConfig;
use crate::rule_sources::{load_rules, LoadedRules};
use crate::selection;
use crate::terminal::report_diagnostics;
use crate::{output, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use autofix::AutofixArgs;
use settings::{Problem, Settings};

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

    /// Skip files larger than SIZE (reported as skipped): bytes, or with a
    /// unit such as 500KB or 10MB; 0 for no limit.
    #[arg(long, value_name = "SIZE", default_value = "5MB", value_parser = limits::parse_size)]
    max_file_size: u64,

    /// Time for one file, in seconds (0: no limit). Rules still running on
    /// a file when it runs out are reported, with the file, as timed out;
    /// the findings of the rules that finished are kept and the scan goes on.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = limits::parse_timeout)]
    timeout: Duration,

    /// Follow symbolic links while walking directories, also to files and
    /// directories outside the scanned ones (loops are detected and
    /// reported). By default links are not followed.
    #[arg(long)]
    follow: bool,

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

    /// Report only findings of this severity or above, lowest first: INFO,
    /// LOW, WARNING, MEDIUM, ERROR, HIGH, CRITICAL (rules below it do not run).
    #[arg(long, value_name = "LEVEL", value_parser = parse_severity)]
    severity: Option<Severity>,

    /// Exit with 1 only when a finding of this severity or above is
    /// reported (default: any finding); lower findings are still shown.
    #[arg(long, value_name = "LEVEL", value_parser = parse_severity)]
    fail_on: Option<Severity>,

    /// Read settings from this file (a tripline.toml, or a pyproject.toml
    /// with [tool.tripline]) instead of searching upwards from the first
    /// scanned path.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config_file: Option<PathBuf>,

    /// Ignore configuration files: only flags and defaults apply.
    #[arg(long, visible_alias = "no-config")]
    isolated: bool,

    /// Print to stderr which configuration file is used, how long the scan
    /// took and what the cache did.
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

    #[command(flatten)]
    autofix: AutofixArgs,
}

fn parse_severity(text: &str) -> Result<Severity, String> {
    Severity::parse(text).ok_or_else(|| {
        "expected one of INFO, LOW, WARNING, MEDIUM, ERROR, HIGH, CRITICAL".to_owned()
    })
}

/// How many of the slowest rules and files `--time` lists.
const TIMING_ROWS: usize = 10;

pub fn run(args: &ScanArgs) -> u8 {
    for path in &args.paths {
        if let Err(err) = std::fs::metadata(path) {
            eprintln!("error: cannot scan {}: {err}", path.display());
            return EXIT_ERROR;
        }
    }
    let config = match project_config(args) {
        Ok(config) => config,
        Err(code) => return code,
    };
    match Settings::new(args, config.as_ref()) {
        Ok(settings) => run_with(args, &settings),
        Err(problem) => report_problem(problem),
    }
}

/// The configuration file in force, if any; with `--verbose`, says which.
fn project_config(args: &ScanArgs) -> Result<Option<ProjectConfig>, u8> {
    let found = match (&args.config_file, args.isolated) {
        (_, true) => Ok(None),
        (Some(file), false) => discover::explicit(file).map(Some),
        (None, false) => discover::find(args.paths.first().map_or(Path::new("."), |p| p)),
    };
    let config = found.map_err(|err| {
        match err {
            ConfigError::Unreadable { file, message } => {
                eprintln!("error: cannot read {}: {message}", file.display());
            }
            ConfigError::NoTable { file } => eprintln!(
                "error: {} has no [tool.tripline] table; a tripline.toml has its settings at the top level",
                file.display()
            ),
            ConfigError::Invalid(diagnostics) => {
                report_diagnostics(&diagnostics);
                eprintln!("error: the configuration file has errors; nothing was scanned");
            }
        }
        EXIT_ERROR
    })?;
    if args.verbose {
        match &config {
            Some(config) => eprintln!("tripline: configuration from {}", config.file.display()),
            None if args.isolated => {
                eprintln!("tripline: configuration files ignored (--isolated)")
            }
            None => eprintln!("tripline: no configuration file found"),
        }
    }
    Ok(config)
}

fn report_problem(problem: Problem) -> u8 {
    match problem {
        Problem::Message(message) => eprintln!("error: {message}"),
        Problem::Diagnostics(diagnostics) => {
            report_diagnostics(&diagnostics);
            eprintln!("error: the configuration file has errors; nothing was scanned");
        }
    }
    EXIT_ERROR
}

fn run_with(args: &ScanArgs, settings: &Settings<'_>) -> u8 {
    let output = args.output.with_default_format(settings.format);
    let mut destinations = match output.destinations() {
        Ok(destinations) => destinations,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_ERROR;
        }
    };
    if args.autofix.dry_run() {
        // The diff takes stdout; reports written to files are still written.
        destinations.retain(|d| d.file.is_some());
    }
    let (paths, left_out) = settings.paths();
    if args.verbose {
        for path in left_out {
            eprintln!(
                "tripline: not scanning {}: the configuration file's include/exclude leave it out",
                path.display()
            );
        }
    }
    let mut loaded = match &args.pattern {
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
    loaded.extend(settings.extend_rules());
    if !loaded.report() {
        eprintln!("error: the rules have errors; nothing was scanned");
        return EXIT_ERROR;
    }
    if let Err(problem) = settings.select_rules(&mut loaded.ruleset.rules) {
        return report_problem(problem);
    }

    let options = ScanOptions {
        discovery: DiscoveryOptions {
            follow_links: args.follow,
            ..settings.discovery.clone()
        },
        jobs: settings.jobs,
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
        limits: Limits {
            max_file_size: args.max_file_size,
            timeout: (!args.timeout.is_zero()).then_some(args.timeout),
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
    let mut report = scan(&loaded.ruleset, &paths, &options);
    settings.finish(&mut report);
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
    let format = output.format();
    if format == Format::Text && !args.quiet {
        for error in &report.errors {
            eprintln!("warning: {}", error.describe());
        }
    }
    let mut rules: Vec<&tripline_rule::Rule> = loaded.ruleset.rules.iter().collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    let written = output.write(
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
    // The findings fixed are gone from the code: only the others can fail
    // the scan (Ruff's rule).
    let fixed = if args.autofix.enabled() {
        autofix::run(&args.autofix, &report)
    } else {
        Default::default()
    };
    let standing = report
        .findings
        .iter()
        .enumerate()
        .filter(|(index, _)| !fixed.contains(index))
        .map(|(_, finding)| finding);
    if settings.fails(standing) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
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

/// Applies `--select` / `--skip` (for `tripline rules`, which reads no
/// configuration file); a `--select` that names no rule is an error (it is
/// almost always a typo).
pub fn select_rules(
    rules: &mut Vec<tripline_rule::Rule>,
    select: &[String],
    skip: &[String],
) -> Result<(), String> {
    let select = settings::flag_selectors(rules, select)?;
    selection::apply(rules, &select, &selection::parse_all(skip)?);
    Ok(())
}

/// The files to scan from `--include` and `--exclude` (for `tripline
/// parse`, which reads no configuration file); a bad glob is reported, and
/// gives the exit code.
pub fn discovery(include: &[String], exclude: &[String]) -> Result<DiscoveryOptions, u8> {
    settings::path_filter(include, exclude, None)
        .map(|filter| DiscoveryOptions {
            filter,
            ..DiscoveryOptions::default()
        })
        .map_err(|message| {
            eprintln!("error: {message}");
            EXIT_ERROR
        })
}
