//! A finding's fingerprint: what stays the same when the finding moves.
//! GitHub code scanning and GitLab use it to recognise an alert from one
//! run to the next, so a line inserted above a finding does not close the
//! old alert and open a new one; `--baseline` uses it to recognise the
//! findings it already has.
//!
//! The fingerprint is the xxh3-128 hash (32 hex digits) of the rule id, the
//! file's portable path, the matched code with every run of whitespace
//! turned into one space, the enclosing function or class (`Class.method`,
//! empty at module level), and an occurrence index: the number of earlier
//! findings in the same file with the same first four parts. Without the
//! index, two identical calls in one function would share a fingerprint:
//! GitHub would show only one of them, and a baseline holding one would
//! hide a newly added copy (Bandit bug #466). The enclosing name keeps the
//! index local: a copy added in another function does not renumber the
//! others. Line and column are left out on purpose. Changing any part of
//! this is a breaking change for users' alert histories and baselines:
//! bump the `/v2` of [`KEY`] when it happens.

use std::collections::HashMap;

use tripline_engine::Finding;
use xxhash_rust::xxh3::Xxh3;

use super::location::{matched_code, portable_path};

/// The key under SARIF `partialFingerprints`, versioned as SARIF asks.
pub const KEY: &str = "matchedCodeHash/v2";

/// The fingerprint of each finding, in the report's order (which the
/// occurrence index depends on: findings are sorted by path and position).
/// Suppressed findings count like the others, so that adding or removing a
/// suppression comment does not change the fingerprints of other findings.
pub fn fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<[String; 4], usize> = HashMap::new();
    findings
        .iter()
        .map(|finding| {
            let key = [
                finding.rule_id.clone(),
                portable_path(&finding.path),
                normalized_code(finding),
                finding.enclosing.clone().unwrap_or_default(),
            ];
            let occurrence = seen.entry(key.clone()).or_default();
            let mut hasher = Xxh3::new();
            // NUL separators: no part can run into the next.
            for part in key
                .iter()
                .map(String::as_str)
                .chain([occurrence.to_string().as_str()])
            {
                hasher.update(part.as_bytes());
                hasher.update(b"\0");
            }
            *occurrence += 1;
            format!("{:032x}", hasher.digest128())
        })
        .collect()
}

/// The matched code with every run of whitespace turned into one space.
pub fn normalized_code(finding: &Finding) -> String {
    matched_code(finding)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::location::test_finding;
    use super::*;

    fn finding(rule: &str, line: usize, lines: &str) -> Finding {
        let end = lines.chars().count() + 1;
        Finding {
            rule_id: rule.into(),
            path: "./a.py".into(),
            ..test_finding(lines, (line, 1), (line, end))
        }
    }

    #[test]
    fn a_moved_or_reindented_finding_keeps_its_fingerprint() {
        let before = fingerprints(&[finding("r", 3, "eval(x,  y)")]);
        let after = fingerprints(&[finding("r", 9, "eval(x, y)")]);
        assert_eq!(before, after);
        assert_eq!(before[0].len(), 32);
    }

    #[test]
    fn rule_code_and_occurrence_tell_findings_apart() {
        let prints = fingerprints(&[
            finding("r", 1, "eval(x)"),
            finding("r", 2, "eval(x)"),
            finding("s", 3, "eval(x)"),
            finding("r", 4, "eval(y)"),
        ]);
        let distinct: std::collections::HashSet<_> = prints.iter().collect();
        assert_eq!(distinct.len(), 4, "{prints:?}");
    }

    #[test]
    fn the_enclosing_function_is_part_of_it_and_keeps_occurrences_local() {
        let in_fn = |name: &str, line| Finding {
            enclosing: Some(name.into()),
            ..finding("r", line, "eval(x)")
        };
        let before = fingerprints(&[in_fn("C.a", 1), in_fn("C.b", 5)]);
        // A copy added at the top of another function renumbers nothing.
        let after = fingerprints(&[in_fn("f", 1), in_fn("C.a", 3), in_fn("C.b", 7)]);
        assert_ne!(before[0], before[1]);
        assert_eq!(before[..], after[1..]);
    }
}
