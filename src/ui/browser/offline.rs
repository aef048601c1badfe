//! The service worker (`sw.js`) that keeps the site working offline, and its updates.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use super::base_path;

/// The browser's service worker container, if it has one (not in insecure contexts).
fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|value| !value.is_undefined());
    present.then(|| navigator.service_worker())
}

/// Registers `sw.js`; calls `on_update` once a new version is installed and waiting while an
/// older one controls the page.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    let Some(container) = service_workers() else {
        return;
    };
    let promise = container.register(&format!("{}/sw.js", base_path()));
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let on_update = std::rc::Rc::new(on_update);
        let controlled = move || service_workers().and_then(|c| c.controller()).is_some();
        if registration.waiting().is_some() && controlled() {
            on_update();
        }
        let watched = registration.clone();
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_update = on_update.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && controlled() {
                    on_update();
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

/// Lets the waiting new version take over and reloads the page once it has.
pub fn apply_update() {
    let Some(container) = service_workers() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let registration: Option<ServiceWorkerRegistration> = registration.dyn_into().ok();
        if let Some(waiting) = registration.and_then(|r| r.waiting()) {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
