//! The literal prefilter: which of the words that rules and patterns
//! require (see [`Requirement`]) a file contains, found in one
//! Aho-Corasick pass over its text.
//!
//! A rule whose required words are missing cannot match the file, so it
//! is not run there; when no rule is left, the file is not even parsed. The
//! same holds for each pattern inside a rule: `flask.request.$A` in one
//! alternative of a `pattern-either` needs `request` in the file even when
//! the rule as a whole needs nothing, so that pattern is not matched in a
//! file without the word; nor is a `pattern-regex` (or `pattern-not-regex`)
//! searched for in a file without its literal text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use tripline_rule::{Formula, Requirement, RuleSet, Word};

/// Every word some rule or pattern requires, and a matcher for all of them.
pub struct Words {
    /// Looked up for every word of every rule's requirement in every file.
    ids: HashMap<Word, usize, foldhash::fast::RandomState>,
    /// The words, by id.
    words: Vec<Word>,
    /// Finds the words in any case (a hit on a word of one case is checked
    /// for it). `None` when there are no words at all.
    matcher: Option<AhoCorasick>,
    /// What each regex searched over the file's text requires, by the
    /// regex's address (see [`Words::regex_needs`]): worked out once, for
    /// its words and then for its needs.
    regexes: Vec<(usize, Requirement)>,
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

    /// Whether the file has what `needed` asks for.
    pub fn meets(&self, needed: &Needed) -> bool {
        match needed {
            Needed::Nothing => true,
            Needed::Word(id) => self.has(*id),
            Needed::All(parts) => parts.iter().all(|p| self.meets(p)),
            Needed::Any(parts) => parts.iter().any(|p| self.meets(p)),
        }
    }
}

/// A [`Requirement`] with its words replaced by their ids in [`Words`]:
/// checked for every rule in every file, so without hashing a word.
#[derive(Debug)]
pub enum Needed {
    Nothing,
    Word(usize),
    All(Vec<Needed>),
    Any(Vec<Needed>),
}

