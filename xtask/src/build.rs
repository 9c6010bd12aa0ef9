//! The release build: cargo for wasm32, wasm-bindgen for the JS glue, wasm-opt -Oz, terser
//! for the glue, then the hosted site in `dist/`: the page (the single file, trainer mode
//! included), the staff embed (boot script, glue, wasm, one stylesheet) and the trainer embed
//! in `dist/trainer/`.

use crate::setup::Tools;
use ethics_engine::shipped::{subresource_integrity, APP_FILE};
use crate::{root, run_cmd, run_cmd_keeping_errors, run_cmd_output, stamps};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the release build produced, before it is laid out as a site or a single file.
pub struct Artifacts {
    /// The wasm (optimized, in a release build) deflated (zlib), as every page carries it (the embed's
    /// `ethics-advisor.bin`, the single file's script) and the browser's DecompressionStream
    /// inflates it: also the transfer, where a server compresses nothing.
    pub app: PathBuf,
    /// wasm-bindgen's ES module glue.
    pub glue: PathBuf,
    /// The variant's stylesheets of `styles/`, in name order, as one, minified.
    pub css: String,
}

/// Which app a release build makes.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Variant {
    /// Everything, trainer mode included: the single file and the trainer embed.
    Full,
    /// Without trainer mode (no case library, no diagram): the embed staff load on the
    /// intranet, kept small for slow links.
    Staff,
    /// The ethics office's studio (`studio/`), which publishes the advisor with its pack.
    Studio,
}

impl Variant {
    /// Where its build goes under `target/`: each variant has its own, so that building one
    /// does not make cargo rebuild the other.
    fn target_dir(self) -> PathBuf {
        match self {
            // The studio is another package: it shares the full build's folder (and its Yew).
            Variant::Full | Variant::Studio => root().join("target"),
            Variant::Staff => root().join("target/staff"),
        }
    }

    /// Its cargo package, which is also the name of its binary.
    fn package(self) -> &'static str {
        match self {
            Variant::Full | Variant::Staff => "ethics-advisor",
            Variant::Studio => "ethics-studio",
        }
    }

    /// The folder of its wasm-bindgen output for a profile.
    pub fn bindgen_dir(self, profile: Profile) -> PathBuf {
        let folder = match profile {
            Profile::Release => "wasm-bindgen",
            Profile::Dev => "wasm-bindgen-dev",
        };
        match self {
            Variant::Studio => self.target_dir().join(format!("{folder}-studio")),
            Variant::Full | Variant::Staff => self.target_dir().join(folder),
        }
    }
}

/// How a build is made: for staff (optimized, minified), or for the edit loop of `serve`
/// (cargo's dev profile, incremental, nothing optimized after it).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Profile {
    Release,
    Dev,
}

/// Compiles the app for wasm32 and runs wasm-bindgen on it, unless the wasm is what it was;
/// returns the folder of the glue and the wasm. A development build keeps cargo's output
/// (errors included) to return it, so that `serve` can show it in the page.
fn compile(variant: Variant, profile: Profile) -> Result<PathBuf, String> {
    let mut cargo = Command::new("cargo");
    cargo.args(["build", "--target", "wasm32-unknown-unknown", "--package", variant.package(), "--bin", variant.package()]);
    if profile == Profile::Release {
        cargo.arg("--release");
    }
    if variant == Variant::Staff {
        cargo.arg("--no-default-features");
    }
    cargo.arg("--target-dir").arg(variant.target_dir());
    match profile {
        Profile::Release => run_cmd(&mut cargo)?,
        Profile::Dev => run_cmd_keeping_errors(&mut cargo)?,
    }
    let folder = if profile == Profile::Release { "release" } else { "debug" };
    let wasm = variant.target_dir().join("wasm32-unknown-unknown").join(folder).join(format!("{}.wasm", variant.package()));
    let out = variant.bindgen_dir(profile);
    let args = ["--target", "web", "--no-typescript", "--out-name", "ethics_advisor", "--out-dir"];
    stamps::run_if_changed(&out.join("ethics_advisor_bg.wasm"), &[&wasm], &format!("wasm-bindgen {}", args.join(" ")), || {
        run_cmd(Command::new("wasm-bindgen").args(args).arg(&out).arg(&wasm))
    })?;
    Ok(out)
}

