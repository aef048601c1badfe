//! The administrator's screen to issue an official exam and share its link and code.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::ExamState;
use crate::core::bank::QuestionKind;
use crate::core::bank_io::ImportedBank;
use crate::core::exam::{
    bank_version, draw, exam_code, exam_link, Blueprint, CountRule, DrawOrder, ExamDefinition,
    MultipleRule, ReviewRule, Section, UnitDraw, Window,
};
use crate::core::law::Book;
use crate::ui::browser::{
    base_path, copy_text, local_time, now_ms, parse_local_datetime, random_tag,
};
use crate::ui::shell::other_app_href;
use crate::ui::state::AppState;

/// The address of the app (origin and base path), for share links.
fn app_address() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", base_path())
}

/// A number typed into a field, or an error naming the field.
fn number(field: &str, value: &str) -> Result<u32, String> {
    value
        .trim()
        .parse()
        .map_err(|_| format!("“{field}”须为整数"))
}

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Form {
    title: RwSignal<String>,
    minutes: RwSignal<String>,
    opens: RwSignal<String>,
    closes: RwSignal<String>,
    attempts: RwSignal<String>,
    counts: RwSignal<String>,
    pass_line: RwSignal<String>,
    excellence_line: RwSignal<String>,
    review: RwSignal<String>,
    multiple: RwSignal<String>,
    units: RwSignal<String>,
    kinds: [(RwSignal<String>, RwSignal<String>); 3],
    books: RwSignal<Vec<Book>>,
    /// The imported set to draw from (its id; empty for none), how many, points each.
    unit_set: RwSignal<String>,
    unit_count: RwSignal<String>,
    unit_points: RwSignal<String>,
}

impl Form {
    fn new() -> Form {
        let text = |s: &str| RwSignal::new(s.to_string());
        Form {
            title: text(""),
            minutes: text("60"),
            opens: text(""),
            closes: text(""),
            attempts: text("1"),
            counts: text("highest"),
            pass_line: text("60"),
            excellence_line: text("90"),
            review: text("after-submit"),
            multiple: text("all"),
            units: text(""),
            kinds: [
                (text("30"), text("2")),
                (text("10"), text("2")),
                (text("20"), text("1")),
            ],
            books: RwSignal::new(vec![]),
            unit_set: text(""),
            unit_count: text("10"),
            unit_points: text("1"),
        }
    }

    /// The exam the form describes, checked by the core; a unit draw carries its set's
    /// questions from `imported`.
    fn exam(&self, version: String, imported: &ImportedBank) -> Result<ExamDefinition, String> {
        let kinds = [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::Judge,
        ];
        let mut sections = Vec::new();
        for (kind, (count, points)) in kinds.into_iter().zip(self.kinds) {
            let count = number(&format!("{}题数", kind.label()), &count.get())?;
            let points = number(&format!("{}分值", kind.label()), &points.get())?;
            if count > 0 {
                sections.push(Section {
                    kind,
                    count: u16::try_from(count).map_err(|_| "题数过多".to_string())?,
                    points: u16::try_from(points).map_err(|_| "分值过大".to_string())?,
                });
            }
        }
        let window = match (
            parse_local_datetime(&self.opens.get()),
            parse_local_datetime(&self.closes.get()),
        ) {
            (None, None) => None,
            (Some(opens_ms), Some(closes_ms)) => Some(Window {
                opens_ms,
                closes_ms,
            }),
            _ => return Err("开始时间和结束时间须同时填写，或都不填".into()),
        };
        let count = number("本单位题数", &self.unit_count.get())?;
        let (unit, unit_questions) = match imported.set(&self.unit_set.get()) {
            Some(set) if count > 0 => (
                Some(UnitDraw {
                    set: set.id.clone(),
                    count: u16::try_from(count).map_err(|_| "题数过多".to_string())?,
                    points: u16::try_from(number("本单位每题分值", &self.unit_points.get())?)
                        .map_err(|_| "分值过大".to_string())?,
                }),
                set.questions.clone(),
            ),
            _ => (None, vec![]),
        };
        let exam = ExamDefinition {
            id: format!("E{}{}", now_ms() / 1000, random_tag()),
            title: self.title.get().trim().to_string(),
            official: true,
            blueprint: Blueprint {
                sections,
                books: self.books.get(),
                difficulties: vec![],
                shuffle_options: true,
                unit,
                draw: DrawOrder::FOR_NEW_EXAMS,
            },
            bank_version: version,
            minutes: number("考试时长", &self.minutes.get())?,
            window,
            attempts_allowed: number("允许作答次数", &self.attempts.get())?,
            counts: match self.counts.get().as_str() {
                "latest" => CountRule::Latest,
                "first" => CountRule::First,
                _ => CountRule::Highest,
            },
            pass_line: number("及格线", &self.pass_line.get())?,
            excellence_line: number("优秀线", &self.excellence_line.get())?,
            review: match self.review.get().as_str() {
                "after-window" => ReviewRule::AfterWindowCloses,
                "never" => ReviewRule::Never,
                _ => ReviewRule::AfterSubmit,
            },
            multiple_rule: match self.multiple.get().as_str() {
                "half" => MultipleRule::HalfForSubset,
                _ => MultipleRule::AllOrNothing,
            },
            units: self
                .units
                .get()
                .lines()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(str::to_string)
                .collect(),
            unit_questions,
        };
        exam.validate()?;
        Ok(exam)
    }
}

