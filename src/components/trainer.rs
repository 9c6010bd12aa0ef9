//! Trainer mode: the case library, a case's story, the trainer's tools, the "What if?" table
//! and the decision-tree diagram. Stepping through a case uses the same question, check and
//! result screens as staff mode, with the case's answers pre-selected.

use super::{on_click, use_texts};
use crate::routing::Screen;
use crate::state::{Action, Evaluated};
use ethics_engine::diagram::{self, NODE_HEIGHT, NODE_WIDTH};
use ethics_engine::library::Case;
use ethics_engine::{evaluate, Answer, Answers, End, RuleId, TopicId};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct CaseLibraryProps {
    pub cases: Rc<Vec<Case>>,
}

impl PartialEq for CaseLibraryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cases, &other.cases)
    }
}

/// Every case, by topic, each a link (`#/trainer/<id>`) a trainer can also prepare ahead.
#[function_component]
pub fn CaseLibrary(props: &CaseLibraryProps) -> Html {
    let texts = use_texts();
    let m = texts.trainer_m();
    html! {
        <>
            <h1 id="page-heading" class="ea-heading-l" tabindex="-1">{ m.case_library }</h1>
            <p class="ea-body">{ m.case_library_lead }</p>
            { for texts.pack.topics.iter().map(|topic| html! {
                <section class="ea-case-group">
                    <h2 class="ea-heading-m">{ texts.t(&topic.title) }</h2>
                    <ul class="ea-case-list">
                        { for props.cases.iter().filter(|c| c.topic == topic.id).map(|case| html! {
                            <li><a href={Screen::Case(case.id.clone()).fragment(None)} data-case={case.id.clone()}>{ story(case, texts.lang) }</a></li>
                        }) }
                    </ul>
                </section>
            }) }
        </>
    }
}

