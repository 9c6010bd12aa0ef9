//! The start page: what the advisor is for, how long it takes, and the privacy promise —
//! for the whole service, or for one topic once it is chosen or fixed by the host page.

use super::{use_texts, ResumeForm};
use crate::state::Action;
use ethics_engine::resume::ResumeError;
use ethics_engine::TopicId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub topic: Option<TopicId>,
    pub on_start: Callback<()>,
    /// Why the last resume code was refused.
    pub resume_error: Option<ResumeError>,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let texts = use_texts();
    let m = texts.m();
    let on_start = props.on_start.clone();
    let introduction = match props.topic.as_ref().and_then(|id| texts.topic(id)) {
        Some(topic) => html! {
            <>
                <h1 id="page-heading" class="ea-heading-xl" tabindex="-1">{ texts.t(&topic.heading) }</h1>
                <p class="ea-body-l">{ texts.t(&topic.summary) }</p>
            </>
        },
        None => html! {
            <>
                <h1 id="page-heading" class="ea-heading-xl" tabindex="-1">{ m.service_heading }</h1>
                <p class="ea-body">{ m.service_lead }</p>
                <ul class="ea-list ea-list--bullet">
                    { for texts.pack.topics.iter().map(|t| html! { <li>{ texts.t(&t.summary) }</li> }) }
                </ul>
            </>
        },
    };
    html! {
        <>
            { introduction }
            <p class="ea-body">{ m.start_lead }</p>
            <p class="ea-body">{ m.start_time }</p>
            <div class="ea-inset">
                <p class="ea-body">{ m.start_privacy }</p>
            </div>
            <button type="button" class="ea-button ea-button--start" onclick={move |_| on_start.emit(())}>{ m.start_button }</button>
            <h2 class="ea-heading-m">{ m.privacy_heading }</h2>
            <p class="ea-body">{ m.privacy_keeps }</p>
            <p class="ea-body">{ m.privacy_sends }</p>
            <p class="ea-body">{ texts.m_filled(m.privacy_sharing) }</p>
            <ResumeForm error={props.resume_error.clone()} on_action={props.on_action.clone()} />
        </>
    }
}
