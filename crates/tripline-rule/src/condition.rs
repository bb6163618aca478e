//! The condition language (`grammar/condition.pest`): Semgrep's
//! `metavariable-comparison` expressions, and tripline's `where:` extension.
//!
//! Values follow Python: integers (arbitrary base literals), floats,
//! strings, booleans, None and lists; `//` floors; `/` between integers
//! divides as integers, as Semgrep does.
//! A condition that cannot be evaluated (division by zero, comparing a
//! string with a number, an unbound metavariable) does not hold.

use std::cmp::Ordering;

use pest::iterators::Pair;
use pest::Parser;
use pest_derive::Parser;
use regex::Regex;
use tripline_pattern::compile_regex;

#[derive(Parser)]
#[grammar = "../../grammar/condition.pest"]
struct ConditionParser;

/// A parsed condition.
#[derive(Debug, Clone)]
pub struct Expression {
    root: Expr,
    /// The condition as written, for explanations.
    pub text: String,
}

#[derive(Debug, Clone)]
enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Compare(Box<Expr>, Vec<(CompareOp, Expr)>),
    Matches(Box<Expr>, Regex),
    Is {
        value: Box<Expr>,
        negated: bool,
        kind: Kind,
    },
    Arithmetic(Box<Expr>, ArithmeticOp, Box<Expr>),
    Negate(Box<Expr>),
    Call(Function, Vec<Expr>),
    Metavariable(String),
    List(Vec<Expr>),
    Constant(Value),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArithmeticOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    BitOr,
    BitXor,
    BitAnd,
    ShiftLeft,
    ShiftRight,
}

#[derive(Debug, Clone)]
enum Function {
    Int,
    Float,
    Str,
    Len,
    Bool,
    /// `re.match`, `re.search`, `re.fullmatch`: the regex is compiled once
    /// when it is a literal.
    Regex(RegexCall, Option<Regex>),
}

#[derive(Debug, Clone, Copy)]
enum RegexCall {
    Match,
    Search,
    FullMatch,
}

/// What `$X is ...` tests about the bound code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Literal,
    String,
    Number,
    Identifier,
    Call,
    Constant,
}

/// A value in a condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i128),
    Float(f64),
    Str(String),
    Bool(bool),
    None,
    List(Vec<Value>),
}

/// What the engine knows about a bound metavariable.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The code as written.
    pub text: String,
    /// Its value: a number or string for literals (and constants), else the
    /// code text as a string.
    pub value: Value,
    /// The kinds it is (`$X is literal`...).
    pub kinds: Vec<Kind>,
}

/// A condition that does not parse: message and byte offset in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    pub message: String,
    pub offset: usize,
}

impl Expression {
    pub fn parse(text: &str) -> Result<Expression, ConditionError> {
        if let Some(offset) = too_deep(text) {
            return Err(ConditionError {
                message: format!(
                    "this condition nests too deeply (more than {MAX_NESTING} levels of \
                     brackets, `not`, signs and `**`); split it into several conditions"
                ),
                offset,
            });
        }
        let mut pairs = ConditionParser::parse(Rule::condition, text).map_err(|err| {
            let offset = match err.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            ConditionError {
                message: format!("invalid condition: {}", expected(&err.variant)),
                offset,
            }
        })?;
        let condition = pairs.next().expect("pest yields the `condition` rule");
        let expression = condition
            .into_inner()
            .next()
            .expect("a condition holds an expression");
        Ok(Expression {
            root: build(expression)?,
            text: text.to_owned(),
        })
    }

    /// The metavariables the condition mentions (without `$`).
    pub fn metavariables(&self) -> Vec<String> {
        let mut names = Vec::new();
        self.root.metavariables(&mut names);
        names.sort();
        names.dedup();
        names
    }

    /// Whether the condition holds with these bindings.
    pub fn holds(&self, lookup: &dyn Fn(&str) -> Option<Binding>) -> bool {
        self.root
            .evaluate(lookup)
            .map(|v| v.truthy())
            .unwrap_or(false)
    }

    /// The condition's value, or why it has none.
    pub fn evaluate(&self, lookup: &dyn Fn(&str) -> Option<Binding>) -> Result<Value, String> {
        self.root.evaluate(lookup)
    }
}

/// How deeply a condition may nest: brackets, runs of prefix operators
/// (`not`, signs) and chains of `**` each recurse in the parser. pest
/// stops at about 140 brackets itself, but [`build`] recursed more than a
/// dozen times per bracket: 16 nested parentheses overflowed the 2 MiB
/// stack of a worker thread in a debug build (80 on the 8 MiB main thread).
const MAX_NESTING: usize = 32;

