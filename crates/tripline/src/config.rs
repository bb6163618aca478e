//! Where rules come from: `--config` files and directories, or the shipped
//! ruleset embedded in the binary.

use std::path::{Path, PathBuf};

use tripline_rule::{load_str, Level, RuleDiagnostic, RuleSet};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// Rules loaded for a run, with every problem found while loading them.
pub struct LoadedRules {
    pub ruleset: RuleSet,
    pub diagnostics: Vec<RuleDiagnostic>,
    /// Paths named by `--config` that could not be read.
    pub unreadable: Vec<(PathBuf, String)>,
}

impl LoadedRules {
    pub fn has_errors(&self) -> bool {
        !self.unreadable.is_empty() || self.diagnostics.iter().any(|d| d.level == Level::Error)
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
        for (name, text) in EMBEDDED_RULES {
            loaded
                .diagnostics
                .extend(load_str(name, text, &mut loaded.ruleset));
        }
        return loaded;
    }
    let files = unique_rule_files(configs, &mut loaded.unreadable);
    for file in files {
        match std::fs::read_to_string(&file) {
            Ok(text) => loaded.diagnostics.extend(load_str(
                &file.display().to_string(),
                &text,
                &mut loaded.ruleset,
            )),
            Err(err) => loaded.unreadable.push((file, err.to_string())),
        }
    }
    loaded
}

/// The rule files the given paths stand for, each once even when named
/// twice (`-c rules/ -c rules/a.yaml`), in order.
pub fn unique_rule_files(
    paths: &[PathBuf],
    unreadable: &mut Vec<(PathBuf, String)>,
) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut seen = Vec::new();
    for file in paths.iter().flat_map(|p| rule_files(p, unreadable)) {
        let key = file.canonicalize().unwrap_or_else(|_| file.clone());
        if !seen.contains(&key) {
            seen.push(key);
            files.push(file);
        }
    }
    files
}

/// The rule files a path stands for (the file, or the `*.yaml` / `*.yml`
/// below a directory), sorted; a path that does not exist is recorded.
fn rule_files(config: &Path, unreadable: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
    if config.is_file() {
        return vec![config.to_path_buf()];
    }
    if !config.is_dir() {
        unreadable.push((config.to_path_buf(), "no such file or directory".to_owned()));
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(config)
        .hidden(true)
        .follow_links(false)
        .build()
        .filter_map(Result::ok)
        .map(|entry| entry.into_path())
        .filter(|path| {
            path.is_file() && path.extension().is_some_and(|e| e == "yaml" || e == "yml")
        })
        .collect();
    files.sort();
    files
}
