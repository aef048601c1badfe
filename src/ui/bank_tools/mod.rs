//! The bank tools (题库管理): import question files, manage the unit's imported sets, export
//! the bank or part of it. Mounted by the administrators' app only (`/admin/bank`), since it
//! pulls in the XLSX reader and writer; the learner's app reads the imported sets from storage.

mod export;
mod import;
mod sets;

use crate::ui::shell::other_app_href;
use leptos::prelude::*;

use export::ExportCard;
use import::ImportCard;
use sets::SetsCard;

/// The 题库管理 page.
#[component]
pub fn BankToolsPage() -> impl IntoView {
    view! {
        <section class="page bank-tools">
            <h1>"题库管理"</h1>
            <p class="lead">
                "导入本单位的题目（如地方法规、往年试题），供本机练习；导出题库给其他系统使用。导入的题目只保存在本浏览器中。"
            </p>
            <div class="actions">
                <a href=other_app_href("/bank") rel="external" class="button">"← 返回题库"</a>
            </div>
            <ImportCard />
            <SetsCard />
            <ExportCard />
        </section>
    }
}