/// The optimized wasm of a variant's last release build (before it is deflated).
pub fn optimized_wasm(variant: Variant) -> PathBuf {
    variant.bindgen_dir(Profile::Release).join("ethics_advisor_opt.wasm")
}

/// Compiles the app and optimizes the wasm and the glue, skipping each step whose input is
/// unchanged.
pub fn release(tools: &Tools, variant: Variant) -> Result<Artifacts, String> {
    let out = compile(variant, Profile::Release)?;
    let wasm = optimized_wasm(variant);
    // -Oz without `-all`, which makes Chromium refuse the module (shared/toolchain-notes.md);
    // --converge repeats the passes while they still shrink it; the custom sections naming
    // the compiler and its target features serve no browser. --low-memory-unused lets
    // binaryen fold small offsets into loads and stores (0.7% smaller deflated): it may
    // assume the first kilobyte of memory unused, and Rust puts there the far end of its
    // 1 MB stack, which the app never comes near.
    let opt = ["-Oz", "--converge", "--low-memory-unused", "--strip-producers", "--strip-target-features"];
    let (raw, glue_source) = shorten_names(tools, &out)?;
    stamps::run_if_changed(&wasm, &[&raw], &format!("wasm-opt {}", opt.join(" ")), || {
        run_cmd(Command::new(&tools.wasm_opt).args(opt).arg(&raw).arg("-o").arg(&wasm))
    })?;
    let app = deflate(&wasm, "deflate (Zopfli)", ethics_engine::shipped::deflated)?;
    // The glue minified; what the loaders call keeps its name.
    let glue = out.join("ethics_advisor.min.js");
    let terse = ["--module", "--compress", "--mangle", "reserved=['__wbg_init','start','mount_sealed']", "--output"];
    stamps::run_if_changed(&glue, &[&glue_source], &format!("terser {}", terse.join(" ")), || {
        run_cmd(Command::new(&tools.terser).arg(&glue_source).args(terse).arg(&glue))
    })?;
    Ok(Artifacts { app, glue, css: minify_css(&stylesheet(variant)?) })
}

/// The wasm with short names for its imports, their module and its exports, and the glue
/// renamed to match, in `out` beside wasm-bindgen's. wasm-bindgen names each import
/// `__wbg_<api>_<hash>` in a module `./ethics_advisor_bg.js`, and both the wasm and the glue
/// carry every name: the hashes compress not at all. binaryen renames them and prints what it
/// did; [`renamed_glue`] applies that to the glue. The import audit reads wasm-bindgen's glue,
/// whose names still say which browser APIs the app imports.
fn shorten_names(tools: &Tools, out: &Path) -> Result<(PathBuf, PathBuf), String> {
    let (raw, wasm, names) = (out.join("ethics_advisor_bg.wasm"), out.join("ethics_advisor_short.wasm"), out.join("short-names.json"));
    let pass = "--minify-imports-and-exports-and-modules";
    stamps::run_if_changed(&wasm, &[&raw], &format!("wasm-opt {pass}"), || {
        let printed = run_cmd_output(Command::new(&tools.wasm_opt).arg(pass).arg(&raw).arg("-o").arg(&wasm))?;
        std::fs::write(&names, printed).map_err(|e| format!("cannot write {}: {e}", names.display()))
    })?;
    let (source, glue) = (out.join("ethics_advisor.js"), out.join("ethics_advisor_short.js"));
    stamps::run_if_changed(&glue, &[&source, &names], "rename the glue's imports and exports", || {
        let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
        let renamed = renamed_glue(&read(&source)?, &read(&names)?).map_err(|e| format!("{}: {e}", source.display()))?;
        write(&glue, &renamed)
    })?;
    Ok((wasm, glue))
}

