//! Installs what the workflows need, idempotently: each step checks first, says what it
//! found, and installs only what is missing — from package registries only (cargo, npm,
//! apt), never a prebuilt binary from elsewhere.

use crate::{root, run_cmd};
use std::path::PathBuf;
use std::process::Command;

/// Where the installed tools are.
pub struct Tools {
    pub wasm_opt: PathBuf,
    /// binaryen's assembler, for the pages' decoder (`xtask/src/page_text.wat`).
    pub wasm_as: PathBuf,
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
    Ok(Tools { wasm_opt: root().join("node_modules/.bin/wasm-opt"), wasm_as: root().join("node_modules/.bin/wasm-as"), terser: root().join("node_modules/.bin/terser") })
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
    ensure_cargo_tool(&TWIGGY)?;
    match output("brotli", &["--version"]) {
        Some(found) => ok(&found),
        None => {
            installing("brotli (apt)");
            apt_install(&["brotli"])?;
        }
    }
    Ok(tools)
}

/// A tool built from crates.io with `cargo install`, at a pinned version.
struct CargoTool {
    name: &'static str,
    version: &'static str,
    /// How it tells its version (the first line of the answer is shown).
    version_args: &'static [&'static str],
    how_long: &'static str,
}

const TWIGGY: CargoTool = CargoTool { name: "twiggy", version: "0.8.0", version_args: &["--version"], how_long: "about 2 minutes" };
/// For the supply-chain checks of `deny.toml`.
const CARGO_DENY: CargoTool = CargoTool { name: "cargo-deny", version: "0.20.2", version_args: &["--version"], how_long: "about 6 minutes on 2 cores" };
/// For `cargo xtask mutants`; it answers `--version` only as cargo runs it.
const CARGO_MUTANTS: CargoTool = CargoTool { name: "cargo-mutants", version: "27.1.0", version_args: &["mutants", "--version"], how_long: "about 6 minutes on 2 cores" };
/// For the component tests in Firefox.
const GECKODRIVER: CargoTool = CargoTool { name: "geckodriver", version: "0.37.1", version_args: &["--version"], how_long: "about 5 minutes on 2 cores" };

fn ensure_cargo_tool(tool: &CargoTool) -> Result<(), String> {
    match output(tool.name, tool.version_args).and_then(|found| found.lines().next().map(str::to_owned)) {
        Some(line) if line.contains(tool.version) => ok(&line),
        _ => {
            installing(&format!("{} {} (cargo install; {})", tool.name, tool.version, tool.how_long));
            run_cmd(Command::new("cargo").args(["install", tool.name, "--locked", "--version", tool.version, "--force"]))?;
        }
    }
    Ok(())
}

pub fn ensure_cargo_deny() -> Result<(), String> {
    ensure_cargo_tool(&CARGO_DENY)
}

pub fn ensure_cargo_mutants() -> Result<(), String> {
    ensure_cargo_tool(&CARGO_MUTANTS)
}

/// geckodriver, installed if missing; returns its path.
pub fn ensure_geckodriver() -> Result<String, String> {
    ensure_cargo_tool(&GECKODRIVER)?;
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
