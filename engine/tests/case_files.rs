//! The case-file checks: bad input is rejected with its file and line, and a wrong
//! expectation fails with the trace. (The case library itself runs in `cargo xtask cases`,
//! which also checks that it covers the pack.)

mod common;

use ethics_engine::{cases, load};

#[test]
fn a_malformed_case_file_is_rejected_with_file_line_and_reason() {
    let pack = load::from_sources(&[("p.toml".into(), include_str!("fixture/pack.toml").into())]).unwrap();
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
    let pack = load::from_sources(&[("p.toml".into(), include_str!("fixture/pack.toml").into())]).unwrap();
    let file = "[[case]]\nid = \"a\"\ntopic = \"demo\"\nstory.en = \"s\"\nanswers = { cash = \"no\", value = 31 }\nexpect = \"ok\"\n";
    let case = &cases::parse(&pack, "c.toml", file).unwrap()[0];
    let result = cases::run(&pack, case);
    assert_eq!(result.failure.as_deref(), Some("expected ok [], got no []"));
    assert_eq!(result.trace.last().map(String::as_str), Some("→ outcome no"));
    assert!(result.trace[1].contains("value = 31 (above) → rule high"), "{:?}", result.trace);
}

#[test]
fn a_further_outcome_must_be_expected_too() {
    let pack = common::fixture();
    let file = "[[case]]\nid = \"a\"\ntopic = \"loans\"\nstory.en = \"s\"\nanswers = { lender = \"supplier\" }\nexpect = \"no\"\n";
    let case = &cases::parse(pack, "c.toml", file).unwrap()[0];
    assert_eq!(cases::run(pack, case).failure.as_deref(), Some("expected no [], got no [\"report\"]"));
    let with_also = file.replace("expect = \"no\"", "expect = \"no\"\nalso = [\"report\"]");
    let case = &cases::parse(pack, "c.toml", &with_also).unwrap()[0];
    assert_eq!(cases::run(pack, case).failure, None);
}

#[test]
fn a_folder_of_case_files_is_read_in_name_order_with_every_problem() {
    let folder = std::env::temp_dir().join(format!("ethics-cases-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.join("b_more")).unwrap();
    let case = |id: &str, answer: &str, expect: &str| format!("[[case]]\nid = \"{id}\"\ntopic = \"demo\"\nstory.en = \"s\"\nanswers = {{ cash = \"{answer}\" }}\nexpect = \"{expect}\"\n");
    std::fs::write(folder.join("b_more/second.toml"), case("second", "yes", "no")).unwrap();
    std::fs::write(folder.join("a_first.toml"), case("first", "yes", "no")).unwrap();
    std::fs::write(folder.join("c_broken.toml"), case("broken", "maybe", "no")).unwrap();
    std::fs::write(folder.join("d_again.toml"), case("first", "no", "ok")).unwrap();
    std::fs::write(folder.join("notes.txt"), "not a case file").unwrap();
    let (found, errors) = cases::from_path(common::fixture(), &folder);
    let ids: Vec<&str> = found.iter().map(|f| f.case.id.as_str()).collect();
    assert_eq!(ids, ["first", "second"]);
    assert!(found[1].file.ends_with("second.toml"), "{}", found[1].file);
    assert_eq!(errors.len(), 2);
    assert!(errors[0].to_string().contains("c_broken.toml:2: case \"broken\": question \"cash\" has no answer \"maybe\""), "{}", errors[0]);
    let first = folder.join("a_first.toml").display().to_string();
    assert!(errors[1].to_string().ends_with(&format!("d_again.toml:2: case ID \"first\" is also used at {first}:2: give each case of the library its own ID")), "{}", errors[1]);
    let (_, missing) = cases::from_path(common::fixture(), &folder.join("nowhere"));
    assert_eq!(missing[0].reason, "no such case file or folder");
    std::fs::remove_dir_all(&folder).unwrap();
}
