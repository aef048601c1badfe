//! Handing in an official result: a file, a text code with a copy button, and a QR code.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::exam::{qr_svg, ResultRecord};
use crate::ui::browser::{copy_text, download_text};

/// What the checksum does and does not do, said plainly.
pub const CHECKSUM_NOTE: &str = "成绩记录带有校验码：抄错、漏字或随手改动任何一项（姓名、答案、分数、时间等），导入时都会被发现。但学法是纯静态网页，程序公开，无法阻止有意伪造的人算出新的校验码；因此管理员导入时会按答案重新评分，重要考试请以现场监考为准。";

/// The three ways to hand a result to the unit.
#[component]
pub fn HandIn(
    /// The checksummed record of the attempt.
    record: ResultRecord,
) -> impl IntoView {
    let code = record.code();
    let status = RwSignal::new(None::<String>);
    let qr = qr_svg(&code).map(|svg| format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)));
    let download = {
        let record = record.clone();
        move |_| {
            let done = download_text(&record.file_name(), &record.to_json(), "application/json")
                .map(|()| format!("已下载 {}", record.file_name()));
            status.set(Some(done.unwrap_or_else(|e| e)));
        }
    };
    let copy = {
        let code = code.clone();
        move |_| {
            let code = code.clone();
            spawn_local(async move {
                let done = copy_text(&code)
                    .await
                    .map(|()| "已复制成绩代码".to_string());
                status.set(Some(done.unwrap_or_else(|e| e)));
            });
        }
    };
    view! {
        <div class="card handin no-print">
            <h2>"提交成绩"</h2>
            <p>"请按单位要求，用下面任一方式把成绩交给管理员："</p>
            <div class="actions">
                <button class="primary" on:click=download>"下载成绩文件"</button>
                <button on:click=copy>"复制成绩代码"</button>
            </div>
            {move || status.get().map(|s| view! { <p class="status" role="status">{s}</p> })}
            <label class="field">
                <span>{format!("成绩代码（{} 个字符，可粘贴到聊天消息中）", code.len())}</span>
                <textarea class="result-code" readonly rows="4">{code.clone()}</textarea>
            </label>
            {qr.map(|src| view! {
                <figure class="qr">
                    <img src=src alt="成绩二维码：内容与成绩代码相同" width="240" height="240" />
                    <figcaption>"成绩二维码（内容同成绩代码），可请管理员扫码。"</figcaption>
                </figure>
            })}
            <p class="muted">{format!("校验码 {}。", record.checksum)} {CHECKSUM_NOTE}</p>
        </div>
    }
}
