//! Loading the parts of a `mode: taint` rule: `pattern-sources`,
//! `pattern-sinks`, `pattern-sanitizers`, `pattern-propagators` and the
//! taint `options`, with the same diagnostics as the rest of the loader.

use super::{entry, key_name, Loader, TOP_FORMULA_KEYS};
use crate::model::Formula;
use crate::taint::{
    LabelExpression, Propagator, Sanitizer, Sink, Source, Taint, TaintOptions, DEFAULT_LABEL,
};
use crate::yaml::{Value, Yaml};

/// The options each kind of item takes besides its formula key.
const SOURCE_OPTIONS: &[&str] = &["label", "requires", "exact"];
const SINK_OPTIONS: &[&str] = &["requires", "exact"];
const SANITIZER_OPTIONS: &[&str] = &["by-side-effect", "exact", "not-conflicting"];
const PROPAGATOR_OPTIONS: &[&str] = &["from", "to", "by-side-effect"];

/// Semgrep item options tripline does not implement: refused, since
/// ignoring them would change what the rule finds.
const UNSUPPORTED_OPTIONS: &[&str] = &["control", "at-exit", "replace-labels"];

/// Semgrep's taint options that change the analysis and that tripline
/// follows; other options are accepted and have no effect.
const TAINT_OPTIONS: &[&str] = &[
    "taint_assume_safe_functions",
    "taint_assume_safe_indexes",
    "taint_assume_safe_numbers",
    "taint_assume_safe_booleans",
    "taint_assume_safe_comparisons",
];

const ITEM_HELP: &str = "each item is a mapping with one of `pattern`, `patterns`, `pattern-either`, `pattern-regex`, and its options; see docs/taint.md";

/// One list of taint items, parsed: the formula of each and its entries.
type Items<'y> = Vec<(Formula, &'y Yaml)>;

