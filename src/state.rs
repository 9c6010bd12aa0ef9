//! The one state of the app and the actions that change it, named after what the user did.
//!
//! Derived facts (the current path, whether it is complete) are computed from the answers by
//! the engine, never stored beside them, so they cannot disagree: the one evaluation kept is
//! keyed by the topic and answers it came from.

use crate::routing::Screen;
use ethics_engine::library::Case;
use ethics_engine::resume::{self, ResumeError};
use ethics_engine::{evaluate, Answer, Answers, End, Evaluation, Pack, QuestionId, Topic, TopicId};
use std::cell::RefCell;
use std::ops::Deref;
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
    /// Picked a topic on the triage question (an index into the pack's topics).
    ChoseTopic(usize),
    ContinuedWithoutTopic,
    ChoseAnswer { question: QuestionId, answer: Answer },
    ContinuedWithProblem { question: QuestionId, problem: InputProblem },
    ClickedBack,
    ClickedChange(QuestionId),
    ClickedChangeTopic,
    ClickedGetResult,
    ClickedStartAgain,
    /// Pasted a code from "Save my progress" on the start page.
    EnteredResumeCode(String),
    /// "Clear and exit": every answer wiped from memory (the page is then left blank).
    ClickedClearAndExit,
    /// Trainer mode: switched on or off (the visible switch, or `data-mode="trainer"`).
    ClickedTrainerMode(bool),
    /// Trainer mode: picked a case of the library (an index into it).
    ChoseCase(usize),
    /// Trainer mode: from a case's story to its first question, its answers pre-selected.
    ClickedStepThrough,
    /// Trainer mode: straight to the outcome of the case on screen.
    ClickedReveal,
    /// Trainer mode: every answer wiped, back to the case library.
    ClickedFreshStart,
    ToggledLargeText,
    ToggledShortcuts,
    /// The URL fragment changed: the browser's back or forward button, or a typed address.
    NavigatedTo(Option<TopicId>, Screen),
    /// Switched to another language, once the pack has its texts (an embed fetches them first).
    ChangedLanguage(usize),
    /// Switched to a language whose texts could not be fetched: the page stays as it was.
    LanguageUnavailable(usize),
}