/// A case's story in a language (the library falls back to the first language).
pub fn story(case: &Case, lang: usize) -> String {
    case.story.get(lang).or_else(|| case.story.first()).cloned().unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct CaseIntroProps {
    pub case: Case,
    pub on_action: Callback<Action>,
}

/// The story, large, before the room steps through the questions.
#[function_component]
pub fn CaseIntro(props: &CaseIntroProps) -> Html {
    let texts = use_texts();
    let m = texts.trainer_m();
    let send = |action: Action| on_click(&props.on_action, action);
    let topic = texts.topic(&props.case.topic).map(|t| texts.t(&t.title)).unwrap_or_default();
    html! {
        <>
            <p class="ea-caption">{ format!("{} — {topic}", m.case_label) }</p>
            <h1 id="page-heading" class="ea-heading-l ea-story" tabindex="-1">{ story(&props.case, texts.lang) }</h1>
            <div class="ea-button-group">
                <button type="button" class="ea-button" onclick={send(Action::ClickedStepThrough)}>{ m.step_through }</button>
                <button type="button" class="ea-button ea-button--secondary" onclick={send(Action::ClickedReveal)}>{ m.reveal }</button>
            </div>
            <Diagram topic={props.case.topic.clone()} highlight={Vec::<RuleId>::new()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct StoryBannerProps {
    pub case: Case,
}

/// The case's story above each question while the room steps through it.
#[function_component]
pub fn StoryBanner(props: &StoryBannerProps) -> Html {
    let texts = use_texts();
    html! {
        <aside class="ea-story-banner" aria-label={texts.trainer_m().case_label}>
            <p class="ea-body">{ story(&props.case, texts.lang) }</p>
        </aside>
    }
}

#[derive(Properties, PartialEq)]
pub struct TrainerBarProps {
    pub large_text: bool,
    pub shortcuts: bool,
    pub on_action: Callback<Action>,
}

/// The trainer's tools: the library, large text, shortcuts on or off, a fresh start.
#[function_component]
pub fn TrainerBar(props: &TrainerBarProps) -> Html {
    let texts = use_texts();
    let m = texts.trainer_m();
    let send = |action: Action| on_click(&props.on_action, action);
    html! {
        <nav class="ea-trainer-bar" aria-label={m.trainer_bar}>
            <a class="ea-trainer-bar__item" href={Screen::Cases.fragment(None)}>{ m.case_library }</a>
            <button type="button" class="ea-trainer-bar__item" aria-pressed={props.large_text.to_string()} onclick={send(Action::ToggledLargeText)}>{ m.large_text }</button>
            <button type="button" class="ea-trainer-bar__item" aria-pressed={props.shortcuts.to_string()} onclick={send(Action::ToggledShortcuts)}>
                { if props.shortcuts { m.shortcuts_on } else { m.shortcuts_off } }
            </button>
            <button type="button" class="ea-trainer-bar__item" onclick={send(Action::ClickedFreshStart)}>{ m.fresh_start }</button>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct WhatIfProps {
    pub topic: TopicId,
    pub answers: Answers,
    /// The path of `answers`: each of its answers is varied in turn.
    pub evaluation: Evaluated,
}

/// For each answer on the path, how the outcome would change with each other answer.
#[function_component]
pub fn WhatIf(props: &WhatIfProps) -> Html {
    let texts = use_texts();
    let m = texts.trainer_m();
    let pack = &texts.pack;
    let Some(topic) = texts.topic(&props.topic) else { return Html::default() };
    let mut rows = Vec::new();
    for step in &props.evaluation.steps {
        for option in step.question.options.iter().filter(|o| o.id != step.option) {
            let mut changed = props.answers.clone();
            changed.insert(step.question.id.clone(), Answer::Choice(option.id.clone()));
            let outcome = match evaluate(pack, topic, &changed).end {
                End::Outcome { outcome, .. } => texts.t(&outcome.title),
                _ => m.what_if_more.to_owned(),
            };
            rows.push((texts.t(&step.question.ask), pack.option_label(option, texts.lang), outcome));
        }
    }
    html! {
        <section class="ea-what-if">
            <h2 class="ea-heading-m">{ m.what_if_heading }</h2>
            <p class="ea-body">{ m.what_if_lead }</p>
            <table class="ea-table">
                <thead><tr><th scope="col">{ m.what_if_question }</th><th scope="col">{ m.what_if_answer }</th><th scope="col">{ m.what_if_outcome }</th></tr></thead>
                <tbody>
                    { for rows.into_iter().map(|(question, answer, outcome)| html! {
                        <tr><td>{ question }</td><td>{ answer }</td><td>{ outcome }</td></tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// A coordinate in whole pixels: printing floats would ship Rust's float formatting.
fn px(value: f32) -> String {
    (value.round() as i32).to_string()
}

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub topic: TopicId,
    /// The rules on the path so far, drawn highlighted.
    pub highlight: Vec<RuleId>,
}

/// The topic's decision tree, drawn from the engine's computed layout, in a scrollable,
/// focusable frame, with a text version listing every branch.
#[function_component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let texts = use_texts();
    let m = texts.trainer_m();
    let pack = &texts.pack;
    // The layout and label placement change only with the topic and the language, not with
    // each answer the room gives.
    let drawing = {
        let pack = *pack;
        use_memo((props.topic.clone(), texts.lang), move |(topic, lang)| {
            let topic = pack.topic(topic)?;
            let layout = diagram::layout(topic);
            let labels = diagram::edge_labels(pack, topic, &layout, *lang);
            Some((layout, labels))
        })
    };
    let (Some(topic), Some((layout, labels))) = (texts.topic(&props.topic), drawing.as_ref()) else { return Html::default() };
    let lit = |rule: &RuleId| props.highlight.contains(rule);
    let on_path: Vec<bool> = (0..layout.nodes.len())
        .map(|i| i == 0 && !props.highlight.is_empty() || layout.edges.iter().any(|e| e.to == i && lit(&e.rule)))
        .collect();
    let edges = layout.edges.iter().map(|edge| {
        let class = if lit(&edge.rule) { "ea-diagram__edge ea-diagram__edge--on" } else { "ea-diagram__edge" };
        html! { <g class={class}><path d={edge.path(layout, px)} /></g> }
    });
    // Labels after every edge, so no edge is drawn over a label.
    let labels = labels.iter().flat_map(|label| {
        label.lines.iter().enumerate().map(move |(i, line)| html! {
            <text x={px(label.x)} y={px(label.y + i as f32 * 14.0)} text-anchor="middle" class="ea-diagram__label">{ line.clone() }</text>
        })
    });
    // Drawn as the exported diagrams are: the colours come from the outcome's tone in the pack
    // (presentation attributes, which the CSP allows and the stylesheet's highlight overrides).
    let nodes = layout.nodes.iter().enumerate().map(|(i, node)| {
        let look = diagram::node_drawing(pack, topic, node, texts.lang);
        let kind = look.tone.map_or("question", |t| t.name());
        let class = format!("ea-diagram__node ea-diagram__node--{kind}{}", if on_path[i] { " ea-diagram__node--on" } else { "" });
        html! {
            <g {class}>
                <rect x={px(node.x)} y={px(node.y)} width={px(NODE_WIDTH)} height={px(NODE_HEIGHT)} rx="4" fill={look.fill} stroke={look.stroke} stroke-width="2" />
                { for look.lines.into_iter().map(|(x, y, line)| html! {
                    <text x={px(x)} y={px(y)} text-anchor="middle" fill={look.text_fill}>{ line }</text>
                }) }
            </g>
        }
    });
    // The text version: every question with each answer and where it leads.
    let branches = topic.questions.iter().map(|question| {
        html! {
            <li>
                { texts.t(&question.ask) }
                <ul>
                    { for question.rules.iter().map(|rule| {
                        let answers = rule.when.iter().filter_map(|w| question.option(w)).map(|o| pack.option_label(o, texts.lang)).collect::<Vec<_>>().join(" / ");
                        let target = match &rule.then {
                            ethics_engine::Next::Question(next) => topic.question(next).map(|q| texts.t(&q.ask)).unwrap_or_default(),
                            ethics_engine::Next::Outcome(outcome) => pack.outcome(outcome).map(|o| texts.t(&o.title)).unwrap_or_default(),
                        };
                        html! { <li>{ format!("{answers} — {} {target}", m.leads_to) }</li> }
                    }) }
                </ul>
            </li>
        }
    });
    html! {
        <figure class="ea-diagram">
            <figcaption class="ea-heading-m">{ m.diagram_heading }</figcaption>
            <div class="ea-diagram__frame" tabindex="0" role="region" aria-label={m.diagram_heading}>
                <svg viewBox={format!("0 0 {} {}", px(layout.width), px(layout.height))} width={px(layout.width)} height={px(layout.height)} aria-hidden="true" focusable="false">
                    { for edges }
                    { for labels }
                    { for nodes }
                </svg>
            </div>
            <details class="ea-details">
                <summary>{ m.diagram_text }</summary>
                <ul class="ea-diagram__text">{ for branches }</ul>
            </details>
        </figure>
    }
}
