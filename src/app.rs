//! The root component: decodes the embedded pack, holds the state, draws the screen, and
//! keeps the page around it in step through the hooks of `hooks`.

use crate::components::{
    BackLink, CaseIntro, CaseLibrary, CheckAnswersPage, ChooseTopicPage, Diagram, Header, QuestionPage, ResultPage, StartPage, StoryBanner,
    Texts, TrainerBar, WhatIf,
};
use crate::embedded_pack;
use crate::hooks::{current_fragment, use_hash_routing, use_page_title_and_focus, use_trainer_shortcuts, WrittenFragment};
use crate::i18n::{messages, trainer_messages};
use crate::routing::Screen;
use crate::state::{Action, State};
use ethics_engine::library::Case;
use ethics_engine::Pack;
use std::rc::Rc;
use yew::prelude::*;

/// Options a host page may set (read from `data-*` attributes by the entry point).
#[derive(Properties, PartialEq, Default, Clone)]
pub struct AppProps {
    /// Language code; the pack's first language if absent or unknown.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// A topic ID: the advisor then offers only that topic.
    #[prop_or_default]
    pub topic: Option<AttrValue>,
    /// `staff` (the default) or `trainer`.
    #[prop_or_default]
    pub mode: Option<AttrValue>,
    /// Whether the advisor names each step in the page's `<title>`: on its own page, or where a
    /// host asks for it (`data-title="steps"`); otherwise the host's title is left alone.
    #[prop_or_default]
    pub steps_in_title: bool,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let loaded = use_memo((), |_| embedded_pack::load().and_then(|pack| embedded_pack::load_cases().map(|cases| (pack, cases))));
    match &*loaded {
        Ok((pack, cases)) => html! {
            <Advisor pack={*pack} cases={cases.clone()} lang={props.lang.clone()} topic={props.topic.clone()} mode={props.mode.clone()} steps_in_title={props.steps_in_title} />
        },
        // Without a pack there is no language to choose: the three say what to do.
        Err(error) => html! {
            <div class="ethics-advisor">
                <p class="ea-error" role="alert">
                    { "The ethics advisor cannot start: please tell the intranet team. " }
                    <span lang="fr">{ "Le conseiller ne peut pas démarrer : veuillez prévenir l’équipe de l’intranet. " }</span>
                    <span lang="es">{ "El asesor no puede iniciarse: avise al equipo de la intranet. " }</span>
                    { format!("({error})") }
                </p>
            </div>
        },
    }
}

#[derive(Properties)]
struct AdvisorProps {
    pack: &'static Pack,
    cases: Rc<Vec<Case>>,
    lang: Option<AttrValue>,
    topic: Option<AttrValue>,
    mode: Option<AttrValue>,
    steps_in_title: bool,
}

// The same pack is the same allocation: comparing by address spares comparing every text (and
// shipping the code that would).
impl PartialEq for AdvisorProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.pack, other.pack)
            && Rc::ptr_eq(&self.cases, &other.cases)
            && (&self.lang, &self.topic, &self.mode, self.steps_in_title) == (&other.lang, &other.topic, &other.mode, other.steps_in_title)
    }
}

/// The first of the browser's preferred languages that the pack has (`fr-CA` counts as `fr`).
fn preferred_language(pack: &Pack) -> Option<usize> {
    let languages = web_sys::window()?.navigator().languages();
    languages.iter().filter_map(|l| l.as_string()).find_map(|tag| pack.language(tag.split('-').next().unwrap_or("").to_ascii_lowercase().as_str()))
}

