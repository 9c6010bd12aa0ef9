//! Reader sheets for the reader test: what the screens show, one language per sheet — the
//! topic choice, then every question with its hint and answers and where each answer leads —
//! and nothing of the rules' reasons or outcomes, so a reader answers a story unprompted.

use crate::cases::load_pack;
use ethics_engine::{BuiltinOption, Input, Next, OptionLabel, Pack, Topic};
use std::fmt::Write;
use std::path::PathBuf;

/// `cargo xtask reader-sheets [--rules DIR] [OUT]`: one `sheet.<lang>.txt` per language
/// (default `docs/reader-test/sheets/`).
pub fn run(rules: Option<PathBuf>, out: Option<PathBuf>) -> Result<(), String> {
    let out = out.unwrap_or_else(|| crate::root().join("docs/reader-test/sheets"));
    let pack = load_pack(rules)?;
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (lang, code) in pack.languages.iter().enumerate() {
        let path = out.join(format!("sheet.{}.txt", code.as_str()));
        std::fs::write(&path, sheet(&pack, lang)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// Question numbers readers can follow: the topic's initials and the question's place.
fn number(topic: &Topic, index: usize) -> String {
    format!("{}{}", topic.id.as_str().get(..3).unwrap_or(topic.id.as_str()).to_uppercase(), index + 1)
}

fn sheet(pack: &Pack, lang: usize) -> String {
    let mut s = String::from("# The topic choice (choose one)\n\n");
    for (i, topic) in pack.topics.iter().enumerate() {
        let _ = writeln!(s, "T{}. {} — {}", i + 1, pack.render(&topic.title, lang), pack.render(&topic.summary, lang));
    }
    for (i, topic) in pack.topics.iter().enumerate() {
        let position = |id: &ethics_engine::QuestionId| topic.questions.iter().position(|q| &q.id == id).map_or("?".into(), |p| number(topic, p));
        let _ = write!(s, "\n\n# T{}. {}\nStart at {}.\n", i + 1, pack.render(&topic.heading, lang), position(&topic.start));
        for (index, q) in topic.questions.iter().enumerate() {
            let _ = writeln!(s, "\n{}. {}", number(topic, index), pack.render(&q.ask, lang));
            if let Some(hint) = &q.hint {
                let _ = writeln!(s, "   (hint) {}", pack.render(hint, lang));
            }
            // An amount is typed; the sheet says which amounts lead where.
            let threshold = match &q.input {
                Input::Amount { compare_with } => {
                    let _ = writeln!(s, "   [a box to type an amount]");
                    pack.amount_setting(compare_with).map(|a| pack.money(a, lang))
                }
                _ => None,
            };
            for (letter, option) in ('a'..).zip(&q.options) {
                let leads = match q.rule_for(&option.id).map(|r| &r.then) {
                    Some(Next::Question(next)) => format!("go to {}", position(next)),
                    _ => "END: check your answers, then the advice".into(),
                };
                let hint = match &option.label {
                    OptionLabel::Pack { hint: Some(hint), .. } => format!("  [{}]", pack.render(hint, lang)),
                    _ => String::new(),
                };
                let label = match (&option.label, &threshold) {
                    (OptionLabel::Builtin(BuiltinOption::AtOrBelow), Some(t)) => format!("(an amount of {t} or less)"),
                    (OptionLabel::Builtin(BuiltinOption::Above), Some(t)) => format!("(an amount over {t})"),
                    _ => pack.option_label(option, lang),
                };
                let _ = writeln!(s, "   {letter}) {label}{hint} → {leads}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_shows_the_screens_and_hides_the_reasons() {
        let text = std::fs::read_to_string(crate::root().join("engine/tests/fixture/pack.toml")).unwrap();
        let pack = ethics_engine::load::from_sources(&[("pack.toml".into(), text)]).expect("the engine's fixture pack loads");
        let en = sheet(&pack, 0);
        assert!(en.contains("T1. Demo — A small topic."), "{en}");
        assert!(en.contains("DEM1. Is it cash?"), "{en}");
        assert!(en.contains("b) No → go to DEM2"), "{en}");
        assert!(en.contains("a) Yes → END"), "{en}");
        assert!(en.contains("(an amount over"), "an amount question says which amounts lead where: {en}");
        assert!(!en.contains("Cash is never accepted") && !en.contains("Decline"), "no reason or outcome: {en}");
        assert!(sheet(&pack, 1).contains("Est-ce de l'argent ?"));
    }
}
