//! `cargo xtask test`: installs what is missing, then runs every test layer in turn — engine
//! and tooling natively (unit, property, fixture, case-file, tidy), the supply chain, the app's
//! state natively, the rule pack and case library, components in headless Chromium and Firefox,
//! end-to-end journeys in Chromium, Firefox and WebKitGTK against the served release build and
//! the single file, and `serve`'s edit loop on a copy of the project — and
//! ends with one line: "N passed, N failed".

use crate::{bench, build, cases, root, run_cmd, serve, setup};
use std::io::BufRead;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

pub fn run() -> Result<(), String> {
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
    layer(
        "supply chain: cargo deny check licenses bans sources (deny.toml)",
        setup::ensure_cargo_deny().and_then(|()| run_cmd(Command::new("cargo").args(["deny", "check", "licenses", "bans", "sources"]))),
    );
    layer("app state (native)", run_cmd(Command::new("cargo").args(["test", "--package", "ethics-advisor", "--lib"])));
    layer("rule pack check", cases::check_rules(None));
    layer("case library", cases::run(None, Vec::new()));
    layer(
        "components in headless Chromium (wasm-bindgen-test)",
        run_cmd(Command::new("cargo").args(["test", "--target", "wasm32-unknown-unknown", "--package", "ethics-advisor", "--test", "components"]).env("CHROMEDRIVER", chromedriver())),
    );
    layer(
        "components in headless Firefox ESR (wasm-bindgen-test, geckodriver)",
        setup::ensure_geckodriver().and_then(|geckodriver| {
            run_cmd(Command::new("cargo").args(["test", "--target", "wasm32-unknown-unknown", "--package", "ethics-advisor", "--test", "components"]).env("GECKODRIVER", geckodriver))
        }),
    );
    let built = layer("release build (the single-file page and the files to embed)", build::hosted(&tools).map(|_| ()));
    if built {
        layer("shipped code: no network, storage or raw-HTML import", build::audit_shipped_imports());
        layer("size budgets: the single files (staff, trainers) and the staff embed's first visit", bench::check_size_budget());
        layer("end-to-end in Chromium, Firefox ESR and WebKitGTK: the served app and the single file from file://", end_to_end(&[]));
    }
    layer("edit loop: `serve` rebuilds and reloads the page after an edit, and shows a broken one (on a copy)", edit_loop());

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
pub fn fuzz(cases: u64) -> Result<(), String> {
    println!("fuzz: {cases} inputs per fuzz test");
    run_cmd(Command::new("cargo").args(["test", "--release", "--package", "ethics-engine", "--test", "fuzz"]).env("FUZZ_CASES", cases.to_string()))
}

/// `cargo xtask mutants [FILE...]`: mutation testing of the engine with cargo-mutants (every
/// file of it, or those named): each mutant is the engine with one small change, and the
/// engine's own tests must fail on it. One job at a time (2 cores: the build is the cost);
/// the results go to `target/mutants/mutants.out/` (`caught.txt`, `missed.txt`, …). With
/// `iterate`, only the mutants the runs before did not catch (and those of changed code).
pub fn mutants(files: &[std::path::PathBuf], iterate: bool) -> Result<(), String> {
    setup::ensure_cargo_mutants()?;
    let mut cargo = Command::new("cargo");
    // Every feature, so that the code only the build and the studio compile (publish) is tested.
    cargo.args(["mutants", "--package", "ethics-engine", "--all-features", "--jobs", "1", "--no-shuffle", "--output", "target/mutants"]);
    if iterate {
        cargo.arg("--iterate");
    }
    for file in files {
        cargo.arg("--file").arg(file);
    }
    run_cmd(&mut cargo)
}

/// `cargo xtask e2e [FILE...]`: only the browser journeys (all, or the test files named), on a
/// fresh release build.
pub fn end_to_end_only(files: &[std::path::PathBuf]) -> Result<(), String> {
    let tools = setup::ensure_all()?;
    build::hosted(&tools)?;
    end_to_end(files)
}

fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

/// Serves `dist/` on a free loopback port for the node test runner.
fn end_to_end(files: &[std::path::PathBuf]) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen on loopback: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dist = root().join("dist");
    // The test host pages embed the app the way an intranet page would, next to its files.
    let hosts = dist.join("hosts");
    std::fs::create_dir_all(&hosts).map_err(|e| format!("cannot create {}: {e}", hosts.display()))?;
    for entry in std::fs::read_dir(root().join("tests/e2e/hosts")).map_err(|e| format!("cannot read tests/e2e/hosts: {e}"))?.flatten() {
        std::fs::copy(entry.path(), hosts.join(entry.file_name())).map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
    }
    snippet_hosts(&dist, &hosts)?;
    std::thread::spawn(move || serve::serve_forever(listener, dist));
    let cases = root().join("target/e2e/cases.json");
    let count = cases::export_for_browser(&cases)?;
    println!("e2e: {count} cases exported for replay through the UI");
    // The benchmark's SurveyJS peer, checked to be a fair copy of the gifts questionnaire.
    let (peer, _) = crate::peer::write(&root().join("target/e2e"))?;
    run_cmd(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .args(if files.is_empty() { vec!["tests/e2e/".into()] } else { files.to_vec() })
            .env("BASE_URL", format!("http://127.0.0.1:{port}/"))
            .env("CASES_JSON", &cases)
            .env("SINGLE_FILE", root().join("dist/ethics-advisor.html"))
            .env("TRAINER_SINGLE_FILE", root().join("dist/trainer/ethics-advisor.html"))
            .env("PEER_FILE", peer)
            // For the studio's round trip: its exported files through `check-rules`.
            .env("XTASK", std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?),
    )
}

