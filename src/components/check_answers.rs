//! The check-answers page: each answer on the current path with a Change link.

use super::use_texts;
use crate::routing::Screen;
use ethics_engine::{evaluate, Answers, QuestionId, TopicId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckAnswersPageProps {
    pub topic: TopicId,
    pub answers: Answers,
    pub on_change: Callback<QuestionId>,
    pub on_continue: Callback<()>,
}

#[function_component]
pub fn CheckAnswersPage(props: &CheckAnswersPageProps) -> Html {
    let texts = use_texts();
    let m = texts.m();
    let Some(topic) = texts.topic(&props.topic) else { return Html::default() };
    let evaluation = evaluate(&texts.pack, topic, &props.answers);
    let on_continue = props.on_continue.clone();
    html! {
        <>
            <h1 id="page-heading" class="ea-heading-l" tabindex="-1">{ m.check_heading }</h1>
            <p class="ea-body">{ m.check_lead }</p>
            <dl class="ea-summary-list">
                { for evaluation.steps.iter().map(|step| {
                    let question = texts.t(&step.question.ask);
                    let id = step.question.id.clone();
                    let on_change = props.on_change.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        on_change.emit(id.clone());
                    });
                    html! {
                        <div class="ea-summary-list__row">
                            <dt class="ea-summary-list__key">{ question.clone() }</dt>
                            <dd class="ea-summary-list__value">{ texts.answer(step.question, &step.answer) }</dd>
                            <dd class="ea-summary-list__actions">
                                <a href={Screen::Question(step.question.id.clone()).fragment(&props.topic)} {onclick}>
                                    { m.change }<span class="ea-visually-hidden">{ format!(" {question}") }</span>
                                </a>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <button type="button" class="ea-button" onclick={move |_| on_continue.emit(())}>{ m.get_result }</button>
        </>
    }
}
