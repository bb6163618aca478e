//! `--select` / `--skip`: which rules run, named the way users think of them.
//!
//! A selector is a rule id (`python.flask.debug-enabled`), an id prefix
//! (`python.flask` selects `python.flask.*`), a glob (`python.*.eval-*`), or a
//! Bandit id (`B101`), which names every rule whose `metadata.bandit` has it,
//! so a Bandit user migrates without rewriting their configuration.

use globset::{Glob, GlobMatcher};
use tripline_rule::{bandit_ids, names_rule, Rule};

/// One `--select` or `--skip` value.
#[derive(Clone)]
pub struct Selector {
    text: String,
    glob: Option<GlobMatcher>,
}

impl Selector {
    pub fn parse(text: &str) -> Result<Selector, String> {
        let glob = if text.contains(['*', '?', '[', '{']) {
            let glob = Glob::new(text)
                .map_err(|e| format!("{text:?} is not a valid glob: {}", e.kind()))?;
            Some(glob.compile_matcher())
        } else {
            None
        };
        Ok(Selector {
            text: text.to_owned(),
            glob,
        })
    }

    /// The selector as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn matches(&self, rule: &Rule) -> bool {
        self.matches_id(&rule.id, &rule.metadata)
    }

    /// Whether it names the rule with this id and metadata. A finding
    /// carries both, so `per-file-ignores` can judge findings with it.
    pub fn matches_id(&self, id: &str, metadata: &serde_json::Value) -> bool {
        if let Some(glob) = &self.glob {
            return glob.is_match(id);
        }
        if is_bandit_id(&self.text) {
            return bandit_ids(metadata).any(|b| b.eq_ignore_ascii_case(&self.text));
        }
        names_rule(&self.text, id)
    }
}

/// `B101`-style ids.
fn is_bandit_id(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('B' | 'b')) && text.len() == 4 && chars.all(|c| c.is_ascii_digit())
}

/// Keeps the rules that match a `select` (all, when there is none) and no
/// `skip`.
pub fn apply(rules: &mut Vec<Rule>, select: &[Selector], skip: &[Selector]) {
    rules.retain(|rule| {
        (select.is_empty() || select.iter().any(|s| s.matches(rule)))
            && !skip.iter().any(|s| s.matches(rule))
    });
}

/// Parses every selector, or says which one is wrong.
pub fn parse_all(texts: &[String]) -> Result<Vec<Selector>, String> {
    texts.iter().map(|t| Selector::parse(t)).collect()
}
