//! The start page: what the advisor is for, how long it takes, and the privacy promise.

use super::use_texts;
use ethics_engine::TopicId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub topic: TopicId,
    pub on_start: Callback<()>,
}

#[function_component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let texts = use_texts();
    let m = texts.m();
    let Some(topic) = texts.topic(&props.topic) else { return Html::default() };
    let on_start = props.on_start.clone();
    html! {
        <>
            <h1 id="page-heading" class="ea-heading-xl" tabindex="-1">{ texts.t(&topic.heading) }</h1>
            <p class="ea-body-l">{ texts.t(&topic.summary) }</p>
            <p class="ea-body">{ m.start_lead }</p>
            <p class="ea-body">{ m.start_time }</p>
            <p class="ea-inset">{ m.start_privacy }</p>
            <button type="button" class="ea-button ea-button--start" onclick={move |_| on_start.emit(())}>{ m.start_button }</button>
        </>
    }
}
