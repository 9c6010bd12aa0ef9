//! Case files: stories with their answers and the outcome the rules must give, as data.
//!
//! ```toml
//! [[case]]
//! id = "brief_8_colleague_birthday"      # unique in the file
//! topic = "gifts"
//! story.en = "A colleague gives you a small birthday gift."
//! answers = { exchange = "no", value = 12.5 }   # option IDs, or a number for amounts
//! expect = "ok"                          # the outcome
//! also = []                              # further outcomes the last rule adds (optional)
//! source = "un_staff_rule_1_2"           # the source that justifies it (optional)
//! ```

use crate::error::{from_toml, line_of, PackError};
use crate::eval::{evaluate, Answer, Answers, End, Evaluation};
use crate::ids::{OptionId, QuestionId};
use crate::pack::{Amount, Input, Pack};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    case: Vec<CaseSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseSrc {
    id: Spanned<String>,
    topic: String,
    story: BTreeMap<String, String>,
    answers: BTreeMap<String, toml::Value>,
    expect: String,
    #[serde(default)]
    also: Vec<String>,
    source: Option<String>,
}

pub use crate::library::Case;

/// What running a case gave.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseResult {
    pub case: Case,
    /// `None` when the case passed; otherwise what went wrong.
    pub failure: Option<String>,
    /// The path the answers took, one line per step.
    pub trace: Vec<String>,
}

/// A case with the file it was read from, for messages that point at it.
pub struct FiledCase {
    pub file: String,
    pub case: Case,
}

