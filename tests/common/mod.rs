//! Helpers shared by the end-to-end tests. Each test binary uses some of
//! them, so the others are dead code there.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// A rule file with one rule, `eval-call`, that finds `eval(...)`.
pub const EVAL_RULE: &str = r#"rules:
  - id: eval-call
    message: eval() of $X
    severity: ERROR
    languages: [python]
    pattern: eval($X)
"#;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `tripline` run in `dir`, without the result cache (so that no test leaves
/// a cache directory behind; the cache has tests of its own).
pub fn tripline(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("tripline").unwrap();
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TRIPLINE_NO_CACHE", "1");
    command
}

/// A scratch directory with the given files.
pub fn project<C: AsRef<[u8]>>(files: &[(&str, C)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// `tripline scan ARGS --format json` in `dir`: its exit code and its output.
pub fn scan_json(dir: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let output = tripline(dir)
        .arg("scan")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("not JSON ({err}): {}", stderr(&output)));
    (output.status.code(), json)
}

/// `(rule id, line)` of each finding in a JSON report, with whether it is
/// suppressed.
pub fn finding_lines(report: &serde_json::Value) -> Vec<(String, u64, bool)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_owned(),
                f["start"]["line"].as_u64().unwrap(),
                f.get("suppressed").is_some(),
            )
        })
        .collect()
}

/// The one regex of the official schema that is not a valid regex (a stray
/// `]`, in the pattern of `run.language`, which tripline does not write), so
/// the validator refuses to compile the schema. The schema file is kept
/// verbatim; the pattern is mended here, to what it evidently means.
const BROKEN_PATTERN: (&str, &str) = (
    "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
    "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
);

/// What the official SARIF 2.1.0 schema finds wrong with a log.
pub fn sarif_errors(log: &serde_json::Value) -> Vec<String> {
    let schema_text =
        std::fs::read_to_string(repo().join("tests/data/sarif-2.1.0-schema.json")).unwrap();
    assert!(schema_text.contains(BROKEN_PATTERN.0));
    let schema: serde_json::Value =
        serde_json::from_str(&schema_text.replace(BROKEN_PATTERN.0, BROKEN_PATTERN.1)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

pub fn assert_valid_sarif(log: &serde_json::Value) {
    let errors = sarif_errors(log);
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}
