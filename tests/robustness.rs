//! Hostile and broken input, end to end: each case must give a clear
//! report (or findings), never a panic, a hang or a stack overflow, and the
//! scan must go on with the other files. docs/robustness.md lists them.

use std::path::Path;
use std::time::Duration;

mod common;

use common::{project, repo, stderr, tripline, EVAL_RULE};

/// Long enough for a debug build on a slow machine; a hang fails the test.
const PATIENCE: Duration = Duration::from_secs(120);

/// `tripline scan ARGS --format json -c rule.yaml` in `dir` (where the
/// test wrote `rule.yaml`), with a time limit.
fn scan(dir: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value, String) {
    let output = tripline(dir)
        .args(["scan", "--format", "json", "-c", "rule.yaml"])
        .args(args)
        .timeout(PATIENCE)
        .output()
        .unwrap();
    let err = stderr(&output);
    assert!(
        !err.contains("panicked") && !err.contains("overflow"),
        "{err}"
    );
    let json =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {err}"));
    (output.status.code(), json, err)
}

/// A path as reported, without the `./` of a scan of `.`.
fn shown(path: &serde_json::Value) -> String {
    let path = path.as_str().unwrap();
    path.strip_prefix("./").unwrap_or(path).to_owned()
}

/// `(path, line, column)` of each finding.
fn places(report: &serde_json::Value) -> Vec<(String, u64, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                shown(&f["path"]),
                f["start"]["line"].as_u64().unwrap(),
                f["start"]["col"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `(path, kind)` of each file error.
fn errors(report: &serde_json::Value) -> Vec<(String, String)> {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (shown(&e["path"]), e["kind"].as_str().unwrap().to_owned()))
        .collect()
}

/// Code nested 10,000 deep in every way Python nests expressions, with an
/// `eval` at the bottom that must still be found.
#[test]
fn code_nested_ten_thousand_deep_is_scanned_to_the_bottom() {
    const DEPTH: usize = 10_000;
    let eval = "eval(input())";
    let files = [
        (
            "parens.py",
            format!("x = {}{eval}{}\n", "(".repeat(DEPTH), ")".repeat(DEPTH)),
        ),
        ("binary.py", format!("x = {}{eval}\n", "a + ".repeat(DEPTH))),
        (
            "calls.py",
            format!("x = {}{eval}{}\n", "f(".repeat(DEPTH), ")".repeat(DEPTH)),
        ),
        (
            "lists.py",
            format!("x = {}{eval}{}\n", "[".repeat(DEPTH), "]".repeat(DEPTH)),
        ),
        (
            "ternaries.py",
            format!("x = {}{eval}\n", "a if c else ".repeat(DEPTH)),
        ),
        (
            "attributes.py",
            format!("x = {eval}{}\n", ".b".repeat(DEPTH)),
        ),
        ("ifs.py", {
            // Python itself stops at 100 levels of indentation; 1,000 here.
            let mut code = String::new();
            for level in 0..1_000 {
                code.push_str(&format!("{}if x:\n", " ".repeat(level)));
            }
            code.push_str(&format!("{}{eval}\n", " ".repeat(1_000)));
            code
        }),
    ];
    let mut all: Vec<(&str, Vec<u8>)> = vec![("rule.yaml", EVAL_RULE.as_bytes().to_vec())];
    all.extend(
        files
            .iter()
            .map(|(name, code)| (*name, code.clone().into_bytes())),
    );
    let dir = project(&all);
    let (code, report, err) = scan(dir.path(), &["-j", "2", "."]);
    assert_eq!(code, Some(1), "{err}");
    let mut found: Vec<String> = places(&report).into_iter().map(|(path, ..)| path).collect();
    found.sort();
    let mut expected: Vec<String> = files.iter().map(|(name, _)| name.to_string()).collect();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(report["stats"]["files_skipped"], 0);
}

#[test]
fn large_files_are_skipped_unless_allowed() {
    let line = "x = 1  # ........................................\n";
    let huge = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    let dir = project(&[
        ("rule.yaml", EVAL_RULE.as_bytes()),
        ("huge.py", huge.as_bytes()),
        ("small.py", b"eval(x)\n"),
    ]);
    let (code, report, _) = scan(dir.path(), &["."]);
    assert_eq!(code, Some(1));
    assert_eq!(
        errors(&report),
        [("huge.py".to_owned(), "too-large".to_owned())]
    );
    assert!(report["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("larger than 5 MB (--max-file-size)"));
    assert_eq!(places(&report), [("small.py".to_owned(), 1, 1)]);
    let (_, report, _) = scan(dir.path(), &["--max-file-size", "5KB", "small.py"]);
    assert!(errors(&report).is_empty());
    let (_, report, _) = scan(dir.path(), &["--max-file-size", "4", "small.py"]);
    assert_eq!(
        errors(&report),
        [("small.py".to_owned(), "too-large".to_owned())]
    );
}

#[test]
fn a_file_of_a_hundred_thousand_lines_is_scanned_to_its_end() {
    let code = "x = 1\n".repeat(100_000) + "eval(x)\n";
    let dir = project(&[("rule.yaml", EVAL_RULE), ("long.py", &code)]);
    let (_, report, _) = scan(dir.path(), &["."]);
    assert_eq!(places(&report), [("long.py".to_owned(), 100_001, 1)]);
}

/// Bytes that are not (only) Python text: each file is scanned as Python
/// reads it, or reported and skipped.
#[test]
fn encodings_line_endings_and_binary_content() {
    let dir = project::<&[u8]>(&[
        ("rule.yaml", EVAL_RULE.as_bytes()),
        ("nul.py", b"import os\0\0eval(x)\n"),
        ("binary.py", &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0]),
        (
            "latin1.py",
            b"# -*- coding: latin-1 -*-\ns = 'caf\xe9'; eval(s)\n",
        ),
        ("invalid.py", b"s = '\xff'\neval(s)\n"),
        ("bom.py", b"\xef\xbb\xbfeval(x)\n"),
        ("crlf.py", b"x = 1\r\neval(x)\r\n"),
        ("cr.py", b"x = 1\reval(x)\r"),
        ("tabs.py", b"if x:\n\tif y:\n\t        eval(x)\n"),
        (
            "python2.py",
            b"print \"hi\"\nexec \"code\"\neval(raw_input())\n",
        ),
        ("empty.py", b""),
        ("comment.py", b"# only a comment"),
    ]);
    let (code, report, err) = scan(dir.path(), &["."]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        places(&report),
        [
            ("bom.py".to_owned(), 1, 1),
            ("cr.py".to_owned(), 2, 1),
            ("crlf.py".to_owned(), 2, 1),
            ("latin1.py".to_owned(), 2, 13),
            ("python2.py".to_owned(), 3, 1),
            ("tabs.py".to_owned(), 3, 10),
        ]
    );
    assert_eq!(
        errors(&report),
        [
            ("binary.py".to_owned(), "binary".to_owned()),
            ("invalid.py".to_owned(), "encoding".to_owned()),
            ("nul.py".to_owned(), "binary".to_owned()),
        ]
    );
    assert_eq!(report["stats"]["files"], 8);
}

#[cfg(unix)]
#[test]
fn links_fifos_and_unreadable_files() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let outside = project(&[("secret.py", "eval(x)\n")]);
    let dir = project(&[("rule.yaml", EVAL_RULE), ("pkg/a.py", "eval(x)\n")]);
    let root = dir.path();
    symlink(outside.path(), root.join("pkg/out")).unwrap();
    symlink(root.join("pkg"), root.join("pkg/loop")).unwrap();
    let fifo = root.join("pkg/pipe.py");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let unreadable = root.join("pkg/locked.py");
    std::fs::write(&unreadable, "eval(x)\n").unwrap();
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file: then the locked file is scanned like the others.
    let as_root = std::fs::read(&unreadable).is_ok();

    let (_, report, _) = scan(root, &["pkg"]);
    let mut expected = vec![("pkg/a.py".to_owned(), 1, 1)];
    if as_root {
        expected.push(("pkg/locked.py".to_owned(), 1, 1));
    }
    assert_eq!(places(&report), expected);
    let mut expected_errors = vec![("pkg/pipe.py".to_owned(), "read".to_owned())];
    if !as_root {
        expected_errors.insert(0, ("pkg/locked.py".to_owned(), "read".to_owned()));
    }
    assert_eq!(errors(&report), expected_errors);

    // --follow: the link out of the tree is followed, the loop reported.
    let (_, report, _) = scan(root, &["--follow", "pkg"]);
    let paths: Vec<String> = places(&report).into_iter().map(|(path, ..)| path).collect();
    assert!(paths.contains(&"pkg/out/secret.py".to_owned()), "{paths:?}");
    let messages: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert!(messages.iter().any(|m| m.contains("loop")), "{messages:?}");
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// Rules written to hurt: each is refused with a diagnostic (exit 2) or
/// runs; none crashes the loader.
#[test]
fn hostile_rules_are_refused_with_a_reason_or_run() {
    let rule = |body: &str| {
        format!("rules:\n- id: r\n  message: m\n  severity: ERROR\n  languages: [python]\n{body}")
    };
    let deep_yaml = format!(
        "  patterns: {}[{{pattern: eval($X)}}]{}\n",
        "[{patterns: ".repeat(5_000),
        "}]".repeat(5_000)
    );
    let deep_pattern = format!(
        "  pattern: '{}eval($X){}'\n",
        "(".repeat(20_000),
        ")".repeat(20_000)
    );
    let deep_chain = format!("  pattern: '$X{}'\n", ".b".repeat(20_000));
    let huge_regex = "  patterns:\n  - pattern: eval($X)\n  - metavariable-regex:\n      metavariable: $X\n      regex: '(a{1000}){1000}'\n";
    for (name, body, says) in [
        (
            "deep YAML",
            deep_yaml.as_str(),
            "nests more than 64 levels deep",
        ),
        (
            "deep brackets",
            deep_pattern.as_str(),
            "more than 100 levels deep",
        ),
        ("deep syntax", deep_chain.as_str(), "nests too deeply"),
        ("huge regex", huge_regex, "too large"),
    ] {
        let dir = project(&[("rule.yaml", rule(body)), ("a.py", "eval(x)\n".to_owned())]);
        let output = tripline(dir.path())
            .args(["scan", "-c", "rule.yaml", "a.py"])
            .timeout(PATIENCE)
            .output()
            .unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(err.contains("rule.yaml:"), "{name}: a file:line:col: {err}");
    }

    // A megabyte of pattern, flat: it loads and runs.
    let wide = format!(
        "  pattern: 'f({})'\n",
        (0..150_000)
            .map(|i| format!("$A{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(wide.len() > 1_000_000);
    let dir = project(&[("rule.yaml", rule(&wide)), ("a.py", "f(1, 2)\n".to_owned())]);
    let (code, report, _) = scan(dir.path(), &["a.py"]);
    assert_eq!(
        (code, report["stats"]["findings"].as_u64()),
        (Some(0), Some(0))
    );

    // Dividing by zero in a comparison is false, not a crash.
    let division = "  patterns:\n  - pattern: f($X)\n  - metavariable-comparison:\n      metavariable: $X\n      comparison: 10 / $X > 1 or 10 % $X > 1\n";
    let dir = project(&[
        ("rule.yaml", rule(division)),
        ("a.py", "f(0)\nf(5)\n".to_owned()),
    ]);
    let (_, report, _) = scan(dir.path(), &["a.py"]);
    assert_eq!(places(&report), [("a.py".to_owned(), 2, 1)]);
}

#[test]
fn ten_thousand_rules_load_and_run() {
    let mut rules = String::from("rules:\n");
    for i in 0..10_000 {
        rules.push_str(&format!(
            "- id: rule-{i}\n  message: m\n  severity: ERROR\n  languages: [python]\n  pattern: f{i}($X)\n"
        ));
    }
    let dir = project(&[
        ("rule.yaml", rules),
        ("a.py", "f0(1)\nf9999(2)\ng(3)\n".to_owned()),
    ]);
    let (_, report, _) = scan(dir.path(), &["a.py"]);
    assert_eq!(report["stats"]["rules"], 10_000);
    assert_eq!(
        places(&report),
        [("a.py".to_owned(), 1, 1), ("a.py".to_owned(), 2, 1)]
    );
}

/// A rule whose matching explodes is stopped at the --timeout, reported
/// with its file; the rule that ran before it keeps its findings.
#[test]
fn a_rule_that_runs_too_long_is_stopped_and_reported() {
    let rules = r#"rules:
- id: quick
  message: m
  severity: ERROR
  languages: [python]
  pattern: g($X)
- id: explosive
  message: m
  severity: ERROR
  languages: [python]
  pattern: f(..., $A, ..., $B, ..., $C, ..., 7, ...)
"#;
    let call = format!(
        "f({})\n",
        (0..400)
            .map(|i| format!("x{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let dir = project(&[
        ("rule.yaml", rules.to_owned()),
        ("a.py", format!("g(1)\n{call}")),
    ]);
    let started = std::time::Instant::now();
    let (code, report, _) = scan(dir.path(), &["--timeout", "1", "a.py"]);
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(code, Some(1));
    assert_eq!(places(&report), [("a.py".to_owned(), 1, 1)]);
    let error = &report["errors"][0];
    assert_eq!(error["kind"], "timeout");
    assert_eq!(error["rules"], serde_json::json!(["explosive"]));
    assert_eq!(report["stats"]["files_timed_out"], 1);
    assert_eq!(report["stats"]["files"], 1);
}

/// The report does not depend on how many threads scanned.
#[test]
fn output_is_identical_whatever_the_number_of_threads() {
    let repo = repo();
    let run = |jobs: &str| {
        let output = tripline(&repo)
            .args([
                "scan",
                "--format",
                "json",
                "-j",
                jobs,
                "rulesets/python",
                "tests/rules",
                "examples",
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        output.stdout
    };
    let one = run("1");
    assert!(one.len() > 100_000, "a corpus with many findings");
    assert!(one == run("8"), "-j 1 and -j 8 differ");
}