/// The module binaryen gives every import when it shortens their modules' names.
const SHORT_MODULE: &str = "a";

/// wasm-bindgen's glue with the names binaryen gave the wasm's imports and exports (`names`,
/// the JSON its `--minify-imports-and-exports-and-modules` prints): each import is a key of
/// the glue's import object, named once; each export is read as `wasm.<name>`.
pub fn renamed_glue(glue: &str, names: &str) -> Result<String, String> {
    let names: serde_json::Value = serde_json::from_str(names).map_err(|e| format!("binaryen's names are not JSON: {e}"))?;
    let pairs = |key: &str, width: usize| -> Result<Vec<Vec<String>>, String> {
        let list = names[key].as_array().ok_or(format!("binaryen's names have no {key:?} list"))?;
        list.iter()
            .map(|entry| {
                let fields: Option<Vec<String>> = entry.as_array().map(|a| a.iter().filter_map(|f| f.as_str().map(str::to_owned)).collect());
                fields.filter(|f| f.len() == width).ok_or(format!("binaryen's {key:?} has an entry of an unknown shape: {entry}"))
            })
            .collect()
    };
    let imports = pairs("imports", 3)?;
    let exports = pairs("exports", 2)?;
    let mut modules: Vec<&str> = imports.iter().map(|i| i[0].as_str()).collect();
    modules.sort_unstable();
    modules.dedup();
    let glue = match modules.as_slice() {
        [] => glue.to_owned(),
        [module] => {
            let key = format!("\"{module}\": import0");
            if glue.matches(&key).count() != 1 {
                return Err(format!("the glue does not give the imports' module {module:?} once"));
            }
            glue.replacen(&key, &format!("\"{SHORT_MODULE}\": import0"), 1)
        }
        _ => return Err(format!("the wasm imports from {} modules; the glue gives one", modules.len())),
    };
    let import_names: std::collections::HashMap<&str, &str> = imports.iter().map(|i| (i[1].as_str(), i[2].as_str())).collect();
    let export_names: std::collections::HashMap<&str, &str> = exports.iter().map(|e| (e[0].as_str(), e[1].as_str())).collect();
    // One pass over the glue's words, so that a new name is never renamed again.
    let mut out = String::with_capacity(glue.len());
    let mut renamed_imports = 0;
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut rest = glue.as_str();
    while let Some(start) = rest.find(is_word) {
        let end = rest[start..].find(|c: char| !is_word(c)).map_or(rest.len(), |e| start + e);
        let word = &rest[start..end];
        out.push_str(&rest[..start]);
        let export = out.ends_with("wasm.").then(|| export_names.get(word)).flatten();
        let import = rest[end..].starts_with(": function(").then(|| import_names.get(word)).flatten();
        match (export, import) {
            (Some(short), _) => out.push_str(short),
            (None, Some(short)) => {
                renamed_imports += 1;
                out.push_str(short);
            }
            (None, None) => out.push_str(word),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    if renamed_imports != imports.len() {
        return Err(format!("the glue gives {renamed_imports} of the wasm's {} imports", imports.len()));
    }
    Ok(out)
}

/// `wasm` deflated by `how` (named by `step`) beside it, as `<name>.z`, unless it already is.
fn deflate(wasm: &Path, step: &str, how: fn(&[u8]) -> Vec<u8>) -> Result<PathBuf, String> {
    let app = wasm.with_extension("wasm.z");
    stamps::run_if_changed(&app, &[wasm], step, || {
        let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
        std::fs::write(&app, how(&bytes)).map_err(|e| format!("cannot write {}: {e}", app.display()))
    })?;
    Ok(app)
}

/// The app as the edit loop builds it: trainer mode included, nothing optimized.
pub fn dev() -> Result<Artifacts, String> {
    let out = compile(Variant::Full, Profile::Dev)?;
    let wasm = out.join("ethics_advisor_bg.wasm");
    // Quickly: an unoptimized wasm is many megabytes, and the edit loop waits for it.
    let app = deflate(&wasm, "deflate (miniz_oxide)", ethics_engine::shipped::deflated_quickly)?;
    Ok(Artifacts { app, glue: out.join("ethics_advisor.js"), css: stylesheet(Variant::Full)? })
}

/// CSS without comments and without the spaces no browser needs. Quoted strings are kept
/// as written.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                if std::mem::take(&mut pending_space) && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', ':', '>']) {
                    out.push(' ');
                }
                out.push(c);
                let mut escaped = false;
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c && !escaped {
                        break;
                    }
                    escaped = inner == '\\' && !escaped;
                }
            }
            c => {
                let tight = matches!(c, '{' | '}' | ';' | ',' | '>') || out.ends_with(['{', '}', ';', ',', ':', '>']) || out.is_empty();
                if std::mem::take(&mut pending_space) && !tight {
                    out.push(' ');
                }
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    out
}

