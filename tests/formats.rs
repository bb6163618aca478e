//! End-to-end tests of the CI output formats (`--format sarif|github|junit|gitlab`),
//! of writing outputs to files (`--output`, `--sarif-output`...) and of
//! colour (`--color`, `NO_COLOR`). Each format is pinned by an insta
//! snapshot of a scan with findings and with files that cannot be scanned;
//! SARIF is also validated against the official SARIF 2.1.0 JSON schema
//! (tests/data/sarif-2.1.0-schema.json).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;

use common::{assert_valid_sarif, project, repo, sarif_errors, stderr, stdout, tripline};

const RULES: &str = r#"rules:
  - id: subprocess-shell-true
    message: subprocess.$FUNC() runs its command through the shell. Pass a list.
    severity: ERROR
    languages: [python]
    metadata:
      cwe: "CWE-78: Improper Neutralization of Special Elements used in an OS Command"
      owasp: "A03:2021 - Injection"
      confidence: HIGH
      bandit: B602
      references:
        - https://docs.python.org/3/library/subprocess.html#security-considerations
      description: |
        ## What it does
        Flags `shell=True`.
    pattern: subprocess.$FUNC(..., shell=True, ...)
    fix: subprocess.$FUNC([...], shell=False)
  - id: eval-call
    message: eval() on a non-literal value
    severity: WARNING
    languages: [python]
    patterns:
      - pattern: eval($X)
      - pattern-not: eval("...")
  - id: exec-call
    message: exec() runs "code" & <more>
    severity: INFO
    languages: [python]
    pattern: exec(...)
  - id: pickle-load
    message: pickle.load() of untrusted data
    severity: LOW
    languages: [python]
    pattern: pickle.load(...)
"#;

/// `app.py` has findings (one spanning lines, one after an astral-plane
/// character, one with `"`, `<` and `&` in its message); `broken.py` has a
/// syntax error and a finding; `latin1.py` and `blob.py` cannot be scanned.
fn scanned_project() -> tempfile::TempDir {
    project(&[
        ("rules.yaml", RULES.as_bytes()),
        (
            "pkg/app.py",
            "import subprocess\n\n\ndef deploy(branch):\n    \
             subprocess.run(\"git checkout \" + branch, shell=True)\n    \
             subprocess.check_call(\n        [\"make\", \"deploy\"],\n        shell=True,\n    )\n    \
             label = \"😀\"; exec(branch)\n    return eval(branch)\n"
                .as_bytes(),
        ),
        ("pkg/broken.py", b"def f(x:\n    eval(x)\n"),
        ("pkg/latin1.py", b"x = \"caf\xe9\"\n"),
        ("pkg/blob.py", b"x = 1\x00\n"),
    ])
}

/// `tripline scan -c rules.yaml pkg` in `dir`, with `args` added.
fn scan(dir: &Path, args: &[&str]) -> Output {
    tripline(dir)
        .args(["scan", "-c", "rules.yaml"])
        .args(args)
        .arg("pkg")
        .output()
        .unwrap()
}

/// The output of a scan with findings (exit code 1), as text.
fn scan_with_findings(dir: &Path, args: &[&str]) -> String {
    let output = scan(dir, args);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    stdout(&output)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The version changes with every release; snapshots should not.
fn redact_version(text: &str) -> String {
    text.replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn sarif_output_is_valid_and_complete() {
    let dir = scanned_project();
    let text = scan_with_findings(dir.path(), &["--format", "sarif"]);
    let log = json(&text);
    assert_valid_sarif(&log);
    // The validator does catch a wrong log.
    let mut wrong = log.clone();
    wrong["runs"][0]["results"][0]["level"] = "fatal".into();
    assert_eq!(sarif_errors(&wrong).len(), 1);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    // Every rule that ran, sorted by id, findings or not.
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "eval-call",
            "exec-call",
            "pickle-load",
            "subprocess-shell-true"
        ]
    );
    let results = run["results"].as_array().unwrap();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index], result["ruleId"]);
    }
    // `exec(branch)` follows `    label = "😀"; `: character 18, UTF-16 unit 19.
    let exec = results.iter().find(|r| r["ruleId"] == "exec-call").unwrap();
    assert_eq!(
        exec["locations"][0]["physicalLocation"]["region"]["startColumn"],
        19
    );
    // The skipped files are the invocation's notifications.
    let notifications = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notifications.len(), 2);
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    insta::assert_snapshot!("sarif", redact_version(&text));
}

