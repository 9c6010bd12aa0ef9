//! Installs what the workflows need, idempotently: each step checks first, says what it
//! found, and installs only what is missing — from package registries only (cargo, npm,
//! apt), never a prebuilt binary from elsewhere.

use crate::{root, run_cmd};
use std::path::PathBuf;
use std::process::Command;

/// Where the installed tools are.
pub struct Tools {
    pub wasm_opt: PathBuf,
    pub terser: PathBuf,
}

/// What a development build needs (`serve` without `--release`): no optimizer, no minifier.
pub fn ensure_dev_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()
}

/// Everything a release build needs.
pub fn ensure_build_tools() -> Result<Tools, String> {
    ensure_dev_tools()?;
    ensure_node()?;
    ensure_npm_packages()?;
    Ok(Tools { wasm_opt: root().join("node_modules/.bin/wasm-opt"), terser: root().join("node_modules/.bin/terser") })
}

/// Everything `test` needs as well: Chromium and its driver.
pub fn ensure_all() -> Result<Tools, String> {
    let tools = ensure_build_tools()?;
    ensure_chromium()?;
    ensure_other_browsers()?;
    Ok(tools)
}

/// Firefox ESR, and WebKitGTK's WebDriver with a virtual display for it (Debian's packages).
fn ensure_other_browsers() -> Result<(), String> {
    let firefox = output("firefox-esr", &["--version"]);
    let webkit = output("which", &["WebKitWebDriver"]).zip(output("which", &["xvfb-run"])).zip(output("which", &["xauth"]));
    if let (Some(firefox), Some(_)) = (&firefox, &webkit) {
        ok(&format!("{firefox}; WebKitWebDriver, xvfb-run"));
        return Ok(());
    }
    installing("Firefox ESR, WebKitGTK's WebDriver and Xvfb (apt)");
    apt_install(&["firefox-esr", "webkit2gtk-driver", "xvfb", "xauth"])
}

/// Everything `bench` needs as well: twiggy (size profiles) and brotli (compressed sizes).
pub fn ensure_bench_tools() -> Result<Tools, String> {
    let tools = ensure_all()?;
    match output("twiggy", &["--version"]) {
        Some(found) if found.ends_with(TWIGGY_VERSION) => ok(&format!("twiggy {TWIGGY_VERSION}")),
        _ => {
            installing(&format!("twiggy {TWIGGY_VERSION} (cargo install; about 2 minutes)"));
            run_cmd(Command::new("cargo").args(["install", "twiggy", "--version", TWIGGY_VERSION, "--force"]))?;
        }
    }
    match output("brotli", &["--version"]) {
        Some(found) => ok(&found),
        None => {
            installing("brotli (apt)");
            apt_install(&["brotli"])?;
        }
    }
    Ok(tools)
}

const TWIGGY_VERSION: &str = "0.8.0";

const CARGO_DENY_VERSION: &str = "0.20.2";

/// cargo-deny, for the supply-chain checks of `deny.toml` (built from crates.io).
pub fn ensure_cargo_deny() -> Result<(), String> {
    match output("cargo-deny", &["--version"]) {
        Some(found) if found.ends_with(CARGO_DENY_VERSION) => ok(&found),
        _ => {
            installing(&format!("cargo-deny {CARGO_DENY_VERSION} (cargo install; several minutes on 2 cores)"));
            run_cmd(Command::new("cargo").args(["install", "cargo-deny", "--locked", "--version", CARGO_DENY_VERSION, "--force"]))?;
        }
    }
    Ok(())
}

const CARGO_MUTANTS_VERSION: &str = "27.1.0";

/// cargo-mutants, for `cargo xtask mutants` (built from crates.io).
pub fn ensure_cargo_mutants() -> Result<(), String> {
    // Run as cargo runs it: `cargo-mutants mutants …`.
    match output("cargo-mutants", &["mutants", "--version"]) {
        Some(found) if found.ends_with(CARGO_MUTANTS_VERSION) => ok(&found),
        _ => {
            installing(&format!("cargo-mutants {CARGO_MUTANTS_VERSION} (cargo install; a few minutes on 2 cores)"));
            run_cmd(Command::new("cargo").args(["install", "cargo-mutants", "--locked", "--version", CARGO_MUTANTS_VERSION, "--force"]))?;
        }
    }
    Ok(())
}

const GECKODRIVER_VERSION: &str = "0.37.1";

