//! The 我的数据 page: download a backup of every record, restore one (merged, after a
//! preview of what changes), and clear the device after a confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use crate::core::backup::{decode_backup, encode_backup, plan_import, ImportPlan};
use crate::ui::browser::{
    app_records, clear_app_records, download_text, now_ms, read_chosen_files, reload_with_query,
    today, write_records,
};

/// Backup, restore and clear.
#[component]
pub fn DataPage() -> impl IntoView {
    let query = use_query_map();
    let done = move || match query.read().get("done").as_deref() {
        Some("restored") => Some("已导入备份，以下为合并后的数据。"),
        Some("cleared") => Some("本机的学法数据已全部清除。"),
        _ => None,
    };
    view! {
        <section class="page data">
            <h1>"我的数据"</h1>
            <p class="lead">
                "学习记录、错题本、考试、本单位题库和统计数据只保存在本机浏览器中。换设备或清理浏览器前，请先下载备份。"
            </p>
            {move || done().map(|text| view! { <p class="status done" role="status">{text}</p> })}
            <BackupCard />
            <RestoreCard />
            <ClearCard />
        </section>
    }
}

/// Downloads one JSON file with every record.
#[component]
fn BackupCard() -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let count = RwSignal::new(None::<usize>);
    spawn_local(async move {
        match app_records().await {
            Ok(records) => count.set(Some(records.len())),
            Err(message) => error.set(Some(message)),
        }
    });
    let download = move |_| {
        spawn_local(async move {
            let result = app_records().await.and_then(|records| {
                let text = encode_backup(&records, now_ms());
                let name = format!("学法备份-{}.json", today().label());
                download_text(&name, &text, "application/json")
            });
            error.set(result.err());
        });
    };
    let summary = move || match count.get() {
        Some(count) => {
            format!("本机现有 {count} 项学法记录。备份文件包含全部记录，可在本机或其他设备上导入。")
        }
        None => "备份文件包含全部学法记录，可在本机或其他设备上导入。".to_string(),
    };
    view! {
        <div class="card">
            <h2>"备份"</h2>
            <p>{summary}</p>
            <button class="primary" on:click=download>"下载备份文件"</button>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}

/// Reads a backup file, shows what merging it would change, and merges it on confirmation.
#[component]
fn RestoreCard() -> impl IntoView {
    let plan = RwSignal::new(None::<ImportPlan>);
    let error = RwSignal::new(None::<String>);
    let choose = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        plan.set(None);
        error.set(None);
        spawn_local(async move {
            let files = match read_chosen_files(&input).await {
                Ok(files) => files,
                Err(message) => return error.set(Some(message)),
            };
            let Some((_, bytes)) = files.into_iter().next() else {
                return;
            };
            input.set_value("");
            let text = String::from_utf8_lossy(&bytes);
            let planned = match decode_backup(text.trim_start_matches('\u{feff}')) {
                Err(e) => Err(e.to_string()),
                Ok(backup) => app_records()
                    .await
                    .map(|records| plan_import(&backup, &records, now_ms())),
            };
            match planned {
                Ok(p) => plan.set(Some(p)),
                Err(message) => error.set(Some(format!("{message}。本机数据没有任何改动。"))),
            }
        });
    };
    let confirm = move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let written = match write_records(&p.asides).await {
                Ok(()) => write_records(&p.writes).await,
                Err(message) => Err(message),
            };
            match written {
                Ok(()) => reload_with_query("done=restored"),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    let preview = move || {
        plan.get().map(|p| {
            let nothing = p.changes_nothing();
            let records = p
                .previews
                .into_iter()
                .map(|record| {
                    let lines = if record.changes.is_empty() {
                        vec!["无变化".to_string()]
                    } else {
                        record.changes
                    };
                    view! {
                        <li>
                            <strong>{record.name}</strong>
                            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="preview" role="region" aria-labelledby="restore-preview">
                    <h3 id="restore-preview" tabindex="-1">"导入后将有以下变化"</h3>
                    <ul class="changes">{records}</ul>
                    <Show
                        when=move || !nothing
                        fallback=|| view! { <p class="status">"备份中的数据本机都已有，无需导入。"</p> }
                    >
                        <button class="primary" on:click=confirm>"确认导入"</button>
                    </Show>
                    <button on:click=move |_| plan.set(None)>"取消"</button>
                </div>
            }
        })
    };
    view! {
        <div class="card">
            <h2>"从备份恢复"</h2>
            <p>"导入时与本机数据合并，不会重复计数；导入前先列出将发生的变化。"</p>
            <label class="file-label" for="backup-file">"选择备份文件（.json）"</label>
            <input type="file" id="backup-file" accept=".json,application/json" on:change=choose />
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {preview}
        </div>
    }
}

/// Removes every record of the app from this device, after a confirmation.
#[component]
fn ClearCard() -> impl IntoView {
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let clear = move |_| {
        spawn_local(async move {
            match clear_app_records().await {
                Ok(()) => reload_with_query("done=cleared"),
                Err(message) => error.set(Some(message)),
            }
        })
    };
    view! {
        <div class="card">
            <h2>"清除数据"</h2>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button class="danger" on:click=move |_| confirming.set(true)>
                            "清除我的数据"
                        </button>
                    }
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="clear-question">
                    <p id="clear-question">
                        "确定要清除本机的全部学法数据吗？学习记录、错题本、考试记录、本单位题库和统计数据都将删除，无法撤销。建议先下载备份。"
                    </p>
                    <button class="danger" on:click=clear>"确认清除"</button>
                    <button on:click=move |_| confirming.set(false)>"取消"</button>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}
