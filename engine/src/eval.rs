//! Evaluation: answers in, the path they take, the rule that fired at each step, and where
//! the path ends (an outcome, or the next question to ask).

use crate::ids::{OptionId, QuestionId};
use crate::pack::{Amount, Input, Next, Outcome, Pack, Question, Rule, Topic};
use crate::text::Text;
use serde::{Deserialize, Serialize};
pub use crate::answers::Answers;

/// What a person answered to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// One of the question's options (also "I don't know" on an amount question).
    Choice(OptionId),
    /// A sum typed in answer to an amount question.
    Amount(Amount),
}

/// One question on the path, with the answer and the rule it triggered.
#[derive(Clone, Debug, PartialEq)]
pub struct Step<'p> {
    pub question: &'p Question,
    pub answer: Answer,
    /// The option the answer selects (for amounts: `at_or_below` or `above`).
    pub option: OptionId,
    pub rule: &'p Rule,
}

/// Where the path ends.
#[derive(Clone, Debug, PartialEq)]
pub enum End<'p> {
    /// The path is complete: the outcome, and any further ones its last rule adds.
    Outcome { outcome: &'p Outcome, also: Vec<&'p Outcome> },
    /// This question on the path has no usable answer yet.
    Ask(&'p Question),
    /// The pack contradicts itself (a reference that does not resolve, or a loop). A
    /// validated pack never does; the app shows this rather than guess.
    Broken(String),
}

/// The path a set of answers takes through a topic.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation<'p> {
    pub steps: Vec<Step<'p>>,
    pub end: End<'p>,
}

impl<'p> Evaluation<'p> {
    /// The questions on the path, in the order they were asked.
    pub fn path(&self) -> impl Iterator<Item = &QuestionId> {
        self.steps.iter().map(|s| &s.question.id)
    }

    /// What to do next, in the order the person reads it: the steps of the rules that fired,
    /// then those the topic adds to the outcome, then the outcome's own, then the same for
    /// each further outcome. Empty until the path reaches an outcome.
    pub fn next_steps(&self, topic: &'p Topic) -> Vec<&'p Text> {
        let End::Outcome { outcome, also } = &self.end else { return Vec::new() };
        let mut steps: Vec<&'p Text> = self.steps.iter().flat_map(|s| &s.rule.steps).collect();
        for o in std::iter::once(outcome).chain(also) {
            steps.extend(topic.steps_for(&o.id));
            steps.extend(&o.steps);
        }
        steps
    }
}

/// The option an answer selects on a question, if the answer fits the question.
pub fn selected_option(pack: &Pack, question: &Question, answer: &Answer) -> Option<OptionId> {
    let option = match (answer, &question.input) {
        (Answer::Choice(option), _) => option.clone(),
        (Answer::Amount(amount), Input::Amount { compare_with }) => {
            let limit = pack.amount_setting(compare_with)?;
            OptionId::from(if *amount > limit { "above" } else { "at_or_below" })
        }
        (Answer::Amount(_), _) => return None,
    };
    question.option(&option).map(|o| o.id.clone())
}

/// Follows the answers from the topic's first question until an outcome or an unanswered
/// question. Deterministic, and blind to answers off the path.
pub fn evaluate<'p>(pack: &'p Pack, topic: &'p Topic, answers: &Answers) -> Evaluation<'p> {
    let mut steps: Vec<Step<'p>> = Vec::new();
    let mut current = &topic.start;
    let end = loop {
        let Some(question) = topic.question(current) else {
            break End::Broken(format!("topic {} has no question {current}", topic.id));
        };
        if steps.iter().any(|s| s.question.id == question.id) {
            break End::Broken(format!("topic {} loops back to question {current}", topic.id));
        }
        let Some((answer, option)) =
            answers.get(&question.id).and_then(|a| selected_option(pack, question, a).map(|o| (a.clone(), o)))
        else {
            break End::Ask(question);
        };
        let Some(rule) = question.rule_for(&option) else {
            break End::Broken(format!("no rule of question {} matches {option}", question.id));
        };
        steps.push(Step { question, answer, option, rule });
        match &rule.then {
            Next::Question(next) => current = next,
            Next::Outcome(id) => {
                let found = pack.outcome(id);
                let also: Option<Vec<_>> = rule.also.iter().map(|a| pack.outcome(a)).collect();
                break match (found, also) {
                    (Some(outcome), Some(also)) => End::Outcome { outcome, also },
                    _ => End::Broken(format!("rule {} names an outcome the pack lacks", rule.id)),
                };
            }
        }
    };
    Evaluation { steps, end }
}
