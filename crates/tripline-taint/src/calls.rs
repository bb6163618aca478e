//! Calls: of a function or method the file defines, through its summary;
//! of anything else, by what the analysis knows of Python (containers
//! that take in data, string methods that pass it on) or by default
//! propagation (the result carries the taint of the arguments and of the
//! object the method is called on).

use tripline_pattern::{python, Node};

use crate::fact::{concatenate, step, Field, Flow, Origin, State, Taint};
use crate::functions::{called_name, ParameterKind};
use crate::transfer::Transfer;

/// Methods that put their arguments into the object they are called on.
const MUTATORS: &[&str] = &[
    "append",
    "extend",
    "insert",
    "add",
    "update",
    "setdefault",
    "appendleft",
    "extendleft",
    "set",
    "read_dict",
    "read_string",
    "push",
    "put",
];

/// Methods that read a key (their first argument) of a mapping.
const KEYED_READS: &[&str] = &["get", "pop", "setdefault", "getlist"];

/// Calls that pass their input on even with `taint_assume_safe_functions`:
/// string and bytes methods, container reads and conversions, encodings
/// (`base64`, `urllib.parse`), path joins, JSON.
const PROPAGATORS: &[&str] = &[
    "strip",
    "lstrip",
    "rstrip",
    "split",
    "rsplit",
    "splitlines",
    "lower",
    "upper",
    "casefold",
    "title",
    "capitalize",
    "swapcase",
    "replace",
    "format",
    "format_map",
    "join",
    "encode",
    "decode",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "expandtabs",
    "partition",
    "rpartition",
    "translate",
    "removeprefix",
    "removesuffix",
    "get",
    "pop",
    "copy",
    "items",
    "values",
    "keys",
    "setdefault",
    "getlist",
    "str",
    "bytes",
    "bytearray",
    "repr",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "sorted",
    "reversed",
    "b64encode",
    "b64decode",
    "urlsafe_b64encode",
    "urlsafe_b64decode",
    "standard_b64encode",
    "standard_b64decode",
    "b32encode",
    "b32decode",
    "b16encode",
    "b16decode",
    "quote",
    "quote_plus",
    "unquote",
    "unquote_plus",
    "urlencode",
    "urljoin",
    "urlunparse",
    "urlparse",
    "normpath",
    "dumps",
    "loads",
    "getvalue",
    "read",
];

/// Calls whose result is a number (clean with `taint_assume_safe_numbers`).
const NUMBERS: &[&str] = &[
    "int", "float", "len", "abs", "round", "ord", "hash", "id", "count", "index", "find", "rfind",
    "complex",
];

/// Calls whose result is a boolean (clean with `taint_assume_safe_booleans`).
const BOOLEANS: &[&str] = &[
    "bool",
    "isinstance",
    "issubclass",
    "callable",
    "hasattr",
    "startswith",
    "endswith",
    "isdigit",
    "isalpha",
    "isalnum",
    "isnumeric",
    "isdecimal",
    "isidentifier",
    "islower",
    "isupper",
    "isspace",
    "exists",
    "isfile",
    "isdir",
];

