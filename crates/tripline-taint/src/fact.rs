//! The facts the analysis computes: which access paths (`x`, `x.attr`,
//! `d['k']`) hold tainted data at a point of a function, and where each
//! taint came from (for the trace).

use std::collections::BTreeMap;
use std::ops::Range;
use std::rc::Rc;

use smallvec::{smallvec, SmallVec};

/// Fields tracked below a variable; deeper ones are folded into their
/// prefix (`a.b.c.d.e` is read and written as `a.b.c.d`).
const MAX_FIELDS: usize = 4;

/// Steps kept in a trace; later ones are dropped (the source and the sink
/// are always known).
const MAX_STEPS: usize = 32;

/// A variable and the fields or constant keys below it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Path {
    pub root: Rc<str>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// `.name`
    Attribute(Rc<str>),
    /// `[key]` with a constant key, as its value's text.
    Key(Rc<str>),
}

impl Path {
    pub fn variable(name: &str) -> Path {
        Path {
            root: name.into(),
            fields: Vec::new(),
        }
    }

    /// This path with one more field (folded past [`MAX_FIELDS`]).
    pub fn with(mut self, field: Field) -> Path {
        if self.fields.len() < MAX_FIELDS {
            self.fields.push(field);
        }
        self
    }

    /// Whether `self` is `other` or a prefix of it.
    fn is_prefix_of(&self, other: &Path) -> bool {
        self.root == other.root && other.fields.starts_with(&self.fields)
    }
}

/// Where tainted data comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// A source match (its index in [`crate::Matches::sources`]).
    Source(u32),
    /// The value a function's parameter had at entry (by position): what a
    /// summary is made of.
    Parameter(u16),
}

/// A trace's steps, newest first, shared between the facts that extend it.
#[derive(Debug)]
pub struct Step {
    pub at: Range<usize>,
    previous: Option<Rc<Step>>,
    len: usize,
}

/// Steps from an origin to where a taint is now (none: it is at its origin).
pub type Steps = Option<Rc<Step>>;

/// `steps` with `at` appended (unless the trace is full, or `at` is its
/// last step already).
pub fn step(steps: &Steps, at: Range<usize>) -> Steps {
    match steps {
        Some(last) if last.at == at || last.len >= MAX_STEPS => steps.clone(),
        _ => Some(Rc::new(Step {
            at,
            len: steps.as_ref().map_or(0, |s| s.len) + 1,
            previous: steps.clone(),
        })),
    }
}

/// The steps in order, oldest first.
pub fn steps_in_order(steps: &Steps) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut next = steps.as_deref();
    while let Some(step) = next {
        ranges.push(step.at.clone());
        next = step.previous.as_deref();
    }
    ranges.reverse();
    ranges
}

/// `first` followed by `then`.
pub fn concatenate(first: &Steps, then: &Steps) -> Steps {
    steps_in_order(then)
        .into_iter()
        .fold(first.clone(), |steps, at| step(&steps, at))
}

/// One origin of a taint, with how it got here.
#[derive(Debug, Clone)]
pub struct Flow {
    pub origin: Origin,
    pub steps: Steps,
}

/// What taints a value: its origins, each once (the first path found to
/// it is kept), sorted by origin. Empty: clean. Nearly always one origin,
/// kept inline: the dataflow states are copied at every block.
#[derive(Debug, Clone, Default)]
pub struct Taint(SmallVec<[Flow; 1]>);

impl Taint {
    pub fn of(origin: Origin) -> Taint {
        Taint(smallvec![Flow {
            origin,
            steps: None,
        }])
    }

    pub fn is_clean(&self) -> bool {
        self.0.is_empty()
    }

    pub fn flows(&self) -> &[Flow] {
        &self.0
    }

    /// Adds `other`'s origins that `self` lacks.
    pub fn join(&mut self, other: &Taint) {
        for flow in &other.0 {
            self.add(flow.clone());
        }
    }

    pub fn add(&mut self, flow: Flow) {
        if let Err(at) = self.0.binary_search_by_key(&flow.origin, |f| f.origin) {
            self.0.insert(at, flow);
        }
    }

    pub fn union(mut self, other: &Taint) -> Taint {
        self.join(other);
        self
    }

