//! The frame both apps share: the header with the main navigation, and the notice line.
//!
//! The site is two apps (see `README.md`, "Two apps"): the learner's (`/`, built as `xuefa`)
//! and the administrators' (`/admin/…`, built as `xuefa-admin`). A navigation link into the
//! other app is a plain link that loads that app's page; a link inside the app is a router link.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use super::state::AppState;

/// Which of the two apps a page belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// The learner's app (`xuefa`): study, exams.
    Learner,
    /// The administrators' app (`xuefa-admin`), under `/admin/`.
    Admin,
}

/// The main navigation: label, path (from the site's base) and the app that serves it.
const NAV: [(&str, &str, Area); 5] = [
    ("学习", "/", Area::Learner),
    ("考试", "/exam", Area::Learner),
    ("统计", "/admin/stats", Area::Admin),
    ("题库", "/bank", Area::Learner),
    ("管理", "/admin/bank", Area::Admin),
];

/// The `href` of a plain link that loads `path` (from the site's base, e.g. `/exam/join?c=…`)
/// as a new page, for `<a rel="external">` (which the router leaves alone): relative to the
/// document's `<base href>`, so a sub-path deployment works too.
pub fn other_app_href(path: &str) -> String {
    match path.trim_start_matches('/') {
        "" => "./".to_string(),
        relative => relative.to_string(),
    }
}

/// A link to `path`: a router link inside the app `here`, a full page load into the other app.
fn nav_link(label: &'static str, path: &'static str, to: Area, here: Area) -> AnyView {
    if to == here {
        view! { <A href=path exact=path == "/">{label}</A> }.into_any()
    } else {
        view! { <a href=other_app_href(path) rel="external">{label}</a> }.into_any()
    }
}

/// The header: the brand and the main navigation — which an exam attempt replaces by a plain
/// "考试进行中", so that no tap in the app leaves a running exam by accident.
#[component]
pub fn Header(
    /// The app this header is shown in.
    here: Area,
) -> impl IntoView {
    let location = use_location();
    let in_attempt = move || location.pathname.get().contains("/exam/attempt/");
    view! {
        <header class="top">
            <Show
                when=in_attempt
                fallback=move || {
                    view! {
                        {match here {
                            Area::Learner => {
                                view! {
                                    <A href="/" exact=true>
                                        <span class="brand">"学法"</span>
                                    </A>
                                }
                                    .into_any()
                            }
                            Area::Admin => {
                                view! {
                                    <a href="./" rel="external">
                                        <span class="brand">"学法"</span>
                                    </a>
                                }
                                    .into_any()
                            }
                        }}
                        <nav aria-label="主导航">
                            {NAV
                                .into_iter()
                                .map(|(label, path, to)| nav_link(label, path, to, here))
                                .collect_view()}
                        </nav>
                    }
                }
            >
                <span class="brand">"学法"</span>
                <span class="in-exam">"考试进行中"</span>
            </Show>
        </header>
    }
}

/// The notice line (storage problems and the like), shown until dismissed.
#[component]
pub fn Notice() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.notice.get().map(|text| {
            view! {
                <div class="notice" role="alert">
                    <p>{text}</p>
                    <button on:click=move |_| state.notice.set(None)>"知道了"</button>
                </div>
            }
        })
    }
}
