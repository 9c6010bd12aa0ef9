//! The case-file checks: bad input is rejected with its file and line, and a wrong
//! expectation fails with the trace. (The case library itself runs in `cargo xtask cases`,
//! which also checks that it covers the pack.)

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
