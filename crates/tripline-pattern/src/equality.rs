//! Structural equality of two pieces of scanned code, used when a
//! metavariable that is already bound meets code again (`$X == $X`).

use crate::syntax::Node;

use crate::python::{self, StringPart, KINDS};

/// Beyond this depth, equality falls back to comparing the source text, so
/// that pathological nesting cannot exhaust the stack.
const MAX_DEPTH: usize = 256;

/// True when `a` and `b` are the same code up to layout, comments, quote
/// style and redundant parentheses.
pub fn same_code(a: Node<'_>, b: Node<'_>, source: &[u8]) -> bool {
    same_at_depth(a, b, source, 0)
}

fn same_at_depth(a: Node<'_>, b: Node<'_>, source: &[u8], depth: usize) -> bool {
    // The same node (two matches binding one piece of code, as when their
    // environments are merged) needs no walk through it.
    if a == b {
        return true;
    }
    let (a, b) = (python::unwrap_parens(a), python::unwrap_parens(b));
    if depth > MAX_DEPTH {
        return source[a.byte_range()] == source[b.byte_range()];
    }
    if KINDS.is_string(a.kind_id()) && KINDS.is_string(b.kind_id()) {
        return same_string(a, b, source, depth);
    }
    if a.kind_id() != b.kind_id() {
        return false;
    }
    if a.child_count() == 0 || b.child_count() == 0 {
        return source[a.byte_range()] == source[b.byte_range()];
    }
    let (ca, cb) = (
        python::significant_children(a),
        python::significant_children(b),
    );
    ca.len() == cb.len()
        && ca
            .iter()
            .zip(&cb)
            .all(|(x, y)| same_at_depth(*x, *y, source, depth + 1))
}

fn same_string(a: Node<'_>, b: Node<'_>, source: &[u8], depth: usize) -> bool {
    let (Some(sa), Some(sb)) = (
        python::string_literal(a, source),
        python::string_literal(b, source),
    ) else {
        return false;
    };
    sa.formatted == sb.formatted
        && sa.bytes == sb.bytes
        && sa.parts.len() == sb.parts.len()
        && sa.parts.iter().zip(&sb.parts).all(|(x, y)| match (x, y) {
            (StringPart::Text(x), StringPart::Text(y)) => x == y,
            (StringPart::Interpolation(x), StringPart::Interpolation(y)) => {
                same_at_depth(*x, *y, source, depth + 1)
            }
            _ => false,
        })
}
