//! Entry point: mounts the advisor into `#ethics-advisor`, or into `<body>` if the host page
//! has no such element.

fn main() {
    let document = web_sys::window().and_then(|w| w.document()).expect("the advisor runs in a browser page");
    let root = document.get_element_by_id("ethics-advisor").or_else(|| document.body().map(Into::into));
    match root {
        Some(root) => ethics_advisor::mount(root),
        None => web_sys::console::error_1(&"ethics-advisor: no #ethics-advisor element and no <body> to mount into".into()),
    }
}