/// Switches to a language: at once if the pack has its texts, or else once the page has
/// fetched them (an embed), keeping the page as it is if they cannot come.
fn switch_language(dispatcher: UseReducerDispatcher<State>, lang: usize) {
    if embedded_pack::has_language(lang) {
        dispatcher.dispatch(Action::ChangedLanguage(lang));
        return;
    }
    yew::platform::spawn_local(async move {
        match embedded_pack::with_language(lang).await {
            Ok(_) => dispatcher.dispatch(Action::ChangedLanguage(lang)),
            Err(why) => {
                warn(&format!("ethics-advisor: {why}"));
                dispatcher.dispatch(Action::LanguageUnavailable(lang));
            }
        }
    });
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Whether this build has trainer mode. Its screens are rendered only behind this constant,
/// so a build without it (the staff embed) carries none of their code.
const TRAINER: bool = cfg!(feature = "trainer");

#[function_component]
fn Advisor(props: &AdvisorProps) -> Html {
    let pack = props.pack;
    let lang = props.lang.as_deref().and_then(|code| pack.language(code));
    let preferred = preferred_language(pack);
    let fixed = props.topic.as_deref().and_then(|id| pack.topics.iter().position(|t| t.id.as_str() == id));
    let wanted_lang = lang.or(preferred).unwrap_or(0);
    let (asked_lang, asked_topic, mode, cases) = (props.lang.clone(), props.topic.clone(), props.mode.clone(), props.cases.clone());
    let state = use_reducer(move || {
        let trainer = match mode.as_deref() {
            None | Some("staff") => false,
            Some("trainer") => true,
            Some(other) => {
                warn(&format!("ethics-advisor: unknown data-mode \"{other}\"; using staff mode"));
                false
            }
        };
        // A host page's unknown option falls back to a default, never to a blank widget.
        if let (Some(code), None) = (asked_lang, lang) {
            warn(&format!("ethics-advisor: unknown data-lang \"{code}\"; using \"{}\"", pack.languages[0].as_str()));
        }
        if let (Some(id), None) = (asked_topic, fixed) {
            warn(&format!("ethics-advisor: unknown data-topic \"{id}\"; offering every topic"));
        }
        // An embed has its first language's texts only: the one boot.js chose the same way.
        // Should another be wanted, the page shows one it has until that one arrives.
        let lang = Some(wanted_lang).filter(|&l| embedded_pack::has_language(l)).or_else(|| (0..pack.languages.len()).find(|&l| embedded_pack::has_language(l))).unwrap_or(0);
        let (topic, screen) = Screen::parse(&current_fragment());
        let state = State::with_cases(pack, cases, trainer, lang, fixed, topic, screen);
        if trainer && !state.has_trainer_mode() {
            warn("ethics-advisor: this build has no trainer mode (embed trainer/boot.js for it); using staff mode");
        }
        state
    });

    let written = use_memo((), |_| WrittenFragment::default());
    use_hash_routing(state.dispatcher(), (*written).clone());
    use_trainer_shortcuts(state.dispatcher(), TRAINER && state.trainer && state.shortcuts, state.screen.clone());
    let title = props.steps_in_title.then(|| page_title(&state));
    use_page_title_and_focus(&state, title, (*written).clone());

    let send = |action: Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(action.clone()))
    };
    let dispatcher = state.dispatcher();
    let on_action = Callback::from(move |action| dispatcher.dispatch(action));
    let back = (state.screen != Screen::Start).then(|| {
        html! { <BackLink href={state.fragment(&state.previous())} on_back={send(Action::ClickedBack)} /> }
    });
    let clear_and_exit = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::ClickedClearAndExit);
            // Leave nothing on screen either: a blank page, as sensitive-topic sites do.
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace("about:blank");
            }
        })
    };
    {
        // The language the page asked for, if the pack did not come with its texts.
        let (dispatcher, shown, wanted) = (state.dispatcher(), state.lang, wanted_lang);
        use_effect_with((), move |_| {
            if wanted != shown {
                switch_language(dispatcher, wanted);
            }
        });
    }
    let on_language = {
        let dispatcher = state.dispatcher();
        Callback::from(move |lang| switch_language(dispatcher.clone(), lang))
    };
    let on_trainer = {
        let dispatcher = state.dispatcher();
        Callback::from(move |on| dispatcher.dispatch(Action::ClickedTrainerMode(on)))
    };
    let trainer = TRAINER && state.trainer;
    let case = state.current_case().filter(|_| trainer).cloned();
    let evaluation = state.evaluation();
    let evaluation_rules = |until: Option<&ethics_engine::QuestionId>| -> Vec<ethics_engine::RuleId> {
        evaluation.as_ref().map_or_else(Vec::new, |e| e.steps.iter().take_while(|s| Some(&s.question.id) != until).map(|s| s.rule.id.clone()).collect())
    };
    let topic = state.topic_id().cloned().zip(evaluation.clone());
    let body = match (&state.screen, topic) {
        (Screen::Start, topic) => html! {
            <StartPage topic={topic.map(|(id, _)| id)} on_start={send(Action::ClickedStart)} resume_error={state.resume_error.clone()} on_action={on_action.clone()} />
        },
        (Screen::ChooseTopic, chosen) => html! { <ChooseTopicPage chosen={chosen.map(|(id, _)| id)} problem={state.problem.is_some()} on_action={on_action.clone()} /> },
        (Screen::Cases, _) if TRAINER => html! { <CaseLibrary cases={state.cases.clone()} /> },
        (Screen::Case(_), _) if TRAINER => match case.clone() {
            Some(case) => html! { <CaseIntro {case} on_action={on_action.clone()} /> },
            None => html! { <CaseLibrary cases={state.cases.clone()} /> },
        },
        // Each trainer component under `if trainer`, a constant `false` without trainer mode:
        // the build then leaves them out, and their wording with them.
        (Screen::Question(id), Some((topic, _))) => html! {
            <>
            if trainer { if let Some(case) = case.clone() { <StoryBanner {case} /> } }
            <QuestionPage
                key={format!("{topic}/{id}")}
                topic={topic.clone()}
                question={id.clone()}
                number={state.position(id)}
                total={state.question_total(id)}
                answer={state.answers().get(id).cloned()}
                problem={state.problem}
                on_action={on_action.clone()}
            />
            if trainer { <Diagram topic={topic.clone()} highlight={evaluation_rules(Some(id))} /> }
            </>
        },
        (Screen::CheckAnswers, Some((topic, evaluation))) => html! {
            <CheckAnswersPage
                {topic}
                {evaluation}
                topic_fixed={state.topic_fixed}
                resume_code={state.resume_code().unwrap_or_default()}
                on_action={on_action.clone()}
            />
        },
        (Screen::Result, Some((topic, evaluation))) => html! {
            <>
            if trainer { if let Some(case) = case.clone() { <StoryBanner {case} /> } }
            <ResultPage topic={topic.clone()} evaluation={evaluation.clone()} resume_code={state.resume_code().unwrap_or_default()}
                on_start_again={send(Action::ClickedStartAgain)} />
            if trainer {
                <WhatIf topic={topic.clone()} answers={state.answers().clone()} {evaluation} />
                <Diagram {topic} highlight={evaluation_rules(None)} />
            }
            </>
        },
        // Every screen past the start has a topic, and the trainer's screens exist only with
        // trainer mode: the state never shows one otherwise. Named one by one, so that a new
        // screen is a compile error here until it is drawn.
        (Screen::Cases | Screen::Case(_), _) | (Screen::Question(_) | Screen::CheckAnswers | Screen::Result, None) => html! {
            <StartPage topic={None} on_start={send(Action::ClickedStart)} resume_error={state.resume_error.clone()} on_action={on_action.clone()} />
        },
    };
    html! {
        <ContextProvider<Texts> context={Texts { pack: state.pack, lang: state.lang }}>
            <div class={if state.large_text { "ethics-advisor ea-large" } else { "ethics-advisor" }} lang={state.pack.languages[state.lang].to_string()}>
                <Header on_clear_and_exit={clear_and_exit} on_language={on_language} trainer={state.has_trainer_mode().then_some(trainer)} on_trainer={on_trainer} />
                if let Some(name) = state.language_unavailable.and_then(|l| ethics_engine::locale::find(state.pack.languages[l].as_str())).map(|l| l.name) {
                    <p class="ea-inset" role="status" id="ea-language-unavailable">{ messages(state.pack.languages[state.lang].as_str()).language_unavailable.replace("{language}", name) }</p>
                }
                if trainer {
                    <TrainerBar large_text={state.large_text} shortcuts={state.shortcuts} on_action={on_action.clone()} />
                }
                <main class="ea-main">{ for back }{ body }</main>
            </div>
        </ContextProvider<Texts>>
    }
}

