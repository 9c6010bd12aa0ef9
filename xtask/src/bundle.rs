//! The whole app as one self-contained HTML file that works from `file://` with no server —
//! wasm and rule pack (deflated, then written as `ethics_engine::page_text`, each in a data
//! block, so that the studio can publish another pack), JavaScript and CSS inlined, and a strict CSP that allows exactly that
//! inline script and style by their SHA-256 hashes. Made twice: `dist/ethics-advisor.html` for
//! staff, and `dist/trainer/ethics-advisor.html` with trainer mode, also the served `index.html`.

use crate::build::{page, Artifacts};
use crate::setup::Tools;
use crate::{root, run_cmd, stamps};

/// The Content Security Policy of a single-file page, given the inline script and style of
/// each page it may show (its own, and for the studio's preview the advisor's, in a frame of
/// its own making: `frame-src blob:`). Trusted Types with no policy at all
/// (`trusted-types 'none'`): the app never writes HTML or script from a string, so every such
/// sink is refused outright.
pub fn single_file_csp(pages: &[&Inline], frame_src: Option<&str>) -> String {
    let hashes = |of: fn(&Inline) -> &str| pages.iter().map(|p| format!("'sha256-{}'", sha256_base64(of(p).as_bytes()))).collect::<Vec<_>>().join(" ");
    let frames = frame_src.map(|f| format!("frame-src {f}; ")).unwrap_or_default();
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' {}; style-src {}; {frames}\
         connect-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
        hashes(|p| &p.script),
        hashes(|p| &p.style)
    )
}

/// A page's inline script and style, which its CSP allows by their hashes.
pub struct Inline {
    pub script: String,
    pub style: String,
}

/// What a browser without DecompressionStream (before 2023) shows instead of the advisor (the
/// single file, and an embed's `boot.js`). No straight quote: it goes inside a JavaScript string.
pub const TOO_OLD: &str = "This browser is too old for the ethics advisor: please open it in a current Edge, Chrome, Firefox or Safari. \
    Ce navigateur est trop ancien : ouvrez le conseiller dans une version récente d’Edge, Chrome, Firefox ou Safari. \
    Este navegador es demasiado antiguo: abra el asesor en una versión reciente de Edge, Chrome, Firefox o Safari.";

/// What a single-file page whose data blocks cannot be read (a copy cut short, or edited by
/// hand) shows instead of the advisor, followed by the reason. No straight quote, as above.
const DAMAGED: &str = "This copy of the ethics advisor is damaged, perhaps cut short when it was copied: please get the file again. \
    Cette copie du conseiller en déontologie est endommagée, peut-être tronquée lors d’une copie : veuillez obtenir le fichier à nouveau. \
    Esta copia del asesor de ética está dañada, quizá se cortó al copiarla: vuelva a obtener el archivo.";

/// The whole app as one HTML page, with its rule pack.
pub fn single_file_html(tools: &Tools, artifacts: &Artifacts, pack: &ethics_engine::Pack) -> Result<String, String> {
    let (html, _) = single_file_template(tools, artifacts)?;
    ethics_engine::shipped::into_page(&html, pack.clone())
}

/// The whole app as one HTML page but for its rule pack, which goes in the data blocks the
/// script reads, one per language (see `ethics_engine::shipped::into_page`): any pack, the same
/// script and CSP. The script starts the app with the language it will show first, chosen as
/// the app and an embed's `boot.js` choose it (the host element's `data-lang`, else the
/// browser's first preferred language the page has, else the first), and gives it a loader
/// that reads another language's block when the user switches to it, as an embed fetches
/// another file. Also its inline script and style, which the studio's CSP allows for its
/// preview.
///
/// A language's block is inflated into one array by reading its stream chunk by chunk:
/// `Response.arrayBuffer()` resolved only after the browser's own tasks, so the first
/// language's texts came some 3–5 ms after the app's wasm, and a blank frame was drawn
/// meanwhile. Read this way, they are ready when the wasm is, and the app starts at once (41
/// alternating runs, unslowed: the first choice painted 43.5 against 49.0 ms after the script
/// started; with the CPU slowed 4×, 150.9 against 146.7, within that race's noise).
pub fn single_file_template(tools: &Tools, artifacts: &Artifacts) -> Result<(String, Inline), String> {
    let prefix = format!("{}-", ethics_engine::shipped::PAGE_PACK_ID);
    let alongside = format!(
        "const packBlocks = new Map([...document.querySelectorAll('script[id^=\"{prefix}\"]')].map((block) => [block.id.slice({}), block]));\n\
         \x20 const bytesOf = async (stream) => {{\n\
         \x20   const reader = stream.getReader();\n\
         \x20   const chunks = [];\n\
         \x20   for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);\n\
         \x20   const bytes = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));\n\
         \x20   let at = 0;\n\
         \x20   for (const chunk of chunks) {{\n\
         \x20     bytes.set(chunk, at);\n\
         \x20     at += chunk.length;\n\
         \x20   }}\n\
         \x20   return bytes;\n\
         \x20 }};\n\
         \x20 const packFile = (lang) => (packBlocks.has(lang) ? bytesOf(inflated(packBlocks.get(lang).textContent)) : Promise.reject(new Error(lang ? `no ${{lang}} texts` : 'no rule pack')));\n\
         \x20 const asked = host.getAttribute('data-lang')?.trim();\n\
         \x20 const languages = [...packBlocks.keys()];\n\
         \x20 {}\n\
         \x20 const packBytes = packFile(first);",
        prefix.len(),
        crate::build::FIRST_LANGUAGE
    );
    let start = "const pack = await packBytes;\n\
                 \x20 performance.mark('ethics-advisor:pack');\n\
                 \x20 start(pack, packFile);\n\
                 \x20 performance.mark('ethics-advisor:started');";
    let advisor = Inline { script: inline_script(tools, artifacts, &alongside, start)?, style: artifacts.css.clone() };
    let csp = single_file_csp(&[&advisor], None);
    let html = page(&csp, &format!("<style>{}</style>", advisor.style), &scripted_body(&advisor.script, artifacts, ethics_engine::shipped::PAGE_PACK_PLACEHOLDER)?)?;
    Ok((html, advisor))
}

