//! Pieces every screen shares: the header, the back link, the error summary.

use super::use_texts;
use ethics_engine::locale;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Wipes every answer from memory; the page is then left blank.
    pub on_clear_and_exit: Callback<()>,
    /// Switches to the pack language at this index, keeping answers and position.
    pub on_language: Callback<usize>,
    /// Whether trainer mode is on; `None` where the build has no trainer mode (no switch).
    pub trainer: Option<bool>,
    /// Switches trainer mode on or off.
    pub on_trainer: Callback<bool>,
}

/// The advisor's name and the "Clear and exit" control, visible on every page.
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let texts = use_texts();
    let on_clear = props.on_clear_and_exit.clone();
    let (on_trainer, trainer) = (props.on_trainer.clone(), props.trainer);
    // Each language is offered in its own name, and only if both the pack and the app have it.
    let languages: Vec<(usize, &str, &str)> = texts
        .pack
        .languages
        .iter()
        .enumerate()
        .filter_map(|(i, code)| locale::find(code.as_str()).map(|l| (i, l.code, l.name)))
        .collect();
    html! {
        <header class="ea-header">
            <span class="ea-header__name">{ texts.m().app_name }</span>
            if languages.len() > 1 {
                <nav class="ea-languages" aria-label={texts.m().language}>
                    <ul class="ea-languages__list">
                        { for languages.into_iter().map(|(index, code, name)| {
                            let current = index == texts.lang;
                            let on_language = props.on_language.clone();
                            html! {
                                <li>
                                    <button type="button" class="ea-languages__button" lang={code} aria-current={current.then_some("true")}
                                        onclick={move |_| on_language.emit(index)}>{ name }</button>
                                </li>
                            }
                        }) }
                    </ul>
                </nav>
            }
            if let Some(trainer) = trainer {
                <button type="button" class="ea-header__mode" onclick={move |_| on_trainer.emit(!trainer)}>
                    { if trainer { texts.m().leave_trainer_mode } else { texts.m().trainer_mode } }
                </button>
            }
            <button type="button" class="ea-header__exit" onclick={move |_| on_clear.emit(())}>{ texts.m().clear_and_exit }</button>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    /// The fragment of the previous screen, so the link also works when opened apart.
    pub href: AttrValue,
    pub on_back: Callback<()>,
}

#[function_component]
pub fn BackLink(props: &BackLinkProps) -> Html {
    let texts = use_texts();
    let on_back = props.on_back.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        on_back.emit(());
    });
    html! { <a class="ea-back-link" href={props.href.clone()} {onclick}>{ texts.m().back }</a> }
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub message: AttrValue,
    /// The ID of the field the message is about.
    pub field: AttrValue,
}

/// The GOV.UK error summary: focused on a failed Continue, linking to the field.
#[function_component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let texts = use_texts();
    let field = props.field.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        // Focus the field rather than follow the fragment, which is the router's.
        e.prevent_default();
        let element = crate::find(&format!("#{field}"));
        if let Some(element) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = element.focus();
        }
    });
    html! {
        <div id="error-summary" class="ea-error-summary" tabindex="-1" aria-labelledby="error-summary-title" role="alert">
            <h2 id="error-summary-title" class="ea-error-summary__title">{ texts.m().error_summary_title }</h2>
            <ul class="ea-error-summary__list">
                <li><a href={format!("#{}", props.field)} {onclick}>{ props.message.clone() }</a></li>
            </ul>
        </div>
    }
}
