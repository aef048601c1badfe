//! The report on screen: the sortable unit table with its 双100% mark, bar charts and the
//! score histogram, records set apart, the 未参考名单, the item analysis, exports and print.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::Computed;
use crate::core::bank::Bank;
use crate::core::formats::{write_csv, write_xlsx, XLSX_MIME};
use crate::core::units::{
    absent_rows, format_rate, item_rows, most_missed, report_workbook, results_rows,
    score_histogram, sorted_rows, summary_rows, Person, UnitColumn, UnitRow, SUMMARY_HEADERS,
};
use crate::ui::browser::{
    download_bytes, download_text, local_date, mark_after_paint, now_ms, print_page,
};
use crate::ui::state::AppState;

/// The whole report of the computed inputs.
#[component]
pub fn Dashboard(computed: Arc<Computed>) -> impl IntoView {
    let c = computed;
    // For the benchmark: when a report has painted.
    Effect::new(|_| mark_after_paint("xuefa:dashboard-painted"));
    view! {
        <Exports computed=c.clone() />
        <UnitTable rows=c.report.rows.clone() total=c.report.total.clone() />
        <Charts computed=c.clone() />
        <SetApart computed=c.clone() />
        <Absent computed=c.clone() />
        <Items computed=c />
    }
}

fn cell_text(row: &UnitRow, column: UnitColumn) -> String {
    match column {
        UnitColumn::Unit => row.unit.clone(),
        UnitColumn::Expected => row.expected.to_string(),
        UnitColumn::Sat => row.sat.to_string(),
        UnitColumn::Participation => format_rate(row.participation_rate()),
        UnitColumn::Passed => row.passed.to_string(),
        UnitColumn::PassRate => format_rate(row.pass_rate()),
        UnitColumn::Excellent => row.excellent.to_string(),
        UnitColumn::Excellence => format_rate(row.excellence_rate()),
        UnitColumn::Average => row
            .average()
            .map_or_else(|| "—".into(), |a| format!("{a:.1}")),
        UnitColumn::DoubleHundred => if row.is_double_hundred() {
            "★ 双100%"
        } else {
            ""
        }
        .into(),
    }
}

fn table_row(row: &UnitRow, class: &'static str) -> impl IntoView {
    let cells = UnitColumn::ALL
        .iter()
        .map(|&column| view! { <td>{cell_text(row, column)}</td> })
        .collect_view();
    view! { <tr class=class>{cells}</tr> }
}

/// One row per unit and the totals; a tap on a header sorts by it (again: the other way).
#[component]
fn UnitTable(rows: Vec<UnitRow>, total: UnitRow) -> impl IntoView {
    let sort = RwSignal::new(None::<(UnitColumn, bool)>);
    let headers = UnitColumn::ALL
        .iter()
        .zip(SUMMARY_HEADERS)
        .map(|(&column, title)| {
            let mark = move || match sort.get() {
                Some((c, true)) if c == column => " ▼",
                Some((c, false)) if c == column => " ▲",
                _ => "",
            };
            let aria = move || match sort.get() {
                Some((c, true)) if c == column => "descending",
                Some((c, false)) if c == column => "ascending",
                _ => "none",
            };
            let toggle = move |_| {
                sort.update(|s| {
                    *s = match *s {
                        Some((c, descending)) if c == column => Some((column, !descending)),
                        _ => Some((column, column != UnitColumn::Unit)),
                    }
                })
            };
            view! {
                <th aria-sort=aria>
                    <button class="sort" on:click=toggle>{title}{mark}</button>
                </th>
            }
        })
        .collect_view();
    let body = move || {
        let shown = match sort.get() {
            Some((column, descending)) => sorted_rows(&rows, column, descending),
            None => rows.clone(),
        };
        shown
            .iter()
            .map(|row| {
                table_row(
                    row,
                    if row.is_double_hundred() {
                        "double"
                    } else {
                        ""
                    },
                )
            })
            .collect_view()
    };
    view! {
        <div class="card printable">
            <h2>"各单位统计"</h2>
            <div class="table-scroll">
                <table class="breakdown units" id="unit-table">
                    <thead>
                        <tr>{headers}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                    <tfoot>{table_row(&total, "total")}</tfoot>
                </table>
            </div>
        </div>
    }
}

/// A unit name short enough for the 120 units left of a bar: 9 characters, then "…" (the full
/// name is the bar's title).
fn bar_label(unit: &str) -> String {
    const SHOWN: usize = 9;
    if unit.chars().count() <= SHOWN {
        unit.to_string()
    } else {
        unit.chars().take(SHOWN - 1).chain(['…']).collect()
    }
}

