//! Scanning one editor buffer with the server's rules.

use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::Uri;
use tripline_engine::{scan_text, Finding, Prepared, Target};
use tripline_rule::RuleSet;

/// The rules, prepared once for the whole session.
pub struct Scanner {
    prepared: Prepared<'static>,
}

impl Scanner {
    /// `ruleset` lives as long as the process: the server holds it until
    /// it exits, and spawned scans borrow it without reference counting.
    pub fn new(ruleset: &'static RuleSet) -> Self {
        Scanner {
            prepared: Prepared::new(ruleset),
        }
    }

    /// The findings an editor shows for `text`, the content of `target`:
    /// suppressed findings are left out, as in the text output.
    pub fn scan(&self, target: &Target, text: &str) -> Vec<Finding> {
        let mut findings = scan_text(&self.prepared, target, text);
        findings.retain(|f| !f.is_suppressed());
        findings
    }
}

/// The file a document is, for rules' `paths:` filters: relative to the
/// first workspace root it is under. A document that is not a file
/// (`untitled:`) is known by its URI.
pub fn target(uri: &Uri, roots: &[PathBuf]) -> Target {
    let path = uri
        .to_file_path()
        .map_or_else(|| PathBuf::from(uri.as_str()), |p| p.into_owned());
    let relative = roots
        .iter()
        .find_map(|root| path.strip_prefix(root).ok())
        .map_or_else(|| path.clone(), Path::to_path_buf);
    Target { path, relative }
}

/// Whether the server scans a document: Python by language id or by name.
pub fn is_python(uri: &Uri, language_id: &str) -> bool {
    language_id == "python" || [".py", ".pyi"].iter().any(|e| uri.as_str().ends_with(e))
}
