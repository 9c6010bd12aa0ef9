//! How a pack reads back to a person, on the engine's fixture pack: the shared answers'
//! labels, answers as the summary and the check page show them, sums with the pack's
//! currency, and the principle, source and topic steps a rule or outcome names.

mod common;

use common::fixture as pack;
use ethics_engine::{Amount, Answer, Topic};

fn loans() -> &'static Topic {
    pack().topic(&"loans".into()).unwrap()
}

#[test]
fn answers_read_back_in_each_language() {
    let (lender, interest, sum) = (loans().question(&"lender".into()).unwrap(), loans().question(&"interest".into()).unwrap(), loans().question(&"sum".into()).unwrap());
    let choice = |id: &str| Answer::Choice(id.into());
    assert_eq!(pack().answer_text(interest, &choice("yes"), 0), "Yes");
    assert_eq!(pack().answer_text(interest, &choice("yes"), 1), "Oui");
    assert_eq!(pack().answer_text(lender, &choice("dont_know"), 1), "Je ne sais pas");
    assert_eq!(pack().answer_text(lender, &choice("supplier"), 0), "A supplier");
    assert_eq!(pack().answer_text(lender, &choice("supplier"), 1), "Un fournisseur");
    assert_eq!(pack().answer_text(lender, &choice("gone"), 0), "gone", "an option the question lost shows its id, not nothing");
    assert_eq!(pack().answer_text(sum, &Answer::Amount(Amount(125_050)), 0), "USD 1,250.50");
    assert_eq!(pack().answer_text(sum, &Answer::Amount(Amount(125_050)), 1), "1\u{202f}250,50\u{a0}USD");
    assert_eq!(pack().currency(), "USD");
    assert!(lender.allows_dont_know() && !interest.allows_dont_know() && !sum.allows_dont_know());
}

#[test]
fn what_a_rule_names_is_found_and_nothing_else() {
    assert_eq!(pack().principle(&"integrity".into()).map(|p| pack().render(&p.name, 1)), Some("Intégrité".to_owned()));
    assert!(pack().principle(&"honesty".into()).is_none());
    assert_eq!(pack().source(&"rule_1".into()).map(|s| pack().render(&s.cite, 0)), Some("Rule 1".to_owned()));
    assert!(pack().source(&"rule_9".into()).is_none());
    let steps = |outcome: &str| loans().steps_for(&outcome.into()).map(|t| pack().render(t, 0)).collect::<Vec<_>>();
    assert_eq!(steps("no"), ["Say no kindly."]);
    assert!(steps("ok").is_empty());
}

#[test]
fn wording_figures_count_each_topic_in_each_language() {
    // By hand for loans in English: 4, 10 ("… is USD 30.") and 11 words; one hint of 6.
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let rows: Vec<_> = ethics_engine::wording::figures(pack())
        .into_iter()
        .map(|f| {
            let (hardest, hardest_score) = f.hardest.unwrap();
            (f.topic, f.lang, f.questions, round(f.mean_question_words), f.longest_question_words, f.longest_hint_words, round(f.readability.unwrap().score), hardest, round(hardest_score))
        })
        .collect();
    let row = |topic: &str, lang: &str, questions, mean, longest, hint, score, hardest: &str, hardest_score| {
        (topic.to_owned(), lang.to_owned(), questions, mean, longest, hint, score, hardest.to_owned(), hardest_score)
    };
    assert_eq!(rows, vec![
        // The hardest question is the last one asked, the one with the highest grade in
        // English and the lowest ease in French.
        row("loans", "en", 3, 8.33, 11, 6, 1.29, "interest", 3.72),
        row("loans", "fr", 3, 9.0, 12, 6, 104.4, "interest", 93.81),
        row("demo", "en", 2, 6.5, 10, 0, -1.19, "value", -0.66),
        row("demo", "fr", 2, 5.5, 8, 0, 102.91, "value", 101.74),
    ]);
}

#[test]
fn of_equally_hard_questions_the_first_is_named_the_hardest() {
    let text = include_str!("fixture/pack.toml")
        .replacen("ask.en = \"How much is it worth? The limit is {threshold}.\"", "ask.en = \"Is it gold?\"", 1)
        .replacen("ask.fr = \"Combien vaut-il ? La limite est de {threshold}.\"", "ask.fr = \"Est-ce de l'argent ?\"", 1);
    let pack = ethics_engine::load::from_sources(&[("pack.toml".into(), text)]).unwrap_or_else(|e| panic!("{e:?}"));
    for row in ethics_engine::wording::figures(&pack) {
        let (hardest, _) = row.hardest.unwrap();
        assert_eq!(hardest, "cash", "{}: \"Is it cash?\" and \"Is it gold?\" read the same", row.lang);
    }
}
