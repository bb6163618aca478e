//! The analysis of one file: which functions to analyse, their summaries
//! (computed when first needed, remembered), the fixpoint over each
//! control-flow graph, and the tainted sinks found.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::rc::Rc;

use tripline_pattern::python::{self, KINDS};
use tripline_pattern::{deadline, Node};

use crate::cfg::{Cfg, ENTRY, EXIT};
use crate::fact::{steps_in_order, Origin, Path, State, Taint};
use crate::functions::{called_name, Functions, Parameter};
use crate::index::{contains, MatchIndex};
use crate::transfer::{Recorder, Transfer};
use crate::{HashMap, HashSet, Input, TaintedSink};

/// How many summaries may be in the making at once (a call inside a
/// function whose summary is being made, and so on): deeper calls use the
/// default propagation, as do recursive ones.
const MAX_CALL_DEPTH: usize = 8;

/// Block visits allowed per block of a graph before the fixpoint is given
/// up (it converges long before on real code: facts only grow).
const VISITS_PER_BLOCK: usize = 64;

/// What a function does with taint, seen from a call.
#[derive(Debug, Default)]
pub struct Summary {
    /// The taint of what it returns: [`Origin::Parameter`] flows stand for
    /// the arguments.
    pub returns: Taint,
    /// What each parameter (by position) holds at the end beyond its own
    /// value: `param.x = other_param`, `lst.append(value)`.
    pub effects: Vec<(usize, Taint)>,
    /// Sinks that parameters reach inside it.
    pub sinks: Vec<(usize, Taint)>,
}

/// A function body (or the module's top level) being analysed.
pub struct Unit<'t> {
    pub body: Node<'t>,
    pub parameters: Vec<Parameter<'t>>,
    /// The class a method belongs to, for calls on `self`.
    pub class: Option<Box<str>>,
    /// Variables assigned an instance of a class the file defines
    /// (`h = Helper()`), anywhere in the unit: calls of their methods use
    /// that class's summaries.
    pub instances: HashMap<Box<str>, Box<str>>,
}

pub struct Analysis<'x, 'a, 'r, 't> {
    pub input: &'x Input<'a, 'r, 't>,
    pub functions: Functions<'t>,
    pub index: MatchIndex,
    /// The units where data from a source can appear ([`Reach`]).
    sourced: BTreeSet<Option<usize>>,
    summaries: RefCell<HashMap<usize, Option<Rc<Summary>>>>,
    depth: Cell<usize>,
    /// The fixpoint was given up (deadline or budget): no findings.
    aborted: Cell<bool>,
    findings: RefCell<BTreeMap<usize, TaintedSink>>,
    /// The variable names paths start from, each allocated once.
    roots: RefCell<HashSet<Rc<str>>>,
}

/// The sinks that tainted data reaches in the file.
pub fn analyze(input: &Input<'_, '_, '_>) -> Vec<TaintedSink> {
    if input.matches.sources.is_empty() || input.matches.sinks.is_empty() {
        return Vec::new();
    }
    let mut analysis = Analysis::new(input);
    let reach = Reach::find(&analysis);
    // A unit makes findings when data from a source meets a sink in it or
    // in what it calls; others are analysed only when a call needs their
    // summary.
    let sinking = reach.callers_of(&reach.with_sink, &analysis.functions, input.source);
    analysis.sourced = reach.callers_of(&reach.with_source, &analysis.functions, input.source);
    for &unit in analysis.sourced.intersection(&sinking) {
        match unit {
            Some(function) => {
                analysis.summary(function);
            }
            None => {
                analysis.run(&analysis.module_unit());
            }
        }
        if analysis.aborted.get() {
            return Vec::new();
        }
    }
    analysis.findings.into_inner().into_values().collect()
}

