//! Which nodes a pattern can match, decided before matching. The engine
//! offers each node of a file only to the patterns whose root has the
//! node's kind and, for calls and dotted names, spells the name the node
//! spells or means: with a few hundred patterns, a node is then tried
//! against a handful instead of all of them.

use std::borrow::Cow;
use std::rc::Rc;

use smallvec::{smallvec, SmallVec};

use crate::names::FileIndex;
use crate::python::{self, KINDS};
use crate::syntax::Node;
use crate::tree::{CodeNode, PNode};
use crate::{Pattern, Root};

impl Pattern {
    /// The node kinds this pattern can match at, or `None` for a pattern
    /// (such as `$X`) that can match any named node.
    ///
    /// A pattern `<... P ...>` is dispatched by P's kinds: P is matched where
    /// it occurs, and the match is credited to every node around it (see
    /// [`Pattern::matches_at`]), which keeps it linear in the file's size.
    pub fn root_kinds(&self) -> Option<Vec<u16>> {
        let kinds = &*KINDS;
        match self.root_node() {
            None => Some(vec![kinds.block, kinds.module]),
            // A dotted name (`xml.sax.handler.feature_external_ges`) may be a
            // bare name the file imported from its module.
            Some(PNode::Code(code)) if code.dotted.is_some() && code.kind == kinds.attribute => {
                Some(vec![code.kind, kinds.identifier])
            }
            Some(PNode::Code(code)) => Some(vec![code.kind]),
            Some(PNode::Str(_)) => Some(vec![kinds.string, kinds.concatenated_string]),
            Some(_) => None,
        }
    }

    /// The dotted name a node must spell or mean for this pattern to match
    /// it: `yaml.load` for `yaml.load(...)` (the callee) or for the name
    /// `yaml.load` itself. A node matches such a pattern only if the name is
    /// what the node spells (see [`NodeNames`]), or what it means through
    /// an import. With symbolic propagation a variable can stand for the
    /// callee, so such patterns have no name to dispatch on.
    pub fn root_name(&self) -> Option<&str> {
        if self.options.symbolic_propagation {
            return None;
        }
        if let Some(callee) = self.callee_pattern() {
            return callee.dotted.as_deref();
        }
        match self.root_node()? {
            PNode::Code(code) if code.kind == KINDS.attribute || code.kind == KINDS.identifier => {
                code.dotted.as_deref()
            }
            _ => None,
        }
    }

    /// The node the pattern's matches are decided at: P for `<... P ...>`,
    /// none for a run of statements.
    /// Whether a match found at a node is also a match of every node
    /// around it (`<... P ...>`), so that the pattern cannot be matched at
    /// only some chosen nodes ([`Pattern::matches_at`]).
    pub fn credits_ancestors(&self) -> bool {
        matches!(self.root, Root::Node(PNode::Deep(_)))
    }

    /// The method a call pattern names when its receiver is not a fixed
    /// name: `extra` for `$QS.extra(...)`. Every call it matches has a
    /// callee attribute of that name (see [`callee_names`]), so it need
    /// only be tried on those. (A fixed receiver, `yaml.load(...)`, is
    /// dispatched by [`Pattern::root_name`] instead.)
    pub fn method_name(&self) -> Option<&str> {
        let callee = self.callee_pattern()?;
        if callee.kind != KINDS.attribute || callee.dotted.is_some() {
            return None;
        }
        let attribute = callee
            .children
            .iter()
            .find(|c| c.field == Some("attribute"))?;
        match &attribute.node {
            PNode::Code(name) if name.kind == KINDS.identifier => name.text.as_deref(),
            _ => None,
        }
    }

