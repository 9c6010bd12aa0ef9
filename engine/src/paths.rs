//! Exhaustive enumeration of a topic's decision paths, for validation, diagrams and benches.

use crate::ids::{OptionId, OutcomeId, QuestionId, RuleId};
use crate::pack::{Next, Topic};

/// One complete path: each step's question, option and rule, then the outcome reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    pub steps: Vec<(QuestionId, OptionId, RuleId)>,
    pub outcome: OutcomeId,
}

/// Every path from the topic's first question to an outcome, one per choice of options.
/// A validated topic has no cycles, so this terminates; a question that refers back to one
/// already on the path is skipped rather than followed.
pub fn all_paths(topic: &Topic) -> Vec<Path> {
    let mut paths = Vec::new();
    let mut prefix = Vec::new();
    walk(topic, &topic.start, &mut prefix, &mut paths);
    paths
}

fn walk(topic: &Topic, at: &QuestionId, prefix: &mut Vec<(QuestionId, OptionId, RuleId)>, paths: &mut Vec<Path>) {
    let Some(question) = topic.question(at) else { return };
    if prefix.iter().any(|(q, _, _)| q == at) {
        return;
    }
    for option in &question.options {
        let Some(rule) = question.rule_for(&option.id) else { continue };
        prefix.push((question.id.clone(), option.id.clone(), rule.id.clone()));
        match &rule.then {
            Next::Question(next) => walk(topic, next, prefix, paths),
            Next::Outcome(outcome) => paths.push(Path { steps: prefix.clone(), outcome: outcome.clone() }),
        }
        prefix.pop();
    }
}