/// The offset where `text` nests deeper than [`MAX_NESTING`], if it does:
/// the open brackets, plus the `**` in a row in the innermost one, plus
/// the prefix operators in a row just before. Strings and `/regex/`s are
/// skipped.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // The `**` count of each bracket still open, and of the current level.
    let mut opened: Vec<usize> = Vec::new();
    let mut powers = 0;
    let mut prefixes = 0;
    // The last byte outside strings that is not a space: a sign after an
    // operator (or first) is unary.
    let mut previous = b'(';
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let mut prefix = false;
        match byte {
            b'"' | b'\'' => {
                at += 1;
                while at < bytes.len() && bytes[at] != byte {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes[..at].trim_ascii_end().ends_with(b"matches") => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'/' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' => {
                opened.push(powers);
                powers = 0;
            }
            b')' | b']' => powers = opened.pop().unwrap_or(0),
            b'*' if bytes.get(at + 1) == Some(&b'*') => {
                powers += 1;
                at += 1;
            }
            b'-' | b'+' if !(word(previous) || b")]\"'".contains(&previous)) => prefix = true,
            _ if keyword(text, at, "not") => {
                prefix = true;
                at += 2;
            }
            // Any other operator ends a chain of `**`.
            b'+' | b'-' | b'*' | b'/' | b'%' | b'|' | b'&' | b'^' | b'<' | b'>' | b'=' | b'!'
            | b',' => powers = 0,
            _ if keyword(text, at, "and") || keyword(text, at, "or") => powers = 0,
            _ => {}
        }
        if prefix {
            prefixes += 1;
        } else if !byte.is_ascii_whitespace() {
            prefixes = 0;
        }
        if opened.len() + powers + prefixes > MAX_NESTING {
            return Some(at.min(text.len()));
        }
        if let Some(&last) = bytes.get(at) {
            if !last.is_ascii_whitespace() {
                previous = last;
            }
        }
        at += 1;
    }
    None
}

/// Whether the word `keyword` is at byte `at` of `text`.
fn keyword(text: &str, at: usize, keyword: &str) -> bool {
    let bytes = text.as_bytes();
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    bytes[at..].starts_with(keyword.as_bytes())
        && !bytes.get(at + keyword.len()).is_some_and(word)
        && !(at > 0 && word(&bytes[at - 1]))
}

fn expected(variant: &pest::error::ErrorVariant<Rule>) -> String {
    match variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } if !positives.is_empty() => {
            let mut names: Vec<&str> = positives.iter().map(|rule| describe(*rule)).collect();
            names.dedup();
            format!("expected {}", names.join(" or "))
        }
        pest::error::ErrorVariant::CustomError { message } => message.clone(),
        _ => "unexpected text".to_owned(),
    }
}

/// A grammar rule in the words of someone writing a condition.
fn describe(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "the end of the condition",
        Rule::comparison_op | Rule::not_in | Rule::in_ => {
            "a comparison (==, !=, <, <=, >, >=, in, not in)"
        }
        Rule::or | Rule::and => "`and` or `or`",
        Rule::regex => "a /regex/",
        Rule::kind => "literal, string, number, identifier, call or constant",
        Rule::sum_op
        | Rule::product_op
        | Rule::shift_op
        | Rule::bit_or_op
        | Rule::bit_xor_op
        | Rule::bit_and_op => "an operator",
        _ => "a value (a number, a string, `$X`, a function call or a parenthesised expression)",
    }
}