/// A call's arguments, evaluated.
struct Arguments<'t> {
    /// The object a method is called on.
    receiver: Option<(Node<'t>, Taint)>,
    positional: Vec<(Node<'t>, Taint)>,
    keywords: Vec<(String, Node<'t>, Taint)>,
    /// `*xs` and `**kw`: may fill any parameter.
    spread: Taint,
}

impl Arguments<'_> {
    fn are_clean(&self) -> bool {
        self.receiver.as_ref().is_none_or(|(_, t)| t.is_clean()) && self.all().is_clean()
    }

    fn all(&self) -> Taint {
        let mut taint = self.spread.clone();
        for (_, t) in &self.positional {
            taint.join(t);
        }
        for (_, _, t) in &self.keywords {
            taint.join(t);
        }
        taint
    }
}

/// The taint of a call's result, with its effects on the state.
pub fn call<'t>(
    transfer: &mut Transfer<'_, '_, '_, '_, 't>,
    state: &mut State,
    node: Node<'t>,
    depth: usize,
) -> Taint {
    let source = transfer.source();
    let function = node.child_by_field_name("function");
    let receiver = function
        .filter(|f| f.kind() == "attribute")
        .and_then(|f| f.child_by_field_name("object"))
        .map(|object| (object, transfer.expression(state, object, depth)));
    let name = function.and_then(called_name);
    let name = name
        .map(|n| python::text(n, source).into_owned())
        .unwrap_or_default();
    let mut arguments = Arguments {
        receiver,
        positional: Vec::new(),
        keywords: Vec::new(),
        spread: Taint::default(),
    };
    if let Some(list) = node.child_by_field_name("arguments") {
        if list.kind() == "generator_expression" {
            arguments
                .positional
                .push((list, transfer.expression(state, list, depth)));
        }
        for argument in list
            .named_children()
            .filter(|c| !c.is_extra() && list.kind() == "argument_list")
        {
            match argument.kind() {
                "keyword_argument" => {
                    let value = argument.child_by_field_name("value");
                    let keyword = argument.child_by_field_name("name");
                    if let (Some(value), Some(keyword)) = (value, keyword) {
                        let taint = transfer.expression(state, value, depth);
                        let keyword = python::text(keyword, source).into_owned();
                        arguments.keywords.push((keyword, value, taint));
                    }
                }
                "list_splat" | "dictionary_splat" => {
                    let taint = transfer.expression(state, argument, depth);
                    arguments.spread.join(&taint);
                }
                _ => {
                    let taint = transfer.expression(state, argument, depth);
                    arguments.positional.push((argument, taint));
                }
            }
        }
    }
    if let Some(taint) = function.and_then(|f| local(transfer, state, node, f, &name, &arguments)) {
        return taint;
    }
    // A method matched as a source (`request.get_json`) returns tainted
    // data; another callee's taint is that of what it names (a lambda).
    let callee = match function {
        Some(f) if f.kind() == "attribute" => transfer.add_sources(f, Taint::default()),
        Some(f) => transfer.expression(state, f, depth),
        None => Taint::default(),
    };
    builtin(transfer, state, &name, &arguments).union(&callee)
}

/// A call of a function, method or class the file defines, through the
/// summaries of every definition it may call; `None` when there is none,
/// or one is not available (recursion): the call is then a default one.
fn local<'t>(
    transfer: &mut Transfer<'_, '_, '_, '_, 't>,
    state: &mut State,
    call: Node<'t>,
    function: Node<'t>,
    name: &str,
    arguments: &Arguments<'t>,
) -> Option<Taint> {
    let analysis = transfer.analysis;
    let functions = &analysis.functions;
    // (definition, whether the receiver is its first parameter, whether
    // it is a constructor whose `self` is the result)
    let mut callees: Vec<(usize, bool, bool)> = Vec::new();
    match function.kind() {
        "identifier" => {
            callees.extend(functions.plain(name).iter().map(|&i| (i, false, false)));
            if callees.is_empty() && functions.classes.contains_key(name) {
                callees.extend(
                    functions
                        .methods("__init__", Some(name))
                        .map(|i| (i, true, true)),
                );
            }
        }
        "attribute" => {
            let object = function.child_by_field_name("object")?;
            let class = class_of(transfer, object, 0)?;
            callees.extend(
                functions
                    .methods(name, Some(&class))
                    .map(|i| (i, true, false)),
            );
        }
        _ => {}
    }
    if callees.is_empty() {
        return None;
    }
    if arguments.are_clean() && !callees.iter().any(|&(i, ..)| analysis.may_bring_sources(i)) {
        return Some(Taint::default());
    }
    let summaries = callees
        .iter()
        .map(|&(index, ..)| analysis.summary(index))
        .collect::<Option<Vec<_>>>()?;
    let at = call.byte_range();
    let mut result = Taint::default();
    for (&(index, via_receiver, constructor), summary) in callees.iter().zip(summaries) {
        let definition = &functions.all[index];
        let receiver_first = via_receiver && definition.takes_receiver;
        let mut parameter_taint = bind(definition, receiver_first, arguments);
        for (parameter, effect) in &summary.effects {
            let effect = substitute(effect, &parameter_taint, at.clone());
            if receiver_first && *parameter == 0 {
                // What the method stored in `self` is in the object from
                // now on: a constructor's result, or a returned `self`.
                if constructor {
                    result.join(&effect);
                }
                if let Some(own) = parameter_taint.first_mut() {
                    own.join(&effect);
                }
            }
            let argument = argument_node(definition, receiver_first, *parameter, arguments);
            if let Some(path) = argument.and_then(|a| transfer.path_of(a)) {
                state.add(&path, &effect);
            }
        }
        result.join(&substitute(&summary.returns, &parameter_taint, at.clone()));
        if transfer.recording() {
            for (sink, taint) in &summary.sinks {
                transfer.hit(*sink, substitute(taint, &parameter_taint, at.clone()));
            }
        }
    }
    Some(result)
}

/// Expressions nested deeper than this are of no known class.
const MAX_CLASS_DEPTH: usize = 8;

