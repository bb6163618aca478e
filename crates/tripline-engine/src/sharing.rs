//! Work shared between rules: sub-formulas written the same way in several
//! rules (a common `pattern-inside`, the same `pattern-either` of sinks, or
//! a whole rule copied under another id) are evaluated once per file.
//!
//! Patterns are shared by [`crate::matches::Dispatch`]; this finds the
//! formulas. Two formulas are the same when they are built from the same
//! shared patterns, regexes, conditions and focus the same way, which a
//! canonical text of each formula ([`key`]) decides.

use std::collections::HashMap;
use std::fmt::Write;

use tripline_rule::{Condition, Formula, RuleSet};

/// Formulas that occur more than once in a rule set, by their address in
/// the rule set, each with the id of its shared result.
///
/// Addresses are stable because the rule set is borrowed, unchanged, for
/// as long as the scan that uses them ([`crate::scan::Prepared`]).
#[derive(Debug, Default)]
pub struct SharedFormulas {
    ids: HashMap<usize, usize>,
    count: usize,
}

impl SharedFormulas {
    /// `slots` maps each pattern to its shared match slot.
    pub fn new(ruleset: &RuleSet, slots: &[usize]) -> Self {
        let mut occurrences: HashMap<String, Vec<usize>> = HashMap::new();
        for rule in &ruleset.rules {
            key(&rule.formula, slots, &mut occurrences);
        }
        let mut shared = SharedFormulas::default();
        let mut repeated: Vec<Vec<usize>> = occurrences
            .into_values()
            .filter(|addresses| addresses.len() > 1)
            .collect();
        // Ids in a fixed order, whatever the hash map's.
        repeated.sort();
        for addresses in repeated {
            for address in addresses {
                shared.ids.insert(address, shared.count);
            }
            shared.count += 1;
        }
        shared
    }

    /// The shared id of this formula, if another formula is the same.
    pub fn id(&self, formula: &Formula) -> Option<usize> {
        self.ids.get(&address(formula)).copied()
    }

    /// How many distinct shared formulas there are.
    pub fn count(&self) -> usize {
        self.count
    }
}

fn address(formula: &Formula) -> usize {
    std::ptr::from_ref(formula) as usize
}

/// The canonical text of `formula`; records it, and those of its parts,
/// in `occurrences`.
fn key(
    formula: &Formula,
    slots: &[usize],
    occurrences: &mut HashMap<String, Vec<usize>>,
) -> String {
    let mut text = String::new();
    match formula {
        Formula::Pattern(index) => {
            let _ = write!(text, "pattern {}", slots[*index]);
        }
        Formula::Regex(regex) => {
            let _ = write!(text, "regex {:?}", regex.as_str());
        }
        Formula::Either(alternatives) => {
            text.push_str("either(");
            for alternative in alternatives {
                text.push_str(&key(alternative, slots, occurrences));
                text.push(',');
            }
            text.push(')');
        }
        Formula::All(conjunction) => {
            text.push_str("all(");
            for positive in &conjunction.positives {
                let part = key(&positive.formula, slots, occurrences);
                let _ = write!(
                    text,
                    "{}{part},",
                    if positive.inside { "inside " } else { "" }
                );
            }
            for negative in &conjunction.negatives {
                let part = key(&negative.formula, slots, occurrences);
                let _ = write!(text, "not {:?} {part},", negative.kind);
            }
            for condition in &conjunction.conditions {
                match condition {
                    Condition::Regex {
                        metavariable,
                        regex,
                        ..
                    } => {
                        let _ = write!(text, "regex {metavariable} {:?},", regex.as_str());
                    }
                    Condition::Comparison {
                        expression,
                        metavariable,
                        strip,
                    } => {
                        let _ = write!(text, "where {expression:?} {metavariable:?} {strip},");
                    }
                    Condition::Pattern {
                        metavariable,
                        formula,
                    } => {
                        let part = key(formula, slots, occurrences);
                        let _ = write!(text, "metavariable-pattern {metavariable} {part},");
                    }
                }
            }
            let _ = write!(text, "focus {:?})", conjunction.focus);
        }
    }
    // A lone pattern is shared already, by its match slot.
    if !matches!(formula, Formula::Pattern(_)) {
        occurrences
            .entry(text.clone())
            .or_default()
            .push(address(formula));
    }
    text
}