    /// The module or object a call pattern calls any attribute of:
    /// `requests.api` for `requests.api.$VERB(...)`. Every call it matches
    /// has a callee that spells or means a name in it (`requests.api.get`,
    /// `get` after `from requests.api import get`), so it need only be
    /// tried on those ([`NodeNames::receivers`]).
    pub fn receiver_name(&self) -> Option<&str> {
        let callee = self.callee_pattern()?;
        if callee.kind != KINDS.attribute || callee.dotted.is_some() {
            return None;
        }
        let object = callee.children.iter().find(|c| c.field == Some("object"))?;
        match &object.node {
            PNode::Code(object) => object.dotted.as_deref(),
            _ => None,
        }
    }

    /// The metavariable a bare `$X` pattern is.
    pub fn root_metavariable(&self) -> Option<&str> {
        match &self.root {
            Root::Node(PNode::Metavar(name)) => Some(name),
            _ => None,
        }
    }

    /// The callee of a call pattern, when it is code, and calls are found
    /// by what their callee spells or means: not with symbolic
    /// propagation, where a variable can stand for the callee.
    fn callee_pattern(&self) -> Option<&CodeNode> {
        if self.options.symbolic_propagation {
            return None;
        }
        match self.callee()? {
            PNode::Code(callee) => Some(callee),
            _ => None,
        }
    }

    /// What a call pattern calls: its `function` part.
    fn callee(&self) -> Option<&PNode> {
        let PNode::Code(code) = self.root_node()? else {
            return None;
        };
        if code.kind != KINDS.call {
            return None;
        }
        let function = code.children.iter().find(|c| c.field == Some("function"))?;
        Some(&function.node)
    }

    fn root_node(&self) -> Option<&PNode> {
        match &self.root {
            Root::Statements(_) => None,
            Root::Node(PNode::Deep(inner)) => Some(inner),
            Root::Node(node) => Some(node),
        }
    }
}

/// The names a node answers to, for [`Pattern::root_name`]: the dotted name
/// it spells (`yaml.load` for `yaml.load` or a call of it), and what that
/// name means through the file's imports (`yaml.load` for `load` after
/// `from yaml import load`).
#[derive(Debug, Default)]
pub struct NodeNames<'s> {
    pub spelled: Option<Cow<'s, str>>,
    pub meant: Option<Rc<str>>,
}

impl<'s> NodeNames<'s> {
    pub fn of<'t>(node: Node<'t>, source: &'s [u8], names: Option<&FileIndex<'t>>) -> Self {
        let node = python::unwrap_parens(node);
        let named = if node.kind_id() == KINDS.call {
            match node.child_by_field_name("function") {
                Some(function) => python::unwrap_parens(function),
                None => return NodeNames::default(),
            }
        } else {
            node
        };
        NodeNames {
            spelled: spelled_name(named, source),
            meant: names.and_then(|names| names.qualified_name(named, source)),
        }
    }

    /// What each name is an attribute of (`requests.api` for
    /// `requests.api.get`), each once, for [`Pattern::receiver_name`].
    pub fn receivers(&self) -> impl Iterator<Item = &str> {
        fn receiver(name: &str) -> Option<&str> {
            name.rsplit_once('.').map(|(receiver, _)| receiver)
        }
        let spelled = self.spelled.as_deref().and_then(receiver);
        let meant = self.meant.as_deref().and_then(receiver);
        spelled
            .into_iter()
            .chain(meant.filter(|m| Some(*m) != spelled))
    }

    /// Each distinct name, once.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let spelled = self.spelled.as_deref();
        let meant = self.meant.as_deref().filter(|m| Some(*m) != spelled);
        spelled.into_iter().chain(meant)
    }
}

/// Longer code is not a name anyone writes (`a.b.c` spelled over a
/// kilobyte): not looked at, so that a chain of 100,000 attributes costs
/// nothing per link.
const MAX_NAME_BYTES: usize = 1024;

