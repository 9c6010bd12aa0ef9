//! Tidy checks, run as ordinary tests: the habits and promises of the project that a
//! reviewer would otherwise have to remember (module docs, confidentiality, CI wiring).

use crate::root;
use std::path::{Path, PathBuf};

fn files_with_extension(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            let name = entry.file_name();
            if name != "target" && name != "node_modules" {
                files_with_extension(&path, extension, out);
            }
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

fn rust_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["src", "engine/src", "xtask/src", "studio/src", "tests", "engine/tests"] {
        files_with_extension(&root().join(dir), "rs", &mut files);
    }
    files.extend([root().join("build.rs"), root().join("studio/build.rs")]);
    files
}

/// Network, storage and raw-HTML APIs as they would appear in code (not in prose: the
/// privacy note may well say "no cookies").
const FORBIDDEN_IN_APP: &[&str] = &[
    "fetch(", "fetch_with", "XmlHttpRequest", "WebSocket", "EventSource", "send_beacon", "sendBeacon", "local_storage",
    "session_storage", "web_sys::Storage", ".cookie(", "set_cookie", "indexed_db", "IdbFactory", "CacheStorage", ".caches(",
    "from_html_unchecked", "inner_html", "gloo_net", "gloo_storage",
];

/// Crates the app must not depend on directly. (Yew itself pulls in the `gloo` umbrella,
/// net and storage included, so the shipped wasm is audited for what it actually imports:
/// see `build::forbidden_imports`.)
const FORBIDDEN_CRATES: &[&str] = &["reqwest", "gloo-net", "gloo-storage", "gloo", "gloo-file", "surf", "ureq", "web-sys-storage"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rust_module_starts_with_a_doc_line() {
        let missing: Vec<String> = rust_sources()
            .into_iter()
            .filter(|f| !std::fs::read_to_string(f).unwrap_or_default().starts_with("//!"))
            .map(|f| f.display().to_string())
            .collect();
        assert!(missing.is_empty(), "modules without a leading //! line: {missing:?}");
    }

    #[test]
    fn the_app_names_no_network_storage_or_raw_html_api() {
        let mut files = Vec::new();
        files_with_extension(&root().join("src"), "rs", &mut files);
        files_with_extension(&root().join("studio/src"), "rs", &mut files);
        files.push(root().join("index.html"));
        let mut hits = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                for word in FORBIDDEN_IN_APP {
                    if line.contains(word) {
                        hits.push(format!("{}:{}: {word}", file.display(), n + 1));
                    }
                }
            }
        }
        assert!(hits.is_empty(), "network, storage or raw-HTML API in the app: {hits:?}");
    }

    #[test]
    fn the_app_depends_on_no_network_or_storage_crate() {
        for app in ["Cargo.toml", "studio/Cargo.toml"] {
            let manifest = std::fs::read_to_string(root().join(app)).unwrap();
            let dependencies = manifest.split("[dependencies]").nth(1).unwrap().split("\n[").next().unwrap();
            for name in FORBIDDEN_CRATES {
                assert!(!dependencies.lines().any(|l| l.starts_with(&format!("{name} ")) || l.starts_with(&format!("{name}="))), "{app} depends on {name}");
            }
            for feature in ["\"Storage\"", "\"Request\"", "\"XmlHttpRequest\"", "\"WebSocket\"", "\"IdbFactory\""] {
                assert!(!manifest.contains(feature), "{app}: web-sys feature {feature} enabled");
            }
        }
    }

    #[test]
    fn the_import_audit_catches_network_storage_and_raw_html() {
        let glue = "imports.wbg.__wbg_fetch_0123456789abcdef = function() {}; imports.wbg.__wbg_localStorage_aa = 1;\n\
                    imports.wbg.__wbg_setinnerHTML_bb = 1; imports.wbg.__wbg_focus_cc = 1; imports.wbg.__wbg_document_dd = 1;";
        assert_eq!(crate::build::forbidden_imports(glue), ["fetch", "localStorage", "setinnerHTML"]);
        assert!(crate::build::forbidden_imports("imports.wbg.__wbg_focus_cc = 1;").is_empty());
    }

    #[test]
    fn the_page_loads_nothing_remote() {
        for kind in [crate::build::PageKind::Advisor, crate::build::PageKind::Studio] {
            let html = crate::build::page_of(kind, "", "", "").unwrap();
            assert!(!html.contains("http://") && !html.contains("https://"), "the {kind:?} page names a remote address");
        }
        for variant in [crate::build::Variant::Full, crate::build::Variant::Studio] {
            let css = crate::build::stylesheet(variant).unwrap();
            assert!(!css.contains("url(") && !css.contains("@import"), "a stylesheet of {variant:?} loads something");
        }
    }

    #[test]
    fn the_stylesheet_colours_each_tone_as_the_diagrams_do() {
        let css = std::fs::read_to_string(root().join("styles/advisor.css")).unwrap();
        for tone in ethics_engine::Tone::ALL {
            for rule in [format!(".ea-panel--{} {{ background: ", tone.name()), format!(".ea-inset--{} {{ border-left-color: ", tone.name())] {
                let line = css.lines().find(|l| l.contains(&rule)).unwrap_or_else(|| panic!("styles/advisor.css has no rule {rule:?}"));
                assert!(line.contains(&format!(", {});", tone.colour())), "{line}: the engine draws {} in {}", tone.name(), tone.colour());
            }
        }
    }

    #[test]
    fn ci_runs_exactly_the_readme_test_command() {
        let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
        let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
        assert!(readme.contains("cargo xtask test"), "README shows the test command");
        assert!(readme.contains("cargo xtask serve"), "README shows the serve command");
        let commands: Vec<&str> = ci.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("set ")).collect();
        assert_eq!(commands.last().copied(), Some("cargo xtask test"), ".ci/run ends with the README test command");
    }
}
