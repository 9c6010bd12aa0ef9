//! The check-answers page: each answer on the current path with a Change link.

use super::{on_click, use_texts, SaveProgress};
use crate::routing::Screen;
use crate::state::Action;
use crate::state::Evaluated;
use ethics_engine::TopicId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckAnswersPageProps {
    pub topic: TopicId,
    /// The path of the answers given.
    pub evaluation: Evaluated,
    /// When the host page fixed the topic there is no topic to change.
    pub topic_fixed: bool,
    /// The "Save my progress" code for these answers.
    pub resume_code: AttrValue,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn CheckAnswersPage(props: &CheckAnswersPageProps) -> Html {
    let texts = use_texts();
    let m = texts.m();
    let Some(topic) = texts.topic(&props.topic) else { return Html::default() };
    let evaluation = &props.evaluation;
    let send = |action: Action| on_click(&props.on_action, action);
    html! {
        <>
            <h1 id="page-heading" class="ea-heading-l" tabindex="-1">{ m.check_heading }</h1>
            <p class="ea-body">{ m.check_lead }</p>
            <dl class="ea-summary-list">
                if !props.topic_fixed {
                    <div class="ea-summary-list__row">
                        <dt class="ea-summary-list__key">{ m.topic_row }</dt>
                        <dd class="ea-summary-list__value">{ texts.t(&topic.title) }</dd>
                        <dd class="ea-summary-list__actions">
                            <a href={Screen::ChooseTopic.fragment(None)} onclick={send(Action::ClickedChangeTopic)}>
                                { m.change }<span class="ea-visually-hidden">{ format!(" {}", m.topic_row) }</span>
                            </a>
                        </dd>
                    </div>
                }
                { for evaluation.steps.iter().map(|step| {
                    let question = texts.t(&step.question.ask);
                    let onclick = send(Action::ClickedChange(step.question.id.clone()));
                    html! {
                        <div class="ea-summary-list__row">
                            <dt class="ea-summary-list__key">{ question.clone() }</dt>
                            <dd class="ea-summary-list__value">{ texts.answer(step.question, &step.answer) }</dd>
                            <dd class="ea-summary-list__actions">
                                <a href={Screen::Question(step.question.id.clone()).fragment(Some(&props.topic))} {onclick}>
                                    { m.change }<span class="ea-visually-hidden">{ format!(" {question}") }</span>
                                </a>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <button type="button" class="ea-button" onclick={send(Action::ClickedGetResult)}>{ m.get_result }</button>
            <SaveProgress code={props.resume_code.clone()} />
        </>
    }
}
