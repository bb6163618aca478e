//! What a scan runs with: each setting from its flag, or else from the
//! project's configuration file, or else the default. A flag replaces the
//! file's value (`--select B602` replaces the file's `select`, it does not
//! add to it), so what a command line says is what runs.
//!
//! With `-e`, only the file's `include`, `exclude`, `format` and `jobs`
//! apply: rule selection, severities and ignores are about rules, and a
//! pattern search has none of those.

use std::path::PathBuf;

use tripline_engine::{DiscoveryOptions, Finding, ScanReport};
use tripline_rule::{PathFilter, PathGlobs, Rule, RuleDiagnostic, Severity};

use super::ScanArgs;
use crate::output::Format;
use crate::project_config::ProjectConfig;
use crate::selection::{self, Selector};

/// Why a scan cannot start.
pub enum Problem {
    /// A flag is wrong: one line.
    Message(String),
    /// The configuration file is wrong: a diagnostic at its place.
    Diagnostics(Vec<RuleDiagnostic>),
}

impl From<String> for Problem {
    fn from(message: String) -> Self {
        Problem::Message(message)
    }
}

/// The settings of one scan, flags and configuration file merged.
pub struct Settings<'a> {
    args: &'a ScanArgs,
    config: Option<&'a ProjectConfig>,
    pub discovery: DiscoveryOptions,
    pub jobs: Option<usize>,
    /// The output format when neither `--format` nor `--json` is given.
    pub format: Option<Format>,
    severity: Option<Severity>,
    fail_on: Option<Severity>,
}

impl<'a> Settings<'a> {
    pub fn new(args: &'a ScanArgs, config: Option<&'a ProjectConfig>) -> Result<Self, Problem> {
        let rule_keys = config.filter(|_| args.pattern.is_none());
        let filter = path_filter(&args.include, &args.exclude, config)?;
        Ok(Settings {
            args,
            config,
            discovery: DiscoveryOptions {
                filter,
                ..DiscoveryOptions::default()
            },
            jobs: args.jobs.or(config.and_then(|c| c.jobs)).map(usize::from),
            format: config.and_then(|c| c.format),
            severity: args.severity.or(rule_keys.and_then(|c| c.severity)),
            fail_on: args.fail_on.or(rule_keys.and_then(|c| c.fail_on)),
        })
    }

    /// The configuration file's settings about rules (none with `-e`).
    fn rule_config(&self) -> Option<&'a ProjectConfig> {
        self.config.filter(|_| self.args.pattern.is_none())
    }

    /// The rule files `extend-rules` adds.
    pub fn extend_rules(&self) -> &'a [PathBuf] {
        self.rule_config()
            .map_or(&[], |c| c.extend_rules.as_slice())
    }

    /// The paths to scan. A file named on the command line is scanned
    /// whatever `--include` and `--exclude` say, but the configuration
    /// file's `include` and `exclude` (when no flag replaces them) do apply
    /// to it, matched relative to the file's directory: a pre-commit hook
    /// names every staged file, and the project's excludes must hold there
    /// too. Each path left out is returned with the reason.
    pub fn paths(&self) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let Some(config) = self.config else {
            return (self.args.paths.clone(), Vec::new());
        };
        let filter = PathFilter {
            include: config
                .include
                .clone()
                .filter(|_| self.args.include.is_empty()),
            exclude: config
                .exclude
                .clone()
                .filter(|_| self.args.exclude.is_empty()),
        };
        self.args.paths.iter().cloned().partition(|path| {
            if path.is_dir() {
                return true;
            }
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            config
                .relative(&canonical)
                .is_none_or(|relative| filter.allows(relative))
        })
    }

    /// Keeps the rules that `select`, `skip` and `severity` keep. A
    /// `select` entry that matches no rule is an error: it is almost always
    /// a typo.
    pub fn select_rules(&self, rules: &mut Vec<Rule>) -> Result<(), Problem> {
        let config = self.rule_config();
        let select = match config {
            Some(config) if self.args.select.is_empty() => {
                let unmatched: Vec<RuleDiagnostic> = config
                    .select
                    .iter()
                    .filter(|s| !rules.iter().any(|r| s.get_ref().matches(r)))
                    .map(|s| {
                        config.error_at(
                            "tripline::no-rule-matches",
                            format!("`select` entry {:?} matches no rule", s.get_ref().text()),
                            s.span(),
                            "no rule has this id, prefix or Bandit id",
                            "see `tripline rules list` for the rules and their Bandit ids",
                        )
                    })
                    .collect();
                if !unmatched.is_empty() {
                    return Err(Problem::Diagnostics(unmatched));
                }
                config.select.iter().map(|s| s.get_ref().clone()).collect()
            }
            _ => flag_selectors(rules, &self.args.select)?,
        };
        let skip = match config {
            Some(config) if self.args.skip.is_empty() => config.skip.clone(),
            _ => selection::parse_all(&self.args.skip)?,
        };
        selection::apply(rules, &select, &skip);
        if let Some(minimum) = self.severity {
            rules.retain(|rule| rule.severity >= minimum);
        }
        Ok(())
    }

    /// Applies what is left to do once the scan is done: `per-file-ignores`.
    pub fn finish(&self, report: &mut ScanReport) {
        if let Some(config) = self.rule_config() {
            config.per_file_ignores.apply(&config.root, report);
        }
    }

    /// Whether `findings` (a report's, less those `--autofix` fixed) fail
    /// the scan: any that is not suppressed (nor in the baseline, which
    /// removed it), or with `fail-on`, one of at least that severity.
    pub fn fails<'f>(&self, findings: impl IntoIterator<Item = &'f Finding>) -> bool {
        findings
            .into_iter()
            .any(|f| !f.is_suppressed() && self.fail_on.is_none_or(|minimum| f.severity >= minimum))
    }
}

/// `--select` as given on the command line.
pub fn flag_selectors(rules: &[Rule], texts: &[String]) -> Result<Vec<Selector>, String> {
    let select = selection::parse_all(texts)?;
    match select.iter().find(|s| !rules.iter().any(|r| s.matches(r))) {
        Some(unknown) => Err(format!(
            "--select {}: no rule matches it (see `tripline rules list`)",
            unknown.text()
        )),
        None => Ok(select),
    }
}

/// `--include` and `--exclude`, each flag replacing the configuration
/// file's globs when given.
pub fn path_filter(
    include: &[String],
    exclude: &[String],
    config: Option<&ProjectConfig>,
) -> Result<PathFilter, String> {
    Ok(PathFilter {
        include: globs(include, "--include", config.and_then(|c| c.include.clone()))?,
        exclude: globs(exclude, "--exclude", config.and_then(|c| c.exclude.clone()))?,
    })
}

/// The globs of a flag, or else the configuration file's.
fn globs(
    flag: &[String],
    name: &str,
    configured: Option<PathGlobs>,
) -> Result<Option<PathGlobs>, String> {
    if flag.is_empty() {
        return Ok(configured);
    }
    PathGlobs::new(flag)
        .map(Some)
        .map_err(|err| format!("{name} {:?}: {}", flag[err.index], err.message))
}
