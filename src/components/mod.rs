//! Small function components, one screen or widget each, sharing the pack and language
//! through the [`Texts`] context.

mod chrome;
mod check_answers;
mod choose_topic;
mod progress;
mod question;
mod result;
mod start;
mod trainer;

pub use chrome::{BackLink, ErrorSummary, Header};
pub use check_answers::CheckAnswersPage;
pub use choose_topic::ChooseTopicPage;
pub use progress::{ResumeForm, SaveProgress};
pub use question::QuestionPage;
pub use result::ResultPage;
pub use start::StartPage;
pub use trainer::{story, CaseIntro, CaseLibrary, Diagram, StoryBanner, TrainerBar, WhatIf};

use crate::i18n::{messages, trainer_messages, Messages, TrainerMessages};
use ethics_engine::{Answer, Pack, Question, Text, Topic, TopicId};
use yew::prelude::*;

/// The pack and the chosen language, provided to every component.
#[derive(Clone, Debug)]
pub struct Texts {
    pub pack: &'static Pack,
    pub lang: usize,
}

impl PartialEq for Texts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.pack, other.pack) && self.lang == other.lang
    }
}

impl Texts {
    /// A pack text in the chosen language, placeholders filled.
    pub fn t(&self, text: &Text) -> String {
        self.pack.render(text, self.lang)
    }

    /// The app's own wording in the chosen language.
    pub fn m(&self) -> &'static Messages {
        messages(self.pack.languages[self.lang].as_str())
    }

    /// Trainer mode's wording in the chosen language (only trainer mode's components ask).
    pub fn trainer_m(&self) -> &'static TrainerMessages {
        trainer_messages(self.pack.languages[self.lang].as_str())
    }

    /// An app message with `{setting}` placeholders filled from the pack.
    pub fn m_filled(&self, message: &str) -> String {
        self.t(&Text(vec![message.to_owned(); self.pack.languages.len()]))
    }

    pub fn topic(&self, id: &TopicId) -> Option<&Topic> {
        self.pack.topic(id)
    }

    /// How an answer reads back to the user: the option's label, or the sum with currency.
    pub fn answer(&self, question: &Question, answer: &Answer) -> String {
        self.pack.answer_text(question, answer, self.lang)
    }
}

/// A click handler that sends `action` (and keeps a link from following its href, which is
/// there for opening in a new tab).
pub fn on_click(on_action: &Callback<crate::state::Action>, action: crate::state::Action) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        on_action.emit(action.clone());
    })
}

/// The class of a GOV.UK form group, marked when its field has a problem. Class lists are
/// written out, not built with `classes!`, whose set of classes brings a hash map into the
/// first render.
pub fn form_group_class(problem: bool) -> &'static str {
    if problem {
        "ea-form-group ea-form-group--error"
    } else {
        "ea-form-group"
    }
}

/// The value of a field of the form a submit event comes from.
pub fn form_field(event: &SubmitEvent, name: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let form = event.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    web_sys::FormData::new_with_form(&form).ok()?.get(name).as_string()
}

/// The context, which the app always provides.
#[hook]
pub fn use_texts() -> Texts {
    use_context::<Texts>().expect("components are rendered inside the app's Texts provider")
}
