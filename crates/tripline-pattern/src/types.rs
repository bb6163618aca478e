//! What a typed metavariable (`(str $X)`, `$X: str`) can know about the
//! type of an expression without running anything: type annotations of
//! parameters and variables, literals, calls of the type itself
//! (`str(x)`, `requests.Session()`), string building (`"a" + b`,
//! `"..." % x`, `"...".format(...)`, `", ".join(...)`, f-strings), and names
//! assigned such a value exactly once.

use crate::syntax::Node;

use crate::names::FileIndex;
use crate::python::{self, KINDS};

/// Whether `node` is known to be of type `type_name` (`str`, `int`,
/// `requests.Session`...).
pub fn has_type(
    node: Node<'_>,
    type_name: &str,
    source: &[u8],
    names: Option<&FileIndex<'_>>,
) -> bool {
    has_type_at_depth(node, type_name, source, names, 0)
}

/// Names assigned names assigned... are followed this far.
const MAX_DEPTH: usize = 8;

fn has_type_at_depth(
    node: Node<'_>,
    type_name: &str,
    source: &[u8],
    names: Option<&FileIndex<'_>>,
    depth: usize,
) -> bool {
    let node = python::unwrap_parens(node);
    let kind = node.kind();
    let literal = match kind {
        "string" | "concatenated_string" => {
            let bytes = python::string_literal(node, source).is_some_and(|s| s.bytes);
            Some(if bytes { "bytes" } else { "str" })
        }
        "integer" => Some("int"),
        "float" => Some("float"),
        "true" | "false" | "comparison_operator" | "not_operator" => Some("bool"),
        "list" | "list_comprehension" => Some("list"),
        "dictionary" | "dictionary_comprehension" => Some("dict"),
        "set" | "set_comprehension" => Some("set"),
        "tuple" => Some("tuple"),
        _ => None,
    };
    if let Some(literal) = literal {
        return literal == type_name;
    }
    match kind {
        "call" => call_has_type(node, type_name, source, names, depth),
        "binary_operator" if type_name == "str" => {
            // `"a" + b` and `"..." % x` build strings.
            let op = node
                .child_by_field_name("operator")
                .map(|o| python::text(o, source).into_owned());
            matches!(op.as_deref(), Some("+" | "%"))
                && ["left", "right"].iter().any(|side| {
                    node.child_by_field_name(side).is_some_and(|operand| {
                        (op.as_deref() == Some("+") || *side == "left")
                            && has_type_at_depth(operand, "str", source, names, depth + 1)
                    })
                })
        }
        "unary_operator" => node
            .child_by_field_name("argument")
            .is_some_and(|a| has_type_at_depth(a, type_name, source, names, depth + 1)),
        "identifier" if depth < MAX_DEPTH => {
            let Some(names) = names else { return false };
            match names.annotation(node, source) {
                Some(annotation) => annotation_is(annotation, type_name, source, names),
                None => names.value(node, source).is_some_and(|value| {
                    has_type_at_depth(value, type_name, source, Some(names), depth + 1)
                }),
            }
        }
        _ => false,
    }
}

/// Whether an annotation names the type, as written or through an import
/// (`Optional[str]` is not `str`).
fn annotation_is(
    annotation: Node<'_>,
    type_name: &str,
    source: &[u8],
    names: &FileIndex<'_>,
) -> bool {
    let written = annotation.named_child(0).unwrap_or(annotation);
    python::text(written, source) == type_name
        || names.qualified_name(written, source).as_deref() == Some(type_name)
}

fn call_has_type(
    call: Node<'_>,
    type_name: &str,
    source: &[u8],
    names: Option<&FileIndex<'_>>,
    depth: usize,
) -> bool {
    let Some(function) = call.child_by_field_name("function") else {
        return false;
    };
    // The type called as a constructor, as spelled or through an import.
    let spelled = python::text(function, source);
    if spelled == type_name
        || names
            .and_then(|n| n.qualified_name(function, source))
            .as_deref()
            == Some(type_name)
    {
        return true;
    }
    if function.kind_id() == KINDS.identifier {
        return matches!(
            (&*spelled, type_name),
            ("len", "int") | ("repr", "str") | ("isinstance", "bool")
        );
    }
    // `"...".format(...)`, `", ".join(...)`, `s.upper()`... on a string.
    if type_name == "str" && function.kind_id() == KINDS.attribute {
        let method = function
            .child_by_field_name("attribute")
            .map(|a| python::text(a, source).into_owned());
        let string_method = matches!(
            method.as_deref(),
            Some(
                "format"
                    | "join"
                    | "lower"
                    | "upper"
                    | "strip"
                    | "lstrip"
                    | "rstrip"
                    | "replace"
                    | "title"
                    | "capitalize"
            )
        );
        return string_method
            && function
                .child_by_field_name("object")
                .is_some_and(|object| has_type_at_depth(object, "str", source, names, depth + 1));
    }
    false
}