impl<'x, 'a, 'r, 't> Analysis<'x, 'a, 'r, 't> {
    fn new(input: &'x Input<'a, 'r, 't>) -> Self {
        Analysis {
            input,
            functions: Functions::find(input.root, input.source),
            index: MatchIndex::new(input.root, input.matches),
            summaries: RefCell::default(),
            depth: Cell::new(0),
            aborted: Cell::new(false),
            sourced: BTreeSet::new(),
            findings: RefCell::default(),
            roots: RefCell::default(),
        }
    }

    /// The path of the variable `name`: paths are made at every read and
    /// assignment, and share the few names a function has.
    pub fn variable(&self, name: &str) -> Path {
        let mut roots = self.roots.borrow_mut();
        let root = match roots.get(name) {
            Some(root) => root.clone(),
            None => {
                let root: Rc<str> = name.into();
                roots.insert(root.clone());
                root
            }
        };
        Path {
            root,
            fields: Vec::new(),
        }
    }

    /// Whether a call of function `index` may bring a source's data (its
    /// summary may return or store some): else a call of it with clean
    /// arguments has a clean result and no effect.
    pub fn may_bring_sources(&self, index: usize) -> bool {
        self.sourced.contains(&Some(index))
    }

    fn module_unit(&self) -> Unit<'t> {
        Unit {
            body: self.input.root,
            parameters: Vec::new(),
            class: None,
            instances: self.instances(self.input.root),
        }
    }

    /// The summary of function `index`, made on first use; `None` while it
    /// is being made (a recursive call) or when too many are.
    pub fn summary(&self, index: usize) -> Option<Rc<Summary>> {
        match self.summaries.borrow().get(&index) {
            Some(known) => return known.clone(),
            None if self.depth.get() >= MAX_CALL_DEPTH => return None,
            None => {}
        }
        let function = &self.functions.all[index];
        let body = function.node.child_by_field_name("body")?;
        self.summaries.borrow_mut().insert(index, None);
        let unit = Unit {
            body,
            parameters: function.parameters.clone(),
            class: function.class.clone(),
            instances: self.instances(function.node),
        };
        self.depth.set(self.depth.get() + 1);
        let summary = Rc::new(self.run(&unit));
        self.depth.set(self.depth.get() - 1);
        self.summaries
            .borrow_mut()
            .insert(index, Some(summary.clone()));
        Some(summary)
    }

    /// `name = Class(...)` for classes the file defines, in `scope`.
    fn instances(&self, scope: Node<'t>) -> HashMap<Box<str>, Box<str>> {
        let source = self.input.source;
        let mut instances = HashMap::default();
        for node in scope.descendants().filter(|n| n.kind() == "assignment") {
            let (Some(left), Some(right)) = (
                node.child_by_field_name("left"),
                node.child_by_field_name("right"),
            ) else {
                continue;
            };
            let class = right
                .child_by_field_name("function")
                .filter(|f| right.kind() == "call" && f.kind() == "identifier")
                .map(|f| python::text(f, source));
            if let Some(class) = class.filter(|c| self.functions.classes.contains_key(c.as_ref())) {
                if left.kind() == "identifier" {
                    instances.insert(python::text(left, source).into(), class.into());
                }
            }
        }
        instances
    }

    /// Runs a unit's graph to its fixpoint, then once more to record what
    /// reaches its sinks and its `return`s.
    pub fn run(&self, unit: &Unit<'t>) -> Summary {
        let sanitizers = &self.input.matches.sanitizers;
        let guarded = |condition: Node<'t>| {
            let range = condition.byte_range();
            sanitizers
                .iter()
                .any(|s| s.by_side_effect && contains(&range, &s.range))
        };
        let cfg = Cfg::build(unit.body, self.input.source, &guarded);
        let mut entry = State::default();
        for (i, parameter) in unit.parameters.iter().enumerate() {
            let mut taint = Taint::of(Origin::Parameter(i as u16));
            taint.join(&self.parameter_sources(parameter));
            entry.assign(&self.variable(&parameter.name), taint);
        }
        let Some(states) = self.fixpoint(&cfg, unit, entry) else {
            self.aborted.set(true);
            return Summary::default();
        };
        let mut recorder = Recorder::default();
        for (block, state) in cfg.blocks.iter().zip(&states) {
            if let Some(state) = state {
                let mut state = state.clone();
                let mut transfer = Transfer::new(self, unit, Some(&mut recorder));
                transfer.block(*block, &mut state);
            }
        }
        let mut summary = Summary {
            returns: recorder.returns,
            ..Summary::default()
        };
        for (sink, taint) in recorder.hits {
            self.report(sink, &taint, &mut summary);
        }
        if let Some(exit) = &states[EXIT] {
            for (i, parameter) in unit.parameters.iter().enumerate() {
                let mut effect = Taint::default();
                let held = exit.under(&self.variable(&parameter.name));
                for flow in held.flows() {
                    if flow.origin != Origin::Parameter(i as u16) {
                        effect.add(flow.clone());
                    }
                }
                if !effect.is_clean() {
                    summary.effects.push((i, effect));
                }
            }
        }
        summary
    }

    /// The in-state of each block at the fixpoint (`None`: unreachable);
    /// `None` if the deadline passed or the budget ran out.
    fn fixpoint(&self, cfg: &Cfg<'t>, unit: &Unit<'t>, entry: State) -> Option<Vec<Option<State>>> {
        let count = cfg.blocks.len();
        let mut states: Vec<Option<State>> = vec![None; count];
        states[ENTRY] = Some(entry);
        // Blocks are numbered in source order, so taking the lowest first
        // finishes a loop (whose header comes before its body) before the
        // code after it, and visits each block fewer times than a FIFO.
        let mut queue = BTreeSet::from([ENTRY]);
        let mut budget = count.saturating_mul(VISITS_PER_BLOCK);
        while let Some(block) = queue.pop_first() {
            if budget == 0 || deadline::check() {
                return None;
            }
            budget -= 1;
            let mut out = states[block].clone().unwrap_or_default();
            Transfer::new(self, unit, None).block(cfg.blocks[block], &mut out);
            for &next in &cfg.successors[block] {
                let changed = match &mut states[next] {
                    Some(state) => state.join(&out),
                    None => {
                        states[next] = Some(out.clone());
                        true
                    }
                };
                if changed {
                    queue.insert(next);
                }
            }
        }
        Some(states)
    }

    /// The sources that match a parameter: it is tainted from the start
    /// (a Flask route parameter, a FastAPI annotated one).
    fn parameter_sources(&self, parameter: &Parameter<'t>) -> Taint {
        let mut taint = Taint::default();
        for (i, source) in self.input.matches.sources.iter().enumerate() {
            let covers = |node: Node<'_>| {
                let range = node.byte_range();
                source.range == range || (!source.exact && contains(&source.range, &range))
            };
            if covers(parameter.identifier) || covers(parameter.node) {
                taint.add(crate::fact::Flow {
                    origin: Origin::Source(i as u32),
                    steps: None,
                });
            }
        }
        taint
    }

    /// Taint reaching sink `sink`: a finding for flows from sources (if
    /// their labels satisfy the sink's `requires`), a summary entry for
    /// flows from parameters.
    pub fn report(&self, sink: usize, taint: &Taint, summary: &mut Summary) {
        let matches = self.input.matches;
        let mut from_parameters = Taint::default();
        let mut from_sources = Vec::new();
        for flow in taint.flows() {
            match flow.origin {
                Origin::Source(source) => from_sources.push((source as usize, flow)),
                Origin::Parameter(_) => from_parameters.add(flow.clone()),
            }
        }
        if !from_parameters.is_clean() {
            summary.sinks.push((sink, from_parameters));
        }
        let labels: BTreeSet<&str> = from_sources
            .iter()
            .map(|(source, _)| matches.sources[*source].label)
            .collect();
        let Some((source, flow)) = from_sources.first() else {
            return;
        };
        if matches.sinks[sink]
            .requires
            .is_some_and(|r| !r.holds(&labels))
        {
            return;
        }
        self.findings
            .borrow_mut()
            .entry(sink)
            .or_insert_with(|| TaintedSink {
                sink,
                source: *source,
                steps: steps_in_order(&flow.steps),
            });
    }
}

