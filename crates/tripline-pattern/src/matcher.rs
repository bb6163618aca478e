//! Node-vs-node matching: does this pattern node match this code node, and
//! with which metavariable bindings?
//!
//! Every function adds to `out` each environment under which the match
//! holds: a pattern can match one node in several ways (`f(..., $X, ...)`
//! binds `$X` to each argument in turn), and a later constraint such as
//! `metavariable-regex` may accept only one of them.

use std::rc::Rc;
use std::sync::Arc;

use smallvec::SmallVec;

use crate::deadline;
use crate::env::{Bound, Env};
use crate::names::FileIndex;
use crate::python::{self, StringPart, StringRef, KINDS};
use crate::syntax::Node;
use crate::tree::{CodeNode, FormatPart, PNode, StrPattern};
use crate::types;
use crate::MatchOptions;

/// At most this many environments are kept for one pattern at one node;
/// beyond it further ways to match the same code add nothing a user sees.
const MAX_ENVIRONMENTS: usize = 64;

/// Matches pattern nodes against the code of one file.
pub struct Matcher<'a, 't> {
    pub source: &'a [u8],
    /// What the file's names refer to (imports, single assignments).
    pub names: Option<&'a FileIndex<'t>>,
    pub options: MatchOptions,
    /// What the rule's conditions allow a metavariable to bind, asked as it
    /// is bound (the engine's `metavariable-regex` filters): a binding they
    /// reject ends that way of matching at once, before the rest of the
    /// pattern is tried.
    pub accepts: Option<&'a Accepts<'a, 't>>,
}

