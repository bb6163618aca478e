//! Every rule file proves itself against the annotated fixture beside it:
//! the shipped ruleset (rulesets/python) and the engine's own test rules
//! (tests/rules). A failure names the file, line and rule.

use std::path::{Path, PathBuf};

use tripline_engine::fixtures::{test_rule_file, MismatchKind};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rule_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rule_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// Tests every rule file under `dir` and returns how many rules passed.
fn check(dir: &str) -> usize {
    let mut files = Vec::new();
    rule_files(&repo().join(dir), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no rule files in {dir}");
    let mut failures = Vec::new();
    let mut passed = 0;
    for file in files {
        let outcome = test_rule_file(&file);
        let shown = file
            .strip_prefix(repo())
            .unwrap_or(&file)
            .display()
            .to_string();
        for diagnostic in &outcome.diagnostics {
            failures.push(format!("{shown}: {}", diagnostic.message));
        }
        let Some(fixture) = &outcome.fixture else {
            failures.push(format!("{shown}: no fixture beside it"));
            continue;
        };
        let fixture = fixture
            .strip_prefix(repo())
            .unwrap_or(fixture)
            .display()
            .to_string();
        for rule in &outcome.rules {
            if rule.passed() {
                passed += 1;
            }
            for mismatch in &rule.mismatches {
                let what = match mismatch.kind {
                    MismatchKind::Missing => format!("expected {} here, not found", rule.rule_id),
                    MismatchKind::Unexpected => format!("{} found, not expected", rule.rule_id),
                };
                failures.push(format!(
                    "{fixture}:{}: {what}\n    {}",
                    mismatch.line, mismatch.code
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    passed
}

#[test]
fn shipped_rules_pass_their_fixtures() {
    assert!(check("rulesets/python") >= 4);
}

#[test]
fn engine_test_rules_pass_their_fixtures() {
    assert!(check("tests/rules") >= 2);
}