/// A horizontal bar per unit for one rate, in a list that is closed at first: its bars are put
/// on the page only once it is opened, so that a county's report paints at once.
fn rate_bars(
    title: &'static str,
    rows: &[UnitRow],
    rate: fn(&UnitRow) -> Option<f64>,
) -> impl IntoView {
    let count = rows.len();
    let height = count * 24 + 8;
    let bars: Vec<(String, String, f64, String)> = rows
        .iter()
        .map(|row| {
            let value = rate(row);
            let width = value.unwrap_or(0.0) * 200.0;
            (
                format!("{}：{}", row.unit, format_rate(value)),
                bar_label(&row.unit),
                width,
                format_rate(value),
            )
        })
        .collect();
    let open = RwSignal::new(false);
    let chart = move || {
        open.get().then(|| {
            let bars = bars
                .iter()
                .enumerate()
                .map(|(i, (full, label, width, shown))| {
                    let y = i * 24 + 4;
                    view! {
                        <g>
                            <title>{full.clone()}</title>
                            <text x="0" y=y + 15 class="bar-label">{label.clone()}</text>
                            <rect x="120" y=y width=format!("{width:.1}") height="18" class="chart-bar" />
                            <text x=format!("{:.1}", 124.0 + width) y=y + 15 class="bar-value">
                                {shown.clone()}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <svg viewBox=format!("0 0 380 {height}") role="img" aria-label=title>
                    {bars}
                </svg>
            }
        })
    };
    view! {
        <details
            class="chart"
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
        >
            <summary>{format!("{title}（{count} 个单位）")}</summary>
            {chart}
        </details>
    }
}

/// 参考率 and 优秀率 per unit, and the histogram of counted scores.
#[component]
fn Charts(computed: Arc<Computed>) -> impl IntoView {
    let rows = &computed.report.rows;
    let total = f64::from(computed.exam.blueprint.total_points());
    let scores: Vec<f64> = computed
        .collection
        .counted
        .iter()
        .map(|a| a.score().as_points())
        .collect();
    let bins = score_histogram(&scores, total);
    let highest = bins.iter().copied().max().unwrap_or(0).max(1);
    let columns = bins
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let h = count as f64 / highest as f64 * 120.0;
            let x = i * 36 + 4;
            view! {
                <g>
                    <rect x=x y=format!("{:.1}", 130.0 - h) width="30" height=format!("{h:.1}") class="chart-bar" />
                    <text x=x + 15 y="146" class="bar-axis">{format!("{}", i * 10)}</text>
                    <text x=x + 15 y=format!("{:.1}", 126.0 - h) class="bar-axis">{count.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <div class="card charts">
            <h2>"图表"</h2>
            {rate_bars("参考率", rows, UnitRow::participation_rate)}
            {rate_bars("优秀率", rows, UnitRow::excellence_rate)}
            <figure class="chart">
                <figcaption>{format!("成绩分布（每 10% 总分一段，总分 {total}）")}</figcaption>
                <svg viewBox="0 0 368 150" role="img" aria-label="成绩分布">{columns}</svg>
            </figure>
        </div>
    }
}

/// Records that do not count, with the reason, and attempts another attempt outranks.
#[component]
fn SetApart(computed: Arc<Computed>) -> impl IntoView {
    let flagged = &computed.collection.flagged;
    let changed: Vec<_> = computed
        .collection
        .counted
        .iter()
        .filter(|a| a.claimed_score_differs())
        .collect();
    let rows = flagged
        .iter()
        .map(|f| {
            let who = f.record.as_ref().map_or_else(String::new, |r| {
                format!(
                    "{}（{}，{}）",
                    r.participant.name, r.participant.staff_id, r.participant.unit
                )
            });
            view! { <li>{format!("{}：{} {who}", f.source, f.flag)}</li> }
        })
        .collect_view();
    let regraded = changed
        .iter()
        .map(|a| {
            view! {
                <li>
                    {format!(
                        "{}：自报 {} 分，复核为 {} 分（按复核计）",
                        a.source,
                        a.record.score,
                        a.score(),
                    )}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="card" id="set-apart">
            <h2>
                {format!(
                    "未计入的成绩（{} 份）；同一人多次作答未计入 {} 份",
                    flagged.len(),
                    computed.collection.superseded.len(),
                )}
            </h2>
            <ul>{rows}</ul>
            {(!changed.is_empty()).then(|| view! { <ul>{regraded}</ul> })}
        </div>
    }
}

/// 未参考名单, per unit and in all. A unit's names are put on the page only once its list is
/// opened, so a county where thousands have not sat yet still renders at once.
#[component]
fn Absent(computed: Arc<Computed>) -> impl IntoView {
    let report = &computed.report;
    let mut by_unit: HashMap<&str, Vec<&Person>> = HashMap::new();
    for person in &report.absent {
        by_unit
            .entry(person.unit.as_str())
            .or_default()
            .push(person);
    }
    let per_unit = report
        .rows
        .iter()
        .map(|row| {
            let people: Vec<Person> = by_unit
                .get(row.unit.as_str())
                .map(|people| people.iter().map(|&p| p.clone()).collect())
                .unwrap_or_default();
            let count = people.len();
            let open = RwSignal::new(false);
            let names = move || {
                open.get().then(|| {
                    people
                        .iter()
                        .map(|p| view! { <li>{format!("{}（{}）", p.name, p.id)}</li> })
                        .collect_view()
                })
            };
            view! {
                <details on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>{format!("{}：{} 人未参考", row.unit, count)}</summary>
                    <ul>{names}</ul>
                </details>
            }
        })
        .collect_view();
    view! {
        <div class="card" id="absent">
            <h2>{format!("未参考名单（共 {} 人）", report.absent.len())}</h2>
            {per_unit}
        </div>
    }
}

/// Facility, discrimination, point-biserial, KR-20 and the most-missed questions.
#[component]
fn Items(computed: Arc<Computed>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let analysis = &computed.items;
    let number = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"));
    let missed = app
        .exam_bank(&computed.exam)
        .map(|bank| most_missed(analysis, &bank, 10))
        .unwrap_or_default();
    let rows = missed
        .into_iter()
        .map(|m| {
            let articles = m
                .articles
                .iter()
                .map(|a| format!("第{a}条"))
                .collect::<Vec<_>>()
                .join("、");
            view! {
                <tr>
                    <td>{m.stats.question.clone()}</td>
                    <td>{m.stem}</td>
                    <td>{articles}</td>
                    <td>{format!("{}/{}", m.stats.right, m.stats.seen)}</td>
                    <td>{format_rate(Some(m.stats.facility()))}</td>
                    <td>{number(m.stats.discrimination)}</td>
                    <td>{number(m.stats.point_biserial)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="card" id="items">
            <h2>"题目分析"</h2>
            <p>
                {format!(
                    "KR-20 信度：{}（高低分组各 {} 人，按 27% 计）",
                    analysis
                        .kr20
                        .map_or_else(|| "—（各人试卷题目不同或人数太少，不计算）".to_string(), |v| format!("{v:.2}")),
                    analysis.group_size,
                )}
            </p>
            <div class="table-scroll">
                <table class="breakdown">
                    <caption>"错得最多的题目"</caption>
                    <thead>
                        <tr>
                            <th>"题号"</th>
                            <th>"题干"</th>
                            <th>"法条"</th>
                            <th>"答对/作答"</th>
                            <th>"通过率"</th>
                            <th>"区分度"</th>
                            <th>"点二列相关"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

/// A file name from the exam title, what it holds and today's date, without characters
/// that file systems refuse; `extension` without the dot.
fn file_name(title: &str, what: &str, extension: &str) -> String {
    let safe: String = title
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    format!("{safe}-{what}-{}.{extension}", local_date(now_ms()))
}

/// The workbook of the whole report: 单位汇总, 个人成绩, 未参考名单, 题目分析.
fn workbook(computed: &Computed, bank: Option<&Bank>) -> Result<Vec<u8>, String> {
    let items = item_rows(&computed.items, bank);
    write_xlsx(&report_workbook(&computed.report, Some(&items)))
}

/// Downloads: the XLSX workbook, CSVs (UTF-8 with BOM), formulas neutralised; the print view.
#[component]
fn Exports(computed: Arc<Computed>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let offer = move |what: &'static str, rows: Vec<Vec<String>>, title: String| {
        let text = String::from_utf8(write_csv(&rows)).expect("CSV is UTF-8");
        let name = file_name(&title, what, "csv");
        if let Err(e) = download_text(&name, &text, "text/csv;charset=utf-8") {
            status.set(Some(e));
        }
    };
    let c0 = computed.clone();
    let offer_workbook = move |_| {
        let bank = app.ready_bank();
        let saved = workbook(&c0, bank.as_deref()).and_then(|bytes| {
            let name = file_name(&c0.exam.title, "统计报表", "xlsx");
            download_bytes(&name, &bytes, XLSX_MIME)
        });
        if let Err(e) = saved {
            status.set(Some(e));
        }
    };
    let (c1, c2, c3) = (computed.clone(), computed.clone(), computed);
    view! {
        <div class="card exports">
            <h2>"导出"</h2>
            <button class="primary" id="export-xlsx" on:click=offer_workbook>
                "全部导出为 Excel（.xlsx）"
            </button>
            <button id="export-summary" on:click=move |_| offer("单位汇总", summary_rows(&c1.report), c1.exam.title.clone())>
                "单位汇总 CSV"
            </button>
            <button id="export-results" on:click=move |_| offer("个人成绩", results_rows(&c2.report.counted), c2.exam.title.clone())>
                "个人成绩 CSV"
            </button>
            <button id="export-absent" on:click=move |_| offer("未参考名单", absent_rows(&c3.report), c3.exam.title.clone())>
                "未参考名单 CSV"
            </button>
            <button id="print-units" on:click=move |_| print_page()>"打印单位统计表"</button>
            {move || status.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
        </div>
    }
}
