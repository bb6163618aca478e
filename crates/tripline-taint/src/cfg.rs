//! Control-flow graphs of a function body (or of a module's top level):
//! one block per simple statement or evaluated condition, with edges for
//! `if`/`elif`/`else`, `for`/`while` (and their `else`), `try`/`except`/
//! `else`/`finally`, `with`, `match`, and `return`/`raise`/`break`/
//! `continue`. Conditions whose outcome is constant get only their live
//! edge; checks by a side-effect sanitizer get a [`Block::Guard`] on the
//! branch they protect.

use tripline_pattern::{python, Node};

use crate::constant::{self, Constant};
use crate::functions::called_name;

/// Compound statements nested deeper than this are not built into the
/// graph: each becomes one [`Block::Opaque`].
const MAX_NESTING: usize = 48;

/// Where a function starts and ends.
pub const ENTRY: usize = 0;
pub const EXIT: usize = 1;

/// What a block of the graph does to the facts.
#[derive(Debug, Clone, Copy)]
pub enum Block<'t> {
    /// The function's entry, exit, or a point where paths meet.
    Join,
    /// A simple statement, evaluated and its assignments applied.
    Statement(Node<'t>),
    /// An expression evaluated for its effects only (a condition, a
    /// `match` subject, a `with` without `as`).
    Test(Node<'t>),
    /// `target` gets the taint of `value`: a `for` target, `with ... as`,
    /// the captures of a `case` pattern.
    Bind { target: Node<'t>, value: Node<'t> },
    /// The side-effect sanitizers in this condition clean what they
    /// matched, on the branch this block starts.
    Guard(Node<'t>),
    /// A statement nested too deeply to be built: its effect is
    /// over-approximated (see `transfer`).
    Opaque(Node<'t>),
}

pub struct Cfg<'t> {
    pub blocks: Vec<Block<'t>>,
    pub successors: Vec<Vec<usize>>,
}

impl<'t> Cfg<'t> {
    /// The graph of the statements of `body` (a `block` or a `module`).
    /// `guarded` tells whether a condition holds a side-effect sanitizer.
    pub fn build(body: Node<'t>, source: &[u8], guarded: &dyn Fn(Node<'t>) -> bool) -> Cfg<'t> {
        let mut builder = Builder {
            cfg: Cfg {
                blocks: vec![Block::Join, Block::Join],
                successors: vec![Vec::new(), Vec::new()],
            },
            source,
            guarded,
            loops: Vec::new(),
            raisers: Vec::new(),
        };
        let ends = builder.statements(body, vec![ENTRY], 0);
        for end in ends {
            builder.edge(end, EXIT);
        }
        builder.cfg
    }
}

struct Loop {
    head: usize,
    breaks: Vec<usize>,
}

struct Builder<'t, 'g> {
    cfg: Cfg<'t>,
    source: &'g [u8],
    guarded: &'g dyn Fn(Node<'t>) -> bool,
    loops: Vec<Loop>,
    /// Per enclosing `try` body: the blocks in it, any of which may raise
    /// into the handlers.
    raisers: Vec<Vec<usize>>,
}