#[test]
fn sarif_of_the_shipped_ruleset_is_valid() {
    // Every shipped rule's metadata (descriptions, references, CWE and
    // OWASP lists) goes through the schema.
    let output = tripline(&repo())
        .args(["scan", "--format", "sarif", "examples/"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let log = json(&stdout(&output));
    assert_valid_sarif(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.len() > 100, "only {} rules", rules.len());
    let eval = rules
        .iter()
        .find(|r| r["id"] == "python.code-injection.eval-used")
        .unwrap();
    assert!(eval["properties"]["tags"]
        .as_array()
        .unwrap()
        .contains(&Value::from("external/cwe/cwe-95")));
    assert!(eval["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## What it does"));
}

#[test]
fn sarif_of_a_clean_scan_is_valid_and_has_no_results() {
    let dir = project(&[("rules.yaml", RULES), ("pkg/ok.py", "print(1)\n")]);
    let output = scan(dir.path(), &["--format", "sarif"]);
    assert_eq!(output.status.code(), Some(0));
    let log = json(&stdout(&output));
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert!(log["runs"][0]["invocations"][0]
        .get("toolExecutionNotifications")
        .is_none());
}

#[test]
fn sarif_fingerprints_survive_an_inserted_line_and_tell_duplicates_apart() {
    let code = "x = eval(a)\n";
    let before = project(&[("rules.yaml", RULES), ("pkg/a.py", code)]);
    let after = project(&[
        ("rules.yaml", RULES),
        ("pkg/a.py", format!("import os\n{code}eval(  a)\n").as_str()),
    ]);
    let prints = |dir: &Path| -> Vec<String> {
        let log = json(&scan_with_findings(dir, &["--format", "sarif"]));
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"]["matchedCodeHash/v2"].to_string())
            .collect()
    };
    let (before, after) = (prints(before.path()), prints(after.path()));
    assert_eq!(before.len(), 1);
    assert_eq!(after.len(), 2);
    assert_eq!(before[0], after[0], "the finding moved a line down");
    assert_ne!(after[0], after[1], "a second, identical finding");
}

#[test]
fn github_annotations() {
    let dir = scanned_project();
    let text = scan_with_findings(dir.path(), &["--format", "github"]);
    // Severity ERROR is an error, WARNING a warning, INFO a notice; the
    // multi-line message is one command.
    assert!(text.starts_with(
        "::error file=pkg/app.py,line=5,endLine=5,col=5,endColumn=57,\
         title=tripline subprocess-shell-true::subprocess.run() runs its command through the shell. \
         Pass a list.%0Afix: subprocess.run([...], shell=False)\n"
    ));
    assert!(text.contains("::notice file=pkg/app.py,line=10,"));
    assert!(text.contains("::warning file=pkg/blob.py,title=tripline%3A file not scanned::"));
    assert_eq!(text.lines().count(), 7);
    insta::assert_snapshot!("github", text);
}

#[test]
fn junit_report() {
    let dir = scanned_project();
    let text = scan_with_findings(dir.path(), &["--format", "junit"]);
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tripline\" tests=\"8\" failures=\"5\" errors=\"0\" skipped=\"2\">"));
    // Markup in a message is escaped.
    assert!(text.contains("message=\"exec() runs &quot;code&quot; &amp; &lt;more&gt;\""));
    assert_eq!(text.matches("<testsuite ").count(), 5);
    // A rule without findings is one passing test.
    assert!(text.contains("<testcase name=\"no findings\" classname=\"pickle-load\"/>"));
    assert_eq!(text.matches("<failure ").count(), 5);
    insta::assert_snapshot!("junit", text);
}

