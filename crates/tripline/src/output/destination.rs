//! Where a scan's outputs go: the `--format` output to stdout or to
//! `--output FILE`, and any number of `--FORMAT-output FILE` besides, so
//! that one scan can print text for the log and leave SARIF and JUnit files
//! for the CI system. Files are written atomically: a reader never sees a
//! half-written report.

use std::path::{Path, PathBuf};

use super::{Format, Scan};
use crate::terminal::{print, stdout_color, ColorChoice};

/// The output flags of `tripline scan`.
#[derive(clap::Args, Clone)]
pub struct OutputArgs {
    /// Output format (on stdout, or in the --output file) [default: text,
    /// or the configuration file's `format`].
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// The format when no flag names one: the configuration file's.
    #[arg(skip)]
    default_format: Option<Format>,

    /// Shorthand for --format json.
    #[arg(long)]
    json: bool,

    /// Write the --format output to FILE instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Also write SARIF to FILE.
    #[arg(long, value_name = "FILE")]
    sarif_output: Option<PathBuf>,

    /// Also write JSON to FILE.
    #[arg(long, value_name = "FILE")]
    json_output: Option<PathBuf>,

    /// Also write JUnit XML to FILE.
    #[arg(long, value_name = "FILE")]
    junit_output: Option<PathBuf>,

    /// Also write a GitLab SAST report to FILE.
    #[arg(long, value_name = "FILE")]
    gitlab_output: Option<PathBuf>,

    /// Also write GitHub Actions annotations to FILE.
    #[arg(long, value_name = "FILE")]
    github_output: Option<PathBuf>,

    /// When to colour text output: auto (on a terminal, unless NO_COLOR is
    /// set), always, never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// One output of a scan.
pub struct Destination {
    pub format: Format,
    /// `None` for stdout.
    pub file: Option<PathBuf>,
}

impl OutputArgs {
    /// These flags, with `format` used when neither `--format` nor
    /// `--json` is given.
    pub fn with_default_format(&self, format: Option<Format>) -> OutputArgs {
        OutputArgs {
            default_format: format,
            ..self.clone()
        }
    }

    /// The `--format` (or `--json`) output's format.
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format.or(self.default_format).unwrap_or(Format::Text)
        }
    }

    /// Every output asked for, the `--format` one first. Checked before
    /// anything is scanned, so that a typo in a path does not cost a scan:
    /// two outputs naming one file, a directory, or a file in a directory
    /// that does not exist is an error.
    pub fn destinations(&self) -> Result<Vec<Destination>, String> {
        let files = [
            (Format::Sarif, &self.sarif_output),
            (Format::Json, &self.json_output),
            (Format::Junit, &self.junit_output),
            (Format::Gitlab, &self.gitlab_output),
            (Format::Github, &self.github_output),
        ];
        let main = Destination {
            format: self.format(),
            file: self.output.clone(),
        };
        let extra = files.into_iter().filter_map(|(format, file)| {
            file.clone().map(|file| Destination {
                format,
                file: Some(file),
            })
        });
        let destinations: Vec<Destination> = std::iter::once(main).chain(extra).collect();
        for (index, destination) in destinations.iter().enumerate() {
            let Some(file) = &destination.file else {
                continue;
            };
            if destinations[..index]
                .iter()
                .any(|earlier| earlier.file.as_ref() == Some(file))
            {
                return Err(format!(
                    "{} is named by two outputs; give each output its own file",
                    file.display()
                ));
            }
            check_writable(file)?;
        }
        Ok(destinations)
    }

    /// Renders and writes every output. Each failure is reported on stderr
    /// and the others are still written; `false` if any failed.
    pub fn write(&self, destinations: &[Destination], scan: &Scan<'_>) -> bool {
        let mut ok = true;
        for destination in destinations {
            match &destination.file {
                None => print(&destination.format.render(scan, stdout_color(self.color))),
                Some(file) => {
                    // A file is not a terminal: `auto` means no colour.
                    let rendered = destination.format.render(scan, self.color.enabled(false));
                    if let Err(err) = tripline_engine::write_atomically(
                        file,
                        ".tripline-output-",
                        rendered.as_bytes(),
                    ) {
                        eprintln!("error: cannot write {}: {err}", file.display());
                        ok = false;
                    }
                }
            }
        }
        ok
    }
}

/// An output file must be a file (or not exist yet) in a directory that exists.
fn check_writable(file: &Path) -> Result<(), String> {
    if file.is_dir() {
        return Err(format!(
            "cannot write {}: it is a directory",
            file.display()
        ));
    }
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(format!(
            "cannot write {}: there is no directory {}",
            file.display(),
            dir.display()
        )),
        _ => Ok(()),
    }
}
