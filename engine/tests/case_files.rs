//! The case library (`tests/cases/*.toml` at the repository root) as one data-driven test
//! suite, plus the case-file checks that must reject bad input with its line.

use ethics_engine::{cases, load};
use std::path::Path;

/// The default pack and every case of the library.
fn library() -> (ethics_engine::Pack, Vec<cases::Case>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let pack = load::from_dir(&root.join("rules")).expect("valid pack");
    let (all, errors) = cases::from_path(&pack, &root.join("tests/cases"));
    assert!(errors.is_empty(), "{errors:?}");
    (pack, all.into_iter().map(|filed| filed.case).collect())
}

#[test]
fn every_case_in_the_library_passes() {
    let (pack, all) = library();
    for case in &all {
        let result = cases::run(&pack, case);
        assert!(result.failure.is_none(), "{}: {:?}\n{}", case.id, result.failure, result.trace.join("\n"));
    }
}

#[test]
fn the_library_covers_every_topic_outcome_and_worked_case_of_the_brief() {
    let (pack, all) = library();
    assert!(all.len() >= 45, "at least 45 cases, found {}", all.len());
    for topic in &pack.topics {
        let count = all.iter().filter(|c| c.topic == topic.id).count();
        assert!(count >= 8, "topic {} has {count} cases; at least 8", topic.id);
    }
    for outcome in &pack.outcomes {
        let reached = all.iter().any(|c| c.expect == outcome.id.as_str() || c.also.iter().any(|a| a == outcome.id.as_str()));
        assert!(reached, "no case expects outcome {}", outcome.id);
    }
    // Policy brief §6 lists eleven worked cases; each is in the library as brief_<n>_….
    for n in 1..=11 {
        let prefix = format!("brief_{n}_");
        assert!(all.iter().any(|c| c.id.starts_with(&prefix)), "worked case {n} of the policy brief is missing");
    }
    assert!(all.iter().all(|c| c.source.is_some()), "every case names the source that justifies it");
    // Trainers show stories in every language: none may fall back to the English one.
    for case in &all {
        for (lang, story) in pack.languages.iter().zip(&case.story).skip(1) {
            assert_ne!(story, &case.story[0], "case {} has no {lang} story", case.id);
        }
    }
}

#[test]
fn a_malformed_case_file_is_rejected_with_file_line_and_reason() {
    let pack = load::from_sources(&[("p.toml".into(), include_str!("valid_pack.toml").into())]).unwrap();
    let bad = "[[case]]\nid = \"a\"\ntopic = \"demo\"\nstory.en = \"s\"\nanswers = { cash = \"maybe\" }\nexpect = \"ok\"\n\n[[case]]\nid = \"b\"\ntopic = \"nope\"\nstory.en = \"s\"\nanswers = {}\nexpect = \"ok\"\n";
    let errors: Vec<String> = cases::parse(&pack, "c.toml", bad).unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(errors, [
        "c.toml:2: case \"a\": question \"cash\" has no answer \"maybe\" (it offers yes, no)",
        "c.toml:9: case \"b\": unknown topic \"nope\" (the pack has demo)",
    ]);
    let syntax: Vec<String> = cases::parse(&pack, "c.toml", "[[case]]\nid = 3\n").unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(syntax.len(), 1);
    assert!(syntax[0].starts_with("c.toml:2: "), "{syntax:?}");
}

#[test]
fn a_wrong_expectation_fails_with_the_trace() {
    let pack = load::from_sources(&[("p.toml".into(), include_str!("valid_pack.toml").into())]).unwrap();
    let file = "[[case]]\nid = \"a\"\ntopic = \"demo\"\nstory.en = \"s\"\nanswers = { cash = \"no\", value = 31 }\nexpect = \"ok\"\n";
    let case = &cases::parse(&pack, "c.toml", file).unwrap()[0];
    let result = cases::run(&pack, case);
    assert_eq!(result.failure.as_deref(), Some("expected ok [], got no []"));
    assert_eq!(result.trace.last().map(String::as_str), Some("→ outcome no"));
    assert!(result.trace[1].contains("value = 31 (above) → rule high"), "{:?}", result.trace);
}