/// The stylesheets in `styles/` a variant needs, concatenated in name order: the advisor's,
/// `trainer.css` where there is trainer mode, and `studio.css` in the studio.
pub fn stylesheet(variant: Variant) -> Result<String, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("styles"))
        .map_err(|e| format!("cannot read styles/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "css"))
        .filter(|p| variant == Variant::Full || !p.ends_with("trainer.css"))
        .filter(|p| variant == Variant::Studio || !p.ends_with("studio.css"))
        .collect();
    files.sort();
    let mut css = String::new();
    for file in files {
        css.push_str(&std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?);
        css.push('\n');
    }
    Ok(css)
}

/// Which page `index.html` makes: the advisor's or the studio's. They differ in their title
/// and the element the app mounts into; the rest (the CSP, no referrer, no favicon request)
/// is the same page.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum PageKind {
    Advisor,
    Studio,
}

/// `index.html` as the advisor's page, with its placeholders filled.
pub fn page(csp: &str, head: &str, body_end: &str) -> Result<String, String> {
    page_of(PageKind::Advisor, csp, head, body_end)
}

/// `index.html` as the page of `kind`, with its placeholders filled.
pub fn page_of(kind: PageKind, csp: &str, head: &str, body_end: &str) -> Result<String, String> {
    let template = std::fs::read_to_string(root().join("index.html")).map_err(|e| format!("cannot read index.html: {e}"))?;
    let (page_attributes, title, body) = match kind {
        PageKind::Advisor => (
            " data-ethics-advisor-page",
            "Ethics advisor",
            "<div id=\"ethics-advisor\"><noscript>The ethics advisor needs JavaScript and WebAssembly. Nothing you enter is sent anywhere.</noscript></div>",
        ),
        PageKind::Studio => ("", "Ethics advisor studio", "<div id=\"ethics-studio\"><noscript>The studio needs JavaScript and WebAssembly. Nothing you enter is sent anywhere.</noscript></div>"),
    };
    let fills = [("{{PAGE_ATTRIBUTES}}", page_attributes), ("{{TITLE}}", title), ("{{CSP}}", csp), ("{{HEAD}}", head), ("{{BODY}}", body), ("{{BODY_END}}", body_end)];
    let mut page = template;
    for (placeholder, value) in fills {
        if !page.contains(placeholder) {
            return Err(format!("index.html lacks the placeholder {placeholder}"));
        }
        page = page.replacen(placeholder, value, 1);
    }
    Ok(page)
}

