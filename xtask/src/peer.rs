//! The benchmark's peer: the same questionnaire as a SurveyJS page (survey-core and
//! survey-js-ui from npm, pinned in package-lock.json), generated from our rule pack — same
//! questions, same branches, same languages — and built as one self-contained HTML file.
//! Also the scripted journey both pages are timed on.

use crate::root;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use ethics_engine::{Input, Next, OptionId, Pack, Question, Topic};

/// One answer of the timed journey.
pub enum JourneyStep {
    Choice(String),
    Amount(ethics_engine::Amount),
}

/// The longest way through `topic`: at each question, the answer that leads furthest.
pub fn journey(pack: &Pack, topic: &Topic) -> Vec<(String, JourneyStep)> {
    let mut steps = Vec::new();
    let mut at = Some(topic.start.clone());
    while let Some(id) = at.take() {
        let Some(question) = topic.question(&id) else { break };
        let remaining = |option: &OptionId| match question.rule_for(option).map(|r| &r.then) {
            Some(Next::Question(next)) => topic.longest_from(next),
            _ => 0,
        };
        let Some(best) = question.options.iter().max_by_key(|o| remaining(&o.id)) else { break };
        let step = match (&question.input, best.id.as_str()) {
            (Input::Amount { compare_with }, option @ ("at_or_below" | "above")) => {
                let threshold = pack.amount_setting(compare_with).map_or(0, |a| a.0);
                let cents = if option == "above" { threshold + 1 } else { threshold };
                JourneyStep::Amount(ethics_engine::Amount(cents))
            }
            (_, option) => JourneyStep::Choice(option.to_owned()),
        };
        if let Some(Next::Question(next)) = question.rule_for(&best.id).map(|r| &r.then) {
            at = Some(next.clone());
        }
        steps.push((id.as_str().to_owned(), step));
    }
    steps
}

/// The journey as JSON for the browser script: the topic, the steps
/// (`{"question": …, "choice"|"amount": …}`) and the outcome our engine gives for them.
pub fn journey_json(pack: &Pack, topic: &Topic) -> Result<String, String> {
    let steps = journey(pack, topic);
    let mut answers = ethics_engine::Answers::new();
    let mut items = Vec::new();
    for (question, step) in &steps {
        let (item, answer) = match step {
            JourneyStep::Choice(v) => (json!({ "question": question, "choice": v }), ethics_engine::Answer::Choice(v.as_str().into())),
            // Typed as plain units ("150" or "150.01"), as a person would.
            JourneyStep::Amount(amount) => (json!({ "question": question, "amount": amount.plain() }), ethics_engine::Answer::Amount(*amount)),
        };
        answers.insert(question.as_str().into(), answer);
        items.push(item);
    }
    let outcome = match ethics_engine::evaluate(pack, topic, &answers).end {
        ethics_engine::End::Outcome { outcome, .. } => outcome.id.as_str().to_owned(),
        other => return Err(format!("the bench journey through {} does not reach an outcome: {other:?}", topic.id.as_str())),
    };
    Ok(json!({ "topic": topic.id.as_str(), "outcome": outcome, "steps": items }).to_string())
}

/// A text in every language of the pack, as a SurveyJS localizable string.
fn localized(pack: &Pack, text: impl Fn(usize) -> String) -> Value {
    let entries: Map<String, Value> = (0..pack.languages.len())
        .map(|lang| {
            let key = if lang == 0 { "default" } else { pack.languages[lang].as_str() };
            (key.to_owned(), Value::String(text(lang)))
        })
        .collect();
    Value::Object(entries)
}

/// The name of the "I do not know its value" box beside an amount question.
fn dont_know_box(question: &Question) -> String {
    format!("{}__dont_know", question.id.as_str())
}

/// The SurveyJS expression that is true when `option` is the answer to `question`. Hidden
/// questions lose their values (`clearInvisibleValues: "onHidden"`), so an answer left on a
/// branch the user has left never counts — as in our engine.
fn answered(pack: &Pack, question: &Question, option: &OptionId) -> String {
    let (q, o) = (question.id.as_str(), option.as_str());
    match &question.input {
        Input::Amount { compare_with } => {
            let threshold = pack.amount_setting(compare_with).map_or_else(|| "0".to_owned(), |a| a.plain());
            let known = format!("{{{}}} <> true", dont_know_box(question));
            match o {
                "at_or_below" => format!("({{{q}}} <= {threshold} and {known})"),
                "above" => format!("({{{q}}} > {threshold} and {known})"),
                _ => format!("({{{}}} = true)", dont_know_box(question)),
            }
        }
        Input::Choice | Input::YesNo => format!("({{{q}}} = '{o}')"),
    }
}

