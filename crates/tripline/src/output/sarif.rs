//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it
//! (`github/codeql-action/upload-sarif`), built with the typed `serde-sarif`
//! model so the output has the schema's shape by construction (a test also
//! validates it against the official schema).
//!
//! One run, whose `tool.driver.rules` lists every rule that ran, findings
//! or not, sorted by id; each finding is a result pointing at its rule by
//! `ruleId` and `ruleIndex`. The field mapping is documented in
//! docs/output.md ("SARIF").
//!
//! Columns: the SARIF spec leaves the unit to `run.columnKind`, and
//! consumers disagree about its default, so it is set explicitly to
//! `utf16CodeUnits`, the unit of GitHub's (JavaScript) viewers and of the
//! SARIF SDK's default, and columns are converted to it (tripline's own
//! count characters).
//!
//! Suppressions: a suppressed finding stays in `results` with
//! `suppressions` set (see [`result`]), so GitHub shows it as dismissed
//! rather than losing it.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};
use serde_sarif::sarif;
use tripline_engine::{DataflowTrace, FileError, Finding, TraceLocation};
use tripline_rule::Rule;

use super::fingerprint;
use super::levels::{levels, Level};
use super::location::{artifact_uri, utf16_col};
use super::Scan;
use crate::metadata::{first_sentence, one_line, RuleFacts};

/// Where the schema lives; GitHub and editors read `$schema` to recognise the file.
const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// What relative artifact URIs are relative to: the directory tripline ran
/// in (paths in findings are as reached from there). GitHub resolves it to
/// the repository checkout.
const SRCROOT: &str = "%SRCROOT%";

pub fn render(scan: &Scan<'_>) -> String {
    let index: HashMap<&str, usize> = scan
        .rules
        .iter()
        .enumerate()
        .map(|(i, rule)| (rule.id.as_str(), i))
        .collect();
    let results: Vec<sarif::Result> = scan
        .report
        .findings
        .iter()
        .zip(&scan.fingerprints)
        .map(|(finding, print)| result(finding, index.get(finding.rule_id.as_str()), print))
        .collect();
    let driver = sarif::ToolComponent::builder()
        .name("tripline")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(scan.rules.iter().map(|r| descriptor(r)).collect::<Vec<_>>())
        .build();
    let run = sarif::Run::builder()
        .tool(driver)
        .column_kind(json!("utf16CodeUnits"))
        .results(results)
        .invocations(vec![invocation(&scan.report.errors)])
        .build();
    let log = sarif::Sarif::builder()
        .schema(SCHEMA_URI)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut text = serde_json::to_string_pretty(&log).expect("the SARIF log serializes");
    text.push('\n');
    text
}

/// A rule as `tool.driver.rules[]` describes it.
fn descriptor(rule: &Rule) -> sarif::ReportingDescriptor {
    let facts = RuleFacts::of(rule);
    let levels = levels(rule.severity);
    let message = one_line(&rule.message);
    let mut tags = vec!["security".to_owned()];
    for cwe in facts.cwe_ids() {
        // GitHub links `external/cwe/cwe-78` to the CWE entry.
        if let Some(number) = cwe.strip_prefix("CWE-") {
            tags.push(format!("external/cwe/cwe-{number}"));
        }
    }
    tags.extend(facts.cwe.iter().cloned());
    tags.extend(facts.owasp.iter().map(|o| format!("OWASP {o}")));
    let mut properties = BTreeMap::from([(
        "security-severity".to_owned(),
        Value::from(levels.security_severity),
    )]);
    if let Some(precision) = facts.confidence.and_then(precision) {
        properties.insert("precision".to_owned(), Value::from(precision));
    }
    let help = match facts.description {
        Some(description) => sarif::MultiformatMessageString::builder()
            .text(description)
            .markdown(with_references(description, &facts.references))
            .build(),
        None => sarif::MultiformatMessageString::builder()
            .text(message.clone())
            .build(),
    };
    let mut descriptor = sarif::ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(rule.id.clone())
        .short_description(text(first_sentence(&rule.message)))
        .full_description(text(message))
        .help(help)
        .default_configuration(
            sarif::ReportingConfiguration::builder()
                .level(json!(level_name(levels.level)))
                .build(),
        )
        .properties(
            sarif::PropertyBag::builder()
                .tags(tags)
                .additional_properties(properties)
                .build(),
        )
        .build();
    descriptor.help_uri = facts.references.first().map(|uri| (*uri).to_owned());
    descriptor
}

/// The rule's description in Markdown, with its references as a list.
fn with_references(description: &str, references: &[&str]) -> String {
    let mut markdown = description.to_owned();
    if !references.is_empty() {
        markdown.push_str("\n\n#### References\n");
        for reference in references {
            markdown.push_str(&format!("- <{reference}>\n"));
        }
    }
    markdown
}

/// GitHub's `precision` property from the rule's `confidence`.
fn precision(confidence: &str) -> Option<&'static str> {
    match confidence.to_ascii_uppercase().as_str() {
        "HIGH" => Some("high"),
        "MEDIUM" => Some("medium"),
        "LOW" => Some("low"),
        _ => None,
    }
}

fn text(text: impl Into<String>) -> sarif::MultiformatMessageString {
    sarif::MultiformatMessageString::builder()
        .text(text.into())
        .build()
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
    }
}

