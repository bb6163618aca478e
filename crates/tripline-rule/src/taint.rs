//! The model of a taint-mode rule (`mode: taint`): which code produces
//! untrusted data (sources), where it must not arrive (sinks), what makes it
//! safe (sanitizers) and what carries it along (propagators). Each part is
//! a [`Formula`], evaluated like a search rule's; the engine hands their
//! matches to the dataflow analysis (crate `tripline-taint`).

use std::collections::BTreeSet;
use std::fmt;

use tripline_pattern::Pattern;

use crate::literals::Requirement;
use crate::model::Formula;

/// The taint parts of a rule.
#[derive(Debug, Default)]
pub struct Taint {
    pub sources: Vec<Source>,
    pub sinks: Vec<Sink>,
    pub sanitizers: Vec<Sanitizer>,
    pub propagators: Vec<Propagator>,
    pub options: TaintOptions,
}

/// An item of `pattern-sources`.
#[derive(Debug)]
pub struct Source {
    pub formula: Formula,
    /// `exact: true`: only the matched expression is tainted, not the
    /// expressions inside it.
    pub exact: bool,
    /// `label:`; sources without one carry [`DEFAULT_LABEL`].
    pub label: String,
    /// `requires:`: the source only applies to code already tainted with
    /// these labels.
    pub requires: Option<LabelExpression>,
}

/// An item of `pattern-sinks`.
#[derive(Debug)]
pub struct Sink {
    pub formula: Formula,
    /// `exact: true`: only taint of the matched expression itself counts;
    /// otherwise, for a call, taint of any of its arguments.
    pub exact: bool,
    /// `requires:`: which labels must reach the sink (default: any).
    pub requires: Option<LabelExpression>,
}

/// An item of `pattern-sanitizers`.
#[derive(Debug)]
pub struct Sanitizer {
    pub formula: Formula,
    /// `by-side-effect: true`: the variable the sanitizer matched is clean
    /// after it (and, in an `if` test, on the branch the check protects).
    pub by_side_effect: bool,
    /// `exact: true`: only the matched expression is clean, not what it
    /// contains.
    pub exact: bool,
}

/// An item of `pattern-propagators`: where the match is, the taint of
/// what `from` bound flows into what `to` bound.
#[derive(Debug)]
pub struct Propagator {
    pub formula: Formula,
    /// Metavariable names, without `$`.
    pub from: String,
    pub to: String,
}

/// The rule's `options:` that change the analysis.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TaintOptions {
    /// `taint_assume_safe_functions`: a call of a function the file does
    /// not define returns clean data (except the string and container
    /// operations the analysis knows).
    pub assume_safe_functions: bool,
    /// `taint_assume_safe_indexes`: `x[i]` is not tainted by a tainted `i`.
    pub assume_safe_indexes: bool,
    /// `taint_assume_safe_numbers`: numbers (`int(x)`, `len(x)`) are clean.
    pub assume_safe_numbers: bool,
    /// `taint_assume_safe_booleans`: booleans (`x == y`, `x in y`) are clean.
    pub assume_safe_booleans: bool,
}

/// The label of a source that names none.
pub const DEFAULT_LABEL: &str = "__SOURCE__";

impl Taint {
    /// What a file must contain for the rule to find anything in it: the
    /// words of some source and of some sink.
    pub fn requirement(&self, patterns: &[Pattern]) -> Requirement {
        let any = |formulas: Vec<&Formula>| {
            Requirement::any(
                formulas
                    .into_iter()
                    .map(|f| Requirement::of(f, patterns))
                    .collect(),
            )
        };
        Requirement::all(vec![
            any(self.sources.iter().map(|s| &s.formula).collect()),
            any(self.sinks.iter().map(|s| &s.formula).collect()),
        ])
    }

    /// Every formula of the rule's parts.
    pub fn formulas(&self) -> impl Iterator<Item = &Formula> {
        let sources = self.sources.iter().map(|s| &s.formula);
        let sinks = self.sinks.iter().map(|s| &s.formula);
        let sanitizers = self.sanitizers.iter().map(|s| &s.formula);
        let propagators = self.propagators.iter().map(|p| &p.formula);
        sources.chain(sinks).chain(sanitizers).chain(propagators)
    }

    pub(crate) fn formulas_mut(&mut self) -> impl Iterator<Item = &mut Formula> {
        let sources = self.sources.iter_mut().map(|s| &mut s.formula);
        let sinks = self.sinks.iter_mut().map(|s| &mut s.formula);
        let sanitizers = self.sanitizers.iter_mut().map(|s| &mut s.formula);
        let propagators = self.propagators.iter_mut().map(|p| &mut p.formula);
        sources.chain(sinks).chain(sanitizers).chain(propagators)
    }
}

/// A boolean of labels, as `requires:` takes it: `A`, `A and not B`,
/// `(A or B) and C`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelExpression {
    Label(String),
    Not(Box<LabelExpression>),
    And(Box<LabelExpression>, Box<LabelExpression>),
    Or(Box<LabelExpression>, Box<LabelExpression>),
}

/// Labels nested deeper than this in a `requires:` are refused: the
/// parser recurses once per parenthesis or `not`.
const MAX_LABEL_NESTING: usize = 64;

