//! Evaluation properties on the engine's fixture pack: every full set of answers reaches an
//! outcome, answers off the path never change the result, and every enumerated path
//! replays to its own outcome; then the finer points, one test each.

mod common;

use common::fixture as pack;
use ethics_engine::{all_paths, evaluate, Answer, Answers, End, Input, Pack, Topic};
use proptest::prelude::*;

/// Turns raw random numbers into one answer per question of the topic.
fn answers_from(topic: &Topic, raw: &[(u8, u32, bool)]) -> Answers {
    topic
        .questions
        .iter()
        .zip(raw.iter().cycle())
        .map(|(question, &(pick, amount, typed))| {
            let answer = match question.input {
                Input::Amount { .. } if typed => Answer::Amount(ethics_engine::Amount(u64::from(amount) % 100_000)),
                _ => Answer::Choice(question.options[pick as usize % question.options.len()].id.clone()),
            };
            (question.id.clone(), answer)
        })
        .collect()
}

fn outcome_of(end: &End<'_>) -> Option<(String, Vec<String>)> {
    match end {
        End::Outcome { outcome, also } => Some((outcome.id.to_string(), also.iter().map(|o| o.id.to_string()).collect())),
        _ => None,
    }
}

proptest! {
    #[test]
    fn every_full_set_of_answers_reaches_an_outcome(raw in proptest::collection::vec(any::<(u8, u32, bool)>(), 1..40)) {
        for topic in &pack().topics {
            let answers = answers_from(topic, &raw);
            let evaluation = evaluate(pack(), topic, &answers);
            prop_assert!(outcome_of(&evaluation.end).is_some(), "topic {} ended in {:?}", topic.id, evaluation.end);
            prop_assert!(!evaluation.steps.is_empty());
        }
    }

    #[test]
    fn answers_off_the_path_never_change_the_result(
        raw in proptest::collection::vec(any::<(u8, u32, bool)>(), 1..40),
        other in proptest::collection::vec(any::<(u8, u32, bool)>(), 1..40),
    ) {
        for topic in &pack().topics {
            let answers = answers_from(topic, &raw);
            let first = evaluate(pack(), topic, &answers);
            let on_path: Vec<_> = first.path().cloned().collect();
            // Replace every off-path answer with another random one, and also drop them all.
            let mut replaced = answers_from(topic, &other);
            let mut dropped = Answers::new();
            for id in &on_path {
                replaced.insert(id.clone(), answers[id].clone());
                dropped.insert(id.clone(), answers[id].clone());
            }
            for variant in [replaced, dropped] {
                let again = evaluate(pack(), topic, &variant);
                prop_assert_eq!(&again.steps, &first.steps);
                prop_assert_eq!(outcome_of(&again.end), outcome_of(&first.end));
            }
        }
    }
}

#[test]
fn every_enumerated_path_replays_to_its_outcome() {
    for topic in &pack().topics {
        let paths = all_paths(topic);
        assert!(!paths.is_empty());
        for path in paths {
            let answers: Answers = path.steps.iter().map(|(q, o, _)| (q.clone(), Answer::Choice(o.clone()))).collect();
            // Amount questions are answered by option here; the engine resolves typed sums
            // to the same options (see the amount tests below).
            let answers: Answers = answers
                .into_iter()
                .map(|(q, a)| {
                    let question = topic.question(&q).unwrap();
                    match (&question.input, &a) {
                        (Input::Amount { compare_with }, Answer::Choice(o)) if o.as_str() != "dont_know" => {
                            let limit = pack().amount_setting(compare_with).unwrap();
                            let amount = if o.as_str() == "above" { limit.0 + 1 } else { limit.0 };
                            (q, Answer::Amount(ethics_engine::Amount(amount)))
                        }
                        _ => (q, a),
                    }
                })
                .collect();
            let evaluation = evaluate(pack(), topic, &answers);
            let rules: Vec<_> = evaluation.steps.iter().map(|s| s.rule.id.clone()).collect();
            let expected: Vec<_> = path.steps.iter().map(|(_, _, r)| r.clone()).collect();
            assert_eq!(rules, expected);
            assert_eq!(outcome_of(&evaluation.end).map(|o| o.0), Some(path.outcome.to_string()));
        }
    }
}

