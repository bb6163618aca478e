//! `tripline lsp`: a language server over stdio that shows findings as
//! diagnostics while Python is edited, and offers the rules' fixes and
//! suppression comments as code actions (docs/editors.md).
//!
//! One module per job: `server` answers the protocol, `documents` keeps
//! the open texts and which scan is newest, `scanner` runs the rules on a
//! buffer, `diagnostic` and `position` translate findings, `actions`
//! builds the edits.

mod actions;
mod diagnostic;
mod documents;
mod position;
mod scanner;
mod server;

use std::path::PathBuf;

use tower_lsp_server::{LspService, Server};
use tripline_rule::RuleSet;

use crate::commands::scan::select_rules;
use crate::rule_sources::load_rules;
use crate::{EXIT_CLEAN, EXIT_ERROR};

#[derive(clap::Args)]
pub struct LspArgs {
    /// A rule file, or a directory of rule files (*.yaml, *.yml). Repeatable.
    /// Without it, the ruleset shipped in the binary runs.
    #[arg(short = 'c', long = "config", value_name = "FILE|DIR")]
    configs: Vec<PathBuf>,

    /// Run only these rules (same forms as `scan --select`). Repeatable, or comma-separated.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    select: Vec<String>,

    /// Do not run these rules (same forms as --select). Repeatable, or comma-separated.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    skip: Vec<String>,
}

/// Serves until the client sends `exit` (or closes stdin). Rules with
/// errors stop it before it starts, with exit code 2, as for `scan`:
/// stdout is the protocol's, so everything else goes to stderr, which
/// editors keep in their server log.
pub fn run(args: &LspArgs) -> u8 {
    let Some(ruleset) = rules(args) else {
        return EXIT_ERROR;
    };
    let scanner = scanner::Scanner::new(Box::leak(Box::new(ruleset)));
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the server's runtime: {err}");
            return EXIT_ERROR;
        }
    };
    runtime.block_on(async {
        let (service, socket) = LspService::new(|client| server::Backend::new(client, scanner));
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
    });
    // The thread reading stdin may still be blocked in a read: waiting
    // for it would hang a server the client told to exit.
    runtime.shutdown_background();
    EXIT_CLEAN
}

/// The rules the server runs, or `None` (reported) if they have errors.
fn rules(args: &LspArgs) -> Option<RuleSet> {
    let mut loaded = load_rules(&args.configs);
    if !loaded.report() {
        eprintln!("error: the rules have errors; the server did not start");
        return None;
    }
    if let Err(message) = select_rules(&mut loaded.ruleset.rules, &args.select, &args.skip) {
        eprintln!("error: {message}");
        return None;
    }
    Some(loaded.ruleset)
}
