//! Formula evaluation: combining the matches of a rule's patterns with
//! Semgrep's semantics for `patterns`, `pattern-either`, `pattern-inside`,
//! `pattern-not*`, `metavariable-regex` and `focus-metavariable`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use regex::Regex;
use tripline_pattern::operand_chain;
use tripline_pattern::{is_constant_expression, python, Bound, Env, FileIndex, Match, Node};
use tripline_rule::condition::{Binding, ConditionError, Expression, Kind, Value};
use tripline_rule::{Condition, Conjunction, Formula, NegationKind, Positive};

use crate::matches::{Around, LazyMatches};
use crate::ranges::{contains, RangeIndex, Related};

/// What evaluation needs to know about one file.
pub struct FileContext<'a, 't> {
    pub source: &'a [u8],
    pub text: &'a str,
    /// What the file's names refer to (for constants in conditions).
    pub names: &'a FileIndex<'t>,
    /// The file's tree.
    pub root: Node<'t>,
    /// The matches of the rule set's patterns, computed when first asked
    /// for: in the whole file, or, for a `metavariable-pattern`, inside
    /// what the metavariable bound.
    pub matches: &'a LazyMatches<'a, 't>,
}

/// A candidate finding: a range and its bindings.
pub type Candidate<'t> = Match<'t>;

/// Every match of `formula` in the file, deduplicated by range and sorted.
pub fn evaluate<'t>(formula: &Formula, file: &FileContext<'_, 't>) -> Vec<Candidate<'t>> {
    let mut candidates = formula_matches(formula, file);
    candidates.sort_by_key(|c| (c.range.start, c.range.end));
    candidates.dedup_by_key(|c| c.range.clone());
    candidates
}

/// Every match of `formula`, before deduplication.
pub fn formula_matches<'t>(formula: &Formula, file: &FileContext<'_, 't>) -> Vec<Candidate<'t>> {
    file.matches.formula(formula, || match formula {
        Formula::Pattern(index) => file.matches.get(*index).to_vec(),
        Formula::Regex(regex) if file.matches.regex_may_match(regex) => {
            regex_matches(regex, file.text)
        }
        Formula::Regex(_) => Vec::new(),
        Formula::Either(alternatives) => alternatives
            .iter()
            .flat_map(|f| formula_matches(f, file))
            .collect(),
        Formula::All(conjunction) => conjunction_matches(conjunction, file, None),
    })
}

/// The matches of `formula` found at the nodes of `around` (and maybe
/// others): with the nodes around the candidates, every match that can
/// contain one, as `pattern-inside` and the negations need; with those
/// inside them too ([`LazyMatches::near`]), every match a plain positive
/// keeps. Trying only these nodes is far less work than the whole file
/// when there are few candidates; the result keeps the order of
/// [`formula_matches`], so what is kept of it is the same.
fn formula_matches_around<'t>(
    formula: &Formula,
    file: &FileContext<'_, 't>,
    around: &Around<'t>,
) -> Vec<Candidate<'t>> {
    if let Some(known) = file.matches.formula_if_known(formula) {
        return known;
    }
    match formula {
        Formula::Pattern(index) => file.matches.get_around(*index, around).into_owned(),
        Formula::Regex(_) => formula_matches(formula, file),
        Formula::Either(alternatives) => alternatives
            .iter()
            .flat_map(|f| formula_matches_around(f, file, around))
            .collect(),
        // Every match of a `patterns:` lies within a match of its first
        // positive, so that one can be looked for around the candidates too;
        // unless it is focused on a metavariable, which may lie elsewhere.
        Formula::All(conjunction) if conjunction.focus.is_empty() => {
            conjunction_matches(conjunction, file, Some(around))
        }
        Formula::All(_) => formula_matches(formula, file),
    }
}