#[test]
fn gitlab_sast_report() {
    let dir = scanned_project();
    let mut report = json(&scan_with_findings(dir.path(), &["--format", "gitlab"]));
    assert_eq!(report["version"], "15.2.1");
    for time in ["start_time", "end_time"] {
        let value = report["scan"][time].as_str().unwrap();
        // GitLab's schema: ^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$
        let shape: String = value
            .chars()
            .map(|c| if c.is_ascii_digit() { 'd' } else { c })
            .collect();
        assert_eq!(shape, "dddd-dd-ddTdd:dd:dd", "{time} = {value}");
        report["scan"][time] = "[time]".into();
    }
    let vulnerabilities = report["vulnerabilities"].as_array().unwrap();
    let severities: Vec<&str> = vulnerabilities
        .iter()
        .map(|v| v["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["High", "High", "Info", "Medium", "Medium"]);
    let ids: std::collections::HashSet<&str> = vulnerabilities
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 5, "vulnerability ids are unique");
    let text = redact_version(&serde_json::to_string_pretty(&report).unwrap());
    insta::assert_snapshot!("gitlab", text);
}

#[test]
fn output_writes_the_format_to_a_file_instead_of_stdout() {
    let dir = scanned_project();
    let output = scan(
        dir.path(),
        &["--format", "json", "--output", "out/report.json"],
    );
    // The directory must exist: nothing is scanned.
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("there is no directory out"));

    std::fs::create_dir(dir.path().join("out")).unwrap();
    let output = scan(dir.path(), &["--format", "json", "-o", "out/report.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let written = std::fs::read_to_string(dir.path().join("out/report.json")).unwrap();
    assert_eq!(json(&written)["stats"]["findings"], 5);
    // Only the report is left in the directory: no temporary file.
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        1
    );
}

#[test]
fn several_outputs_at_once_match_their_single_format_runs() {
    let dir = scanned_project();
    let output = scan(
        dir.path(),
        &[
            "--sarif-output",
            "r.sarif",
            "--json-output",
            "r.json",
            "--junit-output",
            "r.xml",
            "--github-output",
            "r.github",
            "--gitlab-output",
            "r.gitlab.json",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // Text still goes to stdout.
    assert!(stdout(&output).contains("5 findings (2 ERROR, 2 WARNING, 1 INFO)"));
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    for (file, format) in [
        ("r.sarif", "sarif"),
        ("r.json", "json"),
        ("r.xml", "junit"),
        ("r.github", "github"),
    ] {
        assert_eq!(
            read(file),
            scan_with_findings(dir.path(), &["--format", format]),
            "{file}"
        );
    }
    assert_eq!(
        json(&read("r.gitlab.json"))["vulnerabilities"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

#[test]
fn two_outputs_cannot_share_a_file() {
    let dir = scanned_project();
    let output = scan(
        dir.path(),
        &[
            "--format",
            "sarif",
            "-o",
            "r.out",
            "--junit-output",
            "r.out",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("r.out is named by two outputs"));
    assert!(!dir.path().join("r.out").exists());
}

#[test]
fn json_shorthand_still_works() {
    let dir = scanned_project();
    let text = scan_with_findings(dir.path(), &["--json"]);
    assert_eq!(json(&text)["version"], "1");
}

/// Whether a text scan's stdout has ANSI colour, with `NO_COLOR` as given.
fn coloured(args: &[&str], no_color: Option<&str>) -> bool {
    let dir = scanned_project();
    let mut command = tripline(dir.path());
    command.env_remove("NO_COLOR");
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let output = command
        .args(["scan", "-c", "rules.yaml"])
        .args(args)
        .arg("pkg")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    stdout(&output).contains("\x1b[")
}

#[test]
fn color_follows_the_flag_and_no_color() {
    // stdout is a pipe here: `auto` means no colour.
    assert!(!coloured(&[], None));
    assert!(!coloured(&["--color", "auto"], None));
    assert!(coloured(&["--color", "always"], None));
    // An explicit --color always wins over NO_COLOR.
    assert!(coloured(&["--color", "always"], Some("1")));
    assert!(!coloured(&["--color", "never"], None));
    // Formats for programs never have colour.
    assert!(!coloured(&["--color", "always", "--format", "json"], None));
}

#[test]
fn color_always_applies_to_a_text_output_file() {
    let dir = scanned_project();
    let output = scan(dir.path(), &["--color", "always", "-o", "report.txt"]);
    assert_eq!(output.status.code(), Some(1));
    let written = std::fs::read_to_string(dir.path().join("report.txt")).unwrap();
    assert!(written.contains("\x1b[31mERROR\x1b[0m"));
    let output = scan(dir.path(), &["-o", "plain.txt"]);
    assert_eq!(output.status.code(), Some(1));
    let plain = std::fs::read_to_string(dir.path().join("plain.txt")).unwrap();
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("ERROR subprocess-shell-true"));
}

#[test]
fn suppressed_findings_stay_in_sarif_as_suppressed_and_leave_the_other_formats() {
    let dir = project(&[
        ("rules.yaml", RULES),
        (
            "pkg/a.py",
            "eval(a)  # nosec -- a constant\neval(b)  # nosemgrep\neval(c)\n",
        ),
    ]);
    let log = json(&scan_with_findings(dir.path(), &["--format", "sarif"]));
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert_eq!(
        results[0]["suppressions"],
        serde_json::json!([{"kind": "inSource", "justification": "a constant"}])
    );
    assert_eq!(
        results[1]["suppressions"],
        serde_json::json!([{"kind": "inSource"}])
    );
    assert!(results[2].get("suppressions").is_none());

    let github = scan_with_findings(dir.path(), &["--format", "github"]);
    assert_eq!(github.lines().count(), 1, "{github}");
    assert!(github.contains("line=3"), "{github}");
    let junit = scan_with_findings(dir.path(), &["--format", "junit"]);
    assert!(junit.contains("failures=\"1\""), "{junit}");
    assert!(!junit.contains("pkg/a.py:1:"), "{junit}");
    let gitlab = json(&scan_with_findings(dir.path(), &["--format", "gitlab"]));
    let vulnerabilities = gitlab["vulnerabilities"].as_array().unwrap();
    assert_eq!(vulnerabilities.len(), 1);
    assert_eq!(vulnerabilities[0]["location"]["start_line"], 3);
}