/// Which units (functions, and `None` for the module's top level) hold a
/// source or a sink match, and which local names each calls: a call of a
/// function, method or class that can see a source's data (or reach a
/// sink) can too.
struct Reach {
    with_source: BTreeSet<Option<usize>>,
    with_sink: BTreeSet<Option<usize>>,
    /// (caller, name called), for names the file defines.
    calls: Vec<(Option<usize>, Box<str>)>,
}

impl Reach {
    fn find(analysis: &Analysis<'_, '_, '_, '_>) -> Self {
        let source = analysis.input.source;
        let root = analysis.input.root;
        let functions = &analysis.functions;
        let matches = analysis.input.matches;
        let unit_at = |range: &Range<usize>| unit_of(functions, root.innermost(range));
        let mut calls = Vec::new();
        let call = KINDS.call;
        for node in root.descendants().filter(|n| n.kind_id() == call) {
            let callee = node
                .child_by_field_name("function")
                .and_then(called_name)
                .map(|name| python::text(name, source))
                .filter(|name| functions.defines(name));
            if let Some(name) = callee {
                calls.push((unit_of(functions, node), name.into()));
            }
        }
        Reach {
            with_source: matches.sources.iter().map(|m| unit_at(&m.range)).collect(),
            with_sink: matches.sinks.iter().map(|m| unit_at(&m.range)).collect(),
            calls,
        }
    }

