//! The syntax tree the matcher works on: tree-sitter's parse of a file,
//! copied once into a flat array in pre-order.
//!
//! Why not tree-sitter's own nodes: they are views into a compressed tree,
//! so finding a node's children walks its siblings, finding its parent
//! walks down from the root (O(depth)), and every question crosses into C.
//! The matcher asks such questions millions of times per file. Here each
//! is an array lookup, and a node's subtree is a contiguous range of the
//! array, so "every node inside" is a plain loop. The copy costs one walk
//! of the tree, and tree-sitter's tree is dropped right after.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use tree_sitter::Parser;

use crate::python;

/// A parsed file (or pattern) in pre-order: a node's children follow it,
/// and its subtree ends at `subtree_end`.
pub struct SyntaxTree {
    nodes: Vec<NodeData>,
}

/// No parent: the root.
const NONE: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct NodeData {
    start: usize,
    end: usize,
    parent: u32,
    /// One past the last node of this node's subtree.
    subtree_end: u32,
    kind: u16,
    /// The field this node is in its parent (`0`: none).
    field: u16,
    flags: u8,
}

const NAMED: u8 = 1;
const EXTRA: u8 = 2;
const ERROR: u8 = 4;
const MISSING: u8 = 8;
const HAS_ERROR: u8 = 16;

/// Node kind names by id, looked up once.
static KIND_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let language = python::language();
    (0..language.node_kind_count())
        .map(|id| {
            u16::try_from(id)
                .ok()
                .and_then(|id| language.node_kind_for_id(id))
                .unwrap_or("")
        })
        .collect()
});

/// Field names by id (id 0 is "no field"), looked up once.
static FIELD_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let language = python::language();
    (0..=language.field_count())
        .map(|id| {
            u16::try_from(id)
                .ok()
                .and_then(|id| language.field_name_for_id(id))
                .unwrap_or("")
        })
        .collect()
});

/// Field ids by name: the matcher asks for a field by name at almost
/// every node it visits.
static FIELD_IDS: LazyLock<HashMap<&'static str, u16, foldhash::fast::RandomState>> =
    LazyLock::new(|| {
        FIELD_NAMES
            .iter()
            .enumerate()
            .skip(1)
            .filter_map(|(id, name)| Some((*name, u16::try_from(id).ok()?)))
            .collect()
    });

/// The id of a field name; `0` (no node has it) for an unknown name.
fn field_id(name: &str) -> u16 {
    FIELD_IDS.get(name).copied().unwrap_or(0)
}

thread_local! {
    /// One parser per thread, reused for every file and pattern it parses.
    static PARSER: RefCell<Parser> = RefCell::new({
        let mut parser = Parser::new();
        parser
            .set_language(&python::language())
            .expect("tree-sitter-python matches the tree-sitter version");
        parser
    });
}

impl SyntaxTree {
    /// Parses Python source with this thread's parser. `None` only if
    /// tree-sitter gives up (it recovers from syntax errors with error
    /// nodes instead).
    pub fn parse(text: &str) -> Option<SyntaxTree> {
        let tree = PARSER.with(|parser| parser.borrow_mut().parse(text, None))?;
        Some(SyntaxTree::new(&tree))
    }

