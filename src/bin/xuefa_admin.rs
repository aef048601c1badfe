//! The administrators' app's entry point (`admin/index.html`): panic hook and mount.
//! Natively there is nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(xuefa::ui::AdminApp);
    }
}
