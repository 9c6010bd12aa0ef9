//! The result page: the outcome in plain words, what to do next, why (each rule with its
//! principle and source), the answers it rests on, and how to reach the ethics office.

use super::{use_texts, SaveProgress};
use crate::summary::{mailto, summary_text};
use crate::state::Evaluated;
use ethics_engine::{End, SettingValue, TopicId};
use yew::prelude::*;

/// What became of "Copy summary".
#[derive(Clone, Copy, PartialEq)]
enum CopyStatus {
    NotYet,
    Copied,
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct ResultPageProps {
    pub topic: TopicId,
    /// The path of the answers given, complete.
    pub evaluation: Evaluated,
    /// The "Save my progress" code for these answers.
    pub resume_code: AttrValue,
    pub on_start_again: Callback<()>,
}

#[function_component]
pub fn ResultPage(props: &ResultPageProps) -> Html {
    let texts = use_texts();
    let copy_status = use_state(|| CopyStatus::NotYet);
    let m = texts.m();
    let pack = &texts.pack;
    let Some(topic) = texts.topic(&props.topic) else { return Html::default() };
    let summary = summary_text(pack, texts.lang, m, topic, &props.evaluation).unwrap_or_default();
    let mail = mailto(
        pack,
        &format!("{}: {}", m.mail_subject, texts.t(&topic.title)),
        &format!("{}\n\n{summary}", m.mail_intro),
    );
    let on_copy = {
        let (copy_status, summary) = (copy_status.clone(), summary.clone());
        Callback::from(move |_| {
            let (copy_status, summary) = (copy_status.clone(), summary.clone());
            yew::platform::spawn_local(async move {
                let copied = match web_sys::window().map(|w| w.navigator().clipboard()) {
                    Some(clipboard) => wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&summary)).await.is_ok(),
                    None => false,
                };
                copy_status.set(if copied { CopyStatus::Copied } else { CopyStatus::Failed });
            });
        })
    };
    let on_print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let evaluation = &props.evaluation;
    let (outcome, also) = match &evaluation.end {
        End::Outcome { outcome, also } => (*outcome, also.clone()),
        End::Broken(_) => return html! { <p class="ea-error" role="alert">{ texts.m_filled(m.broken_pack) }</p> },
        End::Ask(_) => return Html::default(),
    };
    let steps: Vec<String> = evaluation.next_steps(topic).into_iter().map(|t| texts.t(t)).collect();
    let setting = |id: &str| match pack.setting(id).map(|s| &s.value) {
        Some(SettingValue::Email(v) | SettingValue::Url(v)) => Some(v.clone()),
        _ => None,
    };
    let on_start_again = props.on_start_again.clone();
    html! {
        <>
            // A polite live region: the result is announced once it appears.
            <div class={format!("ea-panel ea-panel--{}", outcome.tone.name())} data-outcome={outcome.id.to_string()} role="status" aria-live="polite">
                <p class="ea-caption">{ m.result_heading }</p>
                <h1 id="page-heading" class="ea-heading-l" tabindex="-1">{ texts.t(&outcome.title) }</h1>
                <p class="ea-body-l">{ texts.t(&outcome.summary) }</p>
            </div>
            if !also.is_empty() {
                <h2 class="ea-heading-m">{ m.also_heading }</h2>
                { for also.iter().map(|o| html! {
                    <div class={format!("ea-inset ea-inset--{}", o.tone.name())}>
                        <h3 class="ea-heading-s">{ texts.t(&o.title) }</h3>
                        <p class="ea-body">{ texts.t(&o.summary) }</p>
                    </div>
                }) }
            }
            <h2 class="ea-heading-m">{ m.next_heading }</h2>
            <ol class="ea-list ea-list--number">{ for steps.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
            <h2 class="ea-heading-m">{ m.why_heading }</h2>
            <ol class="ea-trace">
                { for evaluation.steps.iter().map(|step| {
                    let principle = pack.principle(&step.rule.principle);
                    let source = pack.source(&step.rule.source);
                    html! {
                        <li class="ea-trace__step" data-rule={step.rule.id.to_string()}>
                            <p class="ea-trace__question">{ format!("{} — ", texts.t(&step.question.ask)) }<strong>{ texts.answer(step.question, &step.answer) }</strong></p>
                            <p class="ea-body">{ texts.t(&step.rule.says) }</p>
                            <p class="ea-trace__meta">
                                { format!("{} ", m.principle) }
                                <strong>{ principle.map(|p| texts.t(&p.name)).unwrap_or_default() }</strong>
                                { " · " }
                                { format!("{} ", m.source) }
                                { source.map(|s| format!("{} ({})", texts.t(&s.cite), s.brief)).unwrap_or_default() }
                            </p>
                        </li>
                    }
                }) }
            </ol>
            <h2 class="ea-heading-m">{ m.answers_heading }</h2>
            <dl class="ea-summary-list">
                { for evaluation.steps.iter().map(|step| html! {
                    <div class="ea-summary-list__row">
                        <dt class="ea-summary-list__key">{ texts.t(&step.question.ask) }</dt>
                        <dd class="ea-summary-list__value">{ texts.answer(step.question, &step.answer) }</dd>
                    </div>
                }) }
            </dl>
            <h2 class="ea-heading-m">{ texts.m_filled(m.contact_heading) }</h2>
            <p class="ea-body">
                { format!("{} ", m.contact_text) }
                if let Some(email) = setting("eco_email") { <a href={format!("mailto:{email}")}>{ email.clone() }</a> }
                { "." }
            </p>
            if let Some(page) = setting("eco_page") {
                <p class="ea-body">{ format!("{} ", m.contact_page) }<a href={page.clone()}>{ page.clone() }</a></p>
            }
            <h2 class="ea-heading-m ea-no-print">{ m.actions_heading }</h2>
            <div class="ea-button-group ea-no-print">
                <button type="button" class="ea-button ea-button--secondary" onclick={on_print}>{ m.print }</button>
                <button type="button" class="ea-button ea-button--secondary" onclick={on_copy}>{ m.copy_summary }</button>
                if let Some(mail) = mail {
                    <a class="ea-button ea-button--secondary" href={mail}>{ texts.m_filled(m.write_to_eco) }</a>
                }
            </div>
            <p class="ea-body ea-no-print" role="status" aria-live="polite">
                { match *copy_status { CopyStatus::NotYet => "", CopyStatus::Copied => m.copied, CopyStatus::Failed => m.copy_failed } }
            </p>
            <p class="ea-print-only">{ m.print_note.replace("{date}", &today(texts.pack.languages[texts.lang].as_str())) }</p>
            <SaveProgress code={props.resume_code.clone()} />
            <button type="button" class="ea-button ea-button--secondary ea-no-print" onclick={move |_| on_start_again.emit(())}>{ m.start_again }</button>
        </>
    }
}

/// Today's date, written the way the language writes it.
fn today(lang: &str) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    js_sys::Date::new_0().to_locale_date_string(lang, &options).into()
}
