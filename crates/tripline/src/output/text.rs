//! Human output: a code frame per finding and a summary line.

use std::fmt::Write;

use tripline_engine::{Finding, ScanReport};
use tripline_rule::Severity;

/// Terminal styling; all empty when colour is off.
pub struct Style {
    bold: &'static str,
    dim: &'static str,
    red: &'static str,
    yellow: &'static str,
    blue: &'static str,
    reset: &'static str,
}

impl Style {
    pub fn new(color: bool) -> Self {
        if color {
            Style {
                bold: "\x1b[1m",
                dim: "\x1b[2m",
                red: "\x1b[31m",
                yellow: "\x1b[33m",
                blue: "\x1b[34m",
                reset: "\x1b[0m",
            }
        } else {
            Style {
                bold: "",
                dim: "",
                red: "",
                yellow: "",
                blue: "",
                reset: "",
            }
        }
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Critical | Severity::High | Severity::Error => self.red,
            Severity::Medium | Severity::Warning => self.yellow,
            Severity::Low | Severity::Info => self.blue,
        }
    }
}

/// Renders the whole report.
pub fn render(report: &ScanReport, style: &Style) -> String {
    let mut out = String::new();
    // Suppressed findings are only counted, in the summary.
    for finding in report.active() {
        render_finding(&mut out, finding, style);
    }
    out.push_str(&summary(report, style));
    out
}

fn render_finding(out: &mut String, finding: &Finding, style: &Style) {
    let color = style.severity(finding.severity);
    let _ = writeln!(
        out,
        "{bold}{path}:{line}:{col}{reset} {color}{severity}{reset} {bold}{rule}{reset}",
        bold = style.bold,
        reset = style.reset,
        path = finding.path,
        line = finding.start.line,
        col = finding.start.col,
        severity = finding.severity,
        rule = finding.rule_id,
    );
    for line in finding.message.trim_end().lines() {
        let _ = writeln!(out, "  {}", clip(line, MAX_MESSAGE));
    }
    let width = (finding.start.line + finding.lines.lines().count())
        .to_string()
        .len();
    for (offset, line) in finding.lines.lines().enumerate() {
        let number = finding.start.line + offset;
        let shown = clip(line, MAX_CODE);
        let _ = writeln!(
            out,
            "{dim}{number:>width$} |{reset} {shown}",
            dim = style.dim,
            reset = style.reset
        );
        // Underline the matched part of this line (within what is shown).
        let visible = shown.chars().count();
        let first = if number == finding.start.line {
            finding.start.col - 1
        } else {
            leading_spaces(line)
        };
        let last = if number == finding.end.line {
            finding.end.col - 1
        } else {
            line.chars().count()
        }
        .min(visible);
        if last > first {
            let _ = writeln!(
                out,
                "{dim}{blank:>width$} |{reset} {pad}{color}{marks}{reset}",
                dim = style.dim,
                reset = style.reset,
                blank = "",
                pad = line
                    .chars()
                    .take(first)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect::<String>(),
                marks = "^".repeat(last - first),
            );
        }
    }
    if let Some(fix) = &finding.fix {
        let _ = writeln!(
            out,
            "  {dim}fix:{reset} {fix}",
            dim = style.dim,
            reset = style.reset
        );
    }
    out.push('\n');
}

/// Code frames show at most this many characters of a line.
const MAX_CODE: usize = 160;

/// A message line is cut at this length (only a message quoting a huge
/// expression gets there).
const MAX_MESSAGE: usize = 400;

/// A line cut to `max` characters, with `…` when cut, so a minified line or
/// a message quoting a huge expression does not flood the terminal (JSON
/// output keeps everything).
pub(super) fn clip(line: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match line.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &line[..cut]).into(),
        None => line.into(),
    }
}

fn leading_spaces(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count()
}

fn summary(report: &ScanReport, style: &Style) -> String {
    let stats = &report.stats;
    let mut counts: Vec<(Severity, usize)> = Vec::new();
    for finding in report.active() {
        match counts.iter_mut().find(|(s, _)| *s == finding.severity) {
            Some((_, n)) => *n += 1,
            None => counts.push((finding.severity, 1)),
        }
    }
    counts.sort_by_key(|(severity, _)| std::cmp::Reverse(*severity));
    let by_severity = if counts.is_empty() {
        String::new()
    } else {
        let parts: Vec<String> = counts.iter().map(|(s, n)| format!("{n} {s}")).collect();
        format!(" ({})", parts.join(", "))
    };
    let mut line = format!(
        "{bold}{findings} {finding_word}{reset}{by_severity} in {files} {file_word} scanned with {rules} {rule_word}",
        bold = style.bold,
        reset = style.reset,
        findings = stats.findings,
        finding_word = plural(stats.findings, "finding", "findings"),
        files = stats.files,
        file_word = plural(stats.files, "file", "files"),
        rules = stats.rules,
        rule_word = plural(stats.rules, "rule", "rules"),
    );
    if stats.files_with_syntax_errors > 0 {
        let _ = write!(
            line,
            "; {} with syntax errors (scanned as far as possible)",
            stats.files_with_syntax_errors
        );
    }
    if stats.files_skipped > 0 {
        let _ = write!(line, "; {} skipped", stats.files_skipped);
    }
    if stats.files_timed_out > 0 {
        let _ = write!(
            line,
            "; {} partly scanned (--timeout)",
            stats.files_timed_out
        );
    }
    if stats.suppressed > 0 {
        let _ = write!(line, "; {} suppressed", stats.suppressed);
    }
    if stats.baseline > 0 {
        let _ = write!(line, "; {} in the baseline", stats.baseline);
    }
    line.push('\n');
    line
}

/// `one` or `many`, as `n` asks.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
