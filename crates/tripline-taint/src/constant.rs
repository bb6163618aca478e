//! Values of constant expressions, for conditions whose outcome is known
//! before the program runs (`if 7 > 5:`, `x if True else y`, `match 'a':`):
//! the analysis follows only the branch that can run.

use tripline_pattern::{python, Node};

/// Expressions nested deeper than this are not evaluated (unknown).
const MAX_DEPTH: usize = 32;

/// A constant's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    Number(f64),
    Text(String),
    Bool(bool),
    None,
}

impl Constant {
    pub fn truth(&self) -> bool {
        match self {
            Constant::Number(n) => *n != 0.0,
            Constant::Text(t) => !t.is_empty(),
            Constant::Bool(b) => *b,
            Constant::None => false,
        }
    }
}

/// Whether a condition is known to hold (`Some(true)`), known not to
/// (`Some(false)`), or depends on the run (`None`).
pub fn truth(node: Node<'_>, source: &[u8]) -> Option<bool> {
    value(node, source, 0).map(|v| v.truth())
}

/// The value of a constant expression, if it is one.
pub fn value(node: Node<'_>, source: &[u8], depth: usize) -> Option<Constant> {
    if depth > MAX_DEPTH {
        return None;
    }
    let text = || python::text(node, source);
    match node.kind() {
        "true" => Some(Constant::Bool(true)),
        "false" => Some(Constant::Bool(false)),
        "none" => Some(Constant::None),
        "integer" => parse_integer(&text()).map(Constant::Number),
        "float" => text().replace('_', "").parse().ok().map(Constant::Number),
        "string" | "concatenated_string" => python::string_literal(node, source)
            .and_then(|s| s.constant_value())
            .map(Constant::Text),
        "parenthesized_expression" => value(node.named_child(0)?, source, depth + 1),
        "not_operator" => {
            let inner = value(node.child_by_field_name("argument")?, source, depth + 1)?;
            Some(Constant::Bool(!inner.truth()))
        }
        "unary_operator" => {
            let inner = value(node.child_by_field_name("argument")?, source, depth + 1)?;
            let operator = node.child_by_field_name("operator")?;
            match (python::text(operator, source).as_ref(), inner) {
                ("-", Constant::Number(n)) => Some(Constant::Number(-n)),
                ("+", Constant::Number(n)) => Some(Constant::Number(n)),
                _ => None,
            }
        }
        "boolean_operator" => {
            let left = value(node.child_by_field_name("left")?, source, depth + 1)?;
            let right = || value(node.child_by_field_name("right")?, source, depth + 1);
            let operator = node.child_by_field_name("operator")?;
            match (python::text(operator, source).as_ref(), left.truth()) {
                ("and", false) | ("or", true) => Some(left),
                _ => right(),
            }
        }
        "comparison_operator" => comparison(node, source, depth),
        "binary_operator" => arithmetic(node, source, depth),
        // `len("abc")`
        "call" => {
            let function = node.child_by_field_name("function")?;
            let arguments: Vec<Node<'_>> = node
                .child_by_field_name("arguments")?
                .named_children()
                .collect();
            match (python::text(function, source).as_ref(), &arguments[..]) {
                ("len", [argument]) => match value(*argument, source, depth + 1)? {
                    Constant::Text(text) => Some(Constant::Number(text.chars().count() as f64)),
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

/// `+ - * / // % **` on numbers, `+` on strings.
fn arithmetic(node: Node<'_>, source: &[u8], depth: usize) -> Option<Constant> {
    let left = value(node.child_by_field_name("left")?, source, depth + 1)?;
    let right = value(node.child_by_field_name("right")?, source, depth + 1)?;
    let operator = node.child_by_field_name("operator")?;
    let result = match (python::text(operator, source).as_ref(), left, right) {
        ("+", Constant::Text(a), Constant::Text(b)) => return Some(Constant::Text(a + &b)),
        ("+", Constant::Number(a), Constant::Number(b)) => a + b,
        ("-", Constant::Number(a), Constant::Number(b)) => a - b,
        ("*", Constant::Number(a), Constant::Number(b)) => a * b,
        ("/", Constant::Number(a), Constant::Number(b)) if b != 0.0 => a / b,
        ("//", Constant::Number(a), Constant::Number(b)) if b != 0.0 => (a / b).floor(),
        ("%", Constant::Number(a), Constant::Number(b)) if b != 0.0 => a.rem_euclid(b),
        ("**", Constant::Number(a), Constant::Number(b)) => a.powf(b),
        _ => return None,
    };
    result.is_finite().then_some(Constant::Number(result))
}

/// `a < b`, `a == b`..., chained (`1 < 2 < 3`), on numbers or strings.
fn comparison(node: Node<'_>, source: &[u8], depth: usize) -> Option<Constant> {
    let operands: Vec<Node<'_>> = node.named_children().collect();
    let operators: Vec<String> = node
        .children()
        .filter(|c| !c.is_named())
        .map(|c| python::text(c, source).into_owned())
        .collect();
    if operands.len() != operators.len() + 1 {
        return None;
    }
    let values: Vec<Constant> = operands
        .iter()
        .map(|o| value(*o, source, depth + 1))
        .collect::<Option<_>>()?;
    let mut holds = true;
    for (i, operator) in operators.iter().enumerate() {
        let ordering = match (&values[i], &values[i + 1]) {
            (Constant::Number(a), Constant::Number(b)) => a.partial_cmp(b)?,
            (Constant::Text(a), Constant::Text(b)) => a.cmp(b),
            (a, b) if operator == "==" || operator == "!=" => {
                let equal = a == b;
                holds &= (operator == "==") == equal;
                continue;
            }
            _ => return None,
        };
        holds &= match operator.as_str() {
            "<" => ordering.is_lt(),
            ">" => ordering.is_gt(),
            "<=" => ordering.is_le(),
            ">=" => ordering.is_ge(),
            "==" => ordering.is_eq(),
            "!=" => ordering.is_ne(),
            _ => return None,
        };
    }
    Some(Constant::Bool(holds))
}

fn parse_integer(text: &str) -> Option<f64> {
    let digits = text.replace('_', "").to_ascii_lowercase();
    let parsed = if let Some(hex) = digits.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()
    } else if let Some(octal) = digits.strip_prefix("0o") {
        i64::from_str_radix(octal, 8).ok()
    } else if let Some(binary) = digits.strip_prefix("0b") {
        i64::from_str_radix(binary, 2).ok()
    } else {
        digits.parse().ok()
    };
    parsed.map(|n| n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tripline_pattern::SyntaxTree;

    fn condition(code: &str) -> Option<bool> {
        let tree = SyntaxTree::parse(code).unwrap();
        let expression = tree
            .nodes()
            .find(|n| n.kind() == "expression_statement")
            .and_then(|n| n.named_child(0))
            .unwrap();
        truth(expression, code.as_bytes())
    }

    #[test]
    fn constant_conditions_are_decided() {
        assert_eq!(condition("7 > 5\n"), Some(true));
        assert_eq!(condition("1 < 2 < 1\n"), Some(false));
        assert_eq!(condition("not (0x10 == 16)\n"), Some(false));
        assert_eq!(condition("'a' == 'a' and -1\n"), Some(true));
        assert_eq!(condition("'' or None\n"), Some(false));
        assert_eq!(condition("7 * 6 > 40\n"), Some(true));
        assert_eq!(condition("len('abc') == 3\n"), Some(true));
        assert_eq!(condition("'a' + 'b' == 'ab'\n"), Some(true));
        assert_eq!(condition("1 / 0 > 1\n"), None);
        assert_eq!(condition("x > 5\n"), None);
        assert_eq!(condition("f'{x}' == 'a'\n"), None);
    }
}