/// Whether a formula is made only of patterns that are cheap to match (see
/// [`LazyMatches::is_cheap`]) and regexes the file lacks the text of, and
/// none of them matches.
fn cheaply_empty(formula: &Formula, file: &FileContext<'_, '_>) -> bool {
    is_cheap(formula, file)
        && match formula {
            Formula::Pattern(index) => file.matches.get(*index).is_empty(),
            Formula::Regex(_) => true,
            Formula::Either(alternatives) => alternatives.iter().all(|f| cheaply_empty(f, file)),
            Formula::All(_) => false,
        }
}

/// Whether a formula is a pattern that is cheap to match or a regex the
/// file lacks the text of, or a `pattern-either` of such.
fn is_cheap(formula: &Formula, file: &FileContext<'_, '_>) -> bool {
    let cheap = |f: &Formula| match f {
        Formula::Pattern(index) => file.matches.is_cheap(*index),
        Formula::Regex(regex) => !file.matches.regex_may_match(regex),
        _ => false,
    };
    match formula {
        Formula::Either(alternatives) => alternatives.iter().all(cheap),
        _ => cheap(formula),
    }
}

/// `pattern-regex`: each match of the regex in the whole file; named and
/// numbered groups bind metavariables (`(?P<HOST>...)` binds `$HOST`).
fn regex_matches<'t>(regex: &Regex, text: &str) -> Vec<Candidate<'t>> {
    let names: Vec<Option<Arc<str>>> = regex
        .capture_names()
        .enumerate()
        .map(|(i, name)| match (i, name) {
            (0, _) => None,
            (_, Some(name)) => Some(Arc::from(name)),
            (i, None) => Some(Arc::from(i.to_string())),
        })
        .collect();
    regex
        .captures_iter(text)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            let mut env = Env::default();
            for (i, name) in names.iter().enumerate() {
                if let (Some(name), Some(group)) = (name, captures.get(i)) {
                    env.bind(name, Bound::Text(group.range()), text.as_bytes());
                }
            }
            Some(Match {
                range: whole.range(),
                env,
            })
        })
        .collect()
}

/// The matches of a `patterns:`; with `around`, only those whose first
/// positive matched at one of its nodes (and maybe others).
fn conjunction_matches<'t>(
    conjunction: &Conjunction,
    file: &FileContext<'_, 't>,
    around: Option<&Around<'t>>,
) -> Vec<Candidate<'t>> {
    // Any positive without a match empties the conjunction: before the
    // first one (maybe costly) is matched, look at those that are cheap to
    // match (see `LazyMatches::is_cheap`).
    if conjunction
        .positives
        .iter()
        .any(|p| cheaply_empty(&p.formula, file))
    {
        return Vec::new();
    }
    let mut positives = ordered_positives(conjunction);
    let Some(first) = positives.next() else {
        return Vec::new();
    };
    let mut current = match around {
        Some(around) => formula_matches_around(&first.formula, file, around),
        None => first_matches(first, conjunction, file),
    };
    // What contains the candidates is found around them; what they contain
    // (a plain positive may lie inside a candidate) needs the whole scope.
    let around_current =
        |current: &[Candidate<'t>]| file.matches.around(current.iter().map(|c| c.range.clone()));
    for positive in positives {
        if current.is_empty() {
            return current;
        }
        let others = if positive.inside {
            formula_matches_around(&positive.formula, file, &around_current(&current))
        } else {
            let ranges = current.iter().map(|c| c.range.clone());
            match file.matches.near(ranges) {
                Some(near) => formula_matches_around(&positive.formula, file, &near),
                None => formula_matches(&positive.formula, file),
            }
        };
        current = intersect(&current, &others, positive.inside, file.source);
    }
    for negative in &conjunction.negatives {
        if current.is_empty() {
            break;
        }
        let removing = match negative.kind {
            NegationKind::Not | NegationKind::NotInside => {
                formula_matches_around(&negative.formula, file, &around_current(&current))
            }
            NegationKind::NotRegex => formula_matches(&negative.formula, file),
        };
        current = negate(current, &removing, negative.kind, file.source).0;
    }
    for condition in &conjunction.conditions {
        current = filter(current, condition, file).0;
    }
    focus(current, &conjunction.focus)
}