    /// The same origins, each having passed through `at`.
    pub fn through(&self, at: Range<usize>) -> Taint {
        Taint(
            self.0
                .iter()
                .map(|f| Flow {
                    origin: f.origin,
                    steps: step(&f.steps, at.clone()),
                })
                .collect(),
        )
    }

    /// Whether both have the same origins (traces aside): what the fixpoint
    /// compares.
    fn same_origins(&self, other: &Taint) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|(a, b)| a.origin == b.origin)
    }
}

/// The tainted access paths at a point; absent paths are clean.
#[derive(Debug, Clone, Default)]
pub struct State {
    paths: BTreeMap<Path, Taint>,
}

impl State {
    /// The taint of reading `path`: its own, that of the object it is part
    /// of (a prefix), and that of the parts it holds (longer paths).
    pub fn read(&self, path: &Path) -> Taint {
        let mut taint = Taint::default();
        for (held, held_taint) in self.with_root(&path.root) {
            if held.is_prefix_of(path) || path.is_prefix_of(held) {
                taint.join(held_taint);
            }
        }
        taint
    }

    /// `path = taint`: what `path` and its parts held is replaced.
    pub fn assign(&mut self, path: &Path, taint: Taint) {
        let replaced: Vec<Path> = self
            .with_root(&path.root)
            .filter(|(held, _)| path.is_prefix_of(held))
            .map(|(held, _)| held.clone())
            .collect();
        for held in replaced {
            self.paths.remove(&held);
        }
        if !taint.is_clean() {
            self.paths.insert(path.clone(), taint);
        }
    }

    /// `path` may now also hold `taint` (a write whose exact place is not
    /// known, or a mutation such as `append`).
    pub fn add(&mut self, path: &Path, taint: &Taint) {
        if taint.is_clean() {
            return;
        }
        self.paths.entry(path.clone()).or_default().join(taint);
    }

    /// `path` and its parts are clean (a sanitizer by side effect).
    pub fn clean(&mut self, path: &Path) {
        self.assign(path, Taint::default());
    }

    /// Every tainted path under `variable`, and their taint.
    pub fn under(&self, variable: &Path) -> Taint {
        let mut taint = Taint::default();
        for (_, held) in self.with_root(&variable.root) {
            taint.join(held);
        }
        taint
    }

    /// The paths under `root`: asked at every read, so the start of the
    /// range shares the name instead of copying it.
    fn with_root<'a>(&'a self, root: &'a Rc<str>) -> impl Iterator<Item = (&'a Path, &'a Taint)> {
        let start = Path {
            root: root.clone(),
            fields: Vec::new(),
        };
        self.paths
            .range(start..)
            .take_while(move |(p, _)| p.root == *root)
    }

    /// Adds what `other` holds; whether anything changed.
    pub fn join(&mut self, other: &State) -> bool {
        let mut changed = false;
        for (path, taint) in &other.paths {
            match self.paths.get_mut(path) {
                Some(mine) => {
                    let before = mine.clone();
                    mine.join(taint);
                    changed |= !mine.same_origins(&before);
                }
                None => {
                    self.paths.insert(path.clone(), taint.clone());
                    changed = true;
                }
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(root: &str, keys: &[&str]) -> Path {
        keys.iter()
            .fold(Path::variable(root), |p, k| p.with(Field::Key((*k).into())))
    }

    #[test]
    fn a_key_is_tracked_apart_from_its_siblings() {
        let mut state = State::default();
        state.assign(&path("d", &["a"]), Taint::of(Origin::Source(0)));
        assert!(!state.read(&path("d", &["a"])).is_clean());
        assert!(state.read(&path("d", &["b"])).is_clean());
        // The whole dict holds tainted data.
        assert!(!state.read(&path("d", &[])).is_clean());
        state.assign(&path("d", &[]), Taint::default());
        assert!(state.read(&path("d", &["a"])).is_clean());
    }

    #[test]
    fn a_trace_keeps_its_steps_in_order() {
        let steps = step(&step(&None, 1..2), 3..4);
        assert_eq!(steps_in_order(&steps), vec![1..2, 3..4]);
        let joined = concatenate(&steps, &step(&None, 5..6));
        assert_eq!(steps_in_order(&joined), vec![1..2, 3..4, 5..6]);
    }
}
