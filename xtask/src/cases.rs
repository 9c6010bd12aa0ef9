//! `check-rules` and `cases`: validate a rule pack and run case files against it.

use crate::root;
use ethics_engine::{cases, load};
use std::path::{Path, PathBuf};

/// Loads the pack in `dir` (default `rules/`), printing every error with file and line.
pub fn load_pack(dir: Option<PathBuf>) -> Result<ethics_engine::Pack, String> {
    let dir = dir.unwrap_or_else(|| root().join("rules"));
    load::from_dir(&dir).map_err(|errors| {
        let prefix = format!("{}/", root().display());
        let lines: Vec<String> = errors.iter().map(|e| e.to_string().replacen(&prefix, "", 1)).collect();
        format!("the rule pack in {} is invalid ({} problem(s)):\n{}", dir.display(), errors.len(), lines.join("\n"))
    })
}

pub fn check_rules(dir: Option<PathBuf>) -> Result<(), String> {
    let pack = load_pack(dir)?;
    for topic in &pack.topics {
        let paths = ethics_engine::all_paths(topic);
        println!("topic {}: {} questions, {} paths to an outcome", topic.id, topic.questions.len(), paths.len());
    }
    println!("rule pack valid: {} topic(s), {} outcome(s), languages {}", pack.topics.len(), pack.outcomes.len(),
        pack.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", "));
    Ok(())
}

/// Runs every case file named (files or folders; default `tests/cases/`), against the pack
/// in `--rules DIR` (default `rules/`).
pub fn run(args: &[String]) -> Result<(), String> {
    let (rules, paths) = match args {
        [flag, dir, rest @ ..] if flag == "--rules" => (Some(PathBuf::from(dir)), rest),
        [flag] if flag == "--rules" => return Err("--rules needs a folder".into()),
        _ => (None, args),
    };
    let pack = load_pack(rules)?;
    let targets: Vec<PathBuf> = if paths.is_empty() { vec![root().join("tests/cases")] } else { paths.iter().map(PathBuf::from).collect() };
    let mut files = Vec::new();
    for target in &targets {
        collect(target, &mut files)?;
    }
    let (mut passed, mut failed, mut malformed) = (0, 0, 0);
    for file in &files {
        let name = file.display().to_string();
        let content = std::fs::read_to_string(file).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let parsed = match cases::parse(&pack, &name, &content) {
            Ok(parsed) => parsed,
            Err(errors) => {
                for e in errors {
                    println!("MALFORMED {e}");
                }
                malformed += 1;
                continue;
            }
        };
        for case in &parsed {
            let result = cases::run(&pack, case);
            match &result.failure {
                None => {
                    passed += 1;
                    println!("pass {name}:{} {} — {}", case.line, case.id, case.story[0]);
                }
                Some(why) => {
                    failed += 1;
                    println!("FAIL {name}:{} {} — {}\n     {why}", case.line, case.id, case.story[0]);
                    for line in &result.trace {
                        println!("     {line}");
                    }
                }
            }
        }
    }
    println!("cases: {passed} passed, {failed} failed");
    if failed > 0 || malformed > 0 {
        Err(format!("{failed} case(s) failed, {malformed} malformed file(s)"))
    } else if passed == 0 {
        Err("no cases found".into())
    } else {
        Ok(())
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    if path.is_dir() {
        load::collect_toml(path, out).map_err(|e| format!("{}: cannot read folder: {e}", path.display()))
    } else if path.is_file() {
        out.push(path.to_path_buf());
        Ok(())
    } else {
        Err(format!("{}: no such case file or folder", path.display()))
    }
}
