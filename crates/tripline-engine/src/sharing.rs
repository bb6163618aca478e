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

use tripline_rule::{Condition, Formula, RuleSet, Taint};

/// Formulas that occur more than once in a rule set, by their address in
/// the rule set, each with the id of its shared result.
///
/// Addresses are stable because the rule set is borrowed, unchanged, for
/// as long as the scan that uses them ([`crate::scan::Prepared`]).
#[derive(Debug, Default)]
pub struct SharedFormulas {
    ids: HashMap<usize, usize>,
    count: usize,
    /// Taint rules whose parts are all the same (a rule copied under
    /// another id), by the address of their [`Taint`], each with the id of
    /// their shared analysis.
    taint_ids: HashMap<usize, usize>,
    taint_count: usize,
}

impl SharedFormulas {
    /// `slots` maps each pattern to its shared match slot.
    pub fn new(ruleset: &RuleSet, slots: &[usize]) -> Self {
        let mut occurrences: HashMap<String, Vec<usize>> = HashMap::new();
        for formula in ruleset.rules.iter().flat_map(|rule| rule.formulas()) {
            key(formula, slots, &mut occurrences);
        }
        let (ids, count) = shared_ids(occurrences);
        let mut taint_rules: HashMap<String, Vec<usize>> = HashMap::new();
        for rule in &ruleset.rules {
            let Some(taint) = &rule.taint else { continue };
            let taint: &Taint = taint;
            let address = std::ptr::from_ref(taint) as usize;
            taint_rules
                .entry(taint_key(taint, slots))
                .or_default()
                .push(address);
        }
        let (taint_ids, taint_count) = shared_ids(taint_rules);
        SharedFormulas {
            ids,
            count,
            taint_ids,
            taint_count,
        }
    }

    /// The shared id of this taint rule's analysis, if another taint rule
    /// has the same parts.
    pub fn taint_id(&self, taint: &Taint) -> Option<usize> {
        self.taint_ids
            .get(&(std::ptr::from_ref(taint) as usize))
            .copied()
    }

