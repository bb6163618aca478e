//! A project's configuration file: `tripline.toml`, or the `[tool.tripline]`
//! table of `pyproject.toml`, so that a repository carries its scan
//! settings and every developer, CI job and pre-commit hook runs the same
//! scan without repeating flags.
//!
//! - [`discover`] finds the file by walking up from the scanned path;
//! - [`read`] turns its TOML into a [`ProjectConfig`], reporting every
//!   problem at its line and column as a miette diagnostic;
//! - [`per_file_ignores`] drops findings by path and rule.
//!
//! What wins over what (command-line flags over the file) is decided in
//! `scan_settings`, not here.

pub mod discover;
pub mod per_file_ignores;
pub mod read;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::NamedSource;
use toml::Spanned;
use tripline_rule::{PathGlobs, RuleDiagnostic, Severity};

use crate::output::Format;
use crate::selection::Selector;
use per_file_ignores::PerFileIgnores;

/// The settings of one configuration file, checked: globs compile,
/// severities and formats exist. Values that can only be checked against
/// the rules (a `select` that matches none) keep their place in the file.
pub struct ProjectConfig {
    /// The file, as shown to the user (relative to the current directory
    /// when it is below it).
    pub file: PathBuf,
    /// The directory the file is in, absolute and canonical: `extend-rules`
    /// and the globs of `per-file-ignores` are relative to it.
    pub root: PathBuf,
    /// The file's text, for diagnostics.
    pub source: Arc<NamedSource<String>>,
    pub select: Vec<Spanned<Selector>>,
    pub skip: Vec<Selector>,
    /// Rule files and directories, as paths to open (joined to the file's
    /// directory).
    pub extend_rules: Vec<PathBuf>,
    /// `include` / `exclude`; `None` where the key is absent.
    pub include: Option<PathGlobs>,
    pub exclude: Option<PathGlobs>,
    pub severity: Option<Severity>,
    pub fail_on: Option<Severity>,
    pub per_file_ignores: PerFileIgnores,
    pub format: Option<Format>,
    pub jobs: Option<u16>,
}

impl ProjectConfig {
    /// An error about the value written at `span` in this file.
    pub fn error_at(
        &self,
        code: &'static str,
        message: String,
        span: Range<usize>,
        label: &str,
        help: &str,
    ) -> RuleDiagnostic {
        RuleDiagnostic::error(code, message, &self.source)
            .label(span.start, span.len(), label)
            .help(help)
    }

    /// Whether a path (absolute and canonical) lies under the file's
    /// directory, and where: the path its globs are matched against.
    pub fn relative<'a>(&self, path: &'a Path) -> Option<&'a Path> {
        path.strip_prefix(&self.root).ok()
    }
}
