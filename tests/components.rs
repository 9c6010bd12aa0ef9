//! Component tests in headless Chromium (wasm-bindgen-test): the real app mounted into a
//! page, driven through the DOM as a person would.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Renders and waits for Yew's scheduler and effects to run.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// A fresh advisor for the gifts topic (as a host page's `data-topic="gifts"` gives), in its
/// own element, with an empty fragment.
async fn mount() -> (yew::AppHandle<ethics_advisor::App>, Element) {
    mount_with(ethics_advisor::AppProps { topic: Some("gifts".into()), ..Default::default() }).await
}

/// The rule pack the build validated, given to the app as a page gives it when it starts.
fn pack() -> &'static ethics_engine::Pack {
    ethics_advisor::embedded_pack::provide(include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin")), None).unwrap()
}

async fn mount_with(props: ethics_advisor::AppProps) -> (yew::AppHandle<ethics_advisor::App>, Element) {
    pack();
    document().location().unwrap().set_hash("").unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<ethics_advisor::App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (handle, root)
}

fn unmount(handle: yew::AppHandle<ethics_advisor::App>, root: Element) {
    handle.destroy();
    root.remove();
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    let element = find(root, selector).unwrap_or_else(|| panic!("no {selector}"));
    element.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

async fn choose(root: &Element, option_field: &str) {
    let input = find(root, &format!("#{option_field}")).unwrap_or_else(|| panic!("no #{option_field}"));
    input.dyn_into::<HtmlInputElement>().unwrap().set_checked(true);
    click(root, "button[type=submit]").await;
}

/// Clicks the first `selector` element whose text is `label`.
async fn click_labelled(root: &Element, selector: &str, label: &str) {
    let all = root.query_selector_all(selector).unwrap();
    let found = (0..all.length())
        .filter_map(|i| all.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()))
        .find(|e| e.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no {selector} reading {label:?}"));
    found.click();
    settle().await;
}

fn focused_id() -> String {
    document().active_element().map(|e| e.id()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_start_page_promises_privacy_and_starts_the_questionnaire() {
    let (handle, root) = mount().await;
    assert_eq!(text(&root, "h1"), "Get advice on a gift, hospitality or an honour");
    assert!(text(&root, "main").contains("Nothing you enter leaves this page"));
    click(&root, ".ea-button--start").await;
    assert_eq!(document().location().unwrap().hash().unwrap(), "#/gifts/exchange");
    unmount(handle, root);
}

#[wasm_bindgen_test]
async fn a_question_is_the_legend_and_h1_with_labelled_radios_and_focus_on_the_heading() {
    let (handle, root) = mount().await;
    click(&root, ".ea-button--start").await;
    let heading = find(&root, "fieldset > legend > h1#page-heading").expect("the question is the legend's h1");
    assert!(heading.text_content().unwrap().starts_with("Has the giver asked you"));
    assert_eq!(focused_id(), "page-heading");
    let radios = root.query_selector_all("input[type=radio][name=answer]").unwrap();
    assert_eq!(radios.length(), 3, "yes, no and I do not know");
    for i in 0..radios.length() {
        let id = radios.item(i).unwrap().dyn_into::<Element>().unwrap().id();
        assert!(find(&root, &format!("label[for={id}]")).is_some(), "radio {id} has a label");
    }
    assert_eq!(text(&root, "button[type=submit]"), "Continue");
    assert!(find(&root, "a.ea-back-link").is_some());
    unmount(handle, root);
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_shows_the_error_summary() {
    let (handle, root) = mount_with(ethics_advisor::AppProps { topic: Some("gifts".into()), steps_in_title: true, ..Default::default() }).await;
    click(&root, ".ea-button--start").await;
    click(&root, "button[type=submit]").await;
    assert_eq!(text(&root, "#error-summary a"), "Select an answer");
    assert_eq!(focused_id(), "error-summary");
    assert!(document().title().starts_with("Error: "));
    assert!(find(&root, ".ea-form-group--error .ea-error-message").is_some());
    unmount(handle, root);
}

#[wasm_bindgen_test]
async fn embedded_without_data_title_the_host_page_keeps_its_title() {
    document().set_title("Staff intranet");
    let (handle, root) = mount().await;
    click(&root, ".ea-button--start").await;
    click(&root, "button[type=submit]").await;
    assert_eq!(focused_id(), "error-summary", "the step still happens");
    assert_eq!(document().title(), "Staff intranet");
    unmount(handle, root);
}

#[wasm_bindgen_test]
async fn answers_lead_to_check_answers_and_a_result_with_its_reasons() {
    let (handle, root) = mount().await;
    click(&root, ".ea-button--start").await;
    choose(&root, "ea-exchange-no").await;
    choose(&root, "ea-solicited-no").await;
    choose(&root, "ea-cash-yes").await;
    choose(&root, "ea-money_private-no").await;
    assert_eq!(text(&root, "h1"), "Check your answers");
    assert_eq!(root.query_selector_all(".ea-summary-list__row").unwrap().length(), 4);
    click(&root, ".ea-main > .ea-button").await;
    assert_eq!(text(&root, "h1"), "This is not permitted");
    let rules: Vec<String> = {
        let steps = root.query_selector_all(".ea-trace__step").unwrap();
        (0..steps.length()).map(|i| steps.item(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("data-rule").unwrap()).collect()
    };
    assert_eq!(rules, ["gifts_no_exchange", "gifts_not_solicited", "gifts_money", "gifts_cash"]);
    assert!(text(&root, ".ea-trace").contains("Common practice: cash and cash equivalents"));
    click_labelled(&root, "button", "Start again").await;
    assert_eq!(text(&root, "h1"), "Get advice on a gift, hospitality or an honour", "start again");
    unmount(handle, root);
}

#[wasm_bindgen_test]
async fn the_back_link_keeps_the_answer_given() {
    let (handle, root) = mount().await;
    click(&root, ".ea-button--start").await;
    choose(&root, "ea-exchange-no").await;
    click(&root, "a.ea-back-link").await;
    let no = find(&root, "#ea-exchange-no").unwrap().dyn_into::<HtmlInputElement>().unwrap();
    assert!(no.checked(), "the earlier answer is selected again");
    unmount(handle, root);
}

#[wasm_bindgen_test]
async fn without_a_topic_the_start_page_leads_to_the_triage_question() {
    let (handle, root) = mount_with(ethics_advisor::AppProps::default()).await;
    let pack = pack();
    if pack.topics.len() > 1 {
        assert_eq!(text(&root, "h1"), "Get confidential advice on an ethics question");
        click(&root, ".ea-button--start").await;
        assert_eq!(text(&root, "legend h1"), "What would you like advice on?");
        assert_eq!(root.query_selector_all("input[name=topic]").unwrap().length() as usize, pack.topics.len());
        click(&root, "button[type=submit]").await;
        assert_eq!(focused_id(), "error-summary", "no topic chosen");
        let gifts = pack.topics.iter().position(|t| t.id.as_str() == "gifts").unwrap();
        choose(&root, &format!("ea-topic-{gifts}")).await;
        assert!(text(&root, "h1").starts_with("Has the giver asked you"));
        assert_eq!(document().location().unwrap().hash().unwrap(), "#/gifts/exchange");
    }
    unmount(handle, root);
}

#[wasm_bindgen_test]
async fn an_unknown_language_topic_or_mode_falls_back_to_a_working_advisor() {
    let props = ethics_advisor::AppProps { lang: Some("xx".into()), topic: Some("no_such_topic".into()), mode: Some("teacher".into()), steps_in_title: false };
    let (handle, root) = mount_with(props).await;
    assert!(find(&root, "h1#page-heading").is_some(), "never a blank widget");
    assert_eq!(root.query_selector(".ethics-advisor").unwrap().unwrap().get_attribute("lang").as_deref(), Some("en"));
    unmount(handle, root);
}