    /// How many distinct shared taint analyses there are.
    pub fn taint_count(&self) -> usize {
        self.taint_count
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

/// An id for each text that occurs at more than one address, by address,
/// and how many ids there are. Ids are in a fixed order, whatever the hash
/// map's.
fn shared_ids(occurrences: HashMap<String, Vec<usize>>) -> (HashMap<usize, usize>, usize) {
    let mut repeated: Vec<Vec<usize>> = occurrences
        .into_values()
        .filter(|addresses| addresses.len() > 1)
        .collect();
    repeated.sort();
    let mut ids = HashMap::new();
    for (id, addresses) in repeated.iter().enumerate() {
        for &address in addresses {
            ids.insert(address, id);
        }
    }
    (ids, repeated.len())
}

/// The canonical text of a taint rule's parts: two rules with the same
/// text find the same tainted sinks with the same traces.
fn taint_key(taint: &Taint, slots: &[usize]) -> String {
    // Formula keys are recorded as occurrences by `new` already.
    let mut ignored = HashMap::new();
    let mut part = |formula: &Formula| key(formula, slots, &mut ignored);
    let mut text = String::new();
    for source in &taint.sources {
        let formula = part(&source.formula);
        let _ = write!(
            text,
            "source {formula} {:?} {} {:?};",
            source.label, source.exact, source.requires
        );
    }
    for sink in &taint.sinks {
        let formula = part(&sink.formula);
        let _ = write!(text, "sink {formula} {} {:?};", sink.exact, sink.requires);
    }
    for sanitizer in &taint.sanitizers {
        let formula = part(&sanitizer.formula);
        let _ = write!(
            text,
            "sanitizer {formula} {} {};",
            sanitizer.by_side_effect, sanitizer.exact
        );
    }
    for propagator in &taint.propagators {
        let formula = part(&propagator.formula);
        let _ = write!(
            text,
            "propagator {formula} {} {};",
            propagator.from, propagator.to
        );
    }
    let _ = write!(text, "{:?}", taint.options);
    text
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

#[cfg(test)]
mod tests {
    use tripline_rule::{load_str, RuleSet};

    use super::*;

    /// Slots as the dispatch gives them: patterns written alike share one.
    fn slots_by_text(ruleset: &RuleSet) -> Vec<usize> {
        ruleset
            .patterns
            .iter()
            .map(|p| {
                let first = ruleset
                    .patterns
                    .iter()
                    .position(|q| q.source() == p.source());
                first.expect("the pattern itself")
            })
            .collect()
    }

    /// Taint rules with the same parts (a rule copied under another id)
    /// share their analysis; another sanitizer makes another analysis.
    #[test]
    fn taint_rules_with_the_same_parts_share_their_analysis() {
        let rule = |id: &str, sanitizer: &str| {
            format!(
                "  - id: {id}\n    mode: taint\n    message: m\n    severity: LOW\n    languages: [python]\n    pattern-sources:\n      - pattern: input()\n    pattern-sinks:\n      - pattern: eval(...)\n    pattern-sanitizers:\n      - pattern: {sanitizer}(...)\n"
            )
        };
        let text = format!(
            "rules:\n{}{}{}",
            rule("a", "int"),
            rule("b", "int"),
            rule("c", "float")
        );
        let mut ruleset = RuleSet::default();
        assert!(load_str("rules.yaml", &text, &mut ruleset).is_empty());
        let shared = SharedFormulas::new(&ruleset, &slots_by_text(&ruleset));
        let taint = |i: usize| ruleset.rules[i].taint.as_ref().expect("a taint rule");
        assert!(shared.taint_id(taint(0)).is_some());
        assert_eq!(shared.taint_id(taint(0)), shared.taint_id(taint(1)));
        assert_eq!(shared.taint_id(taint(2)), None);
        assert_eq!(shared.taint_count(), 1);
    }

    /// Rules written alike share their formulas (and the parts they have in
    /// common); a different condition makes a different formula.
    #[test]
    fn formulas_written_alike_are_shared() {
        let rule = |id: &str, regex: &str| {
            format!(
                "  - id: {id}\n    message: m\n    severity: LOW\n    languages: [python]\n    patterns:\n      - pattern-either:\n          - pattern: eval($X)\n          - pattern: exec($X)\n      - metavariable-regex:\n          metavariable: $X\n          regex: {regex}\n"
            )
        };
        let text = format!(
            "rules:\n{}{}{}",
            rule("a", "^x$"),
            rule("b", "^x$"),
            rule("c", "^y$")
        );
        let mut ruleset = RuleSet::default();
        assert!(load_str("rules.yaml", &text, &mut ruleset).is_empty());
        let by_text = slots_by_text(&ruleset);
        let shared = SharedFormulas::new(&ruleset, &by_text);
        let [a, b, c] = &ruleset.rules[..] else {
            panic!("three rules");
        };
        let either = |shared: &SharedFormulas, formula: &Formula| match formula {
            Formula::All(conjunction) => shared.id(&conjunction.positives[0].formula),
            _ => panic!("a conjunction"),
        };
        assert!(shared.id(&a.formula).is_some());
        assert_eq!(shared.id(&a.formula), shared.id(&b.formula));
        assert_eq!(shared.id(&c.formula), None);
        assert!(either(&shared, &c.formula).is_some());
        assert_eq!(either(&shared, &a.formula), either(&shared, &c.formula));
        // Patterns that do not share a slot make different formulas.
        let apart: Vec<usize> = (0..ruleset.patterns.len()).collect();
        let unshared = SharedFormulas::new(&ruleset, &apart);
        assert_eq!(unshared.id(&a.formula), None);
        assert_eq!(unshared.count(), 0);
    }
}
