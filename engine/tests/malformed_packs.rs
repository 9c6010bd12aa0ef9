//! Table-driven validation tests, regex-testdata style: `malformed.toml` lists cases, each a
//! few edits to the valid base pack and exactly the errors (file, line and reason) the loader
//! must give for the edited pack; and the base itself must load.

use ethics_engine::load;
use serde::Deserialize;

const BASE: &str = include_str!("fixture/pack.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// What the edits break, where the name does not say it all.
    #[serde(default)]
    about: Option<String>,
    edit: Vec<Edit>,
    expect: Vec<String>,
}

/// Replaces the one place where `find` occurs.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    find: String,
    replace: String,
}

fn cases() -> Vec<Case> {
    let cases: Cases = toml::from_str(include_str!("malformed.toml")).unwrap_or_else(|e| panic!("malformed.toml: {e}"));
    cases.case
}

/// The base pack with a case's edits, or why an edit does not apply.
fn edited(case: &Case) -> Result<String, String> {
    let mut text = BASE.to_owned();
    for (i, edit) in case.edit.iter().enumerate() {
        match text.matches(edit.find.as_str()).count() {
            1 => text = text.replacen(edit.find.as_str(), &edit.replace, 1),
            n => return Err(format!("{}: edit {} finds its text {n} times, not once: {:?}", case.name, i + 1, edit.find)),
        }
    }
    Ok(text)
}

#[test]
fn the_base_of_every_case_is_valid() {
    let pack = load::from_sources(&[("pack.toml".into(), BASE.into())]).unwrap_or_else(|e| panic!("fixture/pack.toml should load: {e:?}"));
    assert_eq!(pack.topics.len(), 1);
    assert_eq!(pack.languages.len(), 2);
}

#[test]
fn a_choice_of_two_options_is_enough() {
    let two = BASE.replacen("ask.en = \"Is it cash?\"", "ask.en = \"What is it?\"", 1).replacen("ask.fr = \"Est-ce de l'argent ?\"", "ask.fr = \"Qu'est-ce que c'est ?\"", 1);
    let two = two.replacen("input = \"yes_no\"", "input = \"choice\"\n\n  [[question.option]]\n  id = \"yes\"\n  label.en = \"Cash\"\n  label.fr = \"De l'argent\"\n\n  [[question.option]]\n  id = \"no\"\n  label.en = \"Something else\"\n  label.fr = \"Autre chose\"", 1);
    let pack = load::from_sources(&[("two.toml".into(), two)]).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(pack.topics[0].questions[0].options.len(), 2);
}

#[test]
fn each_malformed_pack_gives_exactly_its_expected_errors() {
    let cases = cases();
    assert!(cases.len() >= 30, "at least 30 malformed-pack cases, found {}", cases.len());
    let mut problems = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        if cases[..i].iter().any(|c| c.name == case.name) {
            problems.push(format!("{}: two cases have this name", case.name));
        }
        let text = match edited(case) {
            Ok(text) => text,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let actual: Vec<String> = match load::from_sources(&[(format!("{}.toml", case.name), text)]) {
            Ok(_) => vec!["(loaded without error)".into()],
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        };
        if actual != case.expect || case.expect.is_empty() {
            let about = case.about.as_deref().unwrap_or("");
            problems.push(format!("{} ({about})\n  expected:\n    {}\n  actual:\n    {}", case.name, case.expect.join("\n    "), actual.join("\n    ")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
