//! Finishes Trunk's output so the site runs under a strict Content-Security-Policy and offline:
//!
//! - moves Trunk's inline `<script type="module">` loader into its own file `init-<hash>.js`
//!   (so `script-src 'self'` needs no hash or `'unsafe-inline'`);
//! - stamps the service worker `sw.js` with the list of files to cache and a version that
//!   changes whenever any file changes (so browsers see a new version); files fetched only
//!   on demand (the 繁體 converter and table) count for the version but are cached when first fetched;
//! - adds the administrators' app, which Trunk built separately (`Trunk.admin.toml`): its page
//!   becomes `admin/index.html` (its loader moved to a file too) and its hashed files join the
//!   site's root, where its `<base href>` points;
//! - adds the learner's pages that are downloaded when first shown: the directory
//!   `split-<hash>/` that `xuefa-link` wrote beside the wasm (chunks and their loader
//!   `split.js`), with the loader pointed at the app's wasm-bindgen script and preloaded by the
//!   page (the script imports it: without the preload its request waits behind the wasm's);
//! - fills in `preload-page.js`, which starts downloading the chunks of the page being opened,
//!   with the chunks each group of pages needs (`groups.json`, written by `xuefa-link`);
//! - writes `404.html` as a copy of `index.html` (static hosts serve it for deep links).
//!
//! Usage: `xuefa-dist <staging dir> <admin dist dir> <wasm-split dir>` (Trunk runs it after
//! every build).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sha2::{Digest, Sha256};

/// Where `sw.js` expects the list of files to cache (a JSON array of relative paths).
const PRECACHE_MARK: &str = "\"__XUEFA_PRECACHE__\"";
/// Files the app fetches only when a learner asks for them: not cached at install (so no one
/// downloads them unasked), but cached by the worker when first fetched.
const ON_DEMAND: &[&str] = &["hant.js", "hant.txt"];
/// Where `sw.js` expects the version string.
const VERSION_MARK: &str = "__XUEFA_VERSION__";
/// What `xuefa-link` writes in the split pages' loader for the app's wasm-bindgen script.
const MAIN_MODULE_PLACEHOLDER: &str = "\"../xuefa.js\"";
/// The chunks each group of split pages needs, by file stem, as `xuefa-link` writes them.
const GROUPS_FILE: &str = "groups.json";
/// Where `preload-page.js` expects the chunks of each group (a JSON object of relative paths).
const PAGE_CHUNKS_MARK: &str = "\"__XUEFA_PAGE_CHUNKS__\"";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, admin, split] = args.as_slice() else {
        eprintln!("usage: xuefa-dist <staging dir> <admin dist dir> <wasm-split dir>");
        return ExitCode::from(2);
    };
    match finish(Path::new(dir), Path::new(admin), Path::new(split)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xuefa-dist: {message}");
            ExitCode::FAILURE
        }
    }
}

fn finish(dir: &Path, admin: &Path, split: &Path) -> Result<(), String> {
    let read =
        |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))
    };
    let (html, loader) = externalise_loader(&read("index.html")?)?;
    write(&loader.name, &loader.text)?;
    add_admin(dir, admin)?;
    let split_pages = add_split_pages(dir, split)?;
    let html = preload_split_loader(&html, &split_pages)?;
    let groups = std::fs::read_to_string(split.join(&split_pages).join(GROUPS_FILE))
        .map_err(|e| format!("{split_pages}/{GROUPS_FILE}: {e}"))?;
    write(
        "preload-page.js",
        &stamp_page_chunks(&read("preload-page.js")?, &split_pages, &groups)?,
    )?;
    write("index.html", &html)?;
    write("404.html", &html)?;
    let worker = read("sw.js")?;
    let mut files = site_files(dir)?;
    files.retain(|(name, _)| name != "sw.js" && name != "404.html");
    write("sw.js", &stamp_worker(&worker, &files)?)?;
    eprintln!(
        "xuefa-dist: loader {}, {} files cached by sw.js",
        loader.name,
        files.len()
    );
    Ok(())
}

