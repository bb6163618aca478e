//! End-to-end tests of `tripline scan --autofix` and `--dry-run`: what is
//! written, what is not and why, and the exit code. The rendered diff is
//! pinned with insta snapshots (tests/snapshots/).

use std::fs;
use std::path::Path;

mod common;

use common::{project, stderr, stdout, tripline};

/// `eval(x)`, fixed to `ast.literal_eval(x)`.
const EVAL_RULE: &str = r#"rules:
  - id: eval-call
    message: eval() of $X
    severity: ERROR
    languages: [python]
    pattern: eval($X)
    fix: ast.literal_eval($X)
"#;

/// [`EVAL_RULE`], and `exec(x)` with `exec_fix` as its fix, if any.
fn eval_and_exec(exec_fix: Option<&str>) -> String {
    let fix = exec_fix.map_or(String::new(), |fix| format!("    fix: {fix}\n"));
    format!(
        "{EVAL_RULE}  - id: exec-call\n    message: exec() of $X\n    severity: ERROR\n    languages: [python]\n    pattern: exec($X)\n{fix}"
    )
}

/// Rules whose fixes break the code where `exec` is called.
fn breaking_rules() -> String {
    eval_and_exec(Some("run(($X)"))
}

/// A scratch directory with `rules` in `rules.yaml`, and `files`.
fn project_with(rules: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let mut all = vec![("rules.yaml", rules)];
    all.extend_from_slice(files);
    project(&all)
}

/// A scratch directory with [`eval_and_exec`] rules without an `exec`
/// fix in `rules.yaml`, and `files`.
fn eval_project(files: &[(&str, &str)]) -> tempfile::TempDir {
    project_with(&eval_and_exec(None), files)
}

/// `tripline scan -c rules.yaml ARGS` in `dir`.
fn scan(dir: &Path, args: &[&str]) -> std::process::Output {
    tripline(dir)
        .args(["scan", "-c", "rules.yaml"])
        .args(args)
        .output()
        .unwrap()
}

/// `tripline test ARGS` in `dir`.
fn test(dir: &Path, args: &[&str]) -> std::process::Output {
    tripline(dir).arg("test").args(args).output().unwrap()
}

