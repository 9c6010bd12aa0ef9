//! The command line of `cargo xtask`, read with lexopt into one typed [`Task`]: each
//! command's options are checked here, so a mistyped one is refused before any work starts.

use lexopt::prelude::*;
use std::ffi::OsString;
use std::path::PathBuf;

pub const USAGE: &str = "usage: cargo xtask <command>

  serve [--port N] [--release]
                       install what is missing, build, serve the app on http://127.0.0.1:8080, and rebuild
                       on every change: a development build whose page reloads itself (default), or the
                       release build in dist/ (--release); steps whose inputs did not change are skipped
  test                 install what is missing and run every test layer
  e2e [FILE...]        only the end-to-end browser tests (served app and single file): all
                       of tests/e2e/, or the test files named
  fuzz [--cases N]     fuzz the pack loader and the resume-code decoder (default 1,000,000 inputs each)
  build                release build into dist/: the single files (staff's, trainers' = index.html), the
                       staff embed, and the trainer embed in dist/trainer/
  bundle               the same build; names the single files to hand out: dist/ethics-advisor.html
                       (staff) and dist/trainer/ethics-advisor.html (trainers)
  studio               the same build; names the ethics office's studio: dist/studio.html
  bench [--runs N]     sizes, start-up and interaction against the SurveyJS peer (N runs each, default 15),
                       twiggy, what Fluent would add, engine scaling; targets (bench-output/bench.json)
  bench --compare PAGE… [--runs N] [--trace]
                       the start-up of advisor pages (single files) against each other, alternately,
                       unslowed and with the CPU slowed 4× (N runs, default 15); --trace: where the
                       main thread's time goes, slowed
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
  mutants [--iterate] [FILE...]
                       mutation testing of the engine with cargo-mutants (all of it, or the files
                       named); --iterate tests only what the last runs did not catch
  setup                only install what is missing";

/// Whether `serve` builds for development (reloading page) or serves the release build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Dev,
    Release,
}

/// What `cargo xtask` was asked to do.
#[derive(Debug, PartialEq)]
pub enum Task {
    Serve { port: u16, mode: Mode },
    Test,
    EndToEnd { files: Vec<PathBuf> },
    Fuzz { cases: u64 },
    Build,
    Bundle,
    Studio,
    Bench { runs: usize },
    BenchCompare { pages: Vec<PathBuf>, runs: usize, trace: bool },
    EngineScaling { out: PathBuf },
    Peer { dir: Option<PathBuf> },
    CheckRules { dir: Option<PathBuf> },
    Cases { rules: Option<PathBuf>, paths: Vec<PathBuf> },
    ReaderSheets { rules: Option<PathBuf>, out: Option<PathBuf> },
    Diagram { dir: Option<PathBuf> },
    DiagramCompare,
    Mutants { files: Vec<PathBuf>, iterate: bool },
    Setup,
    Help,
}

/// Reads the arguments after `cargo xtask`.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Task, String> {
    let mut parser = lexopt::Parser::from_iter(std::iter::once(OsString::from("xtask")).chain(args));
    let command = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(command)) => command.string().map_err(|e| e.to_string())?,
        Some(Long("help") | Short('h')) => return Ok(Task::Help),
        Some(other) => return Err(format!("{}\n\n{USAGE}", other.unexpected())),
        None => return Err(USAGE.to_owned()),
    };
    if !COMMANDS.contains(&command.as_str()) {
        return Err(format!("unknown command {command:?}\n\n{USAGE}"));
    }
    read(&command, &mut parser).map_err(|e| format!("{command}: {e}"))
}

const COMMANDS: [&str; 17] = [
    "serve", "test", "e2e", "fuzz", "build", "bundle", "studio", "bench", "engine-scaling", "peer", "check-rules", "cases", "reader-sheets", "diagram", "mutants", "setup", "help",
];

