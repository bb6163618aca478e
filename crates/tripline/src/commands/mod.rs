//! One module per subcommand.

pub mod explain;
pub mod scan;
pub mod test;
pub mod validate;
