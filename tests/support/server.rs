//! A static file server for `dist/` that serves a folder's `index.html` for the folder
//! (`/admin/`) and falls back to the root `index.html` for unknown paths without a file
//! extension — what a plain static host configured for a single-page app does. Deep links into
//! the administrators' app (`/admin/stats`) thus reach the learner's page first, which hands
//! them over (see `src/ui/browser/hand_over.rs`).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

use tiny_http::{Header, Response, Server};

/// Serves a directory on 127.0.0.1 at a free port until dropped.
pub struct StaticServer {
    server: Arc<Server>,
    online: Arc<AtomicBool>,
    pub origin: String,
}

impl StaticServer {
    /// Serves the release build in `dist/`; fails clearly when it has not been built.
    pub fn dist() -> StaticServer {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
        assert!(
            root.join("index.html").is_file() && root.join("bank.json").is_file(),
            "dist/ is not built: run `trunk build --release` first (scripts/test.sh does)"
        );
        StaticServer::start(root)
    }

    /// Serves `root`.
    pub fn start(root: PathBuf) -> StaticServer {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("bind loopback"));
        let origin = format!("http://{}", server.server_addr());
        let serving = server.clone();
        let online = Arc::new(AtomicBool::new(true));
        let answering = online.clone();
        thread::spawn(move || {
            for request in serving.incoming_requests() {
                if !answering.load(Ordering::SeqCst) {
                    let _ = request
                        .respond(Response::from_data(b"offline".to_vec()).with_status_code(503));
                    continue;
                }
                let path = request
                    .url()
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("/")
                    .to_string();
                let _ = request.respond(respond(&root, &path));
            }
        });
        StaticServer {
            server,
            online,
            origin,
        }
    }

    /// Takes the site off the network (every request gets 503) or puts it back.
    pub fn set_online(&self, online: bool) {
        self.online.store(online, Ordering::SeqCst);
    }

    /// The absolute URL of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn respond(root: &Path, path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let relative = path.trim_start_matches('/');
    let safe = !relative.split('/').any(|part| part == "..");
    let mut file = root.join(if relative.is_empty() {
        "index.html"
    } else {
        relative
    });
    if file.is_dir() {
        file = file.join("index.html");
    }
    let has_extension = Path::new(relative).extension().is_some();
    if safe && !file.is_file() && !has_extension {
        file = root.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) if safe => Response::from_data(bytes)
            .with_header(Header::from_bytes("Content-Type", content_type(&file)).unwrap()),
        _ => Response::from_data(b"not found".to_vec()).with_status_code(404),
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