    /// `units` and every unit that calls one of them, by name (the
    /// function's, or its class's for a method), to a fixpoint.
    fn callers_of(
        &self,
        units: &BTreeSet<Option<usize>>,
        functions: &Functions<'_>,
        source: &[u8],
    ) -> BTreeSet<Option<usize>> {
        let mut found = BTreeSet::new();
        let mut names: HashSet<Box<str>> = HashSet::default();
        let mut pending: Vec<Option<usize>> = units.iter().copied().collect();
        while let Some(unit) = pending.pop() {
            if !found.insert(unit) {
                continue;
            }
            let Some(function) = unit.map(|index| &functions.all[index]) else {
                continue;
            };
            let name = function
                .node
                .child_by_field_name("name")
                .map(|n| python::text(n, source));
            for name in name
                .into_iter()
                .map(Into::into)
                .chain(function.class.clone())
            {
                if names.insert(name) {
                    pending.extend(
                        self.calls
                            .iter()
                            .filter(|(caller, called)| {
                                !found.contains(caller) && names.contains(called)
                            })
                            .map(|(caller, _)| *caller),
                    );
                }
            }
        }
        found
    }
}

/// The function whose body (or parameters) `node` is in, if any.
fn unit_of(functions: &Functions<'_>, node: Node<'_>) -> Option<usize> {
    std::iter::successors(Some(node), |n| n.parent())
        .filter(|n| n.kind_id() == KINDS.function_definition)
        .find_map(|n| functions.at(n))
}

/// The nodes a match's range stands for: those spanning exactly that range
/// (a node and its same-sized parents); failing that, the children of
/// the smallest node around the range that lie within it (`$...ARGS`).
pub fn nodes_for<'t>(root: Node<'t>, range: &Range<usize>) -> Vec<Node<'t>> {
    let innermost = root.innermost(range);
    if innermost.byte_range() == *range {
        let mut nodes = vec![innermost];
        let mut node = innermost;
        while let Some(parent) = node.parent().filter(|p| p.byte_range() == *range) {
            nodes.push(parent);
            node = parent;
        }
        return nodes;
    }
    innermost
        .named_children()
        .filter(|c| contains(range, &c.byte_range()))
        .collect()
}