/// Asserts that the command told each of `lines`, whole, on stderr.
fn assert_told(output: &std::process::Output, lines: &[&str]) {
    let told = stderr(output);
    for line in lines {
        assert!(told.lines().any(|l| l == *line), "no {line:?} in:\n{told}");
    }
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn autofix_writes_the_fixes_and_only_unfixed_findings_fail_the_scan() {
    let code = "import ast\n\nx = eval(a)\ny = eval(b)\n";
    let dir = eval_project(&[("a.py", code)]);
    // Without --autofix, nothing is written.
    let output = scan(dir.path(), &["a.py"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(read(dir.path(), "a.py"), code);

    let output = scan(dir.path(), &["--autofix", "a.py"]);
    assert_eq!(
        read(dir.path(), "a.py"),
        "import ast\n\nx = ast.literal_eval(a)\ny = ast.literal_eval(b)\n"
    );
    assert_told(&output, &["Fixed 2 findings in 1 file"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "every finding was fixed: {}",
        stderr(&output)
    );
    // The report still lists what the scan found.
    assert!(stdout(&output).contains("eval-call"));

    // A finding without a fix still fails the scan.
    fs::write(dir.path().join("b.py"), "exec(c)\neval(d)\n").unwrap();
    let output = scan(dir.path(), &["-a", "b.py"]);
    assert_eq!(read(dir.path(), "b.py"), "exec(c)\nast.literal_eval(d)\n");
    assert_told(&output, &["Fixed 1 finding in 1 file"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn dry_run_prints_a_diff_and_leaves_the_files_as_they_are() {
    let code = "import ast\n\n\ndef load(a):\n    x = eval(a)\n    exec(a)\n    return x\n";
    let dir = eval_project(&[("pkg/a.py", code), ("pkg/b.py", "print(eval('1'))")]);
    let before_a = fs::read(dir.path().join("pkg/a.py")).unwrap();
    let before_b = fs::read(dir.path().join("pkg/b.py")).unwrap();
    let output = scan(dir.path(), &["--dry-run", "pkg"]);
    assert_eq!(fs::read(dir.path().join("pkg/a.py")).unwrap(), before_a);
    assert_eq!(fs::read(dir.path().join("pkg/b.py")).unwrap(), before_b);
    assert_eq!(
        stderr(&output).lines().last(),
        Some("Would fix 2 findings in 2 files")
    );
    // Nothing was fixed: the findings still fail the scan.
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("dry_run_diff", stdout(&output));
    // --autofix --dry-run (Semgrep's spelling: --dryrun) is the same.
    let semgrep_style = scan(dir.path(), &["--autofix", "--dryrun", "pkg"]);
    assert_eq!(semgrep_style.stdout, output.stdout);
    assert_eq!(fs::read(dir.path().join("pkg/a.py")).unwrap(), before_a);
}

#[test]
fn dry_run_still_writes_report_files() {
    let dir = eval_project(&[("a.py", "eval(a)\n")]);
    let output = scan(
        dir.path(),
        &["--dry-run", "--format", "json", "-o", "report.json", "a.py"],
    );
    assert!(stdout(&output).starts_with("--- a.py\n+++ a.py\n"));
    let report: serde_json::Value = serde_json::from_str(&read(dir.path(), "report.json")).unwrap();
    assert_eq!(report["findings"][0]["fix"], "ast.literal_eval(a)");
    assert_eq!(read(dir.path(), "a.py"), "eval(a)\n");
}

#[cfg(unix)]
#[test]
fn a_fixed_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = eval_project(&[("tool.py", "#!/usr/bin/env python3\neval(a)\n")]);
    let path = dir.path().join("tool.py");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o751)).unwrap();
    let output = scan(dir.path(), &["--autofix", "tool.py"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        read(dir.path(), "tool.py"),
        "#!/usr/bin/env python3\nast.literal_eval(a)\n"
    );
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o751);
}

#[test]
fn a_crlf_file_keeps_its_line_endings() {
    let rules = r#"rules:
  - id: os-system
    message: os.system() runs a shell
    severity: ERROR
    languages: [python]
    pattern: os.system($CMD)
    fix: |-
      subprocess.run(
          $CMD,
          check=True,
      )
"#;
    let code = "import os\r\n\r\nif ready:\r\n    os.system(cmd)\r\nprint('done')\r\n";
    let dir = project_with(rules, &[("a.py", code)]);
    let output = scan(dir.path(), &["--autofix", "a.py"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read(dir.path().join("a.py")).unwrap(),
        b"import os\r\n\r\nif ready:\r\n    subprocess.run(\r\n        cmd,\r\n        check=True,\r\n    )\r\nprint('done')\r\n"
    );
}

#[test]
fn a_fix_that_breaks_the_syntax_is_not_written_and_is_reported() {
    let code = "eval(a)\nexec(b)\n";
    let dir = project_with(&breaking_rules(), &[("a.py", code)]);
    let output = scan(dir.path(), &["--autofix", "a.py"]);
    assert_eq!(read(dir.path(), "a.py"), code);
    assert_told(
        &output,
        &[
            "warning: a.py: not fixed: the fixes would introduce syntax errors",
            "Fixed 0 findings in 0 files",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn every_file_is_left_either_as_it_was_or_with_all_its_fixes() {
    let files = [
        // (name, original, after --autofix)
        (
            "a.py",
            "eval(a)\neval(b)\n",
            "ast.literal_eval(a)\nast.literal_eval(b)\n",
        ),
        ("b.py", "eval(a)\nexec(b)\n", "eval(a)\nexec(b)\n"),
        ("c.py", "print(1)\n", "print(1)\n"),
        ("d/e.py", "x = [eval(y)]\n", "x = [ast.literal_eval(y)]\n"),
    ];
    let originals: Vec<(&str, &str)> = files.iter().map(|(name, old, _)| (*name, *old)).collect();
    let dir = project_with(&breaking_rules(), &originals);
    let output = scan(dir.path(), &["--autofix", "."]);
    for (name, _, expected) in files {
        assert_eq!(read(dir.path(), name), expected, "{name}");
    }
    assert_told(&output, &["Fixed 3 findings in 2 files"]);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".tripline-fix-")),
        "a temporary file was left: {names:?}"
    );
}

#[test]
fn overlapping_fixes_apply_the_first_and_report_the_others() {
    let rules = r#"rules:
  - id: outer
    message: outer
    severity: ERROR
    languages: [python]
    pattern: outer(inner($X))
    fix: outer(safe($X))
  - id: inner
    message: inner
    severity: ERROR
    languages: [python]
    pattern: inner($X)
    fix: checked($X)
"#;
    let dir = project_with(rules, &[("a.py", "outer(inner(x))\ninner(y)\n")]);
    let output = scan(dir.path(), &["--autofix", "a.py"]);
    assert_eq!(read(dir.path(), "a.py"), "outer(safe(x))\nchecked(y)\n");
    assert_told(
        &output,
        &[
            "warning: a.py:1:7: inner: fix skipped: overlaps an earlier fix",
            "Fixed 2 findings in 1 file",
        ],
    );
    // The skipped finding was not fixed: it fails the scan.
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn suppressed_findings_and_those_in_the_baseline_are_not_fixed() {
    let dir = eval_project(&[("a.py", "eval(old)\n")]);
    let output = scan(dir.path(), &["--write-baseline", "baseline.json", "a.py"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let code = "eval(old)\neval(new)\neval(kept)  # nosec -- reviewed\n";
    fs::write(dir.path().join("a.py"), code).unwrap();
    let output = scan(
        dir.path(),
        &["--baseline", "baseline.json", "--autofix", "a.py"],
    );
    assert_eq!(
        read(dir.path(), "a.py"),
        "eval(old)\nast.literal_eval(new)\neval(kept)  # nosec -- reviewed\n"
    );
    assert_told(&output, &["Fixed 1 finding in 1 file"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn findings_taken_from_the_result_cache_are_fixed_at_their_place() {
    let code = "# -*- coding: utf-8 -*-\ns = 'é'\nx = eval(a)\n";
    let dir = eval_project(&[("a.py", code)]);
    let cached = |args: &[&str]| {
        tripline(dir.path())
            .env("TRIPLINE_NO_CACHE", "0")
            .args([
                "scan",
                "-c",
                "rules.yaml",
                "--cache-dir",
                "cache",
                "--verbose",
            ])
            .args(args)
            .output()
            .unwrap()
    };
    let first = cached(&["a.py"]);
    assert!(
        stderr(&first).contains("1 scanned and stored"),
        "{}",
        stderr(&first)
    );
    let output = cached(&["--autofix", "a.py"]);
    assert!(stderr(&output).contains("1 reused"), "{}", stderr(&output));
    assert_eq!(
        read(dir.path(), "a.py"),
        "# -*- coding: utf-8 -*-\ns = 'é'\nx = ast.literal_eval(a)\n"
    );
}

/// At the engine's level: a file changed after the scan, or after the
/// fixes were computed, is not written.
#[test]
fn a_file_changed_after_it_was_read_is_not_written() {
    let dir = eval_project(&[("a.py", "eval(a)\n")]);
    let path = dir.path().join("a.py");
    let mut rules = tripline_rule::RuleSet::default();
    tripline_rule::load_file(&dir.path().join("rules.yaml"), &mut rules).unwrap();
    let report = tripline_engine::scan(
        &rules,
        std::slice::from_ref(&path),
        &tripline_engine::ScanOptions::default(),
    );

    // Changed between the scan and the fix: refused when read again.
    fs::write(&path, "eval(b)\n").unwrap();
    let plans = tripline_engine::autofix::plan(&report);
    assert!(matches!(
        plans[0].outcome,
        Err(tripline_engine::autofix::Refusal::Changed)
    ));

    // Changed between the fix and the write: refused before the rename.
    fs::write(&path, "eval(a)\n").unwrap();
    let plans = tripline_engine::autofix::plan(&report);
    let fixed = plans[0].outcome.as_ref().unwrap();
    assert_eq!(fixed.edited.text, "ast.literal_eval(a)\n");
    fs::write(&path, "eval(a)  # edited meanwhile\n").unwrap();
    assert!(matches!(
        fixed.write(&path),
        Err(tripline_engine::autofix::Refusal::Changed)
    ));
    assert_eq!(read(dir.path(), "a.py"), "eval(a)  # edited meanwhile\n");
}

#[test]
fn a_read_only_file_is_not_written() {
    let dir = eval_project(&[("a.py", "eval(a)\n")]);
    let path = dir.path().join("a.py");
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let output = scan(dir.path(), &["--autofix", "a.py"]);
    assert_eq!(read(dir.path(), "a.py"), "eval(a)\n");
    assert_told(
        &output,
        &["warning: a.py: not fixed: the file is read-only"],
    );
    assert_eq!(output.status.code(), Some(1));
}

const FIXTURE: &str =
    "import ast\n\n# ruleid: eval-call\nx = eval(a)\n# ok: eval-call\ny = ast.literal_eval(b)\n";

/// `eval.yaml` ([`EVAL_RULE`]), its fixture `eval.py`, and `eval.fixed.py`
/// holding the fixture with `x = eval(a)` written as `fixed_line`, if given.
fn fixture_project(fixed_line: Option<&str>) -> tempfile::TempDir {
    let mut files = vec![
        ("eval.yaml", EVAL_RULE.to_owned()),
        ("eval.py", FIXTURE.to_owned()),
    ];
    if let Some(line) = fixed_line {
        files.push(("eval.fixed.py", FIXTURE.replace("x = eval(a)", line)));
    }
    project(&files)
}

#[test]
fn test_checks_the_fixes_against_the_fixed_file() {
    let dir = fixture_project(Some("x = ast.literal_eval(a)"));
    let output = test(dir.path(), &["."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("PASS fixes ./eval.fixed.py\n"));
    assert!(stdout(&output).ends_with("2 passed, 0 failed\n"));
}

#[test]
fn test_shows_a_diff_when_the_fixes_do_not_give_the_fixed_file() {
    let dir = fixture_project(Some("x = json.loads(a)"));
    let output = test(dir.path(), &["eval.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("test_fix_mismatch", stdout(&output));

    let output = test(dir.path(), &["--json", "eval.yaml"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let fix = &json["rule_files"][0]["fix"];
    assert_eq!(fix["fixed_file"], "eval.fixed.py");
    assert_eq!(fix["passed"], false);
    let diff = fix["diff"].as_str().unwrap();
    assert!(
        diff.contains("\n-x = json.loads(a)\n+x = ast.literal_eval(a)\n"),
        "{diff}"
    );
    assert_eq!(
        (json["passed"].as_u64(), json["failed"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn test_notes_fixes_without_a_fixed_file() {
    let dir = fixture_project(None);
    let output = test(dir.path(), &["eval.yaml"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output)
        .contains("---- eval.yaml: fixes not tested (no .fixed.py beside eval.py)\n"));
    let output = test(dir.path(), &["--json", "eval.yaml"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["fixes_untested"], serde_json::json!(["eval.yaml"]));
    assert!(json["rule_files"][0]["fix"].is_null());
}

/// A file decoded from its coding declaration is scanned, but its fixes
/// are not written (they would be written in UTF-8); a file whose lines
/// end with a lone `\r` is fixed with its line ends kept.
#[test]
fn declared_encodings_are_not_rewritten_and_lone_carriage_returns_are_kept() {
    let latin1: &[u8] = b"# -*- coding: latin-1 -*-\ns = 'caf\xe9'\nx = eval(s)\n";
    let dir = project(&[
        ("rules.yaml", EVAL_RULE.as_bytes()),
        ("latin1.py", latin1),
        ("cr.py", b"s = 1\rx = eval(s)\r"),
    ]);
    let output = scan(dir.path(), &["--autofix", "latin1.py", "cr.py"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(fs::read(dir.path().join("latin1.py")).unwrap(), latin1);
    assert!(
        stderr(&output).contains("latin1.py: not fixed: it is not UTF-8"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read(dir.path().join("cr.py")).unwrap(),
        b"s = 1\rx = ast.literal_eval(s)\r"
    );
}
