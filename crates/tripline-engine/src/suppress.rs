//! Applying suppression comments to one file's findings, and reporting
//! the comments themselves when asked (`--require-reason`,
//! `--report-unused-suppressions`).
//!
//! A directive (see [`crate::directive`]) covers a finding when it names
//! the finding's rule (or names none) and sits on one of these lines:
//!
//! - the finding's first line;
//! - any line of the statement the finding starts in (for a compound
//!   statement such as `with` or `def`, its header up to the colon);
//! - the line right above that statement, if the comment is alone on it.
//!
//! A suppressed finding stays in the report with [`Suppression`] set, so
//! that it is counted and SARIF can show it as suppressed. The findings
//! about comments are never suppressed themselves.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;
use tripline_pattern::Node;
use tripline_rule::{bandit_ids, names_rule, Severity};

use crate::directive::{self, Directive};
use crate::place::Places;
use crate::report::{Finding, Suppression, SuppressionKind};
use crate::scan::{LineIndex, ScannedFile};

/// How suppression comments are handled. The default honours them and
/// reports nothing about them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SuppressOptions {
    /// Ignore every suppression comment (`--no-suppress`, for audits).
    pub disabled: bool,
    /// A directive without `-- reason` is a finding of [`WITHOUT_REASON`].
    pub require_reason: bool,
    /// A directive that covered no finding is a finding of [`UNUSED`].
    pub report_unused: bool,
}

/// Bumped whenever what a file's comments do to its findings changes (the
/// result cache keys on it).
pub const LOGIC_VERSION: u32 = 1;

/// The rule id of a directive without a reason, with `--require-reason`.
pub const WITHOUT_REASON: &str = "tripline.suppression-without-reason";
/// The rule id of a directive that suppressed nothing, with `--report-unused-suppressions`.
pub const UNUSED: &str = "tripline.unused-suppression";

/// Severity and metadata of the built-in rules about comments, which are
/// in no rule file.
pub fn builtin_rule(id: &str) -> Option<(Severity, Value)> {
    match id {
        WITHOUT_REASON => Some((Severity::Warning, Value::Null)),
        UNUSED => Some((Severity::Info, Value::Null)),
        _ => None,
    }
}

impl SuppressOptions {
    /// Whether a file no rule runs on must still be parsed: only to report
    /// its unused directives, and only if it may have one.
    pub fn needs_parse(&self, text: &str) -> bool {
        self.report_unused && !self.disabled && may_have_directive(text)
    }
}

/// A cheap check before walking the tree: every directive holds one of
/// these words (`nosem` case-insensitively).
fn may_have_directive(text: &str) -> bool {
    // One search (the regex crate's SIMD literal search), not three.
    static WORDS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("nosec|tripline:|(?i:nosem)").expect("a valid regex"));
    WORDS.is_match(text)
}

/// A directive found in the file, and what it did.
struct Found {
    directive: Directive,
    line: usize,
    /// The comment is the only thing on its line.
    alone: bool,
    comment: (usize, usize),
    used: bool,
}

