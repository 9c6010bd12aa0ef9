//! Embeds what the studio opens with: the rule pack of `rules/` and the case library of
//! `cases/`, as their TOML text (paths relative to each folder, in name order), and what it
//! publishes into, which `cargo xtask studio` builds first (`target/studio/`: the advisor's
//! page, and the staff embed's boot script, stylesheet and wasm). Without them the studio still
//! edits and checks, and cannot publish.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the studio lives in the workspace").to_owned();
    let mut code = String::new();
    for (name, folder) in [("RULES", "rules"), ("CASES", "cases")] {
        let dir = root.join(folder);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files = Vec::new();
        ethics_engine::load::collect_toml(&dir, &mut files).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        files.sort();
        writeln!(code, "pub const {name}: &[(&str, &str)] = &[").unwrap();
        for file in files {
            let relative = file.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
            writeln!(code, "    ({relative:?}, include_str!({:?})),", file.display().to_string()).unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    // What the studio publishes into, built before it by `cargo xtask studio`.
    for (name, file, text) in [
        ("ADVISOR_PAGE", "advisor-page.html", true),
        ("STAFF_BOOT", "staff-boot.js", true),
        ("STAFF_CSS", "staff.css", true),
        ("STAFF_APP", "staff-app.bin", false),
    ] {
        let path = root.join("target/studio").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let (kind, include, empty) = if text { ("&str", "include_str", "\"\"") } else { ("&[u8]", "include_bytes", "&[]") };
        if path.is_file() {
            writeln!(code, "pub const {name}: {kind} = {include}!({:?});", path.display().to_string()).unwrap();
        } else {
            writeln!(code, "pub const {name}: {kind} = {empty};").unwrap();
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("defaults.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
