//! The progress bar of `tripline scan`: on stderr, for people watching a
//! terminal, and only when a scan takes long enough to wonder about.

use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Mutex;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tripline_engine::Progress;

/// A scan shorter than this shows no bar at all.
const DELAY: Duration = Duration::from_millis(500);

/// Whether a progress bar may be drawn: stderr is a terminal, not `--quiet`,
/// not in CI (`CI` set, as CI services do).
pub fn wanted(quiet: bool) -> bool {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    !quiet && !ci && std::io::stderr().is_terminal()
}

/// Files done out of the total, drawn once the scan has run for [`DELAY`]
/// and cleared when it ends.
pub struct Bar {
    bar: ProgressBar,
    /// Dropped when the scan ends, which tells the reveal thread to give up.
    running: Mutex<Option<(mpsc::Sender<()>, JoinHandle<()>)>>,
}

impl Bar {
    pub fn new() -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} scanning {pos}/{len} files [{bar:30}] {elapsed}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar {
            bar,
            running: Mutex::new(None),
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
        let (sender, receiver) = mpsc::channel::<()>();
        let bar = self.bar.clone();
        let reveal = thread::spawn(move || {
            if receiver.recv_timeout(DELAY) == Err(RecvTimeoutError::Timeout) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.enable_steady_tick(Duration::from_millis(100));
            }
        });
        if let Ok(mut running) = self.running.lock() {
            *running = Some((sender, reveal));
        }
    }

    fn advance(&self) {
        self.bar.inc(1);
    }

    fn finish(&self) {
        let running = self.running.lock().ok().and_then(|mut r| r.take());
        if let Some((sender, reveal)) = running {
            drop(sender);
            let _ = reveal.join();
        }
        self.bar.finish_and_clear();
    }
}