impl Loader<'_> {
    /// The taint parts of `rule`; `None` if any is wrong (reported).
    /// `top_formulas` are the rule's `pattern`-like keys, which a taint
    /// rule must not have.
    pub(super) fn taint(&mut self, rule: &Yaml, top_formulas: &[&(Yaml, Yaml)]) -> Option<Taint> {
        let mut ok = true;
        for (key, _) in top_formulas {
            let name = key_name(key).unwrap_or_default().to_owned();
            self.error(
                "tripline::formula-in-taint-rule",
                format!("a taint rule has no top-level `{name}`"),
                key,
                "not used in taint mode",
                "put the pattern under `pattern-sources`, `pattern-sinks`, `pattern-sanitizers` or `pattern-propagators`",
            );
            ok = false;
        }
        let (sources, sources_ok) = self.items(rule, "pattern-sources", SOURCE_OPTIONS, true);
        let (sinks, sinks_ok) = self.items(rule, "pattern-sinks", SINK_OPTIONS, true);
        let (sanitizers, sanitizers_ok) =
            self.items(rule, "pattern-sanitizers", SANITIZER_OPTIONS, false);
        let (propagators, propagators_ok) =
            self.items(rule, "pattern-propagators", PROPAGATOR_OPTIONS, false);
        ok &= sources_ok && sinks_ok && sanitizers_ok && propagators_ok;
        let options = match entry(rule, "options") {
            Some(options) => self.taint_options(options),
            None => Some(TaintOptions::default()),
        };
        let mut taint = Taint {
            options: options.unwrap_or_default(),
            ..Taint::default()
        };
        ok &= options.is_some();
        for (formula, item) in sources {
            let label = match entry(item, "label") {
                Some(label) => self.label(label),
                None => Some(DEFAULT_LABEL.to_owned()),
            };
            let requires = self.requires(item);
            let exact = self.flag(item, "exact");
            match (label, requires, exact) {
                (Some(label), Some(requires), Some(exact)) => taint.sources.push(Source {
                    formula,
                    exact,
                    label,
                    requires,
                }),
                _ => ok = false,
            }
        }
        for (formula, item) in sinks {
            match (self.requires(item), self.flag(item, "exact")) {
                (Some(requires), Some(exact)) => taint.sinks.push(Sink {
                    formula,
                    exact,
                    requires,
                }),
                _ => ok = false,
            }
        }
        for (formula, item) in sanitizers {
            let by_side_effect = self.flag(item, "by-side-effect");
            let exact = self.flag(item, "exact");
            // `not-conflicting` only matters to Semgrep's conflict
            // resolution, which tripline does not have; checked, then unused.
            let not_conflicting = self.flag(item, "not-conflicting");
            match (by_side_effect, exact, not_conflicting) {
                (Some(by_side_effect), Some(exact), Some(_)) => taint.sanitizers.push(Sanitizer {
                    formula,
                    by_side_effect,
                    exact,
                }),
                _ => ok = false,
            }
        }
        for (formula, item) in propagators {
            // Propagation is always by side effect in tripline, as it is by
            // default in Semgrep; the option is checked, then unused.
            let by_side_effect = self.flag(item, "by-side-effect");
            match (
                self.propagator_end(item, "from"),
                self.propagator_end(item, "to"),
            ) {
                (Some(from), Some(to)) if by_side_effect.is_some() => {
                    taint.propagators.push(Propagator { formula, from, to })
                }
                _ => ok = false,
            }
        }
        ok.then_some(taint)
    }

    /// The items under `key` whose formula is valid, each with it, and
    /// whether all were. `required`: the list must be there and not empty.
    fn items<'y>(
        &mut self,
        rule: &'y Yaml,
        key: &str,
        options: &[&str],
        required: bool,
    ) -> (Items<'y>, bool) {
        let Some(list) = entry(rule, key) else {
            if required {
                self.missing(
                    rule,
                    key,
                    &format!("a taint rule needs `{key}`: a list of patterns, e.g. `- pattern: request.args.get(...)`"),
                );
            }
            return (Vec::new(), !required);
        };
        let Some(items) = self.list(list, &format!("`{key}`")) else {
            return (Vec::new(), false);
        };
        if required && items.is_empty() {
            self.error(
                "tripline::missing-key",
                format!("`{key}` is empty"),
                list,
                "no items",
                "list at least one pattern",
            );
            return (Vec::new(), false);
        }
        let mut allowed: Vec<&str> = TOP_FORMULA_KEYS.to_vec();
        allowed.extend(options);
        let mut parsed = Vec::new();
        let mut ok = true;
        for item in items {
            let Some(entries) = self.mapping(item, &format!("an item of `{key}`")) else {
                ok = false;
                continue;
            };
            for (name, _) in entries {
                if let Some(unsupported) =
                    key_name(name).filter(|n| UNSUPPORTED_OPTIONS.contains(n))
                {
                    let unsupported = unsupported.to_owned();
                    self.error(
                        "tripline::unsupported",
                        format!("`{unsupported}` is not supported in tripline's taint mode"),
                        name,
                        "unsupported option",
                        "remove it; docs/taint.md lists the options tripline follows",
                    );
                    ok = false;
                } else if key_name(name) == Some("by-side-effect")
                    && !options.contains(&"by-side-effect")
                {
                    self.error(
                        "tripline::unsupported",
                        format!("`by-side-effect` is not supported on `{key}`"),
                        name,
                        "unsupported here",
                        "only sanitizers and propagators take `by-side-effect`",
                    );
                    ok = false;
                }
            }
            // The options refused above are known keys, not typos.
            let mut known = allowed.clone();
            known.extend(UNSUPPORTED_OPTIONS);
            known.push("by-side-effect");
            if !self.check_keys(entries, &known, &format!("an item of `{key}`")) {
                ok = false;
                continue;
            }
            let formulas: Vec<&(Yaml, Yaml)> = entries
                .iter()
                .filter(|(k, _)| key_name(k).is_some_and(|k| TOP_FORMULA_KEYS.contains(&k)))
                .collect();
            match formulas.as_slice() {
                [(name, value)] => match self.formula(key_name(name).unwrap_or_default(), value) {
                    Some(formula) => parsed.push((formula, item)),
                    None => ok = false,
                },
                [] => {
                    self.error(
                        "tripline::missing-key",
                        format!("this item of `{key}` has no pattern"),
                        item,
                        "no `pattern`, `patterns`, `pattern-either` or `pattern-regex`",
                        ITEM_HELP,
                    );
                    ok = false;
                }
                [_, (second, _), ..] => {
                    self.error(
                        "tripline::several-formulas",
                        format!("an item of `{key}` has exactly one pattern key"),
                        second,
                        "a second one",
                        "combine them under `patterns:` (all must match) or `pattern-either:` (any may match), or make two items",
                    );
                    ok = false;
                }
            }
        }
        (parsed, ok)
    }

    /// A boolean option of an item (absent: false).
    fn flag(&mut self, item: &Yaml, key: &str) -> Option<bool> {
        match entry(item, key).map(|v| (v, &v.value)) {
            None => Some(false),
            Some((_, Value::Bool(on))) => Some(*on),
            Some((node, _)) => {
                self.error(
                    "tripline::wrong-type",
                    format!("`{key}` must be true or false"),
                    node,
                    "not a boolean",
                    format!("write `{key}: true`"),
                );
                None
            }
        }
    }

    /// A label: a word (letters, digits, `_`).
    fn label(&mut self, node: &Yaml) -> Option<String> {
        let text = self.string(node, "`label`")?;
        if !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Some(text.to_owned());
        }
        let text = text.to_owned();
        self.error(
            "tripline::invalid-label",
            format!("`{text}` is not a label"),
            node,
            "not a word",
            "a label is a word such as `USER_INPUT`, made of letters, digits and `_`",
        );
        None
    }

    /// `requires:` of an item: `Some(None)` when absent.
    fn requires(&mut self, item: &Yaml) -> Option<Option<LabelExpression>> {
        let Some(node) = entry(item, "requires") else {
            return Some(None);
        };
        let text = self.string(node, "`requires`")?;
        match LabelExpression::parse(text) {
            Ok(expression) => Some(Some(expression)),
            Err((message, offset)) => {
                self.error_in_value(
                    node,
                    offset,
                    "tripline::invalid-requires",
                    message,
                    "`requires` is a boolean of labels: `A`, `A and not B`, `(A or B) and C`",
                );
                None
            }
        }
    }

    /// The `from` or `to` metavariable of a propagator, which its formula
    /// must bind.
    fn propagator_end(&mut self, item: &Yaml, key: &str) -> Option<String> {
        let Some(node) = entry(item, key) else {
            self.error(
                "tripline::missing-key",
                format!("a propagator needs `{key}`"),
                item,
                format!("no `{key}`"),
                "write `from: $FROM` and `to: $TO`, naming metavariables the pattern binds",
            );
            return None;
        };
        self.metavariable_name(node)
    }

    /// The taint options of `options:` (other keys are left to
    /// [`Loader::options`]).
    fn taint_options(&mut self, node: &Yaml) -> Option<TaintOptions> {
        let mut options = TaintOptions::default();
        let Value::Map(entries) = &node.value else {
            // Reported by `Loader::options`.
            return Some(options);
        };
        let mut ok = true;
        for (key, value) in entries {
            let Some(name) = key_name(key).filter(|k| TAINT_OPTIONS.contains(k)) else {
                continue;
            };
            let target = match name {
                "taint_assume_safe_functions" => &mut options.assume_safe_functions,
                "taint_assume_safe_indexes" => &mut options.assume_safe_indexes,
                "taint_assume_safe_numbers" => &mut options.assume_safe_numbers,
                _ => &mut options.assume_safe_booleans,
            };
            match value.value {
                Value::Bool(on) => *target = on,
                _ => {
                    self.error(
                        "tripline::wrong-type",
                        format!("`{name}` must be true or false"),
                        value,
                        "not a boolean",
                        "write `true` or `false`",
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(options)
    }
}
