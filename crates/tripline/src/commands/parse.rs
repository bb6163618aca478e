//! `tripline parse`: read and parse the files a scan would, and nothing
//! more. It measures the floor of a scan's time (see `bench/` and
//! docs/performance.md); it is hidden from `--help` as a tool for
//! benchmarks, not for users.

use std::path::PathBuf;
use std::time::Instant;

use tripline_engine::{parse_only, ScanOptions};

use crate::EXIT_CLEAN;

#[derive(clap::Args)]
pub struct ParseArgs {
    /// Files and directories, found as `scan` finds them.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,

    /// Skip files whose path or one of its components matches this glob. Repeatable.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,

    /// Number of files parsed in parallel (default: all cores).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

pub fn run(args: &ParseArgs) -> u8 {
    let discovery = match super::scan::discovery(&[], &args.exclude) {
        Ok(discovery) => discovery,
        Err(code) => return code,
    };
    let options = ScanOptions {
        discovery,
        jobs: args.jobs.map(usize::from),
        ..ScanOptions::default()
    };
    let started = Instant::now();
    let totals = parse_only(&args.paths, &options);
    println!(
        "parsed {} files, {} bytes, {} nodes in {:.3}s",
        totals.files,
        totals.bytes,
        totals.nodes,
        started.elapsed().as_secs_f64()
    );
    EXIT_CLEAN
}