/// The matches of a conjunction's first positive that can meet the other
/// positives: only those near the [`restricting_ranges`], when there are
/// some. The first positive still binds first, so the result is the same.
fn first_matches<'t>(
    first: &Positive,
    conjunction: &Conjunction,
    file: &FileContext<'_, 't>,
) -> Vec<Candidate<'t>> {
    let near = restricting_ranges(first, conjunction, file)
        .and_then(|ranges| file.matches.near(ranges.into_iter()));
    match near {
        Some(near) => formula_matches_around(&first.formula, file, &near),
        None => formula_matches(&first.formula, file),
    }
}

/// Ranges that every match of the conjunction lies inside or around, when
/// the first positive is costly to match and they are cheaper to find:
/// - a later plain positive that is cheap (`eval(...)`, found by name),
///   when the first is tried at every call (`$FN($X)`);
/// - a `pattern-inside`, when the first is a bare `$X` (every node); of
///   its matches, those a `metavariable-regex` rejects are left out (the
///   regex would reject every candidate inside them).
fn restricting_ranges(
    first: &Positive,
    conjunction: &Conjunction,
    file: &FileContext<'_, '_>,
) -> Option<Vec<Range<usize>>> {
    if first.inside || is_cheap(&first.formula, file) {
        return None;
    }
    let ranges = |matches: Vec<Candidate<'_>>| matches.into_iter().map(|m| m.range).collect();
    if let Some(cheap) = conjunction
        .positives
        .iter()
        .find(|p| !p.inside && is_cheap(&p.formula, file))
    {
        return Some(ranges(formula_matches(&cheap.formula, file)));
    }
    if !matches!(first.formula, Formula::Pattern(i) if file.matches.is_bare_metavariable(i)) {
        return None;
    }
    let inside = conjunction.positives.iter().find(|p| p.inside)?;
    let mut matches = formula_matches(&inside.formula, file);
    matches.retain(|m| regexes_accept(&conjunction.conditions, m, file));
    Some(ranges(matches))
}

/// Whether the `metavariable-regex` conditions accept what a match binds
/// (metavariables it leaves unbound are not judged).
fn regexes_accept(
    conditions: &[Condition],
    candidate: &Candidate<'_>,
    file: &FileContext<'_, '_>,
) -> bool {
    conditions.iter().all(|condition| match condition {
        Condition::Regex {
            metavariable,
            regex,
            ..
        } => candidate
            .env
            .get(metavariable)
            .is_none_or(|bound| regex_accepts(regex, bound, file.text, file.names)),
        Condition::Comparison { .. } | Condition::Pattern { .. } => true,
    })
}

/// The positives in evaluation order: plain ones decide the ranges;
/// `pattern-inside` only constrains them, unless there is nothing else.
pub fn ordered_positives(conjunction: &Conjunction) -> impl Iterator<Item = &Positive> {
    let (plain, inside): (Vec<_>, Vec<_>) = conjunction.positives.iter().partition(|p| !p.inside);
    plain.into_iter().chain(inside)
}

/// Candidates that lie inside (or, unless `inside`, contain) a match of the
/// next positive, with both environments merged; the smaller range is kept.
pub fn intersect<'t>(
    current: &[Candidate<'t>],
    others: &[Candidate<'t>],
    inside: bool,
    source: &[u8],
) -> Vec<Candidate<'t>> {
    let related = if inside {
        Related::Containing
    } else {
        Related::ContainingOrInside
    };
    let index = RangeIndex::new(others.iter().map(|o| &o.range).collect(), current.len());
    let mut next = Vec::new();
    for candidate in current {
        for other in index
            .related(&candidate.range, related)
            .into_iter()
            .map(|i| &others[i])
        {
            let kept = if contains(&other.range, &candidate.range) {
                &candidate.range
            } else if !inside && contains(&candidate.range, &other.range) {
                &other.range
            } else {
                continue;
            };
            if let Some(env) = candidate.env.merge(&other.env, source) {
                next.push(Match {
                    range: kept.clone(),
                    env,
                });
            }
        }
    }
    next
}

