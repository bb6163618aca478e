//! End-to-end tests of `tripline scan`: output formats, exit codes, and
//! files that cannot be scanned. Rendered output is pinned with insta
//! snapshots (tests/snapshots/), so a change a user would see shows up in review.

use std::path::Path;

use assert_cmd::Command;

mod common;

use common::{project, repo, stderr, stdout, tripline};

const EVAL_RULE: &[u8] = common::EVAL_RULE.as_bytes();

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
            "python.logging.secret-in-log",
            "python.sql-injection.hardcoded-sql-expression",
            "python.taint.sql-injection"
        ]
    );
    // Bandit reports B602 on the `shell=True` value; so does tripline.
    assert_eq!(
        findings[4]["start"],
        serde_json::json!({"line": 23, "col": 54})
    );
    // The request value reaches the query through a helper: the trace
    // goes from `request.args` to the query at the sink.
    let trace = &findings[9]["dataflow_trace"];
    assert_eq!(trace["source"]["content"], "request.args");
    assert_eq!(
        trace["sink"]["start"],
        serde_json::json!({"line": 60, "col": 47})
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
    let broken: &[u8] = b"rules:\n  - id: x\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: eval(1,,)\n";
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
    let rule: &[u8] = b"rules:\n  - id: eval-call\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: eval(...)\n    paths:\n      exclude: [tests/]\n";
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
    let rule: &[u8] = br#"rules:
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

// The result cache.

/// `tripline` run in `dir` with the cache on (in `cache`, or the default
/// `.tripline_cache` in `dir`).
fn tripline_cached(dir: &Path, cache: Option<&Path>) -> Command {
    let mut command = tripline(dir);
    command.env_remove("TRIPLINE_NO_CACHE");
    match cache {
        Some(cache) => command.env("TRIPLINE_CACHE_DIR", cache),
        None => command.env_remove("TRIPLINE_CACHE_DIR"),
    };
    command
}

/// `scan` of [`cache_project`] with its rule and the cache in `cache`,
/// in JSON, telling what the cache did.
fn cached_scan(dir: &Path, cache: &Path) -> std::process::Output {
    tripline_cached(dir, Some(cache))
        .args(["scan", "-c", "rule.yaml", "--json", "-v", "src"])
        .output()
        .unwrap()
}

/// The `--verbose` line about the cache (after the one naming the
/// configuration file).
fn cache_line(output: &std::process::Output) -> String {
    stderr(output)
        .lines()
        .find(|l| l.starts_with("tripline: ") && l.contains(" files in "))
        .unwrap_or_default()
        .to_owned()
}

/// A project with findings, a syntax error and files that cannot be scanned.
fn cache_project() -> tempfile::TempDir {
    project(&[
        ("rule.yaml", EVAL_RULE),
        ("src/a.py", b"x = eval(user)\n"),
        ("src/pkg/b.py", b"def f(:\n    eval(y)\n"),
        ("src/c.py", b"print('fine')\n"),
        ("src/binary.py", b"x\0y\n"),
        ("src/latin1.py", b"s = '\xe9'\n"),
    ])
}

#[test]
fn the_cache_changes_nothing_in_the_output() {
    let dir = cache_project();
    let cache = dir.path().join("cache");
    for format in ["text", "json"] {
        let args = ["scan", "-c", "rule.yaml", "--format", format, "src"];
        let uncached = tripline(dir.path()).args(args).output().unwrap();
        assert_eq!(uncached.status.code(), Some(1));
        for run in ["cold", "warm"] {
            let output = tripline_cached(dir.path(), Some(&cache))
                .args(args)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(1), "{format} {run}");
            assert_eq!(stdout(&output), stdout(&uncached), "{format} {run}");
            assert_eq!(stderr(&output), stderr(&uncached), "{format} {run}");
        }
    }
    let output = tripline_cached(dir.path(), Some(&cache))
        .args(["scan", "-c", "rule.yaml", "-v", "src"])
        .output()
        .unwrap();
    assert!(
        cache_line(&output).contains(": 5 reused"),
        "{}",
        cache_line(&output)
    );
}

#[test]
fn an_unchanged_file_is_not_even_read_again() {
    let dir = cache_project();
    let cache = dir.path().join("cache");
    let run = || {
        let output = tripline_cached(dir.path(), Some(&cache))
            .args(["scan", "-c", "rule.yaml", "-v", "src"])
            .output()
            .unwrap();
        cache_line(&output)
    };
    assert!(run().contains("0 reused (0 after a content check), 5 scanned and stored"));
    // Files changed within a moment of a run are checked by content, until
    // a run sees that they have settled; from then on their stamp suffices.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert!(run().contains("5 reused (5 after a content check)"));
    let settled = run();
    assert!(
        settled.contains("5 reused (0 after a content check), 0 scanned and stored, not rewritten"),
        "{settled}"
    );
}

#[test]
fn a_changed_file_or_rule_is_scanned_again() {
    let dir = cache_project();
    let cache = dir.path().join("cache");
    let run = || cached_scan(dir.path(), &cache);
    run();
    std::fs::write(dir.path().join("src/c.py"), "eval(now)\n").unwrap();
    let output = run();
    let line = cache_line(&output);
    assert!(
        line.contains(": 4 reused") && line.contains(", 1 scanned"),
        "{line}"
    );
    assert_eq!(
        finding_fields(&output, "message"),
        ["eval() of user", "eval() of now", "eval() of y"]
    );

    let rule = String::from_utf8(EVAL_RULE.to_vec()).unwrap();
    let changed = rule.replace("eval() of", "eval() again on");
    std::fs::write(dir.path().join("rule.yaml"), changed).unwrap();
    let output = run();
    let line = cache_line(&output);
    assert!(
        line.contains(": 0 reused") && line.contains(", 5 scanned"),
        "{line}"
    );
    assert_eq!(
        finding_fields(&output, "message")[0],
        "eval() again on user"
    );
}