/// The statements of a block, comments aside.
fn statements_of(body: Node<'_>) -> impl Iterator<Item = Node<'_>> {
    body.named_children().filter(|n| !n.is_extra())
}

impl<'t> Builder<'t, '_> {
    fn edge(&mut self, from: usize, to: usize) {
        if !self.cfg.successors[from].contains(&to) {
            self.cfg.successors[from].push(to);
        }
    }

    /// Adds a block reached from `predecessors`.
    fn add(&mut self, block: Block<'t>, predecessors: &[usize]) -> usize {
        let id = self.cfg.blocks.len();
        self.cfg.blocks.push(block);
        self.cfg.successors.push(Vec::new());
        for &p in predecessors {
            self.edge(p, id);
        }
        if let Some(raisers) = self.raisers.last_mut() {
            raisers.push(id);
        }
        id
    }

    /// The statements of `body` in sequence; returns the blocks that fall
    /// through past its end.
    fn statements(&mut self, body: Node<'t>, mut ends: Vec<usize>, depth: usize) -> Vec<usize> {
        for statement in statements_of(body) {
            ends = self.statement(statement, ends, depth);
        }
        ends
    }

    fn statement(&mut self, node: Node<'t>, preds: Vec<usize>, depth: usize) -> Vec<usize> {
        let compound = matches!(
            node.kind(),
            "if_statement"
                | "for_statement"
                | "while_statement"
                | "try_statement"
                | "with_statement"
                | "match_statement"
        );
        if compound && depth >= MAX_NESTING {
            return vec![self.add(Block::Opaque(node), &preds)];
        }
        match node.kind() {
            "if_statement" => self.if_statement(node, preds, depth),
            "for_statement" => self.for_statement(node, preds, depth),
            "while_statement" => self.while_statement(node, preds, depth),
            "try_statement" => self.try_statement(node, preds, depth),
            "with_statement" => self.with_statement(node, preds, depth),
            "match_statement" => self.match_statement(node, preds, depth),
            // `return`, `raise`, and calls that never return (`abort(403)`).
            "return_statement" | "raise_statement" | "expression_statement"
                if is_exit(node, self.source) =>
            {
                let block = self.add(Block::Statement(node), &preds);
                self.edge(block, EXIT);
                Vec::new()
            }
            "break_statement" => {
                let block = self.add(Block::Join, &preds);
                match self.loops.last_mut() {
                    Some(current) => {
                        current.breaks.push(block);
                        Vec::new()
                    }
                    None => vec![block],
                }
            }
            "continue_statement" => {
                let block = self.add(Block::Join, &preds);
                match self.loops.last().map(|l| l.head) {
                    Some(head) => {
                        self.edge(block, head);
                        Vec::new()
                    }
                    None => vec![block],
                }
            }
            // Definitions are analysed on their own; here they only bind a
            // name to code, which is never tainted.
            "function_definition" | "class_definition" | "decorated_definition" => {
                vec![self.add(Block::Join, &preds)]
            }
            _ => vec![self.add(Block::Statement(node), &preds)],
        }
    }

    /// `if`/`elif`/`else`, one clause after the other (a long `elif` chain
    /// is a loop here, not a recursion).
    fn if_statement(&mut self, node: Node<'t>, preds: Vec<usize>, depth: usize) -> Vec<usize> {
        let mut clauses: Vec<(Node<'t>, Node<'t>)> = Vec::new();
        let mut otherwise = None;
        if let (Some(c), Some(b)) = (
            node.child_by_field_name("condition"),
            node.child_by_field_name("consequence"),
        ) {
            clauses.push((c, b));
        }
        for alternative in node.children_by_field_name("alternative") {
            match alternative.kind() {
                "elif_clause" => {
                    if let (Some(c), Some(b)) = (
                        alternative.child_by_field_name("condition"),
                        alternative.child_by_field_name("consequence"),
                    ) {
                        clauses.push((c, b));
                    }
                }
                _ => otherwise = alternative.child_by_field_name("body"),
            }
        }
        let mut ends = Vec::new();
        let mut current = preds;
        for (condition, consequence) in clauses {
            let test = self.add(Block::Test(condition), &current);
            let truth = constant::truth(condition, self.source);
            let mut then_preds = if truth == Some(false) {
                vec![]
            } else {
                vec![test]
            };
            let mut else_preds = if truth == Some(true) {
                vec![]
            } else {
                vec![test]
            };
            if (self.guarded)(condition) {
                // The check protects the path that goes on when its branch
                // bails out (`if '..' in p: return`); otherwise the branch
                // it opens (`if is_safe(p): use(p)`).
                if always_exits(consequence, self.source) {
                    else_preds = vec![self.add(Block::Guard(condition), &else_preds)];
                } else {
                    then_preds = vec![self.add(Block::Guard(condition), &then_preds)];
                }
            }
            ends.extend(self.statements(consequence, then_preds, depth + 1));
            current = else_preds;
        }
        match otherwise {
            Some(body) => ends.extend(self.statements(body, current, depth + 1)),
            None => ends.extend(current),
        }
        ends
    }

    fn for_statement(&mut self, node: Node<'t>, preds: Vec<usize>, depth: usize) -> Vec<usize> {
        let head = self.add(Block::Join, &preds);
        let body_start = match (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) {
            (Some(target), Some(value)) => self.add(Block::Bind { target, value }, &[head]),
            _ => head,
        };
        self.looping(node, head, vec![body_start], vec![head], depth)
    }

    fn while_statement(&mut self, node: Node<'t>, preds: Vec<usize>, depth: usize) -> Vec<usize> {
        let Some(condition) = node.child_by_field_name("condition") else {
            return preds;
        };
        let head = self.add(Block::Test(condition), &preds);
        let truth = constant::truth(condition, self.source);
        let mut body_preds = if truth == Some(false) {
            vec![]
        } else {
            vec![head]
        };
        if (self.guarded)(condition) {
            body_preds = vec![self.add(Block::Guard(condition), &body_preds)];
        }
        let exit_preds = if truth == Some(true) {
            vec![]
        } else {
            vec![head]
        };
        self.looping(node, head, body_preds, exit_preds, depth)
    }

    /// A loop's body (back to `head`) and `else`; the loop ends after the
    /// `else` or at a `break`.
    fn looping(
        &mut self,
        node: Node<'t>,
        head: usize,
        body_preds: Vec<usize>,
        exit_preds: Vec<usize>,
        depth: usize,
    ) -> Vec<usize> {
        self.loops.push(Loop {
            head,
            breaks: Vec::new(),
        });
        let body_ends = match node.child_by_field_name("body") {
            Some(body) => self.statements(body, body_preds, depth + 1),
            None => body_preds,
        };
        for end in body_ends {
            self.edge(end, head);
        }
        let breaks = self.loops.pop().map(|l| l.breaks).unwrap_or_default();
        let mut ends = match node
            .child_by_field_name("alternative")
            .and_then(|e| e.child_by_field_name("body"))
        {
            Some(body) => self.statements(body, exit_preds, depth + 1),
            None => exit_preds,
        };
        ends.extend(breaks);
        ends
    }

    fn try_statement(&mut self, node: Node<'t>, preds: Vec<usize>, depth: usize) -> Vec<usize> {
        let start = self.add(Block::Join, &preds);
        self.raisers.push(vec![start]);
        let body_ends = match node.child_by_field_name("body") {
            Some(body) => self.statements(body, vec![start], depth + 1),
            None => vec![start],
        };
        let raisers = self.raisers.pop().unwrap_or_default();
        if let Some(outer) = self.raisers.last_mut() {
            outer.extend(&raisers);
        }
        let mut ends = body_ends;
        let mut handled = Vec::new();
        let mut finally = None;
        let mut has_handler = false;
        for clause in node.named_children() {
            let body = clause
                .named_children()
                .filter(|c| c.kind() == "block")
                .last();
            match (clause.kind(), body) {
                ("except_clause" | "except_group_clause", Some(body)) => {
                    has_handler = true;
                    let entry = self.add(Block::Join, &raisers);
                    handled.extend(self.statements(body, vec![entry], depth + 1));
                }
                ("else_clause", _) => {
                    if let Some(body) = clause.child_by_field_name("body") {
                        ends = self.statements(body, ends, depth + 1);
                    }
                }
                ("finally_clause", Some(body)) => finally = Some(body),
                _ => {}
            }
        }
        ends.extend(handled);
        if !has_handler {
            // An exception goes through `finally` and on: the state at any
            // raise reaches the `finally` block.
            ends.extend(&raisers);
        }
        match finally {
            Some(body) => self.statements(body, ends, depth + 1),
            None => ends,
        }
    }

    fn with_statement(&mut self, node: Node<'t>, preds: Vec<usize>, depth: usize) -> Vec<usize> {
        let mut ends = preds;
        let items = node
            .named_children()
            .filter(|c| c.kind() == "with_clause")
            .flat_map(|clause| clause.named_children().filter(|c| c.kind() == "with_item"));
        for item in items {
            let Some(value) = item.child_by_field_name("value") else {
                continue;
            };
            let block = match (
                value.kind(),
                value.named_child(0),
                value.child_by_field_name("alias"),
            ) {
                ("as_pattern", Some(value), Some(target)) => Block::Bind { target, value },
                _ => Block::Test(value),
            };
            ends = vec![self.add(block, &ends)];
        }
        match node.child_by_field_name("body") {
            Some(body) => self.statements(body, ends, depth + 1),
            None => ends,
        }
    }

    fn match_statement(&mut self, node: Node<'t>, preds: Vec<usize>, depth: usize) -> Vec<usize> {
        let Some(subject) = node.child_by_field_name("subject") else {
            return preds;
        };
        let test = self.add(Block::Test(subject), &preds);
        let known = constant::value(subject, self.source, 0);
        let mut ends = Vec::new();
        let mut reachable = vec![test];
        let cases = node
            .child_by_field_name("body")
            .into_iter()
            .flat_map(|body| body.named_children().filter(|c| c.kind() == "case_clause"));
        for case in cases {
            let Some(pattern) = case.named_children().find(|c| c.kind() == "case_pattern") else {
                continue;
            };
            let outcome = case_outcome(pattern, known.as_ref(), self.source);
            let guard = case.child_by_field_name("guard");
            let entry_preds = if outcome == Some(false) {
                vec![]
            } else {
                reachable.clone()
            };
            let bind = self.add(
                Block::Bind {
                    target: pattern,
                    value: subject,
                },
                &entry_preds,
            );
            let body_preds = match guard {
                Some(guard) => vec![self.add(Block::Test(guard), &[bind])],
                None => vec![bind],
            };
            if let Some(body) = case.child_by_field_name("consequence") {
                ends.extend(self.statements(body, body_preds, depth + 1));
            }
            // A case that surely matches (and has no guard) ends the search.
            if outcome == Some(true) && guard.is_none() {
                reachable.clear();
            }
        }
        ends.extend(reachable);
        ends
    }
}

