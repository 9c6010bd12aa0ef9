//! `cargo xtask test`: installs what is missing, then runs every test layer in turn — engine
//! and tooling natively (unit, property, fixture, case-file, tidy), the app's state natively,
//! the rule pack and case library, components in headless Chromium, and end-to-end journeys
//! against the served release build — and ends with one line: "N passed, N failed".

use crate::{bench, build, cases, root, run_cmd, serve, setup};
use std::net::TcpListener;
use std::process::Command;

pub fn run(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask test".into());
    }
    let tools = setup::ensure_all()?;
    let mut layers: Vec<(&str, Result<(), String>)> = Vec::new();
    let mut layer = |name: &'static str, result: Result<(), String>| {
        match &result {
            Ok(()) => println!("\n=== layer passed: {name}\n"),
            Err(e) => println!("\n=== layer FAILED: {name}: {e}\n"),
        }
        let ok = result.is_ok();
        layers.push((name, result));
        ok
    };

    layer("engine and xtask: unit, property, fixture, case-file and tidy tests", run_cmd(Command::new("cargo").args(["test", "--package", "ethics-engine", "--package", "xtask"])));
    layer("app state (native)", run_cmd(Command::new("cargo").args(["test", "--package", "ethics-advisor", "--lib"])));
    layer("rule pack check", cases::check_rules(None));
    layer("case library", cases::run(&[]));
    layer(
        "components in headless Chromium (wasm-bindgen-test)",
        run_cmd(Command::new("cargo").args(["test", "--target", "wasm32-unknown-unknown", "--package", "ethics-advisor", "--test", "components"]).env("CHROMEDRIVER", chromedriver())),
    );
    let built = layer("release build (the single-file page and the files to embed)", build::hosted(&tools).map(|_| ()));
    if built {
        layer("shipped code: no network, storage or raw-HTML import", build::audit_shipped_imports());
        layer("size budget of the single file", bench::check_size_budget());
        layer("end-to-end in Chromium: the served app and the single file from file://", end_to_end());
    }

    let failed: Vec<&str> = layers.iter().filter(|(_, r)| r.is_err()).map(|(n, _)| *n).collect();
    let passed = layers.len() - failed.len();
    println!("test layers: {passed} passed, {} failed", failed.len());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed: {}", failed.join("; ")))
    }
}

/// `cargo xtask fuzz [--cases N]`: the fuzz tests of the loader and the resume-code decoder
/// with N inputs each (default one million), optimized.
pub fn fuzz(args: &[String]) -> Result<(), String> {
    let cases = match args {
        [] => "1000000".to_owned(),
        [flag, n] if flag == "--cases" && n.parse::<u64>().is_ok() => n.clone(),
        _ => return Err("usage: cargo xtask fuzz [--cases N]".into()),
    };
    println!("fuzz: {cases} inputs per fuzz test");
    run_cmd(Command::new("cargo").args(["test", "--release", "--package", "ethics-engine", "--test", "fuzz"]).env("FUZZ_CASES", &cases))
}

/// `cargo xtask e2e`: only the browser journeys, on a fresh release build.
pub fn end_to_end_only() -> Result<(), String> {
    let tools = setup::ensure_all()?;
    build::hosted(&tools)?;
    end_to_end()
}

fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

/// Serves `dist/` on a free loopback port for the node test runner.
fn end_to_end() -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen on loopback: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dist = root().join("dist");
    // The test host pages embed the app the way an intranet page would, next to its files.
    let hosts = dist.join("hosts");
    std::fs::create_dir_all(&hosts).map_err(|e| format!("cannot create {}: {e}", hosts.display()))?;
    for entry in std::fs::read_dir(root().join("tests/e2e/hosts")).map_err(|e| format!("cannot read tests/e2e/hosts: {e}"))?.flatten() {
        std::fs::copy(entry.path(), hosts.join(entry.file_name())).map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
    }
    std::thread::spawn(move || serve::serve_forever(listener, dist));
    let cases = root().join("target/e2e/cases.json");
    let count = cases::export_for_browser(&cases)?;
    println!("e2e: {count} cases exported for replay through the UI");
    // The benchmark's SurveyJS peer, checked to be a fair copy of the gifts questionnaire.
    let (peer, _) = crate::peer::write(&root().join("target/e2e"))?;
    run_cmd(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "tests/e2e/"])
            .env("BASE_URL", format!("http://127.0.0.1:{port}/"))
            .env("CASES_JSON", &cases)
            .env("SINGLE_FILE", root().join("dist/ethics-advisor.html"))
            .env("PEER_FILE", peer),
    )
}
