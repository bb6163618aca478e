//! The literal prefilter: which of the words that rules and patterns
//! require (see [`Requirement`]) a file contains, found in one
//! Aho-Corasick pass over its text.
//!
//! A rule whose required words are missing cannot match the file, so it
//! is not run there; when no rule is left, the file is not even parsed. The
//! same holds for each pattern inside a rule: `flask.request.$A` in one
//! alternative of a `pattern-either` needs `request` in the file even when
//! the rule as a whole needs nothing, so that pattern is not matched in a
//! file without the word.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use tripline_pattern::Pattern;
use tripline_rule::Requirement;

/// Every word some rule or pattern requires, and a matcher for all of them.
pub struct Words {
    /// Looked up for every word of every rule's requirement in every file.
    ids: HashMap<String, usize, foldhash::fast::RandomState>,
    /// `None` when there are no words at all.
    matcher: Option<AhoCorasick>,
}

/// Which words of [`Words`] a file contains, by word id.
pub struct Present {
    found: Vec<bool>,
}

impl Present {
    /// Whether the word with this id is in the file.
    pub fn has(&self, id: usize) -> bool {
        self.found.get(id).copied().unwrap_or(false)
    }
}

impl Words {
    pub fn new<'a>(
        requirements: impl IntoIterator<Item = &'a Requirement>,
        patterns: &[Pattern],
    ) -> Self {
        let mut ids = HashMap::default();
        let mut add = |word: &str| {
            let next = ids.len();
            ids.entry(word.to_owned()).or_insert(next);
        };
        for requirement in requirements {
            requirement.words().into_iter().for_each(&mut add);
        }
        for pattern in patterns {
            pattern.identifiers().iter().for_each(|w| add(w));
        }
        let mut by_id: Vec<&str> = vec![""; ids.len()];
        for (word, &id) in &ids {
            by_id[id] = word;
        }
        let matcher = (!by_id.is_empty()).then(|| {
            // A full DFA: every file is searched from end to end, and for
            // a few thousand words the table costs a few megabytes.
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&by_id)
                .expect("a few thousand words at most")
        });
        Words { ids, matcher }
    }

    /// The id of a required word.
    pub fn id(&self, word: &str) -> Option<usize> {
        self.ids.get(word).copied()
    }

    /// The words `text` contains, in one pass that stops once all are found.
    /// The file's dotted `module` path counts as text too: a name imported
    /// relatively (`from .models import User` in `shop/views.py`) means
    /// `shop.models.User`, and a rule's regex on that name may require a
    /// word (`shop`) that only the path spells.
    pub fn present_in(&self, text: &str, module: Option<&str>) -> Present {
        let mut found = vec![false; self.ids.len()];
        if let Some(matcher) = &self.matcher {
            let mut missing = found.len();
            let hits = matcher.find_overlapping_iter(text).chain(
                module
                    .into_iter()
                    .flat_map(|m| matcher.find_overlapping_iter(m)),
            );
            for hit in hits {
                let seen = &mut found[hit.pattern().as_usize()];
                if !*seen {
                    *seen = true;
                    missing -= 1;
                    if missing == 0 {
                        break;
                    }
                }
            }
        }
        Present { found }
    }

    /// Whether a file with these words meets `requirement`.
    pub fn meets(&self, requirement: &Requirement, present: &Present) -> bool {
        requirement.is_met(&|word| self.id(word).is_some_and(|id| present.has(id)))
    }
}

#[cfg(test)]
mod tests {
    use tripline_rule::{load_str, RuleSet};

    use super::*;

    #[test]
    fn words_found_in_one_pass_decide_requirements() {
        let rules = "rules:\n  - id: r\n    message: m\n    severity: LOW\n    languages: [python]\n    pattern-either:\n      - pattern: os.system($X)\n      - pattern: subprocess.call($X)\n";
        let mut ruleset = RuleSet::default();
        assert!(load_str("rules.yaml", rules, &mut ruleset).is_empty());
        let requirement = Requirement::of(&ruleset.rules[0].formula, &ruleset.patterns);
        let words = Words::new([&requirement], &ruleset.patterns);
        let present = words.present_in("import subprocess\nsubprocess.call(x)\n", None);
        assert!(words.meets(&requirement, &present));
        assert!(present.has(words.id("call").expect("a word")));
        assert!(!present.has(words.id("system").expect("a word")));
        let absent = words.present_in("print(x)\n", None);
        assert!(!words.meets(&requirement, &absent));
        // Overlapping words are all found: `call` inside `recall`, `system`.
        let overlapping = words.present_in("recall.system", None);
        assert!(overlapping.has(words.id("call").expect("a word")));
        assert!(overlapping.has(words.id("system").expect("a word")));
    }
}
