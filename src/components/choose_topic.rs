//! The triage question: which topic the user wants advice on, as one radio question.

use super::{form_field, form_group_class, use_texts, ErrorSummary};
use crate::state::Action;
use ethics_engine::TopicId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChooseTopicPageProps {
    /// The topic chosen before, shown selected.
    pub chosen: Option<TopicId>,
    pub problem: bool,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn ChooseTopicPage(props: &ChooseTopicPageProps) -> Html {
    let texts = use_texts();
    let m = texts.m();
    let onsubmit = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let chosen = form_field(&e, "topic").and_then(|i| i.parse().ok());
            on_action.emit(chosen.map_or(Action::ContinuedWithoutTopic, Action::ChoseTopic));
        })
    };
    html! {
        <form class="ea-form" novalidate=true {onsubmit}>
            if props.problem { <ErrorSummary message={m.error_choose} field="ea-topic-0" /> }
            <div class={form_group_class(props.problem)}>
                <fieldset class="ea-fieldset" aria-describedby={if props.problem { "ea-topic-hint ea-topic-error" } else { "ea-topic-hint" }}>
                    <legend class="ea-fieldset__legend">
                        <h1 id="page-heading" class="ea-heading-l" tabindex="-1">{ m.choose_topic }</h1>
                    </legend>
                    <div id="ea-topic-hint" class="ea-hint">{ m.choose_topic_hint }</div>
                    if props.problem {
                        <p id="ea-topic-error" class="ea-error-message"><span class="ea-visually-hidden">{ m.error_prefix }</span>{ m.error_choose }</p>
                    }
                    <div class="ea-radios">
                        { for texts.pack.topics.iter().enumerate().map(|(i, topic)| {
                            let field = format!("ea-topic-{i}");
                            let hint = format!("{field}-hint");
                            html! {
                                <div class="ea-radios__item">
                                    <input class="ea-radios__input" id={field.clone()} name="topic" type="radio" value={i.to_string()} data-topic={topic.id.to_string()}
                                        checked={props.chosen.as_ref() == Some(&topic.id)} aria-describedby={hint.clone()} />
                                    <label class="ea-radios__label" for={field}>{ texts.t(&topic.title) }</label>
                                    <div id={hint} class="ea-hint ea-radios__hint">{ texts.t(&topic.summary) }</div>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="ea-button">{ m.continue_button }</button>
        </form>
    }
}
