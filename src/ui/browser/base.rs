//! Where the app lives on its host (`/` or a sub-path such as `/xuefa`).

/// The path of the document's `<base href>` without its trailing slash: "" at the root,
/// "/xuefa" when Trunk built with `--public-url /xuefa/`.
pub fn base_path() -> String {
    let base_uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname().trim_end_matches('/').to_string())
        .unwrap_or_default()
}