#[test]
fn an_unanswered_question_on_the_path_is_asked_next() {
    let topic = loans();
    let evaluation = evaluate(pack(), topic, &Answers::new());
    assert!(matches!(evaluation.end, End::Ask(q) if q.id == topic.start));
    let answers = choices(&[("lender", "colleague"), ("interest", "yes")]);
    let evaluation = evaluate(pack(), topic, &answers);
    assert!(matches!(evaluation.end, End::Ask(q) if q.id.as_str() == "sum"), "the sum is asked before the interest counts");
}

#[test]
fn amounts_compare_with_the_threshold_setting() {
    let topic = loans();
    let limit = pack().amount_setting(&"threshold".into()).unwrap();
    let end_after = |amount: u64| {
        let mut answers = choices(&[("lender", "colleague")]);
        answers.insert("sum".into(), Answer::Amount(ethics_engine::Amount(amount)));
        match evaluate(pack(), topic, &answers).end {
            End::Ask(q) => q.id.to_string(),
            End::Outcome { outcome, .. } => outcome.id.to_string(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(end_after(limit.0), "ok", "at the threshold is small");
    assert_eq!(end_after(limit.0 + 1), "interest", "one cent above is not");
    let dont_know = choices(&[("lender", "colleague"), ("sum", "dont_know")]);
    assert!(matches!(evaluate(pack(), topic, &dont_know).end, End::Ask(q) if q.id.as_str() == "sum"), "this amount question offers no \"I do not know\"");
}

#[test]
fn an_answer_that_does_not_fit_its_question_is_asked_again() {
    let topic = loans();
    let mut answers = choices(&[("lender", "purple")]);
    assert!(matches!(evaluate(pack(), topic, &answers).end, End::Ask(q) if q.id.as_str() == "lender"));
    answers.insert("lender".into(), Answer::Amount(ethics_engine::Amount(5)));
    assert!(matches!(evaluate(pack(), topic, &answers).end, End::Ask(q) if q.id.as_str() == "lender"));
}

#[test]
fn the_compiled_pack_survives_the_embedding_round_trip() {
    let bytes = postcard::to_allocvec(pack()).unwrap();
    let back: Pack = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(&back, pack());
}

#[test]
fn placeholders_are_filled_from_settings() {
    let ask = pack().render(&loans().question(&"sum".into()).unwrap().ask, 0);
    assert_eq!(ask, "How much is the loan? The limit is USD 30.");
    let step = pack().render(&pack().outcome(&"report".into()).unwrap().steps[0], 1);
    assert_eq!(step, "Écrivez au bureau dans les 7 jours.");
}

#[test]
fn the_longest_remaining_path_counts_questions_still_to_come() {
    let topic = loans();
    let longest = |q: &str| topic.longest_from(&q.into());
    assert_eq!((longest("lender"), longest("sum"), longest("interest")), (3, 2, 1));
    assert_eq!(all_paths(topic).iter().map(|p| p.steps.len()).max(), Some(3));
}

#[test]
fn next_steps_put_the_rule_first_then_the_topic_then_the_outcome() {
    let topic = loans();
    let evaluation = evaluate(pack(), topic, &choices(&[("lender", "supplier")]));
    let steps: Vec<String> = evaluation.next_steps(topic).into_iter().map(|t| pack().render(t, 0)).collect();
    assert_eq!(steps, ["Keep the offer letter.", "Say no kindly.", "Write to the office within 7 days."], "the rule's, the topic's for no, then report's");
    let End::Outcome { outcome, also } = &evaluation.end else { panic!("{:?}", evaluation.end) };
    assert_eq!((outcome.id.as_str(), also.iter().map(|o| o.id.as_str()).collect::<Vec<_>>()), ("no", vec!["report"]));
    assert!(evaluate(pack(), topic, &Answers::new()).next_steps(topic).is_empty(), "nothing before an outcome");
}

#[test]
fn answers_on_a_branch_left_never_count() {
    let topic = loans();
    let answers = choices(&[("lender", "bank"), ("interest", "yes")]);
    let evaluation = evaluate(pack(), topic, &answers);
    assert_eq!(evaluation.path().map(|q| q.as_str()).collect::<Vec<_>>(), ["lender"]);
    assert!(matches!(&evaluation.end, End::Outcome { outcome, .. } if outcome.id.as_str() == "ok"));
}

fn loans() -> &'static Topic {
    pack().topic(&"loans".into()).unwrap()
}

fn choices(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(q, o)| ((*q).into(), Answer::Choice((*o).into()))).collect()
}
