//! Entry points for the page's script: [`start`] gives the app its rule pack and mounts it
//! into `#ethics-advisor` (or `<body>`); `<ethics-advisor>` elements (the sealed embed) are
//! mounted by `boot.js` through [`mount_sealed`], each in its own shadow root.

use ethics_advisor::AppProps;
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The options a host element gives in its `data-*` attributes.
fn options(host: Option<&web_sys::Element>, own_page: bool) -> AppProps {
    let option = |name: &str| host.and_then(|h| h.get_attribute(name)).filter(|v| !v.trim().is_empty()).map(Into::into);
    let steps_in_title = own_page || host.and_then(|h| h.get_attribute("data-title")).is_some_and(|v| v == "steps");
    AppProps { lang: option("data-lang"), topic: option("data-topic"), mode: option("data-mode"), steps_in_title }
}

/// The page starts the app through [`start`], once it has the rule pack's bytes.
fn main() {}

/// Starts the advisor with the rule pack the page carries: mounts it into `#ethics-advisor`
/// (reading its `data-*` options), or into `<body>` if the page has no such element and no
/// `<ethics-advisor>` (those are mounted by `boot.js` through [`mount_sealed`]). A pack that
/// cannot be read is shown as an error in the advisor's place. An embed's pack has one
/// language's texts, and `load_language` (`(code) => Promise<Uint8Array>`) fetches another's.
#[wasm_bindgen]
pub fn start(pack: &[u8], load_language: Option<js_sys::Function>) {
    // The app reads the outcome through `embedded_pack::load` and shows any error itself.
    let _ = ethics_advisor::embedded_pack::provide(pack, load_language);
    let document = web_sys::window().and_then(|w| w.document()).expect("the advisor runs in a browser page");
    let host = document.get_element_by_id("ethics-advisor");
    if host.is_none() && document.query_selector("ethics-advisor").ok().flatten().is_some() {
        return; // only sealed embeds on this page: boot.js mounts them
    }
    let own_page = document.document_element().is_some_and(|html| html.has_attribute("data-ethics-advisor-page"));
    let props = options(host.as_ref(), own_page);
    match host.or_else(|| document.body().map(Into::into)) {
        Some(root) => ethics_advisor::mount(root, props),
        None => web_sys::console::error_1(&"ethics-advisor: no #ethics-advisor element and no <body> to mount into".into()),
    }
}

/// Mounts the advisor into `root`, an element in the shadow root of `host`, an
/// `<ethics-advisor>` element whose `data-*` attributes are the options.
#[wasm_bindgen]
pub fn mount_sealed(host: web_sys::Element, root: web_sys::Element) {
    ethics_advisor::mount(root, options(Some(&host), false));
}
