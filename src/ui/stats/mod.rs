//! The statistics page (统计): pick an exam, import the roster and the results, read the
//! per-unit report, who has not sat, the item analysis, and export them.

mod dashboard;
mod imports;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::exam::{bank_version, ExamDefinition};
use crate::core::units::{
    item_analysis, read_results_table, AdminStore, CollectedInput, Collection, Collector,
    ItemAnalysis, Roster, ScoredResult, UnitReport,
};
use crate::ui::browser::{after_paint, load_admin, mark, now_ms, save_admin, TimeSlice};

/// How many collected records are checked as one part (progress counts parts).
const COLLECT_PART: usize = 500;
/// How long (ms) collecting works between two looks at the screen: parts are taken until it
/// has passed, so that fast parts do not each wait for a timer.
const SLICE_MS: u64 = 40;
/// How many rows of a results table are kept (and read back) as one part.
pub(super) const TABLE_PART: usize = 50_000;
use crate::ui::state::AppState;
use crate::ui::widgets::ProgressBar;
use dashboard::Dashboard;
use imports::{ExamPicker, ResultsImport, RosterImport};

/// What the page has gathered so far.
#[derive(Clone, Copy)]
struct StatsInputs {
    exam: RwSignal<Option<ExamDefinition>>,
    roster: RwSignal<Option<Roster>>,
    results: RwSignal<Vec<CollectedInput>>,
    /// Result tables other administrators exported, kept as CSV text.
    tables: RwSignal<Vec<CollectedInput>>,
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
        tables: RwSignal::new(Vec::new()),
    };
    provide_context(inputs);
    // Stored data arrives from IndexedDB after the first render; nothing is saved before it
    // has (nor at all when this visit must not write, see `load_admin`), and what was just
    // read cleanly is not written straight back (a province's data is tens of megabytes).
    let loading = RwSignal::new(true);
    let writable = RwSignal::new(false);
    let just_read = StoredValue::new(false);
    spawn_local(async move {
        let loaded = load_admin(now_ms()).await;
        just_read.set_value(loaded.notice.is_none());
        if let Some(message) = loaded.notice {
            app.notice.set(Some(message));
        }
        let stored = loaded.value;
        inputs.exam.set(stored.exam.clone());
        inputs.roster.set(stored.roster());
        inputs.results.set(stored.results);
        inputs.tables.set(stored.tables);
        writable.set(loaded.writable);
        loading.set(false);
    });
    // Collecting re-grades every record: done a part at a time, with progress shown between
    // parts, and started afresh (the older run abandoned) whenever an input changes.
    let computed = RwSignal::new(None::<Arc<Computed>>);
    let progress = RwSignal::new(None::<(usize, usize)>);
    // Each change of the inputs is saved once collecting is over and the report has painted,
    // so that writing megabytes of result codes does not hold up the report; until every such
    // write has finished the page says so (closing it then would lose the change).
    let saving = RwSignal::new(0usize);
    Effect::new(move |_| {
        inputs.exam.track();
        inputs.roster.track();
        inputs.results.track();
        inputs.tables.track();
        if !writable.get() {
            return;
        }
        if just_read.get_value() {
            just_read.set_value(false);
            return;
        }
        saving.update(|n| *n += 1);
        spawn_local(async move {
            after_paint().await;
            while progress.get_untracked().is_some() {
                after_paint().await;
            }
            // The report is put on the page when collecting ends; one more frame lets it paint
            // (and the tasks queued behind that paint run) before the encoding holds the page.
            after_paint().await;
            let mut store = AdminStore {
                exam: inputs.exam.get_untracked(),
                results: inputs.results.get_untracked(),
                tables: inputs.tables.get_untracked(),
                ..AdminStore::default()
            };
            inputs
                .roster
                .with_untracked(|r| store.set_roster(r.as_ref()));
            if let Err(message) = save_admin(&store).await {
                app.notice.set(Some(message));
            }
            saving.update(|n| *n -= 1);
        });
    });
    let run = StoredValue::new(0u64);
    // The loaded bank's version, which records must name: hashed once per bank, not per run.
    let loaded_version = Memo::new(move |_| app.ready_bank().map(|bank| bank_version(&bank)));
    Effect::new(move |_| {
        let bank = app.ready_bank();
        let version = loaded_version.get();
        let (exam, roster) = (inputs.exam.get(), inputs.roster.get());
        // The records are read a part at a time where they are, not copied (they may be
        // megabytes); any change to them starts a new run, which the old one notices when it
        // next yields, before it reads on.
        let records = inputs.results.with(Vec::len);
        let tables = inputs.tables.get();
        run.update_value(|r| *r += 1);
        let this_run = run.get_value();
        let (Some(bank), Some(version), Some(exam), Some(roster)) = (bank, version, exam, roster)
        else {
            computed.set(None);
            progress.set(None);
            return;
        };
        spawn_local(async move {
            // Steps: each part of the records, then each kept part of a results table.
            let steps = records.div_ceil(COLLECT_PART) + tables.len();
            let mut slice = TimeSlice::new(SLICE_MS);
            let joined = exam.joined_bank(&bank);
            let exam_bank = joined.as_ref().unwrap_or(&bank);
            let mut collector = Collector::new(&exam, &version, exam_bank, &roster);
            for (step, start) in (0..records).step_by(COLLECT_PART).enumerate() {
                if slice.is_spent() {
                    progress.set(Some((step, steps)));
                    slice.yield_now().await;
                    if run.get_value() != this_run {
                        return;
                    }
                }
                let part = start..(start + COLLECT_PART).min(records);
                // Shorter only if they changed since, and then this run is abandoned anyway.
                inputs.results.with_untracked(|results| {
                    if let Some(part) = results.get(part) {
                        collector.add(part);
                    }
                });
            }
            let collection = collector.finish();
            let mut table_rows: Vec<ScoredResult> = Vec::new();
            let records_steps = steps - tables.len();
            for (step, table) in tables.iter().enumerate() {
                if slice.is_spent() {
                    progress.set(Some((records_steps + step, steps)));
                    slice.yield_now().await;
                    if run.get_value() != this_run {
                        return;
                    }
                }
                // Kept parts were checked when imported and are read back unchanged.
                if let Ok(rows) = read_results_table(table.text.as_bytes()) {
                    table_rows.extend(rows);
                }
            }
            let report = collection.report_with_tables(&exam, &roster, &table_rows);
            let items = item_analysis(&collection.responses());
            if run.get_value() != this_run {
                return;
            }
            progress.set(None);
            // For the benchmark: collecting and reporting done, painting to come.
            mark("xuefa:results-collected");
            computed.set(Some(Arc::new(Computed {
                exam,
                collection,
                report,
                items,
            })));
        });
    });
    view! {
        <section class="page stats">
            <h1>"统计"</h1>
            <p class="lead">
                "选择考试，导入应考名单和成绩文件，即可得到各单位参考率、优秀率和未参考名单。数据只在本机处理。"
            </p>
            {move || loading.get().then(|| view! { <p class="status" id="stats-loading">"正在读取已保存的统计数据…"</p> })}
            {move || {
                (saving.get() > 0)
                    .then(|| {
                        view! {
                            <p class="status" id="stats-saving" role="status">
                                "正在保存到本机，请稍候再关闭页面…"
                            </p>
                        }
                    })
            }}
            <ExamPicker />
            <RosterImport />
            <ResultsImport />
            {move || {
                progress
                    .get()
                    .map(|(done, total)| {
                        let percent = (done * 100).checked_div(total).unwrap_or(0);
                        view! {
                            <div class="card" id="collect-progress">
                                <p class="status">{format!("正在核对成绩：{percent}%")}</p>
                                <ProgressBar label="核对成绩" done total />
                            </div>
                        }
                    })
            }}
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
