//! The one state of the app and the actions that change it, named after what the user did.
//!
//! Derived facts (the current path, whether it is complete) are computed from the answers by
//! the engine on demand, never stored beside them, so they cannot disagree.

use crate::routing::Screen;
use ethics_engine::{evaluate, Answer, Answers, End, Evaluation, Pack, QuestionId, Topic};
use std::rc::Rc;
use yew::Reducible;

/// Why a question page could not continue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputProblem {
    NoChoice,
    AmountMissing,
    AmountInvalid,
}

/// What the user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    ClickedStart,
    ChoseAnswer { question: QuestionId, answer: Answer },
    ContinuedWithProblem { question: QuestionId, problem: InputProblem },
    ClickedBack,
    ClickedChange(QuestionId),
    ClickedGetResult,
    ClickedStartAgain,
    /// The URL fragment changed: the browser's back or forward button, or a typed address.
    NavigatedTo(Screen),
    ChangedLanguage(usize),
}

/// Everything the advisor knows. Answers live only here, in memory.
#[derive(Clone, Debug)]
pub struct State {
    pub pack: Rc<Pack>,
    /// Index into the pack's languages.
    pub lang: usize,
    /// Index into the pack's topics.
    topic: usize,
    pub screen: Screen,
    pub answers: Answers,
    pub problem: Option<InputProblem>,
    /// True while the user changes an answer from the check-answers page, so that they
    /// return there once the path is complete again.
    pub changing: bool,
}

impl State {
    /// A fresh state on `screen` (normalized to what can be shown with no answers), or
    /// `None` if the pack has no topics.
    pub fn new(pack: Rc<Pack>, lang: usize, topic: usize, screen: Screen) -> Option<State> {
        pack.topics.get(topic)?;
        let mut state = State { pack, lang, topic, screen: Screen::Start, answers: Answers::new(), problem: None, changing: false };
        state.screen = state.reachable(screen);
        Some(state)
    }

    pub fn topic(&self) -> &Topic {
        &self.pack.topics[self.topic]
    }

