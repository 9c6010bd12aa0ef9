//! Evaluation properties on the real rule pack: every full set of answers reaches an
//! outcome, answers off the path never change the result, and every enumerated path
//! replays to its own outcome.

use ethics_engine::{all_paths, evaluate, load, Answer, Answers, End, Input, Pack, Topic};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
        load::from_dir(&dir).unwrap_or_else(|e| panic!("the default rule pack must be valid: {e:?}"))
    })
}

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
    let topic = pack().topic(&"gifts".into()).unwrap();
    let evaluation = evaluate(pack(), topic, &Answers::new());
    assert!(matches!(evaluation.end, End::Ask(q) if q.id == topic.start));
    let mut answers = Answers::new();
    answers.insert("exchange".into(), Answer::Choice("no".into()));
    answers.insert("solicited".into(), Answer::Choice("no".into()));
    answers.insert("giver".into(), Answer::Choice("vendor".into()));
    let evaluation = evaluate(pack(), topic, &answers);
    assert!(matches!(evaluation.end, End::Ask(q) if q.id.as_str() == "cash"), "cash is asked before the giver counts");
}

#[test]
fn amounts_compare_with_the_threshold_setting() {
    let topic = pack().topic(&"gifts".into()).unwrap();
    let limit = pack().amount_setting(&"nominal_threshold".into()).unwrap();
    let base = [("exchange", "no"), ("solicited", "no"), ("cash", "no"), ("giver", "outside"), ("award", "no")];
    let next_after = |amount: u64| {
        let mut answers: Answers = base.iter().map(|(q, o)| ((*q).into(), Answer::Choice((*o).into()))).collect();
        answers.insert("outside_value".into(), Answer::Amount(ethics_engine::Amount(amount)));
        match evaluate(pack(), topic, &answers).end {
            End::Ask(q) => q.id.to_string(),
            other => panic!("expected a next question, got {other:?}"),
        }
    };
    assert_eq!(next_after(limit.0), "frequent", "at the threshold is nominal");
    assert_eq!(next_after(limit.0 + 1), "unforeseen", "one cent above is not");
}

#[test]
fn an_answer_that_does_not_fit_its_question_is_asked_again() {
    let topic = pack().topic(&"gifts".into()).unwrap();
    let mut answers = Answers::new();
    answers.insert("exchange".into(), Answer::Choice("purple".into()));
    assert!(matches!(evaluate(pack(), topic, &answers).end, End::Ask(q) if q.id.as_str() == "exchange"));
    answers.insert("exchange".into(), Answer::Amount(ethics_engine::Amount(5)));
    assert!(matches!(evaluate(pack(), topic, &answers).end, End::Ask(q) if q.id.as_str() == "exchange"));
}

#[test]
fn the_compiled_pack_survives_the_embedding_round_trip() {
    let bytes = postcard::to_allocvec(pack()).unwrap();
    let back: Pack = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(&back, pack());
}

#[test]
fn placeholders_are_filled_from_settings() {
    let outcome = pack().outcome(&"advice".into()).unwrap();
    let title = pack().render(&outcome.title, 0);
    assert!(!title.contains('{'), "{title}");
    assert!(title.contains("Ethics and Conduct Office"), "{title}");
}

#[test]
fn the_longest_remaining_path_counts_questions_still_to_come() {
    let topic = pack().topic(&"gifts".into()).unwrap();
    let longest = all_paths(topic).iter().map(|p| p.steps.len()).max().unwrap();
    assert_eq!(topic.longest_from(&topic.start), longest);
    for question in &topic.questions {
        let from_here = topic.longest_from(&question.id);
        assert!(from_here >= 1 && from_here <= longest, "{}: {from_here}", question.id);
        if question.rules.iter().all(|r| matches!(r.then, ethics_engine::Next::Outcome(_))) {
            assert_eq!(from_here, 1, "{} ends every path", question.id);
        }
    }
}

#[test]
fn next_steps_put_the_rule_first_then_the_topic_then_the_outcome() {
    let topic = pack().topic(&"gifts".into()).unwrap();
    let mut answers = Answers::new();
    answers.insert("exchange".into(), Answer::Choice("yes".into()));
    let evaluation = evaluate(pack(), topic, &answers);
    let steps = evaluation.next_steps(topic);
    let no = pack().outcome(&"no".into()).unwrap();
    let report = pack().outcome(&"report".into()).unwrap();
    let expected: Vec<_> = topic.steps_for(&no.id).chain(&no.steps).chain(topic.steps_for(&report.id)).chain(&report.steps).collect();
    assert_eq!(steps, expected, "bribery: decline, then report");
    assert!(evaluate(pack(), topic, &Answers::new()).next_steps(topic).is_empty(), "nothing before an outcome");
}
