//! The result cache: what each file gave last time, so that an unchanged
//! file is neither read nor parsed again.
//!
//! Why it is built this way:
//!
//! - **One cache file per ruleset fingerprint.** The fingerprint hashes
//!   everything besides the file that decides its findings: every rule's id
//!   and the full text it was loaded from, the tripline version, this
//!   module's format version, the suppression options and the version of
//!   the suppression logic, and the identity (size, modification time) of
//!   the running executable, so a rebuilt binary never trusts results of
//!   the old one. Changing, adding, selecting or skipping a rule gives another
//!   fingerprint, hence another file: nothing in a cache file can be stale
//!   with respect to the rules. Files live in `<dir>/<version>/<fingerprint>`.
//! - **Entries keyed by absolute path and the path relative to the scanned
//!   root** (rules' `paths:` and relative imports depend on the latter). An
//!   entry holds the file's stamp (size, modification and change times,
//!   inode), a 128-bit XXH3 hash of its content and what scanning it gave;
//!   findings without the rule's metadata and severity, which come back from
//!   the rule by id.
//! - **Lookup.** Same stamp: the result is reused without opening the file,
//!   which is what makes a warm re-scan cost a `stat` per file. Otherwise the
//!   file is read and hashed: same hash, the result is reused and the stamp
//!   refreshed; else the file is scanned. A stamp is only trusted when the
//!   file's last change is clearly older than the run that recorded it (git's
//!   and Ruff's "racy" rule): a file changed within the timestamp granularity
//!   of the run could change again with the same stamp, so such entries are
//!   checked by hash until a later run sees them settled.
//! - **Never trusted when damaged.** The file starts with a header line that
//!   names the format and carries a hash of the rest; a truncated, garbled
//!   or foreign file, or an entry naming an unknown rule, is ignored (the
//!   files are scanned again) and the file rewritten.
//! - **Atomic, concurrent-safe writes.** A run writes a temporary file in the
//!   same directory and renames it over the old one: a reader sees the old or
//!   the new file, never a mix; of two concurrent runs the last one wins.
//! - **Bounded.** A write keeps the entries of the files of this run and, of
//!   the others, those seen in the last 7 days, at most 50,000; a version
//!   directory keeps its 8 most recently used fingerprint files; directories
//!   of other tripline versions go once unused for 7 days.
//! - **Only results, never errors of the moment.** A file that could not be
//!   read is not cached; one that is binary or not UTF-8 is (that depends on
//!   its content only).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use tripline_rule::{Rule, RuleSet};
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

use crate::discover::Target;
use crate::report::{DataflowTrace, FileError, Finding, MetavarValue, Position, Suppression};
use crate::scan::{content_hash, FileOutcome};
use crate::source;
use crate::suppress::{self, SuppressOptions};

/// Bumped whenever the layout of a cache file or the meaning of an entry changes.
const FORMAT: u32 = 5;
const MAGIC: &str = "tripline-cache";
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Fingerprint files kept per version directory.
const KEEP_FINGERPRINTS: usize = 8;
/// How long entries of files not in a run, and unused version directories, are kept.
const RETENTION: Duration = Duration::from_secs(7 * 24 * 3600);
/// At most this many entries of files not in a run are kept.
const MAX_UNSEEN: usize = 50_000;
/// A file changed less than this before the run started has an untrusted
/// stamp (covers 2-second FAT timestamps and small clock skew).
const RACY: Duration = Duration::from_secs(2);
/// A cache file (and its entries' last-seen times) older than this is
/// rewritten even when nothing changed, so that use keeps it alive.
const REFRESH: Duration = Duration::from_secs(24 * 3600);
/// Temporary files of a run that died are removed after this long.
const STALE_TEMP: Duration = Duration::from_secs(3600);
const TEMP_PREFIX: &str = ".tmp-";

const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55
# This file is a cache directory tag created by tripline.
# For information about cache directory tags see https://bford.info/cachedir/
";
const GITIGNORE: &str = "# Created by tripline: this directory is a cache.\n*\n";

/// What the cache did during a scan (for `--verbose`, and tests).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// The cache file of this ruleset.
    pub file: PathBuf,
    /// Files whose results came from the cache.
    pub reused: usize,
    /// Of those, files read to compare their content hash (their stamp
    /// changed, or was too recent to trust).
    pub checked: usize,
    /// Files scanned whose results were stored.
    pub stored: usize,
    /// Whether the cache file was (re)written.
    pub written: bool,
    /// Why the cache file could not be written.
    pub error: Option<String>,
}

/// The cache of one ruleset, loaded for a scan.
pub(crate) struct Cache<'r> {
    dir: PathBuf,
    file: PathBuf,
    fingerprint: String,
    rules: HashMap<&'r str, &'r Rule>,
    entries: HashMap<String, Entry>,
    /// Whether a valid cache file was loaded, and when it was written.
    loaded: Option<SystemTime>,
    cwd: Option<PathBuf>,
    /// When the run started, as nanoseconds since the epoch.
    started: i128,
}

