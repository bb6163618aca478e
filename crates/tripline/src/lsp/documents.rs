//! The open documents, and which scan of each is the newest.
//!
//! Every new text of a document gets a generation number; a scan carries
//! the generation of the text it scans, and its result is kept only if no
//! newer text (nor a close) came while it ran. So a slow scan of an old
//! version never overwrites the diagnostics of a newer one.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tower_lsp_server::ls_types::Uri;
use tripline_engine::Finding;

/// A text to scan: which document, which version of it.
#[derive(Clone)]
pub struct Ticket {
    pub uri: Uri,
    /// The client's version number, echoed in the diagnostics.
    pub version: Option<i32>,
    pub text: Arc<str>,
    generation: u64,
}

/// What the newest finished scan of a document found, in which text (code
/// actions position their edits in it).
#[derive(Clone)]
pub struct Scanned {
    pub text: Arc<str>,
    pub findings: Arc<[Finding]>,
}

struct Document {
    latest: Ticket,
    scanned: Option<Scanned>,
}

#[derive(Default)]
pub struct Documents {
    open: Mutex<HashMap<Uri, Document>>,
    /// The last generation handed out, over all documents (so a document
    /// closed and opened again never reuses one).
    generation: Mutex<u64>,
}

impl Documents {
    /// A document was opened with `text`: its first scan.
    pub fn open(&self, uri: Uri, version: Option<i32>, text: Arc<str>) -> Ticket {
        let ticket = self.ticket(uri, version, text);
        self.lock().insert(
            ticket.uri.clone(),
            Document {
                latest: ticket.clone(),
                scanned: None,
            },
        );
        ticket
    }

    /// An open document has a new text (`None`: it was saved as it is, and
    /// is scanned again). A document not open (not Python) is ignored.
    pub fn update(
        &self,
        uri: &Uri,
        version: Option<i32>,
        text: Option<Arc<str>>,
    ) -> Option<Ticket> {
        let mut open = self.lock();
        let document = open.get_mut(uri)?;
        let version = version.or(document.latest.version);
        let text = text.unwrap_or_else(|| document.latest.text.clone());
        document.latest = self.ticket(uri.clone(), version, text);
        Some(document.latest.clone())
    }

    /// Whether `ticket` is still the newest text of its document.
    pub fn is_current(&self, ticket: &Ticket) -> bool {
        self.lock()
            .get(&ticket.uri)
            .is_some_and(|d| d.latest.generation == ticket.generation)
    }

    /// Keeps what the scan of `ticket` found, unless it was superseded;
    /// says whether it was kept.
    pub fn finish(&self, ticket: &Ticket, findings: Arc<[Finding]>) -> bool {
        let mut open = self.lock();
        let Some(document) = open.get_mut(&ticket.uri) else {
            return false;
        };
        if document.latest.generation != ticket.generation {
            return false;
        }
        document.scanned = Some(Scanned {
            text: ticket.text.clone(),
            findings,
        });
        true
    }

    pub fn close(&self, uri: &Uri) {
        self.lock().remove(uri);
    }

    /// The newest scan of a document, if one has finished.
    pub fn scanned(&self, uri: &Uri) -> Option<Scanned> {
        self.lock().get(uri)?.scanned.clone()
    }

    fn ticket(&self, uri: Uri, version: Option<i32>, text: Arc<str>) -> Ticket {
        let mut last = self
            .generation
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *last += 1;
        Ticket {
            uri,
            version,
            text,
            generation: *last,
        }
    }

    /// The documents, even if a thread panicked holding them: each update
    /// is one assignment, so they are never left half-changed.
    fn lock(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri() -> Uri {
        "file:///p/a.py".parse().unwrap()
    }

    #[test]
    fn a_newer_text_supersedes_an_older_scan() {
        let documents = Documents::default();
        let old = documents.open(uri(), Some(1), "eval(x)".into());
        let new = documents.update(&uri(), Some(2), Some("x".into())).unwrap();
        assert!(!documents.is_current(&old));
        assert!(!documents.finish(&old, Arc::from([])));
        assert!(documents.finish(&new, Arc::from([])));
        assert_eq!(&*documents.scanned(&uri()).unwrap().text, "x");
    }

    #[test]
    fn a_save_rescans_the_text_with_its_version() {
        let documents = Documents::default();
        documents.open(uri(), Some(4), "a".into());
        let saved = documents.update(&uri(), None, None).unwrap();
        assert_eq!((saved.version, &*saved.text), (Some(4), "a"));
    }

    #[test]
    fn a_closed_document_takes_no_result() {
        let documents = Documents::default();
        let ticket = documents.open(uri(), Some(1), "a".into());
        documents.close(&uri());
        assert!(!documents.finish(&ticket, Arc::from([])));
        assert!(documents.update(&uri(), Some(2), None).is_none());
    }
}
