//! A question page: the question is the legend and the `h1`, answers are radios (or an
//! amount field), one Continue button, a back link, and an error summary when needed.

use super::{form_field, form_group_class, use_texts, ErrorSummary};
use crate::state::{Action, InputProblem};
use ethics_engine::{Amount, Answer, Input, OptionLabel, QuestionId, TopicId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub topic: TopicId,
    pub question: QuestionId,
    /// Position on the current path, from 1.
    pub number: usize,
    /// The most questions the path can have.
    pub total: usize,
    /// The answer given before, shown selected.
    pub answer: Option<Answer>,
    pub problem: Option<InputProblem>,
    pub on_action: Callback<Action>,
}

/// The ID of an option's radio input.
fn option_field(question: &QuestionId, option: &str) -> String {
    format!("ea-{question}-{option}")
}

#[function_component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let texts = use_texts();
    let m = texts.m();
    let Some(question) = texts.topic(&props.topic).and_then(|t| t.question(&props.question)) else { return Html::default() };
    let is_amount = matches!(question.input, Input::Amount { .. });
    let amount_field = format!("ea-{}-amount", question.id);
    let first_field = if is_amount { amount_field.clone() } else { option_field(&question.id, question.options[0].id.as_str()) };
    let error_id = format!("ea-{}-error", question.id);
    let hint_id = format!("ea-{}-hint", question.id);

    let onsubmit = {
        let on_action = props.on_action.clone();
        let id = question.id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let field = |name: &str| form_field(&e, name);
            let answer = if is_amount {
                if field("dont_know").is_some() {
                    Ok(Answer::Choice("dont_know".into()))
                } else {
                    match field("amount").filter(|a| !a.trim().is_empty()) {
                        None => Err(InputProblem::AmountMissing),
                        Some(typed) => Amount::parse(&typed).map(Answer::Amount).ok_or(InputProblem::AmountInvalid),
                    }
                }
            } else {
                field("answer").map(|o| Answer::Choice(o.as_str().into())).ok_or(InputProblem::NoChoice)
            };
            on_action.emit(match answer {
                Ok(answer) => Action::ChoseAnswer { question: id.clone(), answer },
                Err(problem) => Action::ContinuedWithProblem { question: id.clone(), problem },
            });
        })
    };

    let message = props.problem.map(|p| match p {
        InputProblem::NoChoice => m.error_choose,
        InputProblem::AmountMissing => m.error_amount_missing,
        InputProblem::AmountInvalid => m.error_amount_invalid,
    });
    let described_by = [question.hint.as_ref().map(|_| hint_id.clone()), message.map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");

    let answers = if is_amount {
        let typed = match &props.answer {
            Some(Answer::Amount(amount)) => amount.localized(texts.pack.languages[texts.lang].as_str()),
            _ => String::new(),
        };
        let unknown = props.answer == Some(Answer::Choice("dont_know".into()));
        html! {
            <>
                <label class="ea-label" for={amount_field.clone()}>{ format!("{} ({})", m.amount_label, texts.pack.currency()) }</label>
                <div class="ea-input-wrapper">
                    <span class="ea-input-prefix" aria-hidden="true">{ texts.pack.currency() }</span>
                    <input class={if message.is_some() { "ea-input ea-input--error" } else { "ea-input" }} id={amount_field.clone()} name="amount" type="text"
                        inputmode="decimal" autocomplete="off" spellcheck="false" value={typed} aria-describedby={described_by.clone()} />
                </div>
                if question.allows_dont_know() {
                    <div class="ea-checkboxes__item">
                        <input class="ea-checkboxes__input" id={format!("ea-{}-dont_know", question.id)} name="dont_know" type="checkbox" value="yes" checked={unknown} />
                        <label class="ea-checkboxes__label" for={format!("ea-{}-dont_know", question.id)}>{ m.amount_dont_know }</label>
                    </div>
                }
            </>
        }
    } else {
        html! {
            <div class="ea-radios">
                { for question.options.iter().map(|option| {
                    let field = option_field(&question.id, option.id.as_str());
                    let label = texts.pack.option_label(option, texts.lang);
                    let hint = match &option.label {
                        OptionLabel::Pack { hint: Some(hint), .. } => Some(texts.t(hint)),
                        _ => None,
                    };
                    let checked = props.answer == Some(Answer::Choice(option.id.clone()));
                    let option_hint = format!("{field}-hint");
                    let is_dont_know = option.id.as_str() == "dont_know";
                    html! {
                        <>
                            if is_dont_know && question.options.len() > 2 { <div class="ea-radios__divider">{ m.or }</div> }
                            <div class="ea-radios__item">
                                <input class="ea-radios__input" id={field.clone()} name="answer" type="radio" value={option.id.to_string()} {checked}
                                    aria-describedby={hint.as_ref().map(|_| option_hint.clone())} />
                                <label class="ea-radios__label" for={field.clone()}>{ label }</label>
                                if let Some(hint) = hint { <div id={option_hint} class="ea-hint ea-radios__hint">{ hint }</div> }
                            </div>
                        </>
                    }
                }) }
            </div>
        }
    };

    html! {
        <>
            <form class="ea-form" novalidate=true data-question={question.id.to_string()} {onsubmit}>
                if let Some(message) = message { <ErrorSummary message={message} field={first_field.clone()} /> }
                <div class={form_group_class(message.is_some())}>
                    <fieldset class="ea-fieldset" aria-describedby={(!described_by.is_empty()).then(|| described_by.clone())}>
                        <legend class="ea-fieldset__legend">
                            <span class="ea-caption">{ m.question_of(props.number, props.total) }</span>
                            <h1 id="page-heading" class="ea-heading-l" tabindex="-1">{ texts.t(&question.ask) }</h1>
                        </legend>
                        if let Some(hint) = &question.hint { <div id={hint_id.clone()} class="ea-hint">{ texts.t(hint) }</div> }
                        if let Some(message) = message {
                            <p id={error_id.clone()} class="ea-error-message"><span class="ea-visually-hidden">{ m.error_prefix }</span>{ message }</p>
                        }
                        { answers }
                    </fieldset>
                </div>
                <button type="submit" class="ea-button">{ m.continue_button }</button>
            </form>
        </>
    }
}