/// What happened to one file, for the write at the end of the run.
pub(crate) enum Note {
    /// Not cacheable (unreadable, a path that is not UTF-8...).
    Uncached,
    /// Taken from the cache as it was.
    Reused(String),
    /// Taken from the cache after a hash check; the entry gets a new stamp.
    Checked(String, Entry),
    /// Scanned; the entry is new.
    Stored(String, Entry),
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    tripline: String,
    fingerprint: String,
    files: HashMap<String, Entry>,
}

#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct Entry {
    relative: String,
    stamp: Stamp,
    /// XXH3-128 of the content, in hex.
    hash: String,
    /// The stamp was too recent to trust when recorded.
    racy: bool,
    /// Seconds since the epoch of the last run that scanned this file.
    last_seen: u64,
    outcome: CachedOutcome,
}

/// What `stat` says about a file: if none of it changed, neither did the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    /// Modification time, nanoseconds since the epoch.
    modified: i128,
    /// Status change time (Unix), nanoseconds since the epoch; 0 elsewhere.
    changed: i128,
    inode: u64,
}

#[derive(Clone, Serialize, Deserialize)]
struct CachedOutcome {
    scanned: bool,
    syntax_errors: bool,
    bytes: u64,
    /// `(kind, message)` of a file that could not be scanned.
    error: Option<(String, String)>,
    findings: Vec<CachedFinding>,
    /// Whether the findings' fixes may be written: the scan recorded the
    /// content hash (a UTF-8 file with a fix; see `FileOutcome::hash`).
    fixable: bool,
}

/// A finding minus what comes from the rule (severity, metadata) or the
/// target (path).
#[derive(Clone, Serialize, Deserialize)]
struct CachedFinding {
    rule_id: String,
    start: Position,
    end: Position,
    message: String,
    metavars: BTreeMap<String, MetavarValue>,
    lines: String,
    fix: Option<String>,
    byte_range: std::ops::Range<usize>,
    enclosing: Option<String>,
    suppressed: Option<Suppression>,
    dataflow_trace: Option<DataflowTrace>,
}

/// Error kinds that depend on a file's content only, so may be cached.
const CACHED_ERROR_KINDS: [&str; 2] = ["binary", "encoding"];

impl<'r> Cache<'r> {
    /// Opens the cache of `ruleset` in `dir`. Never fails: a missing,
    /// unreadable or damaged cache file is an empty cache.
    /// The run started at `started`.
    pub(crate) fn open(
        dir: &Path,
        ruleset: &'r RuleSet,
        suppress: &SuppressOptions,
        started: SystemTime,
    ) -> Self {
        let started = nanos(started).unwrap_or(0);
        let fingerprint = format!("{:032x}", fingerprint(ruleset, suppress));
        let file = dir.join(VERSION).join(&fingerprint);
        let (entries, loaded) = match load(&file, &fingerprint) {
            Some((entries, written)) => (entries, Some(written)),
            None => (HashMap::new(), None),
        };
        Cache {
            dir: dir.to_path_buf(),
            file,
            fingerprint,
            rules: ruleset.rules.iter().map(|r| (r.id.as_str(), r)).collect(),
            entries,
            loaded,
            cwd: std::env::current_dir().ok(),
            started,
        }
    }

    /// The result of `target`: from the cache if its content is known,
    /// else from `scan`, given the content when it was read for the hash.
    pub(crate) fn scan(
        &self,
        target: &Target,
        max_file_size: u64,
        scan: impl FnOnce(Option<Vec<u8>>) -> FileOutcome,
    ) -> (FileOutcome, Note) {
        let (Some(key), Some(relative)) = (self.key(&target.path), target.relative.to_str()) else {
            return (scan(None), Note::Uncached);
        };
        let Some(stamp) = fs::metadata(&target.path).ok().and_then(|m| Stamp::of(&m)) else {
            return (scan(None), Note::Uncached);
        };
        let entry = self.entries.get(&key).filter(|e| e.relative == relative);
        if let Some(entry) = entry.filter(|e| e.stamp == stamp && !e.racy) {
            if let Some(outcome) = self.outcome(entry, target) {
                return (outcome, Note::Reused(key));
            }
        }
        // The stamp says nothing: hash the content, and scan that same
        // content if it is new (the hash always describes what was scanned).
        let Ok(bytes) = source::read(&target.path, max_file_size) else {
            return (scan(None), Note::Uncached);
        };
        let hash = format!("{:032x}", content_hash(&bytes));
        let racy = self.is_racy(&stamp);
        if let Some(entry) = entry.filter(|e| e.hash == hash) {
            if let Some(outcome) = self.outcome(entry, target) {
                let mut entry = entry.clone();
                entry.stamp = stamp;
                entry.racy = racy;
                return (outcome, Note::Checked(key, entry));
            }
        }
        let outcome = scan(Some(bytes));
        let note = match CachedOutcome::of(&outcome) {
            Some(cached) => Note::Stored(
                key,
                Entry {
                    relative: relative.to_owned(),
                    stamp,
                    hash,
                    racy,
                    last_seen: 0,
                    outcome: cached,
                },
            ),
            None => Note::Uncached,
        };
        (outcome, note)
    }