/// The survey definition (SurveyJS JSON): one page per question, in an order where every
/// question comes after those that lead to it, each page shown when an answer leads there,
/// and the completed page chosen by the rule that ended the journey. Amounts count as they are
/// typed, as in our form; otherwise SurveyJS offers "Complete" until the field loses focus.
pub fn survey_json(pack: &Pack, topic: &Topic) -> String {
    let mut order: Vec<&Question> = topic.questions.iter().collect();
    // A question is asked before any it can lead to: it has a longer way ahead of it.
    order.sort_by_key(|q| std::cmp::Reverse(topic.longest_from(&q.id)));
    let leads_to = |target: &str| -> Vec<String> {
        topic
            .questions
            .iter()
            .flat_map(|q| q.rules.iter().map(move |r| (q, r)))
            .filter(|(_, r)| matches!(&r.then, Next::Question(n) if n.as_str() == target))
            .flat_map(|(q, r)| r.when.iter().map(move |o| answered(pack, q, o)))
            .collect()
    };
    let mut pages = Vec::new();
    for question in &order {
        let id = question.id.as_str();
        let title = localized(pack, |lang| pack.render(&question.ask, lang));
        let mut first = match &question.input {
            Input::Amount { .. } => json!({ "type": "text", "inputType": "number", "min": 0, "name": id, "title": title, "requiredIf": format!("{{{}}} <> true", dont_know_box(question)) }),
            Input::Choice | Input::YesNo => {
                let choices: Vec<Value> = question.options.iter().map(|o| json!({ "value": o.id.as_str(), "text": localized(pack, |lang| pack.option_label(o, lang)) })).collect();
                json!({ "type": "radiogroup", "isRequired": true, "name": id, "title": title, "choices": choices })
            }
        };
        if let Some(hint) = &question.hint {
            first["description"] = localized(pack, |lang| pack.render(hint, lang));
        }
        let mut elements = vec![first];
        if let Input::Amount { .. } = &question.input {
            let dont_know = localized(pack, |lang| ethics_engine::BuiltinOption::DontKnow.label(pack.languages[lang].as_str()).to_owned());
            elements.push(json!({ "type": "boolean", "renderAs": "checkbox", "name": dont_know_box(question), "title": dont_know, "titleLocation": "hidden", "label": dont_know }));
        }
        let mut page = json!({ "name": id, "elements": elements });
        if question.id != topic.start {
            page["visibleIf"] = Value::String(leads_to(id).join(" or "));
        }
        pages.push(page);
    }
    let mut endings = Vec::new();
    for question in &topic.questions {
        for rule in &question.rules {
            let Next::Outcome(outcome_id) = &rule.then else { continue };
            let Some(outcome) = pack.outcome(outcome_id) else { continue };
            let expression: Vec<String> = rule.when.iter().map(|o| answered(pack, question, o)).collect();
            let html = localized(pack, |lang| {
                format!(
                    "<h2 data-outcome=\"{}\">{}</h2><p>{}</p>",
                    outcome_id.as_str(),
                    escape_html(&pack.render(&outcome.title, lang)),
                    escape_html(&pack.render(&rule.says, lang))
                )
            });
            endings.push(json!({ "expression": expression.join(" or "), "html": html }));
        }
    }
    json!({
        "title": localized(pack, |lang| pack.render(&topic.title, lang)),
        "clearInvisibleValues": "onHidden",
        "textUpdateMode": "onTyping",
        "showQuestionNumbers": "off",
        "pages": pages,
        "completedHtmlOnCondition": endings,
    })
    .to_string()
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// What the peer page inlines from node_modules: SurveyJS's own minified builds, the
/// stylesheet without web fonts (so nothing is fetched), and its UI strings in our languages.
const SURVEYJS_FILES: [&str; 3] = ["survey-core/survey.core.min.js", "survey-js-ui/survey-js-ui.min.js", "survey-core/survey-core.fontless.min.css"];

/// The SurveyJS locale file for each of our language codes.
fn surveyjs_locale(code: &str) -> Option<&'static str> {
    match code {
        "fr" => Some("survey-core/i18n/french.min.js"),
        "es" => Some("survey-core/i18n/spanish.min.js"),
        _ => None,
    }
}

/// The pinned SurveyJS version (package.json).
pub fn surveyjs_version() -> Result<String, String> {
    crate::setup::pinned_npm_packages()?.into_iter().find(|(name, _)| name == "survey-core").map(|(_, v)| v).ok_or_else(|| "package.json does not pin survey-core".into())
}

fn node_module(path: &str) -> Result<String, String> {
    let full = root().join("node_modules").join(path);
    std::fs::read_to_string(&full).map_err(|e| format!("cannot read {} (run `cargo xtask setup`): {e}", full.display()))
}

/// Inline script text cannot contain `</script`; inside JavaScript, `<\/script` means the same.
fn inline_script(js: &str) -> String {
    format!("<script>{}</script>\n", js.replace("</script", "<\\/script"))
}

