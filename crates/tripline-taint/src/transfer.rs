//! What one block of a graph does to the facts: expressions evaluated to
//! their taint, assignments applied, sanitizers and propagators honoured,
//! and (in the recording pass) the taint reaching sinks and `return`s.

use tripline_pattern::{python, Node};

use crate::analysis::{nodes_for, Analysis, Unit};
use crate::calls;
use crate::cfg::Block;
use crate::constant;
use crate::fact::{Field, Flow, Origin, Path, State, Taint};
use crate::index::contains;

/// Expressions nested deeper than this are over-approximated ([`Transfer::flat`])
/// rather than evaluated part by part.
const MAX_DEPTH: usize = 96;

/// What the recording pass collects.
#[derive(Default)]
pub struct Recorder {
    /// Sinks reached, with the taint that reached them.
    pub hits: Vec<(usize, Taint)>,
    /// The taint of the returned values.
    pub returns: Taint,
}

pub struct Transfer<'y, 'x, 'a, 'r, 't> {
    pub analysis: &'y Analysis<'x, 'a, 'r, 't>,
    pub unit: &'y Unit<'t>,
    recorder: Option<&'y mut Recorder>,
}

impl<'y, 'x, 'a, 'r, 't> Transfer<'y, 'x, 'a, 'r, 't> {
    pub fn new(
        analysis: &'y Analysis<'x, 'a, 'r, 't>,
        unit: &'y Unit<'t>,
        recorder: Option<&'y mut Recorder>,
    ) -> Self {
        Transfer {
            analysis,
            unit,
            recorder,
        }
    }

