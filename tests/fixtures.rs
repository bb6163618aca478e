//! Every rule file proves itself against the annotated fixture beside it:
//! the shipped ruleset (rulesets/python) and the engine's own test rules
//! (tests/rules). A failure names the file, line and rule. Where an
//! `X.fixed.py` is beside the fixture, the rules' fixes must turn the
//! fixture into it.

use std::path::{Path, PathBuf};

use tripline_engine::fixtures::{test_rule_file, MismatchKind};
use tripline_rule::rule_files;

mod common;

use common::repo;

/// Tests every rule file under `dir` and returns how many rules passed and
/// how many fix checks (`X.fixed.py`) passed.
fn check(dir: &str) -> (usize, usize) {
    let files = rule_files(&repo().join(dir), &mut Vec::new());
    assert!(!files.is_empty(), "no rule files in {dir}");
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut fixes = 0;
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
        match outcome.fix.passed() {
            Some(true) => fixes += 1,
            Some(false) => failures.push(format!(
                "{fixture}: its fixes do not give the .fixed.py beside it (`tripline test {shown}` shows the diff)"
            )),
            None => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    (passed, fixes)
}

#[test]
fn shipped_rules_pass_their_fixtures() {
    let (rules, fixes) = check("rulesets/python");
    assert!(rules >= 4);
    assert!(fixes >= 17, "{fixes} fix checks passed");
}

#[test]
fn engine_test_rules_pass_their_fixtures() {
    assert!(check("tests/rules").0 >= 2);
}

/// Rules in Semgrep's syntax for every search-mode key, written and checked
/// against Semgrep itself (tests/semgrep-expected/compat-*.tsv).
#[test]
fn semgrep_compatibility_suite_passes() {
    let (rules, fixes) = check("tests/compat");
    assert!(rules >= 18);
    assert_eq!(fixes, 1, "fix-regex.fixed.py");
}

/// The fixture lines where tripline knowingly differs from Semgrep: their
/// annotation is a `todoruleid`/`todook` (a known gap), or has a
/// `# tripline: <why>` comment above it (a deliberate difference).
fn known_differences(fixture: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut noted = false;
    for (index, line) in fixture.lines().enumerate() {
        let comment = line.trim_start();
        if comment.starts_with("# tripline:") {
            noted = true;
        } else if comment.starts_with("# todoruleid:") || comment.starts_with("# todook:") {
            lines.push(index + 2);
            noted = false;
        } else if comment.starts_with("# ruleid:") || comment.starts_with("# ok:") {
            if noted {
                lines.push(index + 2);
            }
            noted = false;
        }
    }
    lines
}

/// tests/semgrep-expected/<rule id>.tsv holds what Semgrep 1.182 reports for
/// each rule on its fixture (see regenerate.py there); tripline must report
/// the same ranges with the same messages.
#[test]
fn ranges_and_messages_agree_with_semgrep() {
    let expected_dir = repo().join("tests/semgrep-expected");
    let mut files = Vec::new();
    for dir in ["tests/rules", "tests/compat"] {
        files.extend(rule_files(&repo().join(dir), &mut Vec::new()));
    }
    let mut compared = 0;
    let mut differences = Vec::new();
    for file in files {
        let mut ruleset = tripline_rule::RuleSet::default();
        tripline_rule::load_file(&file, &mut ruleset).unwrap();
        let fixture = file.with_extension("py");
        let known = known_differences(&std::fs::read_to_string(&fixture).unwrap_or_default());
        let report = tripline_engine::scan(
            &ruleset,
            &[fixture],
            &tripline_engine::ScanOptions::default(),
        );
        for rule in &ruleset.rules {
            let Ok(expected) =
                std::fs::read_to_string(expected_dir.join(format!("{}.tsv", rule.id)))
            else {
                continue;
            };
            compared += 1;
            let ours: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.rule_id == rule.id)
                .map(|f| {
                    let message = f.message.split_whitespace().collect::<Vec<_>>().join(" ");
                    format!(
                        "{}:{}-{}:{}\t{message}",
                        f.start.line, f.start.col, f.end.line, f.end.col
                    )
                })
                .collect();
            let on_known_line = |line: &str| {
                let start: usize = line
                    .split(':')
                    .next()
                    .and_then(|l| l.parse().ok())
                    .unwrap_or(0);
                known.contains(&start)
            };
            for line in expected.lines() {
                if !on_known_line(line) && !ours.iter().any(|o| o == line) {
                    differences.push(format!("{}: Semgrep reports {line}", rule.id));
                }
            }
            for line in &ours {
                let range = line.split('\t').next().unwrap_or_default();
                if !on_known_line(line)
                    && !expected
                        .lines()
                        .any(|e| e.starts_with(&format!("{range}\t")))
                {
                    differences.push(format!("{}: only tripline reports {line}", rule.id));
                }
            }
        }
    }
    assert!(
        compared >= 22,
        "only {compared} rules had Semgrep results to compare"
    );
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// The Bandit ids a finding's rule names in `metadata.bandit` (a string or a list).
fn bandit_ids(metadata: &serde_json::Value) -> Vec<String> {
    match &metadata["bandit"] {
        serde_json::Value::String(id) => vec![id.clone()],
        serde_json::Value::Array(ids) => ids
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// tests/bandit-expected/<category>/<rule>.tsv holds what Bandit 1.9.4
/// reports on the shipped rule's fixture (see regenerate.py there), for the
/// Bandit ids the rule names: tripline must find each on the same line, with
/// a rule carrying that Bandit id.
#[test]
fn shipped_rules_find_what_bandit_finds_on_the_same_line() {
    let expected_dir = repo().join("tests/bandit-expected");
    let mut tsvs = Vec::new();
    collect_tsv(&expected_dir, &mut tsvs);
    let mut missed = Vec::new();
    let mut checked = 0;
    for tsv in tsvs {
        let relative = tsv
            .strip_prefix(&expected_dir)
            .unwrap()
            .with_extension("yaml");
        let rule_file = repo().join("rulesets/python").join(&relative);
        let mut ruleset = tripline_rule::RuleSet::default();
        tripline_rule::load_file(&rule_file, &mut ruleset)
            .unwrap_or_else(|e| panic!("{}: {e}", rule_file.display()));
        let fixture = rule_file.with_extension("py");
        let report = tripline_engine::scan(
            &ruleset,
            std::slice::from_ref(&fixture),
            &tripline_engine::ScanOptions::default(),
        );
        for expected in std::fs::read_to_string(&tsv).unwrap().lines() {
            let Some((line, id)) = expected.split_once('\t') else {
                continue;
            };
            let line: usize = line.parse().unwrap();
            checked += 1;
            let found = report
                .findings
                .iter()
                .any(|f| f.start.line == line && bandit_ids(&f.metadata).iter().any(|b| b == id));
            if !found {
                missed.push(format!(
                    "{}:{line}: Bandit {id} finds this, tripline does not",
                    fixture.display()
                ));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {checked} Bandit findings missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

fn collect_tsv(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_tsv(&path, out);
        } else if path.extension().is_some_and(|e| e == "tsv") {
            out.push(path);
        }
    }
}
