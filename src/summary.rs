//! The plain-text summary of a result (answers, outcome, why, next steps) that the user may
//! copy, and the `mailto:` draft to the Ethics and Conduct Office built from it. Nothing is
//! sent by the app: the user's own mail program opens with an editable draft.

use crate::i18n::Messages;
use ethics_engine::{End, Evaluation, Pack, SettingValue, Topic};

/// The result of an evaluation in `topic` as plain text, or `None` if the path is incomplete.
pub fn summary_text(pack: &Pack, lang: usize, m: &Messages, topic: &Topic, evaluation: &Evaluation) -> Option<String> {
    let End::Outcome { outcome, also } = &evaluation.end else { return None };
    let t = |text| pack.render(text, lang);
    let mut out = format!("{} — {}\n\n", m.app_name, t(&topic.title));
    out.push_str(&format!("{}{}{}\n{}\n", m.result_heading, m.colon, t(&outcome.title), t(&outcome.summary)));
    for other in also {
        out.push_str(&format!("{}{}{}\n{}\n", m.also_heading, m.colon, t(&other.title), t(&other.summary)));
    }
    out.push_str(&format!("\n{}\n", m.answers_heading));
    for step in &evaluation.steps {
        let answer = pack.answer_text(step.question, &step.answer, lang);
        out.push_str(&format!("- {} {}\n", t(&step.question.ask), answer));
    }
    out.push_str(&format!("\n{}\n", m.why_heading));
    for step in &evaluation.steps {
        let principle = pack.principle(&step.rule.principle).map(|p| t(&p.name)).unwrap_or_default();
        let source = pack.source(&step.rule.source).map(|s| t(&s.cite)).unwrap_or_default();
        out.push_str(&format!("- {} ({} {}; {} {})\n", t(&step.rule.says), m.principle, principle, m.source, source));
    }
    out.push_str(&format!("\n{}\n", m.next_heading));
    for (i, step) in evaluation.next_steps(topic).into_iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, t(step)));
    }
    Some(out)
}

/// A `mailto:` link to the Ethics and Conduct Office with `subject` and `body`, or `None` if
/// the pack has no `eco_email` setting.
pub fn mailto(pack: &Pack, subject: &str, body: &str) -> Option<String> {
    let Some(SettingValue::Email(address)) = pack.setting("eco_email").map(|s| &s.value) else { return None };
    Some(format!("mailto:{}?subject={}&body={}", address, percent_encode(subject), percent_encode(body)))
}

/// Percent-encodes everything but unreserved characters (RFC 3986), as mail clients expect
/// in `mailto:` fields (line breaks as %0D%0A).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ethics_engine::{evaluate, Answer, Answers};

    fn gifts_declined() -> (&'static Pack, Answers) {
        let pack = crate::embedded_pack::load().unwrap();
        let mut answers = Answers::new();
        answers.insert("exchange".into(), Answer::Choice("no".into()));
        answers.insert("solicited".into(), Answer::Choice("no".into()));
        answers.insert("cash".into(), Answer::Choice("yes".into()));
        answers.insert("money_private".into(), Answer::Choice("no".into()));
        (pack, answers)
    }

    #[test]
    fn the_summary_holds_answers_outcome_reasons_and_steps() {
        let (pack, answers) = gifts_declined();
        let topic = pack.topic(&"gifts".into()).unwrap();
        let text = summary_text(pack, 0, crate::i18n::messages("en"), topic, &evaluate(pack, topic, &answers)).unwrap();
        assert!(text.contains("Result: This is not permitted"), "{text}");
        assert!(text.contains("- Is it money, or something that works like money? Yes"), "{text}");
        assert!(text.contains("Cash and cash equivalents, such as gift cards, vouchers and tickets, are never acceptable"), "{text}");
        assert!(text.contains("1. Decline politely."), "{text}");
        assert!(!text.contains('{'), "placeholders filled: {text}");
    }

    #[test]
    fn french_puts_a_no_break_space_before_its_colons() {
        let (pack, answers) = gifts_declined();
        let topic = pack.topic(&"gifts".into()).unwrap();
        let fr = pack.language("fr").unwrap();
        let text = summary_text(pack, fr, crate::i18n::messages("fr"), topic, &evaluate(pack, topic, &answers)).unwrap();
        assert!(text.contains("Résultat\u{a0}: "), "{text}");
        assert!(text.contains("Principe\u{a0}: ") && text.contains("Source\u{a0}: "), "{text}");
        assert!(!text.contains("Résultat :") && !text.contains("Résultat: "), "{text}");
    }

    #[test]
    fn an_incomplete_path_has_no_summary() {
        let (pack, mut answers) = gifts_declined();
        answers.remove(&ethics_engine::QuestionId::from("cash"));
        let topic = pack.topic(&"gifts".into()).unwrap();
        assert_eq!(summary_text(pack, 0, crate::i18n::messages("en"), topic, &evaluate(pack, topic, &answers)), None);
    }

    #[test]
    fn the_mail_draft_is_addressed_to_the_office_and_encoded() {
        let (pack, _) = gifts_declined();
        let link = mailto(&pack, "Advice: gifts", "Line one\nÉtape 2 & more?").unwrap();
        assert_eq!(link, "mailto:ethics@example.org?subject=Advice%3A%20gifts&body=Line%20one%0D%0A%C3%89tape%202%20%26%20more%3F");
    }
}
