//! The pure rule engine of ethics-advisor: rule packs, their validation, and evaluation of
//! answers into an outcome plus the trace of rules that decided it.
//!
//! No web dependency lives here. A pack is written as TOML files (see `rules/` and the
//! README), loaded and validated by [`load`] (feature `load`), and compiled into a
//! [`Pack`] whose references are known to resolve. [`evaluate`] walks a topic from its first
//! question, following only the answers on the path the user is on.
//!
//! ```
//! use ethics_engine::{load, evaluate, Answer, Answers, End};
//! let pack = load::from_sources(&[("pack.toml".into(), r#"
//! [pack]
//! languages = ["en"]
//! [[principle]]
//! id = "integrity"
//! name.en = "Integrity"
//! says.en = "Act honestly."
//! [[source]]
//! id = "rule_1"
//! cite.en = "Staff Rule 1"
//! basis = "found"
//! brief = "§1"
//! [[outcome]]
//! id = "ok"
//! tone = "go"
//! title.en = "Fine"
//! summary.en = "Nothing to do."
//! [[outcome]]
//! id = "no"
//! tone = "stop"
//! title.en = "Decline"
//! summary.en = "Say no."
//! [topic]
//! id = "demo"
//! title.en = "Demo"
//! heading.en = "Get advice on a demo"
//! summary.en = "A demo."
//! start = "cash"
//! [[question]]
//! id = "cash"
//! ask.en = "Is it cash?"
//! input = "yes_no"
//! [[question.rule]]
//! id = "cash_never"
//! when = ["yes"]
//! outcome = "no"
//! says.en = "Cash is never accepted."
//! principle = "integrity"
//! source = "rule_1"
//! [[question.rule]]
//! id = "not_cash"
//! when = ["no"]
//! outcome = "ok"
//! says.en = "Not cash."
//! principle = "integrity"
//! source = "rule_1"
//! "#.into())]).unwrap();
//! let topic = pack.topic(&"demo".into()).unwrap();
//! let mut answers = Answers::new();
//! answers.insert("cash".into(), Answer::Choice("yes".into()));
//! let evaluation = evaluate(&pack, topic, &answers);
//! assert!(matches!(evaluation.end, End::Outcome { outcome, .. } if outcome.id.as_str() == "no"));
//! assert_eq!(evaluation.steps[0].rule.id.as_str(), "cash_never");
//! ```

#![forbid(unsafe_code)]

mod answers;
pub mod diagram;
mod eval;
mod ids;
pub mod library;
pub mod locale;
mod pack;
mod paths;
pub mod resume;
pub mod shipped;
mod text;
pub mod wire;

#[cfg(feature = "publish")]
pub mod page_text;

#[cfg(feature = "load")]
pub mod cases;
#[cfg(feature = "load")]
mod error;
#[cfg(feature = "load")]
pub mod load;
#[cfg(feature = "load")]
mod source;
#[cfg(feature = "load")]
pub mod wording;

pub use eval::{evaluate, Answer, Answers, End, Evaluation, Step};
pub use ids::{LangId, OptionId, OutcomeId, PrincipleId, QuestionId, RuleId, SettingId, SourceId, TopicId};
pub use pack::{
    Amount, AnswerOption, Basis, BuiltinOption, Input, Lint, LintException, Next, OptionLabel, Outcome, Pack, Principle, Question, Rule,
    Setting, SettingStatus, SettingValue, Source, Tone, Topic,
};
pub use paths::{all_paths, Path};
pub use text::{placeholders, Text};

#[cfg(feature = "load")]
pub use error::PackError;