/// The whole SurveyJS peer as one HTML page. It marks `peer:question` (User Timing) each time
/// a question is rendered, as our app marks `ethics-advisor:question`.
pub fn surveyjs_page(pack: &Pack, topic: &Topic) -> Result<String, String> {
    let [core, ui, css] = SURVEYJS_FILES.map(node_module);
    let mut scripts = inline_script(&core?) + &inline_script(&ui?);
    for lang in &pack.languages {
        if let Some(file) = surveyjs_locale(lang.as_str()) {
            scripts.push_str(&inline_script(&node_module(file)?));
        }
    }
    let options: Vec<String> = pack.languages.iter().map(|l| format!("<option value=\"{0}\">{0}</option>", l.as_str())).collect();
    let start = format!(
        "const survey = new Survey.Model({json});\n\
         survey.onAfterRenderQuestion.add(() => performance.mark('peer:question'));\n\
         const language = document.getElementById('language');\n\
         language.addEventListener('change', () => {{ survey.locale = language.value === '{first}' ? '' : language.value; }});\n\
         survey.render(document.getElementById('survey'));\n",
        json = survey_json(pack, topic),
        first = pack.languages[0].as_str()
    );
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'\">\n\
         <title>{} — SurveyJS peer</title>\n<style>{}</style>\n</head>\n<body>\n\
         <label>Language <select id=\"language\">{}</select></label>\n<div id=\"survey\"></div>\n{scripts}{}</body>\n</html>\n",
        escape_html(&pack.render(&topic.title, 0)),
        css?,
        options.join(""),
        inline_script(&start)
    ))
}

/// `cargo xtask peer [DIR]`: writes the SurveyJS page and the bench journey (default:
/// bench-output/), to look at or to time by hand.
pub fn run(dir: Option<PathBuf>) -> Result<(), String> {
    let dir = dir.unwrap_or_else(|| root().join("bench-output"));
    let (page, journey) = write(&dir)?;
    println!("peer: {} and {}", page.display(), journey.display());
    Ok(())
}

/// Writes the SurveyJS page of the gifts topic and its bench journey into `dir`; returns
/// their paths.
pub fn write(dir: &Path) -> Result<(PathBuf, PathBuf), String> {
    let pack = crate::cases::load_pack(None)?;
    let gifts = pack.topics.iter().find(|t| t.id.as_str() == "gifts").ok_or("the rule pack has no gifts topic")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let (page, journey) = (dir.join("surveyjs-gifts.html"), dir.join("journey.json"));
    for (path, content) in [(&page, surveyjs_page(&pack, gifts)?), (&journey, journey_json(&pack, gifts)?)] {
        std::fs::write(path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok((page, journey))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gifts() -> (Pack, Topic) {
        let pack = crate::cases::load_pack(None).unwrap();
        let topic = pack.topics.iter().find(|t| t.id.as_str() == "gifts").unwrap().clone();
        (pack, topic)
    }

    #[test]
    fn the_journey_is_the_longest_way_through() {
        let (pack, topic) = gifts();
        let steps = journey(&pack, &topic);
        assert_eq!(steps.len(), topic.longest_from(&topic.start));
        assert_eq!(steps[0].0, topic.start.as_str());
        assert!(journey_json(&pack, &topic).unwrap().contains("\"outcome\":"));
    }

    #[test]
    fn every_question_answer_and_ending_is_in_the_survey() {
        let (pack, topic) = gifts();
        let json = survey_json(&pack, &topic);
        for question in &topic.questions {
            assert!(json.contains(&format!("\"name\":\"{}\"", question.id.as_str())), "{}", question.id.as_str());
            for rule in &question.rules {
                for option in &rule.when {
                    assert!(json.contains(&answered(&pack, question, option)), "{} {}", question.id.as_str(), option.as_str());
                }
                if let Next::Outcome(outcome) = &rule.then {
                    assert!(json.contains(&format!("data-outcome=\\\"{}\\\"", outcome.as_str())));
                }
            }
        }
        for lang in ["\"fr\":", "\"es\":"] {
            assert!(json.contains(lang));
        }
    }

    #[test]
    fn pages_come_after_every_page_that_leads_to_them() {
        let (pack, topic) = gifts();
        let survey: Value = serde_json::from_str(&survey_json(&pack, &topic)).unwrap();
        let pages = survey["pages"].as_array().unwrap();
        let at = |id: &str| pages.iter().position(|p| p["name"] == id).unwrap();
        for question in &topic.questions {
            for rule in &question.rules {
                if let Next::Question(next) = &rule.then {
                    assert!(at(question.id.as_str()) < at(next.as_str()), "{} before {}", question.id.as_str(), next.as_str());
                }
            }
        }
    }
}
