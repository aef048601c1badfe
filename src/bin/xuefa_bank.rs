//! Packs the built-in bank (`questions/*.toml`) into the `bank.json` the app downloads,
//! refusing to write anything if the bank has a problem.
//!
//! Usage: `xuefa-bank <questions dir> <output file>` (Trunk runs it on every build).

use std::path::Path;
use std::process::ExitCode;

use xuefa::core::bank::load_toml_dir;

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
    let bank = load_toml_dir(dir)?;
    std::fs::write(out, bank.to_json()).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(bank.questions().len())
}
