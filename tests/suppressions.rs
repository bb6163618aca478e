//! Suppression comments end to end: each form, the look-alikes that must
//! not suppress, multi-line statements, the findings about comments
//! (`--require-reason`, `--report-unused-suppressions`), `--no-suppress`,
//! and how suppressed findings are counted and shown.

use std::path::Path;

mod common;

use common::{finding_lines, project, scan_json, stdout, tripline};

const RULES: &str = r#"rules:
  - id: test.command.shell-call
    message: a command run through the shell
    severity: ERROR
    languages: [python]
    metadata: {bandit: B602}
    pattern: subprocess.call(..., shell=True, ...)
  - id: test.code.eval
    message: eval of $X
    severity: WARNING
    languages: [python]
    pattern: eval($X)
"#;

/// `(line, suppressed)` of each finding of a scan of `code` with `args`,
/// and the exit code.
fn scan_code(code: &str, args: &[&str]) -> (Option<i32>, Vec<(u64, bool)>) {
    let dir = project(&[("rules.yaml", RULES), ("a.py", code)]);
    let (code, report) = scan_with(dir.path(), args);
    let lines = finding_lines(&report)
        .into_iter()
        .map(|(_, line, suppressed)| (line, suppressed))
        .collect();
    (code, lines)
}

fn scan_with(dir: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["-c", "rules.yaml"];
    all.extend(args);
    all.push(".");
    scan_json(dir, &all)
}

const EVERY_FORM: &str = "import subprocess
subprocess.call(c, shell=True)  # nosec
subprocess.call(c, shell=True)  # nosec B602
subprocess.call(c, shell=True)  # nosec: B602, B607
subprocess.call(c, shell=True)  # nosemgrep
subprocess.call(c, shell=True)  # nosemgrep: shell-call
subprocess.call(c, shell=True)  # nosemgrep: test.command.shell-call
subprocess.call(c, shell=True)  # tripline: ignore[test.command] -- reviewed
subprocess.call(c, shell=True)  # tripline: ignore -- reviewed
subprocess.call(c, shell=True)  # tripline: ignore[B602, test.code.eval] -- reviewed
subprocess.call(c, shell=True)  #nosec
subprocess.call(c, shell=True)  # NOSEMGREP
subprocess.call(c, shell=True)  # type: ignore  # nosec
";

#[test]
fn every_form_suppresses_and_the_findings_stay_in_json_marked() {
    let dir = project(&[("rules.yaml", RULES), ("a.py", EVERY_FORM)]);
    let (code, report) = scan_with(dir.path(), &[]);
    assert_eq!(code, Some(0), "suppressed findings do not fail the scan");
    let lines = finding_lines(&report);
    assert_eq!(lines.len(), 12);
    assert!(
        lines.iter().all(|(_, _, suppressed)| *suppressed),
        "{lines:?}"
    );
    assert_eq!(report["stats"]["findings"], 0);
    assert_eq!(report["stats"]["suppressed"], 12);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(
        findings[0]["suppressed"],
        serde_json::json!({"kind": "nosec", "line": 2, "reason": null})
    );
    assert_eq!(
        findings[6]["suppressed"],
        serde_json::json!({"kind": "tripline-ignore", "line": 8, "reason": "reviewed"})
    );
    assert_eq!(findings[3]["suppressed"]["kind"], "nosemgrep");
}

#[test]
fn look_alikes_do_not_suppress() {
    let code = r##"import subprocess
x = "# nosec"; subprocess.call(c, shell=True)
subprocess.call(c, shell=True)  # this is not nosec
subprocess.call(c, shell=True)  # NOSEC
subprocess.call(c, shell=True)  # nosec B101
subprocess.call(c, shell=True)  # nosemgrep: test.code.eval
subprocess.call(c, shell=True)  # tripline: ignore[test.comm] -- not at a dot
subprocess.call(c, shell=True)  #nosemgrep
y = 1  # nosec
subprocess.call(c, shell=True)
def f():
    """
    # nosec
    """
    subprocess.call(c, shell=True)
subprocess.call(c, shell=True, text="# nosemgrep")
subprocess.call(c, shell=True)  # nosecurity
subprocess.call(c, shell=True)  # tripline: ignore because I say so
"##;
    let (exit, lines) = scan_code(code, &[]);
    assert_eq!(exit, Some(1));
    let expected: Vec<(u64, bool)> = [2, 3, 4, 5, 6, 7, 8, 10, 15, 16, 17, 18]
        .into_iter()
        .map(|line| (line, false))
        .collect();
    assert_eq!(lines, expected);
}

