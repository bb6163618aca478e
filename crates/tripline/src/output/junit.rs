//! `--format junit`: JUnit XML for CI test dashboards (GitLab's test
//! report, Jenkins' JUnit plugin, Azure Pipelines...).
//!
//! One `<testsuite>` per rule that ran, named by the rule id; each finding
//! is a failing `<testcase>` (`classname` the rule id, `name`
//! `PATH:LINE:COL`, `file` the path), and a rule without findings is one
//! passing testcase, `no findings`. Why per rule: the dashboards group by
//! suite and class, and "which check failed, where" is the question a
//! reader asks; Jenkins also splits `classname` at its last dot into
//! package and class, so `python.flask.debug-enabled` lands under package
//! `python.flask`, one package per rule category (a path as class name would
//! be split at `.py` instead). Files that could not be scanned are skipped
//! testcases in a last suite, `tripline.files-not-scanned`.
//!
//! The XML is written by hand: three element kinds and one escaping
//! function do not call for an XML library.

use std::collections::HashMap;
use std::fmt::Write;

use tripline_engine::Finding;

use super::Scan;

/// The suite that lists the files that could not be scanned.
const SKIPPED_SUITE: &str = "tripline.files-not-scanned";

pub fn render(scan: &Scan<'_>) -> String {
    let report = scan.report;
    let mut by_rule: HashMap<&str, Vec<&Finding>> = HashMap::new();
    // A suppressed finding is neither a failure nor a pass: left out.
    for finding in report.active() {
        by_rule.entry(&finding.rule_id).or_default().push(finding);
    }
    let passing = scan
        .rules
        .iter()
        .filter(|r| !by_rule.contains_key(r.id.as_str()))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"tripline\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
        report.stats.findings + passing + report.errors.len(),
        report.stats.findings,
        report.errors.len()
    );
    for rule in &scan.rules {
        let id = escape(&rule.id);
        match by_rule.get(rule.id.as_str()) {
            None => {
                let _ = writeln!(
                    out,
                    "  <testsuite name=\"{id}\" tests=\"1\" failures=\"0\">\n    \
                     <testcase name=\"no findings\" classname=\"{id}\"/>\n  </testsuite>"
                );
            }
            Some(findings) => {
                let _ = writeln!(
                    out,
                    "  <testsuite name=\"{id}\" tests=\"{n}\" failures=\"{n}\">",
                    n = findings.len()
                );
                for finding in findings {
                    failure(&mut out, finding);
                }
                out.push_str("  </testsuite>\n");
            }
        }
    }
    if !report.errors.is_empty() {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{SKIPPED_SUITE}\" tests=\"{n}\" failures=\"0\" skipped=\"{n}\">",
            n = report.errors.len()
        );
        for error in &report.errors {
            let path = escape(&error.path);
            let _ = writeln!(
                out,
                "    <testcase name=\"{path}\" classname=\"{SKIPPED_SUITE}\" file=\"{path}\">\n      \
                 <skipped message=\"{}\"/>\n    </testcase>",
                escape(&error.message)
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// A finding as a failing testcase; the failure's text is the code it
/// matched, with line numbers, and the fix when the rule has one.
fn failure(out: &mut String, finding: &Finding) {
    let place = format!(
        "{}:{}:{}",
        finding.path, finding.start.line, finding.start.col
    );
    let mut body = String::new();
    for (offset, line) in finding.lines.lines().enumerate() {
        let _ = writeln!(body, "{} | {line}", finding.start.line + offset);
    }
    if let Some(fix) = &finding.fix {
        let _ = writeln!(body, "fix: {fix}");
    }
    let _ = writeln!(
        out,
        "    <testcase name=\"{name}\" classname=\"{rule}\" file=\"{path}\" line=\"{line}\">\n      \
         <failure message=\"{message}\" type=\"{severity}\">{body}</failure>\n    </testcase>",
        name = escape(&place),
        rule = escape(&finding.rule_id),
        path = escape(&finding.path),
        line = finding.start.line,
        message = escape(finding.message.trim_end()),
        severity = finding.severity,
        body = escape_content(&body),
    );
}

/// Text fit for an XML attribute value: the five special characters as
/// entities, line breaks and tabs as character references (a parser would
/// otherwise normalise them to spaces), and the control characters XML 1.0
/// cannot carry at all, not even as references, replaced by U+FFFD.
fn escape(text: &str) -> String {
    escape_xml(text, true)
}

/// Text fit for element content: as [`escape`], but line breaks and tabs
/// stay as they are, so the code in a failure reads as code.
fn escape_content(text: &str) -> String {
    escape_xml(text, false)
}

fn escape_xml(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' if !attribute => out.push(c),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_breaks_and_characters_xml_cannot_hold() {
        assert_eq!(
            escape("a < b && \"c\" > 'd'"),
            "a &lt; b &amp;&amp; &quot;c&quot; &gt; &apos;d&apos;"
        );
        assert_eq!(escape("x\ny\tz"), "x&#10;y&#9;z");
        assert_eq!(escape("nul\u{0}bell\u{7}"), "nul\u{FFFD}bell\u{FFFD}");
        assert_eq!(escape("é 😀"), "é 😀");
        assert_eq!(escape_content("a\n\tb\r<"), "a\n\tb&#13;&lt;");
    }
}
