//! The per-unit report as a native command, for batch use on large files. It runs the same
//! core as the browser, so the numbers and files are the same.
//!
//! xuefa-report --roster ROSTER(.csv|.xlsx) --results RESULTS(.csv|.xlsx|DIR) [--results …]
//!              [--pass 60] [--excellent 90] [--counting highest|latest|first]
//!              --out (UNITS.csv|REPORT.xlsx) [--absent ABSENT.csv]
//! xuefa-report --exam EXAM(.json|code) [--bank questions/|bank.json] --roster ROSTER
//!              --results RECORDS_OR_TABLES [--results …] --out … [--absent …]
//!
//! Without `--exam` the results are 个人成绩 tables (rows already scored). With `--exam` they
//! may also be result records: `.json` result files, and text files with one `XFR1.…` code a
//! line, alone or in folders. Records go through `collect_results` as on the 统计 page:
//! checksum, exam, bank version, window and roster checked, re-graded from their answers,
//! each person's counted attempt picked by the exam's rule, pass and excellence lines the
//! exam's; rows of tables merge with them as in the browser. An --out ending in .xlsx is a
//! workbook with the sheets 单位汇总, 个人成绩 and 未参考名单 (and 题目分析 with `--exam`),
//! written by the same core function as the browser's download.

mod records;

/// The million-row reports allocate and free millions of short strings; mimalloc does that
/// faster than the system allocator.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xuefa::core::bank::Bank;
use xuefa::core::exam::{CountRule, ExamDefinition};
use xuefa::core::formats::{is_xlsx, read_table, write_csv, write_csv_rows, write_xlsx};
use xuefa::core::units::{
    absent_order_in_halves, absent_row, collect_results, item_analysis, item_rows, read_headcounts,
    read_results_rows, read_results_table_in_halves, read_roster_file, report_of_counted_in_halves,
    report_workbook, summary_rows, CollectedInput, Counted, CountedResults, CountedScore, Halves,
    Lines, ResultRows, Roster, RowProblem, ScoredResult, UnitReport, ABSENT_HEADERS,
};

const USAGE: &str = "usage: xuefa-report --roster ROSTER(.csv|.xlsx) --results FILE_OR_DIR [--results …] \
[--pass 60] [--excellent 90] [--counting highest|latest|first] --out (UNITS.csv|REPORT.xlsx) [--absent ABSENT.csv]
   or: xuefa-report --exam EXAM(.json|XFE2 or XFE1 code file) [--bank questions/|bank.json] --roster ROSTER \
--results RECORDS_TABLES_OR_DIR [--results …] --out (UNITS.csv|REPORT.xlsx) [--absent ABSENT.csv]
  with --exam, results may be .json result files, text files of XFR1. codes (one a line) and
  .csv/.xlsx tables; the pass/excellent lines and which attempt counts come from the exam;
  the bank defaults to questions/ (else dist/bank.json) and must be the exam's version";

struct Options {
    roster: PathBuf,
    results: Vec<PathBuf>,
    lines: Lines,
    counting: CountRule,
    out: PathBuf,
    absent: Option<PathBuf>,
    exam: Option<PathBuf>,
    bank: Option<PathBuf>,
}

fn main() -> ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("XR_SMALL").is_none() {
        use_large_pages();
    }
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

/// Asks the allocator for transparent huge pages: a million-row report touches hundreds of
/// megabytes, and zeroing them 4 KB page by page took a quarter of its time.
#[cfg(not(target_arch = "wasm32"))]
fn use_large_pages() {
    // SAFETY: mi_option_set only stores an option value; it is called before any allocation
    // of the report and before the second thread starts.
    unsafe { libmimalloc_sys::mi_option_set(libmimalloc_sys::mi_option_large_os_pages, 1) };
}

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let (mut roster, mut out, mut absent, mut exam, mut bank) = (None, None, None, None, None);
    let mut results = Vec::new();
    let mut lines = Lines::default();
    let mut counting = CountRule::Highest;
    let mut rule_flags = Vec::new();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--roster" => roster = Some(PathBuf::from(value()?)),
            "--results" => results.push(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--absent" => absent = Some(PathBuf::from(value()?)),
            "--exam" => exam = Some(PathBuf::from(value()?)),
            "--bank" => bank = Some(PathBuf::from(value()?)),
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
        if matches!(flag.as_str(), "--pass" | "--excellent" | "--counting") {
            rule_flags.push(flag);
        }
    }
    if exam.is_some() && !rule_flags.is_empty() {
        return Err(format!(
            "{} cannot be used with --exam: the exam's own lines and rule apply",
            rule_flags.join(", ")
        ));
    }
    if exam.is_none() && bank.is_some() {
        return Err(format!("--bank is only used with --exam\n{USAGE}"));
    }
    Ok(Options {
        roster: roster.ok_or(USAGE)?,
        results,
        lines,
        counting,
        out: out.ok_or(USAGE)?,
        absent,
        exam,
        bank,
    })
}