    /// Records the run's results: rewrites the cache file if anything
    /// changed (or it is due for a refresh), then prunes the cache directory.
    pub(crate) fn save(mut self, notes: Vec<Note>) -> CacheStats {
        let now = SystemTime::now();
        let now_secs = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let mut stats = CacheStats {
            file: self.file.clone(),
            ..CacheStats::default()
        };
        let stale = self
            .loaded
            .is_none_or(|written| now.duration_since(written).unwrap_or_default() >= REFRESH);
        let mut changed = false;
        let mut kept = HashMap::with_capacity(notes.len());
        for note in notes {
            let (key, entry) = match note {
                Note::Uncached => continue,
                Note::Reused(key) => {
                    stats.reused += 1;
                    let Some(entry) = self.entries.remove(&key) else {
                        continue;
                    };
                    (key, entry)
                }
                Note::Checked(key, entry) => {
                    stats.reused += 1;
                    stats.checked += 1;
                    // A hash check that changed nothing needs no write.
                    changed |= self
                        .entries
                        .remove(&key)
                        .is_none_or(|old| old.stamp != entry.stamp || old.racy != entry.racy);
                    (key, entry)
                }
                Note::Stored(key, entry) => {
                    stats.stored += 1;
                    changed = true;
                    self.entries.remove(&key);
                    (key, entry)
                }
            };
            kept.insert(
                key,
                Entry {
                    last_seen: now_secs,
                    ..entry
                },
            );
        }
        // Entries of files not in this run: recent ones, newest first, bounded.
        let mut unseen: Vec<(String, Entry)> = self.entries.drain().collect();
        let before = unseen.len();
        unseen.retain(|(_, e)| now_secs.saturating_sub(e.last_seen) < RETENTION.as_secs());
        unseen.sort_by_key(|(_, e)| std::cmp::Reverse(e.last_seen));
        unseen.truncate(MAX_UNSEEN);
        changed |= unseen.len() != before;
        kept.extend(unseen);

        if !(changed || stale) || (self.loaded.is_none() && kept.is_empty()) {
            return stats;
        }
        match self.write(kept) {
            Ok(()) => stats.written = true,
            Err(err) => stats.error = Some(err.to_string()),
        }
        prune(&self.dir, &self.file);
        stats
    }

    fn write(&self, files: HashMap<String, Entry>) -> io::Result<()> {
        create_cache_dir(&self.dir)?;
        let version_dir = self.dir.join(VERSION);
        fs::create_dir_all(&version_dir)?;
        let body = serde_json::to_vec(&CacheFile {
            tripline: VERSION.to_owned(),
            fingerprint: self.fingerprint.clone(),
            files,
        })?;
        crate::atomic::write_atomically(&self.file, TEMP_PREFIX, &framed(&body))
    }

