//! The browser shell of ethics-advisor: a Yew app over the pure rule engine.
//!
//! `state` holds the one reducible state and the actions named after what the user did;
//! `components` are small function components, one screen or widget each; `hooks` are the
//! effects on the page around it (history, shortcuts, title and focus); `routing` maps
//! screens to URL fragments (question IDs only, never answers); `i18n` holds the app's own
//! wording. The rule pack is compiled at build time and embedded by `embedded_pack`.

pub mod app;
pub mod components;
pub mod embedded_pack;
pub mod hooks;
pub mod i18n;
pub mod routing;
pub mod state;
pub mod summary;

pub use app::{App, AppProps};

use std::cell::RefCell;

thread_local! {
    /// Where the advisor is mounted: in the page, or in the shadow root of `<ethics-advisor>`.
    static MOUNTED_IN: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Mounts the advisor into `root` with the host page's options.
pub fn mount(root: web_sys::Element, options: AppProps) {
    MOUNTED_IN.with(|mounted| *mounted.borrow_mut() = Some(root.clone()));
    yew::Renderer::<App>::with_root_and_props(root, options).render();
}

/// The advisor's first element matching a CSS selector, wherever it is mounted: `document`
/// cannot see into the shadow root of the sealed embed.
pub fn find(selector: &str) -> Option<web_sys::Element> {
    match MOUNTED_IN.with(|mounted| mounted.borrow().clone()) {
        Some(root) => root.query_selector(selector).ok().flatten(),
        // Mounted by other means (the component tests): the page is the place to look.
        None => web_sys::window()?.document()?.query_selector(selector).ok().flatten(),
    }
}
