//! The whole app as one self-contained HTML file that works from `file://` with no server —
//! wasm (base64), JavaScript and CSS inlined, and a strict CSP that allows exactly that inline
//! script and style by their SHA-256 hashes. It is both `dist/ethics-advisor.html`, to hand
//! out, and the served `index.html`.

use crate::build::{page, Artifacts};

/// The single file's Content Security Policy, given the hashes of its script and style.
/// Trusted Types with no policy at all (`trusted-types 'none'`): the app never writes HTML or
/// script from a string, so every such sink is refused outright.
pub fn single_file_csp(script_hash: &str, style_hash: &str) -> String {
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-{script_hash}'; style-src 'sha256-{style_hash}'; \
         connect-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'"
    )
}

/// What a browser without DecompressionStream (before 2023) shows instead of the advisor.
const TOO_OLD: &str = "This browser is too old for the ethics advisor: please open it in a current Edge, Chrome, Firefox or Safari. \
    Ce navigateur est trop ancien : ouvrez le conseiller dans une version récente d’Edge, Chrome, Firefox ou Safari. \
    Este navegador es demasiado antiguo: abra el asesor en una versión reciente de Edge, Chrome, Firefox o Safari.";

/// The whole app as one HTML page.
pub fn single_file_html(artifacts: &Artifacts) -> Result<String, String> {
    let wasm = std::fs::read(&artifacts.wasm).map_err(|e| format!("cannot read {}: {e}", artifacts.wasm.display()))?;
    let glue = std::fs::read_to_string(&artifacts.glue).map_err(|e| format!("cannot read {}: {e}", artifacts.glue.display()))?;
    // The glue is an ES module; inline it as one, and start it from the inlined bytes so
    // nothing is fetched (the CSP has connect-src 'none'). The wasm travels deflated (zlib),
    // about two fifths of its size; the browser's own DecompressionStream inflates it while
    // it compiles (a Response of type application/wasm streams into instantiateStreaming).
    let deflated = miniz_oxide::deflate::compress_to_vec_zlib(&wasm, 10);
    let script = format!(
        "{glue}\nif (!('DecompressionStream' in self)) {{\n\
         \x20 (document.getElementById('ethics-advisor') || document.body).textContent = '{TOO_OLD}';\n\
         }} else {{\n\
         \x20 const base64 = \"{}\";\n\
         \x20 let deflated;\n\
         \x20 if (Uint8Array.fromBase64) deflated = Uint8Array.fromBase64(base64);\n\
         \x20 else {{ const binary = atob(base64); deflated = new Uint8Array(binary.length); for (let i = 0; i < binary.length; i++) deflated[i] = binary.charCodeAt(i); }}\n\
         \x20 const wasm = new Blob([deflated]).stream().pipeThrough(new DecompressionStream('deflate'));\n\
         \x20 __wbg_init({{ module_or_path: new Response(wasm, {{ headers: {{ 'Content-Type': 'application/wasm' }} }}) }});\n\
         }}\n",
        base64(&deflated)
    );
    if !glue.contains("async function __wbg_init(") {
        return Err("the wasm-bindgen glue has no __wbg_init: its layout changed; update bundle.rs".into());
    }
    let style = artifacts.css.clone();
    let csp = single_file_csp(&sha256_base64(script.as_bytes()), &sha256_base64(style.as_bytes()));
    page(&csp, &format!("<style>{style}</style>"), &format!("<script type=\"module\">{script}</script>"))
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