    pub fn source(&self) -> &'a [u8] {
        self.analysis.input.source
    }

    pub fn options(&self) -> &tripline_rule::TaintOptions {
        &self.analysis.input.options
    }

    fn text(&self, node: Node<'_>) -> String {
        python::text(node, self.source()).into_owned()
    }

    /// The path of the variable `node` names.
    fn variable(&self, node: Node<'_>) -> Path {
        self.analysis.variable(&python::text(node, self.source()))
    }

    pub fn block(&mut self, block: Block<'t>, state: &mut State) {
        match block {
            Block::Join => {}
            Block::Statement(node) => self.statement(node, state),
            Block::Test(node) => {
                self.expression(state, node, 0);
            }
            Block::Bind { target, value } => {
                let taint = self.expression(state, value, 0);
                self.assign(state, target, &taint);
            }
            Block::Guard(condition) => self.guard(condition, state),
            Block::Opaque(node) => self.opaque(node, state),
        }
    }

    fn statement(&mut self, node: Node<'t>, state: &mut State) {
        let mut taint = Taint::default();
        match node.kind() {
            "import_statement"
            | "import_from_statement"
            | "future_import_statement"
            | "global_statement"
            | "nonlocal_statement"
            | "pass_statement" => {}
            "delete_statement" => {
                for target in node.named_children() {
                    for deleted in sequence_elements(target) {
                        if let Some(path) = self.path_of(deleted) {
                            state.clean(&path);
                        }
                    }
                }
            }
            "return_statement" => {
                for child in node.named_children().filter(|c| !c.is_extra()) {
                    taint.join(&self.expression(state, child, 0));
                }
                if let Some(recorder) = self.recorder.as_deref_mut() {
                    recorder.returns.join(&taint);
                }
            }
            _ => {
                for child in node.named_children().filter(|c| !c.is_extra()) {
                    taint.join(&self.expression(state, child, 0));
                }
            }
        }
        self.hit_sinks(node, &taint, state, 0);
        self.side_effects(node, state);
    }

    /// After a statement: side-effect sanitizers in it clean what they
    /// matched, and propagators in it move taint from `from` to `to`.
    fn side_effects(&mut self, node: Node<'t>, state: &mut State) {
        let range = node.byte_range();
        let inside = |r: &std::ops::Range<usize>| contains(&range, r);
        let matches = self.analysis.input.matches;
        for sanitizer in matches.sanitizers.iter().filter(|s| s.by_side_effect) {
            if inside(&sanitizer.range) {
                for path in self.sanitized_paths(&sanitizer.range) {
                    state.clean(&path);
                }
            }
        }
        for propagator in matches.propagators.iter().filter(|p| inside(&p.range)) {
            let root = self.analysis.input.root;
            let taint = nodes_for(root, &propagator.from)
                .into_iter()
                .next()
                .map(|from| self.expression(state, from, 0))
                .unwrap_or_default();
            for to in nodes_for(root, &propagator.to).into_iter().take(1) {
                if let Some(path) = self.path_of(to) {
                    state.add(&path, &taint.through(to.byte_range()));
                }
            }
        }
    }

    /// A condition checked by side-effect sanitizers: on this branch, what
    /// they matched is clean.
    fn guard(&mut self, condition: Node<'t>, state: &mut State) {
        let range = condition.byte_range();
        let matches = self.analysis.input.matches;
        for sanitizer in matches.sanitizers.iter().filter(|s| s.by_side_effect) {
            if contains(&range, &sanitizer.range) {
                for path in self.sanitized_paths(&sanitizer.range) {
                    state.clean(&path);
                }
            }
        }
    }

    /// What a side-effect sanitizer cleans: the variable (or attribute, or
    /// key) it matched, or else those it holds, callees aside
    /// (`is_safe(p)`, `'..' in p`).
    fn sanitized_paths(&self, range: &std::ops::Range<usize>) -> Vec<Path> {
        let mut paths = Vec::new();
        for node in nodes_for(self.analysis.input.root, range)
            .into_iter()
            .take(1)
        {
            if let Some(path) = self.path_of(node) {
                return vec![path];
            }
            for inner in node.descendants() {
                let in_callee = || {
                    let mut current = inner;
                    while current != node {
                        if current.field_name() == Some("function") {
                            return true;
                        }
                        match current.parent() {
                            Some(parent) => current = parent,
                            None => break,
                        }
                    }
                    false
                };
                let is_part = inner.parent().is_some_and(|p| {
                    matches!(p.kind(), "attribute" | "subscript")
                        && p != node
                        && self.path_of(p).is_some()
                });
                if matches!(inner.kind(), "identifier" | "attribute" | "subscript")
                    && !is_part
                    && !in_callee()
                {
                    paths.extend(self.path_of(inner));
                }
            }
        }
        paths
    }

    /// A statement too deeply nested to have been built into the graph:
    /// every variable it assigns may get the taint of anything it reads.
    fn opaque(&mut self, node: Node<'t>, state: &mut State) {
        let taint = self.flat(state, node);
        let assigned: Vec<Path> = node
            .descendants()
            .filter(|n| n.kind() == "identifier")
            .filter(|n| matches!(n.field_name(), Some("left" | "name" | "alias")))
            .map(|n| self.variable(n))
            .collect();
        for path in assigned {
            state.add(&path, &taint);
        }
    }

    /// The taint of everything `node` reads, in one walk: what a too deeply
    /// nested expression is taken to carry.
    fn flat(&self, state: &State, node: Node<'t>) -> Taint {
        let mut taint = Taint::default();
        for inner in node.descendants() {
            if inner.kind() == "identifier" {
                taint.join(&state.under(&self.variable(inner)));
            }
            taint = self.add_sources(inner, taint);
        }
        taint
    }

    /// The taint of an expression's value.
    pub fn expression(&mut self, state: &mut State, node: Node<'t>, depth: usize) -> Taint {
        if depth > MAX_DEPTH {
            return self.flat(state, node);
        }
        let next = depth + 1;
        let options = *self.options();
        let taint = match node.kind() {
            "identifier" | "attribute" | "subscript" => self.access(state, node, next),
            "call" => calls::call(self, state, node, next),
            "string" => {
                let mut taint = Taint::default();
                for interpolation in node
                    .named_children()
                    .filter(|c| c.kind() == "interpolation")
                {
                    if let Some(inner) = interpolation.child_by_field_name("expression") {
                        taint.join(&self.expression(state, inner, next));
                    }
                }
                taint
            }
            "comparison_operator" | "not_operator" if options.assume_safe_booleans => {
                self.children(state, node, next);
                Taint::default()
            }
            "unary_operator" if options.assume_safe_numbers => {
                self.children(state, node, next);
                Taint::default()
            }
            "conditional_expression" => self.conditional(state, node, next),
            "named_expression" => {
                let value = node.child_by_field_name("value");
                let taint = value
                    .map(|v| self.expression(state, v, next))
                    .unwrap_or_default();
                if let Some(name) = node.child_by_field_name("name") {
                    self.assign(state, name, &taint);
                }
                taint
            }
            "assignment" => self.assignment(state, node, next),
            "augmented_assignment" => {
                let mut taint = Taint::default();
                if let Some(left) = node.child_by_field_name("left") {
                    taint.join(&self.expression(state, left, next));
                    if let Some(right) = node.child_by_field_name("right") {
                        taint.join(&self.expression(state, right, next));
                    }
                    self.assign(state, left, &taint);
                }
                taint
            }
            "list_comprehension"
            | "set_comprehension"
            | "generator_expression"
            | "dictionary_comprehension" => self.comprehension(state, node, next),
            "lambda" => {
                // What the lambda captures; its parameters are clean here
                // (a call of it propagates its arguments by default).
                let mut inner = state.clone();
                if let Some(parameters) = node.child_by_field_name("parameters") {
                    for parameter in parameters
                        .descendants()
                        .filter(|n| n.kind() == "identifier")
                    {
                        inner.clean(&self.variable(parameter));
                    }
                }
                node.child_by_field_name("body")
                    .map(|body| self.expression(&mut inner, body, next))
                    .unwrap_or_default()
            }
            "yield" => {
                self.children(state, node, next);
                Taint::default()
            }
            "slice" if options.assume_safe_indexes => Taint::default(),
            "integer" | "float" | "true" | "false" | "none" | "ellipsis" | "comment" => {
                Taint::default()
            }
            _ => self.children(state, node, next),
        };
        // A sanitized expression is still evaluated: the sinks and
        // assignments inside it (`len(db.execute(q))`) happen. A sink that
        // is also a sanitizer is not reached.
        if self.is_sanitized(node) {
            return Taint::default();
        }
        let taint = self.add_sources(node, taint);
        self.hit_sinks(node, &taint, state, depth);
        taint
    }

    /// The union of the named children's taint.
    pub fn children(&mut self, state: &mut State, node: Node<'t>, depth: usize) -> Taint {
        let mut taint = Taint::default();
        for child in node.named_children().filter(|c| !c.is_extra()) {
            taint.join(&self.expression(state, child, depth));
        }
        taint
    }

    /// `x`, `x.attr`, `d['k']`: the access path's taint, plus the sources
    /// matched on the objects it goes through. An access that is no path
    /// (`f().x`, `d[i]`) is the taint of its object (and index).
    fn access(&mut self, state: &mut State, node: Node<'t>, depth: usize) -> Taint {
        if let Some(path) = self.path_of(node) {
            let mut taint = state.read(&path);
            let mut object = node;
            while let Some(inner) = match object.kind() {
                "attribute" => object.child_by_field_name("object"),
                "subscript" => object.child_by_field_name("value"),
                _ => None,
            } {
                taint = self.add_sources(inner, taint);
                object = inner;
            }
            return taint;
        }
        match node.kind() {
            "attribute" => node
                .child_by_field_name("object")
                .map(|o| self.expression(state, o, depth))
                .unwrap_or_default(),
            "subscript" => {
                let mut taint = node
                    .child_by_field_name("value")
                    .map(|v| self.expression(state, v, depth))
                    .unwrap_or_default();
                for index in node.children_by_field_name("subscript") {
                    let index_taint = self.expression(state, index, depth);
                    if !self.options().assume_safe_indexes {
                        taint.join(&index_taint);
                    }
                }
                taint
            }
            _ => Taint::default(),
        }
    }

    /// `a if c else b`: only the live branch when `c` is constant.
    fn conditional(&mut self, state: &mut State, node: Node<'t>, depth: usize) -> Taint {
        let parts: Vec<Node<'t>> = node.named_children().filter(|c| !c.is_extra()).collect();
        let [then, condition, otherwise] = parts[..] else {
            return self.children(state, node, depth);
        };
        self.expression(state, condition, depth);
        match constant::truth(condition, self.source()) {
            Some(true) => self.expression(state, then, depth),
            Some(false) => self.expression(state, otherwise, depth),
            None => {
                let taint = self.expression(state, then, depth);
                taint.union(&self.expression(state, otherwise, depth))
            }
        }
    }

    /// `[e for x in xs if c]`: `x` gets the taint of `xs`, then `e` is
    /// evaluated (in a copy of the state: the loop variables do not leak).
    fn comprehension(&mut self, state: &mut State, node: Node<'t>, depth: usize) -> Taint {
        let mut inner = state.clone();
        for clause in node.named_children() {
            match clause.kind() {
                "for_in_clause" => {
                    let taint = clause
                        .child_by_field_name("right")
                        .map(|r| self.expression(&mut inner, r, depth))
                        .unwrap_or_default();
                    if let Some(left) = clause.child_by_field_name("left") {
                        self.assign(&mut inner, left, &taint);
                    }
                }
                "if_clause" => {
                    self.children(&mut inner, clause, depth);
                }
                _ => {}
            }
        }
        node.child_by_field_name("body")
            .map(|body| self.expression(&mut inner, body, depth))
            .unwrap_or_default()
    }

    /// `left = right`: element by element when both sides are sequences
    /// of the same length, key by key for a dict literal.
    fn assignment(&mut self, state: &mut State, node: Node<'t>, depth: usize) -> Taint {
        let (Some(left), Some(right)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return Taint::default();
        };
        let targets = sequence_elements(left);
        let values = sequence_elements(right);
        let spread = |nodes: &[Node<'_>]| nodes.iter().any(|n| n.kind().contains("splat"));
        if is_sequence(left)
            && is_sequence(right)
            && targets.len() == values.len()
            && !spread(&targets)
            && !spread(&values)
        {
            let mut all = Taint::default();
            for (target, value) in targets.into_iter().zip(values) {
                let taint = self.expression(state, value, depth);
                self.assign(state, target, &taint);
                all.join(&taint);
            }
            return all;
        }
        if matches!(right.kind(), "dictionary" | "list" | "tuple") {
            if let Some(path) = self.path_of(left) {
                return self.literal(state, &path, left, right, depth);
            }
        }
        let taint = self.expression(state, right, depth);
        self.assign(state, left, &taint);
        taint
    }

    /// `d = {'k': v, ...}`, `l = [a, b]`: each constant key's (or
    /// position's) value tracked apart.
    fn literal(
        &mut self,
        state: &mut State,
        path: &Path,
        left: Node<'t>,
        right: Node<'t>,
        depth: usize,
    ) -> Taint {
        let elements: Vec<Node<'t>> = right.named_children().filter(|c| !c.is_extra()).collect();
        let spread = elements.iter().any(|e| e.kind().contains("splat"));
        let mut values: Vec<(Option<String>, Taint)> = Vec::new();
        for (position, element) in elements.into_iter().enumerate() {
            let (key, value) = match element.kind() {
                "pair" => (
                    element
                        .child_by_field_name("key")
                        .and_then(|k| self.constant_key(k)),
                    element.child_by_field_name("value"),
                ),
                _ if right.kind() == "dictionary" || spread => (None, Some(element)),
                _ => (Some((position as f64).to_string()), Some(element)),
            };
            let taint = value
                .map(|v| self.expression(state, v, depth))
                .unwrap_or_default();
            values.push((key, taint.through(left.byte_range())));
        }
        state.clean(path);
        let mut all = Taint::default();
        for (key, taint) in values {
            match key {
                Some(key) => {
                    state.assign(&path.clone().with(Field::Key(key.into())), taint.clone())
                }
                None => state.add(path, &taint),
            }
            all.join(&taint);
        }
        all
    }

    /// Gives `target` (a variable, attribute, key, or a pattern of them)
    /// the taint `taint`.
    pub fn assign(&mut self, state: &mut State, target: Node<'t>, taint: &Taint) {
        let mut pending = vec![target];
        let mut budget = 4096;
        while let Some(target) = pending.pop() {
            budget -= 1;
            if budget == 0 {
                break;
            }
            match target.kind() {
                "identifier" | "attribute" => {
                    if let Some(path) = self.path_of(target) {
                        state.assign(&path, taint.through(target.byte_range()));
                    }
                }
                "subscript" => match self.path_of(target) {
                    Some(path) => state.assign(&path, taint.through(target.byte_range())),
                    // `d[i] = v`: the key is not known, so `d` may now hold `v`.
                    None => {
                        if let Some(path) = target
                            .child_by_field_name("value")
                            .and_then(|v| self.path_of(v))
                        {
                            state.add(&path, &taint.through(target.byte_range()));
                        }
                    }
                },
                // The captures of a `case` pattern (`case {'k': v}`), but
                // not the dotted names it compares with (`case Color.RED`).
                "case_pattern" => {
                    for inner in target.descendants().filter(|n| n.kind() == "identifier") {
                        let in_dotted = inner.parent().is_some_and(|p| {
                            p.kind() == "dotted_name" && p.named_child_count() > 1
                        });
                        let class_name = inner
                            .parent()
                            .and_then(|p| p.parent())
                            .is_some_and(|g| g.kind() == "class_pattern");
                        if !in_dotted && !class_name && self.text(inner) != "_" {
                            state.assign(&self.variable(inner), taint.through(inner.byte_range()));
                        }
                    }
                }
                _ => pending.extend(target.named_children().filter(|c| !c.is_extra())),
            }
        }
    }

    /// The access path an expression names: `x`, `x.a`, `x['k']`, `x[0]`
    /// (constant keys only).
    pub fn path_of(&self, node: Node<'_>) -> Option<Path> {
        let mut fields = Vec::new();
        let mut current = python::unwrap_parens(node);
        for _ in 0..16 {
            match current.kind() {
                "identifier" => {
                    let mut path = self.variable(current);
                    for field in fields.into_iter().rev() {
                        path = path.with(field);
                    }
                    return Some(path);
                }
                "attribute" => {
                    let name = current.child_by_field_name("attribute")?;
                    fields.push(Field::Attribute(self.text(name).into()));
                    current = current.child_by_field_name("object")?;
                }
                "subscript" => {
                    let mut indexes = current.children_by_field_name("subscript");
                    let key = self.constant_key(indexes.next()?)?;
                    if indexes.next().is_some() {
                        return None;
                    }
                    fields.push(Field::Key(key.into()));
                    current = current.child_by_field_name("value")?;
                }
                _ => return None,
            }
            current = python::unwrap_parens(current);
        }
        None
    }

    /// The text of a constant key (a string's value, a number as written).
    /// A negative index is no key: `l[-1]` is the same element as `l[1]`
    /// in a list of two.
    pub fn constant_key(&self, node: Node<'_>) -> Option<String> {
        match constant::value(node, self.source(), 0)? {
            constant::Constant::Text(text) => Some(format!("{text:?}")),
            constant::Constant::Number(n) if n < 0.0 => None,
            constant::Constant::Number(n) => Some(n.to_string()),
            constant::Constant::Bool(b) => Some(b.to_string()),
            constant::Constant::None => Some("None".to_owned()),
        }
    }

    /// Whether a sanitizer (not by side effect) matched the expression, or
    /// a statement or block around it.
    fn is_sanitized(&self, node: Node<'_>) -> bool {
        let range = node.byte_range();
        let index = &self.analysis.index;
        index.sanitized.contains(&range)
            || index
                .region_sanitizers
                .iter()
                .any(|region| contains(region, &range))
    }

    /// `taint` plus the sources that match the expression (those with
    /// `requires` only if `taint` has the labels).
    pub fn add_sources(&self, node: Node<'_>, mut taint: Taint) -> Taint {
        let range = node.byte_range();
        let matches = self.analysis.input.matches;
        let index = &self.analysis.index;
        let exact = index.sources_at.get(&range).into_iter().flatten();
        let around = index
            .region_sources
            .iter()
            .filter(|&&i| contains(&matches.sources[i].range, &range));
        let applying: Vec<usize> = exact.chain(around).copied().collect();
        for i in applying {
            if let Some(requires) = matches.sources[i].requires {
                let labels = taint
                    .flows()
                    .iter()
                    .filter_map(|f| match f.origin {
                        Origin::Source(s) => Some(matches.sources[s as usize].label),
                        Origin::Parameter(_) => None,
                    })
                    .collect();
                if !requires.holds(&labels) {
                    continue;
                }
            }
            taint.add(Flow {
                origin: Origin::Source(i as u32),
                steps: None,
            });
        }
        taint
    }

    /// In the recording pass, notes the taint reaching the sinks matched
    /// at `node`: its own, and for a call (unless the sink is `exact`), that
    /// of its arguments (which an unknown call with
    /// `taint_assume_safe_functions` does not pass on).
    fn hit_sinks(&mut self, node: Node<'t>, taint: &Taint, state: &mut State, depth: usize) {
        if self.recorder.is_none() {
            return;
        }
        let Some(sinks) = self.analysis.index.sinks_at.get(&node.id()) else {
            return;
        };
        let matches = self.analysis.input.matches;
        for &sink in sinks {
            let mut reaching = taint.clone();
            if !matches.sinks[sink].exact && node.kind() == "call" {
                if let Some(arguments) = node.child_by_field_name("arguments") {
                    reaching.join(&self.children(state, arguments, depth + 1));
                }
            }
            self.hit(sink, reaching);
        }
    }

    /// Notes that `taint` reaches sink `sink` (in the recording pass).
    pub fn hit(&mut self, sink: usize, taint: Taint) {
        if taint.is_clean() {
            return;
        }
        if let Some(recorder) = self.recorder.as_deref_mut() {
            recorder.hits.push((sink, taint));
        }
    }

    /// Whether this is the recording pass.
    pub fn recording(&self) -> bool {
        self.recorder.is_some()
    }
}

fn is_sequence(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "pattern_list" | "tuple_pattern" | "list_pattern" | "tuple" | "list" | "expression_list"
    )
}

/// The elements of a sequence (or the node itself).
fn sequence_elements(node: Node<'_>) -> Vec<Node<'_>> {
    if is_sequence(node) {
        node.named_children().filter(|c| !c.is_extra()).collect()
    } else {
        vec![node]
    }
}
