//! tripline's rules: YAML rule files (a superset of Semgrep's format for
//! Python) loaded with every problem reported at its line and column, and
//! compiled into [`Formula`]s over [`tripline_pattern::Pattern`]s.

pub mod condition;
mod diagnostic;
mod files;
mod literals;
mod load;
mod model;
mod paths;
mod taint;
pub mod yaml;

pub use diagnostic::{Level, RuleDiagnostic};
pub use files::{rule_files, unique_rule_files};
pub use literals::{Requirement, Word};
pub use load::{compile_file, did_you_mean, load_file, load_pattern, load_str, CompiledFile};
pub use model::{
    bandit_ids, names_rule, Condition, Conjunction, FixRegex, Formula, NegationKind, Negative,
    Positive, Rule, RuleSet, Severity,
};
pub use paths::{GlobError, PathFilter, PathGlobs};
pub use taint::{
    LabelExpression, Propagator, Sanitizer, Sink, Source, Taint, TaintOptions, DEFAULT_LABEL,
};

#[cfg(test)]
mod tests;
