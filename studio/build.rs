//! Embeds what the studio opens with: the rule pack of `rules/` and the case library of
//! `cases/`, as their TOML text (paths relative to each folder, in name order), and the
//! advisor page it publishes into, which `cargo xtask studio` builds first
//! (`target/studio/advisor-page.html`). Without that page the studio still edits and checks,
//! and says that this build cannot publish.

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
    let page = root.join("target/studio/advisor-page.html");
    println!("cargo:rerun-if-changed={}", page.display());
    if page.is_file() {
        writeln!(code, "pub const ADVISOR_PAGE: &str = include_str!({:?});", page.display().to_string()).unwrap();
    } else {
        writeln!(code, "pub const ADVISOR_PAGE: &str = \"\";").unwrap();
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("defaults.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
