//! Which nodes a pattern can match, decided before matching. The engine
//! offers each node of a file only to the patterns whose root has the
//! node's kind and, for calls and dotted names, spells the name the node
//! spells or means: with a few hundred patterns, a node is then tried
//! against a handful instead of all of them.

use std::borrow::Cow;

use crate::names::FileIndex;
use crate::python::{self, KINDS};
use crate::syntax::Node;
use crate::tree::PNode;
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
        let PNode::Code(code) = self.root_node()? else {
            return None;
        };
        if code.kind == KINDS.call {
            let function = code.children.iter().find(|c| c.field == Some("function"))?;
            match &function.node {
                PNode::Code(callee) => callee.dotted.as_deref(),
                _ => None,
            }
        } else if code.kind == KINDS.attribute || code.kind == KINDS.identifier {
            code.dotted.as_deref()
        } else {
            None
        }
    }

    /// The node the pattern's matches are decided at: P for `<... P ...>`,
    /// none for a run of statements.
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
    pub meant: Option<String>,
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

    /// Each distinct name, once.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let spelled = self.spelled.as_deref();
        let meant = self.meant.as_deref().filter(|m| Some(*m) != spelled);
        spelled.into_iter().chain(meant)
    }
}

/// `a.b.c` for a chain of names (parentheses looked through), `a` for a
/// name; nothing for anything else.
fn spelled_name<'s>(node: Node<'_>, source: &'s [u8]) -> Option<Cow<'s, str>> {
    let kinds = &*KINDS;
    if node.kind_id() == kinds.identifier {
        return Some(python::text(node, source));
    }
    if node.kind_id() != kinds.attribute {
        return None;
    }
    // Most chains are written plainly (`os.path.join`): their text is the name.
    let text = &source[node.byte_range()];
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
    let object = spelled_name(
        python::unwrap_parens(node.child_by_field_name("object")?),
        source,
    )?;
    let attribute = node.child_by_field_name("attribute")?;
    Some(Cow::Owned(format!(
        "{object}.{}",
        python::text(attribute, source)
    )))
}