/// Splits candidates into those a negation keeps and those it removes:
/// `pattern-not` removes the same range, `pattern-not-inside` and
/// `pattern-not-regex` a range inside a match; metavariables must agree.
pub fn negate<'t>(
    current: Vec<Candidate<'t>>,
    removing: &[Candidate<'t>],
    kind: NegationKind,
    source: &[u8],
) -> (Vec<Candidate<'t>>, Vec<Candidate<'t>>) {
    let related = match kind {
        NegationKind::Not | NegationKind::NotInside => Related::Containing,
        NegationKind::NotRegex => Related::ContainingOrInside,
    };
    let index = RangeIndex::new(removing.iter().map(|n| &n.range).collect(), current.len());
    current.into_iter().partition(|candidate| {
        !index
            .related(&candidate.range, related)
            .into_iter()
            .map(|i| &removing[i])
            .any(|n| {
                let hit = match kind {
                    NegationKind::Not => n.range == candidate.range,
                    NegationKind::NotInside => contains(&n.range, &candidate.range),
                    // As in Semgrep: either range inside the other (an excluded
                    // word inside the match, or the match inside excluded text).
                    NegationKind::NotRegex => {
                        contains(&n.range, &candidate.range) || contains(&candidate.range, &n.range)
                    }
                };
                hit && candidate.env.compatible(&n.env, source)
            })
    })
}

/// Splits candidates into those that meet a condition and those that do
/// not. A `metavariable-pattern` adds the bindings of its nested match.
pub fn filter<'t>(
    current: Vec<Candidate<'t>>,
    condition: &Condition,
    file: &FileContext<'_, 't>,
) -> (Vec<Candidate<'t>>, Vec<Candidate<'t>>) {
    let source = file.source;
    match condition {
        Condition::Regex {
            metavariable,
            regex,
            ..
        } => current.into_iter().partition(|candidate| {
            candidate
                .env
                .get(metavariable)
                .is_some_and(|bound| regex_accepts(regex, bound, file.text, file.names))
        }),
        Condition::Comparison {
            expression,
            metavariable,
            strip,
        } => current.into_iter().partition(|candidate| {
            let lookup = |name: &str| {
                let bound = candidate.env.get(name)?;
                let strip = *strip && metavariable.as_deref() == Some(name);
                Some(condition_binding(bound, file, strip))
            };
            expression.holds(&lookup)
        }),
        Condition::Pattern {
            metavariable,
            formula,
        } => {
            let mut kept = Vec::new();
            let mut removed = Vec::new();
            // The nested formula is matched only inside the bound code,
            // once for all the candidates that bound the same code (all
            // those inside one `if $COND:`).
            let mut nested_in: HashMap<Vec<usize>, Vec<Match<'t>>> = HashMap::new();
            for candidate in current {
                let Some(bound) = candidate.env.get(metavariable) else {
                    removed.push(candidate);
                    continue;
                };
                let range = bound.range();
                let scopes = scopes_of(bound, file.root);
                let key = scopes.iter().map(Node::id).collect();
                let inner = nested_in
                    .entry(key)
                    .or_insert_with(|| within(&scopes, file, formula));
                let before = kept.len();
                for nested in inner.iter().filter(|n| contains(&range, &n.range)) {
                    if let Some(env) = candidate.env.merge(&nested.env, source) {
                        kept.push(Match {
                            range: candidate.range.clone(),
                            env,
                        });
                    }
                }
                if kept.len() == before {
                    removed.push(candidate);
                }
            }
            (kept, removed)
        }
    }
}

