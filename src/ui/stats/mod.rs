//! The statistics page (统计): pick an exam, import the roster and the results, read the
//! per-unit report, who has not sat, the item analysis, and export them.

mod dashboard;
mod imports;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::exam::ExamDefinition;
use crate::core::units::{
    collect_results, item_analysis, AdminStore, CollectedInput, Collection, ItemAnalysis, Roster,
    UnitReport,
};
use crate::ui::browser::{load_admin, now_ms, save_admin};
use crate::ui::state::AppState;
use dashboard::Dashboard;
use imports::{ExamPicker, ResultsImport, RosterImport};

/// What the page has gathered so far.
#[derive(Clone, Copy)]
struct StatsInputs {
    exam: RwSignal<Option<ExamDefinition>>,
    roster: RwSignal<Option<Roster>>,
    results: RwSignal<Vec<CollectedInput>>,
}

/// Everything computed from the inputs.
struct Computed {
    exam: ExamDefinition,
    collection: Collection,
    report: UnitReport,
    items: ItemAnalysis,
}

/// The 统计 page.
#[component]
pub fn StatsPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let inputs = StatsInputs {
        exam: RwSignal::new(None),
        roster: RwSignal::new(None),
        results: RwSignal::new(Vec::new()),
    };
    provide_context(inputs);
    // Stored data arrives from IndexedDB after the first render; nothing is saved before it
    // has (nor at all when this visit must not write, see `load_admin`).
    let loading = RwSignal::new(true);
    let writable = RwSignal::new(false);
    spawn_local(async move {
        let loaded = load_admin(now_ms()).await;
        if let Some(message) = loaded.notice {
            app.notice.set(Some(message));
        }
        let stored = loaded.value;
        inputs.exam.set(stored.exam.clone());
        inputs.roster.set(stored.roster());
        inputs.results.set(stored.results);
        writable.set(loaded.writable);
        loading.set(false);
    });
    Effect::new(move |_| {
        let mut store = AdminStore {
            exam: inputs.exam.get(),
            results: inputs.results.get(),
            ..AdminStore::default()
        };
        inputs.roster.with(|r| store.set_roster(r.as_ref()));
        if writable.get() {
            spawn_local(async move {
                if let Err(message) = save_admin(&store).await {
                    app.notice.set(Some(message));
                }
            });
        }
    });
    let computed = Memo::new(move |_| {
        let bank = app.ready_bank()?;
        let exam = inputs.exam.get()?;
        let roster = inputs.roster.get()?;
        let collection = inputs
            .results
            .with(|results| collect_results(&exam, &bank, &roster, results));
        let report = collection.report(&exam, &roster);
        let items = item_analysis(&collection.responses());
        Some(Arc::new(Computed {
            exam,
            collection,
            report,
            items,
        }))
    });
    view! {
        <section class="page stats">
            <h1>"统计"</h1>
            <p class="lead">
                "选择考试，导入应考名单和成绩文件，即可得到各单位参考率、优秀率和未参考名单。数据只在本机处理。"
            </p>
            {move || loading.get().then(|| view! { <p class="status" id="stats-loading">"正在读取已保存的统计数据…"</p> })}
            <ExamPicker />
            <RosterImport />
            <ResultsImport />
            {move || match computed.get() {
                Some(c) => view! { <Dashboard computed=c /> }.into_any(),
                None => {
                    view! { <p class="muted">"选好考试并导入应考名单后，这里显示统计结果。"</p> }
                        .into_any()
                }
            }}
        </section>
    }
}

impl PartialEq for Computed {
    fn eq(&self, other: &Computed) -> bool {
        self.exam == other.exam
            && self.collection == other.collection
            && self.report == other.report
            && self.items == other.items
    }
}
