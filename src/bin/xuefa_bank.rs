//! Packs the built-in bank (`questions/*.toml`) into the `bank.json` the app downloads,
//! refusing to write anything if the bank has a problem.
//!
//! Usage: `xuefa-bank <questions dir> <output file>` (Trunk runs it on every build).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xuefa::core::bank::{load_toml, SourceFile};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: xuefa-bank <questions dir> <output file>");
        return ExitCode::from(2);
    };
    match pack(Path::new(dir), Path::new(out)) {
        Ok(count) => {
            eprintln!("xuefa-bank: {count} questions written to {out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("xuefa-bank: {message}");
            ExitCode::FAILURE
        }
    }
}

fn pack(dir: &Path, out: &Path) -> Result<usize, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let texts = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display())))
        .collect::<Result<Vec<String>, String>>()?;
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let sources: Vec<SourceFile> = names
        .iter()
        .zip(&texts)
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let bank = load_toml(&sources).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!(
            "{} problem(s) in the bank:\n{}",
            errors.len(),
            lines.join("\n")
        )
    })?;
    std::fs::write(out, bank.to_json()).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(bank.questions().len())
}
