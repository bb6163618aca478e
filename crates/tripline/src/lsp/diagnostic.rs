//! A finding as an LSP diagnostic.

use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString};
use tripline_engine::Finding;
use tripline_rule::Severity;

use super::position::Lines;

/// What editors show in the diagnostic's `source`, beside the rule id.
pub const SOURCE: &str = "tripline";

/// The diagnostic of `finding`, positioned in the text it was found in.
pub fn diagnostic(finding: &Finding, lines: &Lines<'_>) -> Diagnostic {
    Diagnostic {
        range: lines.range(finding.start, finding.end),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule_id.clone())),
        source: Some(SOURCE.to_owned()),
        message: finding.message.clone(),
        ..Diagnostic::default()
    }
}

/// Both severity scales of rules (Semgrep's ERROR/WARNING/INFO and
/// Bandit's HIGH/MEDIUM/LOW) onto the editor's three levels; LSP's HINT is
/// left out, as editors barely show it.
fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Critical | Severity::High | Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Medium | Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Low | Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
