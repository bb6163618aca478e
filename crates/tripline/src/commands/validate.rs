//! `tripline validate`: every problem in rule files, each at its place.

use std::path::PathBuf;

use tripline_engine::fixtures::fixture_warnings;
use tripline_rule::{load_str, unique_rule_files, Level, RuleSet};

use crate::terminal::report_diagnostics;
use crate::{EXIT_CLEAN, EXIT_ERROR};

#[derive(clap::Args)]
pub struct ValidateArgs {
    /// Rule files, or directories searched for *.yaml / *.yml.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Treat warnings as errors (exit 2 on any).
    #[arg(long)]
    strict: bool,
}

pub fn run(args: &ValidateArgs) -> u8 {
    let mut unreadable = Vec::new();
    let files = unique_rule_files(&args.paths, &mut unreadable);
    let mut ruleset = RuleSet::default();
    let mut diagnostics = Vec::new();
    for file in &files {
        match std::fs::read_to_string(file) {
            Ok(text) => {
                diagnostics.extend(load_str(&file.display().to_string(), &text, &mut ruleset));
                diagnostics.extend(fixture_warnings(file, &text));
            }
            Err(err) => unreadable.push((file.clone(), err.to_string())),
        }
    }
    report_diagnostics(&diagnostics);
    for (path, err) in &unreadable {
        eprintln!("error: cannot read {}: {err}", path.display());
    }
    if files.is_empty() && unreadable.is_empty() {
        eprintln!("error: no rule files (*.yaml, *.yml) found");
        return EXIT_ERROR;
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .count()
        + unreadable.len();
    let warnings = diagnostics.len() + unreadable.len() - errors;
    eprintln!(
        "{} rule {}, {} {}: {errors} {}, {warnings} {}",
        files.len(),
        if files.len() == 1 { "file" } else { "files" },
        ruleset.rules.len(),
        if ruleset.rules.len() == 1 {
            "rule"
        } else {
            "rules"
        },
        if errors == 1 { "error" } else { "errors" },
        if warnings == 1 { "warning" } else { "warnings" },
    );
    if errors > 0 || (args.strict && warnings > 0) {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    }
}
