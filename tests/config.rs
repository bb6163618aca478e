//! The project configuration file end to end: how `scan` finds it
//! (`tripline.toml`, `pyproject.toml` `[tool.tripline]`, walking up),
//! `--config-file` and `--isolated`, what each key does, flags winning over
//! it, and bad files reported at their line and column (insta snapshots of
//! the diagnostics).

mod common;

use std::path::Path;
use std::process::Output;

use common::{project, stderr, stdout, tripline};

/// Two small rules, one per severity, so tests need not know the shipped ruleset.
const RULES: &str = "rules:
  - id: org.eval
    message: eval
    severity: HIGH
    languages: [python]
    pattern: eval(...)
  - id: org.print
    message: print
    severity: LOW
    languages: [python]
    pattern: print(...)
";

const CODE: &str = "eval(x)\nprint(x)\n";

/// `tripline scan --json ARGS` in `dir`.
fn scan(dir: &Path, args: &[&str]) -> Output {
    tripline(dir)
        .args(["scan", "--json"])
        .args(args)
        .output()
        .unwrap()
}

/// The `rule_id` and path of each finding of a JSON scan, as `id path`.
fn findings(output: &Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}{}", stdout(output), stderr(output)));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["rule_id"].as_str().unwrap(),
                f["path"].as_str().unwrap()
            )
        })
        .collect()
}

/// A project with the two rules under `rules/`, `app.py` and the given
/// configuration file.
fn configured(name: &str, config: &str) -> tempfile::TempDir {
    project(&[("rules/org.yaml", RULES), ("app.py", CODE), (name, config)])
}

const EXTEND: &str = "extend-rules = [\"rules\"]\nselect = [\"org\"]\n";