/// Builds everything into `dist/` and returns that folder: the single file to hand out to
/// staff (`ethics-advisor.html`, which fetches nothing and carries the strict hashed CSP), the
/// same with trainer mode and the case library (`trainer/ethics-advisor.html`, also served as
/// `index.html`), the ethics office's `studio.html` (see `studio`), and the separate files an
/// intranet page embeds (`boot.js`, the glue, the wasm, the stylesheet) under its own CSP: the
/// staff embed in `dist/`, the trainer embed in `dist/trainer/`.
pub fn hosted(tools: &Tools) -> Result<PathBuf, String> {
    // The rule pack, validated once: the page gives it to the app when it starts.
    let pack = crate::cases::load_pack(None)?;
    let full = release(tools, Variant::Full)?;
    let staff = release(tools, Variant::Staff)?;
    let dist = root().join("dist");
    embed(&staff, &pack, &dist)?;
    embed(&full, &pack, &dist.join("trainer"))?;
    // The file to hand out to staff has no trainer mode, as the staff embed; trainers get
    // theirs beside the trainer embed. The served page is the trainer's: every feature.
    let single = crate::bundle::single_file_html(tools, &staff, &pack)?;
    let trainer_single = crate::bundle::single_file_html(tools, &full, &pack)?;
    write(&dist.join("ethics-advisor.html"), &single)?;
    write(&dist.join("trainer/ethics-advisor.html"), &trainer_single)?;
    write(&dist.join("index.html"), &trainer_single)?;
    studio(tools, &full, &staff, &dist)?;
    println!(
        "build: the app in {}: ethics-advisor.html, one self-contained file for staff ({} bytes); trainer/ethics-advisor.html and index.html, with trainer mode ({} bytes)",
        dist.display(),
        single.len(),
        trainer_single.len()
    );
    Ok(dist)
}