/// Host pages made of the snippet the build wrote (`embed-snippet.html`), as an intranet team
/// would paste it: as written, with its script changed after the snippet was made (which
/// the browser must refuse), and with the embed's files beside it but for one language's
/// rule pack changed: the English one, which the host page (`data-lang="en"`) loads first
/// (`boot.js` must refuse it, and the advisor say so in its place), or the French one, which
/// it loads only when the user switches (the advisor must stay as it is, and say so).
fn snippet_hosts(dist: &Path, hosts: &Path) -> Result<(), String> {
    let snippet = std::fs::read_to_string(dist.join("embed-snippet.html")).map_err(|e| format!("cannot read the embed snippet: {e}"))?;
    let snippet = snippet.replace("href=\"ethics-advisor.css\"", "href=\"../ethics-advisor.css\"");
    let page = |script: &str| {
        let body = snippet.replace("src=\"boot.js\"", &format!("src=\"{script}\""));
        format!("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n<title>Staff intranet — the pasted snippet</title>\n</head>\n<body>\n{body}</body>\n</html>\n")
    };
    for (folder, changed) in [("pack-changed", "pack.en.bin"), ("language-changed", "pack.fr.bin")] {
        let folder = hosts.join(folder);
        std::fs::create_dir_all(&folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        for file in ["boot.js", ethics_engine::shipped::APP_FILE, "ethics-advisor.css", "embed-snippet.html", "pack.en.bin", "pack.fr.bin", "pack.es.bin"] {
            let mut bytes = std::fs::read(dist.join(file)).map_err(|e| format!("cannot read dist/{file}: {e}"))?;
            if file == changed {
                bytes.extend_from_slice(b"changed after the build");
            }
            std::fs::write(folder.join(file), bytes).map_err(|e| format!("cannot write {}: {e}", folder.join(file).display()))?;
        }
        build::write(&folder.join("index.html"), &page("boot.js").replace("../ethics-advisor.css", "ethics-advisor.css"))?;
    }
    let boot = std::fs::read_to_string(dist.join("boot.js")).map_err(|e| format!("cannot read dist/boot.js: {e}"))?;
    build::write(&hosts.join("boot-changed.js"), &format!("{boot}// changed after the snippet was written\n"))?;
    build::write(&hosts.join("snippet.html"), &page("../boot.js"))?;
    build::write(&hosts.join("snippet-changed.html"), &page("boot-changed.js"))
}

/// `serve`'s edit loop, on a copy of the project's tracked files in `target/serve-copy/` (its
/// edits never touch this tree; the copy keeps its own `target/` between runs): this xtask
/// serves the copy in development mode, and a browser script edits a rule text, breaks the
/// pack and mends it, watching the page.
fn edit_loop() -> Result<(), String> {
    let copy = root().join("target/serve-copy");
    sync_tracked_files(&copy)?;
    let port = TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()).map_err(|e| format!("no free loopback port: {e}"))?.port();
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this xtask: {e}"))?;
    let mut server = Command::new(exe)
        .args(["serve", "--port", &port.to_string()])
        .env("ETHICS_ADVISOR_ROOT", &copy)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start serve: {e}"))?;
    // Every line the server prints is echoed and kept: the test reads the terminal too.
    let said = Arc::new(Mutex::new(String::new()));
    let (ready_tx, ready_rx) = mpsc::channel();
    let pipes: Vec<Box<dyn std::io::Read + Send>> = vec![Box::new(server.stdout.take().expect("piped")), Box::new(server.stderr.take().expect("piped"))];
    for pipe in pipes {
        let (said, ready) = (said.clone(), ready_tx.clone());
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(pipe).lines().map_while(Result::ok) {
                println!("  serve| {line}");
                if line.starts_with("serve: serving") {
                    let _ = ready.send(true);
                }
                if let Ok(mut said) = said.lock() {
                    said.push_str(&line);
                    said.push('\n');
                }
            }
            let _ = ready.send(false); // the server has stopped
        });
    }
    // A cold copy compiles the app's dependencies once: minutes on a fresh machine.
    let result = match ready_rx.recv_timeout(Duration::from_secs(1200)) {
        Err(_) => Err("serve did not start serving within 20 minutes".to_owned()),
        Ok(false) => Err("serve stopped before it was serving (its output is above)".to_owned()),
        Ok(true) => run_cmd(
            Command::new("node")
                .args(["--test", "tests/e2e/edit-loop.check.mjs"])
                .env("DEV_URL", format!("http://127.0.0.1:{port}/"))
                .env("COPY_DIR", &copy),
        )
        .and_then(|()| {
            let said = said.lock().map(|s| s.clone()).unwrap_or_default();
            // The broken edit is in the terminal too, with its file and line.
            match said.lines().find(|l| l.contains("1_gifts.toml:") && l.contains("exchang")) {
                Some(_) => Ok(()),
                None => Err("serve's terminal did not name the broken rule file and line".to_owned()),
            }
        }),
    };
    let _ = server.kill();
    let _ = server.wait();
    sync_tracked_files(&copy)?;
    result
}