fn read(command: &str, parser: &mut lexopt::Parser) -> Result<Task, lexopt::Error> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let (mut port, mut mode, mut cases, mut runs, mut rules, mut compare, mut iterate, mut trace) = (8080, Mode::Dev, 1_000_000, 15, None, false, false, false);
    while let Some(arg) = parser.next()? {
        match (command, arg) {
            ("serve", Long("port")) => port = parser.value()?.parse()?,
            ("serve", Long("release")) => mode = Mode::Release,
            ("fuzz", Long("cases")) => cases = parser.value()?.parse()?,
            ("bench", Long("runs")) => runs = parser.value()?.parse::<usize>()?.max(1),
            ("cases" | "reader-sheets", Long("rules")) => rules = Some(PathBuf::from(parser.value()?)),
            ("diagram" | "bench", Long("compare")) => compare = true,
            ("bench", Long("trace")) => trace = true,
            ("mutants", Long("iterate")) => iterate = true,
            ("bench", Value(path)) if compare => paths.push(path.into()),
            ("e2e" | "engine-scaling" | "peer" | "check-rules" | "cases" | "reader-sheets" | "diagram" | "mutants", Value(path)) => paths.push(path.into()),
            (_, Long("help") | Short('h')) => return Ok(Task::Help),
            (_, arg) => return Err(arg.unexpected()),
        }
    }
    let mut paths = paths.into_iter();
    let mut at_most_one = |what: &str| -> Result<Option<PathBuf>, lexopt::Error> {
        let first = paths.next();
        match paths.next() {
            Some(extra) => Err(format!("one {what} at most; also got {}", extra.display()).into()),
            None => Ok(first),
        }
    };
    Ok(match command {
        "serve" => Task::Serve { port, mode },
        "test" => Task::Test,
        "e2e" => Task::EndToEnd { files: paths.collect() },
        "fuzz" => Task::Fuzz { cases },
        "build" => Task::Build,
        "bundle" => Task::Bundle,
        "studio" => Task::Studio,
        "bench" if compare => match paths.len() {
            0 => return Err("--compare needs the pages to compare".into()),
            _ => Task::BenchCompare { pages: paths.collect(), runs, trace },
        },
        "bench" if trace => return Err("--trace goes with --compare".into()),
        "bench" => Task::Bench { runs },
        "engine-scaling" => Task::EngineScaling { out: at_most_one("output file")?.ok_or("needs the JSON file to write")? },
        "peer" => Task::Peer { dir: at_most_one("folder")? },
        "check-rules" => Task::CheckRules { dir: at_most_one("folder")? },
        "cases" => Task::Cases { rules, paths: paths.collect() },
        "reader-sheets" => Task::ReaderSheets { rules, out: at_most_one("output folder")? },
        "diagram" if compare => match at_most_one("folder")? {
            Some(dir) => return Err(format!("--compare writes no files; drop {}", dir.display()).into()),
            None => Task::DiagramCompare,
        },
        "diagram" => Task::Diagram { dir: at_most_one("folder")? },
        "mutants" => Task::Mutants { files: paths.collect(), iterate },
        "setup" => Task::Setup,
        _ => Task::Help,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str]) -> Result<Task, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn each_command_reads_its_own_options() {
        assert_eq!(parsed(&["serve"]), Ok(Task::Serve { port: 8080, mode: Mode::Dev }));
        assert_eq!(parsed(&["serve", "--release", "--port", "9000"]), Ok(Task::Serve { port: 9000, mode: Mode::Release }));
        assert_eq!(parsed(&["serve", "--port=9001"]), Ok(Task::Serve { port: 9001, mode: Mode::Dev }));
        assert_eq!(parsed(&["bench", "--runs", "3"]), Ok(Task::Bench { runs: 3 }));
        assert_eq!(
            parsed(&["bench", "--compare", "a.html", "b.html", "--runs", "5", "--trace"]),
            Ok(Task::BenchCompare { pages: vec!["a.html".into(), "b.html".into()], runs: 5, trace: true })
        );
        assert_eq!(parsed(&["bench", "--compare"]), Err("bench: --compare needs the pages to compare".into()));
        assert_eq!(parsed(&["bench", "--trace"]), Err("bench: --trace goes with --compare".into()));
        assert!(parsed(&["bench", "a.html"]).is_err(), "pages only with --compare");
        assert_eq!(parsed(&["fuzz"]), Ok(Task::Fuzz { cases: 1_000_000 }));
        assert_eq!(parsed(&["cases", "--rules", "r", "a.toml", "b"]), Ok(Task::Cases { rules: Some("r".into()), paths: vec!["a.toml".into(), "b".into()] }));
        assert_eq!(parsed(&["reader-sheets", "out"]), Ok(Task::ReaderSheets { rules: None, out: Some("out".into()) }));
        assert_eq!(parsed(&["diagram", "--compare"]), Ok(Task::DiagramCompare));
        assert_eq!(parsed(&["diagram"]), Ok(Task::Diagram { dir: None }));
        assert_eq!(parsed(&["mutants", "engine/src/eval.rs"]), Ok(Task::Mutants { files: vec!["engine/src/eval.rs".into()], iterate: false }));
        assert_eq!(parsed(&["mutants", "--iterate"]), Ok(Task::Mutants { files: vec![], iterate: true }));
        assert_eq!(parsed(&["e2e"]), Ok(Task::EndToEnd { files: vec![] }));
        assert_eq!(parsed(&["studio"]), Ok(Task::Studio));
        assert_eq!(parsed(&["e2e", "tests/e2e/embedding.test.mjs"]), Ok(Task::EndToEnd { files: vec!["tests/e2e/embedding.test.mjs".into()] }));
        assert_eq!(parsed(&["--help"]), Ok(Task::Help));
    }

    #[test]
    fn a_wrong_option_says_which_and_where() {
        assert_eq!(parsed(&["serve", "--port"]).unwrap_err(), "serve: missing argument for option '--port'");
        assert!(parsed(&["serve", "--port", "many"]).unwrap_err().starts_with("serve: cannot parse argument \"many\""));
        assert_eq!(parsed(&["serve", "--watch"]).unwrap_err(), "serve: invalid option '--watch'");
        assert_eq!(parsed(&["test", "extra"]).unwrap_err(), "test: unexpected argument \"extra\"");
        assert_eq!(parsed(&["check-rules", "a", "b"]).unwrap_err(), "check-rules: one folder at most; also got b");
        assert_eq!(parsed(&["engine-scaling"]).unwrap_err(), "engine-scaling: needs the JSON file to write");
        assert!(parsed(&["frobnicate", "--x"]).unwrap_err().starts_with("unknown command \"frobnicate\""));
        assert!(parsed(&[]).unwrap_err().starts_with("usage: cargo xtask"));
    }
}