/// The studio as one HTML page, under the advisor's CSP, which also lets it show the advisor
/// it would publish (`advisor`) in a frame made from a blob: a frame's document made by the
/// page keeps the page's CSP, so the advisor's script and style are allowed by their hashes.
pub fn studio_html(tools: &Tools, artifacts: &Artifacts, advisor: &Inline) -> Result<String, String> {
    let studio = Inline { script: inline_script(tools, artifacts, "", "")?, style: artifacts.css.clone() };
    let csp = single_file_csp(&[&studio, advisor], Some("blob:"));
    crate::build::page_of(crate::build::PageKind::Studio, &csp, &format!("<style>{}</style>", studio.style), &scripted_body(&studio.script, artifacts, "")?)
}

/// `fromPageText(text)`: the bytes of a data block's text (`ethics_engine::page_text`, which
/// says why seven bits to a character), as a Uint8Array; throws if the block was cut short. The
/// loop is `xtask/src/page_text.wat`, assembled by binaryen's wasm-as and compiled once by the
/// page for all its blocks (a few hundred bytes, in the script as numbers; the CSP's
/// 'wasm-unsafe-eval' allows it as it allows the app); each block gets an instance, and memory,
/// of its own. The text is ASCII, which the browser's TextEncoder writes straight into that
/// memory, a byte a character.
fn page_text_decoder(tools: &Tools) -> Result<String, String> {
    let (source, module) = (root().join("xtask/src/page_text.wat"), root().join("target/page_text.wasm"));
    stamps::run_if_changed(&module, &[&source], "wasm-as", || run_cmd(std::process::Command::new(&tools.wasm_as).arg(&source).arg("-o").arg(&module)))?;
    let bytes = std::fs::read(&module).map_err(|e| format!("cannot read {}: {e}", module.display()))?;
    let numbers = bytes.iter().map(u8::to_string).collect::<Vec<_>>().join(",");
    Ok(format!(
        "  const pageTextDecoder = new WebAssembly.Module(new Uint8Array([{numbers}]));
  const fromPageText = (text) => {{
    const semicolon = text.indexOf(';');
    const length = Number(text.slice(0, semicolon));
    const {{ exports }} = new WebAssembly.Instance(pageTextDecoder, {{}});
    const room = text.length - semicolon + length;
    const had = exports.memory.buffer.byteLength;
    if (room > had) exports.memory.grow(Math.ceil((room - had) / 65536));
    const {{ written }} = new TextEncoder().encodeInto(text.slice(semicolon + 1), new Uint8Array(exports.memory.buffer));
    if (semicolon < 0 || exports.decode(written, written, length) < length) throw new Error('the page is damaged: a data block was cut short');
    return new Uint8Array(exports.memory.buffer, written, length);
  }};
"
    ))
}

/// Where a page carries its app: the wasm, deflated, written as `ethics_engine::page_text` in
/// a data block that no browser runs. Outside the script, so that the browser's JavaScript
/// compiler never reads it (as a string in the script, it took that compiler about 12 ms with
/// the CPU slowed 4×). After the script, with the pack's blocks: a module script runs once the
/// whole page is parsed wherever it stands, and a copy cut short (an interrupted download, an
/// attachment's size limit) then still has its script, which says that the copy is damaged,
/// where a script at the end would be lost with the blocks and leave a blank page.
const APP_BLOCK_ID: &str = "ethics-advisor-app";