fn run(options: Options) -> Result<String, String> {
    // The exam and its bank first: they are quick to check, the roster and results are not.
    let exam_and_bank = match &options.exam {
        Some(path) => {
            let exam = records::load_exam(path)?;
            let bank = records::load_bank(&bank_path(options.bank.as_deref())?, &exam)?;
            Some((exam, bank))
        }
        None => None,
    };
    // The roster and the results on two threads; the roster's problems are told first.
    // Without records, each person's counted result is picked as the results are read: only
    // its score (and whose it is) when no workbook lists the results.
    let workbook = has_extension(&options.out, "xlsx");
    let (roster, read) = std::thread::scope(|scope| {
        let roster = scope.spawn(|| load_roster(&options.roster));
        let read = if let Some((exam, bank)) = &exam_and_bank {
            read_results(&options.results, Vec::new(), true)
                .map(|(results, inputs)| ReadResults::All(results, inputs, exam, bank))
        } else if workbook {
            read_counted(&options).map(|(rows, results)| ReadResults::Counted(rows, results))
        } else {
            read_counted(&options).map(|(rows, scores)| ReadResults::Scores(rows, scores))
        };
        (roster.join().expect("the roster thread ends"), read)
    });
    let roster = roster?;
    let mut read = read?;
    if matches!(read, ReadResults::Scores(..)) && !roster.is_named() {
        // A head-count roster finds results by the unit their rows give, which scores lack.
        read = read_counted(&options).map(|(rows, results)| ReadResults::Counted(rows, results))?;
    }
    let xlsx = |report: &UnitReport, items: Option<&[Vec<String>]>| {
        workbook
            .then(|| write_xlsx(&report_workbook(report, items)))
            .transpose()
    };
    match read {
        ReadResults::All(results, inputs, exam, bank) => {
            let collection = collect_results(exam, bank, &roster, &inputs);
            let report = collection.report_with_tables(exam, &roster, &results);
            // As the browser's download: stems and articles from the loaded built-in bank.
            let items = item_rows(&item_analysis(&collection.responses()), Some(bank));
            let bytes = xlsx(&report, Some(&items))?;
            let summary = records::collection_summary(&collection);
            let totals = write_report(&options, report, roster, results.len(), bytes)?;
            Ok(format!("{summary}\n{totals}"))
        }
        ReadResults::Counted(rows, results) => {
            let report = report_of_counted_in_halves(&roster, results, options.lines, side_by_side);
            let bytes = xlsx(&report, None)?;
            write_report(&options, report, roster, rows, bytes)
        }
        ReadResults::Scores(rows, scores) => {
            let report = report_of_counted_in_halves(&roster, scores, options.lines, side_by_side);
            write_report(&options, report, roster, rows, None)
        }
    }
}

/// The result tables as read: every row, and the result records (with `--exam`, whose exam
/// and bank they go with); or each person's counted result with the number of rows read,
/// whole (for a workbook, which lists them) or as scores only.
enum ReadResults<'e> {
    All(
        Vec<ScoredResult>,
        Vec<CollectedInput>,
        &'e ExamDefinition,
        &'e Bank,
    ),
    Counted(usize, Vec<ScoredResult>),
    Scores(usize, Vec<CountedScore>),
}

/// The rows read from the result tables, and each person's counted result under the rule
/// given, kept as `T`.
fn read_counted<T>(options: &Options) -> Result<(usize, Vec<T>), String>
where
    T: Counted + From<ScoredResult> + Send,
{
    let counted = CountedResults::<T>::new(options.counting);
    let (counted, _) = read_results(&options.results, counted, false)?;
    Ok((counted.rows_read(), counted.into_results()))
}

/// Writes the report: the workbook's `bytes` or the unit summary as CSV, and the 未参考名单;
/// the totals for stderr.
fn write_report<R: Sync>(
    options: &Options,
    report: UnitReport<R>,
    roster: Roster,
    table_rows: usize,
    bytes: Option<Vec<u8>>,
) -> Result<String, String> {
    match bytes {
        Some(bytes) => std::fs::write(&options.out, bytes)
            .map_err(|e| format!("{}: {e}", options.out.display()))?,
        None => {
            let rows = summary_rows(&report);
            let (header, rows) = rows.split_at(1);
            let (first, second) = rows.split_at(rows.len() / 2);
            write(&options.out, header, (first, second), Vec::clone)?;
        }
    }
    if let Some(path) = &options.absent {
        let (order, cut) = absent_order_in_halves(&report, side_by_side);
        let row = |&i: &u32| absent_row(&report, i);
        write(path, &[ABSENT_HEADERS], order.split_at(cut), row)?;
    }
    let totals = format!(
        "{} units, {} table rows read, {} sat of {} expected, {} outside the roster, {} absent",
        report.rows.len(),
        table_rows,
        report.total.sat,
        report.total.expected,
        report.outside_roster.len(),
        report.absent.len()
    );
    // The report and roster hold millions of rows that the process is about to drop at exit
    // anyway, so they are not freed row by row. The outputs are written and closed by now.
    // (The command only: the core and the browser free as usual.)
    std::mem::forget((report, roster));
    Ok(totals)
}

