//! `cargo xtask …`: every workflow of ethics-advisor in one place — set-up, build, bundle,
//! serve, test, rule checks and case files. Nothing is hidden in CI alone.

mod bench;
mod build;
mod bundle;
mod cases;
mod cli;
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

use cli::Task;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    put_tools_on_path();
    let result = cli::parse(std::env::args_os().skip(1)).and_then(|task| match task {
        Task::Serve { port, mode } => serve::run(port, mode),
        Task::Test => test::run(),
        Task::EndToEnd { files } => test::end_to_end_only(&files),
        Task::Fuzz { cases } => test::fuzz(cases),
        Task::Build => setup::ensure_build_tools().and_then(|tools| build::hosted(&tools).map(|_| ())),
        Task::Bundle => setup::ensure_build_tools().and_then(|tools| build::hosted(&tools)).map(|dist| {
            println!("bundle: {} (staff), {} (trainers)", dist.join("ethics-advisor.html").display(), dist.join("trainer/ethics-advisor.html").display());
        }),
        Task::Studio => setup::ensure_build_tools().and_then(|tools| build::hosted(&tools)).map(|dist| {
            println!("studio: {}", dist.join("studio.html").display());
        }),
        Task::Bench { runs } => bench::run(runs),
        Task::BenchCompare { pages, runs, trace } => bench::compare(&pages, runs, trace),
        Task::Peer { dir } => peer::run(dir),
        Task::EngineScaling { out } => bench::engine_scaling(&out),
        Task::CheckRules { dir } => cases::check_rules(dir),
        Task::Cases { rules, paths } => cases::run(rules, paths),
        Task::ReaderSheets { rules, out } => sheets::run(rules, out),
        Task::Diagram { dir } => cases::diagrams(dir),
        Task::DiagramCompare => graphviz::compare(),
        Task::Mutants { files, iterate } => test::mutants(&files, iterate),
        Task::Setup => setup::ensure_all().map(|_| ()),
        Task::Help => {
            println!("{}", cli::USAGE);
            Ok(())
        }
    });
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

/// The command as echoed before it runs.
fn echoed(cmd: &std::process::Command) -> String {
    let shown = format!("{cmd:?}").replace('"', "");
    println!("$ {shown}");
    shown
}

/// Runs a command in the repository root, echoing it; fails with its exit status.
pub fn run_cmd(cmd: &mut std::process::Command) -> Result<(), String> {
    let shown = echoed(cmd);
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
    let shown = echoed(cmd);
    let out = cmd.current_dir(root()).output().map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    let said = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        return Ok(());
    }
    let progress = ["Compiling ", "Finished ", "Blocking ", "Building ", "Checking ", "Running ", "Updating ", "Locking ", "Downloaded ", "Downloading "];
    let errors: Vec<&str> = said.lines().filter(|l| !progress.iter().any(|p| l.trim_start().starts_with(p))).collect();
    Err(errors.join("\n").trim().to_owned())
}

/// Runs a command in the repository root like [`run_cmd`], and returns what it printed; on
/// failure, the error is what it said went wrong.
pub fn run_cmd_output(cmd: &mut std::process::Command) -> Result<Vec<u8>, String> {
    let shown = echoed(cmd);
    let out = cmd.current_dir(root()).output().map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!("`{shown}` failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim()))
    }
}