/// Adds the administrators' app built in `admin` to the site in `dir`: its page as
/// `admin/index.html` with its loader in a file, every other file at the root. A file already
/// in the site (the shared stylesheet) must be the same, or the two builds disagree.
fn add_admin(dir: &Path, admin: &Path) -> Result<(), String> {
    let page = std::fs::read_to_string(admin.join("index.html"))
        .map_err(|e| format!("{}: {e}", admin.join("index.html").display()))?;
    let (html, loader) = externalise_loader(&page)?;
    let pages = dir.join("admin");
    std::fs::create_dir_all(&pages).map_err(|e| format!("admin/: {e}"))?;
    std::fs::write(pages.join("index.html"), html).map_err(|e| format!("admin/index.html: {e}"))?;
    let mut files = site_files(admin)?;
    files.retain(|(name, _)| name != "index.html");
    files.push((loader.name, loader.text.into_bytes()));
    for (name, bytes) in files {
        let target = dir.join(&name);
        match std::fs::read(&target) {
            Ok(existing) if existing == bytes => {}
            Ok(_) => return Err(format!("{name} differs between the two apps' builds")),
            Err(_) => std::fs::write(&target, bytes).map_err(|e| format!("{name}: {e}"))?,
        }
    }
    Ok(())
}

/// Copies the one `split-<hash>/` directory under `split` into the site, its loader importing
/// the app's script: the script that imports that loader, or the wasm and its split pages come
/// from different builds. Returns the directory's name.
fn add_split_pages(dir: &Path, split: &Path) -> Result<String, String> {
    let listed = std::fs::read_dir(split).map_err(|e| format!("{}: {e}", split.display()))?;
    let mut names = Vec::new();
    for entry in listed {
        names.push(
            entry
                .map_err(|e| e.to_string())?
                .file_name()
                .to_string_lossy()
                .into_owned(),
        );
    }
    let [name] = names.as_slice() else {
        return Err(format!(
            "{} should hold one split-* directory, not {names:?}",
            split.display()
        ));
    };
    let scripts = site_files(dir)?;
    let import = format!("\"./{name}/split.js\"");
    let importing: Vec<&str> = scripts
        .iter()
        .filter(|(file, bytes)| {
            file.ends_with(".js")
                && !file.contains('/')
                && std::str::from_utf8(bytes).is_ok_and(|script| script.contains(&import))
        })
        .map(|(file, _)| file.as_str())
        .collect();
    let [script] = importing.as_slice() else {
        return Err(format!(
            "{} scripts import {name}/split.js (one should): the wasm and its split pages are from different builds",
            importing.len()
        ));
    };
    let target = dir.join(name);
    std::fs::create_dir_all(&target).map_err(|e| format!("{name}: {e}"))?;
    for (file, bytes) in site_files(&split.join(name))? {
        if file == GROUPS_FILE {
            continue;
        }
        let bytes = if file == "split.js" {
            point_loader_at(&String::from_utf8_lossy(&bytes), script)?.into_bytes()
        } else {
            bytes
        };
        std::fs::write(target.join(&file), bytes).map_err(|e| format!("{name}/{file}: {e}"))?;
    }
    Ok(name.clone())
}

/// The page with a `modulepreload` of the split pages' loader in `split_pages/`, beside (and
/// with the same path prefix as) Trunk's preload of the app's script.
fn preload_split_loader(html: &str, split_pages: &str) -> Result<String, String> {
    const TRUNKS: &str = "<link rel=\"modulepreload\" href=\"";
    let at = html
        .find(TRUNKS)
        .ok_or("index.html has no modulepreload of the app's script")?;
    let href = &html[at + TRUNKS.len()..];
    let href = &href[..href
        .find('"')
        .ok_or("the modulepreload's href is not closed")?];
    let prefix = &href[..href.rfind('/').map_or(0, |slash| slash + 1)];
    let tag = format!("{TRUNKS}{prefix}{split_pages}/split.js\" crossorigin=\"anonymous\">");
    Ok(format!("{}{tag}{}", &html[..at], &html[at..]))
}

/// The split pages' loader importing the app's script `script` (a sibling of its directory).
fn point_loader_at(loader: &str, script: &str) -> Result<String, String> {
    if loader.matches(MAIN_MODULE_PLACEHOLDER).count() != 1 {
        return Err(format!(
            "split.js should import {MAIN_MODULE_PLACEHOLDER} once"
        ));
    }
    Ok(loader.replacen(MAIN_MODULE_PLACEHOLDER, &format!("\"../{script}\""), 1))
}

/// A script file to write next to `index.html`.
#[derive(Debug, PartialEq)]
struct Loader {
    name: String,
    text: String,
}