    /// Copies a tree-sitter tree (one walk, without recursion, so any
    /// nesting depth is fine).
    pub fn new(tree: &tree_sitter::Tree) -> SyntaxTree {
        let mut nodes: Vec<NodeData> = Vec::new();
        // The nodes whose subtree is being copied.
        let mut open: Vec<u32> = Vec::new();
        let mut cursor = tree.walk();
        loop {
            let node = cursor.node();
            let index = index_of(nodes.len());
            let flags = [
                (node.is_named(), NAMED),
                (node.is_extra(), EXTRA),
                (node.is_error(), ERROR),
                (node.is_missing(), MISSING),
                (node.has_error(), HAS_ERROR),
            ]
            .iter()
            .filter(|(set, _)| *set)
            .fold(0, |flags, (_, flag)| flags | flag);
            nodes.push(NodeData {
                start: node.start_byte(),
                end: node.end_byte(),
                parent: open.last().copied().unwrap_or(NONE),
                subtree_end: index + 1,
                kind: node.kind_id(),
                field: cursor.field_id().map_or(0, |f| f.get()),
                flags,
            });
            if cursor.goto_first_child() {
                open.push(index);
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    return SyntaxTree { nodes };
                }
                if let Some(closed) = open.pop() {
                    nodes[closed as usize].subtree_end = index_of(nodes.len());
                }
            }
        }
    }

    pub fn root(&self) -> Node<'_> {
        Node {
            tree: self,
            index: 0,
        }
    }

    /// How many nodes the tree has (named or not, extras included).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Every node in pre-order.
    pub fn nodes(&self) -> impl Iterator<Item = Node<'_>> {
        self.root().descendants()
    }
}

fn index_of(position: usize) -> u32 {
    u32::try_from(position).expect("a syntax tree has fewer than 4 billion nodes")
}

/// A node of a [`SyntaxTree`]: cheap to copy, and every question about it
/// is an array lookup.
#[derive(Clone, Copy)]
pub struct Node<'t> {
    tree: &'t SyntaxTree,
    index: u32,
}

impl PartialEq for Node<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && std::ptr::eq(self.tree, other.tree)
    }
}

impl Eq for Node<'_> {}

impl Hash for Node<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}..{}]",
            self.kind(),
            self.start_byte(),
            self.end_byte()
        )
    }
}