fn build(mut pair: Pair<'_, Rule>) -> Result<Expr, ConditionError> {
    // Most levels of the grammar only wrap the level below (`1` is an
    // expression, a disjunction, a conjunction... of one operand): skip
    // them here rather than recursing through each (the recursion, a dozen
    // calls per bracket, is what limits how deeply conditions can nest).
    while matches!(
        pair.as_rule(),
        Rule::expression
            | Rule::disjunction
            | Rule::conjunction
            | Rule::negation
            | Rule::test
            | Rule::bit_or
            | Rule::bit_xor
            | Rule::bit_and
            | Rule::shift
            | Rule::sum
            | Rule::product
            | Rule::unary
            | Rule::power
    ) {
        let mut children = pair.clone().into_inner();
        match (children.next(), children.next()) {
            (Some(only), None) => pair = only,
            _ => break,
        }
    }
    let rule = pair.as_rule();
    let offset = pair.as_span().start();
    let mut inner: Vec<Pair<'_, Rule>> = pair.clone().into_inner().collect();
    Ok(match rule {
        Rule::expression => build(inner.remove(0))?,
        Rule::disjunction | Rule::conjunction => {
            let operands: Vec<Expr> = inner
                .into_iter()
                .filter(|p| !matches!(p.as_rule(), Rule::or | Rule::and))
                .map(build)
                .collect::<Result<_, _>>()?;
            match (operands.len(), rule) {
                (1, _) => operands.into_iter().next().expect("one operand"),
                (_, Rule::disjunction) => Expr::Or(operands),
                _ => Expr::And(operands),
            }
        }
        Rule::negation => match inner.as_slice() {
            [not, rest] if not.as_rule() == Rule::not => Expr::Not(Box::new(build(rest.clone())?)),
            _ => build(inner.remove(0))?,
        },
        Rule::test => {
            let first = build(inner.remove(0))?;
            match inner.first().map(Pair::as_rule) {
                None => first,
                Some(Rule::matches) => {
                    let regex = inner[1].as_str();
                    Expr::Matches(
                        Box::new(first),
                        slash_regex(regex, inner[1].as_span().start())?,
                    )
                }
                Some(Rule::is) => {
                    let negated = inner.len() == 3;
                    let kind = match inner.last().map(Pair::as_str) {
                        Some("literal") => Kind::Literal,
                        Some("string") => Kind::String,
                        Some("number") => Kind::Number,
                        Some("identifier") => Kind::Identifier,
                        Some("call") => Kind::Call,
                        _ => Kind::Constant,
                    };
                    Expr::Is {
                        value: Box::new(first),
                        negated,
                        kind,
                    }
                }
                Some(_) => {
                    let mut comparisons = Vec::new();
                    let mut rest = inner.into_iter();
                    while let (Some(op), Some(operand)) = (rest.next(), rest.next()) {
                        let op = match op
                            .as_str()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .as_str()
                        {
                            "==" => CompareOp::Eq,
                            "!=" => CompareOp::Ne,
                            "<" => CompareOp::Lt,
                            "<=" => CompareOp::Le,
                            ">" => CompareOp::Gt,
                            ">=" => CompareOp::Ge,
                            "in" => CompareOp::In,
                            _ => CompareOp::NotIn,
                        };
                        comparisons.push((op, build(operand)?));
                    }
                    Expr::Compare(Box::new(first), comparisons)
                }
            }
        }
        Rule::bit_or | Rule::bit_xor | Rule::bit_and | Rule::shift | Rule::sum | Rule::product => {
            let mut items = inner.into_iter();
            let mut left = build(items.next().expect("an operand"))?;
            while let (Some(op), Some(right)) = (items.next(), items.next()) {
                let op = match op.as_str() {
                    "+" => ArithmeticOp::Add,
                    "-" => ArithmeticOp::Sub,
                    "*" => ArithmeticOp::Mul,
                    "/" => ArithmeticOp::Div,
                    "//" => ArithmeticOp::FloorDiv,
                    "%" => ArithmeticOp::Mod,
                    "|" => ArithmeticOp::BitOr,
                    "^" => ArithmeticOp::BitXor,
                    "&" => ArithmeticOp::BitAnd,
                    "<<" => ArithmeticOp::ShiftLeft,
                    _ => ArithmeticOp::ShiftRight,
                };
                left = Expr::Arithmetic(Box::new(left), op, Box::new(build(right)?));
            }
            left
        }
        Rule::unary => match inner.as_slice() {
            [op, operand] if op.as_rule() == Rule::unary_op => {
                let operand = build(operand.clone())?;
                if op.as_str() == "-" {
                    Expr::Negate(Box::new(operand))
                } else {
                    operand
                }
            }
            _ => build(inner.remove(0))?,
        },
        Rule::power => {
            let base = build(inner.remove(0))?;
            match inner.pop() {
                Some(exponent) => Expr::Arithmetic(
                    Box::new(base),
                    ArithmeticOp::Pow,
                    Box::new(build(exponent)?),
                ),
                None => base,
            }
        }
        Rule::call => {
            let name = inner.remove(0).as_str();
            let arguments: Vec<Expr> = inner.into_iter().map(build).collect::<Result<_, _>>()?;
            let function = match name {
                "int" => Function::Int,
                "float" => Function::Float,
                "str" => Function::Str,
                "len" => Function::Len,
                "bool" => Function::Bool,
                regex_call => {
                    let call = match regex_call {
                        "re.match" => RegexCall::Match,
                        "re.search" => RegexCall::Search,
                        _ => RegexCall::FullMatch,
                    };
                    let compiled = match arguments.first() {
                        Some(Expr::Constant(Value::Str(regex))) => {
                            Some(compile_regex(regex).map_err(|e| ConditionError {
                                message: e.message,
                                offset,
                            })?)
                        }
                        _ => None,
                    };
                    Function::Regex(call, compiled)
                }
            };
            let arity = if matches!(function, Function::Regex(..)) {
                2
            } else {
                1
            };
            if arguments.len() != arity {
                return Err(ConditionError {
                    message: format!(
                        "`{name}` takes {arity} argument{}",
                        if arity == 1 { "" } else { "s" }
                    ),
                    offset,
                });
            }
            Expr::Call(function, arguments)
        }
        Rule::list => Expr::List(inner.into_iter().map(build).collect::<Result<_, _>>()?),
        Rule::metavariable => Expr::Metavariable(pair.as_str()[1..].to_owned()),
        Rule::number => {
            Expr::Constant(parse_number(pair.as_str()).ok_or_else(|| ConditionError {
                message: format!("`{}` is not a number tripline can represent", pair.as_str()),
                offset,
            })?)
        }
        Rule::string => Expr::Constant(Value::Str(unquote(pair.as_str()))),
        Rule::boolean => Expr::Constant(Value::Bool(pair.as_str().eq_ignore_ascii_case("true"))),
        Rule::none => Expr::Constant(Value::None),
        other => unreachable!("the grammar does not produce {other:?} here"),
    })
}

