//! The learner's first load — what `dist/index.html` loads before the app runs: the loader
//! (`init-*.js`), the scripts that start the bank's and the page's downloads, the wasm-bindgen script and what
//! it imports (the loader of the pages downloaded later), the wasm and the stylesheet; the
//! bank, those later pages and the administrators' app excluded — stays within its budget,
//! gzipped. The budget is what has been reached plus 10%, and never above issue 11's ceiling
//! of 250 KB, so that growth is a deliberate decision: raise a number here only on purpose,
//! and say why in the commit. Issue 11's goal of 150 KB is reported by `scripts/bench.sh`.

use std::path::Path;
use std::process::Command;

/// Gzipped bytes reached per first-load file, by kind of file. Raised on 2026-11-27 from
/// 410,701 B in total to 472,708 B, deliberately, as the 题库 browse page, the 我的数据 backup
/// page, the 繁體 button and the bank's early download landed; lowered later that day to
/// 316,469 B when the exam, study-tool (错题本, 进度, 搜索, 自选练习), 题库 and 我的数据 pages
/// became downloaded when first shown (src/ui/lazy.rs, split off by src/bin/xuefa_link.rs), to
/// 297,199 B when the exam data's code went with the exam pages (src/ui/exam/slot.rs; the
/// early download of a page's code, preload-page.js, added 682 B), and to 219,136 B when 练习
/// joined the study pages downloaded later (fetched once the first page has painted).
const REACHED: [(&str, usize); 7] = [
    ("loader init-*.js", 202),
    ("early bank download fetch-bank.js", 317),
    ("early page download preload-page.js", 689),
    ("script xuefa-*.js", 10_710),
    ("split pages' loader split-*/split.js", 1_075),
    ("wasm xuefa-*_bg.wasm", 201_958),
    ("stylesheet style-*.css", 4_185),
];

/// Issue 11's ceiling for the budget: what was reached plus 10%, but never above this.
const CEILING: usize = 250_000;

/// The kind of a first-load file, as named in `REACHED`.
fn kind(name: &str) -> &'static str {
    if name.starts_with("init-") {
        "loader init-*.js"
    } else if name.ends_with("/split.js") {
        "split pages' loader split-*/split.js"
    } else if name == "fetch-bank.js" {
        "early bank download fetch-bank.js"
    } else if name == "preload-page.js" {
        "early page download preload-page.js"
    } else if name.ends_with("_bg.wasm") {
        "wasm xuefa-*_bg.wasm"
    } else if name.ends_with(".css") {
        "stylesheet style-*.css"
    } else {
        "script xuefa-*.js"
    }
}

/// `gzip -9`'s output size for the file.
fn gzipped(path: &Path) -> usize {
    let output = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(path)
        .output()
        .expect("gzip runs");
    assert!(output.status.success(), "gzip {}", path.display());
    output.stdout.len()
}

/// The first-load files of the learner's page in `dist/`, with their gzipped sizes.
fn first_load() -> Vec<(String, usize)> {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    let html = std::fs::read_to_string(dist.join("index.html"))
        .expect("dist/ is built: run `trunk build --release` (scripts/test.sh does)");
    let mut names: Vec<String> = html
        .split(['"', '\''])
        .map(|part| part.trim_start_matches('/'))
        .filter(|part| {
            [".js", ".wasm", ".css"]
                .iter()
                .any(|ext| part.ends_with(ext))
        })
        .filter(|part| !part.contains('/') && !part.contains(' '))
        .map(str::to_string)
        .collect();
    // What those scripts import in turn (the split pages' loader, imported by the app's script).
    let imported: Vec<String> = names
        .iter()
        .filter(|name| name.ends_with(".js"))
        .flat_map(|name| static_imports(&std::fs::read_to_string(dist.join(name)).unwrap()))
        .collect();
    names.extend(imported);
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let size = gzipped(&dist.join(&name));
            (name, size)
        })
        .collect()
}

/// The files a script imports statically by a relative path (`from "./x/y.js"`).
fn static_imports(script: &str) -> Vec<String> {
    script
        .split("from \"./")
        .skip(1)
        .filter_map(|rest| rest.split_once('"'))
        .map(|(path, _)| path.to_string())
        .collect()
}

#[test]
fn the_learners_first_load_stays_within_its_budget() {
    let files = first_load();
    let kinds: Vec<&str> = files.iter().map(|(name, _)| kind(name)).collect();
    for (expected, _) in REACHED {
        assert!(
            kinds.contains(&expected),
            "index.html no longer loads a {expected}: {files:?}"
        );
    }
    let total: usize = files.iter().map(|(_, size)| size).sum();
    let reached: usize = REACHED.iter().map(|(_, size)| size).sum();
    let budget = (reached + reached / 10).min(CEILING);
    let grown: Vec<String> = files
        .iter()
        .filter_map(|(name, size)| {
            let (_, before) = REACHED.iter().find(|(k, _)| *k == kind(name))?;
            (size > before).then(|| format!("{name}: {size} B gzipped, was {before} B"))
        })
        .collect();
    let capped = if budget == CEILING {
        " (issue 11's ceiling: what was reached plus 10% is more)"
    } else {
        ""
    };
    assert!(
        total <= budget,
        "the learner's first load is {total} B gzipped, over its budget of {budget} B{capped}; grown: {grown:#?}"
    );
}
