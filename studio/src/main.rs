//! Entry point: mounts the studio into `#ethics-studio`, or into `<body>`.

fn main() {
    let document = web_sys::window().and_then(|w| w.document()).expect("the studio runs in a browser page");
    match document.get_element_by_id("ethics-studio").or_else(|| document.body().map(Into::into)) {
        Some(root) => _ = yew::Renderer::<ethics_studio::app::App>::with_root(root).render(),
        None => web_sys::console::error_1(&"ethics-studio: no #ethics-studio element and no <body> to mount into".into()),
    }
}
