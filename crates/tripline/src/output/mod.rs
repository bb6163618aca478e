//! Renderers for scan results, one module per format, all fed the same
//! [`Scan`]; `destination` decides where each rendered output goes; `diff`
//! renders the changes fixes make.

pub mod destination;
pub mod diff;
pub mod fingerprint;
mod github;
mod gitlab;
pub mod json;
mod junit;
mod levels;
pub mod location;
mod sarif;
pub mod text;
pub mod timing;

use std::time::SystemTime;

use tripline_engine::ScanReport;
use tripline_rule::Rule;

/// `--format`: what a scan's results are rendered as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Code frames and a summary, for people.
    Text,
    /// The schema in docs/output.md, for programs.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// JUnit XML, for CI test dashboards.
    Junit,
    /// GitLab SAST report (security report schema 15.x).
    Gitlab,
}

/// A finished scan, with what the formats need besides the report: the
/// rules that ran (SARIF lists them all, JUnit makes each a test) and when
/// it ran (GitLab records it).
pub struct Scan<'a> {
    pub report: &'a ScanReport,
    /// The fingerprint of each finding of `report` (see [`fingerprint`]),
    /// computed before `--baseline` left findings out, so that a finding's
    /// fingerprint does not depend on the baseline.
    pub fingerprints: Vec<String>,
    /// Every rule that ran, sorted by id.
    pub rules: Vec<&'a Rule>,
    pub started: SystemTime,
    pub finished: SystemTime,
}

impl Format {
    /// The output, complete; `color` only matters to text.
    pub fn render(self, scan: &Scan<'_>, color: bool) -> String {
        match self {
            Format::Text => text::render(scan.report, &text::Style::new(color)),
            Format::Json => json::render(scan.report),
            Format::Sarif => sarif::render(scan),
            Format::Github => github::render(scan.report),
            Format::Junit => junit::render(scan),
            Format::Gitlab => gitlab::render(scan),
        }
    }
}
