//! Exporting the bank, or any filtered part of it, as the XLSX template, CSV or GIFT.

use leptos::prelude::*;

use crate::core::bank::{BankFilter, Question};
use crate::core::bank_io::{write_gift, write_template_csv, write_template_xlsx};
use crate::core::formats::XLSX_MIME;
use crate::ui::bank::FilterForm;
use crate::ui::browser::{download_bytes, download_text, today};
use crate::ui::state::AppState;

/// The export card.
#[component]
pub fn ExportCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = RwSignal::new(BankFilter::default());
    let error = RwSignal::new(None::<String>);
    let chosen = move || -> Vec<Question> {
        state
            .study_bank()
            .map(|bank| filter.with(|f| f.apply(&bank).into_iter().cloned().collect()))
            .unwrap_or_default()
    };
    let export = move |format: &'static str| {
        let questions = chosen();
        let name = format!("学法题库-{}.{format}", today().label());
        let done = match format {
            "xlsx" => write_template_xlsx(&questions)
                .and_then(|bytes| download_bytes(&name, &bytes, XLSX_MIME)),
            "csv" => download_bytes(&name, &write_template_csv(&questions), "text/csv"),
            _ => download_text(&name, &write_gift(&questions), "text/plain;charset=utf-8"),
        };
        error.set(done.err());
    };
    view! {
        <div class="card">
            <h2>"导出题目"</h2>
            <p>"先用下面的条件选出要导出的题目（不选即全部）。"</p>
            <FilterForm filter prefix="export" />
            <p class="status" id="export-count">{move || format!("将导出 {} 题", chosen().len())}</p>
            <div class="actions">
                <button id="export-xlsx" on:click=move |_| export("xlsx")>"导出 Excel"</button>
                <button id="export-csv" on:click=move |_| export("csv")>"导出 CSV"</button>
                <button id="export-gift" on:click=move |_| export("gift")>"导出 GIFT"</button>
            </div>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
        </div>
    }
}
