//! The release build: cargo for wasm32, wasm-bindgen for the JS glue, wasm-opt -Oz, then
//! the hosted site in `dist/` (page, boot script, glue, wasm, one stylesheet).

use crate::setup::Tools;
use crate::{root, run_cmd};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the release build produced, before it is laid out as a site or a single file.
pub struct Artifacts {
    /// The optimized wasm.
    pub wasm: PathBuf,
    /// wasm-bindgen's ES module glue.
    pub glue: PathBuf,
    /// All stylesheets of `styles/`, in name order, as one.
    pub css: String,
}

/// Compiles the app and optimizes the wasm.
pub fn release(tools: &Tools) -> Result<Artifacts, String> {
    run_cmd(Command::new("cargo").args([
        "build", "--release", "--target", "wasm32-unknown-unknown", "--package", "ethics-advisor", "--bin", "ethics-advisor",
    ]))?;
    let out = root().join("target/wasm-bindgen");
    run_cmd(Command::new("wasm-bindgen").args(["--target", "web", "--no-typescript", "--out-name", "ethics_advisor", "--out-dir"]).arg(&out).arg(
        root().join("target/wasm32-unknown-unknown/release/ethics-advisor.wasm"),
    ))?;
    let wasm = out.join("ethics_advisor_opt.wasm");
    // -Oz without `-all`, which makes Chromium refuse the module (shared/toolchain-notes.md);
    // --converge repeats the passes while they still shrink it.
    run_cmd(Command::new(&tools.wasm_opt).args(["-Oz", "--converge"]).arg(out.join("ethics_advisor_bg.wasm")).arg("-o").arg(&wasm))?;
    Ok(Artifacts { wasm, glue: out.join("ethics_advisor.js"), css: stylesheet()? })
}

/// The stylesheets in `styles/`, concatenated in name order.
pub fn stylesheet() -> Result<String, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("styles"))
        .map_err(|e| format!("cannot read styles/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "css"))
        .collect();
    files.sort();
    let mut css = String::new();
    for file in files {
        css.push_str(&std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?);
        css.push('\n');
    }
    Ok(css)
}

/// `index.html` with its placeholders filled.
pub fn page(csp: &str, head: &str, body_end: &str) -> Result<String, String> {
    let template = std::fs::read_to_string(root().join("index.html")).map_err(|e| format!("cannot read index.html: {e}"))?;
    for placeholder in ["{{CSP}}", "{{HEAD}}", "{{BODY_END}}"] {
        if !template.contains(placeholder) {
            return Err(format!("index.html lacks the placeholder {placeholder}"));
        }
    }
    Ok(template.replace("{{CSP}}", csp).replace("{{HEAD}}", head).replace("{{BODY_END}}", body_end))
}

/// Builds everything into `dist/` and returns that folder: the page (`index.html`, which is
/// the single file, so it fetches nothing and carries the strict hashed CSP), the same page
/// as `ethics-advisor.html` to hand out, and the separate files an intranet page embeds
/// (`boot.js`, the glue, the wasm, the stylesheet) under its own CSP.
pub fn hosted(tools: &Tools) -> Result<PathBuf, String> {
    let artifacts = release(tools)?;
    let dist = root().join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create dist/: {e}"))?;
    copy(&artifacts.wasm, &dist.join("ethics_advisor_bg.wasm"))?;
    copy(&artifacts.glue, &dist.join("ethics_advisor.js"))?;
    write(&dist.join("ethics-advisor.css"), &artifacts.css)?;
    write(&dist.join("boot.js"), "import init from './ethics_advisor.js';\ninit({ module_or_path: new URL('ethics_advisor_bg.wasm', import.meta.url) });\n")?;
    let single = crate::bundle::single_file_html(&artifacts)?;
    write(&dist.join("ethics-advisor.html"), &single)?;
    write(&dist.join("index.html"), &single)?;
    println!("build: the app in {} (index.html and ethics-advisor.html: one self-contained file of {} bytes)", dist.display(), single.len());
    Ok(dist)
}

/// Browser APIs the shipped app must never import: network, storage, raw HTML.
const FORBIDDEN_IMPORTS: &[&str] = &[
    "fetch", "sendBeacon", "open", "send", "WebSocket", "XMLHttpRequest", "EventSource", "localStorage", "sessionStorage",
    "cookie", "setcookie", "indexedDB", "caches", "setinnerHTML", "setouterHTML", "insertAdjacentHTML", "write", "writeln",
];

/// The forbidden browser APIs that wasm-bindgen's glue imports into the wasm. The glue has
/// one `__wbg_<name>_<hash>` import per API the compiled code can reach, after dead code is
/// removed — so this audits what ships, including everything the dependency tree pulls in.
pub fn forbidden_imports(glue: &str) -> Vec<String> {
    let mut found: Vec<String> = glue
        .split("__wbg_")
        .skip(1)
        .filter_map(|rest| {
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            FORBIDDEN_IMPORTS.contains(&name.as_str()).then_some(name)
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Fails if the built glue imports a network, storage or raw-HTML API.
pub fn audit_shipped_imports() -> Result<(), String> {
    let glue_path = root().join("dist/ethics_advisor.js");
    let glue = std::fs::read_to_string(&glue_path).map_err(|e| format!("cannot read {}: {e}", glue_path.display()))?;
    let imports = glue.matches("__wbg_").count();
    match forbidden_imports(&glue).as_slice() {
        [] => {
            println!("audit: {imports} browser imports in the shipped glue, none for network, storage or raw HTML");
            Ok(())
        }
        found => Err(format!("the shipped app imports forbidden browser APIs: {}", found.join(", "))),
    }
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