#[test]
fn without_the_cache_nothing_is_written() {
    let dir = cache_project();
    let scans: [&[&str]; 3] = [
        &["scan", "-c", "rule.yaml", "--no-cache", "src"],
        &["scan", "-e", "eval($X)", "src"],
        &["scan", "-c", "rule.yaml", "src"],
    ];
    for (i, args) in scans.iter().enumerate() {
        let mut command = tripline_cached(dir.path(), None);
        if i == 2 {
            command.env("TRIPLINE_NO_CACHE", "1");
        }
        let output = command.args(*args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let entries: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(entries.len(), 2, "{args:?} wrote something: {entries:?}");
    }
}

#[test]
fn the_default_cache_is_in_the_current_directory_and_never_scanned() {
    let dir = cache_project();
    let run = || {
        tripline_cached(dir.path(), None)
            .args(["scan", "-c", "rule.yaml", "--json", "."])
            .output()
            .unwrap()
    };
    let first = run();
    let cache = dir.path().join(".tripline_cache");
    assert!(cache.join("CACHEDIR.TAG").is_file());
    assert_eq!(
        std::fs::read_to_string(cache.join(".gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("*")
    );
    assert_eq!(stdout(&run()), stdout(&first));
    // --cache-dir wins over TRIPLINE_CACHE_DIR.
    let output = tripline_cached(dir.path(), Some(&dir.path().join("from-env")))
        .args(["scan", "-c", "rule.yaml", "--cache-dir", "from-flag", "src"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(dir.path().join("from-flag/CACHEDIR.TAG").exists());
    assert!(!dir.path().join("from-env").exists());
}

#[test]
fn a_corrupt_cache_is_ignored_and_rebuilt() {
    let dir = cache_project();
    let cache = dir.path().join("cache");
    let run = || cached_scan(dir.path(), &cache);
    let first = run();
    let version_dir = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .unwrap();
    let file = std::fs::read_dir(&version_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(&file, b"tripline-cache 1 0000\n{\"files\": garbage").unwrap();
    let rebuilt = run();
    assert_eq!(stdout(&rebuilt), stdout(&first));
    assert!(cache_line(&rebuilt).contains("5 scanned and stored"));
    // Rewritten whole: a header of the current format, then valid JSON.
    let rewritten = std::fs::read_to_string(&file).unwrap();
    let (header, body) = rewritten.split_once('\n').unwrap();
    assert!(header.starts_with("tripline-cache ") && !header.starts_with("tripline-cache 1 "));
    assert!(serde_json::from_str::<serde_json::Value>(body).is_ok());
    assert!(cache_line(&run()).contains("5 reused"));
}

#[test]
fn concurrent_runs_share_a_cache_safely() {
    let dir = cache_project();
    let cache = dir.path().join("cache");
    let expected = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "--json", "src"])
        .output()
        .unwrap();
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("tripline"))
                .current_dir(dir.path())
                .env_remove("TRIPLINE_NO_CACHE")
                .args(["scan", "-c", "rule.yaml", "--json", "--cache-dir"])
                .arg(&cache)
                .arg("src")
                .output()
                .unwrap()
        })
        .collect();
    for child in children {
        assert_eq!(child.stdout, expected.stdout);
    }
    let output = cached_scan(dir.path(), &cache);
    assert_eq!(output.stdout, expected.stdout);
    assert!(cache_line(&output).contains("5 reused"));
}

#[test]
fn a_cache_that_cannot_be_written_is_a_warning_only() {
    let dir = cache_project();
    // A cache directory under a regular file cannot be created, even by root.
    let blocked = dir.path().join("rule.yaml").join("cache");
    let output = tripline_cached(dir.path(), Some(&blocked))
        .args(["scan", "-c", "rule.yaml", "--json", "src"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(finding_fields(&output, "rule_id").len(), 2);
    assert!(stderr(&output).contains("warning: cannot write the result cache"));
    let quiet = tripline_cached(dir.path(), Some(&blocked))
        .args(["scan", "-c", "rule.yaml", "-q", "src"])
        .output()
        .unwrap();
    assert_eq!(stderr(&quiet), "");
}

#[test]
fn time_lists_the_slowest_rules_and_files() {
    let dir = project(&[
        ("rule.yaml", EVAL_RULE),
        ("src/a.py", b"x = eval(user)\n"),
        ("src/b.py", b"print('fine')\n"),
    ]);
    let output = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "--time", "src"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let tables = stderr(&output);
    assert!(tables.contains("(1 rules, 2 files)"), "{tables}");
    let rule_row = tables
        .lines()
        .skip_while(|l| !l.starts_with("RULE"))
        .nth(1)
        .unwrap_or_default();
    assert!(rule_row.starts_with("eval-call "), "{tables}");
    // The rule ran on a.py only: b.py lacks its required word.
    assert!(rule_row.trim_end().ends_with(" 1"), "{tables}");
    assert!(tables.contains("src/a.py"), "{tables}");

    let json = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "--time", "--json", "src"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["time"]["rules"][0]["rule_id"], "eval-call");
    assert_eq!(report["time"]["rules"][0]["files"], 1);
    assert_eq!(report["time"]["files"].as_array().unwrap().len(), 2);
    let plain = tripline(dir.path())
        .args(["scan", "-c", "rule.yaml", "--json", "src"])
        .output()
        .unwrap();
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(plain.get("time").is_none());
    assert_eq!(plain["findings"], report["findings"]);
}
