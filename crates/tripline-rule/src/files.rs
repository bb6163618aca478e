//! Which files hold rules: a rule file named as such, or the `*.yaml` /
//! `*.yml` files below a directory (hidden entries skipped, `.gitignore`
//! respected, symlinks not followed).

use std::path::{Path, PathBuf};

/// The rule files the given paths stand for, each once even when named
/// twice (`-c rules/ -c rules/a.yaml`), in order. A path that does not
/// exist is recorded in `unreadable`.
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
/// below a directory), sorted; a path that does not exist is recorded in
/// `unreadable`.
pub fn rule_files(config: &Path, unreadable: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
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