    /// The path the current answers take, and where it ends.
    pub fn evaluation(&self) -> Evaluation<'_> {
        evaluate(&self.pack, self.topic(), &self.answers)
    }

    /// The 1-based position of a question on the current path.
    pub fn position(&self, question: &QuestionId) -> usize {
        let evaluation = self.evaluation();
        let at = evaluation.path().position(|q| q == question);
        at.unwrap_or(evaluation.steps.len()) + 1
    }

    /// Where the user should be: the next question without an answer, or the check page.
    fn resume(&self, evaluation: &Evaluation<'_>) -> Screen {
        match &evaluation.end {
            End::Ask(question) => Screen::Question(question.id.clone()),
            End::Outcome { .. } => Screen::CheckAnswers,
            End::Broken(_) => Screen::Start,
        }
    }

    /// `screen` if it can be shown with the current answers, otherwise where to resume.
    /// A question is shown only if it is on the current path, so a stale or hand-typed
    /// address never reaches a question the answers do not lead to.
    fn reachable(&self, screen: Screen) -> Screen {
        let evaluation = self.evaluation();
        let complete = matches!(evaluation.end, End::Outcome { .. });
        let shown = match &screen {
            Screen::Start => true,
            Screen::Question(q) => evaluation.path().any(|p| p == q) || matches!(&evaluation.end, End::Ask(a) if &a.id == q),
            Screen::CheckAnswers | Screen::Result => complete,
        };
        if shown {
            screen
        } else {
            self.resume(&evaluation)
        }
    }

    /// The screen before the current one on the path: where Back leads.
    pub fn previous(&self) -> Screen {
        let evaluation = self.evaluation();
        let path: Vec<&QuestionId> = evaluation.path().collect();
        match &self.screen {
            Screen::Start => Screen::Start,
            Screen::Question(_) if self.changing => Screen::CheckAnswers,
            Screen::Question(q) => {
                let at = path.iter().position(|p| *p == q).unwrap_or(path.len());
                match at.checked_sub(1) {
                    Some(i) => Screen::Question(path[i].clone()),
                    None => Screen::Start,
                }
            }
            Screen::CheckAnswers => path.last().map_or(Screen::Start, |q| Screen::Question((*q).clone())),
            Screen::Result => Screen::CheckAnswers,
        }
    }

    /// Where to go once `question` is answered.
    fn after_answer(&self, question: &QuestionId) -> Screen {
        let evaluation = self.evaluation();
        if self.changing {
            return self.resume(&evaluation);
        }
        let at = evaluation.path().position(|q| q == question);
        match at.and_then(|i| evaluation.steps.get(i + 1)) {
            Some(step) => Screen::Question(step.question.id.clone()),
            None => self.resume(&evaluation),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.problem = None;
        match action {
            Action::ClickedStart => {
                next.changing = false;
                next.screen = next.reachable(Screen::Question(next.topic().start.clone()));
            }
            Action::ChoseAnswer { question, answer } => {
                next.answers.insert(question.clone(), answer);
                next.screen = next.after_answer(&question);
                if next.screen == Screen::CheckAnswers {
                    next.changing = false;
                }
            }
            Action::ContinuedWithProblem { question, problem } => {
                if next.screen == Screen::Question(question) {
                    next.problem = Some(problem);
                }
            }
            Action::ClickedBack => {
                next.screen = next.previous();
                next.changing = false;
            }
            Action::ClickedChange(question) => {
                next.screen = next.reachable(Screen::Question(question));
                next.changing = matches!(next.screen, Screen::Question(_));
            }
            Action::ClickedGetResult => next.screen = next.reachable(Screen::Result),
            Action::ClickedStartAgain => {
                next.answers.clear();
                next.changing = false;
                next.screen = Screen::Start;
            }
            Action::NavigatedTo(screen) => {
                if screen == self.screen {
                    return self;
                }
                next.changing = false;
                next.screen = next.reachable(screen);
            }
            Action::ChangedLanguage(lang) => {
                if lang < next.pack.languages.len() {
                    next.lang = lang;
                }
                next.problem = self.problem;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gifts() -> Rc<State> {
        let pack = crate::embedded_pack::load().expect("embedded pack");
        Rc::new(State::new(pack, 0, 0, Screen::Start).expect("a topic"))
    }

    fn choose(state: Rc<State>, question: &str, option: &str) -> Rc<State> {
        state.reduce(Action::ChoseAnswer { question: question.into(), answer: Answer::Choice(option.into()) })
    }

    fn question(id: &str) -> Screen {
        Screen::Question(id.into())
    }

    #[test]
    fn start_goes_to_the_first_question_and_back_returns() {
        let state = gifts().reduce(Action::ClickedStart);
        assert_eq!(state.screen, question("exchange"));
        assert_eq!(state.reduce(Action::ClickedBack).screen, Screen::Start);
    }

    #[test]
    fn answers_lead_along_the_path_to_check_answers_and_result() {
        let mut state = gifts().reduce(Action::ClickedStart);
        for (q, o, next) in [("exchange", "no", "cash"), ("cash", "no", "giver"), ("giver", "vendor", "")] {
            state = choose(state, q, o);
            if next.is_empty() {
                assert_eq!(state.screen, Screen::CheckAnswers);
            } else {
                assert_eq!(state.screen, question(next));
            }
        }
        let result = state.reduce(Action::ClickedGetResult);
        assert_eq!(result.screen, Screen::Result);
        assert_eq!(result.reduce(Action::ClickedBack).screen, Screen::CheckAnswers);
    }

    #[test]
    fn changing_an_early_answer_reroutes_and_returns_to_check_answers() {
        let mut state = gifts().reduce(Action::ClickedStart);
        for (q, o) in [("exchange", "no"), ("cash", "no"), ("giver", "vendor")] {
            state = choose(state, q, o);
        }
        let state = state.reduce(Action::ClickedChange("giver".into()));
        assert_eq!(state.screen, question("giver"));
        assert!(state.changing);
        let state = choose(state, "giver", "government");
        assert_eq!(state.screen, question("government_unforeseen"), "the new branch is asked");
        let state = choose(state, "government_unforeseen", "yes");
        assert_eq!(state.screen, Screen::CheckAnswers, "back to check answers once complete");
        let path: Vec<String> = state.evaluation().path().map(ToString::to_string).collect();
        assert_eq!(path, ["exchange", "cash", "giver", "government_unforeseen"]);
    }

    #[test]
    fn answers_on_a_branch_left_are_kept_but_never_count() {
        let mut state = gifts().reduce(Action::ClickedStart);
        for (q, o) in [("exchange", "no"), ("cash", "no"), ("giver", "beneficiary"), ("token", "no")] {
            state = choose(state, q, o);
        }
        let state = state.reduce(Action::ClickedChange("giver".into()));
        let state = choose(state, "giver", "vendor");
        assert_eq!(state.screen, Screen::CheckAnswers);
        assert!(state.answers.contains_key(&"token".into()), "kept in memory");
        assert!(state.evaluation().path().all(|q| q.as_str() != "token"), "but off the path");
    }

    #[test]
    fn a_question_off_the_path_cannot_be_reached_by_address() {
        let state = gifts().reduce(Action::ClickedStart);
        let state = state.reduce(Action::NavigatedTo(question("award")));
        assert_eq!(state.screen, question("exchange"));
        assert_eq!(state.reduce(Action::NavigatedTo(Screen::Result)).screen, question("exchange"));
    }

    #[test]
    fn continuing_without_an_answer_shows_a_problem_until_answered() {
        let state = gifts().reduce(Action::ClickedStart);
        let state = state.reduce(Action::ContinuedWithProblem { question: "exchange".into(), problem: InputProblem::NoChoice });
        assert_eq!(state.problem, Some(InputProblem::NoChoice));
        assert_eq!(state.screen, question("exchange"));
        assert_eq!(choose(state, "exchange", "no").problem, None);
    }

    #[test]
    fn start_again_forgets_every_answer() {
        let state = choose(gifts().reduce(Action::ClickedStart), "exchange", "no");
        let state = state.reduce(Action::ClickedStartAgain);
        assert!(state.answers.is_empty());
        assert_eq!(state.screen, Screen::Start);
    }
}
