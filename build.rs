//! Loads and validates the rule pack in `rules/` and the case library in `cases/` at build
//! time, so that an invalid pack or case file fails the build with file, line and reason. The
//! case library is embedded (postcard bytes) for trainer mode; the pack's bytes are for the
//! component tests, since the page gives the app its pack when it starts (`xtask build`
//! writes the same bytes beside the wasm and into the single file).

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
    // Checked against the pack before the pack moves into its shipped form.
    let library = case_library(&pack);
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (name, bytes) in [
        ("pack.bin", ethics_engine::shipped::encode(pack)),
        ("cases.bin", postcard::to_allocvec(&library).expect("checked cases always serialize")),
    ] {
        let out = Path::new(&out_dir).join(name);
        std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    }
}

/// Every case of `cases/`, checked against the pack, for trainer mode.
fn case_library(pack: &ethics_engine::Pack) -> Vec<ethics_engine::library::Case> {
    println!("cargo:rerun-if-changed=cases");
    let (cases, errors) = ethics_engine::cases::from_path(pack, Path::new("cases"));
    if !errors.is_empty() {
        eprintln!("error: the case library in cases is invalid ({} problem(s)):", errors.len());
        for error in errors {
            eprintln!("  {error}");
        }
        std::process::exit(1);
    }
    cases.into_iter().map(|filed| filed.case).collect()
}