#[test]
fn a_directive_covers_every_line_of_a_statement_but_not_a_block_body() {
    let code = "import subprocess
subprocess.call(  # nosec
    c,
    shell=True)
subprocess.call(
    c,
    shell=True)  # nosec
# nosec
subprocess.call(
    c, shell=True)
with open(  # nosec
        eval(p)) as f:
    eval(f.read())
# tripline: ignore[test.code.eval] -- the comment-only line above the if
if eval(q):
    eval(r)
def g():  # nosec
    eval(s)
";
    let (_, lines) = scan_code(code, &[]);
    assert_eq!(
        lines,
        vec![
            (2, true),
            (5, true),
            (9, true),
            (12, true),
            (13, false),
            (15, true),
            (16, false),
            (18, false),
        ]
    );
}

#[test]
fn require_reason_makes_a_suppression_without_reason_a_finding() {
    let code = "eval(a)  # nosec -- a constant\neval(b)  # nosec\n";
    let dir = project(&[("rules.yaml", RULES), ("a.py", code)]);
    let (exit, report) = scan_with(dir.path(), &["--require-reason"]);
    assert_eq!(exit, Some(1));
    assert_eq!(
        finding_lines(&report),
        vec![
            ("test.code.eval".into(), 1, true),
            ("test.code.eval".into(), 2, true),
            ("tripline.suppression-without-reason".into(), 2, false),
        ]
    );
    assert_eq!(report["findings"][2]["start"]["col"], 10);
    let (exit, _) = scan_with(dir.path(), &[]);
    assert_eq!(exit, Some(0), "without the flag, a bare nosec is fine");
}

#[test]
fn report_unused_suppressions_lists_directives_that_suppressed_nothing() {
    let dir = project(&[
        ("rules.yaml", RULES),
        (
            "a.py",
            "eval(a)  # nosec\nx = 1  # nosemgrep\neval(b)  # tripline: ignore[test.command] -- wrong rule\n",
        ),
        // No rule can match this file: it is parsed for its comments anyway.
        ("b.py", "y = 2  # nosec\n"),
    ]);
    let (exit, report) = scan_with(dir.path(), &["--report-unused-suppressions"]);
    assert_eq!(exit, Some(1));
    assert_eq!(
        finding_lines(&report),
        vec![
            ("test.code.eval".into(), 1, true),
            ("tripline.unused-suppression".into(), 2, false),
            ("test.code.eval".into(), 3, false),
            ("tripline.unused-suppression".into(), 3, false),
            ("tripline.unused-suppression".into(), 1, false),
        ]
    );
    assert_eq!(report["findings"][4]["path"], "./b.py");
}

#[test]
fn no_suppress_reports_every_finding() {
    let (exit, lines) = scan_code(EVERY_FORM, &["--no-suppress"]);
    assert_eq!(exit, Some(1));
    assert_eq!(lines.len(), 12);
    assert!(lines.iter().all(|(_, suppressed)| !suppressed));
}

#[test]
fn text_output_counts_suppressed_findings_without_listing_them() {
    let dir = project(&[
        ("rules.yaml", RULES),
        ("a.py", "eval(a)  # nosec\neval(b)\n"),
    ]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rules.yaml", "."])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(text.contains("./a.py:2:1 WARNING test.code.eval"), "{text}");
    assert!(!text.contains("./a.py:1:"), "{text}");
    assert!(
        text.ends_with("1 finding (1 WARNING) in 1 file scanned with 2 rules; 1 suppressed\n"),
        "{text}"
    );
}

#[test]
fn suppressions_come_back_the_same_from_the_result_cache() {
    let dir = project(&[("rules.yaml", RULES), ("a.py", EVERY_FORM)]);
    let run = |args: &[&str]| {
        let output = tripline(dir.path())
            .env_remove("TRIPLINE_NO_CACHE")
            .args(["scan", "-c", "rules.yaml", "--format", "json"])
            .args(args)
            .arg("a.py")
            .output()
            .unwrap();
        stdout(&output)
    };
    let cold = run(&[]);
    assert_eq!(run(&[]), cold);
    // Another option is another cache file, not a stale answer.
    let audit: serde_json::Value = serde_json::from_str(&run(&["--no-suppress"])).unwrap();
    assert_eq!(audit["stats"]["suppressed"], 0);
    assert_eq!(audit["stats"]["findings"], 12);
}
