//! Waiting for a file the browser downloads (Chromium's download folder set with
//! `Page.setDownloadBehavior`).

use std::path::{Path, PathBuf};
use std::time::Duration;

/// Waits for a finished download with this extension in `dir`: the file is there, not empty,
/// and no longer growing.
pub async fn downloaded(dir: &Path, extension: &str) -> PathBuf {
    let mut last_size = 0;
    for _ in 0..100 {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == extension));
        if let Some(path) = found {
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            if size > 0 && size == last_size {
                return path;
            }
            last_size = size;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("nothing was downloaded into {}", dir.display());
}