/// The class of the file whose instance (or the class itself) `object` is,
/// when that is known: `self` and `cls` in a method, a variable assigned
/// `Class(...)` in the unit, the class's own name, a constructor call
/// (`Helper().run()`), or a call of a method that returns `self`
/// (`repo.sort_by(x).fetch()`).
fn class_of(
    transfer: &Transfer<'_, '_, '_, '_, '_>,
    object: Node<'_>,
    depth: usize,
) -> Option<String> {
    if depth > MAX_CLASS_DEPTH {
        return None;
    }
    let functions = &transfer.analysis.functions;
    let source = transfer.source();
    let text = python::text(object, source);
    match object.kind() {
        "identifier" if text == "self" || text == "cls" => {
            transfer.unit.class.as_deref().map(str::to_owned)
        }
        "identifier" => transfer
            .unit
            .instances
            .get(text.as_ref())
            .map(|c| c.to_string())
            .or_else(|| {
                functions
                    .classes
                    .contains_key(text.as_ref())
                    .then(|| text.into_owned())
            }),
        "call" => {
            let function = object.child_by_field_name("function")?;
            match function.kind() {
                "identifier" => {
                    let name = python::text(function, source);
                    functions
                        .classes
                        .contains_key(name.as_ref())
                        .then(|| name.into_owned())
                }
                "attribute" => {
                    let class =
                        class_of(transfer, function.child_by_field_name("object")?, depth + 1)?;
                    let method = python::text(function.child_by_field_name("attribute")?, source);
                    let fluent = functions
                        .methods(&method, Some(&class))
                        .any(|i| functions.all[i].returns_self);
                    fluent.then_some(class)
                }
                _ => None,
            }
        }
        "parenthesized_expression" => class_of(transfer, object.named_child(0)?, depth + 1),
        _ => None,
    }
}

/// The taint each parameter of `definition` gets from the arguments;
/// `receiver_first`: the first parameter is the object the method is
/// called on (nothing yet, for a constructor's `self`).
fn bind(
    definition: &crate::functions::Function<'_>,
    receiver_first: bool,
    arguments: &Arguments<'_>,
) -> Vec<Taint> {
    let clean = Taint::default();
    let mut positional: Vec<&Taint> = Vec::new();
    if receiver_first {
        positional.push(arguments.receiver.as_ref().map_or(&clean, |(_, t)| t));
    }
    positional.extend(arguments.positional.iter().map(|(_, t)| t));
    let parameters = &definition.parameters;
    let plain = parameters
        .iter()
        .take_while(|p| p.kind == ParameterKind::Plain)
        .count();
    parameters
        .iter()
        .enumerate()
        .map(|(i, parameter)| {
            let mut taint = arguments.spread.clone();
            match parameter.kind {
                ParameterKind::Plain => {
                    if let Some(t) = positional.get(i).filter(|_| i < plain) {
                        taint.join(t);
                    }
                    for (keyword, _, t) in &arguments.keywords {
                        if *keyword == *parameter.name {
                            taint.join(t);
                        }
                    }
                }
                ParameterKind::Positional => {
                    for t in positional.iter().skip(plain) {
                        taint.join(t);
                    }
                }
                ParameterKind::Keywords => {
                    for (keyword, _, t) in &arguments.keywords {
                        if !parameters.iter().any(|p| *p.name == **keyword) {
                            taint.join(t);
                        }
                    }
                }
            }
            taint
        })
        .collect()
}

/// The argument expression that parameter `index` is bound to, if one.
fn argument_node<'t>(
    definition: &crate::functions::Function<'_>,
    receiver_first: bool,
    index: usize,
    arguments: &Arguments<'t>,
) -> Option<Node<'t>> {
    let parameter = definition.parameters.get(index)?;
    if receiver_first && index == 0 {
        return arguments.receiver.as_ref().map(|(n, _)| *n);
    }
    let position = index - usize::from(receiver_first);
    arguments
        .positional
        .get(position)
        .map(|(n, _)| *n)
        .or_else(|| {
            arguments
                .keywords
                .iter()
                .find(|(k, ..)| *k == *parameter.name)
                .map(|(_, n, _)| *n)
        })
}