/// Every case under `path` — a case file, or a folder of them read recursively in name order
/// — each file read by [`parse`]: the cases of the well-formed files, and every problem of
/// the others (a file that cannot be read is one problem). The one way the library is read:
/// by the build, `cargo xtask cases` and the end-to-end export.
pub fn from_path(pack: &Pack, path: &std::path::Path) -> (Vec<FiledCase>, Vec<PackError>) {
    let problem = |file: &std::path::Path, reason: String| PackError { file: file.display().to_string(), line: None, reason };
    let mut files = Vec::new();
    if path.is_dir() {
        if let Err(e) = crate::load::collect_toml(path, &mut files) {
            return (Vec::new(), vec![problem(path, format!("cannot read the case folder: {e}"))]);
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    } else {
        return (Vec::new(), vec![problem(path, "no such case file or folder".into())]);
    }
    let (mut cases, mut errors) = (Vec::new(), Vec::new());
    for file in files {
        let name = file.display().to_string();
        match std::fs::read_to_string(&file) {
            Err(e) => errors.push(problem(&file, format!("cannot read: {e}"))),
            Ok(content) => match parse(pack, &name, &content) {
                Ok(parsed) => cases.extend(parsed.into_iter().map(|case| FiledCase { file: name.clone(), case })),
                Err(problems) => errors.extend(problems),
            },
        }
    }
    // A case is named by its ID alone in trainer mode and in reports: one ID, one case, across
    // every file. The later one is reported and left out.
    let mut first_at: BTreeMap<String, String> = BTreeMap::new();
    cases.retain(|FiledCase { file, case }| match first_at.get(&case.id) {
        Some(first) => {
            errors.push(PackError { file: file.clone(), line: Some(case.line), reason: format!("case ID {:?} is also used at {first}: give each case of the library its own ID", case.id) });
            false
        }
        None => {
            first_at.insert(case.id.clone(), format!("{file}:{}", case.line));
            true
        }
    });
    (cases, errors)
}

/// Reads a case file and checks every case against the pack (topics, questions, options,
/// outcomes, sources). Each problem comes back with the file, line and reason.
pub fn parse(pack: &Pack, file: &str, content: &str) -> Result<Vec<Case>, Vec<PackError>> {
    let parsed: CaseFile = toml::from_str(content).map_err(|e| vec![from_toml(file, content, &e)])?;
    let mut errors = Vec::new();
    let mut cases = Vec::new();
    let mut seen = BTreeMap::new();
    for src in parsed.case {
        let line = line_of(content, src.id.span().start);
        let mut fail = |reason: String| errors.push(PackError { file: file.to_owned(), line: Some(line), reason });
        let id = src.id.get_ref().clone();
        if let Some(first) = seen.insert(id.clone(), line) {
            fail(format!("duplicate case ID {id:?} (first at line {first})"));
            continue;
        }
        let Some(topic) = pack.topic(&src.topic.as_str().into()) else {
            let known: Vec<&str> = pack.topics.iter().map(|t| t.id.as_str()).collect();
            fail(format!("case {id:?}: unknown topic {:?} (the pack has {})", src.topic, known.join(", ")));
            continue;
        };
        let mut answers = Answers::new();
        for (question_id, value) in &src.answers {
            let Some(question) = topic.question(&question_id.as_str().into()) else {
                fail(format!("case {id:?}: topic {:?} has no question {question_id:?}", src.topic));
                continue;
            };
            let answer = match (value, &question.input) {
                (toml::Value::String(option), _) => {
                    if question.option(&option.as_str().into()).is_none() {
                        let offered: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
                        fail(format!("case {id:?}: question {question_id:?} has no answer {option:?} (it offers {})", offered.join(", ")));
                        continue;
                    }
                    Answer::Choice(OptionId::from(option.as_str()))
                }
                (toml::Value::Integer(_) | toml::Value::Float(_), Input::Amount { .. }) => {
                    match Amount::parse(&value.to_string()) {
                        Some(amount) => Answer::Amount(amount),
                        None => {
                            fail(format!("case {id:?}: {value} is not an amount for question {question_id:?}"));
                            continue;
                        }
                    }
                }
                _ => {
                    fail(format!("case {id:?}: question {question_id:?} needs an option ID as a string, not {value}"));
                    continue;
                }
            };
            answers.insert(QuestionId::from(question_id.as_str()), answer);
        }
        for outcome in std::iter::once(&src.expect).chain(&src.also) {
            if pack.outcome(&outcome.as_str().into()).is_none() {
                fail(format!("case {id:?}: unknown outcome {outcome:?}"));
            }
        }
        if let Some(source) = &src.source {
            if pack.source(&source.as_str().into()).is_none() {
                fail(format!("case {id:?}: unknown source {source:?}"));
            }
        }
        let english = src.story.get("en").cloned().unwrap_or_default();
        if english.trim().is_empty() {
            fail(format!("case {id:?} has no English story (story.en)"));
        }
        let story = pack.languages.iter().map(|l| src.story.get(l.as_str()).cloned().unwrap_or_else(|| english.clone())).collect();
        cases.push(Case { id, topic: topic.id.clone(), story, answers, expect: src.expect, also: src.also, source: src.source, line });
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

/// Runs one case: evaluates its answers and compares the outcome with the expected one.
pub fn run(pack: &Pack, case: &Case) -> CaseResult {
    let trace;
    let failure = match pack.topic(&case.topic) {
        None => {
            trace = Vec::new();
            Some(format!("unknown topic {}", case.topic))
        }
        Some(topic) => {
            let evaluation = evaluate(pack, topic, &case.answers);
            trace = describe(pack, &evaluation);
            match &evaluation.end {
                End::Outcome { outcome, also } => {
                    let got_also: Vec<&str> = also.iter().map(|o| o.id.as_str()).collect();
                    let want_also: Vec<&str> = case.also.iter().map(String::as_str).collect();
                    if outcome.id.as_str() != case.expect || got_also != want_also {
                        Some(format!("expected {} {want_also:?}, got {} {got_also:?}", case.expect, outcome.id, ))
                    } else {
                        None
                    }
                }
                End::Ask(question) => Some(format!("the answers stop short: question {:?} on the path has no answer", question.id.as_str())),
                End::Broken(why) => Some(format!("the pack is inconsistent: {why}")),
            }
        }
    };
    CaseResult { case: case.clone(), failure, trace }
}

/// The path of an evaluation as readable lines (English), for failing cases and reviewers.
pub fn describe(pack: &Pack, evaluation: &Evaluation<'_>) -> Vec<String> {
    let mut lines: Vec<String> = evaluation
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let answer = match &step.answer {
                Answer::Choice(option) => option.to_string(),
                Answer::Amount(amount) => format!("{} ({})", pack.money(*amount, 0), step.option),
            };
            let source = pack.source(&step.rule.source).map_or(step.rule.source.to_string(), |s| s.cite.get(0).to_owned());
            format!("{}. {} = {} → rule {} [{}; {}]", i + 1, step.question.id, answer, step.rule.id, step.rule.principle, source)
        })
        .collect();
    lines.push(match &evaluation.end {
        End::Outcome { outcome, also } => {
            let also: Vec<&str> = also.iter().map(|o| o.id.as_str()).collect();
            if also.is_empty() {
                format!("→ outcome {}", outcome.id)
            } else {
                format!("→ outcome {} (also {})", outcome.id, also.join(", "))
            }
        }
        End::Ask(question) => format!("→ waiting for an answer to {}", question.id),
        End::Broken(why) => format!("→ broken: {why}"),
    });
    lines
}