impl<'t> Node<'t> {
    fn data(&self) -> &'t NodeData {
        &self.tree.nodes[self.index as usize]
    }

    fn at(&self, index: u32) -> Node<'t> {
        Node {
            tree: self.tree,
            index,
        }
    }

    /// A number that identifies the node within its tree (its position in
    /// pre-order).
    pub fn id(&self) -> usize {
        self.index as usize
    }

    pub fn kind_id(&self) -> u16 {
        self.data().kind
    }

    pub fn kind(&self) -> &'static str {
        KIND_NAMES
            .get(usize::from(self.data().kind))
            .copied()
            .unwrap_or("")
    }

    pub fn start_byte(&self) -> usize {
        self.data().start
    }

    pub fn end_byte(&self) -> usize {
        self.data().end
    }

    pub fn byte_range(&self) -> Range<usize> {
        let data = self.data();
        data.start..data.end
    }

    pub fn is_named(&self) -> bool {
        self.data().flags & NAMED != 0
    }

    /// A comment (or another node the grammar allows anywhere).
    pub fn is_extra(&self) -> bool {
        self.data().flags & EXTRA != 0
    }

    pub fn is_error(&self) -> bool {
        self.data().flags & ERROR != 0
    }

    pub fn is_missing(&self) -> bool {
        self.data().flags & MISSING != 0
    }

    /// Whether the subtree contains a syntax error.
    pub fn has_error(&self) -> bool {
        self.data().flags & HAS_ERROR != 0
    }

    pub fn parent(&self) -> Option<Node<'t>> {
        let parent = self.data().parent;
        (parent != NONE).then(|| self.at(parent))
    }

    /// The field this node is in its parent (`"function"` for the callee
    /// of a call).
    pub fn field_name(&self) -> Option<&'static str> {
        let field = self.data().field;
        (field != 0)
            .then(|| FIELD_NAMES.get(usize::from(field)).copied())
            .flatten()
    }

    /// The children, tokens and comments included.
    pub fn children(&self) -> Children<'t> {
        Children {
            tree: self.tree,
            next: self.index + 1,
            end: self.data().subtree_end,
        }
    }

    pub fn named_children(&self) -> impl Iterator<Item = Node<'t>> {
        self.children().filter(Node::is_named)
    }

    pub fn child_count(&self) -> usize {
        self.children().count()
    }

    pub fn named_child_count(&self) -> usize {
        self.named_children().count()
    }

    pub fn child(&self, index: usize) -> Option<Node<'t>> {
        self.children().nth(index)
    }

    pub fn named_child(&self, index: usize) -> Option<Node<'t>> {
        self.named_children().nth(index)
    }

    /// The first child in the field `name`.
    pub fn child_by_field_name(&self, name: &str) -> Option<Node<'t>> {
        self.children_by_field_name(name).next()
    }

    /// The children in the field `name` (`elif`s of an `if`, say).
    pub fn children_by_field_name(&self, name: &str) -> impl Iterator<Item = Node<'t>> {
        let field = field_id(name);
        self.children()
            .filter(move |child| field != 0 && child.data().field == field)
    }

    /// The node and every node inside it, in pre-order.
    pub fn descendants(&self) -> impl Iterator<Item = Node<'t>> {
        let tree = self.tree;
        (self.index..self.data().subtree_end).map(move |index| Node { tree, index })
    }

    /// How many nodes the subtree has, this one included.
    pub fn subtree_size(&self) -> usize {
        (self.data().subtree_end - self.index) as usize
    }

    /// Whether `other` is this node or inside it.
    pub fn contains(&self, other: Node<'_>) -> bool {
        (self.index..self.data().subtree_end).contains(&other.index)
    }

    /// The nodes of this subtree that start at `byte`, outermost first: a
    /// binary search over the pre-order, where they sit side by side.
    pub fn starting_at(&self, byte: usize) -> impl Iterator<Item = Node<'t>> + use<'t> {
        let end = self.data().subtree_end;
        let nodes = &self.tree.nodes[self.index as usize..end as usize];
        let first = self.index + index_of(nodes.partition_point(|n| n.start < byte));
        let node = *self;
        (first..end)
            .map(move |index| node.at(index))
            .take_while(move |n| n.start_byte() == byte)
    }

    /// The deepest node of this subtree whose byte range contains `range`
    /// (this node itself if no deeper one does). A binary search over the
    /// pre-order, where start bytes never decrease, then a walk up: a
    /// module of 100,000 statements costs a few steps, not a scan of its
    /// children.
    pub fn innermost(&self, range: &Range<usize>) -> Node<'t> {
        let nodes = &self.tree.nodes[self.index as usize..self.data().subtree_end as usize];
        // The last node starting at or before `range.start` (strictly
        // before, for an empty range, so that of two nodes meeting at that
        // point the first one is taken, as a search from the top would).
        let last = if range.is_empty() {
            nodes.partition_point(|n| n.start < range.start)
        } else {
            nodes.partition_point(|n| n.start <= range.start)
        };
        let mut node = self.at(self.index + index_of(last.saturating_sub(1)));
        while node.index != self.index
            && !(node.start_byte() <= range.start && range.end <= node.end_byte())
        {
            match node.parent() {
                Some(parent) => node = parent,
                None => break,
            }
        }
        node
    }
}

/// The children of a node, in order.
#[derive(Clone)]
pub struct Children<'t> {
    tree: &'t SyntaxTree,
    next: u32,
    end: u32,
}

impl<'t> Iterator for Children<'t> {
    type Item = Node<'t>;

