//! Naming before matching: what each name in a file refers to, computed
//! once per file (as Semgrep's `Naming_AST` does).
//!
//! - Imports: `import subprocess as sp` makes `sp` mean `subprocess`;
//!   `from subprocess import call as c` makes `c` mean `subprocess.call`;
//!   `from .models import User` in `pkg/views.py` makes `User` mean
//!   `pkg.models.User`.
//! - Values: a name assigned exactly once in its scope (and never rebound
//!   there by `+=`, `for`, `with ... as`, `global`...) has that value, for
//!   constant and symbolic propagation.
//!
//! Scopes are the module, functions, lambdas and class bodies, as in
//! Python; a binding later in the same scope shadows an earlier one
//! (`call = my_call; call(x)` is no longer `subprocess.call`).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

use crate::python::{self, KindSet, StringValue, KINDS};
use crate::syntax::Node;

/// The kinds [`FileIndex::build`] looks at: those that bind names (the
/// kinds [`FileIndex::visit`] handles) and those that open a scope, a
/// block or a loop.
static INDEXED_KINDS: LazyLock<KindSet> = LazyLock::new(|| {
    KindSet::named(&[
        "import_statement",
        "import_from_statement",
        "assignment",
        "augmented_assignment",
        "for_statement",
        "for_in_clause",
        "named_expression",
        "as_pattern",
        "with_item",
        "except_clause",
        "as_pattern_target",
        "function_definition",
        "class_definition",
        "lambda",
        "global_statement",
        "nonlocal_statement",
        "delete_statement",
        "block",
        "while_statement",
    ])
});

/// Attribute chains longer than this have no qualified name: no import
/// is spelled `a.b.c...` sixty-five names deep.
const MAX_CHAIN_LINKS: usize = 64;

/// What a binding gives a name.
#[derive(Debug, Clone)]
enum Binding<'t> {
    /// An import: the qualified name it stands for.
    Import(String),
    /// `name = value`.
    Value(Node<'t>),
    /// Anything else (parameters, loop variables, `+=`, `global`...).
    Other,
}

/// One binding of a name: in which scope, from which byte offset on.
#[derive(Debug, Clone)]
struct Scoped<'t> {
    scope: usize,
    at: usize,
    binding: Binding<'t>,
    /// The innermost block the binding is in: it reaches uses inside it.
    block: Range<usize>,
    /// The outermost loop around the binding in its scope, if any.
    in_loop: Option<Range<usize>>,
    /// Its type annotation (`query: str`), if any.
    annotation: Option<Node<'t>>,
}

/// The names of one file.
#[derive(Debug, Default)]
pub struct FileIndex<'t> {
    /// Name → its bindings in source order. Most names in a file are never
    /// bound by an import or assignment, so most lookups stop here.
    bindings: HashMap<String, Vec<Scoped<'t>>, foldhash::fast::RandomState>,
    /// The names some import binds, somewhere in the file: only a chain
    /// starting with one of them can have a qualified name.
    imported: HashSet<Box<[u8]>, foldhash::fast::RandomState>,
    /// The node indexed (the module): the outermost scope.
    root: Option<Node<'t>>,
    /// Qualified names worked out so far, by node id: many rules ask for
    /// the name of the same callee.
    qualified: RefCell<HashMap<usize, Option<Rc<str>>, foldhash::fast::RandomState>>,
    /// String literals decoded so far, by node id: the string patterns of
    /// several rules read the same literals.
    strings: RefCell<HashMap<usize, Rc<StringValue>, foldhash::fast::RandomState>>,
    /// While building: the block and loop around the node being visited.
    current_block: Range<usize>,
    current_loop: Option<Range<usize>>,
}