/// `/re/flags` → a regex (flags: i, m, s, x).
fn slash_regex(literal: &str, offset: usize) -> Result<Regex, ConditionError> {
    let end = literal.rfind('/').unwrap_or(literal.len());
    let (body, flags) = (&literal[1..end], &literal[end + 1..]);
    if let Some(bad) = flags.chars().find(|c| !"imsx".contains(*c)) {
        return Err(ConditionError {
            message: format!("unknown regex flag `{bad}` (allowed: i, m, s, x)"),
            offset,
        });
    }
    let inline = if flags.is_empty() {
        String::new()
    } else {
        format!("(?{flags})")
    };
    compile_regex(&format!("{inline}{}", body.replace("\\/", "/"))).map_err(|e| ConditionError {
        message: e.message,
        offset: offset + 1 + escaped_offset(body, e.offset.saturating_sub(inline.len())),
    })
}

/// The offset in `body` (a `/regex/` between its slashes, with `\/` for
/// `/`) of the byte at `offset` in the regex it stands for.
fn escaped_offset(body: &str, offset: usize) -> usize {
    let (mut escaped, mut unescaped) = (0, 0);
    while unescaped < offset && escaped < body.len() {
        let (written, read) = if body[escaped..].starts_with("\\/") {
            (2, 1)
        } else {
            let len = body[escaped..].chars().next().map_or(1, char::len_utf8);
            (len, len)
        };
        escaped += written;
        unescaped += read;
    }
    escaped
}

/// A Python integer or float literal (`0o644`, `0x1F`, `1_000`, `2.5e3`).
pub fn parse_number(text: &str) -> Option<Value> {
    parse_number_in_base(text, None)
}

/// A number; with `base`, digits without a prefix are read in that base
/// (Semgrep's `base` option of `metavariable-comparison`).
pub fn parse_number_in_base(text: &str, base: Option<u32>) -> Option<Value> {
    let clean: String = text.trim().chars().filter(|c| *c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
        (rest, 16)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (rest, 8)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (rest, 2)
    } else if let Some(base) = base {
        (lower.as_str(), base)
    } else {
        (lower.as_str(), 10)
    };
    if let Ok(int) = i128::from_str_radix(digits, radix) {
        return Some(Value::Int(int));
    }
    if radix == 10 {
        return lower
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Value::Float);
    }
    None
}

