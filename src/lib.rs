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

/// Mounts the advisor into `root` with the host page's options.
pub fn mount(root: web_sys::Element, options: AppProps) {
    yew::Renderer::<App>::with_root_and_props(root, options).render();
}
