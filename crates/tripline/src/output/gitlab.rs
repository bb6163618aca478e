//! `--format gitlab`: a GitLab SAST report (security report schema 15.x),
//! which a GitLab CI job publishes as `artifacts:reports:sast` so findings
//! show in merge requests and the vulnerability report.
//!
//! Each finding is a vulnerability whose `identifiers` are the rule id
//! (`tripline_rule_id`), and the CWE, OWASP category and Bandit test id when
//! the rule's metadata names them: GitLab groups and deduplicates
//! vulnerabilities by identifier, and the `bandit_test_id` ones match
//! those of GitLab's own Bandit analyzer.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use tripline_rule::Rule;

use super::levels::levels;
use super::location::portable_path;
use super::text::clip;
use super::Scan;
use crate::metadata::{first_sentence, RuleFacts};
use tripline_rule::bandit_ids;

/// The version of GitLab's security report schema this report follows.
pub const SCHEMA_VERSION: &str = "15.2.1";

/// A vulnerability's `name` is cut here: the schema allows 255 characters,
/// and a cut name ends with `…`.
const MAX_NAME: usize = 254;

#[derive(Serialize)]
struct Report<'a> {
    version: &'static str,
    scan: ScanInfo,
    vulnerabilities: Vec<Vulnerability<'a>>,
}

#[derive(Serialize)]
struct ScanInfo {
    analyzer: Tool,
    scanner: Tool,
    #[serde(rename = "type")]
    kind: &'static str,
    start_time: String,
    end_time: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    messages: Vec<Message>,
}

#[derive(Serialize)]
struct Tool {
    id: &'static str,
    name: &'static str,
    version: &'static str,
    vendor: Vendor,
}

#[derive(Serialize)]
struct Vendor {
    name: &'static str,
}

#[derive(Serialize)]
struct Message {
    level: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Vulnerability<'a> {
    id: String,
    name: String,
    description: &'a str,
    severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    solution: Option<String>,
    location: Location,
    identifiers: Vec<Identifier>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Location {
    file: String,
    start_line: usize,
    end_line: usize,
}

#[derive(Serialize)]
struct Identifier {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Link<'a> {
    url: &'a str,
}

pub fn render(scan: &Scan<'_>) -> String {
    let rules: HashMap<&str, &Rule> = scan.rules.iter().map(|r| (r.id.as_str(), *r)).collect();
    let tool = || Tool {
        id: "tripline",
        name: "tripline",
        version: env!("CARGO_PKG_VERSION"),
        vendor: Vendor { name: "tripline" },
    };
    let vulnerabilities = scan
        .report
        .findings
        .iter()
        .zip(&scan.fingerprints)
        // A suppressed finding is no vulnerability to triage.
        .filter(|(finding, _)| !finding.is_suppressed())
        .map(|(finding, fingerprint)| {
            let rule = rules.get(finding.rule_id.as_str()).copied();
            let facts = rule.map(RuleFacts::of);
            Vulnerability {
                id: uuid_form(fingerprint),
                name: clip(&first_sentence(&finding.message), MAX_NAME).into_owned(),
                description: finding.message.trim(),
                severity: levels(finding.severity).gitlab,
                solution: finding
                    .fix
                    .as_ref()
                    .map(|fix| format!("Replace with: {fix}")),
                location: Location {
                    file: portable_path(&finding.path),
                    start_line: finding.start.line,
                    end_line: finding.end.line,
                },
                identifiers: identifiers(&finding.rule_id, rule, facts.as_ref()),
                links: facts
                    .map(|f| f.references.into_iter().map(|url| Link { url }).collect())
                    .unwrap_or_default(),
            }
        })
        .collect();
    let report = Report {
        version: SCHEMA_VERSION,
        scan: ScanInfo {
            analyzer: tool(),
            scanner: tool(),
            kind: "sast",
            start_time: timestamp(scan.started),
            end_time: timestamp(scan.finished),
            status: "success",
            messages: scan
                .report
                .errors
                .iter()
                .map(|e| Message {
                    level: "warn",
                    value: e.describe(),
                })
                .collect(),
        },
        vulnerabilities,
    };
    let mut text = serde_json::to_string_pretty(&report).expect("the report serializes");
    text.push('\n');
    text
}

/// The rule id first (GitLab's primary identifier), then what the metadata knows.
fn identifiers(
    rule_id: &str,
    rule: Option<&Rule>,
    facts: Option<&RuleFacts<'_>>,
) -> Vec<Identifier> {
    let mut identifiers = vec![Identifier {
        kind: "tripline_rule_id",
        name: rule_id.to_owned(),
        value: rule_id.to_owned(),
        url: None,
    }];
    if let Some(facts) = facts {
        for cwe in facts.cwe_ids() {
            let number = cwe.trim_start_matches("CWE-");
            identifiers.push(Identifier {
                kind: "cwe",
                name: cwe.to_owned(),
                value: number.to_owned(),
                url: number
                    .parse::<u32>()
                    .ok()
                    .map(|n| format!("https://cwe.mitre.org/data/definitions/{n}.html")),
            });
        }
        for owasp in &facts.owasp {
            identifiers.push(Identifier {
                kind: "owasp",
                name: owasp.clone(),
                value: owasp.split(" - ").next().unwrap_or(owasp).trim().to_owned(),
                url: None,
            });
        }
    }
    for bandit in rule.into_iter().flat_map(|r| bandit_ids(&r.metadata)) {
        identifiers.push(Identifier {
            kind: "bandit_test_id",
            name: format!("Bandit Test ID {bandit}"),
            value: bandit.to_owned(),
            url: None,
        });
    }
    identifiers
}

/// A 128-bit fingerprint written as a UUID (8-4-4-4-12 hex digits), the
/// form GitLab recommends for a vulnerability `id`; it is stable from run
/// to run, as the fingerprint is.
fn uuid_form(fingerprint: &str) -> String {
    let parts = [0..8, 8..12, 12..16, 16..20, 20..32].map(|r| fingerprint.get(r).unwrap_or(""));
    parts.join("-")
}

/// `2024-05-01T12:34:56` in UTC: GitLab's schema wants exactly this form,
/// without a time zone.
fn timestamp(time: SystemTime) -> String {
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Year, month and day of a count of days since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`, for dates from 1970 on).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn timestamps_are_utc_without_a_zone() {
        let at = |s| timestamp(UNIX_EPOCH + Duration::from_secs(s));
        assert_eq!(at(0), "1970-01-01T00:00:00");
        // 2024-02-29 (a leap day) 23:59:59
        assert_eq!(at(1_709_251_199), "2024-02-29T23:59:59");
        assert_eq!(at(1_735_689_600), "2025-01-01T00:00:00");
    }

    #[test]
    fn ids_take_the_uuid_form() {
        assert_eq!(
            uuid_form("0123456789abcdef0123456789abcdef"),
            "01234567-89ab-cdef-0123-456789abcdef"
        );
    }
}
