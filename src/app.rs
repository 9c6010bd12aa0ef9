//! The root component: decodes the embedded pack, holds the state, keeps the URL fragment,
//! the document title and the keyboard focus in step with the screen.

use crate::components::{BackLink, CheckAnswersPage, Header, QuestionPage, ResultPage, StartPage, Texts};
use crate::embedded_pack;
use crate::i18n::messages;
use crate::routing::Screen;
use crate::state::{Action, State};
use ethics_engine::Pack;
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Options a host page may set (later read from `data-*` attributes).
#[derive(Properties, PartialEq, Default, Clone)]
pub struct AppProps {
    /// Language code; the pack's first language if absent or unknown.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let pack = use_memo((), |_| embedded_pack::load());
    match &*pack {
        Ok(pack) => html! { <Advisor pack={pack.clone()} lang={props.lang.clone()} /> },
        Err(error) => html! { <div class="ethics-advisor"><p class="ea-error" role="alert">{ error.clone() }</p></div> },
    }
}

#[derive(Properties, PartialEq)]
struct AdvisorProps {
    pack: Rc<Pack>,
    lang: Option<AttrValue>,
}

fn current_fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

#[function_component]
fn Advisor(props: &AdvisorProps) -> Html {
    let pack = props.pack.clone();
    let lang = props.lang.as_deref().and_then(|code| pack.language(code)).unwrap_or(0);
    let state = use_reducer(move || {
        let (_, screen) = Screen::parse(&current_fragment());
        State::new(pack.clone(), lang, 0, screen).unwrap_or_else(|| State::new(pack, lang, 0, Screen::Start).expect("the build guarantees a topic"))
    });

    // The browser's back and forward buttons change the fragment; follow them.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    let (_, screen) = Screen::parse(&current_fragment());
                    dispatcher.dispatch(Action::NavigatedTo(screen));
                })
            });
            move || drop(listener)
        });
    }

    // After every step: the fragment names the screen, the title says where the user is, and
    // focus moves to the heading (or the error summary) so screen readers announce it.
    let title = page_title(&state);
    let first_render = use_mut_ref(|| true);
    {
        let fragment = state.screen.fragment(&state.topic().id);
        let has_problem = state.problem.is_some();
        use_effect_with((state.screen.clone(), has_problem, title.clone()), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(document) = document {
                document.set_title(&title);
                let here = current_fragment();
                let same = here == fragment || (here.is_empty() && fragment == "#/");
                if !same {
                    if let Ok(location) = document.location().ok_or(()) {
                        let _ = location.set_hash(&fragment);
                    }
                }
                let initial = std::mem::replace(&mut *first_render.borrow_mut(), false);
                if !initial {
                    let target = if has_problem { "error-summary" } else { "page-heading" };
                    if let Some(element) = document.get_element_by_id(target).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = element.focus();
                    }
                }
            }
        });
    }

    let texts = Texts { pack: state.pack.clone(), lang: state.lang };
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(action.clone()))
    };
    let back = (state.screen != Screen::Start).then(|| {
        let href = state.previous().fragment(&state.topic().id);
        html! { <BackLink href={href} on_back={dispatch(Action::ClickedBack)} /> }
    });
    let body = match &state.screen {
        Screen::Start => html! { <StartPage topic={state.topic().id.clone()} on_start={dispatch(Action::ClickedStart)} /> },
        Screen::Question(id) => match state.topic().question(id) {
            Some(_) => {
                let dispatcher = state.dispatcher();
                html! {
                    <QuestionPage
                        key={id.to_string()}
                        topic={state.topic().id.clone()}
                        question={id.clone()}
                        number={state.position(id)}
                        answer={state.answers.get(id).cloned()}
                        problem={state.problem}
                        on_action={Callback::from(move |action| dispatcher.dispatch(action))}
                    />
                }
            }
            None => html! { <StartPage topic={state.topic().id.clone()} on_start={dispatch(Action::ClickedStart)} /> },
        },
        Screen::CheckAnswers => {
            let dispatcher = state.dispatcher();
            html! {
                <CheckAnswersPage
                    topic={state.topic().id.clone()}
                    answers={state.answers.clone()}
                    on_change={Callback::from(move |q| dispatcher.dispatch(Action::ClickedChange(q)))}
                    on_continue={dispatch(Action::ClickedGetResult)}
                />
            }
        }
        Screen::Result => html! {
            <ResultPage
                topic={state.topic().id.clone()}
                answers={state.answers.clone()}
                on_start_again={dispatch(Action::ClickedStartAgain)}
            />
        },
    };
    html! {
        <ContextProvider<Texts> context={texts}>
            <div class="ethics-advisor" lang={state.pack.languages[state.lang].to_string()}>
                <Header />
                <main class="ea-main">{ for back }{ body }</main>
            </div>
        </ContextProvider<Texts>>
    }
}

/// "Error: Question 3 — Gifts, hospitality and honours — Ethics advisor".
fn page_title(state: &State) -> String {
    let m = messages(state.pack.languages[state.lang].as_str());
    let topic = state.pack.render(&state.topic().title, state.lang);
    let page = match &state.screen {
        Screen::Start => state.pack.render(&state.topic().heading, state.lang),
        Screen::Question(q) => format!("{} — {topic}", m.question_number.replace("{n}", &state.position(q).to_string())),
        Screen::CheckAnswers => format!("{} — {topic}", m.check_heading),
        Screen::Result => match &state.evaluation().end {
            ethics_engine::End::Outcome { outcome, .. } => format!("{} — {topic}", state.pack.render(&outcome.title, state.lang)),
            _ => topic,
        },
    };
    let prefix = if state.problem.is_some() { m.error_prefix } else { "" };
    format!("{prefix}{page} — {}", m.app_name)
}
