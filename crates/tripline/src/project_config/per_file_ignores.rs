//! `per-file-ignores`: rules that do not apply to some paths (tests may
//! `assert`, fixtures may hold fake secrets). Applied to the findings after
//! the scan, so the rules still run everywhere else and the result cache is
//! shared with scans that do not ignore them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tripline_engine::{Finding, ScanReport};
use tripline_rule::PathGlobs;

use crate::selection::Selector;

/// Every `GLOB = [RULES]` entry of a configuration file.
#[derive(Default)]
pub struct PerFileIgnores {
    entries: Vec<(PathGlobs, Vec<Selector>)>,
}

impl PerFileIgnores {
    pub fn push(&mut self, globs: PathGlobs, rules: Vec<Selector>) {
        self.entries.push((globs, rules));
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether a finding in the file at `relative` (to the configuration
    /// file's directory) is ignored. Rules are named as for `select`,
    /// Bandit ids included, which a finding's metadata carries.
    fn ignores(&self, relative: &Path, finding: &Finding) -> bool {
        self.entries.iter().any(|(globs, rules)| {
            globs.matches(relative)
                && rules
                    .iter()
                    .any(|rule| rule.matches_id(&finding.rule_id, &finding.metadata))
        })
    }

    /// Removes the ignored findings from `report`. `root` is the
    /// configuration file's directory (canonical); a file outside it is
    /// not concerned.
    pub fn apply(&self, root: &Path, report: &mut ScanReport) {
        if self.is_empty() {
            return;
        }
        // A finding's path is as the scan reached it (`./app.py`,
        // `../src/app.py`): resolve each file once.
        let mut resolved: HashMap<String, Option<PathBuf>> = HashMap::new();
        report.findings.retain(|finding| {
            let path = resolved
                .entry(finding.path.clone())
                .or_insert_with(|| std::fs::canonicalize(&finding.path).ok());
            let relative = path.as_deref().and_then(|p| p.strip_prefix(root).ok());
            !relative.is_some_and(|relative| self.ignores(relative, finding))
        });
        report.count_findings();
    }
}
