//! `check-rules` and `cases`: validate a rule pack and run case files against it.

use crate::root;
use ethics_engine::{cases, load};
use serde_json::json;
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
    print_wording_figures(&pack);
    println!("rule pack valid: {} topic(s), {} outcome(s), languages {}", pack.topics.len(), pack.outcomes.len(),
        pack.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", "));
    Ok(())
}

/// The wording figures per topic and language: every question meets its limits (or the
/// pack would not have loaded); these say by how much.
fn print_wording_figures(pack: &ethics_engine::Pack) {
    println!("\nwording, per topic and language (words counted after settings are filled in):");
    println!("{:<20} {:<4} {:>9} {:>15} {:>13} {:>11}  {:<40} hardest question", "topic", "lang", "questions", "words/question", "longest ask", "longest hint", "readability of all questions and hints");
    for row in ethics_engine::wording::figures(pack) {
        let readability = row.readability.map_or("(no formula)".to_owned(), |r| {
            let bound = if r.higher_is_easier { "≥" } else { "≤" };
            format!("{} {:.1} (limit per question {bound} {:.0})", r.formula, r.score, r.limit)
        });
        let hardest = row.hardest.map_or(String::new(), |(q, score)| format!("{q} ({score:.1})"));
        println!("{:<20} {:<4} {:>9} {:>15.1} {:>13} {:>11}  {:<40} {hardest}", row.topic, row.lang, row.questions, row.mean_question_words, row.longest_question_words, row.longest_hint_words, readability);
    }
    println!();
}

/// Runs every case file named (files or folders; default `cases/`), against the pack
/// in `--rules DIR` (default `rules/`).
pub fn run(rules: Option<PathBuf>, paths: Vec<PathBuf>) -> Result<(), String> {
    let pack = load_pack(rules)?;
    let targets: Vec<PathBuf> = if paths.is_empty() { vec![root().join("cases")] } else { paths.clone() };
    let (mut passed, mut failed, mut malformed) = (0, 0, 0);
    let mut library = Vec::new();
    for target in &targets {
        let (filed, errors) = cases::from_path(&pack, target);
        for e in &errors {
            println!("MALFORMED {e}");
        }
        malformed += errors.len();
        library.extend(filed.iter().map(|f| f.case.clone()));
        for cases::FiledCase { file, case } in &filed {
            let result = cases::run(&pack, case);
            match &result.failure {
                None => {
                    passed += 1;
                    println!("pass {file}:{} {} — {}", case.line, case.id, case.story[0]);
                }
                Some(why) => {
                    failed += 1;
                    println!("FAIL {file}:{} {} — {}\n     {why}", case.line, case.id, case.story[0]);
                    for line in &result.trace {
                        println!("     {line}");
                    }
                }
            }
        }
    }
    println!("cases: {passed} passed, {failed} failed");
    // The shipped library must also cover the pack; a file of one's own need not.
    let gaps = if paths.is_empty() { library_gaps(&pack, &library) } else { Vec::new() };
    for gap in &gaps {
        println!("GAP {gap}");
    }
    if failed > 0 || malformed > 0 || !gaps.is_empty() {
        Err(format!("{failed} case(s) failed, {malformed} problem(s) in case files, {} gap(s) in the library", gaps.len()))
    } else if passed == 0 {
        Err("no cases found".into())
    } else {
        Ok(())
    }
}

/// What the case library trainers use must hold: cases for every topic (at least eight) and
/// outcome, the eleven worked cases of the policy brief (§6, as `brief_<n>_…`), the source
/// that justifies each case, and a story in every language (none falling back to English).
fn library_gaps(pack: &ethics_engine::Pack, library: &[cases::Case]) -> Vec<String> {
    let mut gaps = Vec::new();
    for topic in &pack.topics {
        let count = library.iter().filter(|c| c.topic == topic.id).count();
        if count < 8 {
            gaps.push(format!("topic {} has {count} case(s); at least 8", topic.id));
        }
    }
    for outcome in &pack.outcomes {
        if !library.iter().any(|c| c.expect == outcome.id.as_str() || c.also.iter().any(|a| a == outcome.id.as_str())) {
            gaps.push(format!("no case expects outcome {}", outcome.id));
        }
    }
    for n in 1..=11 {
        if !library.iter().any(|c| c.id.starts_with(&format!("brief_{n}_"))) {
            gaps.push(format!("worked case {n} of the policy brief is missing (a case id brief_{n}_…)"));
        }
    }
    for case in library {
        if case.source.is_none() {
            gaps.push(format!("case {} names no source that justifies it", case.id));
        }
        for (lang, story) in pack.languages.iter().zip(&case.story).skip(1) {
            if story == &case.story[0] {
                gaps.push(format!("case {} has no {lang} story", case.id));
            }
        }
    }
    gaps
}

