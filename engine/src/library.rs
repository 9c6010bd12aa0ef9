//! The case library's compiled form: stories with their answers and expected outcome, as the
//! app embeds them for trainers (read and checked from TOML by `cases`, feature `load`).

use crate::eval::Answers;
use crate::ids::TopicId;
use serde::{Deserialize, Serialize};

/// A case checked against the pack: its answers are known to fit the topic's questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub topic: TopicId,
    /// The story in each of the pack's languages (same order), falling back to English.
    pub story: Vec<String>,
    pub answers: Answers,
    pub expect: String,
    pub also: Vec<String>,
    pub source: Option<String>,
    /// The line of the case in its file.
    pub line: usize,
}