/// The rows of the result tables, kept in `results` (empty: all rows, or each person's
/// counted result), and with `--exam` the result records, of the files named and the
/// folders' files.
fn read_results<R: ResultRows + Send>(
    paths: &[PathBuf],
    mut results: R,
    with_records: bool,
) -> Result<(R, Vec<CollectedInput>), String> {
    let mut inputs: Vec<CollectedInput> = Vec::new();
    for file in result_files(paths, with_records)? {
        let bytes = read_file(&file)?;
        let read = if is_xlsx(&bytes) {
            let rows = read_table(&bytes).map_err(|e| format!("{}: {e}", file.display()))?;
            read_results_rows(&rows).map(|rows| {
                let mut read = results.empty_like();
                rows.into_iter().for_each(|row| read.push(row));
                read
            })
        } else if has_extension(&file, "csv") {
            read_results_table_in_halves(&bytes, results.empty_like(), side_by_side)
        } else if with_records {
            inputs.extend(records::record_inputs(&file, &bytes));
            continue;
        } else {
            return Err(format!(
                "{}: result records (.json, codes) need --exam; without it only .csv/.xlsx tables are read",
                file.display()
            ));
        };
        results.append(read.map_err(|p| problems(&file, &p))?);
    }
    Ok((results, inputs))
}

/// Runs both halves of a table's reading at once, the second on a thread of its own.
fn side_by_side((first, second): Halves<'_>) {
    std::thread::scope(|scope| {
        scope.spawn(second);
        first();
    });
}

/// The bank given, or `questions/`, or a built `dist/bank.json`.
fn bank_path(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(path) = given {
        return Ok(path.to_path_buf());
    }
    ["questions", "dist/bank.json"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .ok_or_else(|| "no bank: pass --bank (a questions/ folder or a bank.json)".to_string())
}

fn load_roster(path: &Path) -> Result<Roster, String> {
    let bytes = read_file(path)?;
    let error = |e: String| format!("{}: {e}", path.display());
    match read_roster_file(&bytes).map_err(error)? {
        Some(draft) => draft.accept_all().map_err(|p| problems(path, &p)),
        None => {
            let rows = read_table(&bytes).map_err(error)?;
            read_headcounts(&rows).map_err(|p| problems(path, &p))
        }
    }
}

/// A file's bytes, mapped rather than read: the million-row files are then read from the
/// page cache in place instead of being copied into freshly zeroed memory.
#[cfg(not(target_arch = "wasm32"))]
fn read_file(path: &Path) -> Result<memmap2::Mmap, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // SAFETY: the map is only read, while the command runs; a file changed by another
    // program meanwhile would give wrong cells (as a file changed while being read would),
    // which the readers handle as any other text.
    unsafe { memmap2::MmapOptions::new().populate().map(&file) }
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// A file's bytes (the command is only built for wasm32 along with the site's binaries).
#[cfg(target_arch = "wasm32")]
fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The files named, and those in the folders named: tables, and with `records` also result
/// files (.json) and code lists (.txt).
fn result_files(paths: &[PathBuf], records: bool) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    has_extension(p, "csv")
                        || has_extension(p, "xlsx")
                        || (records && (has_extension(p, "json") || has_extension(p, "txt")))
                })
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

/// Rows of CSV text made at a time: each part's text is made in small buffers, which the
/// allocator reuses, rather than in one that grows by copying into fresh memory.
const ROWS_AT_A_TIME: usize = 4096;

/// Writes a CSV file: the `header` rows (after the BOM), then a row made by `row` of each item
/// of both parts. The first part's text is written to the file as it is made, while the
/// second part's is made side by side.
fn write<T: Sync, S: AsRef<str>, C: AsRef<[S]>, H: AsRef<str>>(
    path: &Path,
    header: &[impl AsRef<[H]>],
    (first, second): (&[T], &[T]),
    row: impl Fn(&T) -> C + Sync,
) -> Result<(), String> {
    let error = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut file = std::fs::File::create(path).map_err(error)?;
    file.write_all(&write_csv(header)).map_err(error)?;
    let text = |part: &[T]| write_csv_rows(&part.iter().map(&row).collect::<Vec<C>>());
    let mut written = Ok(());
    let mut tail = Vec::new();
    side_by_side((
        &mut || {
            written = first
                .chunks(ROWS_AT_A_TIME)
                .try_for_each(|part| file.write_all(&text(part)))
        },
        &mut || tail = second.chunks(ROWS_AT_A_TIME).map(text).collect(),
    ));
    written.map_err(error)?;
    tail.iter()
        .try_for_each(|text| file.write_all(text))
        .map_err(error)
}