/// Writes every case of the library as JSON for the end-to-end tests, which replay each one
/// through the UI: `[{"id", "topic", "answers": {"q": {"choice": "no"} | {"amount": "15"}}, "expect"}]`.
pub fn export_for_browser(out: &Path) -> Result<usize, String> {
    let pack = load_pack(None)?;
    let (filed, errors) = cases::from_path(&pack, &root().join("cases"));
    if !errors.is_empty() {
        return Err(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
    }
    let mut entries = Vec::new();
    for cases::FiledCase { case, .. } in filed {
        let answers: serde_json::Map<String, serde_json::Value> = case
            .answers
            .iter()
            .map(|(q, a)| {
                let value = match a {
                    ethics_engine::Answer::Choice(o) => json!({ "choice": o.as_str() }),
                    ethics_engine::Answer::Amount(amount) => json!({ "amount": amount.plain() }),
                };
                (q.to_string(), value)
            })
            .collect();
        entries.push(json!({ "id": case.id, "topic": case.topic.as_str(), "answers": answers, "expect": case.expect }));
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let count = entries.len();
    let text = serde_json::to_string_pretty(&entries).map_err(|e| e.to_string())?;
    std::fs::write(out, text + "\n").map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(count)
}

/// `cargo xtask diagram [DIR]`: each topic's decision tree as SVG and Mermaid text, in each
/// language, into DIR (default `dist/diagrams/`).
pub fn diagrams(dir: Option<PathBuf>) -> Result<(), String> {
    let out = dir.unwrap_or_else(|| root().join("dist/diagrams"));
    let pack = load_pack(None)?;
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for topic in &pack.topics {
        for (lang, code) in pack.languages.iter().enumerate() {
            for (extension, text) in [("svg", ethics_engine::diagram::svg(&pack, topic, lang)), ("mmd", ethics_engine::diagram::mermaid(&pack, topic, lang))] {
                let path = out.join(format!("{}.{code}.{extension}", topic.id));
                std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }
        let layout = ethics_engine::diagram::layout(topic);
        println!("diagram: {} — {} boxes, {} edges, {} crossings", topic.id, layout.nodes.len(), layout.edges.len(), layout.crossings());
    }
    println!("diagram: SVG and Mermaid files for {} topic(s) in {} language(s) in {}", pack.topics.len(), pack.languages.len(), out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use ethics_engine::{cases, load};

    #[test]
    fn a_thin_library_is_told_what_it_lacks() {
        let pack = load::from_dir(&crate::root().join("engine/tests/fixture")).expect("the engine's fixture pack");
        let file = "[[case]]\nid = \"a\"\ntopic = \"demo\"\nstory.en = \"Cash.\"\nanswers = { cash = \"yes\" }\nexpect = \"no\"\n";
        let library = cases::parse(&pack, "c.toml", file).expect("a valid case file");
        let gaps = super::library_gaps(&pack, &library);
        for gap in ["topic loans has 0 case(s); at least 8", "topic demo has 1 case(s); at least 8", "no case expects outcome ok", "case a names no source that justifies it", "case a has no fr story"] {
            assert!(gaps.iter().any(|g| g == gap), "{gap:?} not in {gaps:#?}");
        }
        assert_eq!(gaps.iter().filter(|g| g.starts_with("worked case")).count(), 11);
        assert!(!gaps.iter().any(|g| g.contains("outcome no")), "a case expects no");
    }

}
