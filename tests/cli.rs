//! End-to-end tests of `tripline scan`: output formats, exit codes, and
//! files that cannot be scanned. Rendered output is pinned with insta
//! snapshots (tests/snapshots/), so a change a user would see shows up in review.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tripline(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("tripline").unwrap();
    command.current_dir(dir).env("NO_COLOR", "1");
    command
}

/// A scratch directory with the given files.
fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

const EVAL_RULE: &[u8] = br#"rules:
  - id: eval-call
    message: eval() of $X
    severity: ERROR
    languages: [python]
    pattern: eval($X)
"#;

/// One field (`rule_id`, `path`...) of each finding of a JSON scan.
fn finding_fields(output: &std::process::Output, field: &str) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f[field].as_str().unwrap().to_owned())
        .collect()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn text_output_on_the_example_with_the_shipped_rules() {
    let output = tripline(&repo())
        .args(["scan", "examples/"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    insta::assert_snapshot!("example_text", stdout(&output));
}

#[test]
fn json_output_on_the_example_with_the_shipped_rules() {
    let output = tripline(&repo())
        .args(["scan", "--format", "json", "examples/"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let mut json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["version"], "1");
    let findings = json["findings"].as_array().unwrap();
    let ids: Vec<&str> = findings
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "python.imports.import-subprocess",
            "python.code-injection.eval-exec-compile-non-literal",
            "python.code-injection.eval-used",
            "python.command-injection.subprocess-shell-formatted-command",
            "python.command-injection.subprocess-shell-true",
            "python.sql-injection.sql-string-formatting",
            "python.sql-injection.hardcoded-sql-expression",
            "python.logging.secret-in-log"
        ]
    );
    // Bandit reports B602 on the `shell=True` value; so does tripline.
    assert_eq!(
        findings[4]["start"],
        serde_json::json!({"line": 20, "col": 54})
    );
    assert_eq!(findings[4]["metavars"]["$FUNC"]["text"], "subprocess.run");
    assert_eq!(findings[4]["metadata"]["bandit"], "B602");
    json["tool"]["version"] = "[version]".into();
    insta::assert_snapshot!("example_json", serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn exit_code_0_when_nothing_is_found() {
    let dir = project(&[("rule.yaml", EVAL_RULE), ("src/ok.py", b"print(1)\n")]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "src"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "0 findings in 1 file scanned with 1 rule\n"
    );
}

#[test]
fn exit_code_1_and_interpolated_message_when_something_is_found() {
    let dir = project(&[
        ("rule.yaml", EVAL_RULE),
        ("src/bad.py", b"x = eval(data['q'])\n"),
    ]);
    let output = tripline(dir.path())
        .args(["scan", "--config", "rule.yaml", "--format", "json", "src"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["message"], "eval() of data['q']");
    assert_eq!(finding["path"], "src/bad.py");
    assert_eq!(finding["end"], serde_json::json!({"line": 1, "col": 20}));
    assert_eq!(
        finding["metavars"]["$X"]["start"],
        serde_json::json!({"line": 1, "col": 10})
    );
    assert_eq!(finding["lines"], "x = eval(data['q'])");
}

#[test]
fn exit_code_2_for_a_broken_rule_with_its_place() {
    let broken = b"rules:\n  - id: x\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: eval(1,,)\n";
    let dir = project(&[("rule.yaml", broken), ("a.py", b"eval(1)\n")]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "a.py"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert!(err.contains("invalid pattern"), "{err}");
    assert!(err.contains("rule.yaml:6:21"), "{err}");
    assert!(err.contains("nothing was scanned"), "{err}");
}

#[test]
fn exit_code_2_for_a_bad_argument_or_a_missing_path() {
    let dir = project(&[("rule.yaml", EVAL_RULE)]);
    let output = tripline(dir.path())
        .args(["scan", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "no/such/dir"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot scan no/such/dir"));
    let output = tripline(dir.path())
        .args(["scan", "-c", "missing.yaml", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read rules from missing.yaml"));
}

#[test]
fn broken_and_undecodable_files_are_reported_and_the_scan_goes_on() {
    let dir = project(&[
        ("rule.yaml", EVAL_RULE),
        ("src/broken.py", b"def f(:\n    eval(x)\n"),
        ("src/latin1.py", b"# caf\xe9\neval(y)\n"),
        ("src/binary.py", b"\x00\x01\x02"),
        ("src/good.py", b"eval(z)\n"),
    ]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "--format", "json", "src"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["src/broken.py", "src/good.py"]);
    let errors: Vec<(&str, &str)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap(), e["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [("src/binary.py", "binary"), ("src/latin1.py", "encoding")]
    );
    assert_eq!(json["stats"]["files"], 2);
    assert_eq!(json["stats"]["files_with_syntax_errors"], 1);
    assert_eq!(json["stats"]["files_skipped"], 2);
}

#[test]
fn skipped_files_are_named_on_stderr_in_text_mode() {
    let dir = project(&[("rule.yaml", EVAL_RULE), ("src/latin1.py", b"# caf\xe9\n")]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "src"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("warning: skipped src/latin1.py: not valid UTF-8"));
    assert!(stdout(&output).ends_with("0 findings in 0 files scanned with 1 rule; 1 skipped\n"));
    let quiet = tripline(dir.path())
        .args(["scan", "-q", "-c", "rule.yaml", "src"])
        .output()
        .unwrap();
    assert!(stderr(&quiet).is_empty());
}

#[test]
fn include_and_exclude_select_files() {
    let dir = project(&[
        ("rule.yaml", EVAL_RULE),
        ("app/main.py", b"eval(a)\n"),
        ("tests/test_main.py", b"eval(b)\n"),
    ]);
    let scan = |extra: &[&str]| {
        let output = tripline(dir.path())
            .args(["scan", "-c", "rule.yaml", "--format", "json"])
            .args(extra)
            .arg(".")
            .output()
            .unwrap();
        finding_fields(&output, "path")
    };
    assert_eq!(scan(&[]), ["./app/main.py", "./tests/test_main.py"]);
    assert_eq!(scan(&["--exclude", "tests"]), ["./app/main.py"]);
    assert_eq!(scan(&["--include", "test_*.py"]), ["./tests/test_main.py"]);
}

#[test]
fn rule_paths_limit_where_a_rule_runs() {
    let rule = b"rules:\n  - id: eval-call\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: eval(...)\n    paths:\n      exclude: [tests/]\n";
    let dir = project(&[
        ("rule.yaml", rule),
        ("app/a.py", b"eval(a)\n"),
        ("tests/b.py", b"eval(b)\n"),
    ]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "."])
        .output()
        .unwrap();
    let out = stdout(&output);
    assert!(out.contains("./app/a.py:1:1"), "{out}");
    assert!(!out.contains("tests/b.py"), "{out}");
}

#[test]
fn a_config_directory_loads_every_rule_file_in_it() {
    let dir = project(&[
        ("rules/eval.yaml", EVAL_RULE),
        (
            "rules/nested/exec.yml",
            b"rules:\n  - id: exec-call\n    message: m\n    severity: WARNING\n    languages: [python]\n    pattern: exec(...)\n",
        ),
        ("a.py", b"eval(a)\nexec(b)\n"),
    ]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rules", "a.py"])
        .output()
        .unwrap();
    assert!(stdout(&output)
        .ends_with("2 findings (1 ERROR, 1 WARNING) in 1 file scanned with 2 rules\n"));
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let files: Vec<(String, Vec<u8>)> = (0..40)
        .map(|i| {
            (
                format!("pkg{}/m{i}.py", i % 4),
                format!("x = eval(v{i})\ny = 1\n").into_bytes(),
            )
        })
        .collect();
    let mut entries: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    entries.push(("rule.yaml", EVAL_RULE));
    let dir = project(&entries);
    let run = |jobs: &str| {
        let output = tripline(dir.path())
            .args([
                "scan",
                "-c",
                "rule.yaml",
                "--format",
                "json",
                "-j",
                jobs,
                ".",
            ])
            .output()
            .unwrap();
        output.stdout
    };
    let one = run("1");
    assert_eq!(one, run("4"));
    let json: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(json["stats"]["findings"], 40);
}

#[test]
fn regex_groups_and_fixes_are_interpolated() {
    let rule = br#"rules:
  - id: token-literal
    message: "token $1 is hard-coded as $VALUE"
    severity: WARNING
    languages: [python]
    pattern-regex: (\w+)_token\s*=\s*"(?P<VALUE>\w+)"
  - id: yaml-load
    message: use safe_load
    severity: ERROR
    languages: [python]
    pattern: yaml.load($DATA)
    fix: yaml.safe_load($DATA)
"#;
    let dir = project(&[
        ("rule.yaml", rule),
        ("a.py", b"api_token = \"abc123\"\nyaml.load(stream)\n"),
    ]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "--format", "json", "a.py"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["findings"][0]["message"],
        "token api is hard-coded as abc123"
    );
    assert_eq!(json["findings"][1]["fix"], "yaml.safe_load(stream)");
}

#[test]
fn a_rule_file_named_twice_loads_once() {
    let dir = project(&[("rules/eval.yaml", EVAL_RULE), ("a.py", b"eval(x)\n")]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rules", "-c", "rules/eval.yaml", "a.py"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).ends_with("1 finding (1 ERROR) in 1 file scanned with 1 rule\n"));
}

#[test]
fn long_lines_are_clipped_in_code_frames() {
    let long = format!("x = eval({})\n", "a + ".repeat(500) + "a");
    let dir = project(&[("rule.yaml", EVAL_RULE), ("min.py", long.as_bytes())]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "min.py"])
        .output()
        .unwrap();
    let out = stdout(&output);
    let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest < 420, "a line of {widest} characters:\n{out}");
    let code = out.lines().find(|l| l.starts_with("1 |")).unwrap();
    assert!(code.chars().count() < 170, "{code}");
    assert!(out.contains('…'));
}

const TWO_RULES: &[u8] = br#"rules:
  - id: python.code-injection.eval-call
    message: eval() of $X
    severity: HIGH
    languages: [python]
    metadata:
      bandit: B307
      confidence: HIGH
      cwe: "CWE-95: Eval Injection"
    pattern: eval($X)
  - id: python.flask.exec-call
    message: exec() of $X
    severity: MEDIUM
    languages: [python]
    metadata:
      bandit: [B102]
      cwe: ["CWE-95: Eval Injection"]
    pattern: exec($X)
"#;

#[test]
fn select_and_skip_take_ids_prefixes_globs_and_bandit_ids() {
    let dir = project(&[("rules.yaml", TWO_RULES), ("a.py", b"eval(a)\nexec(b)\n")]);
    let ids = |extra: &[&str]| {
        let output = tripline(dir.path())
            .args(["scan", "-c", "rules.yaml", "--json"])
            .args(extra)
            .arg("a.py")
            .output()
            .unwrap();
        finding_fields(&output, "rule_id")
    };
    assert_eq!(ids(&[]).len(), 2);
    assert_eq!(ids(&["--select", "B102"]), ["python.flask.exec-call"]);
    assert_eq!(
        ids(&["--select", "python.code-injection"]),
        ["python.code-injection.eval-call"]
    );
    assert_eq!(
        ids(&["--select", "python.*.exec-*"]),
        ["python.flask.exec-call"]
    );
    assert_eq!(ids(&["--skip", "B307,python.flask"]), Vec::<String>::new());
    assert_eq!(
        ids(&[
            "--select",
            "python.code-injection.eval-call",
            "--skip",
            "b307"
        ]),
        Vec::<String>::new()
    );
    let typo = tripline(dir.path())
        .args(["scan", "-c", "rules.yaml", "--select", "B999", "a.py"])
        .output()
        .unwrap();
    assert_eq!(typo.status.code(), Some(2));
    assert!(stderr(&typo).contains("--select B999: no rule matches it"));
}

#[test]
fn rules_list_and_show() {
    let dir = project(&[("rules.yaml", TWO_RULES)]);
    let list = tripline(dir.path())
        .args(["rules", "list", "-c", "rules.yaml"])
        .output()
        .unwrap();
    insta::assert_snapshot!("rules_list", stdout(&list));
    let json = tripline(dir.path())
        .args(["rules", "list", "--json", "-c", "rules.yaml"])
        .output()
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(listed[0]["bandit"], serde_json::json!(["B307"]));
    assert_eq!(
        listed[1]["cwe"],
        serde_json::json!(["CWE-95: Eval Injection"])
    );
    let show = tripline(dir.path())
        .args([
            "rules",
            "show",
            "python.flask.exec-call",
            "-c",
            "rules.yaml",
        ])
        .output()
        .unwrap();
    let out = stdout(&show);
    assert!(
        out.starts_with("python.flask.exec-call\n  exec() of $X\n"),
        "{out}"
    );
    assert!(out.contains("bandit:     B102"), "{out}");
    let missing = tripline(dir.path())
        .args(["rules", "show", "nope", "-c", "rules.yaml"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

/// docs/rulesets.md is the catalogue of the shipped rules, generated from
/// their YAML; this fails when a rule changed and the catalogue did not.
#[test]
fn the_ruleset_catalogue_is_up_to_date() {
    let output = tripline(&repo())
        .args(["rules", "list", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let generated = stdout(&output);
    let written = std::fs::read_to_string(repo().join("docs/rulesets.md")).unwrap_or_default();
    assert!(
        generated == written,
        "docs/rulesets.md is stale: run `cargo run -- rules list --format markdown > docs/rulesets.md`"
    );
}

/// The lines `rule` (one rule file) finds in `code`.
fn lines_found(rule: &[u8], code: &[u8]) -> Vec<u64> {
    let dir = project(&[("rule.yaml", rule), ("a.py", code)]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "--json", "a.py"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["start"]["line"].as_u64().unwrap())
        .collect()
}

/// Regression: an aliased import is tested by metavariable-regex as written,
/// as its full name and as the name imported (`six_urlopen` is `urlopen`).
#[test]
fn metavariable_regex_sees_the_imported_name_of_an_alias() {
    let rule = b"rules:\n  - id: urlopen\n    message: m\n    severity: LOW\n    languages: [python]\n    patterns:\n      - pattern: $F(...)\n      - metavariable-regex:\n          metavariable: $F\n          regex: ^(urlopen|urlretrieve)$\n";
    let code = b"from six.moves.urllib.request import urlopen as six_urlopen\nsix_urlopen(url)\nopen(url)\n";
    assert_eq!(lines_found(rule, code), [2]);
}

/// Regression: a module attribute is not its last name (`re.compile` is not
/// the builtin `compile`); only a bare alias is.
#[test]
fn metavariable_regex_does_not_shorten_module_attributes() {
    let rule = b"rules:\n  - id: builtin\n    message: m\n    severity: LOW\n    languages: [python]\n    patterns:\n      - pattern: $F(...)\n      - metavariable-regex:\n          metavariable: $F\n          regex: ^(eval|compile)$\n";
    let code = b"import re\nre.compile(p)\ncompile(src, 'f', 'exec')\n";
    assert_eq!(lines_found(rule, code), [3]);
}
