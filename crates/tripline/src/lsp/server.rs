//! The language server: the LSP messages it answers, and when it scans.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeActionParams, CodeActionProviderCapability, CodeActionResponse, Diagnostic,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, InitializeParams, InitializeResult, SaveOptions, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};
use tower_lsp_server::{Client, LanguageServer};

use super::actions::actions;
use super::diagnostic::diagnostic;
use super::documents::{Documents, Ticket};
use super::position::Lines;
use super::scanner::{is_python, target, Scanner};

pub struct Backend {
    client: Client,
    scanner: Arc<Scanner>,
    documents: Arc<Documents>,
    /// Held from keeping a scan's result to sending its diagnostics, so
    /// that diagnostics reach the client in the order their texts came.
    publishing: Arc<tokio::sync::Mutex<()>>,
    /// The workspace folders, for the relative paths of `paths:` filters.
    roots: Mutex<Vec<PathBuf>>,
}

impl Backend {
    pub fn new(client: Client, scanner: Scanner) -> Self {
        Backend {
            client,
            scanner: Arc::new(scanner),
            documents: Arc::default(),
            publishing: Arc::default(),
            roots: Mutex::default(),
        }
    }

    /// Scans the text of `ticket` on the blocking pool (a scan is CPU
    /// work, which would stall every other message on the runtime's
    /// thread), then publishes its diagnostics unless a newer text came.
    fn schedule(&self, ticket: Ticket) {
        let target = target(
            &ticket.uri,
            &self.roots.lock().unwrap_or_else(PoisonError::into_inner),
        );
        let (client, scanner, documents, publishing) = (
            self.client.clone(),
            self.scanner.clone(),
            self.documents.clone(),
            self.publishing.clone(),
        );
        tokio::spawn(async move {
            let (scanning, checking) = (ticket.clone(), documents.clone());
            let scanned = tokio::task::spawn_blocking(move || {
                // Superseded while it waited for a thread: not worth scanning.
                if !checking.is_current(&scanning) {
                    return None;
                }
                let findings = scanner.scan(&target, &scanning.text);
                let lines = Lines::new(&scanning.text);
                let diagnostics: Vec<Diagnostic> =
                    findings.iter().map(|f| diagnostic(f, &lines)).collect();
                Some((findings, diagnostics))
            })
            .await;
            let Ok(Some((findings, diagnostics))) = scanned else {
                return;
            };
            let _order = publishing.lock().await;
            if documents.finish(&ticket, findings.into()) {
                client
                    .publish_diagnostics(ticket.uri, diagnostics, ticket.version)
                    .await;
            }
        });
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        #[allow(deprecated)] // root_uri: for clients without workspace folders
        let uris = params
            .workspace_folders
            .map(|folders| folders.into_iter().map(|f| f.uri).collect::<Vec<_>>())
            .or_else(|| params.root_uri.map(|uri| vec![uri]))
            .unwrap_or_default();
        *self.roots.lock().unwrap_or_else(PoisonError::into_inner) = uris
            .iter()
            .filter_map(|uri| uri.to_file_path().map(|p| p.into_owned()))
            .collect();
        let sync = TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(false),
            })),
            ..TextDocumentSyncOptions::default()
        };
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
                code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "tripline".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            ..InitializeResult::default()
        })
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        if is_python(&document.uri, &document.language_id) {
            let ticket =
                self.documents
                    .open(document.uri, Some(document.version), document.text.into());
            self.schedule(ticket);
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // Full sync: the last change is the whole new text.
        let Some(change) = params.content_changes.into_iter().last() else {
            return;
        };
        let document = params.text_document;
        if let Some(ticket) = self.documents.update(
            &document.uri,
            Some(document.version),
            Some(change.text.into()),
        ) {
            self.schedule(ticket);
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let text = params.text.map(Into::into);
        if let Some(ticket) = self.documents.update(&params.text_document.uri, None, text) {
            self.schedule(ticket);
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let _order = self.publishing.lock().await;
        self.documents.close(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(scanned) = self.documents.scanned(&uri) else {
            return Ok(None);
        };
        Ok(Some(actions(
            &uri,
            &scanned.text,
            &scanned.findings,
            params.range,
        )))
    }
}