/// Whether a `metavariable-regex` accepts what its metavariable bound: the
/// code as written, or what a name stands for. An alias is also tested as
/// what it stands for, as in Semgrep: `pk` after `import pickle as pk` is
/// `pickle`; `six_urlopen` after `from six.moves.urllib.request import
/// urlopen as six_urlopen` is also `urlopen` and the full name.
pub fn regex_accepts<'t>(
    regex: &Regex,
    bound: &Bound<'t>,
    text: &str,
    names: &FileIndex<'t>,
) -> bool {
    let written = text.get(bound.range()).unwrap_or_default();
    regex.is_match(written)
        || matches!(bound, Bound::Node(node) if names
        .qualified_name(*node, text.as_bytes())
        .is_some_and(|qualified| {
            regex.is_match(&qualified)
                // Only a bare alias is also its imported name:
                // `re.compile` is not `compile`.
                || (node.kind_id() == python::KINDS.identifier
                    && qualified.rsplit('.').next().is_some_and(|name| regex.is_match(name)))
        }))
}

/// The matches of `formula` inside the nodes `scopes` ([`scopes_of`]).
fn within<'t>(
    scopes: &[Node<'t>],
    file: &FileContext<'_, 't>,
    formula: &Formula,
) -> Vec<Match<'t>> {
    let mut all = Vec::new();
    for &node in scopes {
        let matches = file.matches.within(node);
        let inside = FileContext {
            matches: &matches,
            ..*file
        };
        all.extend(formula_matches(formula, &inside));
    }
    all
}

/// The nodes a `metavariable-pattern` looks inside for what a metavariable
/// bound.
fn scopes_of<'t>(bound: &Bound<'t>, root: Node<'t>) -> Vec<Node<'t>> {
    match bound {
        Bound::Node(node) => vec![*node],
        Bound::Nodes { nodes, .. } => nodes.clone(),
        // Text bound by a regex group: look in the whole file.
        Bound::Text(_) => vec![root],
    }
}

/// A bound metavariable as the condition language sees it: literals (and
/// names with a constant value) are numbers or strings; other code is its
/// text. With `strip`, a string literal is read without its quotes, as a
/// number when it is one.
fn condition_binding(bound: &Bound<'_>, file: &FileContext<'_, '_>, strip: bool) -> Binding {
    let source = file.source;
    let text = bound.text(source).into_owned();
    let Bound::Node(node) = bound else {
        let value = number_or_text(&text);
        return Binding {
            text,
            value,
            kinds: Vec::new(),
        };
    };
    let node = python::unwrap_parens(*node);
    let mut kinds = Vec::new();
    let constant = match node.kind() {
        "identifier" => {
            kinds.push(Kind::Identifier);
            file.names
                .value(node, source)
                .filter(|v| is_constant_expression(*v, source, file.names))
        }
        "call" => {
            kinds.push(Kind::Call);
            None
        }
        _ => is_constant_expression(node, source, file.names).then_some(node),
    };
    let value = match constant {
        Some(literal) => {
            kinds.push(Kind::Constant);
            if literal == node && is_literal(node, source) {
                kinds.push(Kind::Literal);
            }
            literal_value(literal, source, strip, &mut kinds)
        }
        None => Value::Str(text.clone()),
    };
    Binding { text, value, kinds }
}

/// The value of a constant expression.
fn literal_value(node: Node<'_>, source: &[u8], strip: bool, kinds: &mut Vec<Kind>) -> Value {
    match node.kind() {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "none" => Value::None,
        _ if python::is_numeric_constant(node, source, 0) => {
            kinds.push(Kind::Number);
            // Python's arithmetic is the condition language's: `0o700 | 0o077`.
            let text = python::text(node, source);
            Expression::parse(&text)
                .and_then(|e| {
                    e.evaluate(&|_| None)
                        .map_err(|message| ConditionError { message, offset: 0 })
                })
                .unwrap_or_else(|_| Value::Str(text.into_owned()))
        }
        _ => {
            let literal = python::string_literal(node, source);
            // A bytes literal is constant, but not a string.
            if !literal.as_ref().is_some_and(|l| l.bytes) {
                kinds.push(Kind::String);
            }
            let value = literal
                .and_then(|s| s.constant_value())
                .or_else(|| folded_string(node, source))
                .unwrap_or_else(|| python::text(node, source).into_owned());
            if strip {
                number_or_text(&value)
            } else {
                Value::Str(value)
            }
        }
    }
}

