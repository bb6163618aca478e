//! The `tripline` command line: one module per subcommand in `commands/`.
//!
//! Exit codes, the same for every subcommand: 0 nothing found (or all
//! passed), 1 findings (or a failed test), 2 a usage, rule or I/O error.

mod baseline;
mod commands;
mod lsp;
mod metadata;
mod output;
mod progress;
mod project_config;
mod rule_sources;
mod selection;
mod terminal;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: matching makes many small,
/// short-lived allocations (bindings, candidate lists), which mimalloc
/// serves from per-thread free lists at a fraction of glibc's cost.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Declarative security rules for Python: Semgrep-compatible YAML rules,
/// matched structurally and fast.
#[derive(Parser)]
#[command(name = "tripline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan Python files with rules (the shipped ruleset unless --config or -e is given).
    Scan(Box<commands::scan::ScanArgs>),
    /// Check rule files and report every problem with its place; nothing is scanned.
    Validate(commands::validate::ValidateArgs),
    /// Run rules against their annotated fixtures (X.yaml against X.py).
    Test(commands::test::TestArgs),
    /// Show how a rule's patterns, negations and conditions fared on a file.
    Explain(commands::explain::ExplainArgs),
    /// List the rules (the shipped ruleset by default), or show one.
    Rules(commands::rules::RulesArgs),
    /// Serve findings to an editor: a language server over stdio (docs/editors.md).
    Lsp(lsp::LspArgs),
    /// Read and parse the files a scan would, and nothing more (for benchmarks).
    #[command(hide = true)]
    Parse(commands::parse::ParseArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Scan(args) => commands::scan::run(&args),
        Command::Validate(args) => commands::validate::run(&args),
        Command::Test(args) => commands::test::run(&args),
        Command::Explain(args) => commands::explain::run(&args),
        Command::Rules(args) => commands::rules::run(&args),
        Command::Lsp(args) => lsp::run(&args),
        Command::Parse(args) => commands::parse::run(&args),
    };
    ExitCode::from(code)
}
