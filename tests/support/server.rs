//! A static file server for `dist/` that serves a folder's `index.html` for the folder
//! (`/admin/`) and falls back to the root `index.html` for unknown paths without a file
//! extension — what a plain static host configured for a single-page app does. Deep links into
//! the administrators' app (`/admin/stats`) thus reach the learner's page first, which hands
//! them over (see `src/ui/browser/hand_over.rs`).
//!
//! Built on hyper, every connection answered on its own task: a browser opens up to six
//! connections at once (some before it has anything to ask), and a server that leaves one of
//! them unread stalls the page. tiny_http did, about one fresh page load in four once the
//! bank's early download added a seventh request (2026-11-27).
//!
//! `StaticServer::dist_compressed` compresses as the README asks of a host (gzip for text and
//! wasm), for the benchmarks over a throttled network; the other tests get the files as stored.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::sync::Notify;

use super::TempDir;

/// Serves a directory on 127.0.0.1 at a free port until dropped.
pub struct StaticServer {
    online: Arc<AtomicBool>,
    stop: Arc<Notify>,
    pub origin: String,
}

/// A copy of `dist/` that a test may change (publish a "new version", remove a file), removed
/// when dropped.
pub fn copy_of_dist() -> TempDir {
    let dist = built_dist();
    let copy = TempDir::new();
    copy_folder(&dist, &copy.0);
    copy
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir(&target).unwrap();
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl StaticServer {
    /// Serves the release build in `dist/`; fails clearly when it has not been built.
    pub fn dist() -> StaticServer {
        StaticServer::serve(built_dist(), None)
    }

    /// Serves `dist/` as a compressing host does: gzip (level 6, as a web server's default) for
    /// a request that accepts it, each file compressed once.
    pub fn dist_compressed() -> StaticServer {
        StaticServer::serve(built_dist(), Some(Arc::default()))
    }

    /// Serves `root`, on a thread of its own (so it answers whatever runtime the test uses).
    pub fn start(root: PathBuf) -> StaticServer {
        StaticServer::serve(root, None)
    }

    /// Serves `root`, gzipping into `gzipped` (by file) when given.
    fn serve(root: PathBuf, gzipped: Option<Gzipped>) -> StaticServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let online = Arc::new(AtomicBool::new(true));
        let stop = Arc::new(Notify::new());
        let (answering, stopping) = (online.clone(), stop.clone());
        let root = Arc::new(root);
        thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                loop {
                    let stream = tokio::select! {
                        accepted = listener.accept() => match accepted {
                            Ok((stream, _)) => stream,
                            Err(_) => continue,
                        },
                        _ = stopping.notified() => break,
                    };
                    let (root, answering) = (root.clone(), answering.clone());
                    let gzipped = gzipped.clone();
                    let service = service_fn(move |request: Request<Incoming>| {
                        let response = if answering.load(Ordering::SeqCst) {
                            let gzip = gzipped.as_ref().filter(|_| accepts_gzip(&request));
                            respond(&root, request.uri().path(), gzip)
                        } else {
                            plain(StatusCode::SERVICE_UNAVAILABLE, "offline")
                        };
                        async move { Ok::<_, Infallible>(response) }
                    });
                    tokio::spawn(
                        http1::Builder::new().serve_connection(TokioIo::new(stream), service),
                    );
                }
            });
        });
        StaticServer {
            online,
            stop,
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
        self.stop.notify_one();
    }
}

/// Files already gzipped, by path.
type Gzipped = Arc<Mutex<HashMap<PathBuf, Bytes>>>;

/// The release build in `dist/`; fails clearly when it has not been built.
fn built_dist() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        ["index.html", "bank.json", "sw.js"]
            .iter()
            .all(|file| root.join(file).is_file()),
        "dist/ is not built: run `trunk build --release` first (scripts/test.sh does)"
    );
    root
}

fn accepts_gzip(request: &Request<Incoming>) -> bool {
    request
        .headers()
        .get("Accept-Encoding")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("gzip"))
}

fn respond(root: &Path, path: &str, gzip: Option<&Gzipped>) -> Response<Full<Bytes>> {
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
    let bytes = match std::fs::read(&file) {
        Ok(bytes) if safe => bytes,
        _ => return plain(StatusCode::NOT_FOUND, "not found"),
    };
    let kind = content_type(&file);
    let response = Response::builder().header("Content-Type", kind);
    match gzip.filter(|_| kind != "image/png") {
        Some(gzipped) => {
            let mut gzipped = gzipped.lock().unwrap();
            let body = gzipped.entry(file).or_insert_with(|| {
                let mut encoder = flate2::write::GzEncoder::new(Vec::new(), Default::default());
                encoder.write_all(&bytes).unwrap();
                Bytes::from(encoder.finish().unwrap())
            });
            response
                .header("Content-Encoding", "gzip")
                .header("Vary", "Accept-Encoding")
                .body(Full::new(body.clone()))
                .unwrap()
        }
        None => response.body(Full::new(Bytes::from(bytes))).unwrap(),
    }
}

fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .body(Full::new(Bytes::from_static(text.as_bytes())))
        .unwrap()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}