/// A literal as written: a string (not an f-string with fields), a number,
/// a negative number, `True`, `False` or `None` — not `"a" + "b"`.
fn is_literal(node: Node<'_>, source: &[u8]) -> bool {
    match node.kind() {
        "integer" | "float" | "true" | "false" | "none" => true,
        "unary_operator" => node
            .child_by_field_name("argument")
            .is_some_and(|a| matches!(a.kind(), "integer" | "float")),
        "string" | "concatenated_string" => {
            python::string_literal(node, source).is_some_and(|s| s.constant_value().is_some())
        }
        _ => false,
    }
}

/// The value of `"a" + "b"`.
fn folded_string(node: Node<'_>, source: &[u8]) -> Option<String> {
    let mut value = String::new();
    for operand in operand_chain(node, Some("+"), source) {
        value.push_str(&python::string_literal(operand, source)?.constant_value()?);
    }
    Some(value)
}

fn number_or_text(text: &str) -> Value {
    Expression::parse(text.trim())
        .ok()
        .and_then(|e| e.evaluate(&|_| None).ok())
        .filter(|v| matches!(v, Value::Int(_) | Value::Float(_)))
        .unwrap_or_else(|| Value::Str(text.to_owned()))
}

/// `focus-metavariable`: each candidate's range becomes what the names of
/// the first item bound (one candidate per name), narrowed by each further
/// item to where its ranges overlap.
pub fn focus<'t>(current: Vec<Candidate<'t>>, items: &[Vec<String>]) -> Vec<Candidate<'t>> {
    let Some((first, rest)) = items.split_first() else {
        return current;
    };
    let mut focused = Vec::new();
    for candidate in current {
        let ranges_of = |names: &[String]| -> Vec<Range<usize>> {
            names
                .iter()
                .filter_map(|n| candidate.env.get(n).map(Bound::range))
                .collect()
        };
        let mut ranges = ranges_of(first);
        for item in rest {
            let others = ranges_of(item);
            ranges = ranges
                .iter()
                .flat_map(|r| {
                    others
                        .iter()
                        .filter(|o| o.start < r.end && r.start < o.end || *o == r)
                        .map(|o| r.start.max(o.start)..r.end.min(o.end))
                        .collect::<Vec<_>>()
                })
                .collect();
        }
        focused.extend(ranges.into_iter().map(|range| Match {
            range,
            env: candidate.env.clone(),
        }));
    }
    focused
}

#[cfg(test)]
mod tests {
    use tripline_pattern::SyntaxTree;
    use tripline_rule::{load_str, RuleSet};

    use super::*;
    use crate::scan::{with_file, Prepared};

    /// The lines each rule of `rules` (a rule file) reports in `code`.
    fn reported_lines(rules: &str, code: &str) -> Vec<Vec<usize>> {
        let mut ruleset = RuleSet::default();
        let diagnostics = load_str("rules.yaml", rules, &mut ruleset);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let prepared = Prepared::new(&ruleset);
        let tree = SyntaxTree::parse(code).expect("parses");
        let present = prepared.words_in(code, None);
        with_file(&prepared, &tree, code, &present, None, |file| {
            ruleset
                .rules
                .iter()
                .map(|rule| {
                    evaluate(&rule.formula, file)
                        .iter()
                        .map(|c| code[..c.range.start].matches('\n').count() + 1)
                        .collect()
                })
                .collect()
        })
    }

