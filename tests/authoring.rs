//! The rule author's commands end to end: `validate` (every problem at its
//! place: tests/broken-rules/ holds one deliberately broken rule file per
//! problem, and each rendered diagnostic is an insta snapshot), `test`,
//! `scan -e` and `explain`.

mod common;

use common::{project, repo, stderr, stdout, tripline};

fn broken_rule_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("tests/broken-rules"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    names
}

/// What the user sees for each broken rule file. `scan` runs the same
/// validation as `validate` before scanning (without the fixture checks),
/// and stops with exit 2 on an error; `warn-*` files only have warnings.
#[test]
fn each_broken_rule_is_reported_at_its_place() {
    let empty = tempfile::tempdir().unwrap();
    let names = broken_rule_files();
    assert!(names.len() >= 19, "{names:?}");
    for name in names {
        let output = tripline(&repo().join("tests/broken-rules"))
            .args(["scan", "-q", "-c", &name])
            .arg(empty.path())
            .output()
            .unwrap();
        let expected = if name.starts_with("warn-") { 0 } else { 2 };
        assert_eq!(
            output.status.code(),
            Some(expected),
            "{name}: {}",
            stderr(&output)
        );
        let rendered = stderr(&output);
        assert!(
            rendered.contains(&format!("[{name}:")),
            "{name}: no file:line:col in\n{rendered}"
        );
        insta::assert_snapshot!(
            format!("broken_{}", name.trim_end_matches(".yaml")),
            rendered
        );
    }
}