/// `a.b.c` for a chain of names (parentheses looked through), `a` for a
/// name; nothing for anything else.
fn spelled_name<'s>(node: Node<'_>, source: &'s [u8]) -> Option<Cow<'s, str>> {
    let kinds = &*KINDS;
    if node.kind_id() == kinds.identifier {
        return Some(python::text(node, source));
    }
    let text = &source[node.byte_range()];
    if node.kind_id() != kinds.attribute || text.len() > MAX_NAME_BYTES {
        return None;
    }
    // Most chains are written plainly (`os.path.join`): their text is the name.
    if text
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
    {
        let object = python::unwrap_parens(node.child_by_field_name("object")?);
        if object.kind_id() != kinds.identifier && object.kind_id() != kinds.attribute {
            return None;
        }
        return std::str::from_utf8(text).ok().map(Cow::Borrowed);
    }
    // `(a).b  .c`: the names, read from the innermost out.
    let mut parts = Vec::new();
    let mut current = node;
    while current.kind_id() == kinds.attribute {
        parts.push(python::text(
            current.child_by_field_name("attribute")?,
            source,
        ));
        current = python::unwrap_parens(current.child_by_field_name("object")?);
    }
    if current.kind_id() != kinds.identifier {
        return None;
    }
    parts.push(python::text(current, source));
    parts.reverse();
    Some(Cow::Owned(parts.join(".")))
}

/// Which part of a call's callee a pattern's metavariable stands for:
/// `$F` in `$F(...)`, or `$M` in `$OBJ.$M(...)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalleePart {
    Whole,
    Attribute,
}

