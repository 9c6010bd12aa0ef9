//! The whole app as one self-contained HTML file that works from `file://` with no server —
//! wasm (base64), JavaScript and CSS inlined, and a strict CSP that allows exactly that inline
//! script and style by their SHA-256 hashes. It is both `dist/ethics-advisor.html`, to hand
//! out, and the served `index.html`.

use crate::build::{page, Artifacts};

/// The single file's Content Security Policy, given the hashes of its script and style.
pub fn single_file_csp(script_hash: &str, style_hash: &str) -> String {
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-{script_hash}'; style-src 'sha256-{style_hash}'; \
         connect-src 'none'; img-src data:; base-uri 'none'; form-action 'none'"
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
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// SHA-256 of `data`, base64-encoded, as CSP hash sources need.
pub fn sha256_base64(data: &[u8]) -> String {
    let digest = sha256(data);
    base64(&digest)
}

/// SHA-256 (FIPS 180-4). Small enough to keep the tooling free of a crypto dependency.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
        0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
        0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
        0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
        0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
        0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    let mut h: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
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