#[test]
fn validate_reports_every_problem_of_every_file_in_one_run() {
    let output = tripline(&repo())
        .args(["validate", "tests/broken-rules"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    for name in broken_rule_files() {
        assert!(
            err.contains(&format!("tests/broken-rules/{name}")),
            "{name} not reported"
        );
    }
    let errors = err.matches("  × ").count();
    assert!(errors >= 24, "only {errors} errors reported");
    let summary = err.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("20 rule files, 2 rules: 33 errors"),
        "{summary}"
    );
}

#[test]
fn duplicate_ids_across_files_show_both_places() {
    let rule = "rules:\n  - id: same\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: eval(...)\n";
    let dir = project(&[("a.yaml", rule), ("b.yaml", rule)]);
    let output = tripline(dir.path())
        .args(["validate", "a.yaml", "b.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("duplicate rule id `same`"), "{err}");
    assert!(
        err.contains("[b.yaml:2:9]") && err.contains("[a.yaml:2:9]"),
        "{err}"
    );
    assert!(err.contains("first definition"), "{err}");
}

const EVAL_RULE: &str = "rules:\n  - id: eval-call\n    message: eval of $X\n    severity: ERROR\n    languages: [python]\n    pattern: eval($X)\n";

#[test]
fn validate_warns_about_missing_or_empty_fixtures_and_strict_fails_on_warnings() {
    let dir = project(&[
        ("untested.yaml", EVAL_RULE),
        (
            "tested.yaml",
            &EVAL_RULE.replace("eval-call", "eval-tested"),
        ),
        ("tested.py", "# ok: eval-tested\nprint(1)\n"),
    ]);
    let output = tripline(dir.path())
        .args(["validate", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("no fixture ./untested.py beside this rule file"),
        "{err}"
    );
    assert!(
        err.contains("this fixture has no `# ruleid:` annotation"),
        "{err}"
    );
    assert!(
        err.contains("2 rule files, 2 rules: 0 errors, 2 warnings"),
        "{err}"
    );
    let strict = tripline(dir.path())
        .args(["validate", "--strict", "."])
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(2));
}

#[test]
fn validate_passes_the_shipped_rules_without_a_warning() {
    let output = tripline(&repo())
        .args(["validate", "--strict", "rulesets/python", "tests/rules"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn test_passes_the_shipped_ruleset() {
    let output = tripline(&repo())
        .args(["test", "rulesets/python", "tests/rules"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let out = stdout(&output);
    assert!(
        out.contains("PASS python.code-injection.eval-used"),
        "{out}"
    );
    assert!(out.ends_with(" passed, 0 failed\n"), "{out}");
}

#[test]
fn test_names_each_mismatch_at_its_fixture_line() {
    let fixture = "\
def run(code, cfg):
    # ruleid: eval-call
    eval(code)
    # ruleid: eval-call
    exec(code)
    # ok: eval-call
    eval(cfg)
    # todoruleid: eval-call
    compile(code, 'f', 'exec')
";
    let dir = project(&[("rules/eval.yaml", EVAL_RULE), ("rules/eval.py", fixture)]);
    let output = tripline(dir.path())
        .args(["test", "rules"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("test_mismatches", stdout(&output));

    let json = tripline(dir.path())
        .args(["test", "--json", "rules"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["failed"], 1);
    let mismatches = &report["rule_files"][0]["rules"][0]["mismatches"];
    assert_eq!(
        mismatches[0],
        serde_json::json!({"line": 5, "kind": "missing", "code": "exec(code)"})
    );
    assert_eq!(
        mismatches[1],
        serde_json::json!({"line": 7, "kind": "unexpected", "code": "eval(cfg)"})
    );
}

#[test]
fn test_counts_a_broken_rule_file_as_failed() {
    let dir = project(&[("bad.yaml", "rules:\n  - id: x\n"), ("bad.py", "x = 1\n")]);
    let output = tripline(dir.path())
        .args(["test", "bad.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).ends_with("0 passed, 1 failed\n"));
    assert!(stderr(&output).contains("this rule has no `message`"));
}

#[test]
fn ad_hoc_pattern_search_prints_bindings() {
    let dir = project(&[(
        "app.py",
        "import subprocess\nsubprocess.run(cmd, shell=True)\nsubprocess.run(['ls'])\n",
    )]);
    let output = tripline(dir.path())
        .args([
            "scan",
            "-e",
            "subprocess.$F($CMD, ..., shell=True, ...)",
            "app.py",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("pattern_search_text", stdout(&output));
    let json = tripline(dir.path())
        .args(["scan", "--json", "-e", "subprocess.$F(...)", "app.py"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 2);
    assert_eq!(report["findings"][1]["metavars"]["$F"]["text"], "run");
}

#[test]
fn ad_hoc_pattern_errors_point_into_the_pattern() {
    let dir = project(&[("app.py", "x = 1\n")]);
    let output = tripline(dir.path())
        .args(["scan", "-e", "eval(x,, y)", "app.py"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("[<pattern>:1:7]"), "{err}");
}

#[test]
fn explain_shows_what_each_part_matched_and_removed() {
    let rule = "\
rules:
  - id: eval-call
    message: eval of $X
    severity: ERROR
    languages: [python]
    patterns:
      - pattern: eval($X)
      - pattern-not: eval(\"...\")
      - metavariable-regex:
          metavariable: $X
          regex: request
";
    let code = "eval(request.args['q'])\neval('1 + 1')\neval(config)\n";
    let dir = project(&[("rule.yaml", rule), ("app.py", code)]);
    let output = tripline(dir.path())
        .args(["explain", "-c", "rule.yaml", "--target", "app.py"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!("explain_tree", stdout(&output));

    let line = tripline(dir.path())
        .args(["explain", "-c", "rule.yaml", "--target", "app.py:3"])
        .output()
        .unwrap();
    let out = stdout(&line);
    assert!(out.contains("showing what touches line 3"), "{out}");
    assert!(out.contains("removed 3:1  eval(config)"), "{out}");
    assert!(!out.contains("1:1"), "{out}");
}

#[test]
fn explain_says_when_a_file_lacks_the_required_literals() {
    let dir = project(&[("rule.yaml", EVAL_RULE), ("app.py", "print(1)\n")]);
    let output = tripline(dir.path())
        .args(["explain", "-c", "rule.yaml", "--target", "app.py"])
        .output()
        .unwrap();
    let out = stdout(&output);
    assert!(
        out.contains("required literals: \"eval\" (missing from app.py, so a scan skips this file for this rule)"),
        "{out}"
    );
}

#[test]
fn test_reports_annotations_for_rules_the_file_does_not_define() {
    let fixture = "# ruleid: eval-call\neval(x)\n# ok: eval-cal\nprint(y)\n";
    let dir = project(&[("eval.yaml", EVAL_RULE), ("eval.py", fixture)]);
    let output = tripline(dir.path())
        .args(["test", "eval.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("eval.py:4: no rule `eval-cal` in eval.yaml"),
        "{out}"
    );
    assert!(out.ends_with("1 passed, 1 failed\n"), "{out}");
}

#[test]
fn test_ignores_the_rule_paths_for_its_fixture() {
    let rule = format!("{EVAL_RULE}    paths:\n      include: [/src]\n");
    let dir = project(&[
        ("eval.yaml", rule.as_str()),
        ("eval.py", "# ruleid: eval-call\neval(x)\n"),
    ]);
    let output = tripline(dir.path())
        .args(["test", "eval.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn test_with_nothing_to_test_is_an_error() {
    let dir = project(&[("eval.yaml", EVAL_RULE)]);
    let output = tripline(dir.path()).args(["test", "."]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nothing was tested"));
}

#[test]
fn explain_notes_excluded_paths_and_rejects_lines_past_the_end() {
    let rule = format!("{EVAL_RULE}    paths:\n      exclude: [app.py]\n");
    let dir = project(&[("rule.yaml", rule.as_str()), ("app.py", "eval(x)\n")]);
    let output = tripline(dir.path())
        .args(["explain", "-c", "rule.yaml", "--target", "app.py"])
        .output()
        .unwrap();
    assert!(
        stdout(&output).contains("note: the rule's `paths:` exclude app.py"),
        "{}",
        stdout(&output)
    );
    let past = tripline(dir.path())
        .args(["explain", "-c", "rule.yaml", "--target", "app.py:9"])
        .output()
        .unwrap();
    assert_eq!(past.status.code(), Some(2));
    assert!(stderr(&past).contains("app.py has 1 lines; there is no line 9"));
}