impl Words {
    /// The words of `requirements`, of every pattern of `ruleset` and of
    /// every regex its rules search the file's text with
    /// ([`Words::regex_needs`]).
    pub fn new<'a>(
        requirements: impl IntoIterator<Item = &'a Requirement>,
        ruleset: &RuleSet,
    ) -> Self {
        let mut ids = HashMap::default();
        let mut words = Vec::new();
        let mut add = |word: &Word| {
            if !ids.contains_key(word) {
                ids.insert(word.clone(), words.len());
                words.push(word.clone());
            }
        };
        for requirement in requirements {
            requirement.words().into_iter().for_each(&mut add);
        }
        for pattern in &ruleset.patterns {
            pattern
                .identifiers()
                .iter()
                .for_each(|w| add(&Word::exact(w)));
        }
        let regexes: Vec<(usize, Requirement)> = file_regexes(ruleset)
            .map(|regex| {
                (
                    std::ptr::from_ref(regex) as usize,
                    Requirement::of_regex(regex),
                )
            })
            .collect();
        for (_, requirement) in &regexes {
            requirement.words().into_iter().for_each(&mut add);
        }
        let matcher = (!words.is_empty()).then(|| {
            // A full DFA: every file is searched from end to end, and for
            // a few thousand words the table costs a few megabytes.
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .build(words.iter().map(|w| &w.text))
                .expect("a few thousand words at most")
        });
        Words {
            ids,
            words,
            matcher,
            regexes,
        }
    }

    /// The id of a required word.
    pub fn id(&self, word: &Word) -> Option<usize> {
        self.ids.get(word).copied()
    }

    /// The words `text` contains, in one pass that stops once all are found.
    /// The file's dotted `module` path counts as text too: a name imported
    /// relatively (`from .models import User` in `shop/views.py`) means
    /// `shop.models.User`, and a rule's regex on that name may require a
    /// word (`shop`) that only the path spells.
    pub fn present_in<'a>(&self, text: &'a str, module: Option<&'a str>) -> Present {
        let mut found = vec![false; self.ids.len()];
        if let Some(matcher) = &self.matcher {
            let mut missing = found.len();
            let in_text = |text: &'a str| {
                matcher
                    .find_overlapping_iter(text)
                    .map(move |hit| (hit.pattern().as_usize(), &text.as_bytes()[hit.range()]))
            };
            let hits = in_text(text).chain(module.into_iter().flat_map(in_text));
            for (id, spelled) in hits {
                let seen = &mut found[id];
                if !*seen && self.words[id].spelled_by(spelled) {
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

    /// `requirement` by word ids. A word these words lack (never the case
    /// for what [`Words::new`] was given) is taken as present, so that it
    /// cannot make a rule skip a file it might match.
    pub fn needed(&self, requirement: &Requirement) -> Needed {
        let parts = |parts: &[Requirement]| parts.iter().map(|p| self.needed(p)).collect();
        match requirement {
            Requirement::Nothing => Needed::Nothing,
            Requirement::Literal(word) => self.id(word).map_or(Needed::Nothing, Needed::Word),
            Requirement::All(all) => Needed::All(parts(all)),
            Requirement::Any(any) => Needed::Any(parts(any)),
        }
    }

    /// What a file needs for each regex the rule set searches its text
    /// with, by the regex's address: stable while the rule set is
    /// borrowed, as it is for as long as these words are used
    /// ([`crate::scan::Prepared`]).
    pub fn regex_needs(&self) -> HashMap<usize, Needed> {
        self.regexes
            .iter()
            .map(|(address, requirement)| (*address, self.needed(requirement)))
            .collect()
    }
}

/// Every regex the rules of `ruleset` search a file's text with.
fn file_regexes(ruleset: &RuleSet) -> impl Iterator<Item = &regex::Regex> {
    ruleset
        .rules
        .iter()
        .flat_map(|rule| rule.formulas())
        .flat_map(Formula::file_regexes)
}

#[cfg(test)]
mod tests {
    use tripline_rule::{load_str, RuleSet};

    use super::*;

    /// A rule set of one rule with this formula (YAML at rule level), its
    /// requirement, and the words of both.
    fn one_rule(formula: &str) -> (RuleSet, Requirement, Words) {
        let rules = format!(
            "rules:\n  - id: r\n    message: m\n    severity: LOW\n    languages: [python]\n{formula}"
        );
        let mut ruleset = RuleSet::default();
        assert!(load_str("rules.yaml", &rules, &mut ruleset).is_empty());
        let requirement = Requirement::of(&ruleset.rules[0].formula, &ruleset.patterns);
        let words = Words::new([&requirement], &ruleset);
        (ruleset, requirement, words)
    }

    #[test]
    fn words_found_in_one_pass_decide_requirements() {
        let (_, requirement, words) = one_rule(
            "    pattern-either:\n      - pattern: os.system($X)\n      - pattern: subprocess.call($X)\n",
        );
        let needed = words.needed(&requirement);
        let present = words.present_in("import subprocess\nsubprocess.call(x)\n", None);
        assert!(present.meets(&needed));
        let id = |word: &str| words.id(&Word::exact(word)).expect("a word");
        assert!(present.has(id("call")));
        assert!(!present.has(id("system")));
        let absent = words.present_in("print(x)\n", None);
        assert!(!absent.meets(&needed));
        // Overlapping words are all found: `call` inside `recall`, `system`.
        let overlapping = words.present_in("recall.system", None);
        assert!(overlapping.has(id("call")));
        assert!(overlapping.has(id("system")));
        // An identifier is found in its own case only.
        assert!(!words
            .present_in("Subprocess.CALL(x)\n", None)
            .meets(&needed));
    }

    #[test]
    fn case_insensitive_words_are_found_in_any_case() {
        let (_, requirement, words) = one_rule(
            "    patterns:\n      - pattern: $NAME = $VALUE\n      - metavariable-regex:\n          metavariable: $NAME\n          regex: (?i)aws_?secret\n",
        );
        let needed = words.needed(&requirement);
        for text in ["AWS_SECRET = k", "awsSecret = k", "Aws_Secret_Key = k"] {
            assert!(words.present_in(text, None).meets(&needed), "{text}");
        }
        // `ſ` (long s) is an `s` to a case-insensitive regex.
        assert!(words.present_in("AWS_ſECRET = k", None).meets(&needed));
        assert!(!words.present_in("aws_key = k", None).meets(&needed));
    }

    #[test]
    fn a_regex_over_the_file_needs_its_literal_text() {
        let (ruleset, requirement, words) = one_rule(
            "    pattern-either:\n      - pattern: eval($X)\n      - patterns:\n          - pattern-regex: '(?m)^import[ \\t]+(?:pyghmi|telnetlib)\\b'\n          - pattern-not-regex: '\\d+'\n",
        );
        let needs = words.regex_needs();
        let regexes = ruleset.rules[0].formula.file_regexes();
        let [import, digits] = regexes[..] else {
            panic!("two regexes, got {regexes:?}");
        };
        let needed = |regex: &regex::Regex| &needs[&(std::ptr::from_ref(regex) as usize)];
        // The rule as a whole needs nothing (`eval` or the regex), but the
        // regex needs one of its module names.
        assert!(words
            .present_in("eval(x)\n", None)
            .meets(&words.needed(&requirement)));
        assert!(!words
            .present_in("eval(x)\nimport os\n", None)
            .meets(needed(import)));
        assert!(words
            .present_in("import os, telnetlib\n", None)
            .meets(needed(import)));
        // A regex without literal text of three characters needs nothing.
        assert!(words.present_in("x = 1\n", None).meets(needed(digits)));
    }
}