    /// The cache key of a path: absolute (the same cache may serve runs from
    /// different directories), without `.` components.
    fn key(&self, path: &Path) -> Option<String> {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.cwd.as_ref()?.join(path)
        };
        let normal: PathBuf = absolute
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect();
        normal.into_os_string().into_string().ok()
    }

    fn is_racy(&self, stamp: &Stamp) -> bool {
        stamp.modified.max(stamp.changed) + RACY.as_nanos() as i128 >= self.started
    }

    /// The outcome an entry records, as scanning `target` would give it; or
    /// `None` if the entry does not fit the rules (then it is not trusted).
    fn outcome(&self, entry: &Entry, target: &Target) -> Option<FileOutcome> {
        let cached = &entry.outcome;
        let path = target.path.display().to_string();
        let error = match &cached.error {
            None => None,
            Some((kind, message)) => Some(FileError::new(
                &target.path,
                CACHED_ERROR_KINDS.into_iter().find(|k| k == kind)?,
                message.clone(),
            )),
        };
        let findings = cached
            .findings
            .iter()
            .map(|f| {
                let (severity, metadata) = match self.rules.get(f.rule_id.as_str()) {
                    Some(rule) => (rule.severity, rule.metadata.clone()),
                    None => suppress::builtin_rule(&f.rule_id).map(|(s, m)| (s, m.into()))?,
                };
                Some(Finding {
                    rule_id: f.rule_id.clone(),
                    path: path.clone(),
                    start: f.start,
                    end: f.end,
                    message: f.message.clone(),
                    severity,
                    metadata,
                    metavars: f.metavars.clone(),
                    lines: f.lines.clone(),
                    fix: f.fix.clone(),
                    byte_range: f.byte_range.clone(),
                    enclosing: f.enclosing.clone(),
                    suppressed: f.suppressed.clone(),
                    dataflow_trace: f.dataflow_trace.clone(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        // The entry's hash is that of the content its findings were found in.
        let hash = if cached.fixable {
            Some(u128::from_str_radix(&entry.hash, 16).ok()?)
        } else {
            None
        };
        Some(FileOutcome {
            findings,
            error,
            scanned: cached.scanned,
            syntax_errors: cached.syntax_errors,
            bytes: cached.bytes,
            hash,
            timing: None,
            timed_out: Vec::new(),
        })
    }
}

impl CachedOutcome {
    /// What to store of an outcome; `None` if it must not be cached.
    fn of(outcome: &FileOutcome) -> Option<Self> {
        // Which rules finish in time depends on the machine, not the file.
        if !outcome.timed_out.is_empty() {
            return None;
        }
        let error = match &outcome.error {
            None => None,
            Some(error) if CACHED_ERROR_KINDS.contains(&error.kind) => {
                Some((error.kind.to_owned(), error.message.clone()))
            }
            Some(_) => return None,
        };
        Some(CachedOutcome {
            scanned: outcome.scanned,
            syntax_errors: outcome.syntax_errors,
            bytes: outcome.bytes,
            fixable: outcome.hash.is_some(),
            error,
            findings: outcome
                .findings
                .iter()
                .map(|f| CachedFinding {
                    rule_id: f.rule_id.clone(),
                    start: f.start,
                    end: f.end,
                    message: f.message.clone(),
                    metavars: f.metavars.clone(),
                    lines: f.lines.clone(),
                    fix: f.fix.clone(),
                    byte_range: f.byte_range.clone(),
                    enclosing: f.enclosing.clone(),
                    suppressed: f.suppressed.clone(),
                    dataflow_trace: f.dataflow_trace.clone(),
                })
                .collect(),
        })
    }
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Option<Self> {
        let modified = nanos(meta.modified().ok()?)?;
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode) = (0, 0);
        Some(Stamp {
            size: meta.len(),
            modified,
            changed,
            inode,
        })
    }
}

fn nanos(time: SystemTime) -> Option<i128> {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i128::try_from(after.as_nanos()).ok(),
        Err(before) => i128::try_from(before.duration().as_nanos())
            .ok()
            .map(|n| -n),
    }
}

/// Everything besides a file that decides what scanning it gives.
fn fingerprint(ruleset: &RuleSet, suppress: &SuppressOptions) -> u128 {
    let mut hasher = Xxh3::new();
    let mut feed = |bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    feed(MAGIC.as_bytes());
    feed(&FORMAT.to_le_bytes());
    feed(VERSION.as_bytes());
    feed(&executable_identity().to_le_bytes());
    feed(&suppress::LOGIC_VERSION.to_le_bytes());
    let SuppressOptions {
        disabled,
        require_reason,
        report_unused,
    } = *suppress;
    feed(&[
        u8::from(disabled),
        u8::from(require_reason),
        u8::from(report_unused),
    ]);
    feed(&(ruleset.rules.len() as u64).to_le_bytes());
    for rule in &ruleset.rules {
        feed(rule.id.as_bytes());
        feed(rule.source.inner().as_bytes());
        feed(&(rule.id_offset as u64).to_le_bytes());
    }
    hasher.digest128()
}

/// Size and modification time of the running executable: a rebuilt binary
/// may match differently with the same version number.
fn executable_identity() -> u128 {
    std::env::current_exe()
        .and_then(fs::metadata)
        .ok()
        .and_then(|meta| {
            let modified = nanos(meta.modified().ok()?)?;
            Some((modified as u128) ^ (u128::from(meta.len()) << 96))
        })
        .unwrap_or(0)
}

/// Reads a cache file: its entries and when it was written, or `None` if it
/// is missing or not entirely valid.
fn load(file: &Path, fingerprint: &str) -> Option<(HashMap<String, Entry>, SystemTime)> {
    let bytes = fs::read(file).ok()?;
    let written = fs::metadata(file).and_then(|m| m.modified()).ok()?;
    let body_start = bytes.iter().position(|&b| b == b'\n')? + 1;
    let body = &bytes[body_start..];
    if bytes[..body_start] != *header(body) {
        return None;
    }
    let cache: CacheFile = serde_json::from_slice(body).ok()?;
    (cache.tripline == VERSION && cache.fingerprint == fingerprint)
        .then_some((cache.files, written))
}

/// Creates the cache directory; one tripline creates gets a `CACHEDIR.TAG`
/// (backup tools skip it) and a `.gitignore` (git ignores it). A directory
/// that already existed is left as it is: it may be the user's own.
fn create_cache_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    match fs::create_dir(dir) {
        Ok(()) => {
            fs::write(dir.join("CACHEDIR.TAG"), CACHEDIR_TAG)?;
            fs::write(dir.join(".gitignore"), GITIGNORE)
        }
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(err) => Err(err),
    }
}

/// Keeps the cache bounded: the most recently used fingerprint files of this
/// version, no stale temporary files, no version directory unused for long.
/// Only files named as tripline names them are ever removed.
fn prune(dir: &Path, keep: &Path) {
    let now = SystemTime::now();
    let age = |meta: &fs::Metadata| {
        meta.modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default()
    };
    let mut fingerprints = Vec::new();
    for entry in read_dir(&dir.join(VERSION)) {
        let (Ok(meta), Some(name)) = (
            entry.metadata(),
            entry.file_name().to_str().map(str::to_owned),
        ) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        if is_fingerprint(&name) {
            fingerprints.push((meta.modified().unwrap_or(UNIX_EPOCH), entry.path()));
        } else if name.starts_with(TEMP_PREFIX) && age(&meta) > STALE_TEMP {
            let _ = fs::remove_file(entry.path());
        }
    }
    fingerprints.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, path) in fingerprints.into_iter().skip(KEEP_FINGERPRINTS) {
        if path != keep {
            let _ = fs::remove_file(path);
        }
    }
    for entry in read_dir(dir) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_dir() || name == VERSION || !is_version(name) || age(&meta) < RETENTION {
            continue;
        }
        for file in read_dir(&entry.path()) {
            let name = file.file_name();
            let name = name.to_string_lossy();
            if is_fingerprint(&name) || name.starts_with(TEMP_PREFIX) {
                let _ = fs::remove_file(file.path());
            }
        }
        // Fails, as it should, if anything else is in there.
        let _ = fs::remove_dir(entry.path());
    }
}