/// The studio (`dist/studio.html`): one self-contained page like the advisor's, carrying what
/// it publishes with the edited pack, compiled in from `target/studio/`: the advisor's page
/// without its pack (`advisor-page.html`), and the staff embed's `boot.js` without its pack's
/// hash, app (the wasm, deflated) and stylesheet (`staff-boot.js`, `staff-app.bin`, `staff.css`).
pub fn studio(tools: &Tools, full: &Artifacts, staff: &Artifacts, dist: &Path) -> Result<(), String> {
    let folder = root().join("target/studio");
    std::fs::create_dir_all(&folder).map_err(|e| format!("cannot create target/studio: {e}"))?;
    let (advisor_page, advisor) = crate::bundle::single_file_template(tools, full)?;
    let staff_app = std::fs::read(&staff.app).map_err(|e| format!("cannot read {}: {e}", staff.app.display()))?;
    for (name, bytes) in [
        ("advisor-page.html", advisor_page.as_bytes()),
        ("staff-boot.js", boot_template(staff)?.as_bytes()),
        ("staff.css", staff.css.as_bytes()),
        ("staff-app.bin", &staff_app[..]),
    ] {
        // Written only when changed, so that cargo does not rebuild the studio for nothing.
        let path = folder.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(bytes) {
            std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    let studio = release(tools, Variant::Studio)?;
    let html = crate::bundle::studio_html(tools, &studio, &advisor)?;
    write(&dist.join("studio.html"), &html)?;
    println!("build: the studio in {} ({} bytes)", dist.join("studio.html").display(), html.len());
    Ok(())
}

/// The files an intranet page embeds, in `folder`: the stylesheet, the app (`ethics-advisor.bin`,
/// the wasm deflated), the rule pack (`pack.<language>.bin`, one file per language, deflated
/// too), and `boot.js` (the glue, which starts the app from the wasm and the pack beside it,
/// each fetched with its SHA-384 as the request's integrity, then inflated), and
/// `embed-snippet.html`, the HTML to paste, whose stylesheet and script carry their own
/// integrity: every byte of the embed is pinned by the snippet.
pub fn embed(artifacts: &Artifacts, pack: &ethics_engine::Pack, folder: &Path) -> Result<(), String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    copy(&artifacts.app, &folder.join(APP_FILE))?;
    let files = ethics_engine::shipped::embed_files(&boot_template(artifacts)?, &artifacts.css, pack.clone())?;
    write(&folder.join("boot.js"), &files.boot)?;
    for (name, bytes) in &files.packs {
        std::fs::write(folder.join(name), bytes).map_err(|e| format!("cannot write {}: {e}", folder.join(name).display()))?;
    }
    write(&folder.join("ethics-advisor.css"), &artifacts.css)?;
    write(&folder.join("embed-snippet.html"), &files.snippet)
}

/// An embed's `boot.js` but for its pack's integrity (see `ethics_engine::shipped::embed_files`).
pub fn boot_template(artifacts: &Artifacts) -> Result<String, String> {
    let app = std::fs::read(&artifacts.app).map_err(|e| format!("cannot read {}: {e}", artifacts.app.display()))?;
    let glue = std::fs::read_to_string(&artifacts.glue).map_err(|e| format!("cannot read {}: {e}", artifacts.glue.display()))?;
    // `__wbg_init`, `start` and `mount_sealed` keep their names through terser (see `release`).
    Ok(format!(
        "{glue}\n{}",
        SEALED_START
            .replace("{APP_FILE}", APP_FILE)
            .replace("{APP_INTEGRITY}", &subresource_integrity(&app))
            .replace("{TOO_OLD}", crate::bundle::TOO_OLD)
            .replace("{FIRST_LANGUAGE}", FIRST_LANGUAGE)
            .replace("{CSS_INTEGRITY}", &subresource_integrity(artifacts.css.as_bytes()))
    ))
}

/// How a page's script chooses the language the advisor shows first, as the app chooses it:
/// `asked` (the host element's `data-lang`), else the browser's first preferred language among
/// `languages` (the codes the page has a pack for, in the pack's order), else the first of
/// them. `boot.js` and the single file both say it so.
pub const FIRST_LANGUAGE: &str = "const first = [asked, ...navigator.languages.map((tag) => tag.split('-')[0].toLowerCase())].find((code) => code && languages.includes(code)) || languages[0];";

/// What `boot.js` runs after the glue: the app from the wasm and the rule pack beside it
/// (both pinned by their hashes; a pack that does not arrive, or not as pinned, reaches the
/// app as no bytes, which it reports in its place). Both come deflated (zlib, by Zopfli), to be
/// small on every link whether or not the server compresses, and the browser's
/// DecompressionStream inflates them (a browser from before 2023, which has none, is told to
/// use a newer one, as the single file tells it). The pack comes in one file per language,
/// `pack.<language>.bin`: the first visit loads the language the advisor will show first
/// (chosen as the app chooses: the host element's `data-lang`, else the browser's first
/// preferred language the pack has, else its first), and the app asks for another through
/// the loader `start` is given, only when the user switches to it. Then `<ethics-advisor>`, the sealed
/// embed: each such element gets a shadow root holding the stylesheet (pinned too) and the
/// app, out of reach of the host page's CSS, `!important` rules included; the app is mounted
/// there once the stylesheet is in (or has failed), so that it never shows in the host's
/// styles first, as it did when the staff app became small enough to be ready before its
/// stylesheet. `#ethics-advisor` elements are mounted by `start`.
const SEALED_START: &str = "const PACKS = {PACK_INTEGRITY};
const inflated = (name, integrity) => fetch(new Request(new URL(name, import.meta.url), { integrity }))
  .then((r) => (r.ok ? r.body.pipeThrough(new DecompressionStream('deflate')) : Promise.reject(new Error(`${name}: ${r.status}`))));
const packFile = (lang) => inflated(`pack.${lang}.bin`, PACKS[lang]).then((body) => new Response(body).arrayBuffer()).then((bytes) => new Uint8Array(bytes));
if (!('DecompressionStream' in self)) {
  for (const host of document.querySelectorAll('#ethics-advisor, ethics-advisor')) host.textContent = '{TOO_OLD}';
} else {
  const asked = document.querySelector('#ethics-advisor, ethics-advisor')?.getAttribute('data-lang')?.trim();
  const languages = Object.keys(PACKS);
  {FIRST_LANGUAGE}
  const app = inflated('{APP_FILE}', '{APP_INTEGRITY}').then((body) => new Response(body, { headers: { 'Content-Type': 'application/wasm' } }));
  const [, pack] = await Promise.all([__wbg_init({ module_or_path: app }), packFile(first).catch(() => new Uint8Array(0))]);
  start(pack, (lang) => (Object.hasOwn(PACKS, lang) ? packFile(lang) : Promise.reject(new Error(`no ${lang} texts`))));
  customElements.get('ethics-advisor') || customElements.define('ethics-advisor', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const shadow = this.attachShadow({ mode: 'open' });
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.integrity = '{CSS_INTEGRITY}';
      style.crossOrigin = 'anonymous';
      style.href = new URL('ethics-advisor.css', import.meta.url).href;
      const root = document.createElement('div');
      style.onload = style.onerror = () => mount_sealed(this, root);
      shadow.append(style, root);
    }
  });
}
";

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

