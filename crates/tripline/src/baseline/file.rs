//! The baseline file: JSON, versioned, readable in a review.
//!
//! Only the fingerprints decide anything; the rule, path, line, enclosing
//! name and code of each entry are there so that a person reviewing the
//! file (or its diff) sees what was accepted. The file names the
//! fingerprint recipe it was written with: a baseline of another recipe
//! would match nothing, so it is refused with a message instead.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tripline_engine::{write_atomically, Finding};

use super::Baseline;
use crate::output::fingerprint::{normalized_code, KEY};
use crate::output::location::portable_path;

/// Bumped when the file's layout changes incompatibly.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct BaselineFile {
    /// The layout version of this file.
    tripline_baseline: u32,
    /// The fingerprint recipe, as SARIF's `partialFingerprints` key.
    fingerprint: String,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    fingerprint: String,
    rule_id: String,
    path: String,
    /// Where it was when recorded (not used for matching).
    line: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    enclosing: Option<String>,
    code: String,
}

/// Writes the findings that are not suppressed, with their fingerprints,
/// to `path`.
pub fn write(path: &Path, findings: &[Finding], prints: &[String]) -> Result<(), String> {
    let file = BaselineFile {
        tripline_baseline: VERSION,
        fingerprint: KEY.to_owned(),
        findings: findings
            .iter()
            .zip(prints)
            .filter(|(finding, _)| !finding.is_suppressed())
            .map(|(finding, print)| Entry {
                fingerprint: print.clone(),
                rule_id: finding.rule_id.clone(),
                path: portable_path(&finding.path),
                line: finding.start.line,
                enclosing: finding.enclosing.clone(),
                code: normalized_code(finding),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).map_err(|err| err.to_string())?;
    text.push('\n');
    write_atomically(path, ".tripline-baseline-", text.as_bytes())
        .map_err(|err| format!("cannot write the baseline {}: {err}", path.display()))
}

/// Reads a baseline file written by [`write`].
pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("cannot read the baseline {}: {err}", path.display()))?;
    let file: BaselineFile = serde_json::from_str(&text)
        .map_err(|err| format!("{} is not a tripline baseline file: {err}", path.display()))?;
    if file.tripline_baseline != VERSION || file.fingerprint != KEY {
        return Err(format!(
            "{} is a baseline of another format (version {}, fingerprints {}; this tripline \
             writes version {VERSION}, {KEY}): write it again with --write-baseline",
            path.display(),
            file.tripline_baseline,
            file.fingerprint
        ));
    }
    Ok(Baseline {
        prints: file.findings.into_iter().map(|e| e.fingerprint).collect(),
    })
}