impl Pattern {
    /// The metavariable standing for the callee (or the callee's attribute)
    /// of a call pattern: a `metavariable-regex` on it that accepts only a
    /// few names lets the engine try the pattern only on calls of those
    /// names (see [`callee_names`]).
    pub fn callee_metavariable(&self) -> Option<(&str, CalleePart)> {
        match self.callee()? {
            PNode::Metavar(name) => Some((name, CalleePart::Whole)),
            PNode::Code(callee) if callee.kind == KINDS.attribute => {
                let attribute = callee
                    .children
                    .iter()
                    .find(|c| c.field == Some("attribute"))?;
                match &attribute.node {
                    PNode::Metavar(name) => Some((name, CalleePart::Attribute)),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

impl Pattern {
    /// The metavariables that name a keyword argument of a call pattern
    /// (`$NAME` in `$F(..., $NAME=$VALUE, ...)`): each binds the name of
    /// one of the call's keyword arguments, so a call matches only if one
    /// has a name the metavariable's `metavariable-regex` accepts.
    pub fn keyword_metavariables(&self) -> impl Iterator<Item = &str> {
        let arguments = match self.root_node() {
            Some(PNode::Code(code)) if code.kind == KINDS.call => code
                .children
                .iter()
                .find(|c| c.field == Some("arguments"))
                .map(|c| &c.node),
            _ => None,
        };
        let children = match arguments {
            Some(PNode::Code(list)) => list.children.as_slice(),
            _ => &[],
        };
        children.iter().filter_map(|child| match &child.node {
            PNode::Code(keyword) if keyword.kind == KINDS.keyword_argument => keyword
                .children
                .iter()
                .find(|c| c.field == Some("name"))
                .and_then(|name| match &name.node {
                    PNode::Metavar(name) => Some(name.as_ref()),
                    _ => None,
                }),
            _ => None,
        })
    }
}

/// The texts a `metavariable-regex` is tried on when the metavariable binds
/// this part of a call's callee: the code itself, the name it means through
/// an import, and that name's last part (see the engine's `filter`).
pub fn callee_names<'s>(
    call: Node<'_>,
    part: CalleePart,
    source: &'s [u8],
    names: &FileIndex<'_>,
) -> SmallVec<[Cow<'s, str>; 3]> {
    let Some(function) = call.child_by_field_name("function") else {
        return SmallVec::new();
    };
    let callee = python::unwrap_parens(function);
    let bound = match part {
        CalleePart::Whole => callee,
        CalleePart::Attribute if callee.kind_id() == KINDS.attribute => {
            match callee.child_by_field_name("attribute") {
                Some(attribute) => attribute,
                None => return SmallVec::new(),
            }
        }
        // `modes.$MODE(...)` matches `OFB(...)` after `from modes import
        // OFB`, binding the whole name.
        CalleePart::Attribute if callee.kind_id() == KINDS.identifier => callee,
        CalleePart::Attribute => return SmallVec::new(),
    };
    let mut texts = smallvec![python::text(bound, source)];
    if let Some(qualified) = names.qualified_name(bound, source) {
        if bound.kind_id() == KINDS.identifier {
            if let Some(last) = qualified.rsplit('.').next() {
                texts.push(Cow::Owned(last.to_owned()));
            }
        }
        texts.push(Cow::Owned(qualified.to_string()));
    }
    texts
}

/// Every string a regex matches in full, if they are few: `^(execute|
/// executemany)$` gives both names; a regex without a final `$`, or with
/// repetition or large classes, gives `None`.
pub fn exact_strings(regex: &str) -> Option<Vec<String>> {
    const MAX_STRINGS: usize = 256;
    const MAX_CLASS: usize = 8;
    use regex_syntax::hir::{Class, Hir, HirKind, Look};

    /// Strings with whether they ended at `$`.
    fn strings(hir: &Hir) -> Option<Vec<(String, bool)>> {
        Some(match hir.kind() {
            HirKind::Empty => vec![(String::new(), false)],
            HirKind::Literal(literal) => {
                vec![(String::from_utf8(literal.0.to_vec()).ok()?, false)]
            }
            HirKind::Look(Look::Start | Look::StartLF | Look::StartCRLF) => {
                vec![(String::new(), false)]
            }
            HirKind::Look(Look::End | Look::EndLF | Look::EndCRLF) => vec![(String::new(), true)],
            HirKind::Look(_) => return None,
            HirKind::Capture(capture) => strings(&capture.sub)?,
            HirKind::Repetition(repetition) if repetition.min == 0 && repetition.max == Some(1) => {
                let mut all = vec![(String::new(), false)];
                all.extend(strings(&repetition.sub)?);
                all
            }
            HirKind::Repetition(_) => return None,
            HirKind::Class(Class::Unicode(class)) => {
                let mut all = Vec::new();
                for range in class.ranges() {
                    for c in range.start()..=range.end() {
                        all.push((c.to_string(), false));
                        if all.len() > MAX_CLASS {
                            return None;
                        }
                    }
                }
                all
            }
            HirKind::Class(Class::Bytes(_)) => return None,
            HirKind::Alternation(alternatives) => {
                let mut all = Vec::new();
                for alternative in alternatives {
                    all.extend(strings(alternative)?);
                }
                all
            }
            HirKind::Concat(parts) => {
                let mut all = vec![(String::new(), false)];
                for part in parts {
                    let next = strings(part)?;
                    let mut joined = Vec::new();
                    for (prefix, ended) in &all {
                        for (suffix, ends) in &next {
                            // Nothing can follow the end of the text.
                            if *ended && !suffix.is_empty() {
                                continue;
                            }
                            joined.push((format!("{prefix}{suffix}"), *ended || *ends));
                        }
                    }
                    if joined.len() > MAX_STRINGS {
                        return None;
                    }
                    all = joined;
                }
                all
            }
        })
    }

    let hir = regex_syntax::parse(regex).ok()?;
    let all = strings(&hir)?;
    if all.len() > MAX_STRINGS || !all.iter().all(|(_, ended)| *ended) {
        return None;
    }
    let mut exact: Vec<String> = all.into_iter().map(|(s, _)| s).collect();
    exact.sort();
    exact.dedup();
    Some(exact)
}

/// The texts a code node's text must start with to match `regex` (a
/// `metavariable-regex`, anchored at the start), if they are few and
/// known: `^\.\.\.$` gives `...`, `(?i)f["']` gives `f"`, `f'`, `F"` and
/// `F'`. A bare `$X` restricted by such a regex need only be tried on the
/// nodes that start where one of them occurs in the file, rather than on
/// every node.
///
/// The regex also sees the name a node means through imports
/// (`regex_accepts` in the engine), which the file does not spell at the
/// node. So texts that such a name could start with (a dotted name never
/// starts with a dot, and is made of identifier characters and dots) give
/// `None`.
pub fn start_texts(regex: &str) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    use regex_syntax::hir::Look;
    let hir = regex_syntax::parse(regex).ok()?;
    if !hir.properties().look_set_prefix().contains(Look::Start) {
        return None;
    }
    let prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let texts: Vec<Vec<u8>> = prefixes
        .literals()?
        .iter()
        .map(|literal| literal.as_bytes().to_vec())
        .collect();
    let never_a_name = |text: &[u8]| {
        text.first() == Some(&b'.')
            || text
                .iter()
                .any(|b| b.is_ascii() && !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.'))
    };
    texts.iter().all(|text| never_a_name(text)).then_some(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_strings_of_anchored_alternations() {
        assert_eq!(
            exact_strings("^(?:^(execute|executemany|executescript)$)").unwrap(),
            ["execute", "executemany", "executescript"]
        );
        assert_eq!(
            exact_strings(r"^(?:^flask\.(helpers\.)?(send_file)$)").unwrap(),
            ["flask.helpers.send_file", "flask.send_file"]
        );
        assert_eq!(
            exact_strings("^(?:(?i)ab$)").unwrap(),
            ["AB", "Ab", "aB", "ab"]
        );
        // Without `$`, any text that starts so matches: too many strings.
        assert_eq!(exact_strings("^(?:execute)"), None);
        assert_eq!(exact_strings("^(?:exec.*$)"), None);
        assert_eq!(exact_strings("^(?:[a-z]+$)"), None);
        assert_eq!(exact_strings(r"^(?:\bexec$)"), None);
    }

    #[test]
    fn method_names() {
        let method = |p: &str| Pattern::parse(p).unwrap().method_name().map(str::to_owned);
        assert_eq!(method("$QS.extra(...)").as_deref(), Some("extra"));
        assert_eq!(method("$X.objects.raw($Q)").as_deref(), Some("raw"));
        assert_eq!(method("<... $P.chmod($M) ...>").as_deref(), Some("chmod"));
        // A fixed receiver is a dotted name; a metavariable method is none.
        assert_eq!(method("os.chmod($P, $M)"), None);
        assert_eq!(method("$X.$M(...)"), None);
        assert_eq!(method("extra(...)"), None);
    }

    #[test]
    fn keyword_metavariables() {
        let names = |p: &str| -> Vec<String> {
            let pattern = Pattern::parse(p).unwrap();
            pattern.keyword_metavariables().map(str::to_owned).collect()
        };
        assert_eq!(names("$F(..., $NAME=$VALUE, ...)"), ["NAME"]);
        assert_eq!(names("connect($HOST, $K=$V, key=$W)"), ["K"]);
        // A keyword with a fixed name, a positional metavariable, or no call.
        assert!(names("f(..., password=$V, ...)").is_empty());
        assert!(names("f($NAME)").is_empty());
        assert!(names("$NAME = $VALUE").is_empty());
    }

    #[test]
    fn callee_metavariables() {
        let part = |p: &str| {
            Pattern::parse(p)
                .unwrap()
                .callee_metavariable()
                .map(|(name, part)| (name.to_owned(), part))
        };
        assert_eq!(
            part("$CUR.$EXECUTE($Q, ...)"),
            Some(("EXECUTE".into(), CalleePart::Attribute))
        );
        assert_eq!(part("$CLS($X)"), Some(("CLS".into(), CalleePart::Whole)));
        assert_eq!(
            part("<... $F(...) ...>"),
            Some(("F".into(), CalleePart::Whole))
        );
        assert_eq!(
            part("os.$F(...)"),
            Some(("F".into(), CalleePart::Attribute))
        );
        assert_eq!(part("foo(...)"), None);
        assert_eq!(part("$X = $F(...)"), None);
    }
}