impl LabelExpression {
    /// Whether the labels that reached some code satisfy the expression.
    pub fn holds(&self, labels: &BTreeSet<&str>) -> bool {
        match self {
            LabelExpression::Label(label) => labels.contains(label.as_str()),
            LabelExpression::Not(inner) => !inner.holds(labels),
            LabelExpression::And(a, b) => a.holds(labels) && b.holds(labels),
            LabelExpression::Or(a, b) => a.holds(labels) || b.holds(labels),
        }
    }

    /// Parses `requires:` text; the error is a message and the byte offset
    /// it is about.
    pub fn parse(text: &str) -> Result<LabelExpression, (String, usize)> {
        let tokens = tokens(text)?;
        let mut parser = LabelParser {
            tokens: &tokens,
            next: 0,
            end: text.len(),
        };
        let expression = parser.or(0)?;
        match parser.tokens.get(parser.next) {
            None => Ok(expression),
            Some((token, at)) => Err((format!("unexpected `{token}`"), *at)),
        }
    }
}

impl fmt::Display for LabelExpression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelExpression::Label(label) => f.write_str(label),
            LabelExpression::Not(inner) => write!(f, "not ({inner})"),
            LabelExpression::And(a, b) => write!(f, "({a}) and ({b})"),
            LabelExpression::Or(a, b) => write!(f, "({a}) or ({b})"),
        }
    }
}

/// Words and parentheses with their offsets.
fn tokens(text: &str) -> Result<Vec<(&str, usize)>, (String, usize)> {
    let mut tokens = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some((at, c)) = rest.next() {
        if c.is_whitespace() {
            continue;
        }
        if c == '(' || c == ')' {
            tokens.push((&text[at..at + 1], at));
            continue;
        }
        if !(c.is_alphanumeric() || c == '_') {
            return Err((format!("unexpected `{c}` in a label expression"), at));
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next, c)) = rest.peek() {
            if !(c.is_alphanumeric() || c == '_') {
                break;
            }
            end = next + c.len_utf8();
            rest.next();
        }
        tokens.push((&text[at..end], at));
    }
    Ok(tokens)
}

struct LabelParser<'a> {
    tokens: &'a [(&'a str, usize)],
    next: usize,
    end: usize,
}

impl<'a> LabelParser<'a> {
    fn peek(&self) -> Option<&'a str> {
        self.tokens.get(self.next).map(|(t, _)| *t)
    }

    fn here(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |(_, at)| *at)
    }

    fn or(&mut self, depth: usize) -> Result<LabelExpression, (String, usize)> {
        let mut left = self.and(depth)?;
        while self.peek() == Some("or") {
            self.next += 1;
            left = LabelExpression::Or(Box::new(left), Box::new(self.and(depth)?));
        }
        Ok(left)
    }

    fn and(&mut self, depth: usize) -> Result<LabelExpression, (String, usize)> {
        let mut left = self.not(depth)?;
        while self.peek() == Some("and") {
            self.next += 1;
            left = LabelExpression::And(Box::new(left), Box::new(self.not(depth)?));
        }
        Ok(left)
    }

    fn not(&mut self, depth: usize) -> Result<LabelExpression, (String, usize)> {
        if depth > MAX_LABEL_NESTING {
            return Err(("label expression nested too deeply".to_owned(), self.here()));
        }
        match self.peek() {
            Some("not") => {
                self.next += 1;
                Ok(LabelExpression::Not(Box::new(self.not(depth + 1)?)))
            }
            Some("(") => {
                self.next += 1;
                let inner = self.or(depth + 1)?;
                if self.peek() != Some(")") {
                    return Err(("`(` is not closed".to_owned(), self.here()));
                }
                self.next += 1;
                Ok(inner)
            }
            Some(word) if word != ")" && word != "and" && word != "or" => {
                self.next += 1;
                Ok(LabelExpression::Label(word.to_owned()))
            }
            Some(other) => Err((format!("expected a label, found `{other}`"), self.here())),
            None => Err(("expected a label".to_owned(), self.here())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_expressions_follow_python_precedence() {
        let expression = LabelExpression::parse("A and not B or C").unwrap();
        let holds = |labels: &[&str]| expression.holds(&labels.iter().copied().collect());
        assert!(holds(&["A"]));
        assert!(!holds(&["A", "B"]));
        assert!(holds(&["A", "B", "C"]));
        assert!(!holds(&[]));
        let grouped = LabelExpression::parse("A and (B or C)").unwrap();
        assert!(!grouped.holds(&["A"].into_iter().collect()));
        assert!(grouped.holds(&["A", "C"].into_iter().collect()));
    }

    #[test]
    fn a_bad_label_expression_says_where() {
        assert_eq!(LabelExpression::parse("A and").unwrap_err().1, 5);
        assert_eq!(LabelExpression::parse("(A or B").unwrap_err().1, 7);
        assert_eq!(LabelExpression::parse("A $ B").unwrap_err().1, 2);
        let deep = "(".repeat(1000) + "A" + &")".repeat(1000);
        assert!(LabelExpression::parse(&deep).is_err());
    }
}