fn unquote(literal: &str) -> String {
    let body = &literal[1..literal.len() - 1];
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl Value {
    /// Python's truth of the value (what `holds` makes of it).
    pub fn truthy(&self) -> bool {
        match self {
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bool(b) => *b,
            Value::None => false,
            Value::List(items) => !items.is_empty(),
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            _ => None,
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Str(_) => "a string",
            Value::Bool(_) => "a boolean",
            Value::None => "None",
            Value::List(_) => "a list",
        }
    }

    fn as_text(&self) -> String {
        match self {
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format!("{f:?}"),
            Value::Str(s) => s.clone(),
            Value::Bool(true) => "True".to_owned(),
            Value::Bool(false) => "False".to_owned(),
            Value::None => "None".to_owned(),
            Value::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(Value::as_text)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl Expr {
    fn metavariables(&self, out: &mut Vec<String>) {
        match self {
            Expr::Metavariable(name) => out.push(name.clone()),
            Expr::Or(items) | Expr::And(items) | Expr::List(items) | Expr::Call(_, items) => {
                items.iter().for_each(|e| e.metavariables(out));
            }
            Expr::Not(inner) | Expr::Negate(inner) | Expr::Matches(inner, _) => {
                inner.metavariables(out)
            }
            Expr::Is { value, .. } => value.metavariables(out),
            Expr::Compare(first, rest) => {
                first.metavariables(out);
                rest.iter().for_each(|(_, e)| e.metavariables(out));
            }
            Expr::Arithmetic(left, _, right) => {
                left.metavariables(out);
                right.metavariables(out);
            }
            Expr::Constant(_) => {}
        }
    }

    fn evaluate(&self, lookup: &dyn Fn(&str) -> Option<Binding>) -> Result<Value, String> {
        Ok(match self {
            Expr::Constant(value) => value.clone(),
            Expr::Metavariable(name) => {
                lookup(name)
                    .ok_or_else(|| format!("${name} is not bound"))?
                    .value
            }
            Expr::List(items) => Value::List(
                items
                    .iter()
                    .map(|e| e.evaluate(lookup))
                    .collect::<Result<_, _>>()?,
            ),
            Expr::Or(items) => {
                for item in items {
                    if item.evaluate(lookup)?.truthy() {
                        return Ok(Value::Bool(true));
                    }
                }
                Value::Bool(false)
            }
            Expr::And(items) => {
                for item in items {
                    if !item.evaluate(lookup)?.truthy() {
                        return Ok(Value::Bool(false));
                    }
                }
                Value::Bool(true)
            }
            Expr::Not(inner) => Value::Bool(!inner.evaluate(lookup)?.truthy()),
            Expr::Negate(inner) => match inner.evaluate(lookup)? {
                Value::Int(i) => Value::Int(i.checked_neg().ok_or("integer overflow")?),
                Value::Float(f) => Value::Float(-f),
                other => return Err(format!("cannot negate {}", other.describe())),
            },
            Expr::Matches(inner, regex) => {
                let text = match inner.as_ref() {
                    Expr::Metavariable(name) => {
                        lookup(name)
                            .ok_or_else(|| format!("${name} is not bound"))?
                            .text
                    }
                    other => other.evaluate(lookup)?.as_text(),
                };
                Value::Bool(regex.is_match(&text))
            }
            Expr::Is {
                value,
                negated,
                kind,
            } => {
                let Expr::Metavariable(name) = value.as_ref() else {
                    return Err("`is` tests a metavariable".to_owned());
                };
                let binding = lookup(name).ok_or_else(|| format!("${name} is not bound"))?;
                Value::Bool(binding.kinds.contains(kind) != *negated)
            }
            Expr::Compare(first, rest) => {
                let mut left = first.evaluate(lookup)?;
                for (op, operand) in rest {
                    let right = operand.evaluate(lookup)?;
                    if !compare(&left, *op, &right)? {
                        return Ok(Value::Bool(false));
                    }
                    left = right;
                }
                Value::Bool(true)
            }
            Expr::Arithmetic(left, op, right) => {
                arithmetic(left.evaluate(lookup)?, *op, right.evaluate(lookup)?)?
            }
            Expr::Call(function, arguments) => {
                let values: Vec<Value> = arguments
                    .iter()
                    .map(|a| a.evaluate(lookup))
                    .collect::<Result<_, _>>()?;
                call(function, &values)?
            }
        })
    }
}

fn compare(left: &Value, op: CompareOp, right: &Value) -> Result<bool, String> {
    let ordering = || -> Result<Ordering, String> {
        match (left, right) {
            (Value::Str(a), Value::Str(b)) => Ok(a.cmp(b)),
            (Value::Int(a), Value::Int(b)) => Ok(a.cmp(b)),
            _ => match (left.number(), right.number()) {
                (Some(a), Some(b)) => a
                    .partial_cmp(&b)
                    .ok_or_else(|| "cannot compare NaN".to_owned()),
                _ => Err(format!(
                    "cannot order {} and {}",
                    left.describe(),
                    right.describe()
                )),
            },
        }
    };
    let equal = || match (left.number(), right.number()) {
        (Some(a), Some(b)) if !matches!((left, right), (Value::Str(_), _) | (_, Value::Str(_))) => {
            a == b
        }
        _ => left == right,
    };
    Ok(match op {
        CompareOp::Eq => equal(),
        CompareOp::Ne => !equal(),
        CompareOp::Lt => ordering()? == Ordering::Less,
        CompareOp::Le => ordering()? != Ordering::Greater,
        CompareOp::Gt => ordering()? == Ordering::Greater,
        CompareOp::Ge => ordering()? != Ordering::Less,
        CompareOp::In | CompareOp::NotIn => {
            let found = match right {
                Value::List(items) => items
                    .iter()
                    .any(|item| compare(left, CompareOp::Eq, item).unwrap_or(false)),
                Value::Str(haystack) => match left {
                    Value::Str(needle) => haystack.contains(needle.as_str()),
                    other => {
                        return Err(format!(
                            "`in` a string needs a string, not {}",
                            other.describe()
                        ))
                    }
                },
                other => {
                    return Err(format!(
                        "`in` needs a list or a string, not {}",
                        other.describe()
                    ))
                }
            };
            found == (op == CompareOp::In)
        }
    })
}

fn arithmetic(left: Value, op: ArithmeticOp, right: Value) -> Result<Value, String> {
    use ArithmeticOp::*;
    if let (Value::Str(a), Add, Value::Str(b)) = (&left, op, &right) {
        return Ok(Value::Str(format!("{a}{b}")));
    }
    if let (Value::Int(a), Value::Int(b)) = (&left, &right) {
        let (a, b) = (*a, *b);
        let overflow = || "integer overflow".to_owned();
        return Ok(match op {
            Add => Value::Int(a.checked_add(b).ok_or_else(overflow)?),
            Sub => Value::Int(a.checked_sub(b).ok_or_else(overflow)?),
            Mul => Value::Int(a.checked_mul(b).ok_or_else(overflow)?),
            Div | FloorDiv | Mod if b == 0 => return Err("division by zero".to_owned()),
            // Between integers `/` divides as integers, as in Semgrep.
            Div => Value::Int(a.checked_div(b).ok_or_else(overflow)?),
            // Python floors, and its `%` takes the sign of the divisor.
            FloorDiv => {
                let quotient = a.checked_div_euclid(b).ok_or_else(overflow)?;
                Value::Int(quotient - i128::from(a.rem_euclid(b) != 0 && b < 0))
            }
            Mod => {
                // Only i128::MIN % -1 overflows, and it is 0.
                let remainder = a.checked_rem(b).unwrap_or(0);
                Value::Int(if remainder != 0 && (remainder < 0) != (b < 0) {
                    remainder + b
                } else {
                    remainder
                })
            }
            Pow => {
                let exponent = u32::try_from(b).map_err(|_| "exponent out of range".to_owned())?;
                Value::Int(a.checked_pow(exponent).ok_or_else(overflow)?)
            }
            BitOr => Value::Int(a | b),
            BitXor => Value::Int(a ^ b),
            BitAnd => Value::Int(a & b),
            ShiftLeft | ShiftRight => {
                let by = u32::try_from(b)
                    .ok()
                    .filter(|by| *by < 127)
                    .ok_or("shift out of range")?;
                Value::Int(if op == ShiftLeft {
                    a.checked_shl(by).ok_or_else(overflow)?
                } else {
                    a >> by
                })
            }
        });
    }
    let (Some(a), Some(b)) = (left.number(), right.number()) else {
        return Err(format!(
            "cannot compute with {} and {}",
            left.describe(),
            right.describe()
        ));
    };
    if matches!(op, Div | FloorDiv | Mod) && b == 0.0 {
        return Err("division by zero".to_owned());
    }
    if matches!(op, BitOr | BitXor | BitAnd | ShiftLeft | ShiftRight) {
        return Err("bitwise operators need integers".to_owned());
    }
    Ok(Value::Float(match op {
        Add => a + b,
        Sub => a - b,
        Mul => a * b,
        Div => a / b,
        FloorDiv => (a / b).floor(),
        Mod => a.rem_euclid(b),
        Pow => a.powf(b),
        BitOr | BitXor | BitAnd | ShiftLeft | ShiftRight => unreachable!("handled above"),
    }))
}

fn call(function: &Function, values: &[Value]) -> Result<Value, String> {
    let first = &values[0];
    Ok(match function {
        Function::Int => match first {
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) if f.is_finite() => Value::Int(f.trunc() as i128),
            Value::Bool(b) => Value::Int(i128::from(*b)),
            Value::Str(s) => match parse_number(s) {
                Some(Value::Int(i)) => Value::Int(i),
                _ => return Err(format!("int() cannot read {s:?}")),
            },
            other => return Err(format!("int() of {}", other.describe())),
        },
        Function::Float => Value::Float(match first {
            Value::Str(s) => s
                .trim()
                .parse::<f64>()
                .map_err(|_| format!("float() cannot read {s:?}"))?,
            other => other
                .number()
                .ok_or_else(|| format!("float() of {}", other.describe()))?,
        }),
        Function::Str => Value::Str(first.as_text()),
        Function::Len => match first {
            Value::Str(s) => Value::Int(s.chars().count() as i128),
            Value::List(items) => Value::Int(items.len() as i128),
            other => return Err(format!("len() of {}", other.describe())),
        },
        Function::Bool => Value::Bool(first.truthy()),
        Function::Regex(kind, compiled) => {
            let Value::Str(text) = &values[1] else {
                return Err("re functions search a string".to_owned());
            };
            let dynamic;
            let regex = match (compiled, first) {
                (Some(regex), _) => regex,
                (None, Value::Str(pattern)) => {
                    dynamic = compile_regex(pattern).map_err(|e| e.message)?;
                    &dynamic
                }
                _ => return Err("the regex must be a string".to_owned()),
            };
            let found = regex.find(text);
            Value::Bool(match kind {
                RegexCall::Search => found.is_some(),
                RegexCall::Match => found.is_some_and(|m| m.start() == 0),
                RegexCall::FullMatch => regex
                    .find_iter(text)
                    .any(|m| m.start() == 0 && m.end() == text.len()),
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<'a>(
        bindings: &'a [(&'a str, Value, &'a str)],
    ) -> impl Fn(&str) -> Option<Binding> + 'a {
        move |name| {
            bindings
                .iter()
                .find(|(n, _, _)| *n == name)
                .map(|(_, value, text)| Binding {
                    text: (*text).to_owned(),
                    value: value.clone(),
                    kinds: match value {
                        Value::Int(_) | Value::Float(_) => {
                            vec![Kind::Literal, Kind::Number, Kind::Constant]
                        }
                        Value::Str(_) if text.starts_with(['"', '\'']) => {
                            vec![Kind::Literal, Kind::String, Kind::Constant]
                        }
                        _ => vec![Kind::Identifier],
                    },
                })
        }
    }

    fn holds(condition: &str, bindings: &[(&str, Value, &str)]) -> bool {
        Expression::parse(condition)
            .unwrap_or_else(|e| panic!("{condition}: {e:?}"))
            .holds(&with(bindings))
    }

    #[test]
    fn comparisons_and_arithmetic() {
        let mode = [("MODE", Value::Int(0o777), "0o777")];
        assert!(holds("$MODE > 0o644", &mode));
        assert!(holds("($MODE & 1) == 1 and $MODE % 2 == 1", &mode));
        assert!(holds("0 < $MODE <= 511", &mode));
        assert!(!holds("$MODE < 0o644", &mode));
        assert!(holds("$MODE * 2 - 1 == 1021", &mode));
        assert!(holds(
            "2 ** 10 == 1024 and 7 // 2 == 3 and -7 % 3 == 2",
            &[]
        ));
        assert!(
            holds("7 / 2 == 3 and 7.0 / 2 == 3.5", &[]),
            "integers divide as integers, as in Semgrep"
        );
        assert!(holds(
            "(0o700 | 0o077) == 0o777 and (0o777 & 0o002) != 0",
            &[]
        ));
        assert!(holds("1 << 4 == 16 and 5 ^ 1 == 4 and 1 + 2 | 4 == 7", &[]));
    }

    #[test]
    fn logic_membership_and_functions() {
        let port = [("PORT", Value::Str("8080".to_owned()), "\"8080\"")];
        assert!(holds("int($PORT) > 1024", &port));
        assert!(holds("$PORT == \"8080\" or False", &port));
        assert!(holds("not $PORT in ['80', '443']", &port));
        assert!(holds("$PORT not in ['80', '443']", &port));
        assert!(holds(
            "re.match('80', $PORT) and not re.match('^0', $PORT)",
            &port
        ));
        assert!(holds("len(str($PORT)) == 4", &port));
        assert!(holds("'80' in $PORT", &port));
    }

    #[test]
    fn where_extension_tests() {
        let bound = [
            ("KEY", Value::Str("api_secret".to_owned()), "api_secret"),
            ("VALUE", Value::Str("abc".to_owned()), "'abc'"),
        ];
        assert!(holds(
            "$KEY matches /(?i)SECRET/ and $VALUE is literal",
            &bound
        ));
        assert!(holds("$KEY is not literal and $KEY is identifier", &bound));
        assert!(
            !holds("$VALUE matches /^abc$/", &bound),
            "matches sees the code, quotes included"
        );
    }

    #[test]
    fn errors_make_a_condition_false_not_a_panic() {
        assert!(!holds("1 / 0 == 1", &[]));
        assert!(!holds("1 // 0 == 1 or 1 % 0 == 1", &[]));
        assert!(!holds("$UNBOUND > 1", &[]));
        assert!(!holds("'a' < 1", &[]));
        assert!(!holds("10 ** 1000 > 1", &[]));
    }

    /// Found by the `condition` fuzz target: `2 % $X` with `$X` near
    /// i128::MAX overflowed (`(a % b) + b`), as did `i128::MIN / -1` and
    /// `// -1`; an overflow is now an error (the condition does not hold)
    /// and `%` no longer adds at all where it need not.
    #[test]
    fn integer_division_at_the_extremes() {
        let value = |condition: &str| {
            let lookup = |name: &str| {
                let value = match name {
                    "MAX" => i128::MAX,
                    "MIN" => i128::MIN,
                    _ => return None,
                };
                Some(Binding {
                    text: name.to_owned(),
                    value: Value::Int(value),
                    kinds: vec![],
                })
            };
            Expression::parse(condition).unwrap().evaluate(&lookup)
        };
        assert_eq!(value("2 % $MAX"), Ok(Value::Int(2)));
        assert_eq!(value("-2 % $MAX"), Ok(Value::Int(i128::MAX - 2)));
        assert_eq!(value("2 % $MIN"), Ok(Value::Int(i128::MIN + 2)));
        assert_eq!(value("$MIN % -1"), Ok(Value::Int(0)));
        assert!(value("$MIN / -1").is_err());
        assert!(value("$MIN // -1").is_err());
        // Python's signs.
        assert_eq!(value("7 % -2"), Ok(Value::Int(-1)));
        assert_eq!(value("-7 % 2"), Ok(Value::Int(1)));
        assert_eq!(value("7 // -2"), Ok(Value::Int(-4)));
        assert_eq!(value("-7 // 2"), Ok(Value::Int(-4)));
        assert_eq!(value("-7 / 2"), Ok(Value::Int(-3)));
    }

    #[test]
    fn parse_errors_have_a_place() {
        let err = Expression::parse("$X > ").unwrap_err();
        assert_eq!(err.offset, 5);
        let err = Expression::parse("$X matches /a(/").unwrap_err();
        assert!(err.message.contains("unclosed group"), "{}", err.message);
        assert_eq!(err.offset, 13);
        assert!(Expression::parse("int($X, 2)").is_err());
    }

    /// Found by the `condition` fuzz target: the error offset of a regex
    /// after a `\/` was counted in the unescaped regex, one byte short per
    /// `\/`, and could land inside a character (`tripline test` panicked
    /// turning it into a line and column).
    #[test]
    fn regex_errors_after_an_escaped_slash_point_at_the_problem() {
        let condition = "0 matches /\\/é[/";
        let err = Expression::parse(condition).unwrap_err();
        assert!(
            err.message.contains("unclosed character class"),
            "{}",
            err.message
        );
        assert_eq!(&condition[err.offset..], "[/");
        let condition = "$X matches /a\\/\\/(/i";
        let err = Expression::parse(condition).unwrap_err();
        assert_eq!(&condition[err.offset..], "(/i");
    }

    /// Found with the `condition` fuzz target's deep inputs: each bracket
    /// is a dozen nested calls in the parser, and 80 nested parentheses
    /// overflowed the stack of the thread compiling the rule file
    /// (`tripline validate` aborted). Deep nesting is now an error.
    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        for deep in [
            format!("{}$X{}", "(".repeat(5000), ")".repeat(5000)),
            format!("$X in {}1{}", "[".repeat(5000), "]".repeat(5000)),
            format!("{}$X", "not ".repeat(5000)),
            format!("{}$X", "-".repeat(5000)),
            format!("2{}", " ** 2".repeat(5000)),
        ] {
            let err = Expression::parse(&deep).unwrap_err();
            assert!(err.message.contains("nests too deeply"), "{}", err.message);
            assert!(deep.is_char_boundary(err.offset));
        }
        // Up to the limit, and flat conditions of any length, parse.
        let nested = format!("{}$X > 1{}", "(".repeat(32), ")".repeat(32));
        assert!(Expression::parse(&nested).is_ok());
        let flat = vec!["($X > 1)"; 500].join(" and ");
        assert!(Expression::parse(&flat).is_ok());
        let negatives = vec!["not $X - -1 ** 2"; 500].join(" or ");
        assert!(Expression::parse(&negatives).is_ok());
        // Text the grammar rejects is still scanned byte by byte.
        assert!(Expression::parse("é(not é**").is_err());
        // Brackets in strings and regexes are not nesting.
        let quoted = format!(
            "$X == '{}' or $X matches /{}/",
            "(".repeat(100),
            "[(]".repeat(100)
        );
        assert!(Expression::parse(&quoted).is_ok());
    }

    #[test]
    fn numbers_in_any_base() {
        assert_eq!(parse_number("0o644"), Some(Value::Int(420)));
        assert_eq!(parse_number("0x1F"), Some(Value::Int(31)));
        assert_eq!(parse_number("1_000"), Some(Value::Int(1000)));
        assert_eq!(parse_number("2.5e3"), Some(Value::Float(2500.0)));
        assert_eq!(parse_number_in_base("644", Some(8)), Some(Value::Int(420)));
    }
}