/// Whether a metavariable may be bound to some code.
pub type Accepts<'a, 't> = dyn Fn(&str, &Bound<'t>) -> bool + 'a;

/// How a list of statements is matched.
#[derive(Clone, Copy)]
pub struct StatementMode {
    /// Code statements may be left over after the last pattern statement.
    pub open_end: bool,
    /// The list is already flattened (an earlier `...` looked into nested blocks).
    pub flat: bool,
    /// Record where the last matched statement ends (for the match range).
    pub track_end: bool,
}

/// Whether to stop looking for more ways to match: enough were found, or
/// the file's time is up (see [`deadline`]). Asked at every step of the
/// recursion, so that no pattern can keep a scan busy past its deadline.
fn enough(out: &[Env<'_>]) -> bool {
    out.len() >= MAX_ENVIRONMENTS || deadline::check()
}

impl<'a, 't> Matcher<'a, 't> {
    /// `env` with `name` bound, unless it is bound to other code already or
    /// the rule's conditions reject the binding ([`Matcher::accepts`]).
    /// Decided before `env` is copied: most bindings tried are rejected.
    fn bind(&self, env: &Env<'t>, name: &Arc<str>, bound: Bound<'t>) -> Option<Env<'t>> {
        match env.get(name) {
            Some(existing) => existing.same_as(&bound, self.source).then(|| env.clone()),
            None if self.accepts.is_some_and(|accepts| !accepts(name, &bound)) => None,
            None => {
                let mut env = env.clone();
                env.push(name, bound);
                Some(env)
            }
        }
    }

    /// Every way `pattern` matches `node`, starting from `env`.
    pub fn node(&self, pattern: &PNode, node: Node<'t>, env: &Env<'t>, out: &mut Vec<Env<'t>>) {
        if enough(out) {
            return;
        }
        match pattern {
            PNode::Anonymous | PNode::Ellipsis => {
                if bindable(node) {
                    out.push(env.clone());
                }
            }
            PNode::Metavar(name) => {
                if bindable(node) {
                    if let Some(env) =
                        self.bind(env, name, Bound::Node(python::unwrap_parens(node)))
                    {
                        out.push(env);
                    }
                }
            }
            PNode::TypedMetavar { name, type_name } => {
                let node = python::unwrap_parens(node);
                if bindable(node) && types::has_type(node, type_name, self.source, self.names) {
                    if let Some(env) = self.bind(env, name, Bound::Node(node)) {
                        out.push(env);
                    }
                }
            }
            PNode::SeqMetavar(name) => {
                let bound = Bound::Nodes {
                    nodes: vec![node],
                    at: node.start_byte(),
                };
                if let Some(env) = self.bind(env, name, bound) {
                    out.push(env);
                }
            }
            PNode::Deep(inner) => self.deep(inner, node, env, out),
            PNode::Str(string) => {
                let before = out.len();
                self.string(string, python::unwrap_parens(node), env, out);
                if out.len() == before {
                    self.through_value(pattern, node, env, out);
                }
            }
            PNode::Code(code) => {
                let before = out.len();
                self.code(code, node, env, out);
                if out.len() == before {
                    self.through_names(code, node, env, out);
                }
                if out.len() == before {
                    self.through_value(pattern, node, env, out);
                }
            }
        }
    }

    /// Code that means what the pattern spells through an import:
    /// `subprocess.call` matches `sp.call` after `import subprocess as sp`
    /// and `call` after `from subprocess import call`; `subprocess.$F`
    /// matches `run` after `from subprocess import run`.
    fn through_names(
        &self,
        pattern: &CodeNode,
        node: Node<'t>,
        env: &Env<'t>,
        out: &mut Vec<Env<'t>>,
    ) {
        let Some(names) = self.names else { return };
        let node = python::unwrap_parens(node);
        if let Some(dotted) = &pattern.dotted {
            if names.qualified_name(node, self.source).as_deref() == Some(dotted.as_str()) {
                out.push(env.clone());
            }
            return;
        }
        // `module.$F` against a name imported from that module.
        if pattern.kind != KINDS.attribute || node.kind_id() != KINDS.identifier {
            return;
        }
        let field = |name: &str| {
            pattern
                .children
                .iter()
                .find(|c| c.field == Some(name))
                .map(|c| &c.node)
        };
        let (Some(PNode::Code(object)), Some(PNode::Metavar(attribute))) =
            (field("object"), field("attribute"))
        else {
            return;
        };
        let (Some(module), Some(qualified)) =
            (&object.dotted, names.qualified_name(node, self.source))
        else {
            return;
        };
        let imported = qualified
            .strip_prefix(module.as_str())
            .and_then(|rest| rest.strip_prefix('.'));
        if imported.is_some_and(|name| !name.contains('.')) {
            if let Some(env) = self.bind(env, attribute, Bound::Node(node)) {
                out.push(env);
            }
        }
    }

    /// A variable assigned once stands for its value: with constant
    /// propagation (on by default) when the value is a literal
    /// (`flag = True; run(shell=flag)` matches `shell=True`), with symbolic
    /// propagation (off by default) whatever it is.
    fn through_value(
        &self,
        pattern: &PNode,
        node: Node<'t>,
        env: &Env<'t>,
        out: &mut Vec<Env<'t>>,
    ) {
        let Some(names) = self.names else { return };
        let node = python::unwrap_parens(node);
        if node.kind_id() != KINDS.identifier {
            return;
        }
        if let PNode::Code(code) = pattern {
            // A pattern that is a name means the variable itself; and
            // without symbolic propagation, only constants are propagated.
            if code.kind == KINDS.identifier
                || !(self.options.symbolic_propagation || KINDS.can_be_constant(code.kind))
            {
                return;
            }
        }
        let Some(value) = names.value(node, self.source) else {
            return;
        };
        // As in Semgrep, turning constant propagation off turns off symbolic
        // propagation too.
        let propagate = self.options.constant_propagation
            && (self.options.symbolic_propagation
                || python::is_constant(value, self.source)
                || self.constant_string(value, 0));
        if propagate {
            self.node(pattern, value, env, out);
        }
    }

    /// `<... P ...>`: P at the node or at any named node inside it.
    fn deep(&self, inner: &PNode, node: Node<'t>, env: &Env<'t>, out: &mut Vec<Env<'t>>) {
        for current in node.descendants() {
            if current.is_named() && !current.is_extra() {
                self.node(inner, current, env, out);
                // With symbolic propagation, a name is also what it holds:
                // `<... request.get_data ...>` finds `body` after
                // `body = request.get_data()` (values lie earlier in the
                // file, so this ends).
                if current.kind_id() == KINDS.identifier
                    && self.options.constant_propagation
                    && self.options.symbolic_propagation
                {
                    if let Some(value) = self.names.and_then(|n| n.value(current, self.source)) {
                        self.deep(inner, value, env, out);
                    }
                }
            }
            if out.len() >= MAX_ENVIRONMENTS {
                return;
            }
        }
    }

    fn code(&self, pattern: &CodeNode, node: Node<'t>, env: &Env<'t>, out: &mut Vec<Env<'t>>) {
        let kinds = &*KINDS;
        let node = python::unwrap_parens(node);
        // `f(x for x in y)`: the generator is the only argument.
        if pattern.kind == kinds.argument_list && node.kind_id() == kinds.generator_expression {
            let patterns: Vec<&PNode> = pattern.children.iter().map(|c| &c.node).collect();
            self.sequence(&patterns, &[node], node.end_byte(), env, out);
            return;
        }
        if node.kind_id() != pattern.kind {
            return;
        }
        if let Some(text) = &pattern.text {
            if node.child_count() == 0 && python::text(node, self.source) == text.as_str() {
                out.push(env.clone());
            }
            return;
        }
        if pattern.kind == kinds.dotted_name {
            // `import $M` binds the whole dotted name.
            if let [only] = pattern.children.as_slice() {
                if let PNode::Metavar(name) = &only.node {
                    if let Some(env) = self.bind(env, name, Bound::Node(node)) {
                        out.push(env);
                    }
                    return;
                }
            }
        }
        if pattern.kind == kinds.binary_operator {
            if let Some(operands) = ellipsis_chain(pattern) {
                let op = operator(pattern);
                let same_operator = node
                    .child_by_field_name("operator")
                    .is_some_and(|o| Some(&*python::text(o, self.source)) == op);
                if same_operator {
                    let code = operand_chain(node, op, self.source);
                    self.sequence(&operands, &code, node.end_byte(), env, out);
                }
                return;
            }
        }
        if pattern.kind == kinds.argument_list {
            self.arguments(pattern, node, env, out);
        } else if matches!(
            pattern.kind_name,
            "import_statement" | "import_from_statement"
        ) {
            self.import(pattern, node, env, out);
        } else if kinds.has_optional_parts(pattern.kind) {
            self.optional_parts(pattern, node, env, out);
        } else if pattern.kind == kinds.decorated_definition {
            self.decorated(pattern, node, env, out);
        } else {
            let patterns: SmallVec<[&PNode; 8]> =
                pattern.children.iter().map(|c| &c.node).collect();
            let children = python::significant_children(node);
            if pattern.kind == kinds.block || pattern.kind == kinds.module {
                let mode = StatementMode {
                    open_end: false,
                    flat: false,
                    track_end: false,
                };
                self.statements(&patterns, &children, env, mode, out);
            } else if sequence_fits(&patterns, &children) {
                self.sequence(&patterns, &children, node.end_byte(), env, out);
            }
        }
    }

    /// Matches a list of patterns against a list of nodes, `...` and
    /// `$...X` standing for any run.
    pub fn sequence(
        &self,
        patterns: &[&PNode],
        nodes: &[Node<'t>],
        end: usize,
        env: &Env<'t>,
        out: &mut Vec<Env<'t>>,
    ) {
        if enough(out) {
            return;
        }
        let Some((first, rest)) = patterns.split_first() else {
            if nodes.is_empty() {
                out.push(env.clone());
            }
            return;
        };
        match first {
            PNode::Ellipsis if rest.is_empty() => out.push(env.clone()),
            PNode::Ellipsis => {
                for skip in 0..=nodes.len() {
                    self.sequence(rest, &nodes[skip..], end, env, out);
                }
            }
            PNode::SeqMetavar(name) => {
                for take in 0..=nodes.len() {
                    let bound = Bound::Nodes {
                        nodes: nodes[..take].to_vec(),
                        at: nodes.first().map_or(end, |n| n.start_byte()),
                    };
                    if let Some(env) = self.bind(env, name, bound) {
                        self.sequence(rest, &nodes[take..], end, &env, out);
                    }
                }
            }
            _ => {
                let Some((node, tail)) = nodes.split_first() else {
                    return;
                };
                let mut envs = Vec::new();
                self.node(first, *node, env, &mut envs);
                for env in envs {
                    self.sequence(rest, tail, end, &env, out);
                }
            }
        }
    }

    /// Matches statements. After a `...`, the next pattern statement may
    /// also match a statement nested in a following block (Semgrep's deep
    /// statement matching): `$F = open(...)` / `...` / `$F.close()` finds a
    /// `close()` inside an `if`.
    pub fn statements(
        &self,
        patterns: &[&PNode],
        nodes: &[Node<'t>],
        env: &Env<'t>,
        mode: StatementMode,
        out: &mut Vec<Env<'t>>,
    ) {
        if enough(out) {
            return;
        }
        let Some((first, rest)) = patterns.split_first() else {
            if nodes.is_empty() || mode.open_end || mode.flat {
                out.push(env.clone());
            }
            return;
        };
        match first {
            PNode::Ellipsis if rest.is_empty() => {
                // A trailing `...` covers the rest of the block, so that
                // `pattern-inside: $X = source()` / `...` contains every
                // later statement.
                let mut env = env.clone();
                if mode.track_end {
                    if let Some(end) = nodes.iter().map(|n| n.end_byte()).max() {
                        env.sequence_end = Some(end);
                    }
                }
                out.push(env);
            }
            PNode::Ellipsis => {
                let flattened;
                let following = if mode.flat {
                    nodes
                } else {
                    flattened = flatten_statements(nodes);
                    &flattened
                };
                let mode = StatementMode { flat: true, ..mode };
                for skip in 0..following.len() {
                    self.statements(rest, &following[skip..], env, mode, out);
                }
            }
            PNode::SeqMetavar(name) => {
                for take in 0..=nodes.len() {
                    let bound = Bound::Nodes {
                        nodes: nodes[..take].to_vec(),
                        at: nodes.first().map_or(0, |n| n.start_byte()),
                    };
                    if let Some(env) = self.bind(env, name, bound) {
                        self.statements(rest, &nodes[take..], &env, mode, out);
                    }
                }
            }
            _ => {
                let Some((node, tail)) = nodes.split_first() else {
                    return;
                };
                let mut envs = Vec::new();
                self.node(first, *node, env, &mut envs);
                if envs.is_empty() {
                    if let Some(expression) = expression_statement(first) {
                        self.inside_statement(expression, *node, env, &mut envs);
                    }
                }
                for mut env in envs {
                    if mode.track_end {
                        env.sequence_end = Some(node.end_byte());
                    }
                    self.statements(rest, tail, &env, mode, out);
                }
            }
        }
    }

    /// An expression-statement pattern in a statement list also matches a
    /// statement that contains the expression (Semgrep's deep expression
    /// statements: `open($F, ...)` matches `open(f).write(data)`), without
    /// looking into nested blocks, which have statements of their own.
    fn inside_statement(
        &self,
        expression: &PNode,
        statement: Node<'t>,
        env: &Env<'t>,
        out: &mut Vec<Env<'t>>,
    ) {
        let mut nested_block: Option<Node<'t>> = None;
        for node in statement.descendants().skip(1) {
            if nested_block.is_some_and(|block| block.contains(node)) {
                continue;
            }
            if node.kind_id() == KINDS.block {
                nested_block = Some(node);
            } else if node.is_named() && !node.is_extra() && could_match(expression, node) {
                self.node(expression, node, env, out);
            }
        }
    }

    /// Call arguments, as Semgrep matches them: each keyword argument the
    /// pattern names is looked up by name wherever it sits; the rest are
    /// matched in order, with `...` for the arguments the pattern leaves out.
    fn arguments(&self, pattern: &CodeNode, node: Node<'t>, env: &Env<'t>, out: &mut Vec<Env<'t>>) {
        let code = python::significant_children(node);
        let mut envs = vec![env.clone()];
        let mut used = Vec::new();
        let mut positional = Vec::new();
        for child in &pattern.children {
            let Some(name) = keyword_name(&child.node) else {
                positional.push(&child.node);
                continue;
            };
            let argument = code.iter().find(|c| {
                c.kind_id() == KINDS.keyword_argument
                    && c.child_by_field_name("name")
                        .is_some_and(|n| python::text(n, self.source) == name)
            });
            if let Some(argument) = argument {
                used.push(argument.id());
                envs = self.in_every(&child.node, &[*argument], &envs);
            } else {
                // `f(**{"shell": True})` passes the keyword too.
                let Some((splat, value)) = self.splatted_keyword(&code, name) else {
                    return;
                };
                let Some(value_pattern) = keyword_value(&child.node) else {
                    return;
                };
                used.push(splat.id());
                envs = self.in_every(value_pattern, &[value], &envs);
            }
            if envs.is_empty() {
                return;
            }
        }
        let rest: Vec<Node<'t>> = code
            .into_iter()
            .filter(|c| !used.contains(&c.id()))
            .collect();
        for env in envs {
            self.sequence(&positional, &rest, node.end_byte(), &env, out);
        }
    }

    /// An import: the module must match, and each name the pattern imports
    /// must match one the code imports, in any order (`import telnetlib`
    /// matches `import os, telnetlib` and `import telnetlib as t`); `...`
    /// stands for any names.
    fn import(&self, pattern: &CodeNode, node: Node<'t>, env: &Env<'t>, out: &mut Vec<Env<'t>>) {
        let mut names: Vec<Node<'t>> = Vec::new();
        for name in node.children_by_field_name("name") {
            names.push(name);
            if let Some(imported) = name
                .child_by_field_name("name")
                .filter(|_| name.kind() == "aliased_import")
            {
                names.push(imported);
            }
        }
        let mut envs = vec![env.clone()];
        for child in &pattern.children {
            let candidates = match child.field {
                Some("module_name") => node
                    .child_by_field_name("module_name")
                    .into_iter()
                    .collect(),
                Some("name") if matches!(child.node, PNode::Ellipsis) => continue,
                Some("name") => names.clone(),
                // `from m import *`
                _ if matches!(&child.node, PNode::Code(c) if c.kind_name == "wildcard_import") => {
                    node.children()
                        .filter(|c| c.kind() == "wildcard_import")
                        .collect()
                }
                _ => continue,
            };
            envs = self.in_every(&child.node, &candidates, &envs);
            if envs.is_empty() {
                return;
            }
        }
        out.extend(envs);
    }

    /// A `**{...}` argument with a literal key `name`: the splat and the value.
    fn splatted_keyword(&self, arguments: &[Node<'t>], name: &str) -> Option<(Node<'t>, Node<'t>)> {
        arguments
            .iter()
            .filter(|a| a.kind() == "dictionary_splat")
            .find_map(|splat| {
                let dictionary = python::unwrap_parens(splat.named_child(0)?);
                if dictionary.kind() != "dictionary" {
                    return None;
                }
                dictionary.named_children().find_map(|pair| {
                    let key = pair.child_by_field_name("key")?;
                    let literal = python::string_literal(key, self.source)?;
                    (literal.constant_value()? == name)
                        .then_some((*splat, pair.child_by_field_name("value")?))
                })
            })
    }

    /// `def`, `class`, `if`, `for`, `while`: the parts the pattern spells
    /// out must match; parts it leaves out may be there (a return
    /// annotation, base classes, `async`, an `else`). A part that occurs
    /// several times (`elif`s) matches any of the code's parts of that name.
    fn optional_parts(
        &self,
        pattern: &CodeNode,
        node: Node<'t>,
        env: &Env<'t>,
        out: &mut Vec<Env<'t>>,
    ) {
        // `None` until a part has matched: then the environments it left.
        let mut envs: Option<Vec<Env<'t>>> = None;
        for child in &pattern.children {
            let Some(field) = child.field else { continue };
            let candidates: SmallVec<[Node<'t>; 2]> = node.children_by_field_name(field).collect();
            if candidates.is_empty() {
                let optional = matches!(&child.node, PNode::Code(c)
                    if c.children.iter().all(|c| matches!(c.node, PNode::Ellipsis)));
                if optional {
                    continue;
                }
                return;
            }
            let before = envs.as_deref().unwrap_or(std::slice::from_ref(env));
            let next = self.in_every(&child.node, &candidates, before);
            if next.is_empty() {
                return;
            }
            envs = Some(next);
        }
        match envs {
            Some(envs) => out.extend(envs),
            None => out.push(env.clone()),
        }
    }

    /// Every way `pattern` matches one of `candidates`, under each of `envs`:
    /// the next step of matching the parts of a node one after another.
    fn in_every(&self, pattern: &PNode, candidates: &[Node<'t>], envs: &[Env<'t>]) -> Vec<Env<'t>> {
        let mut next = Vec::new();
        for env in envs {
            for candidate in candidates {
                self.node(pattern, *candidate, env, &mut next);
            }
        }
        next
    }

    /// A decorated definition: every decorator of the pattern matches one of
    /// the code's, in any order, and the definitions match.
    fn decorated(&self, pattern: &CodeNode, node: Node<'t>, env: &Env<'t>, out: &mut Vec<Env<'t>>) {
        let decorators: Vec<Node<'t>> = python::significant_children(node)
            .into_iter()
            .filter(|c| c.kind_id() == KINDS.decorator)
            .collect();
        // `@login_required` also matches `@login_required(...)`, as in Semgrep.
        let called: Vec<Node<'t>> = decorators
            .iter()
            .filter_map(|d| d.named_child(0))
            .filter(|e| e.kind_id() == KINDS.call)
            .filter_map(|call| call.child_by_field_name("function"))
            .collect();
        let mut envs = vec![env.clone()];
        for child in &pattern.children {
            if child.field == Some("definition") {
                let Some(definition) = node.child_by_field_name("definition") else {
                    return;
                };
                envs = self.in_every(&child.node, &[definition], &envs);
            } else {
                let mut next = self.in_every(&child.node, &decorators, &envs);
                if let Some(expression) = decorator_expression(&child.node) {
                    next.extend(self.in_every(expression, &called, &envs));
                }
                envs = next;
            }
            if envs.is_empty() {
                return;
            }
        }
        out.extend(envs);
    }

    fn string(&self, pattern: &StrPattern, node: Node<'t>, env: &Env<'t>, out: &mut Vec<Env<'t>>) {
        let Some(literal) = self.string_value(node) else {
            // `"..."` is any constant string, also one built from constants
            // (`f"SELECT * FROM {TABLE}"`, `"%s" % NAME`).
            if matches!(pattern, StrPattern::Any) && self.constant_string(node, 0) {
                out.push(env.clone());
            }
            return;
        };
        let accepted = match pattern {
            StrPattern::Any => literal.value().is_some() || self.constant_string(node, 0),
            StrPattern::Regex(regex) => literal.value().is_some_and(|v| regex.is_match(v)),
            StrPattern::Value { value, bytes } => {
                literal.bytes() == *bytes && literal.value() == Some(value.as_str())
            }
            StrPattern::Metavar(name) => {
                if let Some(env) = self.bind(env, name, Bound::Node(node)) {
                    out.push(env);
                }
                return;
            }
            StrPattern::Formatted(parts) => {
                let formatted = literal
                    .formatted()
                    .then(|| python::string_literal(node, self.source))
                    .flatten();
                if let Some(formatted) = formatted {
                    self.format_parts(parts, &formatted.parts, env, out);
                }
                return;
            }
        };
        if accepted {
            out.push(env.clone());
        }
    }

    /// Whether code is a string computed only from constants: literals,
    /// f-strings, `+` and `%` of constants, `a if c else b` of constants,
    /// and names whose value is one (with constant propagation on).
    pub(crate) fn constant_string(&self, node: Node<'t>, depth: usize) -> bool {
        const MAX_DEPTH: usize = 16;
        let node = python::unwrap_parens(node);
        if !self.options.constant_propagation || depth > MAX_DEPTH {
            return false;
        }
        let constant =
            |n: Node<'t>| self.constant_string(n, depth + 1) || python::is_constant(n, self.source);
        match node.kind() {
            "string" | "concatenated_string" => python::string_literal(node, self.source)
                .is_some_and(|literal| {
                    literal.parts.iter().all(|part| match part {
                        StringPart::Text(_) => true,
                        StringPart::Interpolation(expression) => constant(*expression),
                    })
                }),
            "binary_operator" => {
                let op = node
                    .child_by_field_name("operator")
                    .map(|o| python::text(o, self.source).into_owned());
                let (Some(left), Some(right)) = (
                    node.child_by_field_name("left"),
                    node.child_by_field_name("right"),
                ) else {
                    return false;
                };
                match op.as_deref() {
                    Some("+") => {
                        self.constant_string(left, depth + 1)
                            && self.constant_string(right, depth + 1)
                    }
                    Some("%") => {
                        let right = python::unwrap_parens(right);
                        let operands_constant = if right.kind() == "tuple" {
                            right.named_children().all(constant)
                        } else {
                            constant(right)
                        };
                        self.constant_string(left, depth + 1) && operands_constant
                    }
                    _ => false,
                }
            }
            "conditional_expression" => {
                let parts: Vec<Node<'t>> = node.named_children().collect();
                // `a if condition else b`: the two values must be constant strings.
                matches!(parts.as_slice(), [a, _, b] if self.constant_string(*a, depth + 1) && self.constant_string(*b, depth + 1))
            }
            "identifier" => self
                .names
                .and_then(|names| names.value(node, self.source))
                .is_some_and(|value| self.constant_string(value, depth + 1)),
            _ => false,
        }
    }

    /// A string literal, or a `+` of string literals (a constant string).
    /// A literal written plainly is read from the source; any other is
    /// decoded (once per file, with the file's index).
    fn string_value(&self, node: Node<'t>) -> Option<StringRef<'a>> {
        if let Some(plain) = python::plain_string(node, self.source) {
            return Some(plain);
        }
        if KINDS.is_string(node.kind_id()) {
            let decoded = match self.names {
                Some(names) => names.string_value(node, self.source),
                None => python::string_literal(node, self.source).map(|l| Rc::new((&l).into())),
            };
            return decoded.map(StringRef::Decoded);
        }
        if node.kind_id() != KINDS.binary_operator || !self.options.constant_propagation {
            return None;
        }
        let mut value = String::new();
        for operand in operand_chain(node, Some("+"), self.source) {
            if !KINDS.is_string(operand.kind_id()) {
                return None;
            }
            value.push_str(&python::string_literal(operand, self.source)?.constant_value()?);
        }
        Some(StringRef::Decoded(Rc::new(python::StringValue {
            formatted: false,
            bytes: false,
            value: Some(value),
        })))
    }

    fn format_parts(
        &self,
        patterns: &[FormatPart],
        parts: &[StringPart<Node<'t>>],
        env: &Env<'t>,
        out: &mut Vec<Env<'t>>,
    ) {
        let Some((first, rest)) = patterns.split_first() else {
            if parts.is_empty() {
                out.push(env.clone());
            }
            return;
        };
        if let FormatPart::AnyText = first {
            for skip in 0..=parts.len() {
                self.format_parts(rest, &parts[skip..], env, out);
            }
            return;
        }
        let Some((part, tail)) = parts.split_first() else {
            return;
        };
        match (first, part) {
            (FormatPart::Text(expected), StringPart::Text(actual)) if expected == actual => {
                self.format_parts(rest, tail, env, out);
            }
            (FormatPart::Interpolation(pattern), StringPart::Interpolation(node)) => {
                let mut envs = Vec::new();
                self.node(pattern, *node, env, &mut envs);
                for env in envs {
                    self.format_parts(rest, tail, &env, out);
                }
            }
            _ => {}
        }
    }
}

/// A quick test that rules out most nodes before matching: a code pattern
/// only matches a node of its kind, or a name or attribute that stands for
/// one (through an import or an assignment), or a generator passed as the
/// only argument.
fn could_match(pattern: &PNode, node: Node<'_>) -> bool {
    let PNode::Code(code) = pattern else {
        return true;
    };
    let kind = python::unwrap_parens(node).kind_id();
    kind == code.kind
        || kind == KINDS.identifier
        || kind == KINDS.attribute
        || (code.kind == KINDS.argument_list && kind == KINDS.generator_expression)
}

/// Whether `nodes` can match `patterns`, told before anything is bound:
/// each pattern but `...` and `$...X` stands for exactly one node, and
/// without those each pattern faces the node at its place, which must be
/// one it [`could_match`]. So `$NAME: $TYPE = $VALUE` is not tried on
/// `x = 1`, nor `$NAME == $VALUE` on `a < b`, metavariable (and its
/// `metavariable-regex`) by metavariable.
fn sequence_fits(patterns: &[&PNode], nodes: &[Node<'_>]) -> bool {
    let fixed = patterns
        .iter()
        .filter(|p| !matches!(p, PNode::Ellipsis | PNode::SeqMetavar(_)))
        .count();
    if fixed == patterns.len() {
        nodes.len() == fixed && patterns.iter().zip(nodes).all(|(p, n)| could_match(p, *n))
    } else {
        nodes.len() >= fixed
    }
}

/// Nodes a metavariable may stand for: named code, not a comment, not a
/// `name=value` argument (Semgrep's `f($X)` does not match `f(x=1)`), and
/// not the pieces of a string literal (its quotes, text and escapes are
/// not expressions: `<... $X ...>` binds the whole string or what an
/// f-string interpolates).
fn bindable(node: Node<'_>) -> bool {
    node.is_named()
        && !node.is_extra()
        && node.kind_id() != KINDS.keyword_argument
        && !KINDS.is_string_piece(node.kind_id())
        // `"a" "b"` is one string: its pieces are not expressions either.
        && !(node.kind_id() == KINDS.string
            && node.parent().is_some_and(|p| p.kind_id() == KINDS.concatenated_string))
}

/// The expression of a decorator pattern (`login_required` in
/// `@login_required`), unless it is itself a call.
fn decorator_expression(pattern: &PNode) -> Option<&PNode> {
    let PNode::Code(decorator) = pattern else {
        return None;
    };
    decorator
        .children
        .iter()
        .map(|c| &c.node)
        .find(|n| !matches!(n, PNode::Code(token) if token.text.as_deref() == Some("@")))
        .filter(|n| !matches!(n, PNode::Code(code) if code.kind == KINDS.call))
}

/// The value of a keyword-argument pattern (`True` in `shell=True`).
fn keyword_value(pattern: &PNode) -> Option<&PNode> {
    let PNode::Code(code) = pattern else {
        return None;
    };
    code.children
        .iter()
        .find(|c| c.field == Some("value"))
        .map(|c| &c.node)
}

/// The inner expression of an expression-statement pattern.
fn expression_statement(pattern: &PNode) -> Option<&PNode> {
    match pattern {
        PNode::Code(code) if code.kind == KINDS.expression_statement => {
            match code.children.as_slice() {
                [only] => Some(&only.node),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The operator token of a binary-operator pattern.
fn operator(pattern: &CodeNode) -> Option<&str> {
    pattern
        .children
        .iter()
        .find(|c| c.field == Some("operator"))
        .and_then(|c| match &c.node {
            PNode::Code(token) => token.text.as_deref(),
            _ => None,
        })
}

/// A chain such as `"..." + $X + ...` that spells a `...` operand: its
/// operands, flattened, so the chain matches as a list (the operator is
/// associative, and `...` stands for any run of operands).
fn ellipsis_chain(pattern: &CodeNode) -> Option<Vec<&PNode>> {
    let op = operator(pattern)?;
    let mut operands = Vec::new();
    flatten_pattern_chain(pattern, op, &mut operands);
    operands
        .iter()
        .any(|p| matches!(p, PNode::Ellipsis))
        .then_some(operands)
}

fn flatten_pattern_chain<'p>(pattern: &'p CodeNode, op: &str, out: &mut Vec<&'p PNode>) {
    for child in pattern
        .children
        .iter()
        .filter(|c| c.field != Some("operator"))
    {
        match &child.node {
            PNode::Code(inner)
                if inner.kind == KINDS.binary_operator && operator(inner) == Some(op) =>
            {
                flatten_pattern_chain(inner, op, out);
            }
            other => out.push(other),
        }
    }
}

/// The operands of a chain of the same operator in code, flattened
/// (`a + b + c` is `[a, b, c]`); any other node is a chain of one.
pub fn operand_chain<'t>(node: Node<'t>, op: Option<&str>, source: &[u8]) -> Vec<Node<'t>> {
    let node = python::unwrap_parens(node);
    let same_operator = node.kind_id() == KINDS.binary_operator
        && node
            .child_by_field_name("operator")
            .is_some_and(|o| Some(&*python::text(o, source)) == op);
    if !same_operator {
        return vec![node];
    }
    let mut operands = Vec::new();
    for field in ["left", "right"] {
        if let Some(child) = node.child_by_field_name(field) {
            operands.extend(operand_chain(child, op, source));
        }
    }
    operands
}

/// The name of a keyword-argument pattern with a literal name (`shell=True`).
fn keyword_name(pattern: &PNode) -> Option<&str> {
    let PNode::Code(code) = pattern else {
        return None;
    };
    if code.kind != KINDS.keyword_argument {
        return None;
    }
    let name = code.children.iter().find(|c| c.field == Some("name"))?;
    match &name.node {
        PNode::Code(identifier) => identifier.text.as_deref(),
        _ => None,
    }
}

/// The statements of `nodes` and, after each, those nested in its blocks,
/// in source order.
fn flatten_statements<'t>(nodes: &[Node<'t>]) -> Vec<Node<'t>> {
    let mut flat = Vec::with_capacity(nodes.len());
    for &node in nodes {
        flat.push(node);
        flat.extend(node.descendants().skip(1).filter(|current| {
            current.is_named()
                && !current.is_extra()
                && current.parent().is_some_and(|p| p.kind_id() == KINDS.block)
        }));
    }
    flat
}