#[test]
fn discovery_walks_up_past_a_pyproject_without_the_table() {
    let dir = project(&[
        ("rules/org.yaml", RULES),
        (
            "pyproject.toml",
            &format!(
                "[project]\nname = \"x\"\n\n[tool.tripline]\n{EXTEND}skip = [\"org.print\"]\n"
            ),
        ),
        ("pkg/pyproject.toml", "[project]\nname = \"pkg\"\n"),
        ("pkg/src/app.py", CODE),
    ]);
    let output = scan(&dir.path().join("pkg"), &["-v", "src/app.py"]);
    assert_eq!(findings(&output), ["org.eval src/app.py"]);
    assert!(
        stderr(&output).contains("tripline: configuration from ../pyproject.toml\n"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn discovery_starts_at_the_first_scanned_path_not_the_current_directory() {
    let dir = project(&[
        ("rules/org.yaml", RULES),
        (
            "proj/tripline.toml",
            "extend-rules = [\"../rules\"]\nselect = [\"org.print\"]\n",
        ),
        ("proj/app.py", CODE),
    ]);
    let output = scan(dir.path(), &["proj"]);
    assert_eq!(findings(&output), ["org.print proj/app.py"]);
}

#[test]
fn tripline_toml_wins_over_pyproject_in_the_same_directory() {
    let dir = configured("tripline.toml", &format!("{EXTEND}skip = [\"org.eval\"]\n"));
    std::fs::write(
        dir.path().join("pyproject.toml"),
        format!("[tool.tripline]\n{EXTEND}skip = [\"org.print\"]\n"),
    )
    .unwrap();
    let output = scan(dir.path(), &["-v", "app.py"]);
    assert_eq!(findings(&output), ["org.print app.py"]);
    assert!(stderr(&output).contains("configuration from tripline.toml"));
}

#[test]
fn without_a_configuration_file_verbose_says_so() {
    let dir = project(&[("app.py", "print(1)\n")]);
    let output = scan(dir.path(), &["-v", "--select", "B101", "app.py"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("tripline: no configuration file found\n"));
}

#[test]
fn config_file_names_one_explicitly() {
    let dir = configured(
        "ci/strict.toml",
        "extend-rules = [\"../rules\"]\nselect = [\"org.eval\"]\n",
    );
    let output = scan(
        dir.path(),
        &["--config-file", "ci/strict.toml", "-v", "app.py"],
    );
    assert_eq!(findings(&output), ["org.eval app.py"]);
    assert!(stderr(&output).contains("configuration from ci/strict.toml"));

    // A pyproject.toml named explicitly must have the table.
    std::fs::write(
        dir.path().join("pyproject.toml"),
        "[project]\nname = \"x\"\n",
    )
    .unwrap();
    let output = scan(dir.path(), &["--config-file", "pyproject.toml", "app.py"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("pyproject.toml has no [tool.tripline] table"));

    let output = scan(dir.path(), &["--config-file", "missing.toml", "app.py"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("error: cannot read missing.toml"));
}

#[test]
fn isolated_and_no_config_ignore_the_configuration_file() {
    // A broken file would stop the scan if it were read.
    let dir = configured("tripline.toml", "select = 3\n");
    for flag in ["--isolated", "--no-config"] {
        let output = scan(dir.path(), &[flag, "-c", "rules", "-v", "app.py"]);
        assert_eq!(
            findings(&output),
            ["org.eval app.py", "org.print app.py"],
            "{flag}"
        );
        assert!(stderr(&output).contains("configuration files ignored (--isolated)"));
    }
    assert_eq!(
        scan(dir.path(), &["-c", "rules", "app.py"]).status.code(),
        Some(2)
    );
}

#[test]
fn select_skip_and_extend_rules() {
    let dir = configured("tripline.toml", EXTEND);
    assert_eq!(
        findings(&scan(dir.path(), &["app.py"])),
        ["org.eval app.py", "org.print app.py"]
    );
    let dir = configured("tripline.toml", &format!("{EXTEND}skip = [\"org.eval\"]\n"));
    assert_eq!(
        findings(&scan(dir.path(), &["app.py"])),
        ["org.print app.py"]
    );
}

#[test]
fn extend_rules_adds_to_the_shipped_ruleset() {
    let dir = configured("tripline.toml", "extend-rules = [\"rules/org.yaml\"]\n");
    std::fs::write(dir.path().join("app.py"), "assert x\neval(x)\n").unwrap();
    let found = findings(&scan(dir.path(), &["app.py"]));
    assert!(found.contains(&"org.eval app.py".to_owned()), "{found:?}");
    assert!(
        found.contains(&"python.other.assert-used app.py".to_owned()),
        "{found:?}"
    );
}

#[test]
fn include_and_exclude_filter_walks_and_named_files() {
    let dir = project(&[
        ("rules/org.yaml", RULES),
        (
            "tripline.toml",
            &format!("{EXTEND}exclude = [\"migrations\"]\n"),
        ),
        ("app.py", "eval(x)\n"),
        ("migrations/0001.py", "eval(x)\n"),
    ]);
    assert_eq!(findings(&scan(dir.path(), &["."])), ["org.eval ./app.py"]);
    // As a pre-commit hook names them: the project's excludes still hold.
    let output = scan(dir.path(), &["-v", "app.py", "migrations/0001.py"]);
    assert_eq!(findings(&output), ["org.eval app.py"]);
    assert!(stderr(&output).contains("not scanning migrations/0001.py"));

    std::fs::write(
        dir.path().join("tripline.toml"),
        format!("{EXTEND}include = [\"migrations\"]\n"),
    )
    .unwrap();
    assert_eq!(
        findings(&scan(dir.path(), &["."])),
        ["org.eval ./migrations/0001.py"]
    );
}

#[test]
fn severity_leaves_out_lower_findings_and_fail_on_decides_the_exit_code() {
    let dir = configured("tripline.toml", &format!("{EXTEND}severity = \"medium\"\n"));
    let output = scan(dir.path(), &["app.py"]);
    assert_eq!(findings(&output), ["org.eval app.py"]);
    assert_eq!(output.status.code(), Some(1));

    // fail-on above every finding: reported, but the exit code is 0.
    let dir = configured(
        "tripline.toml",
        &format!("{EXTEND}fail-on = \"CRITICAL\"\n"),
    );
    let output = scan(dir.path(), &["app.py"]);
    assert_eq!(findings(&output), ["org.eval app.py", "org.print app.py"]);
    assert_eq!(output.status.code(), Some(0));

    // fail-on HIGH: the HIGH finding fails the scan, the LOW one alone would not.
    let dir = configured("tripline.toml", &format!("{EXTEND}fail-on = \"HIGH\"\n"));
    assert_eq!(scan(dir.path(), &["app.py"]).status.code(), Some(1));
    std::fs::write(dir.path().join("app.py"), "print(x)\n").unwrap();
    let output = scan(dir.path(), &["app.py"]);
    assert_eq!(findings(&output), ["org.print app.py"]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn per_file_ignores_by_rule_id_prefix_and_bandit_id() {
    let files = [
        ("tests/test_app.py", "assert x\neval(x)\n"),
        ("scripts/run.py", "assert x\neval(x)\n"),
        ("app.py", "assert x\neval(x)\n"),
    ];
    let config = "select = [\"B101\", \"python.code-injection.eval-used\"]
[per-file-ignores]
\"tests/*\" = [\"B101\"]
\"scripts/run.py\" = [\"python.code-injection\", \"python.other.assert-used\"]
";
    let dir = project(&files);
    std::fs::write(dir.path().join("tripline.toml"), config).unwrap();
    assert_eq!(
        findings(&scan(dir.path(), &["."])),
        [
            "python.other.assert-used ./app.py",
            "python.code-injection.eval-used ./app.py",
            "python.code-injection.eval-used ./tests/test_app.py",
        ]
    );
    // The globs are relative to the configuration file, wherever the scan starts.
    assert_eq!(
        findings(&scan(&dir.path().join("tests"), &["."])),
        ["python.code-injection.eval-used ./test_app.py"]
    );
}

#[test]
fn format_and_jobs_are_defaults() {
    let dir = configured(
        "tripline.toml",
        &format!("{EXTEND}format = \"github\"\njobs = 2\n"),
    );
    let output = tripline(dir.path())
        .args(["scan", "app.py"])
        .output()
        .unwrap();
    assert!(
        stdout(&output).starts_with("::error file=app.py,line=1"),
        "{}",
        stdout(&output)
    );
    let output = tripline(dir.path())
        .args(["scan", "--format", "text", "-j", "1", "app.py"])
        .output()
        .unwrap();
    assert!(
        stdout(&output).starts_with("app.py:1:1 HIGH org.eval"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn flags_override_the_configuration_file() {
    let config = format!(
        "{EXTEND}skip = [\"org.eval\"]\nseverity = \"HIGH\"\nfail-on = \"CRITICAL\"\nexclude = [\"app.py\"]\n"
    );
    let dir = configured("tripline.toml", &config);
    // The file alone: app.py is excluded, so nothing is found.
    assert_eq!(findings(&scan(dir.path(), &["."])), Vec::<String>::new());
    let output = scan(
        dir.path(),
        &[
            "--select",
            "org.eval",
            "--skip",
            "org.print",
            "--severity",
            "LOW",
            "--fail-on",
            "LOW",
            "--exclude",
            "rules",
            ".",
        ],
    );
    assert_eq!(findings(&output), ["org.eval ./app.py"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn severity_and_fail_on_flags_without_a_configuration_file() {
    let dir = project(&[("rules.yaml", RULES), ("app.py", CODE)]);
    let output = scan(
        dir.path(),
        &["-c", "rules.yaml", "--severity", "HIGH", "app.py"],
    );
    assert_eq!(findings(&output), ["org.eval app.py"]);
    let output = scan(
        dir.path(),
        &["-c", "rules.yaml", "--fail-on", "critical", "app.py"],
    );
    assert_eq!(output.status.code(), Some(0));
    let output = scan(
        dir.path(),
        &["-c", "rules.yaml", "--fail-on", "huge", "app.py"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("expected one of INFO, LOW"));
}

#[test]
fn a_select_that_matches_no_rule_is_reported_at_its_place() {
    let dir = configured("tripline.toml", "select = [\"B101\", \"B999\"]\n");
    let output = scan(dir.path(), &["app.py"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("`select` entry \"B999\" matches no rule"),
        "{err}"
    );
    assert!(err.contains("[tripline.toml:1:19]"), "{err}");
}

/// A broken configuration: the diagnostic as the user sees it, with its
/// `file:line:col`, and exit code 2 before anything is scanned.
fn broken(name: &str, file: &str, config: &str, place: &str) {
    let dir = project(&[(file, config), ("app.py", "eval(x)\n")]);
    let output = tripline(dir.path())
        .args(["scan", "app.py"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{name}");
    assert!(stdout(&output).is_empty(), "{name}");
    let err = stderr(&output);
    assert!(err.contains(&format!("[{file}:{place}]")), "{name}: {err}");
    insta::assert_snapshot!(name, err);
}

#[test]
fn bad_configuration_unknown_key() {
    broken(
        "unknown_key",
        "pyproject.toml",
        "[project]\nname = \"x\"\n\n[tool.tripline]\nselect = [\"B101\"]\nfail_on = \"HIGH\"\n",
        "6:1",
    );
}

#[test]
fn bad_configuration_wrong_type() {
    broken(
        "wrong_type",
        "tripline.toml",
        "select = \"B101\"\nexclude = [\"tests\", 3]\n",
        "1:10",
    );
}

#[test]
fn bad_configuration_bad_glob() {
    broken(
        "bad_glob",
        "tripline.toml",
        "exclude = [\"tests\", \"src/[a-\"]\n",
        "1:21",
    );
}

#[test]
fn bad_configuration_unknown_severity() {
    broken(
        "unknown_severity",
        "tripline.toml",
        "# Block merges on serious findings only.\nseverity = \"LOW\"\nfail-on = \"SEVERE\"\n",
        "3:11",
    );
}

#[test]
fn bad_configuration_toml_syntax() {
    broken(
        "toml_syntax",
        "tripline.toml",
        "select = [\"B101\"\n",
        "1:17",
    );
}