/// Replaces the one inline module script in `html` by a reference to a file named after the
/// hash of its content; fails if there is none or more than one.
fn externalise_loader(html: &str) -> Result<(String, Loader), String> {
    const OPEN: &str = "<script type=\"module\">";
    const CLOSE: &str = "</script>";
    let start = html
        .find(OPEN)
        .ok_or("index.html has no inline module script")?;
    if html[start + OPEN.len()..].contains(OPEN) {
        return Err("index.html has more than one inline module script".into());
    }
    let body_start = start + OPEN.len();
    let body_end = body_start
        + html[body_start..]
            .find(CLOSE)
            .ok_or("the inline module script is not closed")?;
    let text = html[body_start..body_end].trim().to_string() + "\n";
    let name = format!("init-{}.js", short_hash(text.as_bytes()));
    let tag = format!("<script type=\"module\" src=\"{name}\"></script>");
    let html = format!("{}{tag}{}", &html[..start], &html[body_end + CLOSE.len()..]);
    Ok((html, Loader { name, text }))
}

/// Every file under `dir` as (path relative to `dir` with `/`, content), sorted by path.
fn site_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut pending = vec![PathBuf::new()];
    let mut files = Vec::new();
    while let Some(relative) = pending.pop() {
        let entries = std::fs::read_dir(dir.join(&relative))
            .map_err(|e| format!("{}: {e}", relative.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            let path = relative.join(entry.file_name());
            if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(dir.join(&path))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let name = path.to_string_lossy().replace('\\', "/");
                files.push((name, bytes));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Writes into `preload-page.js` the files of each group of split pages, as paths relative to
/// the site's root: `groups` maps a group to its chunks' file stems in `split_pages/`.
fn stamp_page_chunks(script: &str, split_pages: &str, groups: &str) -> Result<String, String> {
    if !script.contains(PAGE_CHUNKS_MARK) {
        return Err("preload-page.js lacks the page chunks' placeholder".into());
    }
    let groups: BTreeMap<String, Vec<String>> =
        serde_json::from_str(groups).map_err(|e| format!("{GROUPS_FILE}: {e}"))?;
    let files: BTreeMap<String, Vec<String>> = groups
        .into_iter()
        .map(|(group, stems)| {
            let paths = stems
                .iter()
                .map(|stem| format!("{split_pages}/{stem}.wasm"))
                .collect();
            (group, paths)
        })
        .collect();
    let files = serde_json::to_string(&files).map_err(|e| e.to_string())?;
    Ok(script.replace(PAGE_CHUNKS_MARK, &files))
}

/// Writes the list of files to cache at install and a version derived from all the files'
/// contents into the worker.
fn stamp_worker(worker: &str, files: &[(String, Vec<u8>)]) -> Result<String, String> {
    if !worker.contains(PRECACHE_MARK) || !worker.contains(VERSION_MARK) {
        return Err("sw.js lacks the precache or version placeholder".into());
    }
    let mut everything = Sha256::new();
    for (name, bytes) in files {
        everything.update(name.as_bytes());
        everything.update([0]);
        everything.update(Sha256::digest(bytes));
    }
    let version = hex(&everything.finalize()[..8]);
    let names: Vec<&str> = files
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| !ON_DEMAND.contains(name))
        .collect();
    let list = serde_json::to_string(&names).map_err(|e| e.to_string())?;
    Ok(worker
        .replace(PRECACHE_MARK, &list)
        .replace(VERSION_MARK, &version))
}

fn short_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<head><link rel=\"modulepreload\" href=\"/a.js\">\n<script type=\"module\">\nimport init from '/a.js';\nawait init();\n</script></head><body></body>";

    #[test]
    fn the_inline_loader_moves_to_a_file_named_by_its_content() {
        let (html, loader) = externalise_loader(PAGE).unwrap();
        assert_eq!(loader.text, "import init from '/a.js';\nawait init();\n");
        assert!(loader.name.starts_with("init-") && loader.name.ends_with(".js"));
        assert_eq!(
            html,
            format!(
                "<head><link rel=\"modulepreload\" href=\"/a.js\">\n<script type=\"module\" src=\"{}\"></script></head><body></body>",
                loader.name
            )
        );
        let other = PAGE.replace("init();", "init({});");
        assert_ne!(externalise_loader(&other).unwrap().1.name, loader.name);
    }

    #[test]
    fn the_split_pages_loader_imports_the_apps_script() {
        let loader = "import { initSync } from \"../xuefa.js\";\nfetch(\"./chunk_1.wasm\");";
        assert_eq!(
            point_loader_at(loader, "xuefa-0123.js").unwrap(),
            "import { initSync } from \"../xuefa-0123.js\";\nfetch(\"./chunk_1.wasm\");"
        );
        assert!(point_loader_at("import {} from \"./other.js\";", "xuefa-0123.js").is_err());
    }

    #[test]
    fn the_page_preloader_gets_each_groups_chunks_as_site_paths() {
        let script = "const chunks = \"__XUEFA_PAGE_CHUNKS__\";\nuse(chunks);";
        let groups = r#"{"practice":["chunk_1","split_practice"],"bank":["chunk_1","split_bank"]}"#;
        assert_eq!(
            stamp_page_chunks(script, "split-aa", groups).unwrap(),
            "const chunks = {\"bank\":[\"split-aa/chunk_1.wasm\",\"split-aa/split_bank.wasm\"],\
             \"practice\":[\"split-aa/chunk_1.wasm\",\"split-aa/split_practice.wasm\"]};\nuse(chunks);"
        );
        assert!(stamp_page_chunks("const chunks = {};", "split-aa", groups).is_err());
        assert!(stamp_page_chunks(script, "split-aa", "[1, 2]").is_err());
    }

    #[test]
    fn the_split_pages_loader_is_preloaded_like_the_apps_script() {
        let page = "<head><link rel=\"modulepreload\" href=\"/xuefa/xuefa-01.js\" crossorigin=\"anonymous\"></head>";
        assert_eq!(
            preload_split_loader(page, "split-aa").unwrap(),
            "<head><link rel=\"modulepreload\" href=\"/xuefa/split-aa/split.js\" crossorigin=\"anonymous\">\
             <link rel=\"modulepreload\" href=\"/xuefa/xuefa-01.js\" crossorigin=\"anonymous\"></head>"
        );
        assert!(preload_split_loader("<head></head>", "split-aa").is_err());
    }

    #[test]
    fn split_pages_from_another_build_are_refused() {
        let root = std::env::temp_dir().join(format!("xuefa-dist-split-{}", std::process::id()));
        let (site, split) = (root.join("site"), root.join("split"));
        std::fs::create_dir_all(split.join("split-aa")).unwrap();
        std::fs::create_dir_all(&site).unwrap();
        let loader = "import { initSync } from \"../xuefa.js\";";
        std::fs::write(split.join("split-aa/split.js"), loader).unwrap();
        std::fs::write(split.join("split-aa/chunk_1.wasm"), b"\0asm").unwrap();
        std::fs::write(
            site.join("xuefa-01.js"),
            "import * as a from \"./split-bb/split.js\"",
        )
        .unwrap();
        let problem = add_split_pages(&site, &split).unwrap_err();
        assert!(problem.contains("different builds"), "{problem}");

        std::fs::write(
            site.join("xuefa-01.js"),
            "import * as a from \"./split-aa/split.js\"",
        )
        .unwrap();
        add_split_pages(&site, &split).unwrap();
        let copied = std::fs::read_to_string(site.join("split-aa/split.js")).unwrap();
        assert_eq!(copied, "import { initSync } from \"../xuefa-01.js\";");
        assert!(site.join("split-aa/chunk_1.wasm").is_file());
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_page_without_or_with_two_inline_loaders_is_refused() {
        assert!(externalise_loader("<head></head>").is_err());
        let twice = format!("{PAGE}{PAGE}");
        assert!(externalise_loader(&twice).is_err());
    }

    #[test]
    fn the_worker_version_changes_with_any_file_and_lists_every_file() {
        let worker = "const V = \"__XUEFA_VERSION__\"; const FILES = \"__XUEFA_PRECACHE__\";";
        let files = vec![
            ("bank.json".to_string(), b"{}".to_vec()),
            ("hant.txt".to_string(), b"{}".to_vec()),
            ("index.html".to_string(), b"<html>".to_vec()),
        ];
        let stamped = stamp_worker(worker, &files).unwrap();
        assert!(
            stamped.contains("const FILES = [\"bank.json\",\"index.html\"];"),
            "the on-demand table is not cached at install: {stamped}"
        );
        assert!(!stamped.contains("__XUEFA_VERSION__"));
        let mut changed = files.clone();
        changed[0].1 = b"{\"x\":1}".to_vec();
        assert_ne!(stamp_worker(worker, &changed).unwrap(), stamped);
        let mut table_changed = files.clone();
        table_changed[1].1 = b"{\"y\":1}".to_vec();
        assert_ne!(stamp_worker(worker, &table_changed).unwrap(), stamped);
        assert!(stamp_worker("no marks", &files).is_err());
    }
}
