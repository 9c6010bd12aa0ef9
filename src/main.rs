//! Entry point: mounts the advisor into `#ethics-advisor` (reading its `data-lang` and
//! `data-topic` options), or into `<body>` if the host page has no such element.

use ethics_advisor::AppProps;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    let document = web_sys::window().and_then(|w| w.document()).expect("the advisor runs in a browser page");
    let host = document.get_element_by_id("ethics-advisor");
    let option = |name: &str| host.as_ref().and_then(|h| h.get_attribute(name)).filter(|v| !v.trim().is_empty()).map(Into::into);
    let props = AppProps { lang: option("data-lang"), topic: option("data-topic"), mode: option("data-mode") };
    match host.or_else(|| document.body().map(Into::into)) {
        Some(root) => ethics_advisor::mount(root, props),
        None => web_sys::console::error_1(&"ethics-advisor: no #ethics-advisor element and no <body> to mount into".into()),
    }
}
