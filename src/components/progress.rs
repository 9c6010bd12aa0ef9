//! Resume without a server: "Save my progress" shows a code holding the answers, and the
//! start page takes such a code back. The code is only ever shown, never stored or sent.

use super::{form_field, form_group_class, use_texts, ErrorSummary};
use crate::state::Action;
use ethics_engine::resume::ResumeError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SaveProgressProps {
    /// The code for the answers so far.
    pub code: AttrValue,
}

/// A "Save my progress" button that reveals the code.
#[function_component]
pub fn SaveProgress(props: &SaveProgressProps) -> Html {
    let texts = use_texts();
    let m = texts.m();
    let shown = use_state(|| false);
    let show = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(true))
    };
    html! {
        <div class="ea-save-progress ea-no-print">
            if *shown {
                <p class="ea-body" role="status">
                    { m.save_progress_code }{ " " }
                    <code class="ea-code" id="ea-resume-code">{ props.code.clone() }</code>
                </p>
                <p class="ea-hint">{ m.save_progress_private }</p>
            } else {
                <button type="button" class="ea-button ea-button--secondary" onclick={show}>{ m.save_progress }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResumeFormProps {
    pub error: Option<ResumeError>,
    pub on_action: Callback<Action>,
}

/// "Continue with a code", on the start page.
#[function_component]
pub fn ResumeForm(props: &ResumeFormProps) -> Html {
    let texts = use_texts();
    let m = texts.m();
    let onsubmit = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let code = form_field(&e, "code").unwrap_or_default();
            on_action.emit(Action::EnteredResumeCode(code));
        })
    };
    let message = props.error.as_ref().map(|e| m.resume_error(e));
    html! {
        <form class="ea-form ea-resume" novalidate=true {onsubmit}>
            if let Some(message) = message { <ErrorSummary message={message} field="ea-resume-code-input" /> }
            <h2 class="ea-heading-m">{ m.resume_heading }</h2>
            <div class={form_group_class(message.is_some())}>
                <label class="ea-label" for="ea-resume-code-input">{ m.resume_label }</label>
                <div id="ea-resume-hint" class="ea-hint">{ m.resume_hint }</div>
                if let Some(message) = message {
                    <p id="ea-resume-error" class="ea-error-message"><span class="ea-visually-hidden">{ m.error_prefix }</span>{ message }</p>
                }
                <input class={if message.is_some() { "ea-input ea-input--code ea-input--error" } else { "ea-input ea-input--code" }} id="ea-resume-code-input" name="code" type="text"
                    autocomplete="off" autocapitalize="characters" spellcheck="false"
                    aria-describedby={if message.is_some() { "ea-resume-hint ea-resume-error" } else { "ea-resume-hint" }} />
            </div>
            <button type="submit" class="ea-button ea-button--secondary">{ m.resume_button }</button>
        </form>
    }
}
