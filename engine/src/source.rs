//! The rule pack as written in TOML, with source spans, before validation.
//!
//! Every table denies unknown fields, so a misspelt key is an error with its line rather than
//! a silently ignored rule. Lists of things are arrays of tables (`[[question]]`), so each
//! item carries its `id` and duplicate IDs can be reported where they stand.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub type Sp<T> = Spanned<T>;
/// A text: one string per language code, e.g. `ask.en = "…"`.
pub type TextSrc = Sp<BTreeMap<String, String>>;

/// One TOML file of a pack; a pack may be split over files in any way.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub pack: Option<Sp<PackHeader>>,
    #[serde(default)]
    pub setting: Vec<SettingSrc>,
    #[serde(default)]
    pub outcome: Vec<OutcomeSrc>,
    #[serde(default)]
    pub principle: Vec<PrincipleSrc>,
    #[serde(default)]
    pub source: Vec<SourceSrc>,
    pub topic: Option<TopicSrc>,
    #[serde(default)]
    pub question: Vec<QuestionSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    pub languages: Vec<Sp<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingSrc {
    pub id: Sp<String>,
    pub status: StatusSrc,
    pub note: String,
    pub amount: Option<Sp<f64>>,
    pub number: Option<i64>,
    pub text: Option<TextSrc>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub flag: Option<bool>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum StatusSrc {
    Published,
    Confirm,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSrc {
    pub id: Sp<String>,
    pub title: TextSrc,
    pub summary: TextSrc,
    #[serde(default)]
    pub step: Vec<TextSrc>,
    pub tone: crate::pack::Tone,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrincipleSrc {
    pub id: Sp<String>,
    pub name: TextSrc,
    pub says: TextSrc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSrc {
    pub id: Sp<String>,
    pub cite: TextSrc,
    pub basis: BasisSrc,
    pub brief: String,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum BasisSrc {
    Found,
    Practice,
    Suggested,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSrc {
    pub id: Sp<String>,
    pub title: TextSrc,
    pub heading: TextSrc,
    pub summary: TextSrc,
    pub start: Sp<String>,
    #[serde(default)]
    pub next_step: Vec<TopicStepSrc>,
}

/// A next step this topic adds to one outcome, e.g. how to decline a gift politely.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicStepSrc {
    pub outcome: Sp<String>,
    pub text: TextSrc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSrc {
    pub id: Sp<String>,
    pub ask: TextSrc,
    pub hint: Option<TextSrc>,
    pub input: InputSrc,
    #[serde(default)]
    pub dont_know: bool,
    pub compare_with: Option<Sp<String>>,
    #[serde(default)]
    pub option: Vec<OptionSrc>,
    #[serde(default)]
    pub rule: Vec<RuleSrc>,
    /// Wording lints this question is excused from, each with its reason for a reviewer.
    #[serde(default)]
    pub exception: Vec<ExceptionSrc>,
}

/// A reviewed exception to one wording lint, in one language or all.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionSrc {
    pub lint: Sp<crate::pack::Lint>,
    pub lang: Option<Sp<String>>,
    pub reason: Sp<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum InputSrc {
    Choice,
    YesNo,
    Amount,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSrc {
    pub id: Sp<String>,
    pub label: TextSrc,
    pub hint: Option<TextSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSrc {
    pub id: Sp<String>,
    pub when: Vec<Sp<String>>,
    pub next: Option<Sp<String>>,
    pub outcome: Option<Sp<String>>,
    #[serde(default)]
    pub also: Vec<Sp<String>>,
    pub says: TextSrc,
    pub principle: Sp<String>,
    pub source: Sp<String>,
    #[serde(default)]
    pub step: Vec<TextSrc>,
}
