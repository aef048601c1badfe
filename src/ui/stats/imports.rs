//! The statistics page's inputs: the exam, the roster (previewed with every problem before
//! anything is taken) and the result files and codes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{StatsInputs, TABLE_PART};
use crate::core::exam::decode_exam_code;
use crate::core::formats::{is_xlsx, read_table_with, CellTable};
use crate::core::units::{
    column_titles, read_results_rows, read_roster, results_csv, sort_roster_table, CollectedInput,
    ResultsTableReader, Roster, RosterColumns, RosterDraft, RosterTable, RowProblem, ScoredResult,
};
use crate::ui::browser::{
    decode_gb18030, mark, read_chosen_files, read_dropped_files, yield_to_browser,
};
use crate::ui::exam::ExamState;

fn input_of(ev: &leptos::ev::Event) -> web_sys::HtmlInputElement {
    event_target::<web_sys::HtmlInputElement>(ev)
}

/// Choosing the exam: one issued on this device, or a pasted exam code or link.
#[component]
pub fn ExamPicker() -> impl IntoView {
    let inputs = expect_context::<StatsInputs>();
    let exams = expect_context::<ExamState>();
    let issued = move || exams.store.with(|s| s.issued.clone());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = value
            .parse::<usize>()
            .ok()
            .and_then(|i| issued().get(i).cloned());
        inputs.exam.set(chosen);
    };
    let read_code = move |_| match decode_exam_code(&code.get_untracked()) {
        Ok(exam) => {
            error.set(None);
            inputs.exam.set(Some(exam));
        }
        Err(e) => error.set(Some(e.to_string())),
    };
    view! {
        <div class="card">
            <h2>"1. 考试"</h2>
            <label class="field">
                <span>"本机发布过的考试"</span>
                <select id="stats-exam" on:change=pick>
                    <option value="">"请选择"</option>
                    {move || {
                        issued()
                            .into_iter()
                            .enumerate()
                            .map(|(i, exam)| view! { <option value=i.to_string()>{exam.title}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="field">
                <span>"或粘贴考试链接、考试码"</span>
                <textarea id="stats-exam-code" rows="2" bind:value=code></textarea>
            </label>
            <button on:click=read_code>"读取考试码"</button>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            {move || {
                inputs
                    .exam
                    .get()
                    .map(|exam| {
                        view! {
                            <p class="status" id="stats-exam-chosen">
                                {format!("已选：{}（及格 {} 分，优秀 {} 分）", exam.title, exam.pass_line, exam.excellence_line)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// Importing the roster from a CSV or XLSX file (picked or dropped): a preview lists every
/// problem by row and column; the roster is taken whole, or only its valid rows when the user
/// says so. Unrecognised headers get a column-mapping step.
#[component]
pub fn RosterImport() -> impl IntoView {
    let inputs = expect_context::<StatsInputs>();
    let read = RwSignal::new(None::<RosterTable>);
    let error = RwSignal::new(None::<String>);
    let take = move |files: Result<Vec<(String, Vec<u8>)>, String>| {
        let Some((_, bytes)) = files.unwrap_or_default().into_iter().next() else {
            return;
        };
        match read_table_with(&bytes, decode_gb18030).and_then(sort_roster_table) {
            Ok(found) => {
                error.set(None);
                read.set(Some(found));
            }
            Err(e) => {
                read.set(None);
                error.set(Some(e));
            }
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let input = input_of(&ev);
        spawn_local(async move {
            match read_chosen_files(&input).await {
                Ok(files) => take(Ok(files)),
                Err(e) => error.set(Some(e)),
            }
            input.set_value("");
        });
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        spawn_local(async move {
            match read_dropped_files(&ev).await {
                Ok(files) => take(Ok(files)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let accept = move |roster: Roster| {
        inputs.roster.set(Some(roster));
        read.set(None);
    };
    view! {
        <div class="card drop-zone" on:dragover=|ev| ev.prevent_default() on:drop=drop>
            <h2>"2. 应考名单"</h2>
            <label class="field">
                <span>
                    "CSV 或 Excel/WPS 表格（.xlsx）：含“姓名”“工号”“单位”列的人员名单，或含“单位”“应考人数”两列的各单位人数表。也可把文件拖到这里。"
                </span>
                <input
                    type="file"
                    id="roster-file"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    on:change=choose
                />
            </label>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            {move || {
                read.get()
                    .map(|found| match found {
                        RosterTable::Named(draft) => {
                            view! { <NamedPreview draft=draft accept=accept /> }.into_any()
                        }
                        RosterTable::Headcounts(result) => {
                            view! { <HeadcountPreview result=result accept=accept /> }.into_any()
                        }
                        RosterTable::Unmapped { rows, header } => {
                            let mapped = move |draft| read.set(Some(RosterTable::Named(draft)));
                            view! { <ColumnMapping rows=rows header=header mapped=mapped /> }
                                .into_any()
                        }
                    })
            }}
            {move || {
                inputs
                    .roster
                    .get()
                    .map(|r| {
                        let text = if r.is_named() {
                            format!("已导入 {} 人，{} 个单位。", r.people().len(), r.units().len())
                        } else {
                            let expected: usize = r.units().iter().map(|(_, n)| n).sum();
                            format!("已导入 {} 个单位的应考人数，共 {expected} 人（未列姓名）。", r.units().len())
                        };
                        view! { <p class="status" id="roster-status">{text}</p> }
                    })
            }}
        </div>
    }
}

fn problem_list(problems: &[RowProblem]) -> impl IntoView {
    let items = problems
        .iter()
        .map(|p| view! { <li>{p.to_string()}</li> })
        .collect_view();
    view! { <ul class="problems">{items}</ul> }
}

/// A named roster read: how many people, every problem, and the two ways to take it.
#[component]
fn NamedPreview(draft: RosterDraft, accept: impl Fn(Roster) + Copy + 'static) -> impl IntoView {
    let clean = draft.problems.is_empty();
    let summary = format!(
        "读到 {} 人，{} 处问题。",
        draft.people.len(),
        draft.problems.len()
    );
    let problems = problem_list(&draft.problems);
    let (all, valid) = (draft.clone(), draft);
    view! {
        <div class="preview" id="roster-preview">
            <p>{summary}</p>
            {problems}
            <button
                class="primary"
                id="roster-take-all"
                disabled=!clean
                on:click=move |_| {
                    if let Ok(roster) = all.clone().accept_all() {
                        accept(roster);
                    }
                }
            >
                "全部导入"
            </button>
            {(!clean)
                .then(|| {
                    view! {
                        <button id="roster-take-valid" on:click=move |_| accept(valid.clone().accept_valid())>
                            "只导入无问题的行（有问题的行不导入）"
                        </button>
                    }
                })}
        </div>
    }
}

/// A head-count table read: its units, or every problem (nothing is taken then).
#[component]
fn HeadcountPreview(
    result: Result<Roster, Vec<RowProblem>>,
    accept: impl Fn(Roster) + Copy + 'static,
) -> impl IntoView {
    match result {
        Ok(roster) => {
            let units = roster.units();
            let expected: usize = units.iter().map(|(_, n)| n).sum();
            let summary = format!(
                "各单位人数表：{} 个单位，应考共 {expected} 人。",
                units.len()
            );
            view! {
                <div class="preview" id="roster-preview">
                    <p>{summary}</p>
                    <button class="primary" id="roster-take-all" on:click=move |_| accept(roster.clone())>
                        "导入各单位应考人数"
                    </button>
                </div>
            }
            .into_any()
        }
        Err(problems) => view! {
            <div class="preview" id="roster-preview">
                <p>{format!("各单位人数表有 {} 处问题，未导入：", problems.len())}</p>
                {problem_list(&problems)}
            </div>
        }
        .into_any(),
    }
}

/// The column-mapping step: the user says which column holds 工号, 姓名 and 单位.
#[component]
fn ColumnMapping(
    rows: Arc<CellTable>,
    header: usize,
    mapped: impl Fn(RosterDraft) + Copy + 'static,
) -> impl IntoView {
    let titles = column_titles(rows.row(header));
    let picks = [
        ("工号（或其他编号）", "map-id", RwSignal::new(None::<usize>)),
        ("姓名", "map-name", RwSignal::new(None::<usize>)),
        ("单位", "map-unit", RwSignal::new(None::<usize>)),
    ];
    let selects = picks
        .iter()
        .map(|&(label, id, pick)| {
            let options = titles
                .iter()
                .enumerate()
                .map(|(i, title)| view! { <option value=i.to_string()>{title.clone()}</option> })
                .collect_view();
            view! {
                <label class="field">
                    <span>{label}</span>
                    <select id=id on:change=move |ev| pick.set(event_target_value(&ev).parse().ok())>
                        <option value="">"请选择列"</option>
                        {options}
                    </select>
                </label>
            }
        })
        .collect_view();
    let chosen = move || match picks.map(|(_, _, pick)| pick.get()) {
        [Some(id), Some(name), Some(unit)] if id != name && name != unit && id != unit => {
            Some(RosterColumns { id, name, unit })
        }
        _ => None,
    };
    let read = move |_| {
        if let Some(columns) = chosen() {
            mapped(read_roster(&rows, header, columns));
        }
    };
    view! {
        <div class="preview" id="roster-mapping">
            <p>
                {format!(
                    "没有认出“姓名”“工号”“单位”表头。第 {} 行看来是表头，请指出各列：",
                    header + 1,
                )}
            </p>
            {selects}
            <button class="primary" id="map-read" disabled=move || chosen().is_none() on:click=read>
                "按所选列读取"
            </button>
        </div>
    }
}

/// Whether a chosen file is a results table (个人成绩 as .csv or .xlsx) rather than one result.
fn is_results_table(name: &str, bytes: &[u8]) -> bool {
    is_xlsx(bytes) || name.to_lowercase().ends_with(".csv")
}

/// How many files the kept parts of results tables came from.
fn distinct_sources(parts: &[CollectedInput]) -> usize {
    let mut sources: Vec<&str> = parts.iter().map(|p| p.source.as_str()).collect();
    sources.dedup();
    sources.len()
}

/// How many records of a CSV results table are read between two looks at the screen.
const TABLE_READ_PART: usize = 20_000;

/// Reads a results table: every row, or the first problems by row and column. A CSV table is
/// read a part at a time, with how far it is shown in `reading`.
async fn read_results_file(
    name: &str,
    bytes: &[u8],
    reading: RwSignal<Option<String>>,
) -> Result<Vec<ScoredResult>, String> {
    let read = if is_xlsx(bytes) {
        read_results_rows(&read_table_with(bytes, decode_gb18030)?)
    } else {
        let mut reader = ResultsTableReader::new(bytes);
        loop {
            let (done, total) = reader.progress();
            let percent = done * 100 / total.max(1);
            reading.set(Some(format!("正在读取“{name}”：{percent}%")));
            yield_to_browser().await;
            if reader.read(TABLE_READ_PART) {
                break;
            }
        }
        reader.finish()
    };
    read.map_err(|problems| {
        let shown: Vec<String> = problems.iter().take(10).map(ToString::to_string).collect();
        let more = problems.len().saturating_sub(shown.len());
        let tail = if more > 0 {
            format!("；另有 {more} 处")
        } else {
            String::new()
        };
        format!("{}{tail}", shown.join("；"))
    })
}

/// Takes chosen or dropped files: result files as records, results tables (all rows or none)
/// kept in parts, so that reading them back leaves the page responsive.
async fn add_files(
    files: Vec<(String, Vec<u8>)>,
    inputs: StatsInputs,
    error: RwSignal<Option<String>>,
    reading: RwSignal<Option<String>>,
) {
    let mut records = Vec::new();
    let mut tables = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        if !is_results_table(&name, &bytes) {
            records.push(CollectedInput {
                source: name,
                text: String::from_utf8_lossy(&bytes).into_owned(),
            });
            continue;
        }
        match read_results_file(&name, &bytes, reading).await {
            Ok(results) => tables.extend(results.chunks(TABLE_PART).map(|part| CollectedInput {
                text: results_csv(part),
                source: name.clone(),
            })),
            Err(found) => problems.push(format!("“{name}”未导入：{found}")),
        }
    }
    reading.set(None);
    error.set((!problems.is_empty()).then(|| problems.join("\n")));
    inputs.results.update(|r| r.extend(records));
    inputs.tables.update(|t| t.extend(tables));
}

/// Importing results: many result files at once, and pasted result codes, one per line.
#[component]
pub fn ResultsImport() -> impl IntoView {
    let inputs = expect_context::<StatsInputs>();
    let codes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(None::<String>);
    let choose = move |ev: leptos::ev::Event| {
        let input = input_of(&ev);
        spawn_local(async move {
            match read_chosen_files(&input).await {
                Ok(files) => add_files(files, inputs, error, reading).await,
                Err(e) => error.set(Some(e)),
            }
            input.set_value("");
        });
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        spawn_local(async move {
            match read_dropped_files(&ev).await {
                Ok(files) => add_files(files, inputs, error, reading).await,
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let add_codes = move |_| {
        mark("xuefa:results-added");
        // Read in place: the pasted text may be megabytes.
        let pasted = codes.with_untracked(|codes| CollectedInput::per_line(codes, "粘贴"));
        inputs.results.update(|r| r.extend(pasted));
        codes.set(String::new());
    };
    view! {
        <div class="card drop-zone" on:dragover=|ev| ev.prevent_default() on:drop=drop>
            <h2>"3. 成绩"</h2>
            <label class="field">
                <span>
                    "成绩文件（可一次选择多个 .json 文件，也可拖到这里）；其他管理员导出的个人成绩表（.csv 或 .xlsx）也可在此导入合并"
                </span>
                <input
                    type="file"
                    id="result-files"
                    multiple=true
                    accept=".json,.csv,.xlsx,application/json,text/csv"
                    on:change=choose
                />
            </label>
            <label class="field">
                <span>"或粘贴成绩代码（每行一个，以 XFR1. 开头）"</span>
                <textarea id="result-codes" rows="3" bind:value=codes></textarea>
            </label>
            <button on:click=add_codes>"加入成绩代码"</button>
            {move || {
                reading
                    .get()
                    .map(|m| view! { <p class="status" id="table-reading" role="status">{m}</p> })
            }}
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            <p class="status" id="results-count">
                {move || {
                    let tables = inputs.tables.with(|t| distinct_sources(t));
                    let files = format!("已收到 {} 份成绩", inputs.results.with(Vec::len));
                    if tables == 0 { format!("{files}。") } else { format!("{files}，成绩表 {tables} 个。") }
                }}
            </p>
            <button on:click=move |_| {
                inputs.results.set(Vec::new());
                inputs.tables.set(Vec::new());
            }>"清空成绩"</button>
        </div>
    }
}
