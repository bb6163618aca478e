//! Baselines end to end: `--write-baseline` then `--baseline` across
//! moved and edited code, a duplicated finding, and `--baseline-ref` on a
//! real git repository.

use std::path::Path;
use std::process::Command;

mod common;

use common::{finding_lines, project, scan_json, stderr, tripline};

const RULES: &str = r#"rules:
  - id: test.eval
    message: eval of $X
    severity: WARNING
    languages: [python]
    pattern: eval($X)
"#;

const BEFORE: &str = "class Job:
    def run(self, a):
        return eval(a)

def helper(b):
    eval(b)
    eval(b)
";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A scan of `src` with the rules and `args`: exit code and JSON.
fn scan(dir: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["-c", "rules.yaml"];
    all.extend(args);
    all.push("src");
    scan_json(dir, &all)
}

fn lines(report: &serde_json::Value) -> Vec<u64> {
    finding_lines(report)
        .into_iter()
        .map(|(_, l, _)| l)
        .collect()
}

#[test]
fn a_baseline_survives_inserted_lines_and_edits_elsewhere() {
    let dir = project(&[("rules.yaml", RULES), ("src/a.py", BEFORE)]);
    let (exit, report) = scan(dir.path(), &["--write-baseline", "baseline.json"]);
    assert_eq!(exit, Some(1), "writing a baseline is still a scan");
    assert_eq!(report["stats"]["findings"], 3);
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(file["tripline_baseline"], 1);
    assert_eq!(file["fingerprint"], "matchedCodeHash/v2");
    assert_eq!(file["findings"][0]["enclosing"], "Job.run");
    assert_eq!(file["findings"][0]["path"], "src/a.py");
    assert_eq!(file["findings"].as_array().unwrap().len(), 3);

    // Lines inserted above every finding, and an edit in another function.
    let edited = format!(
        "import os\n\n\n{}\ndef unrelated():\n    return 1 + 2\n",
        BEFORE.replace("def helper(b):", "def helper(b):\n    print(b)")
    );
    write(&dir.path().join("src"), "a.py", &edited);
    let (exit, report) = scan(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(exit, Some(0), "{report}");
    assert_eq!(report["findings"], serde_json::json!([]));
    assert_eq!(report["stats"]["baseline"], 3);
    assert_eq!(report["stats"]["findings"], 0);
}

#[test]
fn a_new_copy_of_a_baselined_finding_is_reported() {
    let dir = project(&[("rules.yaml", RULES), ("src/a.py", BEFORE)]);
    scan(dir.path(), &["--write-baseline", "baseline.json"]);
    write(
        &dir.path().join("src"),
        "a.py",
        &format!("{BEFORE}    eval(b)\n"),
    );
    let (exit, report) = scan(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(exit, Some(1));
    assert_eq!(
        lines(&report),
        vec![8],
        "the third eval(b) in helper is new"
    );
    assert_eq!(report["stats"]["baseline"], 3);
    // The text summary says how many the baseline hid.
    let output = tripline(dir.path())
        .args([
            "scan",
            "-c",
            "rules.yaml",
            "--baseline",
            "baseline.json",
            "src",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.ends_with("; 3 in the baseline\n"), "{text}");
}

#[test]
fn suppressed_findings_are_not_recorded_and_stay_suppressed() {
    let dir = project(&[
        ("rules.yaml", RULES),
        ("src/a.py", "eval(a)  # nosec\neval(b)\n"),
    ]);
    scan(dir.path(), &["--write-baseline", "baseline.json"]);
    let text = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert!(!text.contains("eval(a)"), "{text}");
    // Without the comment, eval(a) is a finding the baseline does not have.
    write(&dir.path().join("src"), "a.py", "eval(a)\neval(b)\n");
    let (_, report) = scan(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(lines(&report), vec![1]);
}

#[test]
fn a_baseline_that_is_not_one_is_an_error() {
    let dir = project(&[
        ("rules.yaml", RULES),
        ("src/a.py", "eval(a)\n"),
        (
            "old.json",
            r#"{"tripline_baseline": 1, "fingerprint": "matchedCodeHash/v1", "findings": []}"#,
        ),
        ("junk.json", "[1, 2]"),
    ]);
    for (file, message) in [
        ("old.json", "write it again with --write-baseline"),
        ("junk.json", "is not a tripline baseline file"),
        ("missing.json", "cannot read the baseline"),
    ] {
        assert_usage_error(tripline(dir.path()), &["--baseline", file], message);
    }
}

/// `scan -c rules.yaml ARGS src` stops with exit code 2 and `message`.
fn assert_usage_error(mut command: assert_cmd::Command, args: &[&str], message: &str) {
    let output = command
        .args(["scan", "-c", "rules.yaml"])
        .args(args)
        .arg("src")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(message), "{}", stderr(&output));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// A git repository whose one commit has `BEFORE` in `src/a.py`.
fn repository() -> tempfile::TempDir {
    let dir = project(&[("rules.yaml", RULES), ("src/a.py", BEFORE)]);
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["config", "user.name", "Test"]);
    git(dir.path(), &["config", "user.email", "test@example.com"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    dir
}

#[test]
fn baseline_ref_reports_only_what_the_commit_did_not_have() {
    let dir = repository();
    write(
        &dir.path().join("src"),
        "a.py",
        &format!("import os\n{BEFORE}    eval(c)\n"),
    );
    let (exit, report) = scan(dir.path(), &["--baseline-ref", "HEAD"]);
    assert_eq!(exit, Some(1), "{report}");
    assert_eq!(lines(&report), vec![9]);
    assert_eq!(report["findings"][0]["path"], "src/a.py");
    assert_eq!(report["stats"]["baseline"], 3);

    // From a subdirectory, with a path relative to it.
    let (_, report) = scan_json(
        &dir.path().join("src"),
        &["-c", "../rules.yaml", "--baseline-ref", "HEAD", "a.py"],
    );
    assert_eq!(lines(&report), vec![9]);
}

#[test]
fn baseline_ref_needs_a_repository_and_a_known_ref() {
    let dir = repository();
    assert_usage_error(
        tripline(dir.path()),
        &["--baseline-ref", "no-such-branch"],
        "no-such-branch: no such commit",
    );
    let plain = project(&[("rules.yaml", RULES), ("src/a.py", "eval(a)\n")]);
    let mut outside = tripline(plain.path());
    // Keep git from finding a repository above the scratch directory.
    outside.env("GIT_CEILING_DIRECTORIES", plain.path().parent().unwrap());
    assert_usage_error(
        outside,
        &["--baseline-ref", "HEAD"],
        "needs a git repository",
    );
}