/// Whether a `case` pattern matches: `Some(true)` for a wildcard or
/// capture, or a literal equal to the constant subject; `Some(false)` for a
/// literal that differs from it; `None` otherwise.
fn case_outcome(pattern: Node<'_>, subject: Option<&Constant>, source: &[u8]) -> Option<bool> {
    let inner = pattern.named_child(0);
    let irrefutable = match inner {
        None => true,
        Some(inner) => {
            inner.kind() == "dotted_name"
                && inner.named_child_count() == 1
                && inner
                    .named_child(0)
                    .is_some_and(|c| c.kind() == "identifier")
        }
    };
    if irrefutable {
        return Some(true);
    }
    let literal = constant::value(inner?, source, 0)?;
    Some(subject? == &literal)
}

/// Whether a block always leaves by `return`, `raise`, `continue`,
/// `break` or a call that never returns (its last statement does, or is an `if` all of whose branches
/// do). Looks at most [`MAX_NESTING`] `if`s deep.
fn always_exits(block: Node<'_>, source: &[u8]) -> bool {
    let mut current = block;
    for _ in 0..MAX_NESTING {
        let Some(last) = statements_of(current).last() else {
            return false;
        };
        if is_exit(last, source) {
            return true;
        }
        match last.kind() {
            "if_statement" => {
                // All branches but one are checked shallowly; the last
                // `else` is followed.
                let mut bodies: Vec<Node<'_>> = last
                    .child_by_field_name("consequence")
                    .into_iter()
                    .collect();
                let mut otherwise = None;
                for alternative in last.children_by_field_name("alternative") {
                    match alternative.kind() {
                        "elif_clause" => {
                            bodies.extend(alternative.child_by_field_name("consequence"))
                        }
                        _ => otherwise = alternative.child_by_field_name("body"),
                    }
                }
                let Some(otherwise) = otherwise else {
                    return false;
                };
                if !bodies.iter().all(|b| ends_with_exit(*b, source)) {
                    return false;
                }
                current = otherwise;
            }
            _ => return false,
        }
    }
    false
}