/// Fails if the glue of either embed (the trainer one is also the single file's) or of the
/// studio imports a network, storage or raw-HTML API. It reads wasm-bindgen's glue of the last
/// release build, whose import names still say which API each is; what ships is that glue
/// with its names shortened ([`renamed_glue`]), which renames imports but adds none.
pub fn audit_shipped_imports() -> Result<(), String> {
    for glue_path in [Variant::Staff, Variant::Full, Variant::Studio].map(|v| v.bindgen_dir(Profile::Release).join("ethics_advisor.js")) {
        let glue = std::fs::read_to_string(&glue_path).map_err(|e| format!("cannot read {}: {e}", glue_path.display()))?;
        let imports = glue.matches("__wbg_").count();
        match forbidden_imports(&glue).as_slice() {
            [] => println!("audit: {imports} browser imports in {}, none for network, storage or raw HTML", glue_path.display()),
            found => return Err(format!("{} imports forbidden browser APIs: {}", glue_path.display(), found.join(", "))),
        }
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

pub fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_takes_the_short_names_binaryen_gave_the_wasm() {
        let glue = "const import0 = {\n    __wbg_body_1a: function(arg0) { return arg0.body; },\n    __wbg_new_2b: function() { return wasm.start_x; },\n};\nreturn { \"./app_bg.js\": import0 };\nwasm.start(); wasm.__wbindgen_start(); wasm.memory.buffer; other.start();\n";
        let names = r#"{"imports": [["./app_bg.js", "__wbg_body_1a", "a"], ["./app_bg.js", "__wbg_new_2b", "b"]], "exports": [["start", "c"], ["__wbindgen_start", "d"], ["memory", "e"], ["main", "f"]]}"#;
        let renamed = renamed_glue(glue, names).unwrap();
        assert_eq!(renamed, "const import0 = {\n    a: function(arg0) { return arg0.body; },\n    b: function() { return wasm.start_x; },\n};\nreturn { \"a\": import0 };\nwasm.c(); wasm.d(); wasm.e.buffer; other.start();\n");
        let missing = r#"{"imports": [["./app_bg.js", "__wbg_gone_3c", "a"]], "exports": []}"#;
        assert_eq!(renamed_glue(glue, missing), Err("the glue gives 0 of the wasm's 1 imports".into()));
        let two_modules = r#"{"imports": [["./app_bg.js", "__wbg_body_1a", "a"], ["env", "x", "b"]], "exports": []}"#;
        assert_eq!(renamed_glue(glue, two_modules), Err("the wasm imports from 2 modules; the glue gives one".into()));
        assert!(renamed_glue(glue, "{").unwrap_err().starts_with("binaryen's names are not JSON"));
        assert_eq!(renamed_glue(glue, r#"{"imports": [["x"]], "exports": []}"#), Err(r#"binaryen's "imports" has an entry of an unknown shape: ["x"]"#.into()));
    }

    #[test]
    fn the_snippet_pins_every_file_of_the_embed() {
        assert_eq!(subresource_integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
        let folder = root().join("target/test-embed");
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        let (app, glue) = (folder.join("in.wasm.z"), folder.join("in.js"));
        std::fs::write(&app, b"deflated wasm bytes").unwrap();
        std::fs::write(&glue, "async function __wbg_init(m) {}\nexport { __wbg_init as default };").unwrap();
        let rules = crate::cases::load_pack(None).unwrap();
        embed(&Artifacts { app, glue, css: ".ethics-advisor { color: red }".into() }, &rules, &folder.join("embed")).unwrap();
        let packs: Vec<(&str, Vec<u8>)> = ["en", "fr", "es"].iter().enumerate().map(|(lang, code)| (*code, ethics_engine::shipped::deflated(&ethics_engine::shipped::encode_language(rules.clone(), lang)))).collect();
        let read = |name: &str| std::fs::read(folder.join("embed").join(name)).unwrap();
        let (boot, css, snippet) = (read("boot.js"), read("ethics-advisor.css"), String::from_utf8(read("embed-snippet.html")).unwrap());
        assert!(snippet.contains(&format!("href=\"ethics-advisor.css\" integrity=\"{}\"", subresource_integrity(&css))), "{snippet}");
        assert!(snippet.contains(&format!("src=\"boot.js\" integrity=\"{}\"", subresource_integrity(&boot))), "{snippet}");
        let boot = String::from_utf8(boot).unwrap();
        assert!(boot.starts_with("async function __wbg_init"), "the glue itself: no second file to fetch without integrity");
        assert!(boot.contains(&format!("inflated('ethics-advisor.bin', '{}')", subresource_integrity(b"deflated wasm bytes"))), "the app pinned as it travels: {boot}");
        let table = packs.iter().map(|(code, bytes)| format!("{code}: '{}'", subresource_integrity(bytes))).collect::<Vec<_>>().join(", ");
        assert!(boot.contains(&format!("const PACKS = {{ {table} }};")), "each language's file pinned: {boot}");
        assert_eq!(read("ethics-advisor.bin"), b"deflated wasm bytes");
        for (code, bytes) in &packs {
            assert_eq!(&read(&format!("pack.{code}.bin")), bytes);
        }
    }

    #[test]
    fn css_loses_comments_and_spaces_but_not_meaning() {
        let css = "/* a note */\n.a .b > .c,\n.d:focus {\n  color: red;\n  font: 16px/1.5 \"GDS  Transport\", sans-serif;\n}\n@media (max-width: 640px) { .a { margin: 0 auto; } }\n";
        assert_eq!(
            minify_css(css),
            ".a .b>.c,.d:focus{color:red;font:16px/1.5 \"GDS  Transport\",sans-serif}@media (max-width:640px){.a{margin:0 auto}}"
        );
    }

    #[test]
    fn quoted_strings_are_kept_whole() {
        assert_eq!(minify_css(".a::before { content: \"; } /* x */\"; }"), ".a::before{content:\"; } /* x */\"}");
        assert_eq!(minify_css(".a { content: 'it\\'s  } ok'; }"), ".a{content:'it\\'s  } ok'}");
    }

    #[test]
    fn the_real_stylesheet_shrinks_and_keeps_every_rule() {
        let css = super::stylesheet(super::Variant::Full).unwrap();
        let small = minify_css(&css);
        assert!(small.len() * 10 < css.len() * 9, "{} of {} bytes", small.len(), css.len());
        // As many rules as the source has outside its comments, each still balanced.
        let rules = css.lines().filter(|l| !l.trim_start().starts_with("/*")).map(|l| l.matches('{').count()).sum::<usize>();
        assert_eq!(small.matches('{').count(), rules);
        assert_eq!(small.matches('}').count(), rules);
        assert!(small.contains(".ethics-advisor .ea-button:focus{"), "selectors keep their form");
        let staff = super::stylesheet(super::Variant::Staff).unwrap();
        assert!(staff.contains(".ea-trace__question") && !staff.contains(".ea-diagram"), "the staff embed has no trainer rules");
    }
}
