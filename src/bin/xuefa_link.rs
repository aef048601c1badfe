//! The linker of the wasm builds (`.cargo/config.toml`): rust-lld, and for the learner's app
//! (`xuefa`) the split of its lazily loaded pages into chunks that the browser downloads when
//! a page is first shown (`wasm_split_cli_support`, the splitter behind Leptos' `#[lazy]`).
//!
//! For `xuefa` it links with relocations kept, splits the module at its `#[wasm_split]`
//! functions (`src/ui/lazy.rs`) and writes
//! - the main module in place of the linked one, which Trunk then hands to wasm-bindgen;
//! - `<profile dir>/wasm-split/split-<hash>/`: the chunks and their loader `split.js`, which
//!   xuefa-dist adds to the site, and `groups.json`, the chunks each group of pages needs,
//!   which xuefa-dist gives the page's early download of them. `<hash>` is of the linked
//!   module, so one build's chunks never mix with another's in a cache.
//!
//! Other binaries (the administrators' app) are linked without the split functions' exports,
//! which would otherwise keep every lazily loaded page in them.
//!
//! wasm-bindgen drops the module's `__indirect_function_table` export, which the chunks are
//! linked into; the main module exports it under a name of the same length instead, and the
//! loader reads it from there.
//!
//! Trunk builds this tool first (a pre-build hook); a wasm build without it fails with
//! "linker `target/debug/xuefa-link` not found".

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let split = std::env::var("CARGO_BIN_NAME").is_ok_and(|bin| bin == native::SPLIT_BIN);
        match native::link(&args, split) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("xuefa-link: {message}");
                std::process::ExitCode::FAILURE
            }
        }
    }
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use sha2::{Digest, Sha256};

    /// The binary whose pages are split off (the learner's app).
    pub const SPLIT_BIN: &str = "xuefa";
    /// How the split functions' exports begin (`wasm_split_macros`).
    const SPLIT_EXPORT_PREFIX: &str = "__wasm_split_00";
    /// The function table's export as the linker names it, and as the split main module names it.
    const TABLE_EXPORT: &str = "__indirect_function_table";
    const TABLE_EXPORT_KEPT: &str = "__wasm_split_func_table__";
    /// What the loader imports the app's wasm-bindgen script as; xuefa-dist puts in its real name.
    const MAIN_MODULE_PLACEHOLDER: &str = "../xuefa.js";
    /// Which chunks each split group needs, by file stem (`{"practice": ["chunk_8", …,
    /// "split_practice"]}`), written beside the loader for xuefa-dist.
    const GROUPS_FILE: &str = "groups.json";

    /// Runs rust-lld with `args`; with `split`, keeps relocations and splits the output.
    /// Without, the split functions' exports are left out: another binary of the crate (the
    /// administrators' app) has no split, and would otherwise keep every lazily loaded page.
    pub fn link(args: &[String], split: bool) -> Result<(), String> {
        let (mut args, from_file) = expanded(args)?;
        if !split {
            args = without_split_exports(&args);
        }
        let output = output_path(&args)?;
        let mut lld = Command::new(rust_lld()?);
        if !args.iter().any(|arg| arg == "-flavor") {
            lld.args(["-flavor", "wasm"]);
        }
        if from_file {
            // rustc used an argument file because the list is long: so does rust-lld.
            let file = output.with_extension("link-args");
            std::fs::write(&file, args.join("\n")).map_err(|e| format!("{e}"))?;
            lld.arg(format!("@{}", file.display()));
        } else {
            lld.args(&args);
        }
        if split {
            lld.arg("--emit-relocs");
        }
        let status = lld.status().map_err(|e| format!("rust-lld: {e}"))?;
        if !status.success() {
            return Err(format!("rust-lld failed ({status})"));
        }
        if split {
            split_output(&output)?;
        }
        Ok(())
    }

    /// The arguments with `@file` argument files read in (rustc writes one argument per line),
    /// and whether there was one.
    fn expanded(args: &[String]) -> Result<(Vec<String>, bool), String> {
        let mut all = Vec::new();
        let mut from_file = false;
        for arg in args {
            match arg.strip_prefix('@') {
                Some(file) => {
                    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
                    all.extend(text.lines().map(str::to_owned));
                    from_file = true;
                }
                None => all.push(arg.clone()),
            }
        }
        Ok((all, from_file))
    }

    /// The arguments without `--export` of the split functions (`__wasm_split_00…`).
    fn without_split_exports(args: &[String]) -> Vec<String> {
        let mut kept = Vec::with_capacity(args.len());
        let mut pending_export = None;
        for arg in args {
            if let Some(export) = pending_export.take() {
                if !arg.starts_with(SPLIT_EXPORT_PREFIX) {
                    kept.push(export);
                    kept.push(arg.clone());
                }
            } else if arg == "--export" {
                pending_export = Some(arg.clone());
            } else if !arg
                .strip_prefix("--export=")
                .is_some_and(|name| name.starts_with(SPLIT_EXPORT_PREFIX))
            {
                kept.push(arg.clone());
            }
        }
        kept.extend(pending_export);
        kept
    }

    /// The toolchain's own rust-lld (what rustc runs for wasm when no linker is configured).
    fn rust_lld() -> Result<PathBuf, String> {
        let rustc = |arg: &str| -> Result<String, String> {
            let out = Command::new("rustc")
                .arg(arg)
                .output()
                .map_err(|e| format!("rustc: {e}"))?;
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        };
        let sysroot = rustc("--print=sysroot")?;
        let version = rustc("-vV")?;
        let host = version
            .lines()
            .find_map(|line| line.strip_prefix("host: "))
            .ok_or("rustc -vV names no host")?;
        let lld = Path::new(sysroot.trim())
            .join("lib/rustlib")
            .join(host)
            .join("bin/rust-lld");
        if lld.is_file() {
            Ok(lld)
        } else {
            Err(format!("{} not found", lld.display()))
        }
    }

    /// The `-o` argument.
    fn output_path(args: &[String]) -> Result<PathBuf, String> {
        args.iter()
            .position(|arg| arg == "-o")
            .and_then(|at| args.get(at + 1))
            .map(PathBuf::from)
            .ok_or_else(|| "no -o in the linker's arguments".into())
    }

    /// Splits the linked module at `out` (see the module's documentation).
    fn split_output(out: &Path) -> Result<(), String> {
        let linked = std::fs::read(out).map_err(|e| format!("{}: {e}", out.display()))?;
        let name = format!("split-{}", short_hash(&linked));
        let profile_dir = out
            .parent()
            .and_then(Path::parent)
            .ok_or("the output has no profile directory")?;
        let all_splits = profile_dir.join("wasm-split");
        if all_splits.exists() {
            std::fs::remove_dir_all(&all_splits).map_err(|e| format!("{e}"))?;
        }
        let dir = all_splits.join(&name);
        let main_path = all_splits.join("main.wasm");
        let link_name = format!("./{name}/split.js");
        // The splitter writes its loader at `dir/<link name>`, moved beside the chunks below.
        std::fs::create_dir_all(dir.join(&name)).map_err(|e| format!("{e}"))?;
        let mut options = wasm_split_cli_support::Options::new(&linked);
        options.output_dir = &dir;
        options.main_out_path = &main_path;
        options.link_name = &link_name;
        options.main_module = MAIN_MODULE_PLACEHOLDER;
        let split =
            wasm_split_cli_support::transform(options).map_err(|e| format!("splitting: {e:#}"))?;
        let groups: BTreeMap<_, _> = split.prefetch_map.into_iter().collect();
        let groups = serde_json::to_string(&groups).map_err(|e| format!("{e}"))?;
        std::fs::write(dir.join(GROUPS_FILE), groups).map_err(|e| format!("{e}"))?;

        let written = dir.join(&link_name);
        let loader = std::fs::read_to_string(&written).map_err(|e| format!("loader: {e}"))?;
        std::fs::write(dir.join("split.js"), read_kept_table(&loader)?)
            .map_err(|e| format!("loader: {e}"))?;
        std::fs::remove_dir_all(dir.join(&name)).map_err(|e| format!("loader: {e}"))?;

        let mut main = std::fs::read(&main_path).map_err(|e| format!("main module: {e}"))?;
        rename_export(&mut main, TABLE_EXPORT, TABLE_EXPORT_KEPT)?;
        std::fs::write(out, main).map_err(|e| format!("{}: {e}", out.display()))?;
        std::fs::remove_file(&main_path).map_err(|e| format!("main module: {e}"))?;
        Ok(())
    }

    /// The loader, reading the function table from the export wasm-bindgen keeps.
    fn read_kept_table(loader: &str) -> Result<String, String> {
        let from = format!("const {{ {TABLE_EXPORT},");
        let to = format!("const {{ {TABLE_EXPORT_KEPT}: {TABLE_EXPORT},");
        if loader.matches(&from).count() != 1 {
            return Err(format!(
                "the splitter's loader no longer reads the table as `{from}`"
            ));
        }
        Ok(loader.replacen(&from, &to, 1))
    }

    /// Renames the export `from` to `to` (of the same length) in a wasm module's export section.
    fn rename_export(wasm: &mut [u8], from: &str, to: &str) -> Result<(), String> {
        assert_eq!(from.len(), to.len(), "export names must keep their length");
        let section = export_section(wasm).ok_or("the module has no export section")?;
        let mut needle = vec![u8::try_from(from.len()).expect("a short name")];
        needle.extend_from_slice(from.as_bytes());
        let hits: Vec<usize> = wasm[section.clone()]
            .windows(needle.len())
            .enumerate()
            .filter(|(_, window)| *window == needle.as_slice())
            .map(|(at, _)| section.start + at + 1)
            .collect();
        let [at] = hits.as_slice() else {
            return Err(format!(
                "expected one export `{from}`, found {}",
                hits.len()
            ));
        };
        wasm[*at..*at + to.len()].copy_from_slice(to.as_bytes());
        Ok(())
    }

    /// The byte range of the export section's contents.
    fn export_section(wasm: &[u8]) -> Option<std::ops::Range<usize>> {
        wasmparser::Parser::new(0)
            .parse_all(wasm)
            .find_map(|payload| match payload {
                Ok(wasmparser::Payload::ExportSection(exports)) => {
                    let range = exports.range();
                    Some(usize::try_from(range.start).ok()?..usize::try_from(range.end).ok()?)
                }
                _ => None,
            })
    }

    fn short_hash(bytes: &[u8]) -> String {
        Sha256::digest(bytes)[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// A module with a custom section naming `name` and an export section exporting it.
        fn module_exporting(name: &str) -> Vec<u8> {
            let mut wasm = b"\0asm\x01\0\0\0".to_vec();
            let entry = |kind: u8| {
                let mut bytes = vec![name.len() as u8];
                bytes.extend_from_slice(name.as_bytes());
                bytes.extend([kind, 0]);
                bytes
            };
            // A custom section ("names") that mentions the name too: it must stay as it is.
            let mut custom = vec![5];
            custom.extend_from_slice(b"names");
            custom.extend(entry(0));
            wasm.push(0);
            wasm.push(custom.len() as u8);
            wasm.extend(custom);
            let mut exports = vec![2];
            exports.extend(entry(1));
            exports.extend([6, b'm', b'e', b'm', b'o', b'r', b'y', 2, 0]);
            wasm.push(7);
            wasm.push(exports.len() as u8);
            wasm.extend(exports);
            wasm
        }

        #[test]
        fn the_table_export_is_renamed_in_the_export_section_only() {
            let mut wasm = module_exporting(TABLE_EXPORT);
            rename_export(&mut wasm, TABLE_EXPORT, TABLE_EXPORT_KEPT).unwrap();
            let section = export_section(&wasm).unwrap();
            let exports = String::from_utf8_lossy(&wasm[section.clone()]);
            assert!(exports.contains(TABLE_EXPORT_KEPT));
            assert!(!exports.contains(TABLE_EXPORT));
            let before = String::from_utf8_lossy(&wasm[..section.start]);
            assert!(before.contains(TABLE_EXPORT), "the custom section changed");
        }

        #[test]
        fn a_module_without_the_export_is_refused() {
            let mut wasm = module_exporting("__something_else_entirely");
            let problem = rename_export(&mut wasm, TABLE_EXPORT, TABLE_EXPORT_KEPT).unwrap_err();
            assert!(problem.contains("found 0"), "{problem}");
        }

        #[test]
        fn the_loader_reads_the_table_from_the_kept_export() {
            let loader = "const { __indirect_function_table, memory } = initSync();\n\
                          x.__indirect_function_table.get(1);";
            let read = read_kept_table(loader).unwrap();
            assert!(read.starts_with(
                "const { __wasm_split_func_table__: __indirect_function_table, memory }"
            ));
            assert!(read.ends_with("x.__indirect_function_table.get(1);"));
            assert!(read_kept_table("initSync()").is_err());
        }

        fn strings(list: &[&str]) -> Vec<String> {
            list.iter().map(|s| s.to_string()).collect()
        }

        #[test]
        fn arguments_are_read_directly_or_from_an_argument_file() {
            let file = std::env::temp_dir().join(format!("xuefa-link-{}.args", std::process::id()));
            std::fs::write(&file, "a.o\n-o\nfrom-file.wasm\n").unwrap();
            let (args, from_file) = expanded(&strings(&[
                "--gc-sections",
                &format!("@{}", file.display()),
            ]))
            .unwrap();
            std::fs::remove_file(&file).unwrap();
            assert!(from_file);
            assert_eq!(
                args,
                strings(&["--gc-sections", "a.o", "-o", "from-file.wasm"])
            );
            assert_eq!(output_path(&args).unwrap(), PathBuf::from("from-file.wasm"));
            assert_eq!(
                expanded(&strings(&["a.o"])).unwrap(),
                (strings(&["a.o"]), false)
            );
            assert!(output_path(&strings(&["a.o"])).is_err());
        }

        #[test]
        fn only_the_split_functions_exports_are_left_out() {
            let args = strings(&[
                "--export",
                "main",
                "--export",
                "__wasm_split_00exam00_export_0a_exam_home",
                "--export=__wasm_split_00bank00_export_0b_bank_page",
                "--export=__heap_base",
                "-o",
                "out.wasm",
            ]);
            assert_eq!(
                without_split_exports(&args),
                strings(&["--export", "main", "--export=__heap_base", "-o", "out.wasm"])
            );
        }
    }
}
