//! The advisor's effects on the page around it, one named hook each: following the browser's
//! back and forward buttons, trainer mode's single-key shortcuts, and keeping the fragment,
//! title and focus in step with the screen.

use crate::routing::Screen;
use crate::state::{Action, State};
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The User Timing mark set when a question has been rendered.
const QUESTION_MARK: &str = "ethics-advisor:question";

pub fn current_fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The fragment the advisor itself last wrote. Routing is one-way: a step writes the
/// fragment, and only a fragment the user changed (back, forward, a typed address) comes back
/// to the state as [`Action::NavigatedTo`].
#[derive(Clone, Default)]
pub struct WrittenFragment(Rc<RefCell<String>>);

/// Follows the browser's back and forward buttons (and typed addresses), but not the
/// fragment changes the advisor made itself.
#[hook]
pub fn use_hash_routing(dispatcher: UseReducerDispatcher<State>, written: WrittenFragment) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                let here = current_fragment();
                if *written.0.borrow() != here {
                    let (topic, screen) = Screen::parse(&here);
                    // Where the user went is now where the page is: a later step back to the
                    // fragment the advisor wrote before is the user's too.
                    *written.0.borrow_mut() = here;
                    dispatcher.dispatch(Action::NavigatedTo(topic, screen));
                }
            })
        });
        move || drop(listener)
    });
}

/// Trainer mode's single-key shortcuts (N next, B back, R reveal), while `on`; never while
/// typing, and never with a modifier key.
#[hook]
pub fn use_trainer_shortcuts(dispatcher: UseReducerDispatcher<State>, on: bool, screen: Screen) {
    use_effect_with((on, screen.clone()), move |_| {
        // `cfg!` first: a build without trainer mode then leaves the listener's code out.
        let listener = web_sys::window().filter(|_| cfg!(feature = "trainer") && on).map(|window| {
            EventListener::new_with_options(&window, "keydown", EventListenerOptions::enable_prevent_default(), move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                // The element typed in, even inside the sealed embed's shadow root (where the
                // event's target is the `<ethics-advisor>` element itself).
                let typed_in = event.composed_path().get(0);
                let typing = typed_in.dyn_into::<web_sys::HtmlInputElement>().ok().is_some_and(|i| i.type_() == "text");
                if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
                    return;
                }
                let action = match (event.key().to_ascii_lowercase().as_str(), &screen) {
                    ("n", Screen::Case(_)) => Some(Action::ClickedStepThrough),
                    ("n", Screen::Question(_)) => {
                        let form = crate::find("form[data-question]");
                        if let Some(form) = form.and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok()) {
                            let _ = form.request_submit();
                        }
                        None
                    }
                    ("n" | "r", Screen::CheckAnswers) | ("r", Screen::Case(_) | Screen::Question(_)) => Some(Action::ClickedReveal),
                    ("b", _) => Some(Action::ClickedBack),
                    _ => None,
                };
                if let Some(action) = action {
                    event.prevent_default();
                    dispatcher.dispatch(action);
                }
            })
        });
        move || drop(listener)
    });
}

/// After every step: the fragment names the screen, the title (where the advisor names the
/// steps in it) says where the user is, and focus moves to the heading (or the error summary)
/// so screen readers announce it.
#[hook]
pub fn use_page_title_and_focus(state: &State, title: Option<String>, written: WrittenFragment) {
    let first_render = use_mut_ref(|| true);
    let fragment = state.fragment(&state.screen);
    let has_problem = state.problem.is_some() || state.resume_error.is_some();
    let lang_code = state.pack.languages[state.lang].to_string();
    let on_question = matches!(state.screen, Screen::Question(_));
    use_effect_with((fragment.clone(), has_problem, title.clone()), move |_| {
        // A User Timing mark each time a question is on screen, for `cargo xtask bench`
        // (and anyone profiling in their browser's developer tools).
        if let (true, Some(performance)) = (on_question, web_sys::window().and_then(|w| w.performance())) {
            let _ = performance.mark(QUESTION_MARK);
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(title) = &title {
                document.set_title(title);
            }
            // On its own page (not embedded in someone else's) the page language follows.
            if let Some(html) = document.document_element().filter(|e| e.has_attribute("data-ethics-advisor-page")) {
                let _ = html.set_attribute("lang", &lang_code);
            }
            let here = current_fragment();
            let same = here == fragment || (here.is_empty() && fragment == "#/");
            if let (false, Some(location)) = (same, document.location()) {
                *written.0.borrow_mut() = fragment.clone();
                let _ = location.set_hash(&fragment);
            }
            let initial = std::mem::replace(&mut *first_render.borrow_mut(), false);
            if !initial {
                let target = if has_problem { "error-summary" } else { "page-heading" };
                if let Some(element) = crate::find(&format!("#{target}")).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = element.focus();
                }
            }
        }
    });
}