/// The path the answers of the chosen topic take. One evaluation serves the whole screen
/// (a click used to evaluate the same answers five to seven times); components compare it by
/// identity, since the same answers give the same shared evaluation.
#[derive(Clone, Debug)]
pub struct Evaluated(Rc<Evaluation<'static>>);

impl PartialEq for Evaluated {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Evaluated {
    type Target = Evaluation<'static>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// The last evaluation, with the topic and the answers it was computed from.
type LastEvaluation = RefCell<Option<(usize, Answers, Evaluated)>>;

/// Everything the advisor knows. Answers live only here, in memory.
#[derive(Clone, Debug)]
pub struct State {
    /// The pack lives as long as the page (see `embedded_pack`).
    pub pack: &'static Pack,
    /// Index into the pack's languages.
    pub lang: usize,
    /// Index into the pack's topics, once chosen (or fixed by the host page).
    topic: Option<usize>,
    /// True when the host page fixed the topic: no triage question, no topic change.
    pub topic_fixed: bool,
    pub screen: Screen,
    /// The answers given in each topic (same order as the pack's topics), so that switching
    /// topics and back loses nothing.
    answers: Vec<Answers>,
    pub problem: Option<InputProblem>,
    /// Why the last resume code entered was refused.
    pub resume_error: Option<ResumeError>,
    /// True while the user changes an answer from the check-answers page, so that they
    /// return there once the path is complete again.
    pub changing: bool,
    /// The case library, for trainer mode.
    pub cases: Rc<Vec<Case>>,
    /// Trainer mode: a trainer steps a room through cases.
    pub trainer: bool,
    /// Trainer mode: the case being stepped through.
    pub case: Option<usize>,
    /// Trainer mode: larger text for a projector.
    pub large_text: bool,
    /// Trainer mode: single-key shortcuts (N next, B back, R reveal), which can be switched off.
    pub shortcuts: bool,
    /// The language last asked for whose texts could not be fetched.
    pub language_unavailable: Option<usize>,
    last_evaluation: LastEvaluation,
}

impl State {
    /// A fresh state showing `screen` of `topic` (normalized to what can be shown with no
    /// answers). A `fixed_topic` (from the host page) is the only topic offered; with a
    /// pack of one topic, that topic is fixed too.
    pub fn new(pack: &'static Pack, lang: usize, fixed_topic: Option<usize>, topic: Option<TopicId>, screen: Screen) -> State {
        State::with_cases(pack, Rc::new(Vec::new()), false, lang, fixed_topic, topic, screen)
    }

    /// A fresh state with the case library, in trainer mode or not.
    pub fn with_cases(
        pack: &'static Pack,
        cases: Rc<Vec<Case>>,
        trainer: bool,
        lang: usize,
        fixed_topic: Option<usize>,
        topic: Option<TopicId>,
        screen: Screen,
    ) -> State {
        let fixed = fixed_topic.filter(|&t| t < pack.topics.len()).or((pack.topics.len() == 1).then_some(0));
        let trainer = trainer && !cases.is_empty();
        let answers = vec![Answers::new(); pack.topics.len()];
        let mut state = State { pack, lang, topic: fixed, topic_fixed: fixed.is_some(), screen: Screen::Start, answers, problem: None, resume_error: None, changing: false,
            cases, trainer, case: None, large_text: false, shortcuts: true, language_unavailable: None, last_evaluation: LastEvaluation::default() };
        if trainer && screen == Screen::Start {
            state.screen = Screen::Cases;
            return state;
        }
        state.go_to(topic, screen);
        state
    }

    /// Trainer mode needs the case library; a build without one (the staff embed) has none.
    pub fn has_trainer_mode(&self) -> bool {
        !self.cases.is_empty()
    }

    /// The chosen topic.
    pub fn topic(&self) -> Option<&Topic> {
        self.pack.topics.get(self.topic?)
    }

    pub fn topic_id(&self) -> Option<&TopicId> {
        self.topic().map(|t| &t.id)
    }

    /// The answers given in the chosen topic.
    pub fn answers(&self) -> &Answers {
        static NONE: Answers = Answers::new();
        self.topic.and_then(|t| self.answers.get(t)).unwrap_or(&NONE)
    }

    /// The path the current answers take, and where it ends: evaluated once for each
    /// topic and set of answers.
    pub fn evaluation(&self) -> Option<Evaluated> {
        let pack = self.pack;
        let (index, answers) = (self.topic?, self.answers());
        let topic = pack.topics.get(index)?;
        if let Some((last_index, last_answers, last)) = &*self.last_evaluation.borrow() {
            if *last_index == index && last_answers == answers {
                return Some(last.clone());
            }
        }
        let evaluated = Evaluated(Rc::new(evaluate(pack, topic, answers)));
        *self.last_evaluation.borrow_mut() = Some((index, answers.clone(), evaluated.clone()));
        Some(evaluated)
    }

    /// The 1-based position of a question on the current path.
    pub fn position(&self, question: &QuestionId) -> usize {
        let Some(evaluation) = self.evaluation() else { return 1 };
        let at = evaluation.path().position(|q| q == question);
        at.unwrap_or(evaluation.steps.len()) + 1
    }

    /// How many questions the path through `question` has at most: those answered before it,
    /// plus the longest way on from it ("Question 3 of 7").
    pub fn question_total(&self, question: &QuestionId) -> usize {
        let ahead = self.topic().map_or(1, |t| t.longest_from(question));
        self.position(question) - 1 + ahead
    }

    /// The code that brings back the chosen topic's answers ("Save my progress").
    pub fn resume_code(&self) -> Option<String> {
        resume::encode(self.pack, self.topic?, self.answers())
    }

    /// The fragment of a screen of the chosen topic.
    pub fn fragment(&self, screen: &Screen) -> String {
        screen.fragment(self.topic_id().filter(|_| !(self.topic_fixed && *screen == Screen::Start)))
    }

    /// The screen before the first question: the triage question, unless the topic is fixed.
    fn before_first_question(&self) -> Screen {
        if self.topic_fixed {
            Screen::Start
        } else {
            Screen::ChooseTopic
        }
    }

    /// Where the user should be: the next question without an answer, or the check page.
    fn resume(&self) -> Screen {
        match self.evaluation().as_ref().map(|e| &e.end) {
            None => self.before_first_question(),
            Some(End::Ask(question)) => Screen::Question(question.id.clone()),
            Some(End::Outcome { .. }) => Screen::CheckAnswers,
            Some(End::Broken(_)) => Screen::Start,
        }
    }

    /// Shows `screen` (of `topic`, if named) if it can be shown with the current answers,
    /// otherwise where to resume. A question is shown only if it is on the current path, so
    /// a stale or hand-typed address never reaches a question the answers do not lead to.
    fn go_to(&mut self, topic: Option<TopicId>, screen: Screen) {
        match &screen {
            // A trainer's link opened where there is no trainer mode: the start page.
            Screen::Cases | Screen::Case(_) if !self.has_trainer_mode() => return self.go_to(None, Screen::Start),
            Screen::Cases => {
                self.trainer = true;
                self.screen = screen;
                return;
            }
            Screen::Case(id) => {
                match self.cases.iter().position(|c| &c.id == id) {
                    Some(index) => self.open_case(index),
                    None => self.go_to(None, Screen::Cases),
                }
                return;
            }
            _ => {}
        }
        if !self.topic_fixed {
            match &topic {
                Some(id) => self.topic = self.pack.topics.iter().position(|t| &t.id == id).or(self.topic),
                None if screen == Screen::Start => self.topic = None,
                None => {}
            }
        }
        let shown = match (&screen, self.evaluation()) {
            (Screen::Start, _) => true,
            (Screen::ChooseTopic, _) => !self.topic_fixed,
            (_, None) => false,
            (Screen::Question(q), Some(e)) => e.path().any(|p| p == q) || matches!(&e.end, End::Ask(a) if &a.id == q),
            (Screen::CheckAnswers | Screen::Result, Some(e)) => matches!(e.end, End::Outcome { .. }),
            (Screen::Cases | Screen::Case(_), _) => true,
        };
        self.screen = if shown { screen } else { self.resume() };
    }

    /// Trainer mode: shows a case's story with its answers loaded into its topic.
    fn open_case(&mut self, index: usize) {
        let Some(case) = self.cases.get(index) else { return };
        let Some(topic) = self.pack.topics.iter().position(|t| t.id == case.topic) else { return };
        if self.topic_fixed && self.topic != Some(topic) {
            return;
        }
        self.trainer = true;
        self.case = Some(index);
        self.topic = Some(topic);
        self.answers[topic] = case.answers.clone();
        self.changing = false;
        self.screen = Screen::Case(case.id.clone());
    }

    /// The case being stepped through.
    pub fn current_case(&self) -> Option<&Case> {
        self.cases.get(self.case?)
    }

    /// The screen before the current one on the path: where Back leads.
    pub fn previous(&self) -> Screen {
        let path: Vec<QuestionId> = self.evaluation().map(|e| e.path().cloned().collect()).unwrap_or_default();
        match &self.screen {
            Screen::Start | Screen::Cases => Screen::Start,
            Screen::ChooseTopic => Screen::Start,
            Screen::Case(_) => Screen::Cases,
            Screen::Question(_) if self.changing => Screen::CheckAnswers,
            Screen::Question(q) => {
                let at = path.iter().position(|p| p == q).unwrap_or(path.len());
                match (at.checked_sub(1), self.current_case()) {
                    (Some(i), _) => Screen::Question(path[i].clone()),
                    (None, Some(case)) => Screen::Case(case.id.clone()),
                    (None, None) => self.before_first_question(),
                }
            }
            Screen::CheckAnswers => path.last().map_or(Screen::Start, |q| Screen::Question(q.clone())),
            Screen::Result => Screen::CheckAnswers,
        }
    }

    /// Where to go once `question` is answered.
    fn after_answer(&self, question: &QuestionId) -> Screen {
        let next = self.evaluation().and_then(|e| {
            let at = e.path().position(|q| q == question)?;
            e.steps.get(at + 1).map(|step| Screen::Question(step.question.id.clone()))
        });
        match next {
            Some(screen) if !self.changing => screen,
            _ => self.resume(),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.problem = None;
        next.resume_error = None;
        let topic = next.topic_id().cloned();
        match action {
            Action::ClickedStart => {
                next.changing = false;
                match next.topic().map(|t| t.start.clone()) {
                    Some(start) => next.go_to(topic, Screen::Question(start)),
                    None => next.screen = Screen::ChooseTopic,
                }
            }
            Action::ChoseTopic(index) => {
                if let Some(chosen) = next.pack.topics.get(index) {
                    let (id, start) = (chosen.id.clone(), chosen.start.clone());
                    next.changing = false;
                    next.go_to(Some(id), Screen::Question(start));
                }
            }
            Action::ContinuedWithoutTopic => next.problem = Some(InputProblem::NoChoice),
            Action::ChoseAnswer { question, answer } => {
                if let Some(answers) = next.topic.and_then(|t| next.answers.get_mut(t)) {
                    answers.insert(question.clone(), answer);
                }
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
                let previous = next.previous();
                next.changing = false;
                next.go_to(if previous == Screen::Start { None } else { topic }, previous);
            }
            Action::ClickedChange(question) => {
                next.go_to(topic, Screen::Question(question));
                next.changing = matches!(next.screen, Screen::Question(_));
            }
            Action::ClickedChangeTopic => {
                next.changing = false;
                next.screen = next.before_first_question();
            }
            Action::ClickedGetResult => next.go_to(topic, Screen::Result),
            Action::ClickedStartAgain | Action::ClickedClearAndExit => {
                next.answers.iter_mut().for_each(Answers::clear);
                next.changing = false;
                next.go_to(None, Screen::Start);
            }
            Action::EnteredResumeCode(code) => match resume::decode(next.pack, &code) {
                Ok((topic, answers)) if !next.topic_fixed || next.topic == Some(topic) => {
                    next.answers[topic] = answers;
                    next.topic = Some(topic);
                    next.changing = false;
                    next.screen = next.resume();
                }
                Ok(_) => next.resume_error = Some(ResumeError::Invalid),
                Err(error) => next.resume_error = Some(error),
            },
            Action::ClickedTrainerMode(on) => {
                next.trainer = on && next.has_trainer_mode();
                next.case = None;
                next.changing = false;
                next.go_to(None, if on { Screen::Cases } else { Screen::Start });
            }
            Action::ChoseCase(index) => next.open_case(index),
            Action::ClickedStepThrough => {
                let start = next.topic().map(|t| t.start.clone());
                if let Some(start) = start {
                    next.go_to(topic, Screen::Question(start));
                }
            }
            Action::ClickedReveal => next.go_to(topic, Screen::Result),
            Action::ClickedFreshStart => {
                next.answers.iter_mut().for_each(Answers::clear);
                next.case = None;
                next.changing = false;
                next.go_to(None, Screen::Cases);
            }
            Action::ToggledLargeText => next.large_text = !next.large_text,
            Action::ToggledShortcuts => next.shortcuts = !next.shortcuts,
            Action::NavigatedTo(topic, screen) => {
                if screen == self.screen && (topic.is_none() || topic.as_ref() == self.topic_id()) {
                    return self;
                }
                next.changing = false;
                next.go_to(topic, screen);
            }
            Action::ChangedLanguage(lang) => {
                // The pack now has this language's texts: it may be a newer version of it.
                if let Some(pack) = crate::embedded_pack::load().ok().filter(|pack| !std::ptr::eq(*pack, next.pack)) {
                    next.pack = pack;
                    next.last_evaluation = LastEvaluation::default();
                }
                if lang < next.pack.languages.len() {
                    next.lang = lang;
                    next.language_unavailable = None;
                }
                next.problem = self.problem;
            }
            Action::LanguageUnavailable(lang) => {
                next.language_unavailable = Some(lang);
                next.problem = self.problem;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> &'static Pack {
        crate::embedded_pack::load().expect("embedded pack")
    }

    fn gifts_index() -> usize {
        pack().topics.iter().position(|t| t.id.as_str() == "gifts").expect("a gifts topic")
    }

    /// The advisor as embedded with `data-topic="gifts"`.
    fn gifts() -> Rc<State> {
        Rc::new(State::new(pack(), 0, Some(gifts_index()), None, Screen::Start))
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
        for (q, o, next) in [("exchange", "no", "solicited"), ("solicited", "no", "cash"), ("cash", "no", "giver"), ("giver", "vendor", "")] {
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
        for (q, o) in [("exchange", "no"), ("solicited", "no"), ("cash", "no"), ("giver", "vendor")] {
            state = choose(state, q, o);
        }
        let state = state.reduce(Action::ClickedChange("giver".into()));
        assert_eq!(state.screen, question("giver"));
        assert!(state.changing);
        let state = choose(state, "giver", "government");
        assert_eq!(state.screen, question("government_unforeseen"), "the new branch is asked");
        let state = choose(state, "government_unforeseen", "yes");
        assert_eq!(state.screen, Screen::CheckAnswers, "back to check answers once complete");
        let path: Vec<String> = state.evaluation().unwrap().path().map(ToString::to_string).collect();
        assert_eq!(path, ["exchange", "solicited", "cash", "giver", "government_unforeseen"]);
    }

    #[test]
    fn one_evaluation_serves_a_screen_and_new_answers_get_their_own() {
        let state = choose(gifts().reduce(Action::ClickedStart), "exchange", "no");
        let first = state.evaluation().unwrap();
        assert!(first == state.evaluation().unwrap(), "the same answers share one evaluation");
        let next = choose(state.clone(), "solicited", "no");
        let path: Vec<String> = next.evaluation().unwrap().path().map(ToString::to_string).collect();
        assert_eq!(path, ["exchange", "solicited"], "never the evaluation of the answers before");
        assert!(first == state.evaluation().unwrap(), "the earlier state keeps its own");
        let back_to_start = next.reduce(Action::ClickedStartAgain);
        assert_eq!(back_to_start.evaluation().map(|e| e.steps.len()), Some(0), "answers cleared: an empty path");
    }

    #[test]
    fn answers_on_a_branch_left_are_kept_but_never_count() {
        let mut state = gifts().reduce(Action::ClickedStart);
        for (q, o) in [("exchange", "no"), ("solicited", "no"), ("cash", "no"), ("giver", "beneficiary"), ("token", "no")] {
            state = choose(state, q, o);
        }
        let state = state.reduce(Action::ClickedChange("giver".into()));
        let state = choose(state, "giver", "vendor");
        assert_eq!(state.screen, Screen::CheckAnswers);
        assert!(state.answers().contains_key(&"token".into()), "kept in memory");
        assert!(state.evaluation().unwrap().path().all(|q| q.as_str() != "token"), "but off the path");
    }

    #[test]
    fn a_question_off_the_path_cannot_be_reached_by_address() {
        let state = gifts().reduce(Action::ClickedStart);
        let state = state.reduce(Action::NavigatedTo(None, question("award")));
        assert_eq!(state.screen, question("exchange"));
        assert_eq!(state.reduce(Action::NavigatedTo(None, Screen::Result)).screen, question("exchange"));
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
    fn a_language_that_cannot_come_is_said_and_the_next_that_comes_clears_it() {
        let state = gifts().reduce(Action::LanguageUnavailable(1));
        assert_eq!((state.lang, state.language_unavailable), (0, Some(1)), "the page stays in its language");
        let state = state.reduce(Action::ChangedLanguage(2));
        assert_eq!((state.lang, state.language_unavailable), (2, None));
        assert!(std::ptr::eq(state.pack, pack()), "the same pack while no other version has come");
    }

    #[test]
    fn start_again_forgets_every_answer() {
        let state = choose(gifts().reduce(Action::ClickedStart), "exchange", "no");
        let state = state.reduce(Action::ClickedStartAgain);
        assert!(state.answers().is_empty());
        assert_eq!(state.screen, Screen::Start);
    }
}

#[cfg(test)]
mod topic_tests {
    use super::*;

    fn open() -> Rc<State> {
        Rc::new(State::new(crate::embedded_pack::load().unwrap(), 0, None, None, Screen::Start))
    }

    #[test]
    fn without_a_fixed_topic_start_leads_to_the_triage_question() {
        let pack = crate::embedded_pack::load().unwrap();
        if pack.topics.len() < 2 {
            return; // a one-topic pack fixes its topic; covered by the tests above
        }
        let state = open().reduce(Action::ClickedStart);
        assert_eq!(state.screen, Screen::ChooseTopic);
        assert!(state.topic().is_none());
        let state = state.reduce(Action::ContinuedWithoutTopic);
        assert_eq!(state.problem, Some(InputProblem::NoChoice));
        let last = pack.topics.len() - 1;
        let state = state.reduce(Action::ChoseTopic(last));
        assert_eq!(state.topic_id(), Some(&pack.topics[last].id));
        assert_eq!(state.screen, Screen::Question(pack.topics[last].start.clone()));
        let back = state.reduce(Action::ClickedBack);
        assert_eq!(back.screen, Screen::ChooseTopic, "back from the first question is the triage question");
        assert_eq!(back.topic_id(), Some(&pack.topics[last].id), "which shows the topic chosen");
        assert_eq!(back.reduce(Action::ClickedBack).screen, Screen::Start);
    }

    #[test]
    fn each_topic_keeps_its_own_answers() {
        let pack = crate::embedded_pack::load().unwrap();
        if pack.topics.len() < 2 {
            return;
        }
        let state = open().reduce(Action::ChoseTopic(0));
        let first = pack.topics[0].start.clone();
        let option = pack.topics[0].questions.iter().find(|q| q.id == first).unwrap().options[0].id.clone();
        let state = state.reduce(Action::ChoseAnswer { question: first.clone(), answer: Answer::Choice(option) });
        let state = state.reduce(Action::ChoseTopic(1));
        assert!(state.answers().is_empty(), "the second topic starts blank");
        let state = state.reduce(Action::ChoseTopic(0));
        assert!(state.answers().contains_key(&first), "the first topic's answer is still there");
    }

    #[test]
    fn an_address_naming_a_topic_opens_it() {
        let pack = crate::embedded_pack::load().unwrap();
        let topic = pack.topics.last().unwrap();
        let state = open().reduce(Action::NavigatedTo(Some(topic.id.clone()), Screen::Question(topic.start.clone())));
        assert_eq!(state.topic_id(), Some(&topic.id));
        assert_eq!(state.screen, Screen::Question(topic.start.clone()));
    }
}

#[cfg(test)]
mod resume_tests {
    use super::*;

    #[test]
    fn a_saved_code_brings_back_the_answers_and_the_place() {
        let pack = crate::embedded_pack::load().unwrap();
        let start = Rc::new(State::new(pack, 0, None, None, Screen::Start));
        let gifts = pack.topics.iter().position(|t| t.id.as_str() == "gifts").unwrap();
        let mut state = start.clone().reduce(Action::ChoseTopic(gifts));
        for (q, o) in [("exchange", "no"), ("solicited", "no"), ("cash", "yes"), ("money_private", "no")] {
            state = state.reduce(Action::ChoseAnswer { question: q.into(), answer: Answer::Choice(o.into()) });
        }
        assert_eq!(state.screen, Screen::CheckAnswers);
        let code = state.resume_code().unwrap();
        let resumed = start.reduce(Action::EnteredResumeCode(code));
        assert_eq!(resumed.screen, Screen::CheckAnswers);
        assert_eq!(resumed.answers(), state.answers());
    }

    #[test]
    fn a_bad_code_is_explained_and_changes_nothing() {
        let pack = crate::embedded_pack::load().unwrap();
        let start = Rc::new(State::new(pack, 0, None, None, Screen::Start));
        let after = start.clone().reduce(Action::EnteredResumeCode("ZZZZ-ZZZZ".into()));
        assert_eq!(after.resume_error, Some(ResumeError::Mistyped));
        assert_eq!(after.screen, Screen::Start);
        assert!(after.answers().is_empty());
        assert_eq!(after.reduce(Action::EnteredResumeCode(String::new())).resume_error, Some(ResumeError::Empty));
    }
}

#[cfg(test)]
mod trainer_tests {
    use super::*;

    fn trainer() -> Rc<State> {
        let pack = crate::embedded_pack::load().unwrap();
        let cases = crate::embedded_pack::load_cases().unwrap();
        Rc::new(State::with_cases(pack, cases, true, 0, None, None, Screen::Start))
    }

    #[test]
    fn trainer_mode_opens_on_the_case_library() {
        assert_eq!(trainer().screen, Screen::Cases);
        assert!(trainer().cases.len() >= 45);
    }

    #[test]
    fn a_case_is_stepped_through_with_its_answers_and_revealed() {
        let state = trainer();
        let index = state.cases.iter().position(|c| c.id == "brief_5_municipal_council").expect("case 5 of the brief");
        let case = state.cases[index].clone();
        let state = state.reduce(Action::ChoseCase(index));
        assert_eq!(state.screen, Screen::Case(case.id.clone()));
        assert_eq!(state.answers(), &case.answers);
        let state = state.reduce(Action::ClickedStepThrough);
        let first = state.topic().unwrap().start.clone();
        assert_eq!(state.screen, Screen::Question(first.clone()));
        assert_eq!(state.clone().reduce(Action::ClickedBack).screen, Screen::Case(case.id.clone()), "back to the story");
        let answer = state.answers()[&first].clone();
        let state = state.reduce(Action::ChoseAnswer { question: first, answer });
        assert!(matches!(state.screen, Screen::Question(_) | Screen::CheckAnswers));
        let revealed = state.reduce(Action::ClickedReveal);
        assert_eq!(revealed.screen, Screen::Result);
        match &revealed.evaluation().unwrap().end {
            End::Outcome { outcome, .. } => assert_eq!(outcome.id.as_str(), case.expect),
            other => panic!("{other:?}"),
        }
        let fresh = revealed.reduce(Action::ClickedFreshStart);
        assert_eq!(fresh.screen, Screen::Cases);
        assert!(fresh.answers.iter().all(Answers::is_empty));
    }

    #[test]
    fn a_case_link_opens_the_case_and_an_unknown_one_the_library() {
        let pack = crate::embedded_pack::load().unwrap();
        let cases = crate::embedded_pack::load_cases().unwrap();
        let staff = Rc::new(State::with_cases(pack, cases, false, 0, None, None, Screen::Start));
        let linked = staff.clone().reduce(Action::NavigatedTo(None, Screen::Case("brief_9_bidder_lunch".into())));
        assert!(linked.trainer);
        assert_eq!(linked.screen, Screen::Case("brief_9_bidder_lunch".into()));
        let unknown = staff.reduce(Action::NavigatedTo(None, Screen::Case("no_such_case".into())));
        assert_eq!(unknown.screen, Screen::Cases);
    }

    #[test]
    fn without_a_case_library_there_is_no_trainer_mode() {
        let pack = crate::embedded_pack::load().unwrap();
        let asked = Rc::new(State::with_cases(pack, Rc::new(Vec::new()), true, 0, None, None, Screen::Start));
        assert!(!asked.trainer && !asked.has_trainer_mode());
        assert_eq!(asked.screen, Screen::Start);
        let linked = State::with_cases(pack, Rc::new(Vec::new()), false, 0, None, None, Screen::Case("brief_9_bidder_lunch".into()));
        assert_eq!((linked.trainer, &linked.screen), (false, &Screen::Start));
        let staff = asked.clone().reduce(Action::NavigatedTo(None, Screen::Cases));
        assert_eq!((staff.trainer, &staff.screen), (false, &Screen::Start));
        let switched = asked.reduce(Action::ClickedTrainerMode(true));
        assert_eq!((switched.trainer, &switched.screen), (false, &Screen::Start));
    }
}
