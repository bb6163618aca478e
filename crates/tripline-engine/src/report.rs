//! What a scan produces: findings, per-file errors and counts. The JSON
//! shape of these types is tripline's documented output (docs/output.md).

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use tripline_rule::Severity;

use crate::cache::CacheStats;

/// A 1-based line and column; columns count characters (Unicode scalar
/// values), so a tab or an `é` is one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// What a metavariable bound, as shown to the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetavarValue {
    pub text: String,
    pub start: Position,
    pub end: Position,
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Exactly as written in the rule file.
    pub rule_id: String,
    pub path: String,
    pub start: Position,
    pub end: Position,
    /// The rule's message with metavariables replaced by what they bound.
    pub message: String,
    #[serde(serialize_with = "severity_name")]
    pub severity: Severity,
    pub metadata: std::sync::Arc<serde_json::Value>,
    /// Keyed by `$NAME`.
    pub metavars: BTreeMap<String, MetavarValue>,
    /// The full source lines the finding spans.
    pub lines: String,
    /// What replaces the matched code (`byte_range`) to fix it: the
    /// rule's `fix` or `fix-regex` applied to this match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The matched code's byte offsets in the file as scanned: what a fix
    /// replaces (see `autofix`). Not part of the output, whose positions
    /// are lines and columns.
    #[serde(skip)]
    pub byte_range: Range<usize>,
    /// The functions and classes the finding is in, outermost first,
    /// joined by `.` (`Class.method`); absent at module level. Part of
    /// the baseline fingerprint: it stays put when lines move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enclosing: Option<String>,
    /// Set when a suppression comment covers the finding: it is kept in
    /// the report (and counted) rather than lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
    /// For a taint rule's finding (at the sink): where the data came
    /// from and where it passed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dataflow_trace: Option<DataflowTrace>,
}

/// How tainted data reached a taint finding's sink (docs/output.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataflowTrace {
    /// The source match the data came from.
    pub source: TraceLocation,
    /// Where it passed, in order: the variables and attributes it was
    /// stored in, the calls of the file's functions it went through.
    pub steps: Vec<TraceLocation>,
    /// The sink it reached: the finding's own range.
    pub sink: TraceLocation,
}

/// A place in a trace: its range and the code there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceLocation {
    pub start: Position,
    pub end: Position,
    /// The code at the range (its first line, for a longer one).
    pub content: String,
}

impl Finding {
    pub fn is_suppressed(&self) -> bool {
        self.suppressed.is_some()
    }
}

/// How a finding was suppressed: which kind of comment, on which line,
/// with what reason (the text after `--`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// Line of the suppression comment.
    pub line: usize,
    pub reason: Option<String>,
}

/// The comment forms tripline honours (docs/suppressions.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuppressionKind {
    /// Bandit's `# nosec [ids]`.
    Nosec,
    /// Semgrep's `# nosemgrep[: ids]`.
    Nosemgrep,
    /// tripline's own `# tripline: ignore[ids] -- reason`.
    TriplineIgnore,
}

impl SuppressionKind {
    /// The form as written in a comment, for messages.
    pub fn spelling(self) -> &'static str {
        match self {
            SuppressionKind::Nosec => "# nosec",
            SuppressionKind::Nosemgrep => "# nosemgrep",
            SuppressionKind::TriplineIgnore => "# tripline: ignore",
        }
    }
}

fn severity_name<S: serde::Serializer>(
    severity: &Severity,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(severity.name())
}

/// A file that could not be scanned (or not entirely), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileError {
    pub path: String,
    /// What went wrong; the kinds are listed in docs/output.md.
    pub kind: &'static str,
    pub message: String,
    /// For `timeout`: the rules that did not finish in the file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}

impl FileError {
    pub fn new(path: &std::path::Path, kind: &'static str, message: String) -> Self {
        FileError {
            path: path.display().to_string(),
            kind,
            message,
            rules: Vec::new(),
        }
    }

    /// Whether the file was scanned in part (some rules ran out of time)
    /// rather than not at all.
    pub fn is_partial(&self) -> bool {
        self.kind == "timeout"
    }

    /// One line for people: what happened to which file.
    pub fn describe(&self) -> String {
        let done = if self.is_partial() {
            "partly scanned"
        } else {
            "skipped"
        };
        format!("{done} {}: {}", self.path, self.message)
    }
}

/// Counts about a scan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Files scanned (parsed and matched).
    pub files: usize,
    /// Of those, files with syntax errors (scanned as far as tree-sitter recovered).
    pub files_with_syntax_errors: usize,
    /// Files that could not be scanned (see `errors`).
    pub files_skipped: usize,
    /// Files scanned only in part: some rules ran out of time (see `errors`).
    pub files_timed_out: usize,
    /// Bytes of Python scanned.
    pub bytes: u64,
    /// Rules that ran.
    pub rules: usize,
    /// Findings reported: neither suppressed nor in the baseline.
    pub findings: usize,
    /// Findings covered by a suppression comment (kept in `findings`, marked).
    pub suppressed: usize,
    /// Findings left out because the baseline has them (`--baseline`).
    pub baseline: usize,
}

/// Everything a scan found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScanReport {
    /// Sorted by path, line, column, rule id.
    pub findings: Vec<Finding>,
    pub errors: Vec<FileError>,
    pub stats: Stats,
    /// What the result cache did, when the scan used one. Not part of the
    /// output: a scan reports the same with or without the cache.
    #[serde(skip)]
    pub cache: Option<CacheStats>,
    /// With `--time`: where the time went.
    #[serde(rename = "time", skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// The content hash (`scan::content_hash`) of each file with a
    /// finding that has a fix, by path as in the findings: what their byte
    /// ranges refer to. Fixes are applied to a file only while it still
    /// has this content.
    #[serde(skip)]
    pub hashes: BTreeMap<String, u128>,
}

impl ScanReport {
    /// The findings to act on: those not suppressed.
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_suppressed())
    }

    /// Recounts `stats.findings` and `stats.suppressed` from `findings`.
    pub fn count_findings(&mut self) {
        self.stats.suppressed = self.findings.iter().filter(|f| f.is_suppressed()).count();
        self.stats.findings = self.findings.len() - self.stats.suppressed;
    }
}

/// Where a timed scan spent its time, slowest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timing {
    /// Wall-clock seconds of the whole scan (discovery included).
    pub total_seconds: f64,
    /// Each rule that ran: its time summed over all files.
    pub rules: Vec<RuleTime>,
    /// Each file scanned: its time (reading, parsing, all rules).
    pub files: Vec<FileTime>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleTime {
    pub rule_id: String,
    pub seconds: f64,
    /// Files the rule ran on (files without its required words are skipped).
    pub files: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileTime {
    pub path: String,
    pub seconds: f64,
    pub parse_seconds: f64,
}
