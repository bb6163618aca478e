//! One module per subcommand.

pub mod explain;
pub mod parse;
pub mod rules;
pub mod scan;
pub mod test;
pub mod validate;