    fn rule(id: &str, body: &str) -> String {
        format!("  - id: {id}\n    message: m\n    severity: LOW\n    languages: [python]\n{body}")
    }

    /// `pattern-inside` and the negations are only looked for around the
    /// candidates; these are the places where what contains a candidate is
    /// not simply one of its ancestors' ranges.
    #[test]
    fn negations_and_insides_found_around_candidates() {
        let code = "\
y = (eval(a))
y = (eval(b))
def f():
    q = input()
    log(q)
    eval(q)
eval(q)
with open(p) as h:
    if c:
        eval(c)
";
        // More code after: the candidates are a small part of the file.
        let code = format!("{code}{}", "z = [1, 2, 3]\n".repeat(40));
        let code = code.as_str();
        let rules = [
            // The negated match spans the parentheses of its node.
            rule(
                "parens",
                "    patterns:\n      - pattern: eval($X)\n      - pattern-not: eval(a)\n",
            ),
            // A statement sequence is matched at the enclosing block.
            rule(
                "sequence",
                "    patterns:\n      - pattern: eval($Q)\n      - pattern-inside: |\n          $Q = input()\n          ...\n",
            ),
            // A nested `patterns:` as the negation, itself with an inside.
            rule(
                "nested",
                "    patterns:\n      - pattern: eval($X)\n      - pattern-not-inside:\n          patterns:\n            - pattern: |\n                if $C:\n                  ...\n            - pattern-inside: |\n                with open($P) as $H:\n                  ...\n",
            ),
            // A focused nested `patterns:` lies where its metavariable is,
            // not within its first positive.
            rule(
                "focused",
                "    patterns:\n      - pattern: f\n      - pattern-inside:\n          patterns:\n            - pattern: eval($V)\n            - pattern-inside: |\n                def $F():\n                  ...\n            - focus-metavariable: $F\n",
            ),
            // A plain positive may lie inside the candidate (the smaller
            // range is kept) or contain it.
            rule(
                "plain",
                "    patterns:\n      - pattern: |\n          def f():\n            ...\n      - pattern: $E(q)\n",
            ),
            rule(
                "plain-around",
                "    patterns:\n      - pattern: c\n      - pattern: eval($Y)\n",
            ),
        ]
        .concat();
        let lines = reported_lines(&format!("rules:\n{rules}"), code);
        assert_eq!(lines[0], [2, 6, 7, 10]);
        assert_eq!(lines[1], [6]);
        assert_eq!(lines[2], [1, 2, 6, 7]);
        assert_eq!(lines[3], [3]);
        assert_eq!(lines[4], [5, 6]);
        assert_eq!(lines[5], [10]);
    }