    fn next(&mut self) -> Option<Node<'t>> {
        if self.next >= self.end {
            return None;
        }
        let child = Node {
            tree: self.tree,
            index: self.next,
        };
        self.next = child.data().subtree_end;
        Some(child)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(code: &str) -> (tree_sitter::Tree, SyntaxTree) {
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&python::language()).unwrap();
        let tree = parser.parse(code, None).unwrap();
        let syntax = SyntaxTree::new(&tree);
        (tree, syntax)
    }

    /// The deepest node containing a range, found from the top by a
    /// binary search rather than by scanning children.
    #[test]
    fn innermost_is_the_deepest_node_containing_a_range() {
        let code = "x = 1\n".repeat(1000) + "f(a, b)\n";
        let tree = SyntaxTree::parse(&code).unwrap();
        let root = tree.root();
        let call = code.rfind("f(a, b)").unwrap();
        let kind_at = |range: Range<usize>| root.innermost(&range).kind();
        assert_eq!(kind_at(call + 2..call + 3), "identifier");
        assert_eq!(kind_at(call + 2..call + 6), "argument_list");
        assert_eq!(kind_at(call..call + 7), "call");
        assert_eq!(kind_at(0..code.len()), "module");
        assert_eq!(kind_at(4..10), "module");
        let statement = root.innermost(&(call..call + 7)).parent().unwrap();
        assert_eq!(statement.innermost(&(0..3)).id(), statement.id());
    }

    /// Every node, with its kind, range, field and parent, as tree-sitter
    /// itself reports them: the copy loses nothing.
    #[test]
    fn copy_agrees_with_tree_sitter() {
        let code = "import os\n\ndef f(a, *, b=1):  # note\n    if a:\n        return os.path.join(a, b)\n    x = [i for i in a if i]\n";
        let (tree, syntax) = parse(code);
        let mut expected = Vec::new();
        let mut stack = vec![(tree.root_node(), None::<&str>, None::<usize>)];
        while let Some((node, field, parent)) = stack.pop() {
            expected.push((
                node.kind(),
                node.byte_range(),
                field,
                parent,
                node.is_named(),
                node.is_extra(),
            ));
            let mut cursor = node.walk();
            let mut children = Vec::new();
            if cursor.goto_first_child() {
                loop {
                    children.push((cursor.node(), cursor.field_name(), Some(node.start_byte())));
                    if !cursor.goto_next_sibling() {
                        break;
                    }
                }
            }
            stack.extend(children.into_iter().rev());
        }
        let copied: Vec<_> = syntax
            .nodes()
            .map(|n| {
                (
                    n.kind(),
                    n.byte_range(),
                    n.field_name(),
                    n.parent().map(|p| p.start_byte()),
                    n.is_named(),
                    n.is_extra(),
                )
            })
            .collect();
        assert_eq!(copied, expected);
    }

    #[test]
    fn fields_children_and_subtrees() {
        let (_tree, syntax) = parse("f(a, x=1)\n");
        let call = syntax.nodes().find(|n| n.kind() == "call").unwrap();
        let function = call.child_by_field_name("function").unwrap();
        assert_eq!(function.kind(), "identifier");
        let arguments = call.child_by_field_name("arguments").unwrap();
        let kinds: Vec<&str> = arguments.children().map(|c| c.kind()).collect();
        assert_eq!(kinds, ["(", "identifier", ",", "keyword_argument", ")"]);
        assert_eq!(arguments.named_child_count(), 2);
        assert_eq!(arguments.named_child(1).unwrap().kind(), "keyword_argument");
        assert!(call.contains(function));
        assert!(!function.contains(call));
        assert_eq!(function.parent(), Some(call));
        assert_eq!(call.descendants().count(), 1 + 1 + 1 + 5 + 3);
        assert!(call.child_by_field_name("nonexistent").is_none());
        assert_eq!(syntax.root().parent(), None);
    }

    #[test]
    fn errors_are_flagged() {
        let (_tree, syntax) = parse("def f(:\n");
        assert!(syntax.root().has_error());
        assert!(syntax.nodes().any(|n| n.is_error() || n.is_missing()));
    }

    #[test]
    fn deep_nesting_copies_without_recursion() {
        let code = format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000));
        let (_tree, syntax) = parse(&code);
        assert!(syntax.len() > 10_000);
        let deepest = syntax
            .nodes()
            .filter(|n| n.kind() == "integer")
            .last()
            .unwrap();
        let depth = std::iter::successors(Some(deepest), |n| n.parent()).count();
        assert!(depth > 5000);
    }
}
