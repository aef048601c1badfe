//! Generates `hant.txt`, the table the app uses to show its text in Traditional characters
//! (see `xuefa::core::script`), from OpenCC's dictionaries (the `ferrous-opencc` crate, its
//! `s2t` configuration):
//!
//! - every character of the CJK Unified Ideographs block that OpenCC converts on its own;
//! - the phrases that convert otherwise than character by character, limited to those that
//!   occur in the app's own text (the bank's TOML files and the Rust sources' strings), found
//!   by asking OpenCC about every stretch of 2 to 6 characters of that text.
//!
//! Usage: `xuefa-hant <questions dir> <src dir> <out file>`. Trunk runs it before each build.

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    {
        match native::run(std::env::args().skip(1).collect()) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("xuefa-hant: {message}");
                std::process::ExitCode::FAILURE
            }
        }
    }
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use ferrous_opencc::config::BuiltinConfig;
    use ferrous_opencc::OpenCC;
    use xuefa::core::script::HantTable;

    /// The longest phrase looked for, in characters.
    const LONGEST_PHRASE: usize = 6;

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let [questions, sources, out] = args.as_slice() else {
            return Err("usage: xuefa-hant <questions dir> <src dir> <out file>".into());
        };
        let opencc = OpenCC::from_config(BuiltinConfig::S2t).map_err(|e| e.to_string())?;
        let mut files = Vec::new();
        collect_files(Path::new(questions), "toml", &mut files)?;
        collect_files(Path::new(sources), "rs", &mut files)?;
        let mut runs = BTreeSet::new();
        for file in &files {
            let text =
                std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
            runs.extend(han_runs(&text));
        }
        let table = build_table(&opencc, &runs);
        let differing = runs
            .iter()
            .filter(|run| table.convert(run) != opencc.convert(run))
            .count();
        let text = table.to_text();
        if HantTable::from_text(&text).as_ref() != Ok(&table) {
            return Err("the table does not read back as written".into());
        }
        std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))?;
        let (chars, phrases) = table.sizes();
        println!(
            "xuefa-hant: {chars} characters, {phrases} phrases; {differing} of {} stretches of the app's text convert otherwise than OpenCC",
            runs.len()
        );
        Ok(())
    }

    fn build_table(opencc: &OpenCC, runs: &BTreeSet<String>) -> HantTable {
        let mut table = HantTable::default();
        for code in 0x4E00..=0x9FFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let converted = opencc.convert(&c.to_string());
            let mut chars = converted.chars();
            if let (Some(t), None) = (chars.next(), chars.next()) {
                if t != c {
                    table.insert_char(c, t);
                }
            }
        }
        // A traditional character that is itself a key would convert again on a second
        // pass; it is taken as already traditional, so that converting twice changes nothing.
        let targets: Vec<char> = (0x4E00..=0x9FFF_u32)
            .filter_map(char::from_u32)
            .filter_map(|c| table.char(c))
            .collect();
        for t in targets {
            table.remove_char(t);
        }
        let mut seen = BTreeSet::new();
        for len in 2..=LONGEST_PHRASE {
            for run in runs {
                let chars: Vec<char> = run.chars().collect();
                for window in chars.windows(len) {
                    let phrase: String = window.iter().collect();
                    if !seen.insert(phrase.clone()) {
                        continue;
                    }
                    let wanted = opencc.convert(&phrase);
                    if table.convert(&phrase) != wanted {
                        table.insert_phrase(&phrase, &wanted);
                    }
                }
            }
        }
        table
    }

    /// The stretches of Han characters in a text.
    fn han_runs(text: &str) -> Vec<String> {
        text.split(|c: char| !is_han(c))
            .filter(|run| run.chars().count() >= 1)
            .map(str::to_string)
            .collect()
    }

    fn is_han(c: char) -> bool {
        ('\u{3400}'..='\u{9FFF}').contains(&c)
    }

    fn collect_files(dir: &Path, extension: &str, files: &mut Vec<PathBuf>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                collect_files(&path, extension, files)?;
            } else if path.extension().is_some_and(|x| x == extension) {
                files.push(path);
            }
        }
        Ok(())
    }
}
