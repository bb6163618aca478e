//! The functions, methods and classes a file defines, found once, so that
//! calls of them can use their summaries.

use tripline_pattern::python::{self, KINDS};
use tripline_pattern::Node;

use crate::HashMap;

/// One `def`.
#[derive(Debug, Clone)]
pub struct Function<'t> {
    pub node: Node<'t>,
    /// The class whose body defines it directly.
    pub class: Option<Box<str>>,
    /// A method called through an instance or class passes it as the
    /// first parameter, unless it is a `@staticmethod`.
    pub takes_receiver: bool,
    /// Some `return self` in it: a call of it returns its object
    /// (`repo.sort_by(x).fetch()`).
    pub returns_self: bool,
    pub parameters: Vec<Parameter<'t>>,
}

#[derive(Debug, Clone)]
pub struct Parameter<'t> {
    pub name: Box<str>,
    /// The parameter's name as written, and the whole parameter
    /// (`p: str = ''`).
    pub identifier: Node<'t>,
    pub node: Node<'t>,
    pub kind: ParameterKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterKind {
    Plain,
    /// `*args`: the extra positional arguments.
    Positional,
    /// `**kwargs`: the extra keyword arguments.
    Keywords,
}

/// The file's definitions by name.
#[derive(Debug, Default)]
pub struct Functions<'t> {
    pub all: Vec<Function<'t>>,
    /// Functions not defined directly in a class, by name.
    plain: HashMap<Box<str>, Vec<usize>>,
    /// Methods by name.
    methods: HashMap<Box<str>, Vec<usize>>,
    /// Class names.
    pub classes: HashMap<Box<str>, Node<'t>>,
    /// Each `def` node's id, to its index in `all`.
    by_node: HashMap<usize, usize>,
}

impl<'t> Functions<'t> {
    pub fn find(root: Node<'t>, source: &[u8]) -> Functions<'t> {
        let mut functions = Functions::default();
        // Every node of the file, once per taint rule: compared by kind id.
        let kinds = &*KINDS;
        for node in root.descendants() {
            if node.kind_id() == kinds.class_definition {
                if let Some(name) = node.child_by_field_name("name") {
                    functions
                        .classes
                        .insert(python::text(name, source).into(), node);
                }
            } else if node.kind_id() == kinds.function_definition {
                functions.add(node, source);
            }
        }
        functions
    }

    fn add(&mut self, node: Node<'t>, source: &[u8]) {
        let Some(name) = node.child_by_field_name("name") else {
            return;
        };
        let name: Box<str> = python::text(name, source).into();
        let decorated = node.parent().filter(|p| p.kind() == "decorated_definition");
        let static_method = decorated.is_some_and(|d| {
            d.named_children()
                .filter(|c| c.kind() == "decorator")
                .any(|c| python::text(c, source).trim() == "@staticmethod")
        });
        let class = decorated
            .unwrap_or(node)
            .parent()
            .filter(|b| b.kind() == "block")
            .and_then(|b| b.parent())
            .filter(|c| c.kind() == "class_definition")
            .and_then(|c| c.child_by_field_name("name"))
            .map(|n| python::text(n, source).into());
        let returns_self = node.descendants().any(|n| {
            n.kind() == "return_statement"
                && n.named_child(0)
                    .is_some_and(|v| v.kind() == "identifier" && python::text(v, source) == "self")
        });
        let function = Function {
            node,
            returns_self,
            takes_receiver: class.is_some() && !static_method,
            class,
            parameters: parameters(node, source),
        };
        let index = self.all.len();
        let by_name = if function.class.is_some() {
            &mut self.methods
        } else {
            &mut self.plain
        };
        by_name.entry(name).or_default().push(index);
        self.by_node.insert(node.id(), index);
        self.all.push(function);
    }

    /// Functions named `name` that are not methods.
    pub fn plain(&self, name: &str) -> &[usize] {
        self.plain.get(name).map_or(&[], Vec::as_slice)
    }

    /// Methods named `name`, of `class` if given.
    pub fn methods<'a>(
        &'a self,
        name: &str,
        class: Option<&'a str>,
    ) -> impl Iterator<Item = usize> + 'a {
        self.methods
            .get(name)
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&i| class.is_none_or(|c| self.all[i].class.as_deref() == Some(c)))
    }

    /// Whether `name` is something the file defines (a function, method or
    /// class): a call of it may carry taint in or out of a summary.
    pub fn defines(&self, name: &str) -> bool {
        self.plain.contains_key(name)
            || self.methods.contains_key(name)
            || self.classes.contains_key(name)
    }

    /// The `def` at `node`.
    pub fn at(&self, node: Node<'t>) -> Option<usize> {
        self.by_node.get(&node.id()).copied()
    }
}

/// The name a callee ends with: `f` in `f(x)`, `g` in `a.b.g(x)`; none for
/// other callees (`f()(x)`, `handlers[0](x)`).
pub fn called_name(callee: Node<'_>) -> Option<Node<'_>> {
    let kinds = &*KINDS;
    if callee.kind_id() == kinds.attribute {
        callee.child_by_field_name("attribute")
    } else {
        (callee.kind_id() == kinds.identifier).then_some(callee)
    }
}

fn parameters<'t>(function: Node<'t>, source: &[u8]) -> Vec<Parameter<'t>> {
    let Some(list) = function.child_by_field_name("parameters") else {
        return Vec::new();
    };
    list.named_children()
        .filter_map(|node| {
            let (identifier, kind) = match node.kind() {
                "identifier" => (node, ParameterKind::Plain),
                "typed_parameter" => {
                    let inner = node.named_child(0)?;
                    match inner.kind() {
                        "list_splat_pattern" => (inner.named_child(0)?, ParameterKind::Positional),
                        "dictionary_splat_pattern" => {
                            (inner.named_child(0)?, ParameterKind::Keywords)
                        }
                        _ => (inner, ParameterKind::Plain),
                    }
                }
                "default_parameter" | "typed_default_parameter" => {
                    (node.child_by_field_name("name")?, ParameterKind::Plain)
                }
                "list_splat_pattern" => (node.named_child(0)?, ParameterKind::Positional),
                "dictionary_splat_pattern" => (node.named_child(0)?, ParameterKind::Keywords),
                _ => return None,
            };
            (identifier.kind() == "identifier").then(|| Parameter {
                name: python::text(identifier, source).into(),
                identifier,
                node,
                kind,
            })
        })
        .collect()
}
