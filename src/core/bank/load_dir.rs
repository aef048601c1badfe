//! Reading a bank from a folder of TOML files (the built-in `questions/`), for the native
//! commands, the tests and the benches. The browser never calls it: it loads `bank.json`.

use std::path::Path;

use super::{load_toml, Bank, SourceFile};

/// The `*.toml` files in `dir`, as (file name, text), in name order.
pub fn toml_files(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            Ok((name.into_owned(), text))
        })
        .collect()
}

/// Loads and validates (file name, text) pairs; the error lists every problem, a line each.
pub fn load_toml_files(files: &[(String, String)]) -> Result<Bank, String> {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    load_toml(&sources).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!(
            "{} problem(s) in the bank:\n{}",
            errors.len(),
            lines.join("\n")
        )
    })
}

/// Loads and validates the bank in `dir` (every `*.toml` file in it).
pub fn load_toml_dir(dir: &Path) -> Result<Bank, String> {
    load_toml_files(&toml_files(dir)?).map_err(|e| format!("{}: {e}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_is_named_in_the_error() {
        let error = load_toml_dir(Path::new("/nonexistent/questions")).unwrap_err();
        assert!(error.starts_with("/nonexistent/questions"), "{error}");
    }

    #[test]
    fn every_problem_is_listed_with_its_file() {
        let files = vec![(
            "01-x.toml".to_string(),
            "[[question]]\nid = 1\n".to_string(),
        )];
        let error = load_toml_files(&files).unwrap_err();
        assert!(error.contains("problem(s) in the bank"), "{error}");
        assert!(error.contains("01-x.toml"), "{error}");
    }
}
