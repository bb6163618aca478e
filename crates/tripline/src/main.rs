//! The `tripline` command line.
//!
//! Exit codes, decided in one place ([`ExitCode`]): 0 no findings, 1
//! findings, 2 a usage, rule or I/O error.

mod config;
mod output;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use miette::{GraphicalReportHandler, GraphicalTheme};
use tripline_engine::{scan, DiscoveryOptions, ScanOptions};
use tripline_rule::{PathFilter, PathGlobs, RuleDiagnostic};

use config::load_rules;

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// Declarative security rules for Python: Semgrep-compatible YAML rules,
/// matched structurally and fast.
#[derive(Parser)]
#[command(name = "tripline", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan Python files with rules (the shipped ruleset unless --config is given).
    Scan(ScanArgs),
}

#[derive(clap::Args)]
struct ScanArgs {
    /// Files and directories to scan. Directories are walked respecting
    /// .gitignore, skipping hidden entries and non-Python files; a file
    /// named here is always scanned.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,

    /// A rule file, or a directory of rule files (*.yaml, *.yml). Repeatable.
    /// Without it, the ruleset shipped in the binary runs.
    #[arg(short = 'c', long = "config", value_name = "FILE|DIR")]
    configs: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Only scan files whose path (relative to the scanned directory) or one
    /// of its components matches this glob. Repeatable.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,

    /// Skip files whose path or one of its components matches this glob. Repeatable.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,

    /// Number of files scanned in parallel (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,

    /// Do not print the list of skipped files to stderr.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Code frames and a summary, for people.
    Text,
    /// The schema in docs/output.md, for programs.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Scan(args) => run_scan(&args),
    };
    ExitCode::from(code)
}

fn run_scan(args: &ScanArgs) -> u8 {
    let discovery = match (
        globs(&args.include, "--include"),
        globs(&args.exclude, "--exclude"),
    ) {
        (Ok(include), Ok(exclude)) => DiscoveryOptions {
            filter: PathFilter { include, exclude },
        },
        (Err(message), _) | (_, Err(message)) => {
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
    let loaded = load_rules(&args.configs);
    report_diagnostics(&loaded.diagnostics);
    for (path, err) in &loaded.unreadable {
        eprintln!("error: cannot read rules from {}: {err}", path.display());
    }
    if loaded.has_errors() {
        eprintln!("error: the rules have errors; nothing was scanned");
        return EXIT_ERROR;
    }

    let options = ScanOptions {
        discovery,
        jobs: args.jobs,
    };
    let report = scan(&loaded.ruleset, &args.paths, &options);
    let rendered = match args.format {
        Format::Text => {
            if !args.quiet {
                for error in &report.errors {
                    eprintln!("warning: skipped {}: {}", error.path, error.message);
                }
            }
            let color = std::io::stdout().is_terminal() && !no_color();
            output::text::render(&report, &output::text::Style::new(color))
        }
        Format::Json => output::json::render(&report),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(rendered.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return EXIT_ERROR;
    }
    if report.findings.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
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

/// `NO_COLOR` set to anything but the empty string turns colour off (no-color.org).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Prints rule-file diagnostics (errors and warnings) to stderr with code frames.
fn report_diagnostics(diagnostics: &[RuleDiagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let theme = if std::io::stderr().is_terminal() && !no_color() {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme);
    let mut stderr = std::io::stderr().lock();
    for diagnostic in diagnostics {
        let mut rendered = String::new();
        if handler.render_report(&mut rendered, diagnostic).is_ok() {
            let _ = writeln!(stderr, "{rendered}");
        } else {
            let _ = writeln!(stderr, "{}: {}", diagnostic.file_name(), diagnostic.message);
        }
    }
}
