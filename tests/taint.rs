//! Taint mode end to end: the rules and fixtures in tests/taint-rules pass
//! `tripline test`, and a finding's trace is shown in JSON
//! (`dataflow_trace`) and SARIF (`codeFlows`).

mod common;

use common::{repo, scan_json, stdout, tripline};

const APP: &str = r#"from flask import request


def search(cursor):
    term = request.args.get("q")
    query = "SELECT * FROM t WHERE name = '%s'" % term
    cursor.execute(query)
"#;

fn project() -> tempfile::TempDir {
    let rule =
        std::fs::read_to_string(repo().join("tests/taint-rules/sql-injection.yaml")).unwrap();
    common::project(&[("rule.yaml", rule.as_str()), ("app.py", APP)])
}

#[test]
fn the_taint_fixtures_pass() {
    let output = tripline(&repo())
        .args(["test", "tests/taint-rules"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("3 passed, 0 failed"));
}

#[test]
fn a_taint_finding_is_at_the_sink_with_its_trace_in_json() {
    let dir = project();
    let (code, report) = scan_json(dir.path(), &["--config", "rule.yaml", "app.py"]);
    assert_eq!(code, Some(1));
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["start"]["line"], 7);
    assert_eq!(
        findings[0]["message"],
        "Request data reaches the SQL query query"
    );
    insta::assert_json_snapshot!("dataflow_trace", findings[0]["dataflow_trace"]);
}

#[test]
fn a_taint_finding_has_a_code_flow_in_sarif() {
    let dir = project();
    let output = tripline(dir.path())
        .args([
            "scan",
            "--config",
            "rule.yaml",
            "app.py",
            "--format",
            "sarif",
        ])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    insta::assert_json_snapshot!("code_flows", result["codeFlows"]);
}

#[test]
fn a_file_without_a_sink_is_not_analysed_and_has_no_finding() {
    let dir = common::project(&[
        (
            "rule.yaml",
            std::fs::read_to_string(repo().join("tests/taint-rules/sql-injection.yaml"))
                .unwrap()
                .as_str(),
        ),
        (
            "app.py",
            "from flask import request\nterm = request.args.get('q')\nprint(term)\n",
        ),
    ]);
    let (code, report) = scan_json(dir.path(), &["--config", "rule.yaml", "app.py"]);
    assert_eq!(code, Some(0));
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
}