/// Makes `copy` hold exactly the files git tracks here, writing only those whose bytes
/// differ, so that cargo's fingerprints in the copy stay warm.
fn sync_tracked_files(copy: &Path) -> Result<(), String> {
    let listed = Command::new("git").args(["ls-files", "-z"]).current_dir(root()).output().map_err(|e| format!("cannot run git ls-files: {e}"))?;
    if !listed.status.success() {
        return Err("git ls-files failed: the edit-loop test copies the tracked files".into());
    }
    let files: Vec<String> = String::from_utf8_lossy(&listed.stdout).split('\0').filter(|f| !f.is_empty()).map(str::to_owned).collect();
    for file in &files {
        let (from, to) = (root().join(file), copy.join(file));
        let Ok(bytes) = std::fs::read(&from) else { continue }; // deleted in the work tree
        if std::fs::read(&to).ok().as_deref() != Some(&bytes[..]) {
            std::fs::create_dir_all(to.parent().expect("a file has a folder")).map_err(|e| format!("cannot create a folder for {}: {e}", to.display()))?;
            std::fs::write(&to, &bytes).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
        }
    }
    // What the copy has beyond them (a file since removed here) would change its build.
    for folder in ["rules", "cases", "src", "styles", "engine/src"] {
        remove_untracked(&copy.join(folder), copy, &files)?;
    }
    Ok(())
}

fn remove_untracked(folder: &Path, copy: &Path, tracked: &[String]) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Ok(()) };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            remove_untracked(&path, copy, tracked)?;
        } else if let Ok(relative) = path.strip_prefix(copy) {
            if !tracked.iter().any(|t| Path::new(t) == relative) {
                std::fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}