/// The data block of a page's app (see [`APP_BLOCK_ID`]).
fn app_block(artifacts: &Artifacts) -> Result<String, String> {
    let app = std::fs::read(&artifacts.app).map_err(|e| format!("cannot read {}: {e}", artifacts.app.display()))?;
    Ok(format!("<script type=\"application/octet-stream\" id=\"{APP_BLOCK_ID}\">{}</script>", ethics_engine::page_text::encode(&app)))
}

/// The id of the last element of a single-file page, after its data blocks: a copy cut short anywhere
/// after its script lacks it, and the script then says that the copy is damaged before
/// reading a block (even when the blocks it would read first are whole: a language's block
/// lost at the end would otherwise fail only when the user switches to that language).
const END_MARK_ID: &str = "ethics-advisor-end";

/// The end of a single-file page's body: its module `script`, the app's data block, any
/// further `blocks`, and the element that ends the page (see [`APP_BLOCK_ID`] for why in this
/// order, and [`END_MARK_ID`]).
fn scripted_body(script: &str, artifacts: &Artifacts, blocks: &str) -> Result<String, String> {
    Ok(format!("<script type=\"module\">{script}</script>\n{}\n{blocks}\n<p hidden id=\"{END_MARK_ID}\"></p>", app_block(artifacts)?))
}

/// The app's glue as one inline module script that starts the app from the wasm in the page's
/// data block ([`app_block`]), runs `alongside` while the browser compiles it, then `then`
/// (both may use `inflated`). User Timing marks name each phase of the start-up
/// (`ethics-advisor:script`, `:wasm`, then the advisor's `:pack` and `:started`), which the
/// bench reads. Nothing is fetched (the CSP has connect-src
/// 'none'): the wasm travels deflated (zlib, by Zopfli), about two fifths of its size, and the browser's
/// own DecompressionStream inflates it (a Response of type application/wasm streams into
/// instantiateStreaming). The decoded bytes reach DecompressionStream as a Response's body,
/// not a Blob's stream: a Blob's bytes go to the browser's own process and back.
fn inline_script(tools: &Tools, artifacts: &Artifacts, alongside: &str, then: &str) -> Result<String, String> {
    let decoder = page_text_decoder(tools)?;
    let glue = std::fs::read_to_string(&artifacts.glue).map_err(|e| format!("cannot read {}: {e}", artifacts.glue.display()))?;
    if !glue.contains("async function __wbg_init(") {
        return Err("the wasm-bindgen glue has no __wbg_init: its layout changed; update bundle.rs".into());
    }
    let (too_old, damaged) = (ascii_in_js(TOO_OLD), ascii_in_js(DAMAGED));
    Ok(format!(
        "performance.mark('ethics-advisor:script');\n{glue}\nconst host = document.getElementById('ethics-advisor') || document.body;\n\
         if (!('DecompressionStream' in self)) {{\n\
         \x20 host.textContent = '{too_old}';\n\
         }} else try {{\n\
         \x20 if (!document.getElementById('{END_MARK_ID}')) throw new Error('the page is damaged: it was cut short');\n\
         {decoder}\
         \x20 const inflated = (text) => new Response(fromPageText(text)).body.pipeThrough(new DecompressionStream('deflate'));\n\
         \x20 const app = __wbg_init({{ module_or_path: new Response(inflated(document.getElementById('{APP_BLOCK_ID}').textContent), {{ headers: {{ 'Content-Type': 'application/wasm' }} }}) }});\n\
         \x20 {alongside}\n\
         \x20 await app;\n\
         \x20 performance.mark('ethics-advisor:wasm');\n\
         \x20 {then}\n\
         }} catch (error) {{\n\
         \x20 host.textContent = `{damaged} (${{error.message}})`;\n\
         \x20 throw error;\n\
         }}\n"
    ))
}

/// Text for a JavaScript string with every character beyond ASCII as its `\u` escape: the
/// single file is then ASCII from end to end, which Chromium parses as one byte a character
/// (see `ethics_engine::page_text`).
fn ascii_in_js(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii() { c.to_string() } else { format!("\\u{:04X}", u32::from(c)) }).collect()
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// SHA-256 of `data`, base64-encoded, as CSP hash sources need.
pub fn sha256_base64(data: &[u8]) -> String {
    use sha2::Digest;
    base64(&sha2::Sha256::digest(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_go_into_the_script_as_ascii() {
        assert_eq!(ascii_in_js("récente d’Edge"), "r\\u00E9cente d\\u2019Edge");
        assert!(ascii_in_js(DAMAGED).is_ascii() && ascii_in_js(TOO_OLD).is_ascii());
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn sha256_matches_known_digests() {
        assert_eq!(sha256_base64(b""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert_eq!(sha256_base64(b"abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        let long = vec![b'a'; 1000];
        assert_eq!(sha256_base64(&long), "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=");
    }
}