/// "Error: Question 3 — Gifts, hospitality and honours — Ethics advisor".
fn page_title(state: &State) -> String {
    let (lang, code) = (state.lang, state.pack.languages[state.lang].as_str());
    let m = messages(code);
    let with_topic = |page: String| match state.topic() {
        Some(topic) => format!("{page} — {}", state.pack.render(&topic.title, lang)),
        None => page,
    };
    let page = match &state.screen {
        Screen::Start => state.topic().map_or_else(|| m.service_heading.to_owned(), |t| state.pack.render(&t.heading, lang)),
        Screen::ChooseTopic => m.choose_topic.to_owned(),
        // Never shown without trainer mode; the guard keeps its wording out of the staff build.
        Screen::Cases | Screen::Case(_) if !TRAINER => m.service_heading.to_owned(),
        Screen::Cases => trainer_messages(code).case_library.to_owned(),
        Screen::Case(_) => {
            let t = trainer_messages(code);
            state.current_case().map_or_else(|| t.case_library.to_owned(), |c| format!("{} — {}", t.case_label, crate::components::story(c, lang)))
        }
        Screen::Question(q) => with_topic(m.question_of(state.position(q), state.question_total(q))),
        Screen::CheckAnswers => with_topic(m.check_heading.to_owned()),
        Screen::Result => match state.evaluation().as_ref().map(|e| &e.end) {
            Some(ethics_engine::End::Outcome { outcome, .. }) => with_topic(state.pack.render(&outcome.title, lang)),
            _ => with_topic(m.result_heading.to_owned()),
        },
    };
    let prefix = if state.problem.is_some() || state.resume_error.is_some() { m.error_prefix } else { "" };
    format!("{prefix}{page} — {}", m.app_name)
}
