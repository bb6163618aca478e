//! Where rules come from: `--config` files and directories, or the shipped
//! ruleset embedded in the binary, plus the `extend-rules` of a project's
//! configuration file. (The configuration file itself is read by
//! `project_config`; `--config` names rule files, for Semgrep's sake.)

use std::path::PathBuf;

use rayon::prelude::*;
use tripline_rule::{compile_file, unique_rule_files, Level, RuleDiagnostic, RuleSet};

use crate::terminal::report_diagnostics;

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// Rules loaded for a run, with every problem found while loading them.
pub struct LoadedRules {
    pub ruleset: RuleSet,
    pub diagnostics: Vec<RuleDiagnostic>,
    /// Paths named by `--config` or `extend-rules` that could not be read.
    pub unreadable: Vec<(PathBuf, String)>,
}

impl LoadedRules {
    pub fn has_errors(&self) -> bool {
        !self.unreadable.is_empty() || self.diagnostics.iter().any(|d| d.level == Level::Error)
    }

    /// Prints every diagnostic and unreadable path to stderr; whether the
    /// rules can be used (no errors).
    pub fn report(&self) -> bool {
        report_diagnostics(&self.diagnostics);
        for (path, err) in &self.unreadable {
            eprintln!("error: cannot read rules from {}: {err}", path.display());
        }
        !self.has_errors()
    }

    /// Loads the rule files and directories in `paths` into the rules
    /// already loaded (`extend-rules` adds to the shipped ruleset or to
    /// `--config`); a duplicate id is reported as in any other rule file.
    pub fn extend(&mut self, paths: &[PathBuf]) {
        if paths.is_empty() {
            return;
        }
        let files = unique_rule_files(paths, &mut self.unreadable);
        // Files are read and compiled in parallel, then added in order, so
        // ids, diagnostics and pattern numbers are the same whatever the
        // number of threads.
        let compiled: Vec<_> = files
            .into_par_iter()
            .map(|file| {
                let text = std::fs::read_to_string(&file);
                let compiled = text
                    .as_ref()
                    .map(|text| compile_file(&file.display().to_string(), text))
                    .map_err(ToString::to_string);
                (file, compiled)
            })
            .collect();
        for (file, compiled) in compiled {
            match compiled {
                Ok(compiled) => self.diagnostics.extend(self.ruleset.add(compiled)),
                Err(err) => self.unreadable.push((file, err)),
            }
        }
    }
}

/// Loads `configs` (rule files, or directories searched for `*.yaml` /
/// `*.yml`), or the embedded ruleset when there are none.
pub fn load_rules(configs: &[PathBuf]) -> LoadedRules {
    let mut loaded = LoadedRules {
        ruleset: RuleSet::default(),
        diagnostics: Vec::new(),
        unreadable: Vec::new(),
    };
    if configs.is_empty() {
        let compiled: Vec<_> = EMBEDDED_RULES
            .par_iter()
            .map(|(name, text)| compile_file(name, text))
            .collect();
        for compiled in compiled {
            loaded.diagnostics.extend(loaded.ruleset.add(compiled));
        }
        return loaded;
    }
    loaded.extend(configs);
    loaded
}