/// The first line of a cache file: the format, and a hash of the rest
/// (so a truncated or damaged file is never trusted).
fn header(body: &[u8]) -> Vec<u8> {
    format!("{MAGIC} {FORMAT} {:032x}\n", xxh3_128(body)).into_bytes()
}

/// A cache file's bytes: its header, then `body`.
fn framed(body: &[u8]) -> Vec<u8> {
    let mut bytes = header(body);
    bytes.extend_from_slice(body);
    bytes
}

fn read_dir(dir: &Path) -> impl Iterator<Item = fs::DirEntry> {
    fs::read_dir(dir).into_iter().flatten().flatten()
}

fn is_fingerprint(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A name like `0.1.0` or `1.2.0-beta.1`.
fn is_version(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_digit())
        && name.contains('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::{scan_started_at, ScanOptions, ScanReport};

    const RULE: &str = r#"rules:
  - id: eval-call
    message: eval() of $X
    severity: ERROR
    languages: [python]
    metadata: {cwe: "CWE-95"}
    pattern: eval($X)
    fix: safe_eval($X)
"#;

    fn rules(text: &str) -> RuleSet {
        let mut rules = RuleSet::default();
        let diagnostics = tripline_rule::load_str("rules.yaml", text, &mut rules);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        rules
    }

    /// A project in a scratch directory, with a cache directory beside it.
    struct Project {
        dir: tempfile::TempDir,
    }

    impl Project {
        fn new(files: &[(&str, &[u8])]) -> Self {
            let project = Project {
                dir: tempfile::tempdir().unwrap(),
            };
            for (name, content) in files {
                project.write(name, content);
            }
            project
        }

        fn path(&self, name: &str) -> PathBuf {
            self.dir.path().join(name)
        }

        fn write(&self, name: &str, content: &[u8]) {
            let path = self.path(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }

        fn cache_dir(&self) -> PathBuf {
            self.path("cache")
        }

        /// Scans `src/` with the cache, as a run starting `later` from now.
        fn scan_later(&self, rules: &RuleSet, later: Duration) -> ScanReport {
            let options = ScanOptions {
                cache: Some(self.cache_dir()),
                ..ScanOptions::default()
            };
            scan_started_at(
                rules,
                &[self.path("src")],
                &options,
                SystemTime::now() + later,
            )
        }

        /// Scans `src/` with the cache, as a run starting a minute from now
        /// (when every file written so far has settled).
        fn scan(&self, rules: &RuleSet) -> ScanReport {
            self.scan_later(rules, Duration::from_secs(60))
        }

        fn scan_without_cache(&self, rules: &RuleSet) -> ScanReport {
            crate::scan(rules, &[self.path("src")], &ScanOptions::default())
        }

        /// The fingerprint files of this version.
        fn cache_files(&self) -> Vec<PathBuf> {
            let mut files: Vec<PathBuf> = read_dir(&self.cache_dir().join(VERSION))
                .map(|e| e.path())
                .collect();
            files.sort();
            files
        }

        fn only_cache_file(&self) -> PathBuf {
            let files = self.cache_files();
            assert_eq!(files.len(), 1, "{files:?}");
            files[0].clone()
        }
    }

    fn stats(report: &ScanReport) -> &CacheStats {
        report.cache.as_ref().unwrap()
    }

    /// The same findings, errors and counts.
    fn assert_same(a: &ScanReport, b: &ScanReport) {
        assert_eq!(a.findings, b.findings);
        assert_eq!(a.errors, b.errors);
        assert_eq!(a.stats, b.stats);
    }

    fn is_valid(file: &Path) -> bool {
        let fingerprint = file.file_name().unwrap().to_str().unwrap();
        load(file, fingerprint).is_some()
    }

    /// Rewrites a cache file's JSON body (with a correct header).
    fn rewrite_body(file: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
        let bytes = fs::read(file).unwrap();
        let newline = bytes.iter().position(|&b| b == b'\n').unwrap();
        let mut body: serde_json::Value = serde_json::from_slice(&bytes[newline + 1..]).unwrap();
        edit(&mut body);
        let body = serde_json::to_vec(&body).unwrap();
        fs::write(file, framed(&body)).unwrap();
    }

    fn project() -> Project {
        Project::new(&[
            ("src/a.py", b"x = eval(user)\n"),
            ("src/pkg/b.py", b"def f(:\n    eval(y)\n"),
            ("src/c.py", b"print('fine')\n"),
            ("src/binary.py", b"x\0y\n"),
            ("src/latin1.py", b"s = '\xe9'\n"),
        ])
    }

    #[test]
    fn a_warm_scan_reports_exactly_what_a_scan_without_cache_does() {
        let project = project();
        let rules = rules(RULE);
        let uncached = project.scan_without_cache(&rules);
        assert_eq!(uncached.findings.len(), 2);
        assert_eq!(uncached.errors.len(), 2);
        assert_eq!(uncached.stats.files_with_syntax_errors, 1);

        let cold = project.scan(&rules);
        assert_same(&cold, &uncached);
        assert_eq!(stats(&cold).stored, 5);
        assert!(stats(&cold).written);

        let warm = project.scan(&rules);
        assert_same(&warm, &uncached);
        assert_eq!(
            warm.findings[0].metadata,
            serde_json::json!({"cwe": "CWE-95"}).into()
        );
        assert_eq!((stats(&warm).reused, stats(&warm).checked), (5, 0));
        assert!(!stats(&warm).written, "nothing changed, nothing to write");

        let cache = project.cache_dir();
        assert!(fs::read_to_string(cache.join("CACHEDIR.TAG"))
            .unwrap()
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55\n"));
        assert_eq!(
            fs::read_to_string(cache.join(".gitignore"))
                .unwrap()
                .lines()
                .last(),
            Some("*")
        );
    }

    #[test]
    fn a_file_changed_just_before_the_run_is_checked_by_content_until_it_settles() {
        let project = project();
        let rules = rules(RULE);
        // Runs that start now: the files were written within the racy window.
        project.scan_later(&rules, Duration::ZERO);
        let second = project.scan_later(&rules, Duration::ZERO);
        assert_eq!((stats(&second).reused, stats(&second).checked), (5, 5));
        // A later run checks them once more and then trusts their stamps.
        let settled = project.scan(&rules);
        assert_eq!(stats(&settled).checked, 5);
        assert!(stats(&settled).written);
        let trusted = project.scan(&rules);
        assert_eq!((stats(&trusted).reused, stats(&trusted).checked), (5, 0));
        assert_same(&trusted, &project.scan_without_cache(&rules));
    }

    #[test]
    fn a_changed_file_is_scanned_again() {
        let project = project();
        let rules = rules(RULE);
        project.scan(&rules);
        project.write("src/c.py", b"eval(more)\neval(again)\n");
        let report = project.scan(&rules);
        assert_eq!(stats(&report).stored, 1);
        assert_eq!(report.findings.len(), 4);
        assert_same(&report, &project.scan_without_cache(&rules));
    }

    #[cfg(unix)]
    #[test]
    fn a_change_that_keeps_size_and_modification_time_is_still_seen() {
        let project = project();
        let rules = rules(RULE);
        let path = project.path("src/a.py");
        let old = SystemTime::now() - Duration::from_secs(3600);
        let set_mtime = || {
            fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(old)
                .unwrap();
        };
        set_mtime();
        project.scan(&rules);
        // Same size, same mtime (as `cp -p` or a careless tool may leave it):
        // the status change time still differs, so the content is hashed.
        project.write("src/a.py", b"x = eval(other)\n"[..15].as_ref());
        set_mtime();
        let report = project.scan(&rules);
        assert_eq!(stats(&report).stored, 1);
        assert_eq!(report.findings[0].message, "eval() of other");
    }

    #[test]
    fn touching_a_file_costs_a_hash_check_not_a_scan() {
        let project = project();
        let rules = rules(RULE);
        project.scan(&rules);
        let content = fs::read(project.path("src/a.py")).unwrap();
        project.write("src/a.py", &content);
        let report = project.scan(&rules);
        assert_eq!(
            (
                stats(&report).reused,
                stats(&report).checked,
                stats(&report).stored
            ),
            (5, 1, 0)
        );
    }

    #[test]
    fn suppressions_are_cached_with_the_findings_and_their_options_key_the_cache() {
        let project = Project::new(&[(
            "src/a.py",
            b"eval(a)  # nosec -- a constant\neval(b)\nx = 1  # nosec\n",
        )]);
        let rules = rules(RULE);
        let unused = SuppressOptions {
            report_unused: true,
            ..SuppressOptions::default()
        };
        let scan = |suppress| {
            let options = ScanOptions {
                cache: Some(project.cache_dir()),
                suppress,
                ..ScanOptions::default()
            };
            scan_started_at(
                &rules,
                &[project.path("src")],
                &options,
                SystemTime::now() + Duration::from_secs(60),
            )
        };
        let uncached = crate::scan(
            &rules,
            &[project.path("src")],
            &ScanOptions {
                suppress: unused,
                ..ScanOptions::default()
            },
        );
        // eval(b), and the unused `# nosec` on line 3; eval(a) is suppressed.
        assert_eq!((uncached.stats.findings, uncached.stats.suppressed), (2, 1));
        assert_eq!(uncached.findings[2].rule_id, suppress::UNUSED);
        let cold = scan(unused);
        assert_same(&cold, &uncached);
        let warm = scan(unused);
        assert_same(&warm, &uncached);
        assert_eq!(stats(&warm).reused, 1);
        // Other options: another cache file, and no finding about comments.
        let plain = scan(SuppressOptions::default());
        assert_eq!((stats(&plain).stored, plain.stats.findings), (1, 1));
        assert_eq!(project.cache_files().len(), 2);
    }

    #[test]
    fn a_changed_rule_gets_a_cache_file_of_its_own() {
        let project = project();
        project.scan(&rules(RULE));
        let changed = rules(&RULE.replace("eval() of $X", "eval() called on $X"));
        let report = project.scan(&changed);
        assert_eq!(stats(&report).stored, 5);
        assert_eq!(report.findings[0].message, "eval() called on user");
        assert_eq!(project.cache_files().len(), 2);
        // Selecting rules changes the fingerprint too.
        let two = rules(&format!(
            "{RULE}{}",
            RULE.replace("rules:\n", "").replace("eval-call", "other")
        ));
        assert_eq!(stats(&project.scan(&two)).stored, 5);
    }

    #[test]
    fn a_damaged_cache_is_ignored_and_rewritten() {
        let project = project();
        let rules = rules(RULE);
        let expected = project.scan_without_cache(&rules);
        project.scan(&rules);
        let file = project.only_cache_file();
        let good = fs::read(&file).unwrap();
        let header_end = good.iter().position(|&b| b == b'\n').unwrap();
        let mut flipped = good.clone();
        let at = good.len() - 20;
        flipped[at] = if flipped[at] == b'1' { b'2' } else { b'1' };
        let damages: Vec<(&str, Vec<u8>)> = vec![
            ("garbage", b"\x00\xffnot a cache at all".to_vec()),
            ("empty", Vec::new()),
            ("truncated", good[..good.len() / 2].to_vec()),
            ("one changed byte", flipped),
            (
                "another format",
                [b"tripline-cache 999".as_slice(), &good[header_end..]].concat(),
            ),
        ];
        for (what, bytes) in damages {
            fs::write(&file, bytes).unwrap();
            let report = project.scan(&rules);
            assert_same(&report, &expected);
            assert_eq!(
                stats(&report).stored,
                5,
                "{what}: the files were scanned again"
            );
            assert!(is_valid(&file), "{what}: the cache file was rewritten");
            assert_eq!(stats(&project.scan(&rules)).reused, 5, "{what}");
        }
    }

    #[test]
    fn an_entry_that_does_not_fit_the_rules_is_not_trusted() {
        let project = project();
        let rules = rules(RULE);
        project.scan(&rules);
        let file = project.only_cache_file();
        // A well-formed file whose findings name a rule that is not loaded.
        rewrite_body(&file, |body| {
            for entry in body["files"].as_object_mut().unwrap().values_mut() {
                for finding in entry["outcome"]["findings"].as_array_mut().unwrap() {
                    finding["rule_id"] = "no-such-rule".into();
                }
            }
        });
        let report = project.scan(&rules);
        assert_same(&report, &project.scan_without_cache(&rules));
        assert_eq!(stats(&report).stored, 2, "the two files with findings");
    }

    #[test]
    fn entries_of_files_outside_the_run_are_kept_for_a_while() {
        let project = project();
        project.write("lib/d.py", b"eval(1)\n");
        let rules = rules(RULE);
        project.scan(&rules);
        // A run over another tree keeps the entries of the first one.
        let options = ScanOptions {
            cache: Some(project.cache_dir()),
            ..ScanOptions::default()
        };
        let later = SystemTime::now() + Duration::from_secs(60);
        let lib = project.path("lib");
        let report = scan_started_at(&rules, std::slice::from_ref(&lib), &options, later);
        assert_eq!(stats(&report).stored, 1);
        assert_eq!(stats(&project.scan(&rules)).reused, 5);

        // Entries unused for longer than the retention go at the next write.
        let file = project.only_cache_file();
        rewrite_body(&file, |body| {
            for entry in body["files"].as_object_mut().unwrap().values_mut() {
                entry["last_seen"] = 1_000.into();
            }
        });
        project.write("lib/d.py", b"eval(2)\n");
        scan_started_at(&rules, &[lib], &options, later);
        let (files, _) = load(&file, file.file_name().unwrap().to_str().unwrap()).unwrap();
        assert_eq!(files.len(), 1);
        assert!(files.keys().all(|k| k.ends_with("d.py")));
    }

    #[test]
    fn the_cache_directory_stays_bounded() {
        let project = project();
        let cache = project.cache_dir();
        let old = SystemTime::now() - RETENTION - Duration::from_secs(3600);
        let make_old = |path: &Path| {
            fs::File::open(path).unwrap().set_modified(old).unwrap();
        };
        let fingerprint_name = "0123456789abcdef0123456789abcdef";
        // Another version, unused for long: removed.
        fs::create_dir_all(cache.join("0.0.1")).unwrap();
        fs::write(cache.join("0.0.1").join(fingerprint_name), "x").unwrap();
        make_old(&cache.join("0.0.1"));
        // Another version holding something tripline did not write: emptied
        // of its cache files only.
        fs::create_dir_all(cache.join("0.0.2")).unwrap();
        fs::write(cache.join("0.0.2").join(fingerprint_name), "x").unwrap();
        fs::write(cache.join("0.0.2/notes.txt"), "mine").unwrap();
        make_old(&cache.join("0.0.2"));
        // Not a version directory: left alone.
        fs::create_dir_all(cache.join("keep")).unwrap();
        fs::write(cache.join("keep").join(fingerprint_name), "x").unwrap();
        make_old(&cache.join("keep"));
        // A temporary file of a run that died.
        fs::create_dir_all(cache.join(VERSION)).unwrap();
        let temp = cache.join(VERSION).join(".tmp-dead");
        fs::write(&temp, "x").unwrap();
        make_old(&temp);

        let mut last = None;
        for i in 0..KEEP_FINGERPRINTS + 3 {
            let report = project.scan(&rules(&RULE.replace("eval()", &format!("eval() {i}"))));
            last = Some(stats(&report).file.clone());
        }
        let files = project.cache_files();
        assert_eq!(files.len(), KEEP_FINGERPRINTS);
        assert!(files.contains(&last.unwrap()));
        assert!(!cache.join("0.0.1").exists());
        assert!(!cache.join("0.0.2").join(fingerprint_name).exists());
        assert!(cache.join("0.0.2/notes.txt").exists());
        assert!(cache.join("keep").join(fingerprint_name).exists());
    }

    #[test]
    fn an_existing_directory_gets_no_tags() {
        let project = project();
        fs::create_dir_all(project.cache_dir()).unwrap();
        project.scan(&rules(RULE));
        assert!(!project.cache_dir().join(".gitignore").exists());
        assert_eq!(project.cache_files().len(), 1);
    }

    #[test]
    fn concurrent_runs_never_leave_a_damaged_cache() {
        let project = project();
        // Enough findings for a cache file that takes a while to write.
        let code = "eval(some_rather_long_name_to_make_the_cache_file_big)\n".repeat(20);
        for i in 0..200 {
            project.write(&format!("src/many/m{i}.py"), code.as_bytes());
        }
        let rules = rules(RULE);
        let expected = project.scan_without_cache(&rules);
        let file = project.cache_dir().join(VERSION).join(format!(
            "{:032x}",
            fingerprint(&rules, &SuppressOptions::default())
        ));
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            // A reader sees either no file or a whole one, never a partial write.
            let reader = scope.spawn(|| {
                let mut seen = 0;
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    if file.exists() {
                        assert!(is_valid(&file), "a reader saw a partial cache file");
                        seen += 1;
                    }
                }
                seen
            });
            let writers: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        for _ in 0..5 {
                            // Each run stores every file (they are racy), so each writes.
                            let report = project.scan_later(&rules, Duration::ZERO);
                            assert_same(&report, &expected);
                        }
                    })
                })
                .collect();
            for writer in writers {
                writer.join().unwrap();
            }
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            assert!(reader.join().unwrap() > 0);
        });
        assert!(is_valid(&file));
        assert_eq!(project.cache_files(), [file], "no temporary file is left");
    }
}
