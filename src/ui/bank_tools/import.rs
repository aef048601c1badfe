//! Importing a question file: the template (.xlsx or .csv), GIFT or Aiken. The preview lists
//! every question with its problems (row or line, and field) before anything is saved; saving
//! takes all of them, or only the valid ones when the user says so.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::bank_io::{read_file, write_template_xlsx, Format, ImportedSet, Preview};
use crate::core::formats::XLSX_MIME;
use crate::core::study::{Scope, SetSpec};
use crate::ui::browser::{decode_gb18030, download_bytes, now_ms, read_chosen_files};
use crate::ui::shell::other_app_href;
use crate::ui::state::AppState;
use crate::ui::study::set_href;

/// A file read and waiting for the user's decision.
#[derive(Clone)]
struct Pending {
    file: String,
    format: Format,
    preview: Preview,
}

/// The import card.
#[component]
pub fn ImportCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = RwSignal::new(None::<Pending>);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<(String, String, usize)>);
    let choose = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        spawn_local(async move {
            let files = match read_chosen_files(&input).await {
                Ok(files) => files,
                Err(e) => return error.set(Some(e)),
            };
            input.set_value("");
            let Some((file, bytes)) = files.into_iter().next() else {
                return;
            };
            let (format, preview) = read_file(&file, &bytes, decode_gb18030);
            let stem = file.rsplit_once('.').map_or(file.as_str(), |(s, _)| s);
            name.set(stem.to_string());
            error.set(None);
            saved.set(None);
            pending.set(Some(Pending {
                file,
                format,
                preview,
            }));
        });
    };
    let save = move |only_valid: bool| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let Some(drafts) = p.preview.drafts(only_valid) else {
            return;
        };
        let set_name = name.get_untracked().trim().to_string();
        if set_name.is_empty() {
            return error.set(Some("请填写题库名称".into()));
        }
        let set = ImportedSet::new(&set_name, &p.file, drafts, now_ms());
        let (id, count) = (set.id.clone(), set.questions.len());
        match state.change_imported(|bank| {
            bank.add(set)
                .map_err(|existing| format!("这些题目已经导入过（“{existing}”），未重复保存。"))
        }) {
            Ok(()) => {
                pending.set(None);
                error.set(None);
                saved.set(Some((id, set_name, count)));
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let template = move |_| match write_template_xlsx([]) {
        Ok(bytes) => {
            if let Err(message) = download_bytes("学法题库导入模板.xlsx", &bytes, XLSX_MIME)
            {
                error.set(Some(message));
            }
        }
        Err(message) => error.set(Some(message)),
    };
    let preview = move || {
        pending
            .get()
            .map(|p| view! { <PreviewList pending=p name save /> })
    };
    view! {
        <div class="card">
            <h2>"导入题目"</h2>
            <p>
                "支持 Excel 模板（.xlsx）、CSV 模板、Moodle GIFT 和 Aiken 格式。模板列：题型、题干、选项A–选项F、答案、解析、依据条文、难度。"
            </p>
            <div class="actions">
                <button id="bank-template" on:click=template>"下载 Excel 模板"</button>
            </div>
            <label class="field">
                <span>"选择题目文件"</span>
                <input type="file" id="bank-file" accept=".xlsx,.csv,.txt,.gift" on:change=choose />
            </label>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            {preview}
            {move || {
                saved
                    .get()
                    .map(|(id, set_name, count)| {
                        let practise = set_href(&SetSpec::sequential(Scope::Unit(Some(id))));
                        view! {
                            <p class="status" id="bank-saved" role="status">
                                {format!("已保存 {count} 题到“{set_name}”。")}
                                " "
                                <a href=other_app_href(&practise) rel="external">"去练习"</a>
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The preview of a read file and the save buttons.
#[component]
fn PreviewList(
    pending: Pending,
    name: RwSignal<String>,
    save: impl Fn(bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let preview = pending.preview;
    let total = preview.rows.len();
    let valid = preview.valid_count();
    let clean = preview.is_clean();
    let file_problems = preview
        .problems
        .iter()
        .map(|p| view! { <li class="problem">{format!("{}：{}", p.field, p.message)}</li> })
        .collect_view();
    // A template question is one row; a GIFT or Aiken question starts on its line.
    let unit = match pending.format {
        Format::TemplateXlsx | Format::TemplateCsv => "行",
        Format::Gift | Format::Aiken => "行起",
    };
    let rows = preview
        .rows
        .iter()
        .map(|row| {
            let problems: Vec<String> = row
                .problems
                .iter()
                .map(|p| format!("{}：{}", p.field, p.message))
                .collect();
            let ok = row.is_valid();
            view! {
                <li class:problem=!ok>
                    <strong>{format!("第 {} {unit}", row.line)}</strong>
                    " "
                    {row.label.clone()}
                    " — "
                    {if ok { "无问题".to_string() } else { problems.join("；") }}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="preview" id="bank-preview">
            <p>
                {format!(
                    "“{}”（{}）：读到 {total} 题，{valid} 题无问题，{} 题有问题。",
                    pending.file,
                    pending.format.label(),
                    total - valid,
                )}
            </p>
            <ul class="problems">{file_problems}{rows}</ul>
            <label class="field">
                <span>"题库名称"</span>
                <input type="text" id="bank-set-name" bind:value=name />
            </label>
            <div class="actions">
                <button class="primary" id="bank-save-all" disabled=!clean on:click=move |_| save(false)>
                    "全部保存"
                </button>
                {(!clean && valid > 0)
                    .then(|| {
                        view! {
                            <button id="bank-save-valid" on:click=move |_| save(true)>
                                {format!("只保存无问题的 {valid} 题")}
                            </button>
                        }
                    })}
            </div>
            {(!clean).then(|| view! { <p class="hint">"文件有问题：改正后重新选择文件，或只保存无问题的题目。"</p> })}
        </div>
    }
}