impl<'t> FileIndex<'t> {
    /// Indexes the file whose tree is `root`. `module` is the file's dotted
    /// module path (`pkg.views`), used for relative imports; without it,
    /// `from .models import User` makes `User` mean `models.User`.
    pub fn build(root: Node<'t>, source: &[u8], module: Option<&str>) -> FileIndex<'t> {
        let mut index = FileIndex {
            root: Some(root),
            ..FileIndex::default()
        };
        let package = module.map(package_of).unwrap_or_default();
        // The scopes, blocks and loops around the current node.
        let mut scopes: Vec<Node<'t>> = vec![root];
        let mut blocks: Vec<Node<'t>> = vec![root];
        let mut loops: Vec<(Node<'t>, usize)> = Vec::new();
        // Most nodes bind nothing and open no scope, so they are skipped.
        // The stacks need not be popped at them: in tree order, a scope,
        // block or loop that does not contain a node contains no later node
        // either, so it is popped at the next node looked at.
        for node in root
            .descendants()
            .filter(|n| INDEXED_KINDS.contains(n.kind_id()))
        {
            while scopes.len() > 1 && scopes.last().is_some_and(|s| !s.contains(node)) {
                scopes.pop();
            }
            while blocks.len() > 1 && blocks.last().is_some_and(|b| !b.contains(node)) {
                blocks.pop();
            }
            while loops.last().is_some_and(|(l, _)| !l.contains(node)) {
                loops.pop();
            }
            let scope = scopes.last().copied().unwrap_or(root);
            index.current_block = blocks.last().unwrap_or(&root).byte_range();
            index.current_loop = loops
                .iter()
                .find(|(_, s)| *s == scope.id())
                .map(|(l, _)| l.byte_range());
            index.visit(node, scope, source, &package);
            match node.kind() {
                "function_definition" | "class_definition" | "lambda" => scopes.push(node),
                "block" => blocks.push(node),
                "for_statement" | "while_statement" => loops.push((node, scope.id())),
                _ => {}
            }
        }
        index
    }

    fn bind(&mut self, scope: Node<'t>, name: &str, at: usize, binding: Binding<'t>) {
        self.bind_annotated(scope, name, at, binding, None);
    }

    fn bind_annotated(
        &mut self,
        scope: Node<'t>,
        name: &str,
        at: usize,
        binding: Binding<'t>,
        annotation: Option<Node<'t>>,
    ) {
        if matches!(binding, Binding::Import(_)) {
            self.imported.insert(name.as_bytes().into());
        }
        let scoped = Scoped {
            scope: scope.id(),
            at,
            binding,
            block: self.current_block.clone(),
            in_loop: self.current_loop.clone(),
            annotation,
        };
        // Most names are bound more than once: the key is copied only for
        // the first.
        match self.bindings.get_mut(name) {
            Some(bindings) => bindings.push(scoped),
            None => {
                self.bindings.insert(name.to_owned(), vec![scoped]);
            }
        }
    }

    /// Records the bindings `node`, standing in `scope`, makes: `node` is
    /// of one of the [`INDEXED_KINDS`].
    fn visit(&mut self, node: Node<'t>, scope: Node<'t>, source: &[u8], package: &str) {
        let kind = node.kind();
        match kind {
            "import_statement" => {
                for name in node.children_by_field_name("name") {
                    if name.kind() == "aliased_import" {
                        if let (Some(module), Some(alias)) = (
                            name.child_by_field_name("name"),
                            name.child_by_field_name("alias"),
                        ) {
                            let qualified = python::text(module, source).into_owned();
                            self.bind(
                                scope,
                                &python::text(alias, source),
                                node.end_byte(),
                                Binding::Import(qualified),
                            );
                        }
                    } else {
                        // `import os.path` binds `os`.
                        let dotted = python::text(name, source);
                        let head = dotted.split('.').next().unwrap_or_default().to_owned();
                        self.bind(scope, &head, node.end_byte(), Binding::Import(head.clone()));
                    }
                }
            }
            "import_from_statement" => {
                let Some(module) = node.child_by_field_name("module_name") else {
                    return;
                };
                let base = if module.kind() == "relative_import" {
                    relative_module(module, source, package)
                } else {
                    python::text(module, source).into_owned()
                };
                for name in node.children_by_field_name("name") {
                    let (imported, bound) = if name.kind() == "aliased_import" {
                        match (
                            name.child_by_field_name("name"),
                            name.child_by_field_name("alias"),
                        ) {
                            (Some(n), Some(a)) => (
                                python::text(n, source).into_owned(),
                                python::text(a, source).into_owned(),
                            ),
                            _ => continue,
                        }
                    } else {
                        let text = python::text(name, source).into_owned();
                        (text.clone(), text)
                    };
                    let qualified = if base.is_empty() {
                        imported
                    } else {
                        format!("{base}.{imported}")
                    };
                    self.bind(scope, &bound, node.end_byte(), Binding::Import(qualified));
                }
            }
            "assignment" => {
                let Some(left) = node.child_by_field_name("left") else {
                    return;
                };
                let right = node.child_by_field_name("right");
                if left.kind_id() == KINDS.identifier {
                    let binding = match right {
                        Some(value) if value.kind() != "assignment" => Binding::Value(value),
                        _ => Binding::Other,
                    };
                    let annotation = node.child_by_field_name("type");
                    self.bind_annotated(
                        scope,
                        &python::text(left, source),
                        node.end_byte(),
                        binding,
                        annotation,
                    );
                } else {
                    self.bind_targets(left, scope, source, node.end_byte());
                }
            }
            "augmented_assignment" | "for_statement" | "for_in_clause" | "named_expression" => {
                let field = if kind == "named_expression" {
                    "name"
                } else {
                    "left"
                };
                if let Some(target) = node.child_by_field_name(field) {
                    self.bind_targets(target, scope, source, node.start_byte());
                }
            }
            "as_pattern" | "with_item" | "except_clause" => {
                if let Some(alias) = node.child_by_field_name("alias") {
                    self.bind_targets(alias, scope, source, node.start_byte());
                }
                if kind == "except_clause" {
                    for child in node.named_children() {
                        if child.kind() == "as_pattern_target"
                            || child.kind_id() == KINDS.identifier
                        {
                            self.bind_targets(child, scope, source, node.start_byte());
                        }
                    }
                }
            }
            "as_pattern_target" => self.bind_targets(node, scope, source, node.start_byte()),
            "function_definition" | "class_definition" => {
                if let Some(name) = node.child_by_field_name("name") {
                    self.bind(
                        scope,
                        &python::text(name, source),
                        node.start_byte(),
                        Binding::Other,
                    );
                }
                if let Some(parameters) = node.child_by_field_name("parameters") {
                    self.bind_parameters(node, parameters, source);
                }
            }
            "lambda" => {
                if let Some(parameters) = node.child_by_field_name("parameters") {
                    self.bind_parameters(node, parameters, source);
                }
            }
            "global_statement" | "nonlocal_statement" | "delete_statement" => {
                // The name may change from elsewhere: never constant here.
                for name in node.named_children() {
                    self.bind_targets(name, scope, source, 0);
                }
            }
            _ => {}
        }
    }

    /// Every identifier in an assignment target binds `Other`.
    fn bind_targets(&mut self, target: Node<'t>, scope: Node<'t>, source: &[u8], at: usize) {
        let mut stack = vec![target];
        while let Some(node) = stack.pop() {
            if node.kind_id() == KINDS.identifier {
                self.bind(scope, &python::text(node, source), at, Binding::Other);
            } else if !matches!(node.kind(), "attribute" | "subscript") {
                stack.extend(node.named_children());
            }
        }
    }

    fn bind_parameters(&mut self, function: Node<'t>, parameters: Node<'t>, source: &[u8]) {
        let declared: Vec<Node<'t>> = parameters.named_children().collect();
        for parameter in declared {
            let annotation = parameter.child_by_field_name("type");
            // Defaults and annotations are expressions, not names bound.
            let name = match parameter.kind() {
                "default_parameter" | "typed_default_parameter" => {
                    parameter.child_by_field_name("name")
                }
                "typed_parameter" => parameter.named_child(0),
                _ => Some(parameter),
            };
            let mut stack: Vec<Node<'t>> = name.into_iter().collect();
            while let Some(node) = stack.pop() {
                if node.kind_id() == KINDS.identifier {
                    let name = python::text(node, source);
                    self.bind_annotated(function, &name, 0, Binding::Other, annotation);
                } else {
                    stack.extend(node.named_children());
                }
            }
        }
    }

    /// The scope an identifier is used in.
    fn scope_of(&self, identifier: Node<'t>) -> Node<'t> {
        self.scope_around(identifier).unwrap_or(identifier)
    }

    /// The scope whose names a scope sees: class bodies are skipped
    /// (methods do not see class-level names).
    fn enclosing_scope(&self, scope: Node<'t>) -> Option<Node<'t>> {
        let mut outer = self.scope_around(scope)?;
        while outer.kind_id() == KINDS.class_definition {
            outer = self.scope_around(outer)?;
        }
        Some(outer)
    }

    /// The innermost function, class or lambda around `node` (not `node`
    /// itself), else the module; `None` for the module. Parents are array
    /// lookups, so walking up is cheaper than a map of every identifier.
    fn scope_around(&self, node: Node<'t>) -> Option<Node<'t>> {
        let root = self.root?;
        if node == root {
            return None;
        }
        let mut around = node.parent();
        while let Some(current) = around {
            let kind = current.kind_id();
            if current == root
                || kind == KINDS.function_definition
                || kind == KINDS.class_definition
                || kind == KINDS.lambda
            {
                return Some(current);
            }
            around = current.parent();
        }
        Some(root)
    }

    /// The bindings of `name` in `scope`, in source order.
    fn in_scope<'a>(
        bindings: &'a [Scoped<'t>],
        scope: Node<'t>,
    ) -> impl Iterator<Item = &'a Scoped<'t>> {
        bindings.iter().filter(move |b| b.scope == scope.id())
    }

    /// The binding of the identifier `use_` in effect where it is used.
    fn binding(&self, use_: Node<'t>, source: &[u8]) -> Option<&Binding<'t>> {
        let bindings = self.bindings.get(&*python::text(use_, source))?;
        let at = use_.start_byte();
        let mut scope = Some(self.scope_of(use_));
        let mut innermost = true;
        while let Some(current) = scope {
            let mut here = Self::in_scope(bindings, current).peekable();
            if here.peek().is_some() {
                // In the use's own scope, the last binding before the use;
                // from an enclosing scope (a function using a module name),
                // the last binding before the use, else the first one.
                let here: Vec<&Scoped<'t>> = here.collect();
                let before = here.iter().rev().find(|b| b.at <= at);
                return match (before, innermost) {
                    (Some(b), _) => Some(&b.binding),
                    (None, true) if current.kind() != "module" => None,
                    (None, _) => here.first().map(|b| &b.binding),
                };
            }
            innermost = false;
            scope = self.enclosing_scope(current);
        }
        None
    }

    /// The qualified name an identifier or attribute chain refers to through
    /// an import (`sp.call` → `subprocess.call`), if it does. Computed
    /// without recursion, and only for chains of at most
    /// [`MAX_CHAIN_LINKS`] attributes, so that `x.b.b.b...` written 100,000
    /// times neither exhausts the stack nor builds gigabytes of names.
    pub fn qualified_name(&self, node: Node<'t>, source: &[u8]) -> Option<Rc<str>> {
        // From `node` down to the name it starts with: each attribute link
        // and its attribute name, outermost first.
        if !self.may_be_imported(node, source) {
            return None;
        }
        let mut links: Vec<(Node<'t>, Node<'t>)> = Vec::new();
        let mut current = python::unwrap_parens(node);
        let base: Option<Rc<str>> = loop {
            if current.kind_id() != KINDS.identifier && current.kind_id() != KINDS.attribute {
                break None;
            }
            if let Some(known) = self.qualified.borrow().get(&current.id()) {
                break known.clone();
            }
            if current.kind_id() == KINDS.identifier {
                let qualified = match self.binding(current, source) {
                    Some(Binding::Import(qualified)) => Some(Rc::from(qualified.as_str())),
                    _ => None,
                };
                self.qualified
                    .borrow_mut()
                    .insert(current.id(), qualified.clone());
                break qualified;
            }
            let object = current.child_by_field_name("object");
            let attribute = current.child_by_field_name("attribute");
            match (object, attribute) {
                (Some(object), Some(attribute)) if links.len() < MAX_CHAIN_LINKS => {
                    links.push((current, attribute));
                    current = python::unwrap_parens(object);
                }
                _ => {
                    self.qualified.borrow_mut().insert(current.id(), None);
                    break None;
                }
            }
        };
        let mut qualified = base;
        for (link, attribute) in links.into_iter().rev() {
            qualified = qualified
                .map(|object| Rc::from(format!("{object}.{}", python::text(attribute, source))));
            self.qualified
                .borrow_mut()
                .insert(link.id(), qualified.clone());
        }
        qualified
    }

    /// The value of the string literal at `node` (a `string` or
    /// `concatenated_string`), decoded once per file.
    pub fn string_value(&self, node: Node<'t>, source: &[u8]) -> Option<Rc<StringValue>> {
        if let Some(known) = self.strings.borrow().get(&node.id()) {
            return Some(known.clone());
        }
        let value = Rc::new(StringValue::from(&python::string_literal(node, source)?));
        self.strings.borrow_mut().insert(node.id(), value.clone());
        Some(value)
    }

    /// Whether the chain of names at `node` starts with a name some import
    /// binds: most names and chains in a file do not, and are looked at no
    /// further.
    fn may_be_imported(&self, node: Node<'t>, source: &[u8]) -> bool {
        let mut current = python::unwrap_parens(node);
        for _ in 0..=MAX_CHAIN_LINKS {
            if current.kind_id() == KINDS.identifier {
                // Bytes, not text: asked of nearly every name in the file.
                return self.imported.contains(&source[current.byte_range()]);
            }
            if current.kind_id() != KINDS.attribute {
                return false;
            }
            match current.child_by_field_name("object") {
                Some(object) => current = python::unwrap_parens(object),
                None => return false,
            }
        }
        // Longer chains are worked out (and given up on) as before.
        true
    }

    /// The type annotation of the name used at `use_` (`query` after
    /// `def f(query: str)` or `query: str = ...`), from the scope that binds
    /// it, as Python's annotations declare a name for its whole scope.
    pub fn annotation(&self, use_: Node<'t>, source: &[u8]) -> Option<Node<'t>> {
        let bindings = self.bindings.get(&*python::text(use_, source))?;
        let mut scope = Some(self.scope_of(use_));
        while let Some(current) = scope {
            let mut here = Self::in_scope(bindings, current).peekable();
            if here.peek().is_some() {
                return here.find_map(|b| b.annotation);
            }
            scope = self.enclosing_scope(current);
        }
        None
    }

    /// The value a name has where it is used: the last assignment before
    /// the use in the same scope, if it is on every path to the use (not in
    /// a branch or loop the use is outside of) and no assignment later in a
    /// loop around the use can reach it; or, for a module-level name used
    /// in a function, its only assignment, above the use. Names of an
    /// enclosing function (closures) have no value here.
    pub fn value(&self, use_: Node<'t>, source: &[u8]) -> Option<Node<'t>> {
        if use_.kind_id() != KINDS.identifier {
            return None;
        }
        let bindings = self.bindings.get(&*python::text(use_, source))?;
        let at = use_.start_byte();
        let own = self.scope_of(use_);
        let here: Vec<&Scoped<'t>> = Self::in_scope(bindings, own).collect();
        let reaching = if here.is_empty() {
            let mut scope = self.enclosing_scope(own);
            loop {
                let current = scope?;
                let there: Vec<&Scoped<'t>> = Self::in_scope(bindings, current).collect();
                if !there.is_empty() {
                    if current.kind() != "module" {
                        return None;
                    }
                    match there.as_slice() {
                        [only] if only.at <= at => break *only,
                        _ => return None,
                    }
                }
                scope = self.enclosing_scope(current);
            }
        } else {
            let last = here.iter().rev().find(|b| b.at <= at)?;
            let on_every_path = last.block.contains(&at);
            let loops_back = here
                .iter()
                .any(|b| b.at > at && b.in_loop.as_ref().is_some_and(|l| l.contains(&at)));
            if !on_every_path || loops_back {
                return None;
            }
            *last
        };
        match reaching.binding {
            Binding::Value(value) => Some(value),
            _ => None,
        }
    }
}

/// The package a module is in: `pkg.views` → `pkg`; `pkg.__init__` → `pkg`.
fn package_of(module: &str) -> String {
    if let Some(package) = module.strip_suffix(".__init__") {
        return package.to_owned();
    }
    module
        .rsplit_once('.')
        .map_or_else(String::new, |(package, _)| package.to_owned())
}

/// `from ..models import X` in package `a.b`: `a.models`.
fn relative_module(relative: Node<'_>, source: &[u8], package: &str) -> String {
    let text = python::text(relative, source);
    let dots = text.chars().take_while(|c| *c == '.').count();
    let rest = text[dots..].trim();
    let mut base: Vec<&str> = package.split('.').filter(|p| !p.is_empty()).collect();
    for _ in 1..dots {
        base.pop();
    }
    if !rest.is_empty() {
        base.push(rest);
    }
    base.join(".")
}

/// The dotted module path of a file from its path relative to the scanned
/// root: `pkg/views.py` → `pkg.views`, `pkg/__init__.py` → `pkg.__init__`.
pub fn module_path(relative: &std::path::Path) -> Option<String> {
    let without = relative.with_extension("");
    let parts: Vec<String> = without
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::SyntaxTree;

    /// The qualified name of the last occurrence of `name` in `code`.
    fn qualified(code: &str, module: Option<&str>, needle: &str) -> Option<String> {
        let tree = SyntaxTree::parse(code).unwrap();
        let index = FileIndex::build(tree.root(), code.as_bytes(), module);
        let node = last_occurrence(&tree, code, needle);
        index
            .qualified_name(node, code.as_bytes())
            .map(|q| q.to_string())
    }

    /// The innermost named node spanning the last occurrence of `needle`.
    fn last_occurrence<'t>(tree: &'t SyntaxTree, code: &str, needle: &str) -> Node<'t> {
        let at = code.rfind(needle).unwrap();
        tree.nodes()
            .filter(|n| n.is_named() && n.start_byte() <= at && n.end_byte() >= at + needle.len())
            .last()
            .unwrap()
    }

    #[test]
    fn aliases_and_from_imports() {
        assert_eq!(
            qualified("import subprocess as sp\nsp.call(x)\n", None, "sp.call").as_deref(),
            Some("subprocess.call")
        );
        assert_eq!(
            qualified("from subprocess import call\ncall(x)\n", None, "call").as_deref(),
            Some("subprocess.call")
        );
        assert_eq!(
            qualified("from subprocess import call as c\nc(x)\n", None, "c").as_deref(),
            Some("subprocess.call")
        );
        assert_eq!(
            qualified("from os import path\npath.join(a)\n", None, "path.join").as_deref(),
            Some("os.path.join")
        );
        assert_eq!(
            qualified("import os.path\nos.path.join(a)\n", None, "os.path.join").as_deref(),
            Some("os.path.join")
        );
        assert_eq!(
            qualified("import os.path as p\np.join(a)\n", None, "p.join").as_deref(),
            Some("os.path.join")
        );
    }

    #[test]
    fn relative_imports_resolve_against_the_package() {
        assert_eq!(
            qualified(
                "from . import db\ndb.query(q)\n",
                Some("app.views"),
                "db.query"
            )
            .as_deref(),
            Some("app.db.query")
        );
        assert_eq!(
            qualified(
                "from .models import User\nUser\n",
                Some("app.views"),
                "User"
            )
            .as_deref(),
            Some("app.models.User")
        );
        assert_eq!(
            qualified("from ..core import x\nx\n", Some("a.b.c"), "x").as_deref(),
            Some("a.core.x")
        );
        assert_eq!(
            qualified("from .models import User\nUser\n", None, "User").as_deref(),
            Some("models.User")
        );
    }

    #[test]
    fn rebinding_shadows_an_import() {
        assert_eq!(
            qualified(
                "from subprocess import call\ncall = my_call\ncall(x)\n",
                None,
                "call"
            ),
            None
        );
        assert_eq!(
            qualified(
                "from subprocess import call\ndef f(call):\n    call(x)\n",
                None,
                "call"
            ),
            None
        );
        assert_eq!(
            qualified(
                "from subprocess import call\ndef f():\n    call(x)\n",
                None,
                "call"
            )
            .as_deref(),
            Some("subprocess.call")
        );
        assert_eq!(
            qualified(
                "def f():\n    import subprocess as sp\n    sp.run(x)\n",
                None,
                "sp.run"
            )
            .as_deref(),
            Some("subprocess.run")
        );
    }

    #[test]
    fn single_assignments_have_values() {
        let code = "flag = True\ndef f():\n    run(cmd, shell=flag)\n";
        let tree = SyntaxTree::parse(code).unwrap();
        let index = FileIndex::build(tree.root(), code.as_bytes(), None);
        let use_ = last_occurrence(&tree, code, "flag");
        assert_eq!(
            index.value(use_, code.as_bytes()).map(|v| v.kind()),
            Some("true")
        );

        let branchy = "def f(c):\n    q = 'a'\n    if c:\n        q = 'b'\n    run(q)\n";
        let tree = SyntaxTree::parse(branchy).unwrap();
        let index = FileIndex::build(tree.root(), branchy.as_bytes(), None);
        let use_ = last_occurrence(&tree, branchy, "q");
        assert!(index.value(use_, branchy.as_bytes()).is_none());
    }

    #[test]
    fn module_paths_from_file_paths() {
        assert_eq!(
            module_path(std::path::Path::new("pkg/views.py")).as_deref(),
            Some("pkg.views")
        );
        assert_eq!(package_of("pkg.views"), "pkg");
        assert_eq!(package_of("pkg.__init__"), "pkg");
        assert_eq!(package_of("views"), "");
    }
}