/// Records each finding's enclosing name, marks the suppressed ones, and
/// adds the findings about comments that `options` asks for.
pub fn annotate(findings: &mut Vec<Finding>, file: &ScannedFile<'_>, options: &SuppressOptions) {
    let ScannedFile {
        tree,
        text,
        lines,
        path,
    } = *file;
    let root = tree.root();
    let mut found = if !options.disabled && may_have_directive(text) {
        directives(root, text, lines)
    } else {
        Vec::new()
    };
    let places = Places::new(root, text.as_bytes(), lines);
    // The directives on each line, by index in `found`.
    let mut by_line: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, directive) in found.iter().enumerate() {
        by_line.entry(directive.line).or_default().push(i);
    }
    for finding in findings.iter_mut() {
        let place = places.at(finding.byte_range.start);
        finding.enclosing = place.enclosing;
        let above = place.statement.start().saturating_sub(1);
        let on_line = |line: usize, alone_only: bool| {
            let found = &found;
            by_line
                .get(&line)
                .into_iter()
                .flatten()
                .copied()
                .filter(move |&i| found[i].alone || !alone_only)
        };
        let covering = std::iter::once(finding.start.line)
            .chain(place.statement)
            .flat_map(|line| on_line(line, false))
            .chain(on_line(above, true))
            .find(|&i| covers(&found[i].directive, finding));
        if let Some(i) = covering {
            let directive = &mut found[i];
            directive.used = true;
            finding.suppressed = Some(Suppression {
                kind: directive.directive.kind,
                line: directive.line,
                reason: directive.directive.reason.clone(),
            });
        }
    }
    for directive in &found {
        let about = |rule_id: &str, message: String| {
            comment_finding(rule_id, message, directive, &places, text, lines, path)
        };
        let kind = directive.directive.kind.spelling();
        if options.require_reason && directive.directive.reason.is_none() {
            findings.push(about(
                WITHOUT_REASON,
                format!("`{kind}` gives no reason: add one after `--`, e.g. `{kind} -- REASON`"),
            ));
        }
        if options.report_unused && !directive.used {
            findings.push(about(
                UNUSED,
                format!("`{kind}` suppresses no finding: remove it"),
            ));
        }
    }
}

/// Every directive in the file's comments, in order.
fn directives(root: Node<'_>, text: &str, lines: &LineIndex) -> Vec<Found> {
    root.descendants()
        .filter(|node| node.kind() == "comment")
        .filter_map(|comment| {
            let range = comment.byte_range();
            let directive = directive::parse(text.get(range.clone())?)?;
            let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
            Some(Found {
                directive,
                line: lines.line(range.start),
                alone: text[line_start..range.start].trim().is_empty(),
                comment: (range.start, range.end),
                used: false,
            })
        })
        .collect()
}

/// Whether a directive names the finding's rule (or names none).
fn covers(directive: &Directive, finding: &Finding) -> bool {
    if builtin_rule(&finding.rule_id).is_some() {
        return false;
    }
    if directive.ids.is_empty() {
        return true;
    }
    let rule = finding.rule_id.as_str();
    let bandit: Vec<&str> = bandit_ids(&finding.metadata).collect();
    directive.ids.iter().any(|id| match directive.kind {
        // Bandit's test ids (`B602`), or the rule id itself.
        SuppressionKind::Nosec => id == rule || bandit.contains(&id.as_str()),
        // Semgrep's: the id, or a tail of it at a dot (`shell-true` for
        // `python.lang.shell-true`).
        SuppressionKind::Nosemgrep => {
            id == rule
                || rule
                    .strip_suffix(id.as_str())
                    .is_some_and(|h| h.ends_with('.'))
        }
        // Ours: the id, a prefix of it at a dot, or a Bandit id.
        SuppressionKind::TriplineIgnore => names_rule(id, rule) || bandit.contains(&id.as_str()),
    })
}

/// A finding about a comment itself.
fn comment_finding(
    rule_id: &str,
    message: String,
    found: &Found,
    places: &Places<'_, '_>,
    text: &str,
    lines: &LineIndex,
    path: &str,
) -> Finding {
    let (start, end) = found.comment;
    let (severity, metadata) = builtin_rule(rule_id).unwrap_or((Severity::Info, Value::Null));
    Finding {
        rule_id: rule_id.to_owned(),
        path: path.to_owned(),
        start: lines.position(text, start),
        end: lines.position(text, end),
        message,
        severity,
        metadata: metadata.into(),
        metavars: Default::default(),
        lines: lines.full_lines(text, start..end).to_owned(),
        fix: None,
        byte_range: start..end,
        enclosing: places.at(start).enclosing,
        suppressed: None,
        dataflow_trace: None,
    }
}
