//! Loads, validates and compiles the rule pack in `rules/` at build time, so the shipped
//! wasm embeds compact postcard bytes and carries no TOML parser. An invalid pack fails the
//! build with each problem's file, line and reason.

use std::path::Path;

fn main() {
    let rules = Path::new("rules");
    println!("cargo:rerun-if-changed=rules");
    let pack = match ethics_engine::load::from_dir(rules) {
        Ok(pack) => pack,
        Err(errors) => {
            eprintln!("error: the rule pack in rules/ is invalid ({} problem(s)):", errors.len());
            for error in errors {
                eprintln!("  {error}");
            }
            std::process::exit(1);
        }
    };
    let bytes = postcard::to_allocvec(&pack).expect("a validated pack always serializes");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("pack.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