fn text_field(label: &'static str, value: RwSignal<String>, kind: &'static str) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input type=kind prop:value=value on:input=move |e| value.set(event_target_value(&e)) />
        </label>
    }
}

fn select_field(
    label: &'static str,
    value: RwSignal<String>,
    options: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <select on:change=move |e| value.set(event_target_value(&e))>
                {options.iter().map(|&(v, text)| view! { <option value=v selected=move || value.get() == v>{text}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// The issue screen (`/admin/issue`, in the administrators' app): the form, then the link and code of the new exam.
#[component]
pub fn IssuePage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let exams = expect_context::<ExamState>();
    let form = Form::new();
    let error = RwSignal::new(None::<String>);
    let issued = RwSignal::new(None::<ExamDefinition>);

    let issue = move |_| {
        let Some(bank) = app.ready_bank() else { return };
        let imported = app.imported.get_untracked();
        let exam = form.exam(bank_version(&bank), &imported).and_then(|exam| {
            let joined = exam.joined_bank(&bank);
            draw(&exam.blueprint, joined.as_ref().unwrap_or(&bank), 0)
                .map_err(|e| e.to_string())?;
            Ok(exam)
        });
        match exam {
            Ok(exam) => {
                exams.change(|store| store.issued.push(exam.clone()));
                error.set(None);
                issued.set(Some(exam));
            }
            Err(message) => error.set(Some(message)),
        }
    };

    let kinds = [QuestionKind::Single, QuestionKind::Multiple, QuestionKind::Judge]
        .into_iter()
        .zip(form.kinds)
        .map(|(kind, (count, points))| {
            view! {
                <div class="kind-row">
                    <span>{kind.label()}</span>
                    <label>"题数 " <input type="number" min="0" prop:value=count on:input=move |e| count.set(event_target_value(&e)) /></label>
                    <label>"每题 " <input type="number" min="1" prop:value=points on:input=move |e| points.set(event_target_value(&e)) /> " 分"</label>
                </div>
            }
        })
        .collect_view();
    let books = Book::ALL
        .into_iter()
        .map(|book| {
            let on = move || form.books.with(|b| b.contains(&book));
            view! {
                <label class="check">
                    <input type="checkbox" prop:checked=on on:change=move |_| form.books.update(|b| {
                        match b.iter().position(|&x| x == book) {
                            Some(at) => { b.remove(at); }
                            None => { b.push(book); b.sort(); }
                        }
                    }) />
                    {book.name()}
                </label>
            }
        })
        .collect_view();

    view! {
        <section class="page issue">
            <h1>"发布正式考试"</h1>
            <p class="lead">"填写考试规则后生成考试链接和考试码，发给参考人员即可。考试定义全部写在链接里，无需服务器。"</p>
            {text_field("考试名称", form.title, "text")}
            <fieldset>
                <legend>"试卷"</legend>
                {kinds}
                <p class="muted">"出题范围（不选则为全部各编）："</p>
                <div class="books-pick">{books}</div>
                <Show when=move || app.imported.with(|b| !b.sets.is_empty())>
                    <div class="kind-row unit-row">
                        <label>
                            "另从本单位题库抽取 "
                            <select id="issue-unit-set" on:change=move |e| form.unit_set.set(event_target_value(&e))>
                                <option value="">"不抽取"</option>
                                {move || {
                                    app.imported
                                        .get()
                                        .sets
                                        .into_iter()
                                        .map(|s| view! { <option value=s.id.clone()>{format!("{}（{} 题）", s.name, s.questions.len())}</option> })
                                        .collect_view()
                                }}
                            </select>
                        </label>
                        <label>"题数 " <input type="number" min="0" id="issue-unit-count" prop:value=form.unit_count on:input=move |e| form.unit_count.set(event_target_value(&e)) /></label>
                        <label>"每题 " <input type="number" min="1" id="issue-unit-points" prop:value=form.unit_points on:input=move |e| form.unit_points.set(event_target_value(&e)) /> " 分"</label>
                    </div>
                    <p class="muted">"本单位题目随考试链接一起发出，参考人员无需导入。"</p>
                </Show>
            </fieldset>
            {text_field("考试时长（分钟）", form.minutes, "number")}
            {text_field("开始时间（可不填）", form.opens, "datetime-local")}
            {text_field("结束时间（可不填）", form.closes, "datetime-local")}
            {text_field("每人允许作答次数（0 为不限）", form.attempts, "number")}
            {select_field("多次作答时计入", form.counts, &[("highest", "最高分"), ("latest", "最后一次"), ("first", "第一次")])}
            {text_field("及格线（分）", form.pass_line, "number")}
            {text_field("优秀线（分）", form.excellence_line, "number")}
            {select_field("答案与解析", form.review, &[("after-submit", "交卷后即可查看"), ("after-window", "考试结束时间过后查看"), ("never", "不公布")])}
            {select_field("多选题计分", form.multiple, &[("all", "全对才得分"), ("half", "少选（所选均正确）得一半分")])}
            <label class="field">
                <span>"参考单位（每行一个）"</span>
                <textarea rows="5" prop:value=form.units on:input=move |e| form.units.set(event_target_value(&e))></textarea>
            </label>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            <button class="primary" on:click=issue disabled=move || app.ready_bank().is_none()>"生成考试链接"</button>
            {move || issued.get().map(|exam| view! { <Share exam /> })}
            <IssuedList />
        </section>
    }
}

/// The link and code of an issued exam, with copy buttons.
#[component]
fn Share(
    /// The issued exam.
    exam: ExamDefinition,
) -> impl IntoView {
    let link = exam_link(&app_address(), &exam);
    let code = exam_code(&exam);
    let status = RwSignal::new(None::<String>);
    let copy = move |text: String, what: &'static str| {
        spawn_local(async move {
            let done = copy_text(&text).await.map(|()| format!("已复制{what}"));
            status.set(Some(done.unwrap_or_else(|e| e)));
        });
    };
    let (link2, code2) = (link.clone(), code.clone());
    let path = format!("/exam/join?c={code}");
    view! {
        <div class="card share">
            <h2>"考试已生成：" {exam.title.clone()}</h2>
            <label class="field">
                <span>"考试链接"</span>
                <textarea class="exam-link" readonly rows="3">{link.clone()}</textarea>
            </label>
            <button on:click=move |_| copy(link2.clone(), "考试链接")>"复制链接"</button>
            <label class="field">
                <span>"考试码（链接打不开时，在“考试”页粘贴）"</span>
                <textarea class="exam-code" readonly rows="3">{code.clone()}</textarea>
            </label>
            <button on:click=move |_| copy(code2.clone(), "考试码")>"复制考试码"</button>
            {move || status.get().map(|s| view! { <p class="status" role="status">{s}</p> })}
            <p>
                <a href=other_app_href(&path) rel="external">
                    "打开考试封面"
                </a>
            </p>
        </div>
    }
}

/// Exams issued on this device.
#[component]
fn IssuedList() -> impl IntoView {
    let exams = expect_context::<ExamState>();
    let rows = move || {
        exams
            .store
            .get()
            .issued
            .into_iter()
            .rev()
            .map(|exam| {
                let window = exam
                    .window
                    .map(|w| format!("{} 至 {}", local_time(w.opens_ms), local_time(w.closes_ms)))
                    .unwrap_or_else(|| "不限时段".into());
                view! {
                    <li>
                        <a
                            href=other_app_href(&format!("/exam/join?c={}", exam_code(&exam)))
                            rel="external"
                        >
                            {exam.title.clone()}
                        </a>
                        <span class="muted">{format!(" · {} 分钟 · {window}", exam.minutes)}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h2>"本机发布过的考试"</h2>
        <ul class="issued">{rows}</ul>
    }
}
