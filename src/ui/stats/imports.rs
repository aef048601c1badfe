//! The statistics page's inputs: the exam, the roster (previewed with every problem before
//! anything is taken) and the result files and codes.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::StatsInputs;
use crate::core::exam::decode_exam_code;
use crate::core::formats::{decode_text_with, read_csv_text};
use crate::core::units::{find_roster_columns, read_roster, CollectedInput, RosterDraft};
use crate::ui::browser::{decode_gb18030, mark, read_chosen_files};
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

/// Importing the roster from a CSV file: a preview lists every problem by row and column;
/// the roster is taken whole, or only its valid rows when the user says so.
#[component]
pub fn RosterImport() -> impl IntoView {
    let inputs = expect_context::<StatsInputs>();
    let draft = RwSignal::new(None::<RosterDraft>);
    let error = RwSignal::new(None::<String>);
    let choose = move |ev: leptos::ev::Event| {
        let input = input_of(&ev);
        spawn_local(async move {
            let files = match read_chosen_files(&input).await {
                Ok(files) => files,
                Err(e) => return error.set(Some(e)),
            };
            let Some((_, bytes)) = files.into_iter().next() else {
                return;
            };
            let (text, encoding) = decode_text_with(&bytes, decode_gb18030);
            let read = read_csv_text(&text, encoding).and_then(|table| {
                let (header, columns) = find_roster_columns(&table.rows)
                    .ok_or("找不到表头：需要“姓名”“工号”“单位”三列")?;
                Ok(read_roster(&table.rows, header, columns))
            });
            match read {
                Ok(read) => {
                    error.set(None);
                    draft.set(Some(read));
                }
                Err(e) => {
                    draft.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    let take_all = move |_| {
        if let Some(d) = draft.get_untracked() {
            if let Ok(roster) = d.accept_all() {
                inputs.roster.set(Some(roster));
                draft.set(None);
            }
        }
    };
    let take_valid = move |_| {
        if let Some(d) = draft.get_untracked() {
            inputs.roster.set(Some(d.accept_valid()));
            draft.set(None);
        }
    };
    let preview = move || {
        draft.get().map(|d| {
            let problems = d
                .problems
                .iter()
                .map(|p| view! { <li>{p.to_string()}</li> })
                .collect_view();
            let clean = d.problems.is_empty();
            view! {
                <div class="preview" id="roster-preview">
                    <p>{format!("读到 {} 人，{} 处问题。", d.people.len(), d.problems.len())}</p>
                    <ul class="problems">{problems}</ul>
                    <button class="primary" id="roster-take-all" on:click=take_all disabled=!clean>
                        "全部导入"
                    </button>
                    {(!clean)
                        .then(|| {
                            view! {
                                <button id="roster-take-valid" on:click=take_valid>
                                    "只导入无问题的行"
                                </button>
                            }
                        })}
                </div>
            }
        })
    };
    view! {
        <div class="card">
            <h2>"2. 应考名单"</h2>
            <label class="field">
                <span>"CSV 文件（需有“姓名”“工号”“单位”列；UTF-8 或 GBK 均可）"</span>
                <input type="file" id="roster-file" accept=".csv,text/csv" on:change=choose />
            </label>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            {preview}
            {move || {
                inputs
                    .roster
                    .get()
                    .map(|r| {
                        view! {
                            <p class="status" id="roster-status">
                                {format!("已导入 {} 人，{} 个单位。", r.people().len(), r.units().len())}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// Importing results: many result files at once, and pasted result codes, one per line.
#[component]
pub fn ResultsImport() -> impl IntoView {
    let inputs = expect_context::<StatsInputs>();
    let codes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let choose = move |ev: leptos::ev::Event| {
        let input = input_of(&ev);
        spawn_local(async move {
            match read_chosen_files(&input).await {
                Ok(files) => {
                    let read: Vec<CollectedInput> = files
                        .into_iter()
                        .map(|(name, bytes)| CollectedInput {
                            source: name,
                            text: String::from_utf8_lossy(&bytes).into_owned(),
                        })
                        .collect();
                    inputs.results.update(|r| r.extend(read));
                    input.set_value("");
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let add_codes = move |_| {
        mark("xuefa:results-added");
        let pasted: Vec<CollectedInput> = codes
            .get_untracked()
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| CollectedInput {
                source: format!("粘贴第 {} 行", i + 1),
                text: line.trim().to_string(),
            })
            .collect();
        inputs.results.update(|r| r.extend(pasted));
        codes.set(String::new());
    };
    view! {
        <div class="card">
            <h2>"3. 成绩"</h2>
            <label class="field">
                <span>"成绩文件（可一次选择多个 .json 文件）"</span>
                <input
                    type="file"
                    id="result-files"
                    multiple=true
                    accept=".json,application/json"
                    on:change=choose
                />
            </label>
            <label class="field">
                <span>"或粘贴成绩代码（每行一个，以 XFR1. 开头）"</span>
                <textarea id="result-codes" rows="3" bind:value=codes></textarea>
            </label>
            <button on:click=add_codes>"加入成绩代码"</button>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            <p class="status" id="results-count">
                {move || format!("已收到 {} 份成绩。", inputs.results.with(Vec::len))}
            </p>
            <button on:click=move |_| inputs.results.set(Vec::new())>"清空成绩"</button>
        </div>
    }
}