/// Whether a block's last statement is a `return`, `raise`, `continue` or
/// `break`.
fn ends_with_exit(block: Node<'_>, source: &[u8]) -> bool {
    statements_of(block)
        .last()
        .is_some_and(|s| is_exit(s, source))
}

/// Functions whose call never returns: `abort(403)` (Flask), `sys.exit()`,
/// `os._exit()`.
const NEVER_RETURN: &[&str] = &["abort", "exit", "_exit"];

/// Whether a statement leaves the block: `return`, `raise`, `continue`,
/// `break`, or a call of a function that never returns.
fn is_exit(statement: Node<'_>, source: &[u8]) -> bool {
    match statement.kind() {
        "return_statement" | "raise_statement" | "continue_statement" | "break_statement" => true,
        "expression_statement" => statement
            .named_child(0)
            .filter(|call| call.kind() == "call")
            .and_then(|call| call.child_by_field_name("function"))
            .and_then(called_name)
            .is_some_and(|name| NEVER_RETURN.contains(&python::text(name, source).as_ref())),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tripline_pattern::SyntaxTree;

    /// The texts of the statement and test blocks reachable from the entry.
    fn reachable(code: &str) -> Vec<String> {
        let tree = SyntaxTree::parse(code).unwrap();
        let cfg = Cfg::build(tree.root(), code.as_bytes(), &|_| false);
        let mut seen = vec![false; cfg.blocks.len()];
        let mut pending = vec![ENTRY];
        while let Some(block) = pending.pop() {
            if !std::mem::replace(&mut seen[block], true) {
                pending.extend(&cfg.successors[block]);
            }
        }
        let mut texts: Vec<String> = cfg
            .blocks
            .iter()
            .zip(seen)
            .filter(|(_, seen)| *seen)
            .filter_map(|(block, _)| match block {
                Block::Statement(n) | Block::Test(n) => {
                    Some(python::text(*n, code.as_bytes()).into_owned())
                }
                _ => None,
            })
            .collect();
        texts.sort();
        texts
    }

    #[test]
    fn constant_conditions_leave_the_dead_branch_unreachable() {
        assert_eq!(
            reachable("if 1 > 2:\n    a()\nelse:\n    b()\n"),
            ["1 > 2", "b()"]
        );
        assert_eq!(reachable("while False:\n    a()\nb()\n"), ["False", "b()"]);
        assert_eq!(
            reachable("match 'x':\n    case 'y':\n        a()\n    case 'x':\n        b()\n    case _:\n        c()\n"),
            ["'x'", "b()"]
        );
    }

    #[test]
    fn leaving_statements_end_the_flow() {
        assert_eq!(reachable("return 1\na()\n"), ["return 1"]);
        assert_eq!(reachable("abort(403)\na()\n"), ["abort(403)"]);
        assert_eq!(
            reachable("for x in y:\n    break\n    a()\nelse:\n    b()\nc()\n"),
            ["b()", "c()"]
        );
        assert_eq!(
            reachable("while x:\n    continue\n    a()\nb()\n"),
            ["b()", "x"]
        );
    }

    #[test]
    fn every_statement_of_a_try_body_reaches_the_handlers() {
        let code = "try:\n    a = 1\n    raise E\nexcept E:\n    b()\nfinally:\n    c()\nd()\n";
        let tree = SyntaxTree::parse(code).unwrap();
        let cfg = Cfg::build(tree.root(), code.as_bytes(), &|_| false);
        let index_of = |text: &str| {
            cfg.blocks
                .iter()
                .position(|b| matches!(b, Block::Statement(n) if python::text(*n, code.as_bytes()) == text))
                .unwrap()
        };
        let handler = cfg.successors[index_of("a = 1")]
            .iter()
            .copied()
            .find(|&s| matches!(cfg.blocks[s], Block::Join))
            .unwrap();
        assert!(cfg.successors[index_of("raise E")].contains(&handler));
        assert!(cfg.successors[handler].contains(&index_of("b()")));
        assert!(cfg.successors[index_of("b()")].contains(&index_of("c()")));
        assert_eq!(reachable(code), ["a = 1", "b()", "c()", "d()", "raise E"]);
    }
}