/// A summary's taint seen at a call: each parameter's flows become those
/// of the argument, through the call and on along the callee's steps.
fn substitute(taint: &Taint, parameters: &[Taint], at: std::ops::Range<usize>) -> Taint {
    let mut result = Taint::default();
    for flow in taint.flows() {
        match flow.origin {
            Origin::Source(_) => result.add(flow.clone()),
            Origin::Parameter(index) => {
                let Some(argument) = parameters.get(usize::from(index)) else {
                    continue;
                };
                for outer in argument.flows() {
                    result.add(Flow {
                        origin: outer.origin,
                        steps: concatenate(&step(&outer.steps, at.clone()), &flow.steps),
                    });
                }
            }
        }
    }
    result
}

/// A call of something the file does not define.
fn builtin<'t>(
    transfer: &mut Transfer<'_, '_, '_, '_, 't>,
    state: &mut State,
    name: &str,
    arguments: &Arguments<'t>,
) -> Taint {
    let options = *transfer.options();
    let receiver = arguments.receiver.as_ref();
    let receiver_path = receiver.and_then(|(node, _)| transfer.path_of(*node));
    if let Some(taint) = section_option(transfer, state, name, arguments, receiver_path.as_ref()) {
        return taint;
    }
    if let (Some((node, _)), Some(path)) = (receiver, &receiver_path) {
        if MUTATORS.contains(&name) {
            state.add(path, &arguments.all().through(node.byte_range()));
        }
    }
    if options.assume_safe_numbers && NUMBERS.contains(&name)
        || options.assume_safe_booleans && BOOLEANS.contains(&name)
        || options.assume_safe_functions && !PROPAGATORS.contains(&name)
    {
        return Taint::default();
    }
    let receiver_taint = receiver.map(|(_, t)| t.clone()).unwrap_or_default();
    if KEYED_READS.contains(&name) {
        let key = arguments
            .positional
            .first()
            .and_then(|(k, _)| transfer.constant_key(*k));
        if let (Some(path), Some(key)) = (&receiver_path, key) {
            let mut taint = state.read(&path.clone().with(Field::Key(key.into())));
            taint.join(&receiver_taint_beyond_keys(
                receiver,
                &receiver_taint,
                state,
                path,
            ));
            for (_, default) in arguments.positional.iter().skip(1) {
                taint.join(default);
            }
            return taint;
        }
        // A key that is not constant: like `d[k]`, the mapping's taint,
        // and the key's unless indexes are assumed safe.
        let mut taint = receiver_taint;
        for (position, (_, argument)) in arguments.positional.iter().enumerate() {
            if position > 0 || !options.assume_safe_indexes {
                taint.join(argument);
            }
        }
        return taint;
    }
    if MUTATORS.contains(&name) && name != "setdefault" {
        return Taint::default();
    }
    receiver_taint.union(&arguments.all())
}

/// `config.set("section", "option", value)` and `config.get("section",
/// "option")` (configparser) with constant names: the option is tracked
/// as the key path `config["section"]["option"]`, as `config["section"] =
/// {...}` writes it. `None` for other calls.
fn section_option<'t>(
    transfer: &Transfer<'_, '_, '_, '_, 't>,
    state: &mut State,
    name: &str,
    arguments: &Arguments<'t>,
    receiver_path: Option<&crate::fact::Path>,
) -> Option<Taint> {
    let receiver = arguments.receiver.as_ref()?;
    let wanted = match name {
        "set" => 3,
        "get" => 2,
        _ => return None,
    };
    let positional = &arguments.positional;
    if positional.len() != wanted {
        return None;
    }
    let section = transfer.constant_key(positional[0].0)?;
    let option = transfer.constant_key(positional[1].0)?;
    let path = receiver_path?
        .clone()
        .with(Field::Key(section.into()))
        .with(Field::Key(option.into()));
    if name == "set" {
        let value = positional[2].1.through(receiver.0.byte_range());
        state.assign(&path, value);
        return Some(Taint::default());
    }
    let mut taint = state.read(&path);
    taint.join(&receiver_taint_beyond_keys(
        Some(receiver),
        &receiver.1,
        state,
        receiver_path?,
    ));
    for (_, _, fallback) in &arguments.keywords {
        taint.join(fallback);
    }
    Some(taint)
}

/// What a keyed read gets from the object besides the key's own taint: the
/// sources matched on the object itself (`request.args`), whose keys are
/// not tracked.
fn receiver_taint_beyond_keys(
    receiver: Option<&(Node<'_>, Taint)>,
    receiver_taint: &Taint,
    state: &State,
    path: &crate::fact::Path,
) -> Taint {
    let mut taint = Taint::default();
    let held = state.read(path);
    for flow in receiver_taint.flows() {
        let from_state = held.flows().iter().any(|f| f.origin == flow.origin);
        if !from_state && receiver.is_some() {
            taint.add(flow.clone());
        }
    }
    taint
}
