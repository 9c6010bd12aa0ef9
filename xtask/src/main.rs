//! `cargo xtask …`: every workflow of ethics-advisor in one place — set-up, build, bundle,
//! serve, test, rule checks and case files. Nothing is hidden in CI alone.

mod bench;
mod build;
mod bundle;
mod cases;
mod graphviz;
mod peer;
mod scaling;
mod serve;
mod setup;
mod sheets;
mod stamps;
mod test;
#[cfg(test)]
mod tidy;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  serve [--port N] [--release]
                       install what is missing, build, serve the app on http://127.0.0.1:8080, and rebuild
                       on every change: a development build whose page reloads itself (default), or the
                       release build in dist/ (--release); steps whose inputs did not change are skipped
  test                 install what is missing and run every test layer
  e2e                  only the end-to-end browser tests (served app and single file)
  fuzz [--cases N]     fuzz the pack loader and the resume-code decoder (default 1,000,000 inputs each)
  build                release build into dist/: the single-file page (index.html), the staff embed, and
                       the trainer embed in dist/trainer/
  bundle               the same build; names the single file to hand out: dist/ethics-advisor.html
  bench [--runs N]     sizes, start-up and interaction against the SurveyJS peer (N runs each, default 15),
                       twiggy, what Fluent would add, engine scaling; targets (bench-output/bench.json)
  engine-scaling OUT.json
                       validation and path enumeration at 1×, 10× and 100× the pack (run by bench)
  peer [DIR]           the SurveyJS page the bench compares with, and its journey (default: bench-output/)
  check-rules [DIR]    load and validate a rule pack (default: rules/)
  cases [--rules DIR] [PATH...]
                       run case files or folders of them (default: cases/) against a pack
  reader-sheets [--rules DIR] [OUT]
                       what the screens show, one sheet per language, for reader tests
                       (default: docs/reader-test/sheets/)
  diagram [DIR]        each topic's decision tree as SVG and Mermaid, per language (default: dist/diagrams/)
  diagram --compare    our layout against Graphviz dot: crossings and label overlaps per topic
  setup                only install what is missing";

fn main() -> ExitCode {
    put_tools_on_path();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("e2e") => test::end_to_end_only(),
        Some("fuzz") => test::fuzz(&args[1..]),
        Some("build") => setup::ensure_build_tools().and_then(|tools| build::hosted(&tools).map(|_| ())),
        Some("bundle") => setup::ensure_build_tools().and_then(|tools| build::hosted(&tools)).map(|dist| {
            println!("bundle: {}", dist.join("ethics-advisor.html").display());
        }),
        Some("bench") => bench::run(&args[1..]),
        Some("peer") => peer::run(&args[1..]),
        Some("engine-scaling") => bench::engine_scaling(&args[1..]),
        Some("check-rules") => cases::check_rules(args.get(1).map(PathBuf::from)),
        Some("cases") => cases::run(&args[1..]),
        Some("reader-sheets") => sheets::run(&args[1..]),
        Some("diagram") if args.get(1).is_some_and(|a| a == "--compare") => graphviz::compare(),
        Some("diagram") => cases::diagrams(&args[1..]),
        Some("setup") => setup::ensure_all().map(|_| ()),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
        None => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Child processes find the tools set-up installs: the project's npm tools first (binaryen's
/// wasm-opt must win over any other), then cargo's bin folder, then the inherited PATH.
fn put_tools_on_path() {
    let cargo_home = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let mut paths = vec![root().join("node_modules/.bin")];
    paths.extend(cargo_home.map(|c| c.join("bin")));
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    if let Ok(joined) = std::env::join_paths(paths) {
        std::env::set_var("PATH", joined);
    }
}

/// The project xtask works on: this checkout, or the copy named by `ETHICS_ADVISOR_ROOT` (the
/// test of `serve`'s edit loop runs it on a copy, so that its edits never touch this tree).
pub fn root() -> PathBuf {
    match std::env::var_os("ETHICS_ADVISOR_ROOT") {
        Some(copy) => PathBuf::from(copy),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask is inside the repository").to_path_buf(),
    }
}

/// Runs a command in the repository root, echoing it; fails with its exit status.
pub fn run_cmd(cmd: &mut std::process::Command) -> Result<(), String> {
    let shown = format!("{cmd:?}").replace('"', "");
    println!("$ {shown}");
    let status = cmd.current_dir(root()).status().map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command in the repository root like [`run_cmd`], but keeps its error output: on
/// failure the error is what the command said went wrong (cargo's errors with their files and
/// lines), without its progress lines.
pub fn run_cmd_keeping_errors(cmd: &mut std::process::Command) -> Result<(), String> {
    let shown = format!("{cmd:?}").replace('"', "");
    println!("$ {shown}");
    let out = cmd.current_dir(root()).output().map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    let said = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        return Ok(());
    }
    let progress = ["Compiling ", "Finished ", "Blocking ", "Building ", "Checking ", "Running ", "Updating ", "Locking ", "Downloaded ", "Downloading "];
    let errors: Vec<&str> = said.lines().filter(|l| !progress.iter().any(|p| l.trim_start().starts_with(p))).collect();
    Err(errors.join("\n").trim().to_owned())
}
