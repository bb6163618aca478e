//! Reading a rule's free-form `metadata` (CWE, OWASP, references, the
//! description) and its message the same way everywhere: `rules list`,
//! `rules show` and every scan output that describes rules (SARIF, GitLab).
//! Rule files write these keys as a string or a list of strings, so each
//! accessor accepts both.

use serde_json::Value;
use tripline_rule::Rule;

/// What the outputs say about a rule beyond its id and severity.
pub struct RuleFacts<'a> {
    /// `CWE-78: Improper Neutralization ...`, as written.
    pub cwe: Vec<String>,
    /// `A03:2021 - Injection`, as written.
    pub owasp: Vec<String>,
    pub references: Vec<&'a str>,
    /// `HIGH`, `MEDIUM` or `LOW` in the shipped rules.
    pub confidence: Option<&'a str>,
    /// Markdown with *What it does*, *Why is this bad?*... sections.
    pub description: Option<&'a str>,
}

impl<'a> RuleFacts<'a> {
    pub fn of(rule: &'a Rule) -> Self {
        let metadata = &rule.metadata;
        RuleFacts {
            cwe: strings(&metadata["cwe"]),
            owasp: strings(&metadata["owasp"]),
            references: metadata["references"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default(),
            confidence: metadata["confidence"].as_str(),
            description: metadata["description"]
                .as_str()
                .map(str::trim)
                .filter(|d| !d.is_empty()),
        }
    }

    /// `CWE-78` for each `CWE-78: Improper Neutralization ...`.
    pub fn cwe_ids(&self) -> impl Iterator<Item = &str> {
        self.cwe
            .iter()
            .map(|c| c.split(':').next().unwrap_or(c).trim())
    }
}

/// A metadata value that may be a string or a list of strings.
fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// A message on one line: YAML folded or literal blocks leave line breaks
/// and runs of spaces that a table cell or a title cannot show.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence of a message (up to and including the first `.`
/// followed by a space), on one line: a title for a message that goes on
/// to explain. A message without such a period is returned whole.
pub fn first_sentence(text: &str) -> String {
    let text = one_line(text);
    match text.find(". ") {
        Some(end) => text[..=end].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_ends_at_a_period_before_a_space() {
        assert_eq!(
            first_sentence("eval() runs code.\n  Use ast.literal_eval()."),
            "eval() runs code."
        );
        assert_eq!(
            first_sentence("os.path.join(a, b) is unsafe"),
            "os.path.join(a, b) is unsafe"
        );
    }

    #[test]
    fn metadata_values_may_be_strings_or_lists() {
        assert_eq!(strings(&serde_json::json!("CWE-1")), ["CWE-1"]);
        assert_eq!(
            strings(&serde_json::json!(["CWE-1", 2, "CWE-3"])),
            ["CWE-1", "CWE-3"]
        );
        assert!(strings(&serde_json::json!(null)).is_empty());
    }
}