    /// A `metavariable-regex` is applied to a positive pattern's matches as
    /// they are found; it must accept what the condition accepts, aliases
    /// included, and nothing a negation needs is dropped.
    #[test]
    fn regex_conditions_filter_matches_early_with_the_same_semantics() {
        let many_keys: String = (0..70).map(|i| format!("\"k{i}\": 1, ")).collect();
        let code = format!(
            "\
import pickle as pk
pk.loads(a)
json.loads(b)
loads(c)
pk.loads(safe)
...
x = f\"SELECT {{a}}\" + (F'select 1')
y = \"f'select'\"
d = {{{many_keys}\"secret\": 2}}
"
        );
        let code = code.as_str();
        let rules = [
            rule(
                "alias",
                "    patterns:\n      - pattern: $F(...)\n      - pattern-not: $F(safe)\n      - metavariable-regex:\n          metavariable: $F\n          regex: ^pickle\\.loads$\n",
            ),
            rule(
                "bare",
                "    patterns:\n      - pattern: $BODY\n      - metavariable-regex:\n          metavariable: $BODY\n          regex: ^\\.\\.\\.$\n",
            ),
            // A bare metavariable whose regex fixes how the text starts is
            // only tried where that text is, with the same matches as at
            // every node: both f-strings and the sum that starts with one,
            // not the text inside the third string (no expression).
            rule(
                "starts",
                "    patterns:\n      - pattern: $S\n      - metavariable-regex:\n          metavariable: $S\n          regex: (?i)f[\"'].*select\n",
            ),
            // Bindings the regex rejects do not count towards the ways one
            // node may match: the 71st key is found.
            rule(
                "many",
                "    patterns:\n      - pattern: '{..., $K: $V, ...}'\n      - metavariable-regex:\n          metavariable: $K\n          regex: '\"secret\"'\n      - focus-metavariable: $K\n",
            ),
        ]
        .concat();
        let lines = reported_lines(&format!("rules:\n{rules}"), code);
        assert_eq!(lines[0], [2]);
        assert_eq!(lines[1], [6]);
        assert_eq!(lines[2], [7, 7, 7]);
        assert_eq!(lines[3], [9]);
    }

    /// A positive that is cheap to match and matches nothing empties its
    /// `patterns:` before a costly positive is matched at all.
    #[test]
    fn costly_positives_skipped_when_a_cheap_one_is_empty() {
        let rules = rule(
            "r",
            "    patterns:\n      - pattern-either:\n          - pattern-inside: |\n              $Q = $A + $B\n              ...\n      - pattern: yaml.load($Q)\n",
        );
        let mut ruleset = RuleSet::default();
        assert!(load_str("rules.yaml", &format!("rules:\n{rules}"), &mut ruleset).is_empty());
        let prepared = Prepared::new(&ruleset);
        let code = "import yaml\nq = a + b\nyaml.dump(q)\n";
        let tree = SyntaxTree::parse(code).expect("parses");
        let present = prepared.words_in(code, None);
        with_file(&prepared, &tree, code, &present, None, |file| {
            assert!(evaluate(&ruleset.rules[0].formula, file).is_empty());
            let [inside, call] = [0, 1];
            assert_eq!(ruleset.patterns[call].source(), "yaml.load($Q)");
            assert!(file.matches.is_matched(call));
            assert!(!file.matches.is_matched(inside));
        });
    }

    /// A costly first positive is matched only near the matches of a
    /// cheap later one, with the bindings it would have had anyway.
    #[test]
    fn costly_first_positive_matched_near_a_cheap_one() {
        let rules = rule(
            "r",
            "    patterns:\n      - pattern: $FN($X)\n      - pattern: eval($X)\n",
        );
        let mut ruleset = RuleSet::default();
        assert!(load_str("rules.yaml", &format!("rules:\n{rules}"), &mut ruleset).is_empty());
        let prepared = Prepared::new(&ruleset);
        // More code after: the candidates are a small part of the file.
        let code = format!(
            "print(a)\nlen(b)\nx = eval(c)\neval(eval(d))\n{}",
            "f(g)\n".repeat(40)
        );
        let code = code.as_str();
        let tree = SyntaxTree::parse(code).expect("parses");
        let present = prepared.words_in(code, None);
        with_file(&prepared, &tree, code, &present, None, |file| {
            let found: Vec<(&str, String)> = evaluate(&ruleset.rules[0].formula, file)
                .iter()
                .map(|m| {
                    let x = m.env.get("X").expect("bound").text(code.as_bytes());
                    (&code[m.range.clone()], x.into_owned())
                })
                .collect();
            assert_eq!(
                found,
                [
                    ("eval(c)", "c".to_owned()),
                    ("eval(eval(d))", "eval(d)".to_owned()),
                    ("eval(d)", "d".to_owned())
                ]
            );
            let [costly, cheap] = [0, 1];
            assert_eq!(ruleset.patterns[costly].source(), "$FN($X)");
            assert!(file.matches.is_matched(cheap));
            assert!(!file.matches.is_matched(costly));
        });
    }
}
