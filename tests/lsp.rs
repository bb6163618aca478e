//! `tripline lsp` driven as an editor drives it: the real binary, real
//! JSON-RPC messages with Content-Length framing over its stdin and stdout.
//! Every wait has a timeout, so a server that hangs fails the test.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(20);

const RULES: &str = r#"
rules:
  - id: test.eval-call
    pattern: eval($X)
    message: eval() runs $X as code
    severity: ERROR
    languages: [python]
    fix: ast.literal_eval($X)
"#;

/// `é` is one UTF-16 unit and `😀` two, so `eval` starts at character
/// 11 (not 10 characters, nor 14 bytes) and the call ends at 18.
const VULNERABLE: &str = "x = 'é😀'; eval(x)\n";
const SAFE: &str = "x = 'é😀'; print(x)\n";

/// The server as a child process, and the messages it has sent.
struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tripline"))
            .arg("lsp")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tripline lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Server {
            child,
            stdin,
            messages,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response's result.
    fn request(&mut self, id: u64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self.wait_for(|m| m["id"] == id && m.get("method").is_none());
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The next message `wanted` accepts, skipping others (log messages).
    fn wait_for(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .expect("the server answered in time");
            if wanted(&message) {
                return message;
            }
        }
    }

    fn diagnostics(&self) -> Value {
        self.wait_for(|m| m["method"] == "textDocument/publishDiagnostics")["params"].clone()
    }
}

/// One framed message, or `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some(value) = header.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn range(start: (u64, u64), end: (u64, u64)) -> Value {
    json!({
        "start": {"line": start.0, "character": start.1},
        "end": {"line": end.0, "character": end.1},
    })
}

#[test]
fn diagnostics_and_code_actions_follow_the_document() {
    let dir = common::project(&[("rules.yaml", RULES), ("app.py", VULNERABLE)]);
    let rules = dir.path().join("rules.yaml");
    let mut server = Server::start(&["--config", rules.to_str().unwrap()]);
    let root = format!("file://{}", dir.path().display());
    let uri = format!("{root}/app.py");

    let init = server.request(
        1,
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {}}),
    );
    assert_eq!(init["serverInfo"]["name"], "tripline");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 1);
    server.notify("initialized", json!({}));

    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": VULNERABLE}}),
    );
    let published = server.diagnostics();
    assert_eq!(published["uri"], uri);
    assert_eq!(published["version"], 1);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{published}");
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic["code"], "test.eval-call");
    assert_eq!(diagnostic["source"], "tripline");
    assert_eq!(diagnostic["severity"], 1);
    assert_eq!(diagnostic["message"], "eval() runs x as code");
    assert_eq!(diagnostic["range"], range((0, 11), (0, 18)));

    let actions = server.request(
        2,
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": range((0, 12), (0, 12)),
            "context": {"diagnostics": [diagnostic]},
        }),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 2, "{actions:?}");
    let edit_of = |action: &Value| action["edit"]["changes"][&uri][0].clone();
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(
        edit_of(&actions[0]),
        json!({"range": range((0, 11), (0, 18)), "newText": "ast.literal_eval(x)"})
    );
    assert_eq!(actions[1]["title"], "Suppress test.eval-call on this line");
    assert_eq!(
        edit_of(&actions[1]),
        json!({
            "range": range((0, 18), (0, 18)),
            "newText": "  # tripline: ignore[test.eval-call] -- reason",
        })
    );

    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": SAFE}]}),
    );
    let published = server.diagnostics();
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"], json!([]));

    assert_eq!(server.request(3, "shutdown", Value::Null), Value::Null);
    server.notify("exit", Value::Null);
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
}

#[test]
fn rules_with_errors_stop_the_server_before_it_starts() {
    let dir = common::project(&[("bad.yaml", "rules: [{id: x}]\n")]);
    let output = common::tripline(dir.path())
        .args(["lsp", "--config", "bad.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "stdout is the protocol's");
}