/// geckodriver, for the component tests in Firefox (built from crates.io); returns its path.
pub fn ensure_geckodriver() -> Result<String, String> {
    match output("geckodriver", &["--version"]) {
        Some(found) if found.lines().next().is_some_and(|l| l.contains(GECKODRIVER_VERSION)) => ok(found.lines().next().unwrap_or_default()),
        _ => {
            installing(&format!("geckodriver {GECKODRIVER_VERSION} (cargo install; about 5 minutes on 2 cores)"));
            run_cmd(Command::new("cargo").args(["install", "geckodriver", "--locked", "--version", GECKODRIVER_VERSION, "--force"]))?;
        }
    }
    output("which", &["geckodriver"]).ok_or_else(|| "geckodriver is installed but not on the PATH (~/.cargo/bin)".to_owned())
}

/// Graphviz (Debian's package), for comparing our diagram layout with `dot`.
pub fn ensure_graphviz() -> Result<(), String> {
    // `dot -V` writes its version to standard error.
    match Command::new("dot").arg("-V").output().ok().filter(|o| o.status.success()).map(|o| String::from_utf8_lossy(&o.stderr).trim().to_owned()) {
        Some(found) => ok(&found),
        None => {
            installing("graphviz (apt)");
            apt_install(&["graphviz"])?;
        }
    }
    Ok(())
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn ok(what: &str) {
    println!("setup: ✓ {what}");
}

fn installing(what: &str) {
    println!("setup: installing {what} …");
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        ok("Rust target wasm32-unknown-unknown");
        return Ok(());
    }
    installing("the Rust target wasm32-unknown-unknown (rustup)");
    run_cmd(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly this version.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|v| v.strip_suffix('"')) {
                return Ok(version.to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let version = locked_wasm_bindgen_version()?;
    let found = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if found.ends_with(&version) && runner.ends_with(&version) {
        ok(&format!("wasm-bindgen-cli {version}"));
        return Ok(());
    }
    installing(&format!("wasm-bindgen-cli {version} (cargo install; about 2 minutes; found {:?})", found));
    // Not --locked: the CLI's own lockfile pins a webpki-roots release the registry lacks.
    run_cmd(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version, "--force"]))
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let is_root = output("id", &["-u"]).is_some_and(|u| u == "0");
    if !is_root {
        return Err(format!("{} must be installed with apt-get, which needs root: run `sudo apt-get install -y {}` or run this command as root", packages.join(", "), packages.join(" ")));
    }
    run_cmd(Command::new("apt-get").args(["update", "-qq"]))?;
    run_cmd(Command::new("apt-get").args(["install", "-y", "-qq", "--no-install-recommends"]).args(packages).env("DEBIAN_FRONTEND", "noninteractive"))
}

fn ensure_node() -> Result<(), String> {
    match (output("node", &["--version"]), output("npm", &["--version"])) {
        (Some(node), Some(npm)) => {
            ok(&format!("Node.js {node}, npm {npm}"));
            Ok(())
        }
        _ => {
            installing("Node.js and npm (apt)");
            apt_install(&["nodejs", "npm"])
        }
    }
}

/// The `"name": "version"` pairs of package.json's devDependencies (pinned exactly).
pub fn pinned_npm_packages() -> Result<Vec<(String, String)>, String> {
    let manifest = std::fs::read_to_string(root().join("package.json")).map_err(|e| format!("cannot read package.json: {e}"))?;
    let block = manifest.split("\"devDependencies\"").nth(1).and_then(|b| b.split('}').next()).ok_or("package.json has no devDependencies")?;
    Ok(block
        .lines()
        .filter_map(|l| {
            let mut quoted = l.split('"').skip(1).step_by(2);
            Some((quoted.next()?.to_owned(), quoted.next()?.to_owned()))
        })
        .collect())
}

fn ensure_npm_packages() -> Result<(), String> {
    let pinned = pinned_npm_packages()?;
    let installed = |(name, version): &(String, String)| {
        std::fs::read_to_string(root().join("node_modules").join(name).join("package.json"))
            .is_ok_and(|m| m.contains(&format!("\"version\": \"{version}\"")))
    };
    let listed: Vec<String> = pinned.iter().map(|(n, v)| format!("{n}@{v}")).collect();
    if pinned.iter().all(installed) {
        ok(&format!("npm packages {}", listed.join(", ")));
        return Ok(());
    }
    installing(&format!("npm packages {} from package-lock.json (npm ci)", listed.join(", ")));
    run_cmd(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn ensure_chromium() -> Result<(), String> {
    let chromium = output("chromium", &["--version"]);
    let driver = output("chromedriver", &["--version"]);
    if let (Some(c), Some(d)) = (&chromium, &driver) {
        ok(&format!("{c}; {}", d.split(" (").next().unwrap_or(d)));
        return Ok(());
    }
    installing("Chromium and ChromeDriver (apt)");
    apt_install(&["chromium", "chromium-driver"])
}