fn result(finding: &Finding, rule_index: Option<&usize>, print: &str) -> sarif::Result {
    let level = match levels(finding.severity).level {
        Level::Error => sarif::ResultLevel::Error,
        Level::Warning => sarif::ResultLevel::Warning,
        Level::Note => sarif::ResultLevel::Note,
    };
    let region = sarif::Region::builder()
        .start_line(number(finding.start.line))
        .start_column(number(utf16_col(finding, finding.start)))
        .end_line(number(finding.end.line))
        .end_column(number(utf16_col(finding, finding.end)))
        .build();
    let mut result = sarif::Result::builder()
        .rule_id(finding.rule_id.clone())
        .level(level)
        .message(
            sarif::Message::builder()
                .text(finding.message.trim_end())
                .build(),
        )
        .locations(vec![sarif::Location::builder()
            .physical_location(
                sarif::PhysicalLocation::builder()
                    .artifact_location(artifact(&finding.path))
                    .region(region.clone())
                    .build(),
            )
            .build()])
        .partial_fingerprints(BTreeMap::from([(
            fingerprint::KEY.to_owned(),
            print.to_owned(),
        )]))
        .build();
    result.rule_index = rule_index.map(|&index| number(index));
    result.fixes = finding
        .fix
        .as_ref()
        .map(|fix| vec![fix_of(finding, region, fix)]);
    result.code_flows = finding
        .dataflow_trace
        .as_ref()
        .map(|trace| vec![code_flow(finding, trace)]);
    result.suppressions = finding.suppressed.as_ref().map(|suppressed| {
        let mut suppression = sarif::Suppression::builder()
            .kind(json!("inSource"))
            .build();
        suppression.justification = suppressed.reason.clone();
        vec![suppression]
    });
    result
}

/// A taint finding's trace as a SARIF code flow: one thread flow from the
/// source through each step to the sink. Columns of the source and steps
/// are tripline's (characters): the finding carries only the sink's lines,
/// so they are not converted to UTF-16 (they differ only after a character
/// outside the Basic Multilingual Plane).
fn code_flow(finding: &Finding, trace: &DataflowTrace) -> sarif::CodeFlow {
    let place = |location: &TraceLocation, what: &str| {
        let region = sarif::Region::builder()
            .start_line(number(location.start.line))
            .start_column(number(location.start.col))
            .end_line(number(location.end.line))
            .end_column(number(location.end.col))
            .build();
        let location = sarif::Location::builder()
            .physical_location(
                sarif::PhysicalLocation::builder()
                    .artifact_location(artifact(&finding.path))
                    .region(region)
                    .build(),
            )
            .message(
                sarif::Message::builder()
                    .text(format!("{what}: {}", location.content))
                    .build(),
            )
            .build();
        sarif::ThreadFlowLocation::builder()
            .location(location)
            .build()
    };
    let mut locations = vec![place(&trace.source, "source")];
    locations.extend(trace.steps.iter().map(|step| place(step, "step")));
    locations.push(place(&trace.sink, "sink"));
    sarif::CodeFlow::builder()
        .thread_flows(vec![sarif::ThreadFlow::builder()
            .locations(locations)
            .build()])
        .build()
}

/// The rule's fix as a SARIF fix: the matched region replaced by the fix text.
fn fix_of(finding: &Finding, region: sarif::Region, fix: &str) -> sarif::Fix {
    sarif::Fix::builder()
        .description(
            sarif::Message::builder()
                .text(format!("Replace with: {fix}"))
                .build(),
        )
        .artifact_changes(vec![sarif::ArtifactChange::builder()
            .artifact_location(artifact(&finding.path))
            .replacements(vec![sarif::Replacement::builder()
                .deleted_region(region)
                .inserted_content(sarif::ArtifactContent::builder().text(fix).build())
                .build()])
            .build()])
        .build()
}

fn artifact(path: &str) -> sarif::ArtifactLocation {
    let (uri, relative) = artifact_uri(path);
    let location = sarif::ArtifactLocation::builder().uri(uri);
    if relative {
        location.uri_base_id(SRCROOT).build()
    } else {
        location.build()
    }
}

/// Lines, columns and indexes as SARIF's integers (there are far fewer than 2^63).
fn number(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The scan itself: it ran (files that could not be scanned do not make it
/// fail), and each such file is a warning notification.
fn invocation(errors: &[FileError]) -> sarif::Invocation {
    let notifications: Vec<sarif::Notification> = errors
        .iter()
        .map(|error| {
            sarif::Notification::builder()
                .level(json!("warning"))
                .message(sarif::Message::builder().text(error.describe()).build())
                .descriptor(
                    sarif::ReportingDescriptorReference::builder()
                        .id(format!("file-{}", error.kind))
                        .build(),
                )
                .locations(vec![sarif::Location::builder()
                    .physical_location(
                        sarif::PhysicalLocation::builder()
                            .artifact_location(artifact(&error.path))
                            .build(),
                    )
                    .build()])
                .build()
        })
        .collect();
    let mut invocation = sarif::Invocation::builder()
        .execution_successful(true)
        .build();
    invocation.tool_execution_notifications = (!notifications.is_empty()).then_some(notifications);
    invocation
}
