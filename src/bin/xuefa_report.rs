//! The per-unit report as a native command, for batch use on large files. It runs the same
//! core as the browser, so the numbers and files are the same.
//!
//! xuefa-report --roster ROSTER(.csv|.xlsx) --results RESULTS(.csv|.xlsx|DIR) [--results …]
//!              [--pass 60] [--excellent 90] [--counting highest|latest|first]
//!              --out (UNITS.csv|REPORT.xlsx) [--absent ABSENT.csv]
//!
//! An --out ending in .xlsx is a workbook with the sheets 单位汇总, 个人成绩 and 未参考名单,
//! written by the same core function as the browser's download.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xuefa::core::exam::CountRule;
use xuefa::core::formats::{is_xlsx, read_table, write_csv, write_xlsx};
use xuefa::core::units::{
    absent_rows, find_roster_columns, read_headcounts, read_results_rows, read_results_table,
    read_roster, report_workbook, summary_rows, unit_report, Lines, Roster, RowProblem,
    ScoredResult,
};

const USAGE: &str = "usage: xuefa-report --roster ROSTER(.csv|.xlsx) --results FILE_OR_DIR [--results …] \
[--pass 60] [--excellent 90] [--counting highest|latest|first] --out (UNITS.csv|REPORT.xlsx) [--absent ABSENT.csv]";

struct Options {
    roster: PathBuf,
    results: Vec<PathBuf>,
    lines: Lines,
    counting: CountRule,
    out: PathBuf,
    absent: Option<PathBuf>,
}

fn main() -> ExitCode {
    match parse_options(std::env::args().skip(1)).and_then(run) {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("xuefa-report: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let (mut roster, mut out, mut absent) = (None, None, None);
    let mut results = Vec::new();
    let mut lines = Lines::default();
    let mut counting = CountRule::Highest;
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--roster" => roster = Some(PathBuf::from(value()?)),
            "--results" => results.push(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--absent" => absent = Some(PathBuf::from(value()?)),
            "--pass" => lines.pass = value()?.parse().map_err(|_| "--pass takes a number")?,
            "--excellent" => {
                lines.excellent = value()?.parse().map_err(|_| "--excellent takes a number")?
            }
            "--counting" => {
                counting = match value()?.as_str() {
                    "highest" => CountRule::Highest,
                    "latest" => CountRule::Latest,
                    "first" => CountRule::First,
                    other => return Err(format!("unknown --counting {other}")),
                }
            }
            _ => return Err(format!("unknown argument {flag}\n{USAGE}")),
        }
    }
    Ok(Options {
        roster: roster.ok_or(USAGE)?,
        results,
        lines,
        counting,
        out: out.ok_or(USAGE)?,
        absent,
    })
}

fn run(options: Options) -> Result<String, String> {
    let roster = load_roster(&options.roster)?;
    let mut results: Vec<ScoredResult> = Vec::new();
    for file in result_files(&options.results)? {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let read = if is_xlsx(&bytes) {
            let rows = read_table(&bytes).map_err(|e| format!("{}: {e}", file.display()))?;
            read_results_rows(&rows)
        } else {
            read_results_table(&bytes)
        };
        let read = read.map_err(|p| problems(&file, &p))?;
        results.extend(read);
    }
    let report = unit_report(&roster, &results, options.lines, options.counting);
    if has_extension(&options.out, "xlsx") {
        let bytes = write_xlsx(&report_workbook(&report, None))?;
        std::fs::write(&options.out, bytes)
            .map_err(|e| format!("{}: {e}", options.out.display()))?;
    } else {
        write(&options.out, &summary_rows(&report))?;
    }
    if let Some(path) = &options.absent {
        write(path, &absent_rows(&report))?;
    }
    Ok(format!(
        "{} units, {} results read, {} sat of {} expected, {} outside the roster, {} absent",
        report.rows.len(),
        results.len(),
        report.total.sat,
        report.total.expected,
        report.outside_roster.len(),
        report.absent.len()
    ))
}

fn load_roster(path: &Path) -> Result<Roster, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = read_table(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    match find_roster_columns(&rows) {
        Some((header, columns)) => read_roster(&rows, header, columns)
            .accept_all()
            .map_err(|p| problems(path, &p)),
        None => read_headcounts(&rows).map_err(|p| problems(path, &p)),
    }
}

fn result_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| has_extension(p, "csv") || has_extension(p, "xlsx"))
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

fn problems(path: &Path, problems: &[RowProblem]) -> String {
    let lines: Vec<String> = problems.iter().take(20).map(ToString::to_string).collect();
    let more = problems.len().saturating_sub(20);
    let tail = if more > 0 {
        format!("\n…and {more} more")
    } else {
        String::new()
    };
    format!(
        "{}: {} problem(s), nothing written:\n{}{tail}",
        path.display(),
        problems.len(),
        lines.join("\n")
    )
}

fn write(path: &Path, rows: &[Vec<String>]) -> Result<(), String> {
    std::fs::write(path, write_csv(rows)).map_err(|e| format!("{}: {e}", path.display()))
}
